"""A page per resource: who or what it is, every statement in plain words, where it comes from.

What a reader finds, top to bottom: the label, class and other names; our note (if any);
its statements with links and, beside each, its sources (the paragraph of the article's
span that states it, each report that states it) and the values other sources give, with
the disagreement that records them;
what points at it; its evidence (paragraph and offsets, and the article's sentence with the
span marked when the site has the article's copy); provenance; the IRI and downloads of its
description (Turtle, JSON-LD: :func:`kg.render.site.describe.describe_resource`).

An evidence annotation gets a page too (its IRI is published): what it supports and its span.

May use: :mod:`kg.model.evidence`, the ``site`` modules below it; rdflib.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.errors import UsageError
from kg.render.site.accounts import add_accounts
from kg.render.site.base import SiteData, class_key, render, site_data, skgr_local
from kg.render.site.links import Links, resource_slug
from kg.render.site.spans import evidence_items, resource_evidence
from kg.render.site.statements import incoming, outgoing


def resource_context(site: SiteData, node: URIRef, links: Links) -> dict[str, object]:
    """Everything the resource template shows, as plain values."""
    graph = site.graph
    statements, provenance = outgoing(site, node, links)
    add_accounts(site, node, statements, links)
    cls = site.class_of(node)
    key = class_key(cls) if cls is not None else None
    annotation = site.annotation_of.get(node)
    comment = graph.value(node, RDFS.comment)
    return {
        "iri": str(node),
        "name": f"skgr:{skgr_local(str(node))}",
        "label": site.label(node),
        "other_names": site.other_names(node),
        "class_label": site.class_label(cls),
        "class_href": links.klass(key) if key else None,
        "comment": str(comment) if comment is not None else "",
        "statements": statements,
        "provenance": provenance,
        "incoming": incoming(site, node, links),
        "evidence": resource_evidence(site, node, links),
        "annotation": evidence_items(site, annotation, links) if annotation else [],
        "text_shown": bool(site.texts),
        "turtle": links.resource(str(node), ".ttl"),
        "jsonld": links.resource(str(node), ".jsonld"),
    }


def render_resource_page(
    graph: Graph,
    iri: str | URIRef,
    *,
    sources: Path | str | None = None,
    links: Links | None = None,
    site: SiteData | None = None,
) -> str:
    """The HTML page of one resource (an IRI under ``skgr:`` that has a type).

    ``links``: :meth:`Links.files` (depth 1, as ``kg site`` writes ``id/SLUG.html``) by
    default; ``Links.server()`` for ``kg serve``'s ``/id/SLUG``. ``sources``: the folder of
    the article's copy, to show each span's sentence (verified by its SHA-256). An IRI with
    no page raises UsageError, which a server turns into a 404.
    """
    links = links or Links.files(1)
    site = site or site_data(graph, sources)
    node = URIRef(str(iri))
    if not site.has_page(node):
        raise UsageError(
            f"no resource {str(iri)!r} with a page",
            where="IRI",
            hint="resources are typed IRIs under https://w3id.org/summit-kg/id/",
        )
    context = resource_context(site, node, links)
    return render("resource.html", links, site, title=context["label"], page=context)


def resource_for_slug(graph: Graph, name: str, site: SiteData | None = None) -> URIRef | None:
    """The resource whose page is ``id/NAME`` (a server's ``/id/SLUG``), or None."""
    site = site or site_data(graph)
    base = "https://w3id.org/summit-kg/id/"
    direct = URIRef(base + name)
    if site.has_page(direct) and resource_slug(str(direct)) == name:
        return direct
    return next((n for n in site.pages if resource_slug(str(n)) == name), None)
