"""Virtuoso Open Source 7.2 behind ``kg push`` and ``--store sparql:URL``: every named
question gives the memory store's answers, rows and values.

The session fixture starts Debian's ``virtuoso-t`` in the foreground on two free loopback
ports (SQL and HTTP), with a fresh database in a temporary folder and a generated
virtuoso.ini (no VAD packages, no plugins, file access limited to that folder), and stops
it at the end. Without ``virtuoso-t`` the tests are skipped, except in CI (``CI`` set),
where that is a failure: CI installs it (the README's test command).

Two Virtuoso specifics shape the set-up (docs/decisions/2026-12-02-virtuoso.md):

* Its Graph Store Protocol endpoint ``/sparql-graph-crud`` writes as the anonymous
  ``SPARQL`` user, who may only read; the fixture grants that user ``SPARQL_UPDATE`` with
  ``isql-vt`` (a throw-away database on loopback; the ``-auth`` endpoint would need digest
  authentication, which ``kg push`` does not do). It has no default graph to PUT into, so
  the graph goes to a named graph (``kg push --graph``).
* Its ``/sparql`` endpoint's default graph is the union of every graph, its own system
  graphs too (~2,500 triples); the store URL names the pushed graph with the protocol's
  ``default-graph-uri`` parameter.

Answers are compared as in tests/test_store.py and tests/test_push.py (same cases, same
normalisation, the same known remote-store difference left out).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from conftest import stop_process
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD
from test_push import REMOTE_CASES, _free_port
from test_store import answer, case_id, params_for_engine, same

from kg.cli import main
from kg.errors import UsageError
from kg.stores.dialects import adapt_term, iso_duration

GRAPH = "https://w3id.org/summit-kg/graph/virtuoso-test"
SKG = "https://w3id.org/summit-kg/ontology#"
SKGR = "https://w3id.org/summit-kg/id/"

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 0
; as Virtuoso's own virtuoso.ini: without it, ASK answers come back as a SELECT
; of one integer column (__ASK_RETVAL), which no client reads as a boolean
CaseMode = 2
AllowOSCalls = 0
DirsAllowed = {dir}
NumberOfBuffers = 4000
MaxDirtyBuffers = 3000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@dataclass
class Virtuoso:
    base: str  # http://127.0.0.1:PORT
    sql: str  # 127.0.0.1:PORT, for isql-vt

    def store(self, graph: str = GRAPH) -> str:
        """The ``--store`` spec that asks ``/sparql`` about ``graph`` only."""
        return f"sparql:{self.base}/sparql?default-graph-uri={quote(graph, safe='')}"


def _programs() -> tuple[str, str]:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server and isql:
        return server, isql
    missing = "virtuoso-t" if not server else "isql-vt"
    reason = f"{missing} (Debian's virtuoso-opensource-7-bin) is not installed"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must install it (the README's test command)")
    pytest.skip(reason)


def _wait_for_http(proc: subprocess.Popen, base: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"virtuoso-t exited at start:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("virtuoso-t did not answer on /sparql within 60 s")


def _isql(isql: str, sql_port: str, statement: str) -> None:
    for _ in range(20):  # the SQL listener may come up a moment after HTTP
        done = subprocess.run(
            [isql, sql_port, "dba", "dba", f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode == 0 and "Error" not in done.stdout + done.stderr:
            return
        time.sleep(0.25)
    pytest.fail(f"isql-vt {statement!r} failed: {done.stdout}{done.stderr}")


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    server, isql = _programs()
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(dir=folder, sql=sql_port, http=http_port), encoding="utf-8")
    log = folder / "stdout.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [server, "+configfile", str(ini), "+foreground"],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        running = Virtuoso(f"http://127.0.0.1:{http_port}", f"127.0.0.1:{sql_port}")
        _wait_for_http(proc, running.base, log)
        # the Graph Store Protocol endpoint writes as the SPARQL user (see the docstring)
        _isql(isql, running.sql, 'grant SPARQL_UPDATE to "SPARQL";')
        yield running
    finally:
        stop_process(proc, 30)


@pytest.fixture(scope="session")
def remote(virtuoso, graph):
    """The shipped graph pushed with kg.stores.push_graph, opened as ``sparql:URL``."""
    from kg.stores import open_graph, push_graph

    sent = push_graph(graph, f"{virtuoso.base}/sparql-graph-crud", GRAPH)
    assert sent == len(graph)
    return open_graph(virtuoso.store())


def _count(store) -> int:  # type: ignore[no-untyped-def]
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    return int(rows[0][0])


def test_the_pushed_graph_holds_every_triple_and_nothing_else(remote, graph):
    assert _count(remote) == len(graph)


#: Questions Virtuoso still answers differently, each with why. single-source (owned with
#: the other source questions, issue 17) binds ?value before two OPTIONALs in the group that
#: holds its FILTER NOT EXISTS tests, so Virtuoso drops those filters (more rows); with
#: everything before the OPTIONALs wrapped in a group of its own, its answers (1,142 rows;
#: 29 for NewsChina's report) were the memory store's. Strict: once fixed, drop it here.
#: cases (by test id) Virtuoso does not answer alike, with the reason; none now. The source
#: questions were rewritten so that Virtuoso 7.2.5 compiles and answers them alike (a BIND
#: before OPTIONALs dropped a FILTER; a VALUES block joined with nested grouped sub-SELECTs
#: failed with SQ156 'Bad dfe in sqlo_place_exp').
VIRTUOSO_DIFFERS: dict[str, str] = {}
VIRTUOSO_CASES = [
    pytest.param(
        item,
        marks=pytest.mark.xfail(reason=VIRTUOSO_DIFFERS[case_id(item)], strict=True),
        id=case_id(item),
    )
    if case_id(item) in VIRTUOSO_DIFFERS
    else pytest.param(item, id=case_id(item))
    for item in REMOTE_CASES
]


@pytest.mark.parametrize("item", VIRTUOSO_CASES)
def test_every_question_same_on_virtuoso(remote, graph, item):
    from kg.query import query

    name, params = item
    want = answer(query(name, graph=graph, **params_for_engine(params)))
    got = answer(query(name, graph=remote, **params_for_engine(params)))
    assert same(want, got), f"{case_id(item)}: memory and Virtuoso differ"


def test_kg_push_replaces_a_named_graph_on_virtuoso(virtuoso, graph):
    from kg.stores import open_graph

    iri = "https://w3id.org/summit-kg/graph/virtuoso-cli"
    endpoint = f"{virtuoso.base}/sparql-graph-crud"
    runner = CliRunner()
    for _ in range(2):  # PUT twice: the second replaces the first, it does not add to it
        result = runner.invoke(main, ["push", "--endpoint", endpoint, "--graph", iri])
        assert result.exit_code == 0, result.output
        assert f"pushed {len(graph):,} triples" in result.stderr
    pushed = open_graph(virtuoso.store(iri))
    assert _count(pushed) == len(graph)
    ask = "ASK { <https://w3id.org/summit-kg/id/astana-summit-2025> a skg:Summit }"
    assert pushed.query(ask).askAnswer is True


def test_push_to_virtuosos_default_graph_says_why(virtuoso):
    from kg.stores import push_graph

    # Virtuoso's endpoint has no default graph to write to; a one-triple graph is sent whole
    # before it answers, so its reason is read and passed on without the HTML around it
    tiny = Graph()
    tiny.add((URIRef(SKGR + "x"), RDFS.label, Literal("x")))
    with pytest.raises(
        UsageError, match=r"answered 500 .* not configured to have default graph \(is this"
    ):
        push_graph(tiny, f"{virtuoso.base}/sparql-graph-crud")


def test_kg_push_to_virtuosos_default_graph_is_one_clear_line(virtuoso):
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{virtuoso.base}/sparql-graph-crud"])
    assert result.exit_code == 2
    # Virtuoso may answer and hang up before the whole graph is sent: one line either way
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert "answered 500" in result.stderr or "closed the connection" in result.stderr


def test_durations_come_back_in_iso_form(remote, caplog):
    # the shipped data has the training places run for "P2Y"; Virtuoso writes it as "24"
    subject, duration = URIRef(SKGR + "training-opportunities"), URIRef(SKG + "duration")
    want = Literal("P2Y", datatype=XSD.duration)
    select = f"SELECT ?d WHERE {{ <{subject}> <{duration}> ?d }}"
    construct = (
        f"CONSTRUCT {{ <{subject}> <{duration}> ?d }} WHERE {{ <{subject}> <{duration}> ?d }}"
    )
    assert [row[0] for row in remote.query(select)] == [want]
    assert set(remote.query(construct).graph.objects(subject, duration)) == {want}
    assert remote.value(subject, duration) == want  # rdflib's own triple lookup
    # rdflib's traceback for the number it could not read is kept off stderr
    assert not [r for r in caplog.records if "duration" in r.getMessage()]


def test_kg_query_prints_virtuosos_answer_as_the_memory_stores(remote, virtuoso):
    args = ["query", "who-committed-what", "--format", "csv", "--no-cache"]
    on_memory = CliRunner().invoke(main, args)
    on_virtuoso = CliRunner().invoke(main, [*args, "--store", virtuoso.store()])
    assert on_memory.exit_code == 0 and on_virtuoso.exit_code == 0, on_virtuoso.output
    assert "Traceback" not in on_virtuoso.stderr
    assert ",P2Y," in on_memory.stdout and ",P2Y," in on_virtuoso.stdout
    assert len(on_virtuoso.stdout.splitlines()) == len(on_memory.stdout.splitlines())


# --- the engine's own differences, which the named questions are written around ----------
# Each is a fact the README's "Engines tested" states; if a Virtuoso release fixes one, its
# case fails here and the workaround it names (queries/*.rq) can go.


@pytest.mark.parametrize(
    ("text", "virtuoso_gives"),
    [
        # a bare EXISTS or comparison is bound as an integer (queries/agreements.rq)
        ("SELECT ?x WHERE { BIND(EXISTS { ?s ?p ?o } AS ?x) }", [Literal(1)]),
        # xsd:boolean(...) gives the boolean every engine gives
        ("SELECT ?x WHERE { BIND(xsd:boolean(EXISTS { ?s ?p ?o }) AS ?x) }", [Literal(True)]),
        # STR of a duration is its number of months (queries/due-by-year.rq)
        (
            f"SELECT ?x WHERE {{ skgr:training-opportunities <{SKG}duration> ?d "
            "BIND(STR(?d) AS ?x) }",
            [Literal("24")],
        ),
        # a FILTER is dropped when a BIND comes before an OPTIONAL in its group
        # (queries/vague-figures.rq): the summit other than Astana's is asked for, both of
        # the data's summits come back
        (
            "SELECT ?s WHERE { ?s a skg:Summit FILTER(?s != skgr:astana-summit-2025) "
            "BIND(1 AS ?one) OPTIONAL { ?s rdfs:label ?label } }",
            [URIRef(SKGR + "astana-summit-2025"), URIRef(SKGR + "xian-summit-2023")],
        ),
    ],
    ids=["exists-as-integer", "cast-to-boolean", "str-of-duration", "filter-dropped"],
)
def test_the_engine_differences_the_questions_avoid(remote, text, virtuoso_gives):
    got = sorted((row[0] for row in remote.query(text)), key=str)
    assert got == virtuoso_gives


@pytest.mark.parametrize(
    ("number", "iso"),
    [
        ("24", "P2Y"),
        ("18", "P1Y6M"),
        ("1", "P1M"),
        ("0", "P0M"),
        ("-24", "-P2Y"),
        ("259200.0", "P3D"),
        ("3600.0", "PT1H"),
        ("93784.5", "P1DT2H3M4.5S"),
        ("0.0", "PT0S"),
    ],
)
def test_iso_duration_writes_virtuosos_numbers_in_iso_form(number, iso):
    # months without a decimal point, seconds with one: 24 months are 2 years; 259200 s are
    # 3 days (3 x 86400); 93784.5 s = 86400 + 2 x 3600 + 3 x 60 + 4.5
    assert iso_duration(number) == iso


@pytest.mark.parametrize("text", ["P2Y", "PT1H", "-P1D", "2025-06", "x", ""])
def test_iso_duration_leaves_anything_else_alone(text):
    assert iso_duration(text) is None


def test_only_durations_are_rewritten():
    # a bare number is rewritten only as the lexical form of an xsd:duration
    assert adapt_term(Literal("24", datatype=XSD.duration)) == Literal("P2Y", datatype=XSD.duration)
    for term in (Literal("24", datatype=XSD.integer), Literal("24"), URIRef("http://ex/24")):
        assert adapt_term(term) is term
