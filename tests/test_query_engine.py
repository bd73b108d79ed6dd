"""The query engine: read-only, local-only, parameters as RDF terms, W3C result formats.

Runs on the small hand-made graph in tests/fixtures/query/data (see the README there): China
commits to a railway (2030) and training (2027); the Central Asian states (Kazakhstan,
Uzbekistan) to Safe City initiatives; "Central Asia" names both a region and that group.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

import kg
from kg.errors import UsageError
from kg.query import cache, catalogue, prepare, resolve_entity, run, sealed
from kg.render import formats

HERE = Path(__file__).parent / "fixtures" / "query"
DATA = HERE / "data"
QUERIES = HERE / "queries"
R = "https://w3id.org/summit-kg/id/"
SECRET = "TOPSECRET-7f3a"

# rdflib's Dataset warns about its own deprecated default_context on every add
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def g() -> Graph:
    from kg.model.load import load

    return load(DATA)


def question(name: str) -> catalogue.Question:
    return catalogue.read_question(QUERIES / f"{name}.rq")


def ask(g: Graph, name: str, **params) -> list[tuple]:
    q = question(name)
    return [tuple(row) for row in run(g, q.text, params, question=q)]


# --- outside data: a local file with a secret and a port that records connections ---------


@pytest.fixture
def secret_file(tmp_path: Path) -> str:
    path = tmp_path / "secret.ttl"
    path.write_text(f'<urn:x:s> <urn:x:p> "{SECRET}" .\n', encoding="utf-8")
    return path.as_uri()


def _data_in(graph: Graph) -> Dataset:
    ds = Dataset()
    for triple in graph:
        ds.add(triple)
    return ds


def test_control_rdflib_alone_reads_from_files_and_calls_services(g, secret_file, recorder):
    # Without the engine's guard rdflib does both; so the refusals below prove something.
    ds = _data_in(g)
    rows = list(ds.query(f"SELECT ?o FROM <{secret_file}> WHERE {{ ?s ?p ?o }}"))
    assert any(str(r[0]) == SECRET for r in rows)
    with pytest.raises(Exception):  # noqa: B017 - the recorder hangs up; any error will do
        list(
            g.query(
                f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{recorder.port}/q> {{ ?s ?p ?o }} }}"
            )
        )
    assert recorder.connections >= 1


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_from_is_refused_and_the_file_is_not_read(g, secret_file, clause):
    text = f"SELECT ?o {clause} <{secret_file}> WHERE {{ ?s ?p ?o }}"
    for graph in (g, _data_in(g)):
        with pytest.raises(UsageError) as err:
            run(graph, text)
        assert clause in err.value.message and "refused" in err.value.message
        assert not any(SECRET in str(o) for o in graph.objects())


@pytest.mark.parametrize(
    "pattern",
    [
        "SERVICE <{url}> {{ ?s ?p ?o }}",
        "?s a skg:State OPTIONAL {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "{{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    ],
)
def test_service_is_refused_and_no_connection_is_made(g, recorder, pattern):
    url = f"http://127.0.0.1:{recorder.port}/sparql"
    with pytest.raises(UsageError) as err:
        run(g, "SELECT * WHERE { " + pattern.format(url=url) + " }")
    assert "SERVICE" in err.value.message
    assert recorder.connections == 0


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <{secret}>",
        "LOAD <{secret}> INTO GRAPH <urn:g>",
        "INSERT DATA {{ skgr:a skgr:b skgr:c }}",
        "DELETE WHERE {{ ?s ?p ?o }}",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused_and_nothing_changes(g, secret_file, update):
    before = len(g)
    with pytest.raises(UsageError) as err:
        run(g, update.format(secret=secret_file))
    assert "refused" in err.value.message and "read-only" in err.value.message
    assert len(g) == before
    assert not any(SECRET in str(o) for o in g.objects())


def test_sealed_evaluator_loads_nothing_and_calls_no_service(g, secret_file, recorder):
    # Belt and braces: even rdflib's own query(), run inside sealed(), stays local.
    ds = _data_in(g)
    with sealed():
        rows = list(ds.query(f"SELECT ?o FROM <{secret_file}> WHERE {{ ?s ?p ?o }}"))
        assert not any(str(r[0]) == SECRET for r in rows)
        with pytest.raises(UsageError):
            list(
                g.query(
                    f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{recorder.port}/> {{ ?s ?p ?o }} }}"
                )
            )
    assert recorder.connections == 0
    import rdflib.plugins.sparql as sparql

    assert sparql.SPARQL_LOAD_GRAPHS is True  # restored afterwards
    assert "kg-refuse-service" not in sparql.CUSTOM_EVALS


# --- syntax and compile errors --------------------------------------------------------------


def test_syntax_error_gives_line_column_and_expectation():
    text = (QUERIES / "syntax-error.rq").read_text()
    with pytest.raises(UsageError) as err:
        prepare(text, where="syntax-error.rq")
    assert err.value.where == "syntax-error.rq:5:3"
    assert "expected" in err.value.message.lower()
    assert "FILTER" in err.value.message


def test_unknown_prefix_is_named():
    with pytest.raises(UsageError) as err:
        prepare("SELECT ?s WHERE { ?s a nope:Thing }")
    assert "nope" in err.value.message and "PREFIX" in err.value.hint


def test_well_known_prefixes_are_pre_bound(g):
    rows = list(run(g, "SELECT ?s WHERE { ?s a skg:State ; rdfs:label 'China'@en }"))
    assert rows == [(URIRef(R + "china"),)]


# --- parameters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "Kazakhstan",
        "KAZAKHSTAN",
        "skgr:kazakhstan",
        f"<{R}kazakhstan>",
        f"{R}kazakhstan",
        "kazakhstan",
    ],
)
def test_entity_parameter_by_label_prefixed_name_iri_or_local_name(g, value):
    assert ask(g, "commitments-of", actor=value) == [
        (URIRef(R + "safe-city"), Literal("Safe City initiatives", lang="en"))
    ]


def test_entity_parameter_by_other_name(g):
    labels = [str(r[1]) for r in ask(g, "commitments-of", actor="people's republic of china")]
    assert labels == ["3,000 training opportunities", "China–Kyrgyzstan–Uzbekistan railway"]


def test_ambiguous_label_lists_the_candidates(g):
    with pytest.raises(UsageError) as err:
        ask(g, "commitments-of", actor="central asia")
    assert "skgr:central-asia " in err.value.message
    assert "skgr:central-asian-states" in err.value.message


def test_unknown_label_suggests_close_ones(g):
    with pytest.raises(UsageError) as err:
        ask(g, "commitments-of", actor="Kazakstan")
    assert "skgr:kazakhstan" in err.value.hint
    assert err.value.where == "parameter 'actor'"


def test_unknown_iri_suggests_close_ones(g):
    with pytest.raises(UsageError) as err:
        resolve_entity(g, "skgr:kazakstan", "actor")
    assert "skgr:kazakhstan" in err.value.hint


def test_typed_parameters(g):
    assert [str(r[0]) for r in ask(g, "due-by", year="2027")] == [R + "training"]
    assert len(ask(g, "due-by", year="2030", limit="5")) == 2


@pytest.mark.parametrize(("name", "value"), [("year", "20x7"), ("limit", "five")])
def test_malformed_typed_parameter_says_how_to_give_it(g, name, value):
    params = {"year": "2027", name: value}
    with pytest.raises(UsageError) as err:
        ask(g, "due-by", **params)
    assert repr(value) in err.value.message
    assert f"-p {name} " in err.value.hint


def test_missing_required_parameter(g):
    with pytest.raises(UsageError) as err:
        ask(g, "commitments-of")
    assert "'actor' is required" in err.value.message
    assert "-p actor VALUE" in err.value.hint


def test_undeclared_parameter_lists_the_declared_ones(g):
    with pytest.raises(UsageError) as err:
        ask(g, "commitments-of", actor="China", actr="China")
    assert "actr" in err.value.message and "actor" in err.value.hint


def test_parameter_of_ad_hoc_text(g):
    text = "SELECT ?s WHERE { ?s rdfs:label ?name }"
    assert list(run(g, text, {"name": '"China"@en'})) == [(URIRef(R + "china"),)]
    with pytest.raises(UsageError) as err:
        run(g, text, {"nam": '"China"@en'})
    assert "?nam" in err.value.message


def test_a_parameter_is_a_term_never_query_text(g):
    sneaky = '"} UNION { ?s ?p ?o }'
    text = "SELECT ?s WHERE { ?s rdfs:label ?name }"
    assert list(run(g, text, {"name": Literal(sneaky)})) == []
    with pytest.raises(UsageError):  # as an entity it names nothing
        ask(g, "commitments-of", actor=sneaky)


# --- output formats -------------------------------------------------------------------------

ROWS_QUERY = """
SELECT ?s ?label ?year ?note WHERE {
  ?s skg:committedBy ?who ; rdfs:label ?label .
  OPTIONAL { ?s skg:targetYear ?year }
  BIND(IF(BOUND(?year), "has\\ta tab\\nand \\"quotes\\"", ?unbound) AS ?note)
}
ORDER BY ?label
"""


@pytest.mark.parametrize("fmt", ["json", "xml", "sparql-tsv", "csv"])
def test_w3c_result_formats_parse_back_with_rdflib(g, fmt):
    result = run(g, ROWS_QUERY)
    original = [tuple(r) for r in result]
    assert len(original) == 3 and any(r[2] is None for r in original)
    data = formats.render_result(result, fmt)
    back = Result.parse(io.BytesIO(data), format=formats.get(fmt).rdflib_name or fmt)
    assert [str(v) for v in back.vars] == ["s", "label", "year", "note"]
    got = [tuple(r) for r in back]
    if fmt == "csv":  # W3C CSV keeps only the lexical forms
        assert [tuple(None if t is None else str(t) for t in r) for r in got] == [
            tuple(None if t is None else str(t) for t in r) for r in original
        ]
    else:
        assert got == original
    assert any(r[2] == Literal("2030", datatype=XSD.gYear) for r in original)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_ask_answers_parse_back(g, fmt):
    for text, answer in (
        ("ASK { skgr:china a skg:State }", True),
        ("ASK { skgr:china a skg:Person }", False),
    ):
        data = formats.render_result(run(g, text), fmt)
        assert Result.parse(io.BytesIO(data), format=fmt).askAnswer is answer


@pytest.mark.parametrize(
    ("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_construct_serialises_to_graphs(g, fmt, parser):
    from rdflib.compare import isomorphic

    q = question("treaty-graph")
    result = run(g, q.text, question=q)
    assert len(result.graph) == 6  # three parties, each with a label
    back = Graph().parse(data=formats.render_result(result, fmt), format=parser)
    assert isomorphic(back, result.graph)


def test_wrong_kind_of_format_is_a_usage_error(g):
    with pytest.raises(UsageError) as err:
        formats.render_result(run(g, question("treaty-graph").text), "csv")
    assert "ttl" in err.value.hint
    with pytest.raises(UsageError):
        formats.render_result(run(g, ROWS_QUERY), "ttl")
    with pytest.raises(UsageError):
        formats.render_result(run(g, "ASK { ?s ?p ?o }"), "csv")


def test_table_and_markdown_are_for_people(g):
    text = "SELECT ?s ?label WHERE { ?s skg:committedBy skgr:china ; rdfs:label ?label } ORDER BY ?label"
    table = formats.render_result(run(g, text), "table").decode().splitlines()
    assert table[0].split() == ["s", "label"]
    assert set(table[1]) == {"-", " "}
    assert table[2].split(None, 1) == ["skgr:training", "3,000 training opportunities"]
    assert table[2].index("3,000") == table[0].index("label")  # aligned
    md = formats.render_result(run(g, text), "md").decode().splitlines()
    assert md[0] == "| s | label |" and md[1] == "| --- | --- |"
    assert md[3] == "| skgr:railway | China–Kyrgyzstan–Uzbekistan railway |"
    assert formats.rows_markdown(["a"], [["x | y"]]).splitlines()[2] == "| x \\| y |"


def test_format_registry_guesses_from_suffix():
    assert formats.guess("out.csv").name == "csv"
    assert formats.guess("answer.srj").name == "json"
    assert formats.guess("g.jsonld").name == "jsonld"
    assert formats.guess("x.unknown") is None
    assert formats.get("text/turtle").name == "ttl"
    with pytest.raises(UsageError):
        formats.get("yaml")


def test_cli_offers_the_registry_query_formats():
    from kg.cli.query import FORMAT_NAMES

    assert tuple(FORMAT_NAMES) == formats.QUERY_FORMATS
    assert all(n in formats.FORMATS for n in FORMAT_NAMES)


# --- from Python ------------------------------------------------------------------------------


def test_kg_query_from_python_with_keyword_parameters(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    rows = kg.query(QUERIES / "commitments-of.rq", data=data, actor="China")
    assert [str(r.label) for r in rows] == [
        "3,000 training opportunities",
        "China–Kyrgyzstan–Uzbekistan railway",
    ]
    # the graph is kept between calls, but not once a file changes
    with (data / "small.ttl").open("a") as f:
        f.write(
            'skgr:loan a skg:Commitment ; rdfs:label "A loan"@en ; skg:committedBy skgr:china .\n'
        )
    rows = kg.query(QUERIES / "commitments-of.rq", data=data, actor="China")
    assert "A loan" in [str(r.label) for r in rows]


def test_kg_query_text_on_a_given_graph(g):
    rows = kg.query("SELECT ?s WHERE { ?s a skg:Person } ORDER BY ?s", graph=g)
    assert [str(r.s) for r in rows] == [R + "kassym-jomart-tokayev", R + "xi-jinping"]
    assert isinstance(kg.load(DATA), Graph)


def test_kg_query_unknown_name_suggests():
    with pytest.raises(UsageError) as err:
        kg.query("comitments-of-actor")
    assert "commitments-of-actor" in err.value.hint


# --- the answer cache -------------------------------------------------------------------------


def test_cache_key_follows_every_input(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    key = cache.query_key(data, "SELECT 1", {"a": "b"}, "csv")
    assert key == cache.query_key(data, "SELECT 1", {"a": "b"}, "csv")
    assert key != cache.query_key(data, "SELECT 2", {"a": "b"}, "csv")
    assert key != cache.query_key(data, "SELECT 1", {"a": "c"}, "csv")
    assert key != cache.query_key(data, "SELECT 1", {"a": "b"}, "json")
    (data / "small.ttl").write_text((data / "small.ttl").read_text() + "\n# edited\n")
    assert key != cache.query_key(data, "SELECT 1", {"a": "b"}, "csv")


def test_cache_round_trip_and_bounds(tmp_path):
    for i in range(5):
        cache.put(f"{i:064x}", b"x" * 10, tmp_path)
    assert cache.get(f"{4:064x}", tmp_path) == b"x" * 10
    cache.trim(tmp_path, max_entries=2)
    assert len(list(tmp_path.glob("??/*.out"))) == 2
    cache.trim(tmp_path, max_bytes=15)
    assert len(list(tmp_path.glob("??/*.out"))) == 1
    assert cache.clear(tmp_path) == 1 and cache.get(f"{4:064x}", tmp_path) is None


def test_cache_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "a"))
    assert cache.cache_dir() == tmp_path / "a"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x" / "summit-kg"
