"""The SPARQL 1.1 Service Description of the endpoint (``GET /sparql`` without a query).

Built as rdflib terms and written by rdflib's serialisers, never by pasting text into
Turtle: the endpoint's address comes from the request's Host header, and a Host such as
``x> . <a> <b> <c`` pasted into ``<http://{host}/sparql>`` would add triples of the
client's choosing. Characters an IRI cannot hold are percent-encoded first.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

from kg.serve.negotiation import negotiate
from kg.serve.reply import Reply

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
FORMATS_NS = "http://www.w3.org/ns/formats/"

RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "JSON-LD",
    "N-Triples",
    "RDF_XML",
)

DESCRIPTION = (
    "summit-kg: the Second China–Central Asia Summit (Astana, 2025). Read-only: FROM, "
    "FROM NAMED, SERVICE and updates are refused."
)

#: what may stay as it is in an IRI (RFC 3987's reserved and unreserved, and %); the rest,
#: ``<>"{}|\\^``, backquote, spaces and control characters included, is percent-encoded.
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def safe_iri(text: str) -> str:
    """``text`` with every character an IRI may not hold percent-encoded (UTF-8)."""
    return urllib.parse.quote(text, safe=_IRI_SAFE)


def description_graph(endpoint: str, triples: int) -> Any:
    """The description as an rdflib Graph."""
    from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

    sd, void, dcterms = Namespace(SD), Namespace(VOID), Namespace(DCTERMS)
    graph = Graph()
    for prefix, ns in (("sd", sd), ("void", void), ("dcterms", dcterms)):
        graph.bind(prefix, ns)
    service = URIRef(safe_iri(endpoint))
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, service))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    for name in RESULT_FORMATS:
        graph.add((service, sd.resultFormat, URIRef(FORMATS_NS + name)))
    graph.add((service, dcterms.description, Literal(DESCRIPTION)))
    dataset, default = BNode(), BNode()
    graph.add((service, sd.defaultDataset, dataset))
    graph.add((dataset, RDF.type, sd.Dataset))
    graph.add((dataset, sd.defaultGraph, default))
    graph.add((default, RDF.type, sd.Graph))
    graph.add((default, void.triples, Literal(triples)))
    return graph


def service_description(endpoint: str, triples: int) -> str:
    """The SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    return str(description_graph(endpoint, triples).serialize(format="turtle"))


def description_reply(endpoint: str, triples: int, accept: str | None) -> Reply:
    """The description in the format the client asked for (Turtle unless told)."""
    from kg.render import formats

    name = negotiate("graph", accept) or "ttl"
    graph = description_graph(endpoint, triples)
    if name == "ttl":
        body = str(graph.serialize(format="turtle")).encode("utf-8")
        return Reply(200, "text/turtle; charset=utf-8", body)
    return Reply(200, formats.get(name).media_type, formats.render_graph(graph, name))
