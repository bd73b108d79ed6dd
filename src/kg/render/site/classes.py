"""Everything, by class: a page per class listing its members, and the list of classes.

A resource appears under each class it is typed with (the 58 business deals are a business
deal and a set of agreements), so the counts here are of asserted types, as
``kg validate``'s summary counts them.

May use: ``site.base``, ``links``; rdflib.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.errors import UsageError
from kg.model.namespaces import OA
from kg.render.site.base import SiteData, class_key, render, site_data
from kg.render.site.links import Links


def members_by_class(site: SiteData) -> dict[URIRef, list[URIRef]]:
    """Each class some page's resource is typed with, and those resources, by label."""
    found: dict[URIRef, list[URIRef]] = {}
    for node in site.pages:
        for cls in site.types.get(node, []):
            if class_key(cls) is not None:
                found.setdefault(cls, []).append(node)
    for members in found.values():
        members.sort(key=lambda n: site.label(n).casefold())
    return found


def class_rows(site: SiteData, links: Links) -> list[dict[str, Any]]:
    """One row per class: its name, page and count, annotations last, else by count."""
    rows = []
    for cls, members in members_by_class(site).items():
        key = class_key(cls)
        assert key is not None
        rows.append(
            {
                "label": site.class_label(cls),
                "href": links.klass(key),
                "count": len(members),
                "evidence": cls == OA.Annotation,
            }
        )
    return sorted(rows, key=lambda r: (r["evidence"], -r["count"], r["label"]))


def render_classes_index(
    graph: Graph, *, links: Links | None = None, site: SiteData | None = None
) -> str:
    links = links or Links.files(1)
    site = site or site_data(graph)
    return render(
        "classes.html", links, site, title="Everything, by class", rows=class_rows(site, links)
    )


def render_class_page(
    graph: Graph,
    key: str,
    *,
    links: Links | None = None,
    sources: Path | str | None = None,
    site: SiteData | None = None,
) -> str:
    """The page of one class (``class/State``): what it is and every member, linked."""
    links = links or Links.files(1)
    site = site or site_data(graph, sources)
    groups = members_by_class(site)
    cls = next((c for c in groups if class_key(c) == key), None)
    if cls is None:
        raise UsageError(f"no class {key!r} with members", where="class")
    comment = graph.value(cls, RDFS.comment)
    members = [
        {"label": site.label(n), "href": links.resource(str(n)), "others": site.other_names(n)}
        for n in groups[cls]
    ]
    return render(
        "class.html",
        links,
        site,
        title=site.class_label(cls).capitalize(),
        label=site.class_label(cls),
        iri=str(cls),
        comment=str(comment) if comment is not None else "",
        members=members,
    )
