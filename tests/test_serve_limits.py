"""``kg serve``'s limits (issue 10, items 3, 4 and 5): memory per worker, bytes per answer,
deep nesting, and workers that die while idle, on the memory and the Oxigraph store.

One server per store, one worker each, capped at 200 MiB beyond its open store and 20 kB
per answer, so that a query needing gigabytes is stopped in about a second.
"""

from __future__ import annotations

import inspect
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import psutil
import pytest
from test_safety import ox_store  # noqa: F401 - a fixture (the Oxigraph store)

from kg import serve as server
from kg.errors import UsageError
from kg.serve.config import GIB, MIB

MAX_MEMORY, MAX_BYTES = 200 * MIB, 20_000

# Ten characters doubled 17 times: 1.3 MB, then joined to every object of the graph's
# ~2,300 triples: about 3 GB of strings if nothing stops it.
_DOUBLINGS = " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(17))
GIGABYTES = (
    'SELECT ?x WHERE { BIND("0123456789" AS ?a0) '
    + _DOUBLINGS
    + " ?s ?p ?o . BIND(CONCAT(?a17, STR(?o)) AS ?x) }"
)


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def srv(request):
    store = "memory"
    if request.param == "oxigraph":
        store = f"oxigraph:{request.getfixturevalue('ox_store')}"
    config = server.ServeConfig(
        store=store, port=0, workers=1, timeout=30, max_memory=MAX_MEMORY, max_bytes=MAX_BYTES
    )
    s = server.start(config)
    yield s
    server.shutdown(s)


def get(url: str, data: bytes | None = None, headers: dict | None = None):  # type: ignore[no-untyped-def]
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def sparql(srv, text: str) -> str:  # type: ignore[no-untyped-def]
    return f"{srv.url}/sparql?" + urllib.parse.urlencode({"query": text})


def one_line(body: bytes) -> dict:
    text = body.decode("utf-8")
    assert text.count("\n") == 1 and "Traceback" not in text
    return json.loads(text)


def test_a_query_needing_gigabytes_is_stopped_and_the_server_keeps_answering(srv):
    replaced = srv.pool.replaced
    t0 = time.monotonic()
    status, body = get(sparql(srv, GIGABYTES))
    assert status == 507 and time.monotonic() - t0 < 20  # well before the 30 s time limit
    message = one_line(body)
    assert message["error"] == "out-of-memory" and "--max-memory" in message["message"]
    assert get(f"{srv.url}/queries/leaders")[0] == 200
    assert srv.pool.replaced == replaced + 1  # its heap is not trusted again


def test_an_answer_over_the_byte_limit_is_413(srv):
    status, body = get(sparql(srv, "SELECT * WHERE { ?s ?p ?o } LIMIT 400"))
    assert status == 413
    message = one_line(body)
    assert message["limit"] == MAX_BYTES and message["bytes"] > MAX_BYTES
    assert "--max-bytes" in message["message"]
    assert get(sparql(srv, "SELECT * WHERE { ?s ?p ?o } LIMIT 3"))[0] == 200


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE " + "{" * 200 + " ?s ?p ?o " + "}" * 200,
        "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 500 + "1" + ")" * 500 + ") }",
        "ASK { " + "{ " * 200 + "}" * 200 + " }",
    ],
    ids=["braces-200", "parentheses-500", "ask-braces-200"],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_deep_nesting_is_a_400_with_one_line(srv, text, method):
    if method == "GET":
        status, body = get(sparql(srv, text))
    else:
        headers = {"Content-Type": "application/sparql-query"}
        status, body = get(f"{srv.url}/sparql", text.encode(), headers)
    assert status == 400
    assert one_line(body)["error"] == "bad-request"


def test_a_worker_that_died_while_idle_costs_no_request_an_error(srv):
    (worker,) = srv.pool._all
    pid = worker.process.pid
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while psutil.pid_exists(pid):  # gone, reaped: every thread of it has exited
        assert time.monotonic() < deadline
        time.sleep(0.05)
    for _ in range(3):
        status, body = get(f"{srv.url}/queries/leaders")
        assert status == 200, body
    assert pid not in {w.process.pid for w in srv.pool._all}


def test_a_recursion_error_anywhere_in_a_job_is_a_400(graph):
    """The second fence behind the checker's depth limit: run a query nested less deeply
    than that limit, with a stack too short for the parser, and it is still the asker's 400
    (not a 500 and not a dead worker)."""
    text = "SELECT * WHERE " + "{" * 30 + " ?s ?p ?o " + "}" * 30 + f" # {uuid.uuid4()}"
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + 120)
    try:
        reply = server.execute(graph, {"kind": "query", "text": text})
    finally:
        sys.setrecursionlimit(limit)
    assert reply.status == 400
    assert "nest" in json.loads(reply.body)["message"]


def test_sizes_are_read_as_people_write_them():
    assert server.parse_size("1GiB", where="--max-memory") == GIB == 1_073_741_824
    assert server.parse_size("512MiB", where="--max-memory") == 536_870_912
    assert server.parse_size("50MB", where="--max-bytes") == 50_000_000
    assert server.parse_size("2k", where="--max-bytes") == 2000
    assert server.parse_size("200000", where="--max-bytes") == 200_000
    for bad in ("lots", "-1", "0", "1.5.2GB", ""):
        with pytest.raises(UsageError):
            server.parse_size(bad, where="--max-bytes")
