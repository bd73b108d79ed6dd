"""``kg serve``'s HTTP layer against a hostile client (issue 10, item 5): raw sockets that
send half a request, drip bytes, lie about lengths, send chunked bodies, forge the Host
header, ask for absurd names and numbers, or hang up early.

One server (memory store, one worker) with short deadlines, so each case takes a second or
two: silent for 1 s or slower than 3 s for a whole request, and the connection is dropped.
"""

from __future__ import annotations

import http.client
import json
import socket
import struct
import time
import urllib.parse

import pytest
from rdflib import Graph, Literal, URIRef

from kg import serve as server
from kg.model import paths

IDLE, WHOLE = 1.0, 3.0
ALLOWED = "kg.example.org"


@pytest.fixture(scope="module")
def srv():
    config = server.ServeConfig(
        port=0,
        workers=1,
        timeout=20,
        idle_timeout=IDLE,
        request_timeout=WHOLE,
        allow_hosts=(ALLOWED,),
    )
    s = server.start(config, quiet=False)
    yield s
    server.shutdown(s)


def connect(srv) -> socket.socket:  # type: ignore[no-untyped-def]
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=15)
    return sock


def exchange(srv, data: bytes) -> tuple[int, dict[str, str], bytes]:  # type: ignore[no-untyped-def]
    """Send raw bytes, read one response."""
    with connect(srv) as sock:
        sock.sendall(data)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, dict(response.headers), response.read()


def request(srv, target: str, host: str | None = None, extra: str = "", body: bytes = b""):  # type: ignore[no-untyped-def]
    host_line = f"Host: {host if host is not None else f'127.0.0.1:{srv.port}'}\r\n"
    head = f"GET {target} HTTP/1.1\r\n{host_line}{extra}Connection: close\r\n\r\n"
    return exchange(srv, head.encode("latin-1") + body)


def seconds_until_closed(sock: socket.socket) -> float:
    """How long the server takes to close a connection we stopped writing to."""
    t0 = time.monotonic()
    while sock.recv(4096):
        pass
    return time.monotonic() - t0


def one_line_error(body: bytes) -> dict:
    text = body.decode("utf-8")
    assert text.endswith("\n") and text.count("\n") == 1
    return json.loads(text)


# --- deadlines --------------------------------------------------------------------------------


def test_the_defaults_are_a_few_seconds():
    config = server.ServeConfig()
    assert config.idle_timeout <= 10 and config.request_timeout <= 30


def test_a_half_sent_request_is_dropped_within_seconds(srv):
    with connect(srv) as sock:
        sock.sendall(f"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n".encode())
        assert seconds_until_closed(sock) < IDLE + 2


def test_a_request_dripped_byte_by_byte_is_cut_at_its_deadline(srv):
    line = f"GET /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\nX-Slow: " + "a" * 100
    with connect(srv) as sock:
        t0 = time.monotonic()
        try:
            for ch in line:  # never silent for IDLE seconds, so only the deadline stops it
                sock.sendall(ch.encode())
                time.sleep(IDLE / 4)
        except (BrokenPipeError, ConnectionResetError):
            pass
        else:
            pytest.fail("the server kept reading a request for 25 s")
        assert time.monotonic() - t0 < WHOLE + 2


def test_a_body_shorter_than_its_length_is_dropped(srv):
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n"
        "Content-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK {"
    )
    with connect(srv) as sock:
        sock.sendall(head.encode())
        assert seconds_until_closed(sock) < IDLE + 2


# --- body framing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "status"),
    [("abc", 400), ("-1", 400), ("1e3", 400), ("5, 6", 400), ("99999999999999999999", 413)],
)
def test_a_bad_content_length_is_refused_at_once(srv, length, status):
    t0 = time.monotonic()
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {length}\r\n\r\nASK {{}}"
    )
    code, headers, body = exchange(srv, head.encode())
    assert code == status and time.monotonic() - t0 < IDLE
    assert headers["Connection"] == "close"
    assert "Content-Length" in one_line_error(body)["message"] or status == 413


def test_a_chunked_body_is_refused_not_misread(srv):
    # Read as if it had no body, "5\r\nASK {..." would be taken for the next request.
    query = b"ASK { ?s ?p ?o }"
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(query), query)
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n"
        "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    with connect(srv) as sock:
        sock.sendall(head.encode() + chunked)
        response = http.client.HTTPResponse(sock)
        response.begin()
        assert response.status == 411
        assert "Content-Length" in one_line_error(response.read())["message"]
        assert sock.recv(4096) == b""  # closed: nothing after the refusal is read


