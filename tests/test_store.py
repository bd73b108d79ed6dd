"""The stores behind one interface: memory (rdflib) and oxigraph:DIR give the same answers.

Every named question is asked of both stores, with the parameters of every case in
tests/expected/manifest.toml and, for questions whose parameters are all optional, with none.
Answers are compared as RDF, after one normalisation Oxigraph makes necessary: it stores
numbers in canonical form (``25000000000.0`` comes back as ``25000000000``, and derived
integer types such as ``xsd:nonNegativeInteger`` as ``xsd:integer``; oxigraph/oxigraph#526),
so numeric literals are compared by value. A GROUP_CONCAT list (items joined with " | ") is
compared as a sorted list, since SPARQL leaves the order of its items open. Everything else (IRIs, strings, language tags,
dates, the number of rows) must match exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import tomllib
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg import stores as store
from kg.errors import UsageError
from kg.model.load import source_files
from kg.query import catalogue

_LIST = " | "  # the separator the named questions give GROUP_CONCAT
MANIFEST = Path(__file__).parent / "expected" / "manifest.toml"
_NUMERIC = {
    XSD.integer, XSD.decimal, XSD.int, XSD.long, XSD.short, XSD.byte,
    XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger,
    XSD.nonPositiveInteger, XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort,
    XSD.unsignedByte,
}  # fmt: skip


def canonical(term: object) -> object:
    """A term as compared across stores (see the module docstring)."""
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        return ("number", Decimal(str(term)).normalize())
    if isinstance(term, Literal):
        datatype = None if term.datatype == XSD.string else term.datatype
        text = str(term)
        if _LIST in text:  # a GROUP_CONCAT list: SPARQL leaves the order of items open
            text = _LIST.join(sorted(text.split(_LIST)))
        return ("literal", text, term.language, datatype)
    if isinstance(term, BNode):
        return ("bnode",)
    return term


def canonical_graph(graph: Graph) -> Graph:
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in _NUMERIC:
            o = Literal(Decimal(str(o)).normalize(), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def answer(result) -> object:  # type: ignore[no-untyped-def]
    """A store-independent value of a query result, for ==."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return canonical_graph(result.graph)
    if result.type == "ASK":
        return result.askAnswer
    names = [str(v) for v in result.vars]
    rows = Counter(tuple(canonical(row[v]) for v in result.vars) for row in result)
    return sorted(names), rows


def same(a: object, b: object) -> bool:
    if isinstance(a, Graph):
        return isinstance(b, Graph) and isomorphic(a, b)
    if isinstance(a, tuple) and isinstance(b, tuple):
        # columns by name: reorder b's rows if the stores list variables differently
        return a[0] == b[0] and a[1] == b[1]
    return a == b


def cases() -> list[tuple[str, dict]]:
    """(question, params) pairs: the manifest's cases and every question without required
    parameters asked plainly, for whatever questions queries/ holds now."""
    with MANIFEST.open("rb") as f:
        manifest = tomllib.load(f).get("case", [])
    seen: list[tuple[str, dict]] = []
    for case in manifest:
        item = (case["query"], dict(case.get("params", {})))
        if item not in seen:
            seen.append(item)
    for q in catalogue.catalogue().values():
        if not any(p.required for p in q.params) and (q.name, {}) not in seen:
            seen.append((q.name, {}))
    return seen


def params_for_engine(params: dict) -> dict:
    out = {}
    for key, value in params.items():
        if isinstance(value, dict):
            from kg.model.namespaces import PREFIXES

            prefix, _, local = str(value["datatype"]).partition(":")
            value = Literal(str(value["value"]), datatype=URIRef(PREFIXES[prefix] + local))
        out[key] = value
    return out


def case_id(item: tuple[str, dict]) -> str:
    name, params = item
    shown = ",".join(f"{k}={v['value'] if isinstance(v, dict) else v}" for k, v in params.items())
    return f"{name}[{shown}]" if shown else name


CASES = cases()


@pytest.fixture(scope="session")
def oxigraph_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("oxigraph") / "store"
    store.load_into_oxigraph(source_files(), folder)
    return folder


@pytest.fixture(scope="session")
def oxigraph_graph(oxigraph_dir):
    return store.open_graph(f"oxigraph:{oxigraph_dir}")


@pytest.mark.parametrize("item", CASES, ids=case_id)
def test_every_question_same_on_memory_and_oxigraph(graph, oxigraph_graph, item):
    from kg.query import query

    name, params = item
    want = answer(query(name, graph=graph, **params_for_engine(params)))
    got = answer(query(name, graph=oxigraph_graph, **params_for_engine(params)))
    assert same(want, got), f"{case_id(item)}: memory and oxigraph differ"


def test_there_are_questions_to_compare():
    assert len(CASES) >= 25


def test_the_oxigraph_store_holds_what_memory_parses(graph, oxigraph_graph):
    assert len(oxigraph_graph) == len(graph)
    assert store.oxigraph_of(oxigraph_graph) is not None
    assert store.oxigraph_of(graph) is None


def test_strings_come_back_as_plain_literals(oxigraph_graph):
    # Kazakhstan's ISO code is a plain string in the data; Oxigraph reports xsd:string.
    rows = list(
        oxigraph_graph.query(
            "SELECT ?code WHERE { <https://w3id.org/summit-kg/id/kazakhstan> "
            "<https://w3id.org/summit-kg/ontology#iso3166Alpha2> ?code }"
        )
    )
    assert rows == [(Literal("KZ"),)]


