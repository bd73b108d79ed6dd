"""A resource's description as RDF: what ``/id/SLUG`` gives a client asking for Turtle.

Linked Data practice (a "concise bounded description" plus what a reader needs next):

* every statement the resource makes, with the blank nodes it holds followed to the end
  (an amount's value, currency and qualifier come along with the commitment);
* every statement pointing at it from a named resource ("what points at it");
* its evidence: each ``oa:Annotation`` whose body it is, with target and selector;
* the labels of every resource named in the above, so a client can show the description
  without asking again.

The page's "download as Turtle / JSON-LD" and the server's content negotiation both use
:func:`describe_resource`, so the file and the route say the same.

May use: rdflib, :mod:`kg.model.namespaces`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Identifier

from kg.model.namespaces import OA, bind_prefixes

if TYPE_CHECKING:  # pragma: no cover
    from kg.render.site.base import SiteData

Triple = tuple[Identifier, Identifier, Identifier]
# Namespace attribute look-ups cost a call each: taken once here, not per triple
_LABELS = frozenset({RDFS.label, SKOS.prefLabel})
_HAS_BODY = OA.hasBody


def _closure(site: SiteData, node: Identifier, out: list[Triple], seen: set[Identifier]) -> None:
    """``node``'s statements, following blank-node objects (never named ones)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for p, o in site.out.get(current, ()):
            out.append((current, p, o))
            if isinstance(o, BNode):
                stack.append(o)


def description_triples(site: SiteData, node: URIRef) -> list[Triple]:
    """The triples of ``node``'s description (see the module docstring), without repeats."""
    found: list[Triple] = []
    seen: set[Identifier] = set()
    _closure(site, node, found, seen)
    for subject, prop in site.into.get(node, ()):
        if isinstance(subject, URIRef) and prop != _HAS_BODY:
            found.append((subject, prop, node))
    for annotation in sorted(a.iri for a in site.by_body.get(node, [])):
        _closure(site, annotation, found, seen)
    named = {t for triple in found for t in triple if isinstance(t, URIRef)} - {node}
    for term in sorted(named):
        for prop, value in site.out.get(term, ()):
            if prop in _LABELS:
                found.append((term, prop, value))
    return list(dict.fromkeys(found))


def describe_resource(graph: Graph, iri: str | URIRef) -> Graph:
    """The description of one resource (see the module docstring) as a new rdflib Graph,
    with the project's prefixes bound.

    An IRI the graph does not mention gives an empty graph; the caller decides whether that
    is a 404. The graph's look-ups are kept per graph (:func:`kg.render.site.base.site_data`),
    so a server can call this per request.
    """
    from kg.render.site.base import site_data

    out = Graph()
    bind_prefixes(out)
    for triple in description_triples(site_data(graph), URIRef(str(iri))):
        out.add(triple)
    return out
