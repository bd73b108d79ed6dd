"""SERVICE through ``kg serve`` (issue 10, item 1, server side): every known way of writing a
SERVICE call, sent to ``/sparql`` by GET, POST body and POST form, on the memory and the
Oxigraph store, is a 400 and opens no connection to the address it names.

The address is the ``recorder`` port (tests/conftest.py), which counts the connections made
to it; a control test shows that it does count. The texts of tests/test_safety.py, some of
which are harmless comments to every grammar, go through the same doors too.
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from test_safety import attacks, ox_store  # noqa: F401 - a fixture

from kg import serve as server

ATTACKS = {
    # a comment ended by a lone CR: a comment to one grammar, a SERVICE call to another
    "after-cr-comment": "SELECT * WHERE {{ ?a ?b ?c # x\r SERVICE <{url}> {{ ?s ?p ?o }}\n}}",
    "plain": "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "silent": "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "lower-case": "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    "escaped-keyword": "ASK {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "in-a-construct": "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
}
METHODS = ["GET", "POST-body", "POST-form"]


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def srv(request):
    store = "memory"
    if request.param == "oxigraph":
        store = f"oxigraph:{request.getfixturevalue('ox_store')}"
    s = server.start(server.ServeConfig(store=store, port=0, workers=1, timeout=20))
    yield s
    server.shutdown(s)


def send(srv, method: str, text: str) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
    if method == "GET":
        req = urllib.request.Request(f"{srv.url}/sparql?" + urllib.parse.urlencode({"query": text}))
    elif method == "POST-body":
        req = urllib.request.Request(
            f"{srv.url}/sparql",
            data=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query"},
        )
    else:
        req = urllib.request.Request(
            f"{srv.url}/sparql",
            data=urllib.parse.urlencode({"query": text}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def settled(recorder) -> int:  # type: ignore[no-untyped-def]
    time.sleep(0.4)  # a connection made during the query has been accepted by now
    return recorder.connections


def test_the_recorder_counts_a_connection(recorder):
    socket.create_connection(("127.0.0.1", recorder.port)).close()
    assert settled(recorder) == 1


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("method", METHODS)
def test_service_is_refused_and_connects_nowhere(srv, recorder, attack, method):
    url = f"http://127.0.0.1:{recorder.port}/"
    status, body = send(srv, method, ATTACKS[attack].format(url=url))
    assert settled(recorder) == 0, "the query reached the network"
    assert status == 400, body
    assert json.loads(body)["error"] == "bad-request"


@pytest.mark.parametrize("method", METHODS)
def test_the_reported_texts_connect_nowhere_through_the_server(srv, recorder, method):
    for text in attacks(recorder.port):
        status, body = send(srv, method, text)
        assert status in (200, 400), body  # refused, or a comment to every grammar
    assert settled(recorder) == 0
