"""Search over every resource's label and other names, in the browser, with no server.

The index is a JavaScript file (``assets/search-index.js``) rather than JSON fetched by the
page: ``fetch()`` of a local file is refused on ``file://``, a ``<script src>`` is not. Each
name is stored already folded into words (:func:`kg.render.site.base.fold`), so the page
folds only what the reader types and the two foldings cannot drift apart for the index.
Ranking (``static/search.js``): the quality of the word matches, then the class (actors
before statements), then how often the resource is pointed at, then the shorter label.

Evidence annotations are left out: their "names" are file slugs, and every one of them
is listed on its resource's page.

May use: ``site.base``, ``links``; rdflib.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from kg.model.namespaces import OA
from kg.render.site.base import SiteData, fold, render, site_data
from kg.render.site.links import Links


def _pointed_at(site: SiteData) -> dict[URIRef, int]:
    """How many statements of named, non-annotation resources point at each resource."""
    counts: dict[URIRef, int] = {}
    for s, p, o in site.graph:
        named = isinstance(o, URIRef) and isinstance(s, URIRef) and p != OA.hasBody
        if named and s not in site.annotation_set and o in site.page_set:
            counts[o] = counts.get(o, 0) + 1  # type: ignore[index]
    return counts


def search_index(site: SiteData, links: Links) -> list[dict[str, Any]]:
    """One entry per resource with a page: label, other names, class, rank, links, words.

    ``links`` is seen from the search page (the site's top in ``kg site``).
    """
    degree = _pointed_at(site)
    entries = []
    for node in site.pages:
        if node in site.annotation_set or OA.Annotation in site.types.get(node, ()):
            continue
        label = site.label(node)
        others = site.other_names(node)
        entries.append(
            {
                "l": label,
                "n": others,
                "c": site.class_label(site.class_of(node)),
                "r": site.class_rank(node),
                "d": degree.get(node, 0),
                "h": links.resource(str(node)),
                "w": [fold(label), *(fold(name) for name in others)],
            }
        )
    return entries


def search_index_js(
    graph: Graph, *, links: Links | None = None, site: SiteData | None = None
) -> str:
    """The index as the script ``assets/search-index.js`` (``window.KG_SEARCH_INDEX``).

    For ``kg serve``, pass ``Links.server()`` so the entries link to ``/id/SLUG``.
    """
    links = links or Links.files(0)
    site = site or site_data(graph)
    body = json.dumps(search_index(site, links), ensure_ascii=False, separators=(",", ":"))
    return (
        "/* summit-kg search index: each resource's label and other names, folded into words."
        " Written by kg site. */\nwindow.KG_SEARCH_INDEX = " + body.replace("</", "<\\/") + ";\n"
    )


def render_search(
    graph: Graph,
    *,
    links: Links | None = None,
    sources: Path | str | None = None,
    site: SiteData | None = None,
    query: str = "",
) -> str:
    """The search page (``search.html``; a server's ``/search``).

    It loads ``assets/search-index.js`` (:func:`search_index_js`) and ``assets/search.js``;
    ``?q=WORDS`` in its URL fills the box, so a search can be shared as a link. ``query``
    pre-fills the box for a server that already has it.
    """
    links = links or Links.files(0)
    site = site or site_data(graph, sources)
    return render("search.html", links, site, title="Search", query=query, count=len(site.pages))
