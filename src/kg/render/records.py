"""What the tables that join with other datasets read from the graph, read one way.

The AidData-shaped commitments table (:mod:`kg.render.aiddata`) and the PLOVER event records
(:mod:`kg.render.plover`) both need a resource's label, the states behind an actor (a group
stands for its member states), the ISO 3166 codes and Wikidata items the maintainers added
(outside knowledge), the source a fact comes from, its paragraphs and the character offsets
of its evidence spans. Reading them here keeps the two tables in agreement.

May use: rdflib and :mod:`kg.model.namespaces`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.model.namespaces import OA, SCHEMA, SKG

SEP = "; "


@dataclass(frozen=True)
class StateCode:
    """A state as the field's datasets name it: our label, ISO 3166-1 alpha-3, Wikidata item."""

    iri: str
    label: str
    iso3: str
    wikidata: str


class Facts:
    """Read access to one graph for the joinable tables."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def label(self, node: Node | None) -> str:
        if node is None:
            return ""
        value = self.graph.value(node, RDFS.label) or self.graph.value(node, SKOS.prefLabel)
        return str(value) if value is not None else str(node).rsplit("/", 1)[-1]

    def labels(self, nodes: list[Node]) -> str:
        return SEP.join(sorted(self.label(n) for n in nodes))

    def values(self, node: Node, prop: URIRef) -> list[Node]:
        return sorted(self.graph.objects(node, prop), key=str)

    def first(self, node: Node, prop: URIRef) -> Node | None:
        found = self.values(node, prop)
        return found[0] if found else None

    def is_a(self, node: Node, cls: URIRef) -> bool:
        return (node, RDF.type, cls) in self.graph

    def states(self, actor: Node) -> list[Node] | None:
        """The states an actor stands for: itself, or a group's member states; None when
        some member is not a state or the group names no members (the source leaves them
        unnamed), so the actor cannot be given as countries.
        """
        if self.is_a(actor, SKG.State):
            return [actor]
        members = self.values(actor, SKG.groupMember)
        if not members or not all(self.is_a(m, SKG.State) for m in members):
            return None
        return members

    def state_code(self, state: Node) -> StateCode:
        """Codes from the outside-knowledge file; '' where the maintainers hold none."""
        iso3 = self.graph.value(state, SKG.iso3166Alpha3)
        item = self.graph.value(state, SKG.wikidata)
        return StateCode(
            str(state),
            self.label(state),
            str(iso3) if iso3 is not None else "",
            str(item).rsplit("/", 1)[-1] if item is not None else "",
        )

    def year_of(self, event: Node | None) -> int | None:
        """The year an event began, from its start date or its year."""
        if event is None:
            return None
        start = self.graph.value(event, SCHEMA.startDate)
        if isinstance(start, Literal):
            return int(str(start)[:4])
        year = self.graph.value(event, SKG.year)
        return int(str(year)[:4]) if year is not None else None

    def dates_of(self, event: Node) -> tuple[str, str]:
        """(start date, end date) of an event as YYYY-MM-DD, '' where not stated."""
        start = self.graph.value(event, SCHEMA.startDate)
        end = self.graph.value(event, SCHEMA.endDate)
        return (str(start) if start is not None else "", str(end) if end is not None else "")

    def paragraphs(self, node: Node) -> list[int]:
        return sorted(int(p) for p in self.graph.objects(node, SKG.sourceParagraph))

    def spans(self, node: Node) -> list[tuple[int, int]]:
        """Character offsets (start, end) of the evidence spans whose body is ``node``."""
        found = set()
        for annotation in self.graph.subjects(OA.hasBody, node):
            for target in self.graph.objects(annotation, OA.hasTarget):
                for selector in self.graph.objects(target, OA.hasSelector):
                    start = self.graph.value(selector, OA.start)
                    end = self.graph.value(selector, OA.end)
                    if start is not None and end is not None:
                        found.add((int(start), int(end)))
        return sorted(found)

    def sources(self, node: Node) -> list[Node]:
        return [s for s in self.values(node, PROV.wasDerivedFrom) if isinstance(s, URIRef)]

    def publishers(self, sources: list[Node]) -> list[Node]:
        return sorted(
            {p for s in sources for p in self.graph.objects(s, SCHEMA.publisher)}, key=str
        )

    def umbrellas(self, node: Node) -> list[Node]:
        """The commitments this one is a part of (``dcterms:hasPart``)."""
        return sorted(self.graph.subjects(DCTERMS.hasPart, node), key=str)

    def has_parts(self, node: Node) -> bool:
        return self.first(node, DCTERMS.hasPart) is not None


def spans_text(spans: list[tuple[int, int]]) -> str:
    """``5302-5401; 5403-5480``: offsets as one cell."""
    return SEP.join(f"{a}-{b}" for a, b in spans)
