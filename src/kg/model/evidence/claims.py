"""Which sources state a statement, and which values other sources give instead.

The article's statements are the graph's triples, evidenced by spans; every other
source's are ``skg:Claim`` annotations (docs/decisions/2026-12-01-several-sources.md): a
claim without ``skg:statedValue`` states the statement as the graph has it, one with it
gives those values. To name every source of a statement, evidence needs both halves: who
states it as the graph has it (``stated_by``), and who gives something else
(:class:`SourceClaim`, with the disagreement that sets the two side by side).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Identifier

from kg.model.evidence.words import short_name, value_words
from kg.model.namespaces import OA, SKG


@dataclass(frozen=True)
class RawClaim:
    """One claim as read: its body, the properties it names, its values and its source."""

    iri: Identifier
    body: Identifier
    properties: tuple[URIRef, ...]
    values: tuple[Identifier, ...]
    source: URIRef


@dataclass(frozen=True)
class SourceClaim:
    """What one source gives for a statement instead of (or beside) the graph's values."""

    claim: str
    source: str
    values: tuple[str, ...]
    disagreements: tuple[str, ...]


def read_claims(graph: Graph) -> dict[Identifier, list[RawClaim]]:
    """Every ``skg:Claim`` with a body and a source, grouped by body, in IRI order."""
    grouped: dict[Identifier, list[RawClaim]] = {}
    for iri in sorted(set(graph.subjects(RDF.type, SKG.Claim)), key=str):
        body = graph.value(iri, OA.hasBody)
        source = graph.value(iri, PROV.wasDerivedFrom)
        if body is None or not isinstance(source, URIRef):
            continue  # the shapes and checks report it
        properties = tuple(
            sorted(p for p in graph.objects(iri, SKG.supportsProperty) if isinstance(p, URIRef))
        )
        values = tuple(sorted(graph.objects(iri, SKG.statedValue), key=str))
        grouped.setdefault(body, []).append(RawClaim(iri, body, properties, values, source))
    return grouped


def text_sources(graph: Graph, node: Identifier) -> list[URIRef]:
    """The sources ``node`` is derived from whose text the project keeps (the article):
    their statements are the graph's own triples."""
    found = []
    for source in graph.objects(node, PROV.wasDerivedFrom):
        if (
            isinstance(source, URIRef)
            and (source, RDF.type, SKG.SourceDocument) in graph
            and (source, RDF.type, SKG.SummarisedSource) not in graph
        ):
            found.append(source)
    return sorted(found, key=str)


def _same(graph: Graph, given: Identifier, held: Iterable[Identifier]) -> bool:
    """The graph holds this value: the same term, or an amount that reads the same."""
    words = value_words(graph, given)
    return any(given == h or value_words(graph, h) == words for h in held)


def statement_sources(
    graph: Graph,
    node: Identifier,
    prop: URIRef,
    claims: Mapping[Identifier, list[RawClaim]],
) -> tuple[tuple[str, ...], tuple[SourceClaim, ...]]:
    """(sources stating ``node``'s ``prop`` as the graph has it, other sources' values)."""
    held = list(graph.objects(node, prop))
    stated: set[URIRef] = set()
    if held and graph.value(prop, SKG.outsideKnowledge) != Literal(True):
        stated.update(text_sources(graph, node))
    others = []
    for claim in claims.get(node, []):
        if prop not in claim.properties:
            continue
        repeats = not claim.values or all(_same(graph, v, held) for v in claim.values)
        if held and repeats:
            stated.add(claim.source)
            continue
        others.append(
            SourceClaim(
                claim=short_name(graph, claim.iri),
                source=short_name(graph, claim.source),
                values=tuple(value_words(graph, v) for v in claim.values),
                disagreements=tuple(
                    sorted(short_name(graph, d) for d in graph.subjects(SKG.hasClaim, claim.iri))
                ),
            )
        )
    names = tuple(sorted(short_name(graph, s) for s in stated))
    return names, tuple(sorted(others, key=lambda c: (c.source, c.claim)))


def claimed_properties(
    graph: Graph, node: Identifier, claims: Mapping[Identifier, list[RawClaim]]
) -> list[URIRef]:
    """Properties only claims give values for (the resource holds none), and what claims say
    the resource is (``rdf:type``), which the statements of a resource leave out."""
    named = {p for c in claims.get(node, []) if c.values for p in c.properties}
    return sorted(p for p in named if p == RDF.type or (node, p, None) not in graph)
