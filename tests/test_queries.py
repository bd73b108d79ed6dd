"""Every question in queries/ answers as a person worked it out from the article.

The cases live in tests/expected/manifest.toml; each names a question, its parameters and a
hand-written expected answer. A question without a case fails ``test_every_question_has_a_case``.

How results are compared (one normalisation, applied to both sides):

* SELECT rows are compared as **multisets** (order is ignored; duplicates count). Columns are
  matched by name, so the expected CSV's header must name exactly the query's variables.
* A cell is a string: an IRI is its full IRI, a literal its lexical form (language tags and
  datatypes dropped), an unbound variable the empty string.
* Expected cells may abbreviate an IRI with one of the project's prefixes (``skgr:china``,
  ``skg:State``, ``wd:Q863``): a cell that is exactly ``prefix:localname`` (no spaces) with a
  known prefix is expanded before comparing, so the files stay readable.
* Numbers: a cell that is a plain decimal numeral (``-?digits[.digits]``) is rewritten in
  canonical form, trailing zeros and point removed: ``1500000000.0`` and ``1500000000`` are
  the same, ``30.50`` becomes ``30.5``. Dates, years and codes are not touched otherwise.
* Lists: a cell holding `` | `` is a list built by GROUP_CONCAT, whose order SPARQL leaves
  undefined; its items are normalised and sorted before comparing.
* CONSTRUCT results are compared with the expected Turtle file by graph isomorphism, and/or
  by their number of (distinct) triples.

The same cases also run on an Oxigraph store (pyoxigraph, parameters given as
``substitutions``, the way the oxigraph store binds them), so the files stay portable SPARQL:
Oxigraph does not let ``BOUND(?param)`` see a substituted parameter and wants parameters in
the SELECT projection. Questions known not to be portable yet are listed in ``NOT_PORTABLE``.

Questions run through the project's engine, ``kg.query.query(name, graph=..., **params)``,
which binds the parameters as RDF terms (initial bindings), never by pasting text.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.model import paths
from kg.model.namespaces import PREFIXES
from kg.query import catalogue, resolve_entity

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, as a package (pip install tomli)
    tomllib = pytest.importorskip("tomli")

EXPECTED = Path(__file__).parent / "expected"
MANIFEST = EXPECTED / "manifest.toml"

_CURIE = re.compile(r"^([A-Za-z][\w-]*):(\S*)$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_LIST_SEPARATOR = " | "


def load_cases() -> list[dict]:
    with MANIFEST.open("rb") as f:
        return tomllib.load(f)["case"]


CASES = load_cases()


def case_id(case: dict) -> str:
    params = ",".join(f"{k}={_param_text(v)}" for k, v in sorted(case.get("params", {}).items()))
    return case["query"] + (f"[{params}]" if params else "")


def _param_text(value: object) -> str:
    return str(value["value"]) if isinstance(value, dict) else str(value)


# --- normalisation --------------------------------------------------------------------------


def expand(text: str) -> str:
    """``skgr:china`` -> the full IRI; anything else unchanged."""
    m = _CURIE.match(text)
    if m and m.group(1) in PREFIXES:
        return PREFIXES[m.group(1)] + m.group(2)
    return text


def canon_number(text: str) -> str:
    if not _NUMBER.match(text):
        return text
    value = Decimal(text)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def normalise(text: str, *, expected: bool) -> str:
    items = text.split(_LIST_SEPARATOR) if _LIST_SEPARATOR in text else [text]
    out = []
    for item in items:
        if expected:
            item = expand(item)
        out.append(canon_number(item))
    return _LIST_SEPARATOR.join(sorted(out)) if len(out) > 1 else out[0]


def term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


# --- running a case -----------------------------------------------------------------------


def to_param(value: object) -> object:
    """A manifest parameter as given to the engine.

    Strings and integers go in as a person would type them (``skgr:kazakhstan``, ``2027``),
    so the engine's own conversion (prefixed names, typed literals) is tested too; a table
    ``{ value, datatype }`` is an explicit typed literal.
    """
    if isinstance(value, dict):
        return Literal(str(value["value"]), datatype=URIRef(expand(str(value["datatype"]))))
    return value


def run(graph: Graph, name: str, params: dict):  # type: ignore[no-untyped-def]
    from kg.query import query

    return query(name, graph=graph, **{k: to_param(v) for k, v in params.items()})


def read_expected_csv(path: Path) -> tuple[list[str], Counter]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = Counter(
            tuple(normalise(cell, expected=True) for cell in row) for row in reader if row
        )
    return header, rows


def _explain(missing: Counter, extra: Counter, header: list[str]) -> str:
    lines = [f"columns: {header}"]
    lines += [f"  missing: {list(r)}" for r in missing.elements()]
    lines += [f"  unexpected: {list(r)}" for r in extra.elements()]
    return "\n".join(lines)


# --- tests --------------------------------------------------------------------------------


def test_every_question_has_a_case():
    covered = {c["query"] for c in CASES}
    missing = sorted(set(catalogue.names()) - covered)
    assert not missing, f"questions without an expected answer in {MANIFEST.name}: {missing}"


def test_there_are_at_least_25_questions_with_headers():
    questions = catalogue.catalogue()
    assert len(questions) >= 25
    for q in questions.values():
        assert q.title and q.description, f"{q.name}: header needs a title and a description"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_is_well_formed(case):
    question = catalogue.find(case["query"])
    declared = {p.name for p in question.params}
    given = set(case.get("params", {}))
    assert given <= declared, f"undeclared parameters {sorted(given - declared)}"
    required = {p.name for p in question.params if p.required}
    assert required <= given, f"required parameters missing: {sorted(required - given)}"
    assert "expected" in case or "triples" in case
    if "expected" in case:
        assert (EXPECTED / case["expected"]).is_file()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_answer_matches_expected(graph, case):
    result = run(graph, case["query"], case.get("params", {}))
    if result.type == "CONSTRUCT":
        got = Graph()
        for triple in result:
            got.add(triple)
        if "triples" in case:
            assert len(got) == case["triples"]
        if "expected" in case:
            want = Graph().parse(EXPECTED / case["expected"], format="turtle")
            if not isomorphic(got, want):
                _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
                pytest.fail(
                    "subgraph differs\n  unexpected:\n"
                    + only_got.serialize(format="nt")
                    + "  missing:\n"
                    + only_want.serialize(format="nt")
                )
        return

    header, want = read_expected_csv(EXPECTED / case["expected"])
    variables = [str(v) for v in result.vars]
    assert sorted(header) == sorted(variables), f"columns: query {variables}, expected {header}"
    got = Counter(
        tuple(normalise(term_text(row[v]), expected=False) for v in header) for row in result
    )
    if got != want:
        pytest.fail(_explain(want - got, got - want, header))


# Questions that do not yet run on Oxigraph; strict, so a fix shows up as XPASS and this
# list can shrink. Empty now: every question is portable.
NOT_PORTABLE: set[str] = set()


@pytest.fixture(scope="module")
def oxigraph_store():
    ox = pytest.importorskip("pyoxigraph")
    from kg.model.load import data_files

    store = ox.Store()
    for path in [paths.ONTOLOGY_FILE, *data_files()]:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def _ox_term(value: object):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    if isinstance(value, dict):
        return ox.Literal(str(value["value"]), datatype=ox.NamedNode(expand(value["datatype"])))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    return ox.NamedNode(expand(str(value)))


def _ox_text(term: object) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_answer_is_the_same_on_oxigraph(oxigraph_store, case, request, graph):
    import pyoxigraph as ox

    if case["query"] in NOT_PORTABLE:
        request.applymarker(pytest.mark.xfail(strict=True, reason="not portable yet"))
    params = dict(case.get("params", {}))
    for name, value in params.items():
        if isinstance(value, str) and value == expand(value) and not value.startswith("http"):
            # A label: the engine's lookup names the resource; Oxigraph then gets the IRI.
            params[name] = str(resolve_entity(graph, value, name))
    question = catalogue.find(case["query"])
    subs = {ox.Variable(k): _ox_term(v) for k, v in params.items()}
    result = oxigraph_store.query(question.text, substitutions=subs)
    if isinstance(result, ox.QueryTriples):
        got = Graph().parse(
            data=ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt"
        )
        if "triples" in case:
            assert len(got) == case["triples"]
        if "expected" in case:
            want = Graph().parse(EXPECTED / case["expected"], format="turtle")
            assert isomorphic(got, want)
        return
    header, want = read_expected_csv(EXPECTED / case["expected"])
    variables = [v.value for v in result.variables]
    assert sorted(header) == sorted(variables)
    got = Counter(
        tuple(normalise(_ox_text(row[v]), expected=False) for v in header) for row in result
    )
    if got != want:
        pytest.fail(_explain(want - got, got - want, header))


def test_expected_files_are_all_used():
    used = {c["expected"] for c in CASES if "expected" in c}
    on_disk = {p.name for p in EXPECTED.iterdir() if p.suffix in (".csv", ".ttl")}
    assert on_disk <= used, f"expected files no case uses: {sorted(on_disk - used)}"


def test_normalisation_rules():
    assert canon_number("1500000000.0") == "1500000000"
    assert canon_number("30.50") == "30.5"
    assert canon_number("2025-06-16") == "2025-06-16"
    assert expand("skgr:china") == "https://w3id.org/summit-kg/id/china"
    assert expand("Xi: the treaty") == "Xi: the treaty"
    assert normalise("b | a", expected=False) == "a | b"
    assert paths.QUERIES_DIR.is_dir()
