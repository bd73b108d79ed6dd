"""kg serve speaks Linked Data: every resource IRI ``skgr:SLUG`` is served at ``/id/SLUG``
(HTML to a browser, its description as RDF to a client), and the browsing pages of
``kg site`` come from the same rendering (issue 13)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg import serve as server

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
CHINA = URIRef("https://w3id.org/summit-kg/id/china")
HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"  # what a browser sends


@pytest.fixture(scope="module")
def srv():
    s = server.start(server.ServeConfig(port=0, workers=1, timeout=60))
    yield s
    server.shutdown(s)


def get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=90) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def test_a_resource_is_a_page_to_a_browser(srv):
    status, ctype, body = get(f"{srv.url}/id/china", HTML)
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode("utf-8")
    assert "China" in page and "https://w3id.org/summit-kg/id/china" in page
    assert "/id/xi-jinping" in page  # its statements link to their resources here


@pytest.mark.parametrize(
    ("accept", "suffix", "fmt"),
    [
        ("text/turtle", "", "turtle"),
        ("application/ld+json", "", "json-ld"),
        ("application/n-triples", "", "nt"),
        (None, ".ttl", "turtle"),
        (None, ".jsonld", "json-ld"),
        (None, ".nt", "nt"),
    ],
)
def test_a_resource_is_its_description_to_a_client(srv, accept, suffix, fmt):
    status, _, body = get(f"{srv.url}/id/china{suffix}", accept)
    assert status == 200
    described = Graph().parse(data=body, format=fmt)
    assert (CHINA, RDFS.label, Literal("China", lang="en")) in described
    # its neighbours come with their labels, so the description reads on its own
    xi = URIRef("https://w3id.org/summit-kg/id/xi-jinping")
    assert (xi, RDFS.label, Literal("Xi Jinping", lang="en")) in described


def test_unknown_or_strange_resources_are_404(srv):
    assert get(f"{srv.url}/id/no-such-thing", HTML)[0] == 404
    assert get(f"{srv.url}/id/" + "x" * 500, HTML)[0] == 404
    assert get(f"{srv.url}/id/..%2F..%2Fetc%2Fpasswd", HTML)[0] == 404


def test_a_question_is_a_page_to_a_browser_and_an_answer_to_a_client(srv):
    status, ctype, body = get(f"{srv.url}/queries/leaders", HTML)
    assert status == 200 and ctype.startswith("text/html") and b"Xi Jinping" in body
    status, ctype, body = get(f"{srv.url}/queries/leaders")
    assert status == 200 and "sparql-results+json" in ctype
    assert len(json.loads(body)["results"]["bindings"]) == 6  # six state leaders
    status, ctype, body = get(f"{srv.url}/queries/leaders.csv")
    assert status == 200 and ctype.startswith("text/csv") and body.count(b"\n") == 7
    listing = get(f"{srv.url}/queries", HTML)
    assert listing[0] == 200 and listing[1].startswith("text/html")
    assert isinstance(json.loads(get(f"{srv.url}/queries")[2]), list)


def test_home_search_and_classes(srv):
    for path in ("/", "/search?q=tokayev", "/class"):
        status, ctype, _ = get(srv.url + path, HTML)
        assert status == 200 and ctype.startswith("text/html"), path
    status, ctype, body = get(f"{srv.url}/assets/search-index.js")
    assert status == 200 and b"Kassym-Jomart Tokayev" in body


def test_the_article_view_needs_a_copy(srv):
    status, _, body = get(f"{srv.url}/article", HTML)
    assert status == 404 and b"--sources" in body


@pytest.mark.skipif(not SOURCES.is_dir(), reason="needs ../shared/sources (the article)")
def test_with_sources_pages_show_the_articles_sentences():
    s = server.start(server.ServeConfig(port=0, workers=1, timeout=60, sources=SOURCES))
    try:
        text = (SOURCES / "000_d9ce016cc982a1d1.txt").read_text(encoding="utf-8")
        status, _, body = get(f"{s.url}/article", HTML)
        assert status == 200
        page = body.decode("utf-8")
        # a sentence of the article's first paragraph, read at run time from the copy
        first_words = text.split("\n", 1)[0][:40]
        assert first_words.split()[0] in page
    finally:
        server.shutdown(s)
