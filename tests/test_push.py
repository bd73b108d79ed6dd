"""``kg push`` to a real Oxigraph server, then every named question through
``--store sparql:URL`` gives the memory store's answers.

The test starts ``oxigraph serve`` (PyPI package ``oxigraph``) on a free loopback port with an
in-memory store and stops it at the end. Answers are compared as in tests/test_store.py.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner
from conftest import stop_process
from test_store import CASES, answer, case_id, params_for_engine, same

from kg.cli import main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def oxigraph_server():
    exe = shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("oxigraph serve exited at start")
                time.sleep(0.1)
        yield base
    finally:
        stop_process(proc, 10)


@pytest.fixture(scope="module")
def pushed(oxigraph_server):
    result = CliRunner().invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert "pushed" in result.stderr
    from kg.stores import open_graph

    return open_graph(f"sparql:{oxigraph_server}/query")


def test_push_sends_every_triple(pushed, graph):
    count = pushed.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(next(iter(count))[0]) == len(graph)


#: Every question with every manifest parameter: the source questions bind their parameter
#: outside the groups they count, so the VALUES block a remote endpoint gets and rdflib's
#: initial binding give the same answer (docs/decisions/2026-12-02-source-questions.md).
REMOTE_CASES = CASES


@pytest.mark.parametrize("item", REMOTE_CASES, ids=case_id)
def test_every_question_same_through_sparql_store(pushed, graph, item):
    from kg.query import query

    name, params = item
    want = answer(query(name, graph=graph, **params_for_engine(params)))
    got = answer(query(name, graph=pushed, **params_for_engine(params)))
    assert same(want, got), f"{case_id(item)}: memory and the pushed copy differ"


def test_push_to_a_named_graph_then_append(oxigraph_server):
    from kg.stores import open_graph

    iri = "https://w3id.org/summit-kg/graph/test"
    runner = CliRunner()
    first = runner.invoke(main, ["push", "--endpoint", f"{oxigraph_server}/store", "--graph", iri])
    assert first.exit_code == 0, first.output
    remote = open_graph(f"sparql:{oxigraph_server}/query")
    ask = f"ASK {{ GRAPH <{iri}> {{ skgr:astana-summit-2025 a skg:Summit }} }}"
    assert remote.query(ask).askAnswer is True


def test_push_to_nowhere_is_one_clear_line():
    result = CliRunner().invoke(
        main, ["push", "--endpoint", f"http://127.0.0.1:{_free_port()}/store"]
    )
    assert result.exit_code == 2
    assert "cannot reach the endpoint" in result.stderr and "Traceback" not in result.output
