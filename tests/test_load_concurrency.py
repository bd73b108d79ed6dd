"""``kg serve`` under load: concurrent clients get only right answers, and a query that runs
past the time limit gets a clean timeout while the others keep being served.

Bounded and loopback-only: 8 clients x 200 named questions on the Oxigraph store, 8 x 15 on
the memory store (rdflib is ~4x slower per question), then a runaway query beside 4 busy
clients. Every answer is compared with the memory store's in-process answer, the way
tests/test_store.py compares stores.
"""

from __future__ import annotations

import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from rdflib.query import Result
from test_store import answer, canonical_graph, same

from kg import serve as server
from kg.model.load import source_files
from kg.query import catalogue
from kg.stores import load_into_oxigraph

#: a fixed IRI for each required parameter of the questions that have one
PARAMS = {
    "commitments-of-actor": {"actor": "skgr:kazakhstan"},
    "quotations-by-speaker": {"speaker": "skgr:xi-jinping"},
    "actor-profile": {"actor": "skgr:tajikistan"},
    "actor-neighbourhood": {"actor": "skgr:tajikistan"},
    "agreement-subgraph": {"agreement": "skgr:eternal-friendship-treaty"},
    "provenance": {"resource": "skgr:emomali-rahmon"},
}
ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"
# Every triple times every triple times every triple: ~10^10 rows, never finishes in rdflib.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def workload() -> list[tuple[str, dict[str, str]]]:
    items = []
    for q in catalogue.catalogue().values():
        required = [p.name for p in q.params if p.required]
        given = PARAMS.get(q.name, {})
        if all(r in given for r in required):
            items.append((q.name, {r: given[r] for r in required}))
    return items


ITEMS = workload()


@pytest.fixture(scope="module")
def expected(graph):
    from kg.query import query

    return {name: answer(query(name, graph=graph, **params)) for name, params in ITEMS}


def ask(url: str, timeout: float = 60) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def decode(content_type: str, body: bytes):  # type: ignore[no-untyped-def]
    if content_type.startswith("text/turtle"):
        return canonical_graph(Graph().parse(data=body.decode("utf-8"), format="turtle"))
    return answer(Result.parse(io.BytesIO(body), format="json"))


#: Questions rdflib's evaluator needs seconds for (the source questions compare every
#: statement with every claim): asked of the Oxigraph store only, where they take
#: milliseconds, so that a memory-store run tests concurrency rather than rdflib's speed.
SLOW_ON_RDFLIB = {"corroboration", "single-source", "disagreements", "source-statements"}
FAST_ITEMS = [item for item in ITEMS if item[0] not in SLOW_ON_RDFLIB]


def hammer(
    base: str, expected: dict, clients: int, per_client: int, items: list | None = None
) -> list[str]:
    problems: list[str] = []
    lock = threading.Lock()
    checked: set[tuple[str, bytes]] = set()  # answers already found right, byte for byte

    def client(index: int) -> None:
        for k in range(per_client):
            chosen = items or ITEMS
            name, params = chosen[(index * 7 + k) % len(chosen)]
            url = f"{base}/queries/{name}?{urllib.parse.urlencode(params)}"
            status, ctype, body = ask(url)
            if status != 200:
                problem = f"{name}: HTTP {status} {body[:200]!r}"
            elif (name, body) in checked:
                continue
            elif not same(expected[name], decode(ctype, body)):
                problem = f"{name}: a wrong answer"
            else:
                with lock:
                    checked.add((name, body))
                continue
            with lock:
                problems.append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return problems


@pytest.fixture(scope="module")
def oxigraph_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("load") / "store"
    load_into_oxigraph(source_files(), folder)
    return folder


def test_eight_clients_two_hundred_questions_each_on_oxigraph(oxigraph_dir, expected):
    srv = server.start(server.ServeConfig(store=f"oxigraph:{oxigraph_dir}", port=0, workers=2))
    try:
        problems = hammer(srv.url, expected, clients=8, per_client=200)
    finally:
        server.shutdown(srv)
    assert problems == []


def test_eight_clients_on_the_memory_store(expected):
    srv = server.start(server.ServeConfig(port=0, workers=2))
    try:
        problems = hammer(srv.url, expected, clients=8, per_client=15, items=FAST_ITEMS)
    finally:
        server.shutdown(srv)
    assert problems == []


def test_a_runaway_query_times_out_while_the_others_are_served(expected):
    import psutil

    srv = server.start(server.ServeConfig(port=0, workers=2, timeout=2.0))
    try:
        before = {w.process.pid for w in srv.pool._all}
        outcome: dict[str, object] = {}

        def runaway() -> None:
            t0 = time.perf_counter()
            url = f"{srv.url}/sparql?" + urllib.parse.urlencode({"query": RUNAWAY})
            outcome["reply"] = ask(url)
            outcome["seconds"] = time.perf_counter() - t0

        slow = threading.Thread(target=runaway)
        slow.start()
        problems = hammer(srv.url, expected, clients=4, per_client=10, items=FAST_ITEMS)
        slow.join(30)
        status, ctype, body = outcome["reply"]  # type: ignore[misc]
        assert status == 503 and ctype.startswith("application/json")
        message = json.loads(body)
        assert message["error"] == "timeout" and "2 s" in message["message"]
        assert outcome["seconds"] < 8  # type: ignore[operator]
        assert problems == []
        # the runaway's worker was killed (no core left spinning) and replaced
        deadline = time.monotonic() + 30
        while srv.pool.replaced < 1 or len(srv.pool._all) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        after = {w.process.pid for w in srv.pool._all}
        gone = before - after
        assert len(gone) == 1
        assert not any(
            psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie" for pid in gone
        )  # noqa: E501
        assert ask(f"{srv.url}/queries/leaders")[0] == 200
    finally:
        server.shutdown(srv)