def test_a_proper_post_still_works_and_expect_100_is_honoured(srv):
    query = b"ASK { ?s a skg:State }"
    head = (
        f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\nExpect: 100-continue\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {len(query)}\r\n"
        "Connection: close\r\n\r\n"
    )
    with connect(srv) as sock:
        sock.sendall(head.encode())
        assert sock.recv(100).startswith(b"HTTP/1.1 100")
        sock.sendall(query)
        response = http.client.HTTPResponse(sock)
        response.begin()
        assert response.status == 200 and json.loads(response.read())["boolean"] is True


# --- the Host header (DNS rebinding) and the service description -----------------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "evil.example",
        "localhost:1",
        "127.0.0.1:{port} > . <x> <y> <z",
        "x> . <x> <y> <z> . <a:{port}",
        "localhost.:{port}",
    ],
)
def test_a_foreign_host_is_refused_with_one_line(srv, host):
    code, _, body = request(srv, "/sparql", host=host.format(port=srv.port))
    assert code == 403
    message = one_line_error(body)
    assert message["error"] == "forbidden-host" and "--allow-host" in message["message"]


@pytest.mark.parametrize(
    "host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}", ALLOWED, "KG.example.org:81"]
)
def test_the_bound_and_allowed_names_are_served(srv, host):
    host = host.format(port=srv.port)
    code, headers, body = request(srv, "/sparql", host=host)
    assert code == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert set(g.subjects(URIRef(sd + "endpoint"), None)) == {URIRef(f"http://{host}/sparql")}


def test_the_description_cannot_be_injected_into():
    endpoint = "http://x> . <http://x/> <http://y/> <http://z/> . <http://a:8000/sparql"
    g = Graph().parse(data=server.service_description(endpoint, 42), format="turtle")
    # a, endpoint, language, 8 result formats, description, dataset; the dataset's a and
    # default graph; that graph's a and its count: 17, and nothing of the Host's making
    assert len(g) == 17
    terms = {str(t) for triple in g for t in triple}
    assert not {"http://x/", "http://y/", "http://z/"} & terms
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    (service,) = g.subjects(rdf_type, URIRef(sd + "Service"))
    assert str(service) == (
        "http://x%3E%20.%20%3Chttp://x/%3E%20%3Chttp://y/%3E%20%3Chttp://z/%3E%20.%20"
        "%3Chttp://a:8000/sparql"
    )
    assert (None, URIRef("http://rdfs.org/ns/void#triples"), Literal(42)) in g


# --- names and numbers in the URL -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [pytest.param("a" * 5000, id="5000-chars"), "../../etc/passwd", "x%00y", "%2e%2e%2fqueries"],
)
def test_a_name_that_is_no_question_is_404_without_a_server_path(srv, name):
    code, _, body = request(srv, f"/queries/{name}")
    assert code == 404
    message = one_line_error(body)["message"]
    assert str(paths.QUERIES_DIR) not in message and "/work" not in message
    assert len(message) < 300


def test_a_request_line_too_long_is_414(srv):
    code, _, body = request(srv, "/queries/" + "a" * 70_000)
    assert code == 414 and one_line_error(body)["error"]


@pytest.mark.parametrize(
    "target",
    [
        "/sparql?query=ASK%7B%7D&timeout=abc",
        "/sparql?query=ASK%7B%7D&timeout=nan",
        "/sparql?query=ASK%7B%7D&timeout=-1",
        "/queries/leaders?timeout=1e400",
        "/graph.html?view=actors&focus=Kazakhstan&depth=abc",
        "/graph.html?view=actors&focus=Kazakhstan&depth=-1",
        "/graph.html?view=actors&focus=Kazakhstan&depth=99999999999999999999",
    ],
)
def test_a_bad_number_in_the_query_string_is_400(srv, target):
    code, _, body = request(srv, target)
    assert code == 400
    key = "timeout" if "timeout=" in target else "depth"
    assert one_line_error(body)["message"].startswith(f"{key}=")


def test_a_shorter_timeout_may_be_asked_for(srv):
    code, _, body = request(srv, "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
    assert code == 200
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    t0 = time.monotonic()
    code, _, body = request(srv, "/sparql?" + urllib.parse.urlencode({"query": slow, "timeout": 1}))
    assert code == 503 and json.loads(body)["limit"] == 1
    assert time.monotonic() - t0 < 6


# --- a client that hangs up -------------------------------------------------------------------


def test_a_client_that_hangs_up_costs_one_quiet_line(srv, capfd):
    capfd.readouterr()
    query = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3000"})
    head = f"GET /sparql?{query} HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n\r\n"
    with connect(srv) as sock:
        sock.sendall(head.encode())
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    # the server now answers into a reset connection
    deadline = time.monotonic() + 10
    err = ""
    while "closed the connection" not in err and time.monotonic() < deadline:
        time.sleep(0.2)
        err += capfd.readouterr().err
    assert "Traceback" not in err
    assert err.count("closed the connection before the answer was sent") == 1
    assert request(srv, "/queries/leaders")[0] == 200
