"""Evidence annotations and source fingerprints, read from a graph into plain records.

An annotation (W3C Web Annotation) says: this span of that source supports this resource
(``oa:hasBody``), and, with ``skg:supportsProperty``, the statements the resource makes
with those properties; without it, the resource itself (its existence, type and label).
Statements are named by resource and property rather than by RDF-star, reification or
named graphs, so that evidence works on any SPARQL 1.1 store and every query on the data
stays as it is (see docs/decisions/2026-12-01-evidence-spans.md).

Malformed annotations (a missing selector, a non-integer offset) are skipped here: the
SHACL shapes report them with file and line, and a reader should not fail on them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Identifier

from kg.errors import InputError
from kg.model.evidence.text import Paragraph, SourceText, read_source
from kg.model.namespaces import OA, SKG


@dataclass(frozen=True)
class Span:
    """Characters ``start`` (inclusive) to ``end`` (exclusive) of one source."""

    source: URIRef
    start: int
    end: int


@dataclass(frozen=True)
class Annotation:
    """One evidence annotation: its body, the properties it supports, spans and paragraphs."""

    iri: Identifier
    body: Identifier
    properties: tuple[URIRef, ...]
    spans: tuple[Span, ...]
    paragraphs: tuple[int, ...]

    @property
    def about_resource(self) -> bool:
        """True when it supports the resource itself rather than named statements."""
        return not self.properties


@dataclass(frozen=True)
class SourceInfo:
    """What the graph records about a source: its file, fingerprint, length, paragraphs."""

    iri: URIRef
    local_file: str
    sha256: str
    characters: int | None
    paragraphs: tuple[Paragraph, ...] = field(default=())


def _int(node: object) -> int | None:
    if isinstance(node, Literal) and isinstance(node.toPython(), int):
        value = node.toPython()
        return None if isinstance(value, bool) else int(value)
    return None


def _spans(graph: Graph, annotation: Identifier) -> tuple[Span, ...]:
    spans = []
    for target in graph.objects(annotation, OA.hasTarget):
        source = graph.value(target, OA.hasSource)
        for selector in graph.objects(target, OA.hasSelector):
            start = _int(graph.value(selector, OA.start))
            end = _int(graph.value(selector, OA.end))
            if isinstance(source, URIRef) and start is not None and end is not None:
                spans.append(Span(source, start, end))
    return tuple(sorted(spans, key=lambda s: (str(s.source), s.start, s.end)))


def read_annotations(graph: Graph) -> list[Annotation]:
    """Every ``oa:Annotation`` with a body and at least one readable span, in IRI order."""
    found = []
    for iri in set(graph.subjects(RDF.type, OA.Annotation)):
        body = graph.value(iri, OA.hasBody)
        spans = _spans(graph, iri)
        if body is None or not spans:
            continue
        properties = tuple(
            sorted(p for p in graph.objects(iri, SKG.supportsProperty) if isinstance(p, URIRef))
        )
        paragraphs = tuple(
            sorted({n for n in map(_int, graph.objects(iri, SKG.sourceParagraph)) if n})
        )
        found.append(Annotation(iri, body, properties, spans, paragraphs))
    return sorted(found, key=lambda a: str(a.iri))


def annotations_by_body(annotations: list[Annotation]) -> dict[Identifier, list[Annotation]]:
    grouped: dict[Identifier, list[Annotation]] = {}
    for annotation in annotations:
        grouped.setdefault(annotation.body, []).append(annotation)
    return grouped


def read_source_info(graph: Graph, source: URIRef) -> SourceInfo:
    """The file name, hash, length and recorded paragraph bounds of one source."""
    paragraphs = []
    for node in graph.objects(source, SKG.paragraph):
        number = _int(graph.value(node, SKG.paragraphNumber))
        start, end = _int(graph.value(node, OA.start)), _int(graph.value(node, OA.end))
        if number is not None and start is not None and end is not None:
            paragraphs.append(Paragraph(number, start, end))
    return SourceInfo(
        iri=source,
        local_file=str(graph.value(source, SKG.localFile) or ""),
        sha256=str(graph.value(source, SKG.sha256) or ""),
        characters=_int(graph.value(source, SKG.characterCount)),
        paragraphs=tuple(sorted(paragraphs, key=lambda p: p.number)),
    )


def annotated_sources(annotations: list[Annotation]) -> list[URIRef]:
    """The sources the annotations point into, in IRI order."""
    return sorted({span.source for a in annotations for span in a.spans}, key=str)


def article_derived(graph: Graph, node: Identifier) -> bool:
    """True when the resource says it comes from a source document (not outside knowledge)."""
    return any(
        (doc, RDF.type, SKG.SourceDocument) in graph
        for doc in graph.objects(node, PROV.wasDerivedFrom)
    )


def open_texts(
    graph: Graph,
    folder: Path,
    sources: list[URIRef],
    name: Callable[[Identifier], str] = str,
) -> dict[URIRef, SourceText]:
    """Each source's copy in ``folder`` (found by its ``skg:localFile``), hash verified.

    Raises InputError (exit 2) for a missing or different copy: text from a wrong copy
    would put the wrong words beside a fact.
    """
    texts = {}
    for source in sources:
        info = read_source_info(graph, source)
        if not info.local_file:
            raise InputError(
                f"{name(source)} names no skg:localFile, so its copy cannot be found",
                where=str(folder),
            )
        texts[source] = read_source(folder / info.local_file, info.sha256, name=name(source))
    return texts