# --- where Oxigraph's parameter substitution and rdflib's initBindings part ways -------------

_DATA = """
<http://ex/a> <http://ex/p> <http://ex/b> .
<http://ex/a> <http://ex/q> "x" .
<http://ex/c> <http://ex/p> <http://ex/d> .
"""
_A, _B, _D = URIRef("http://ex/a"), URIRef("http://ex/b"), URIRef("http://ex/d")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    (folder / "tiny.nt").write_text(_DATA.strip() + "\n", encoding="utf-8")
    store.load_into_oxigraph([folder / "tiny.nt"], folder / "store")
    memory = Graph().parse(data=_DATA, format="nt")
    return memory, store.open_graph(f"oxigraph:{folder / 'store'}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the optional-parameter idiom: only a's row when ?s is given
        ("SELECT ?s ?o WHERE { ?x <http://ex/p> ?o FILTER(!BOUND(?s) || ?x = ?s) }", {(_A, _B)}),
        # the parameter is not projected: Oxigraph refuses to substitute it
        ("SELECT ?o WHERE { ?s <http://ex/p> ?o }", {(_B,)}),
        # a sub-SELECT: rdflib binds ?s inside it
        ("SELECT ?s ?o WHERE { { SELECT ?o WHERE { ?s <http://ex/p> ?o } } }", {(_A, _B)}),
        # OPTIONAL and UNION branches mentioning the parameter: both engines agree
        ("SELECT ?s ?l WHERE { OPTIONAL { ?s <http://ex/q> ?l } }", {(_A, Literal("x"))}),
        (
            "SELECT ?s ?y WHERE { { BIND(1 AS ?y) } UNION { ?s <http://ex/p> ?y } }",
            {(_A, Literal(1)), (_A, _B)},
        ),
    ],
)
def test_parameters_bind_as_rdflib_binds_them(tiny, text, expected):
    from kg.query import run

    memory, oxigraph = tiny
    bindings = {"s": _A}
    assert {tuple(r) for r in memory.query(text, initBindings=bindings)} == expected
    assert {tuple(r) for r in run(oxigraph, text, bindings)} == expected


def test_substitution_is_used_where_it_agrees():
    from kg.query.terms import substitution_agrees

    assert substitution_agrees("SELECT ?s ?o WHERE { ?s ?p ?o }", {"s": _A})
    assert not substitution_agrees("SELECT ?o WHERE { FILTER(bound( ?s )) }", {"s": _A})
    assert not substitution_agrees("SELECT * { { select ?o { ?s ?p ?o } } }", {"s": _A})


# --- specs and errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("postgres:db", "unknown store"),
        ("oxigraph:", "needs a folder"),
        ("sparql:ftp://x", "not an http(s) URL"),
        ("memory:x", "unknown store"),
    ],
)
def test_bad_specs_are_usage_errors(spec, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        store.parse_spec(spec)


def test_parse_spec():
    assert store.parse_spec(None) == ("memory", "")
    assert store.parse_spec("oxigraph:a/b") == ("oxigraph", "a/b")
    assert store.parse_spec("sparql:http://h:1/q") == ("sparql", "http://h:1/q")


def test_an_empty_oxigraph_folder_says_how_to_fill_it(tmp_path):
    with pytest.raises(UsageError, match="kg load --store oxigraph:"):
        store.open_graph(f"oxigraph:{tmp_path / 'nothing'}")


def test_load_reports_the_file_and_line_of_a_syntax_error(tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "bad.nt"
    bad.write_text('<http://ex/a> <http://ex/p> "ok" .\nnot-an-iri <http://ex/p> "x" .\n')
    with pytest.raises(InputError) as info:
        store.load_into_oxigraph([bad], tmp_path / "store")
    assert info.value.where.startswith(f"{bad}:2")


# --- kg load ------------------------------------------------------------------------------


def test_kg_load_then_query_through_the_cli(tmp_path):
    from kg.cli import main

    runner = CliRunner()
    folder = tmp_path / "store"
    done = runner.invoke(main, ["load", "--store", f"oxigraph:{folder}"])
    assert done.exit_code == 0, done.output
    assert "2,1" in done.stderr or "triples" in done.stderr
    again = runner.invoke(main, ["load", "--store", f"oxigraph:{folder}"])
    assert again.exit_code == 2
    assert "--replace" in again.stderr and "Traceback" not in again.output
    # the five Central Asian presidents and Xi: the article's six leaders
    leaders = runner.invoke(
        main, ["query", "leaders", "--store", f"oxigraph:{folder}", "--format", "csv"]
    )
    assert leaders.exit_code == 0, leaders.output
    assert "Xi Jinping" in leaders.stdout and "Shavkat Mirziyoyev" in leaders.stdout


def test_kg_load_refuses_another_kind_of_store():
    from kg.cli import main

    result = CliRunner().invoke(main, ["load", "--store", "memory"])
    assert result.exit_code == 2
    assert "oxigraph:DIR" in result.stderr


def test_remote_parameters_open_the_where_group():
    from kg.query.terms import values_first

    year = {"year": Literal(2024)}
    text = 'PREFIX s: <http://x#> SELECT ?a WHERE { ?a s:p "{" FILTER(?a < ?year) } # {'
    bound = values_first(text, year)
    assert bound.index("VALUES (?year)") < bound.index("?a s:p")
    template = values_first("CONSTRUCT { ?a ?p ?o } WHERE { ?a ?p ?o }", year)
    assert template.startswith("CONSTRUCT { ?a ?p ?o } WHERE { VALUES (?year)")
