"""The project's namespaces and the prefixes every graph, query and export shares.

Kept free of rdflib imports at module level would be nicer, but the Namespace objects are
what callers want; this module is only imported once rdflib is needed anyway.
"""

from __future__ import annotations

from typing import Any

from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

SKG = Namespace("https://w3id.org/summit-kg/ontology#")
SKGR = Namespace("https://w3id.org/summit-kg/id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")
OA = Namespace("http://www.w3.org/ns/oa#")

#: prefix -> namespace IRI, in the order they are shown to people.
PREFIXES: dict[str, str] = {
    "skg": str(SKG),
    "skgr": str(SKGR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "sh": str(SH),
    "wd": str(WD),
    "oa": str(OA),
}


def bind_prefixes(graph) -> None:  # type: ignore[no-untyped-def]
    """Bind our prefixes, replacing rdflib's defaults so serialisations look the same."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)


def sparql_prologue() -> str:
    """PREFIX lines for every well-known prefix, so users need not type them."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def compact(term: Any, prefixes: dict[str, str] | None = None) -> str:
    """A term as people read it: ``skgr:china``, a literal's text, ``_:b0``; '' if unbound.

    Lives with the prefixes because parameter binding (kg.query) and every rendering
    (kg.render) shorten IRIs the same way; both layers sit above this one.
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        known = PREFIXES if prefixes is None else prefixes
        best = max(
            ((p, ns) for p, ns in known.items() if iri.startswith(ns)),
            key=lambda item: len(item[1]),
            default=None,
        )
        if best is not None:
            local = iri[len(best[1]) :]
            if local and all(ch.isalnum() or ch in "-_." for ch in local):
                return f"{best[0]}:{local}"
        return f"<{iri}>"
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)
