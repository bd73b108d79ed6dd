"""``kg serve`` as a real SPARQL 1.1 Protocol endpoint, asked by real clients (SPARQLWrapper
and rdflib's SPARQLStore) over loopback HTTP.

One server (memory store, two workers) is started for the module and stopped at its end.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg import serve as server
from kg.model.namespaces import SKG, SKGR

STATES = "PREFIX skg: <https://w3id.org/summit-kg/ontology#> SELECT ?s WHERE { ?s a skg:State }"
# China and the five Central Asian states meet; Russia, Pakistan and Afghanistan are
# mentioned in the article too, as states.
SUMMIT_STATES = {
    "china",
    "kazakhstan",
    "kyrgyzstan",
    "tajikistan",
    "turkmenistan",
    "uzbekistan",
}


@pytest.fixture(scope="module")
def srv():
    config = server.ServeConfig(port=0, workers=2, max_rows=500, timeout=20)
    s = server.start(config)
    yield s
    server.shutdown(s)


def get(url: str, headers: dict | None = None, data: bytes | None = None, method=None):  # type: ignore[no-untyped-def]
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def sparql(srv, text: str, **args: str) -> str:
    return f"{srv.url}/sparql?" + urllib.parse.urlencode({"query": text, **args})


# --- real clients ---------------------------------------------------------------------------


def test_sparqlwrapper_json_select(srv):
    client = SPARQLWrapper(f"{srv.url}/sparql")
    client.setQuery(STATES)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    found = {b["s"]["value"].rsplit("/", 1)[-1] for b in data["results"]["bindings"]}
    assert found >= SUMMIT_STATES


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_sparqlwrapper_other_result_formats(srv, fmt):
    client = SPARQLWrapper(f"{srv.url}/sparql")
    client.setQuery(STATES)
    client.setReturnFormat(fmt)
    client.setMethod("POST")
    body = client.query().convert()
    text = body.toxml() if hasattr(body, "toxml") else body.decode("utf-8")
    assert str(SKGR.kazakhstan) in text


def test_sparqlwrapper_construct_turtle(srv):
    client = SPARQLWrapper(f"{srv.url}/sparql")
    client.setQuery("CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a skg:State ; rdfs:label ?l }")
    client.setReturnFormat(TURTLE)
    data = client.query().convert()
    g = Graph().parse(data=data, format="turtle")
    assert (
        SKGR.kazakhstan,
        URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
        Literal("Kazakhstan", lang="en"),
    ) in g  # noqa: E501


def test_sparqlwrapper_bad_query_is_400_with_the_parsers_message(srv):
    client = SPARQLWrapper(f"{srv.url}/sparql")
    client.setQuery("SELECT ?s WHERE { ?s a skg:State ")
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed) as info:
        client.query()
    assert "syntax error" in str(info.value)


def test_rdflib_sparqlstore_client(srv):
    from kg.stores import open_graph

    remote = open_graph(f"sparql:{srv.url}/sparql")
    rows = list(remote.query(STATES))
    assert {str(r[0]).rsplit("/", 1)[-1] for r in rows} >= SUMMIT_STATES
    assert remote.query("ASK { skgr:xi-jinping a skg:Person }").askAnswer is True


# --- the protocol ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html, */*;q=0.1", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
    ],
)
def test_results_negotiation(srv, accept, media):
    status, headers, body = get(sparql(srv, STATES), {"Accept": accept} if accept else {})
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media
    assert str(SKGR.uzbekistan).encode() in body


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
    ],
)
def test_graph_negotiation(srv, accept, fmt):
    text = "CONSTRUCT { ?s a skg:State } WHERE { ?s a skg:State }"
    status, headers, body = get(sparql(srv, text), {"Accept": accept})
    assert status == 200 and headers["Content-Type"].startswith(accept)
    g = Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert (
        SKGR.turkmenistan,
        URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        SKG.State,
    ) in g  # noqa: E501


def test_a_table_cannot_be_turtle(srv):
    status, _, body = get(sparql(srv, STATES), {"Accept": "text/turtle"})
    assert status == 406
    assert "json" in json.loads(body)["message"]


def test_post_direct_body_and_form(srv):
    direct = get(
        f"{srv.url}/sparql",
        {"Content-Type": "application/sparql-query", "Accept": "text/csv"},
        STATES.encode(),
    )
    form = get(
        f"{srv.url}/sparql",
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
        urllib.parse.urlencode({"query": STATES}).encode(),
    )
    assert direct[0] == form[0] == 200
    assert sorted(direct[2].splitlines()) == sorted(form[2].splitlines())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM <http://example.org/g>"),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { ?s ?p ?o }", "FROM NAMED"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("LOAD <http://example.org/data.ttl>", "LOAD"),
        ("INSERT DATA { <http://ex/a> <http://ex/b> 1 }", "INSERT DATA"),
    ],
)
def test_outside_data_and_updates_are_refused(srv, text, words):
    status, _, body = get(sparql(srv, text))
    assert status == 400
    assert words in json.loads(body)["message"]


def test_update_parameter_and_protocol_dataset_are_refused(srv):
    update = get(
        f"{srv.url}/sparql",
        {"Content-Type": "application/sparql-update"},
        b"CLEAR ALL",
    )
    assert update[0] == 403
    dataset = get(sparql(srv, STATES, **{"default-graph-uri": "http://example.org/g"}))
    assert dataset[0] == 400


def test_result_size_limit(srv):
    status, _, body = get(sparql(srv, "SELECT * WHERE { ?s ?p ?o }"))
    assert status == 413
    message = json.loads(body)
    assert message["limit"] == 500 and message["size"] > 2000
    assert "LIMIT" in message["message"]
    ok = get(sparql(srv, "SELECT * WHERE { ?s ?p ?o } LIMIT 500"))
    assert ok[0] == 200


def test_service_description(srv):
    status, headers, body = get(f"{srv.url}/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = URIRef(f"{srv.url}/sparql")
    assert (service, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g
    formats = set(g.objects(service, URIRef(sd + "resultFormat")))
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV") in formats


# --- named questions, the page, CORS --------------------------------------------------------


def test_named_questions_are_listed(srv):
    from kg.query import catalogue

    status, _, body = get(f"{srv.url}/queries")
    listed = {q["name"]: q for q in json.loads(body)}
    assert status == 200 and set(listed) == set(catalogue.names())
    assert any(
        p["name"] == "actor" and p["required"] for p in listed["commitments-of-actor"]["params"]
    )  # noqa: E501


def test_a_named_question_with_a_parameter_given_by_label(srv, graph):
    from kg.query import query

    status, _, body = get(
        f"{srv.url}/queries/commitments-of-actor?actor=Kazakhstan",
        {"Accept": "application/sparql-results+json"},
    )
    assert status == 200
    data = json.loads(body)
    direct = query("commitments-of-actor", graph=graph, actor="skgr:kazakhstan")
    assert len(data["results"]["bindings"]) == len(direct) > 0


def test_a_named_question_missing_its_parameter_or_unknown(srv):
    missing = get(f"{srv.url}/queries/commitments-of-actor")
    assert missing[0] == 400 and "actor" in json.loads(missing[2])["message"]
    unknown = get(f"{srv.url}/queries/no-such-question")
    # issue 10: a name that is no question is "not found", not a bad request
    assert unknown[0] == 404 and "no question named" in json.loads(unknown[2])["message"]


def test_the_page_and_its_assets_are_local(srv):
    status, headers, page = get(f"{srv.url}/query")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert b"https://" not in page and b"http://" not in page  # every asset from this server
    for asset in ("/static/app.js", "/static/app.css"):
        code, _, body = get(srv.url + asset)
        assert code == 200
        # the script names namespaces (to shorten IRIs) but loads nothing from elsewhere
        assert b'fetch("http' not in body and b"url(http" not in body and b"import " not in body
    assert get(f"{srv.url}/static/../server.py")[0] == 404


def test_the_relationship_picture(srv):
    status, headers, body = get(f"{srv.url}/graph.html?view=actors&focus=Kazakhstan")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"Kazakhstan" in body
    assert b'<script src="http' not in body


def test_cors_is_off_by_default(srv):
    _, headers, _ = get(sparql(srv, STATES), {"Origin": "http://example.org"})
    assert "Access-Control-Allow-Origin" not in headers
    assert get(f"{srv.url}/sparql", method="OPTIONS")[0] == 405


def test_negotiate_unit():
    assert server.negotiate("results", "text/csv;q=0.5, application/sparql-results+xml") == "xml"
    assert server.negotiate("graph", "*/*") == "ttl"
    assert server.negotiate("graph", None, "xml") == "rdfxml"
    assert server.negotiate("results", "image/png") is None


def test_kg_serve_refuses_a_bad_store_before_starting():
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["serve", "--store", "postgres:x"])
    assert result.exit_code == 2 and "unknown store" in result.stderr
