"""The browsing pages and Linked Data descriptions, made in a worker: the same rendering as
``kg site`` (:mod:`kg.render.site`), delivered by routes instead of files.

A resource IRI ``https://w3id.org/summit-kg/id/SLUG`` is served at ``/id/SLUG``: HTML to a
browser, its description (statements, evidence, neighbours' labels) as Turtle, JSON-LD or
N-Triples to a client that asks for RDF, or at ``/id/SLUG.ttl`` / ``.jsonld`` / ``.nt``.
Page look-ups are cached per graph by the site package, so a request costs one render.
"""

from __future__ import annotations

from typing import Any

from kg.serve.reply import Reply, error_reply

PAGE_TYPE = "text/html; charset=utf-8"
#: Charts style themselves with inline styles (plotly); nothing else is relaxed.
PAGE_POLICY = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "frame-src 'self'; object-src 'none'"
)
RDF_TYPES = {
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
ASSET_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
_ASSETS: dict[int, dict[str, bytes]] = {}


def rdf_format(accept: str | None) -> str | None:
    """``ttl``, ``jsonld`` or ``nt`` for an Accept header that asks for RDF; None for a
    browser (``text/html`` listed), which gets the page."""
    accept = (accept or "").lower()
    if "text/html" in accept or "application/xhtml" in accept:
        return None
    if "ld+json" in accept:
        return "jsonld"
    if "n-triples" in accept:
        return "nt"
    return "ttl"


def page(graph: Any, job: dict[str, Any]) -> Reply:
    """One browsing page or description; an unknown name is 404."""
    from kg.errors import UsageError

    try:
        return _page(graph, job)
    except UsageError as exc:
        return error_reply(404, "not-found", exc.message)


def _page(graph: Any, job: dict[str, Any]) -> Reply:
    from kg.render import site
    from kg.render.site.classes import render_class_page, render_classes_index
    from kg.render.site.question import render_questions_index

    links, sources, kind = site.Links.server(), job.get("sources"), job["page"]
    if kind == "asset":
        return _asset(graph, links, job["name"])
    if kind in ("resource", "describe"):
        iri = site.resource_for_slug(graph, job["name"])
        if iri is None:
            return error_reply(404, "not-found", f"no resource skgr:{job['name'][:60]}")
        if kind == "describe":
            return _describe(graph, iri, job.get("format") or "ttl")
        return _html(site.render_resource_page(graph, iri, links=links, sources=sources))
    if kind == "article" and not sources:
        return error_reply(
            404, "not-found", "no copy of the article: start kg serve with --sources DIR"
        )
    render = {
        "home": lambda: site.render_home(graph, links=links, sources=sources),
        "search": lambda: site.render_search(
            graph, links=links, sources=sources, query=job.get("q") or ""
        ),
        "article": lambda: site.render_article(graph, sources=sources, links=links),
        "classes": lambda: render_classes_index(graph, links=links),
        "class": lambda: render_class_page(graph, job["name"], links=links, sources=sources),
        "questions": lambda: render_questions_index(graph, links=links),
        "question": lambda: site.render_question_page(
            graph, job["name"], links=links, sources=sources
        ),
    }
    return _html(render[kind]())


def _html(text: str) -> Reply:
    return Reply(200, PAGE_TYPE, text.encode("utf-8"), {"Content-Security-Policy": PAGE_POLICY})


def _describe(graph: Any, iri: Any, fmt: str) -> Reply:
    from kg.render import site
    from kg.render.export import serialize

    if fmt not in RDF_TYPES:
        return error_reply(406, "not-acceptable", f"descriptions come as {', '.join(RDF_TYPES)}")
    body = serialize(site.describe_resource(graph, iri), fmt)
    return Reply(200, RDF_TYPES[fmt], body, {"Vary": "Accept"})


def _asset(graph: Any, links: Any, name: str) -> Reply:
    from pathlib import PurePosixPath

    from kg.render.site.assets import all_assets
    from kg.render.site.search import search_index_js

    assets = _ASSETS.get(id(graph))
    if assets is None:
        assets = all_assets(search_index_js(graph, links=links))
        _ASSETS.clear()
        _ASSETS[id(graph)] = assets
    body = assets.get(f"assets/{name}")
    kind = ASSET_TYPES.get(PurePosixPath(name).suffix)
    if body is None or kind is None:
        return error_reply(404, "not-found", f"no asset {name[:60]!r}")
    return Reply(200, kind, body, {"Cache-Control": "no-cache"})
