"""The evidence of one resource as typed records: each statement, its spans, their sentences.

This is what ``kg evidence`` prints and what :func:`kg.evidence` returns. Everything here is
read from the graph; the article's words are added only when a verified copy is given
(:func:`kg.model.evidence.annotations.open_texts`), and never stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Identifier

from kg.model.evidence.annotations import (
    Annotation,
    Span,
    annotations_by_body,
    read_annotations,
    read_source_info,
)
from kg.model.evidence.claims import (
    RawClaim,
    SourceClaim,
    claimed_properties,
    read_claims,
    statement_sources,
    text_sources,
)
from kg.model.evidence.text import SourceText
from kg.model.evidence.words import property_label, short_name, value_words
from kg.model.namespaces import SKG

#: Properties that are not statements of the source: typing, naming, provenance, our notes.
NOT_STATEMENTS = frozenset(
    {
        RDF.type,
        RDFS.label,
        SKOS.prefLabel,
        RDFS.comment,
        SKOS.definition,
        SKOS.note,
        SKOS.inScheme,
        PROV.wasDerivedFrom,
        SKG.sourceParagraph,
    }
)


@dataclass(frozen=True)
class Passage:
    """One span as shown: where it is and, with the text, its sentence cut in three.

    ``before + text + after`` is the sentence (or sentences) the span lies in.
    """

    annotation: str
    source: str
    start: int
    end: int
    paragraph: int | None
    text: str | None = None
    before: str | None = None
    after: str | None = None

    def marked(self, left: str, right: str) -> str | None:
        """The sentence with the span between ``left`` and ``right``; None without text."""
        if self.text is None:
            return None
        return f"{self.before}{left}{self.text}{right}{self.after}"


@dataclass(frozen=True)
class StatementEvidence:
    """A property of the resource, its values in plain words, and the spans stating them.

    ``own`` is True when annotations support this property itself; False when the spans
    shown are the resource's own (no span was given for this statement in particular).
    ``subject`` is set on a statement another resource makes about this one (a commitment
    ``announcedBy`` a person): it names that resource, and the spans are its spans.
    ``stated_by`` names every source that states it as the graph has it (the article, and
    other reports whose claims repeat it); ``claims`` the values other sources give
    instead, or alone (then ``values`` is empty): each a claim of its source, none true.
    """

    property: str
    label: str
    values: tuple[str, ...]
    passages: tuple[Passage, ...]
    own: bool
    outside_knowledge: bool = False
    subject: str | None = None
    stated_by: tuple[str, ...] = ()
    claims: tuple[SourceClaim, ...] = ()


@dataclass(frozen=True)
class EntityEvidence:
    """Everything the graph can show about where a resource's statements come from."""

    iri: str
    name: str
    label: str
    types: tuple[str, ...]
    paragraphs: tuple[int, ...]
    passages: tuple[Passage, ...]
    statements: tuple[StatementEvidence, ...]
    text_shown: bool
    sources: tuple[str, ...] = field(default=())
    stated_by: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _passage(
    graph: Graph, annotation: Annotation, span: Span, texts: Mapping[URIRef, SourceText]
) -> Passage:
    common = {
        "annotation": short_name(graph, annotation.iri),
        "source": short_name(graph, span.source),
        "start": span.start,
        "end": span.end,
    }
    text = texts.get(span.source)
    if text is None:
        recorded = read_source_info(graph, span.source).paragraphs
        holder = next((p.number for p in recorded if p.holds(span.start, span.end)), None)
        claimed = annotation.paragraphs[0] if annotation.paragraphs else None
        return Passage(**common, paragraph=holder or claimed)
    paragraph = text.paragraph_of(span.start, span.end)
    first, last = text.sentence(span.start, span.end)
    return Passage(
        **common,
        paragraph=paragraph.number if paragraph else None,
        text=text.slice(span.start, span.end),
        before=text.slice(first, span.start),
        after=text.slice(span.end, last),
    )


def _passages(
    graph: Graph, annotations: list[Annotation], texts: Mapping[URIRef, SourceText]
) -> tuple[Passage, ...]:
    found = [_passage(graph, a, s, texts) for a in annotations for s in a.spans]
    return tuple(sorted(found, key=lambda p: (p.source, p.start, p.end, p.annotation)))


def _outside(graph: Graph, prop: Identifier) -> bool:
    return graph.value(prop, SKG.outsideKnowledge) == Literal(True)


def _statement(
    graph: Graph,
    subject: Identifier,
    prop: URIRef,
    values: list[str],
    annotations: list[Annotation],
    fallback: tuple[Passage, ...],
    texts: Mapping[URIRef, SourceText],
    incoming: bool,
    claims: Mapping[Identifier, list[RawClaim]],
) -> StatementEvidence:
    supporting = [a for a in annotations if prop in a.properties]
    outside = _outside(graph, prop)
    passages = _passages(graph, supporting, texts) if supporting else fallback
    stated, others = statement_sources(graph, subject, prop, claims)
    return StatementEvidence(
        property=short_name(graph, prop),
        label=property_label(graph, prop),
        values=tuple(sorted(values)),
        passages=() if outside else passages,
        own=bool(supporting),
        outside_knowledge=outside,
        subject=short_name(graph, subject) if incoming else None,
        stated_by=stated,
        claims=others,
    )


def _fallback(
    graph: Graph, annotations: list[Annotation], texts: Mapping[URIRef, SourceText]
) -> tuple[Passage, ...]:
    """The spans a statement without its own annotation is shown with: the resource's."""
    own = [a for a in annotations if a.about_resource]
    return _passages(graph, own or annotations, texts)


def _statements(
    graph: Graph,
    node: Identifier,
    by_body: Mapping[Identifier, list[Annotation]],
    texts: Mapping[URIRef, SourceText],
    claims: Mapping[Identifier, list[RawClaim]],
) -> list[StatementEvidence]:
    mine = by_body.get(node, [])
    fallback = _fallback(graph, mine, texts)
    found = []
    for prop in sorted({p for p in graph.predicates(node, None) if p not in NOT_STATEMENTS}):
        values = [value_words(graph, o) for o in graph.objects(node, prop)]
        found.append(_statement(graph, node, prop, values, mine, fallback, texts, False, claims))
    for prop in claimed_properties(graph, node, claims):  # what only other sources say
        _, others = statement_sources(graph, node, prop, claims)
        name, label = short_name(graph, prop), property_label(graph, prop)
        found.append(StatementEvidence(name, label, (), (), False, claims=others))
    incoming = sorted(
        {(s, p) for s, p in graph.subject_predicates(node) if p not in NOT_STATEMENTS},
        key=lambda sp: (str(sp[0]), str(sp[1])),
    )
    for subject, prop in incoming:
        if not isinstance(subject, URIRef) or subject not in by_body:
            continue  # an annotation, a value node, or a resource without evidence
        theirs = by_body[subject]
        values = [value_words(graph, subject)]
        passages = _fallback(graph, theirs, texts)
        found.append(
            _statement(graph, subject, prop, values, theirs, passages, texts, True, claims)
        )
    first = {id(s): min((p.start for p in s.passages), default=10**9) for s in found}
    return sorted(
        found,
        key=lambda s: (s.subject is not None, s.outside_knowledge, first[id(s)], s.property),
    )


def collect(
    graph: Graph,
    node: Identifier,
    texts: Mapping[URIRef, SourceText] | None = None,
    annotations: list[Annotation] | None = None,
    claims: Mapping[Identifier, list[RawClaim]] | None = None,
) -> EntityEvidence:
    """The evidence of ``node``: its own spans, and each statement with the spans stating it
    and every source stating it (or giving other values).

    ``annotations`` and ``claims`` may be passed in when collecting for many resources, to
    read them once.
    """
    texts = texts or {}
    every = annotations if annotations is not None else read_annotations(graph)
    claims = claims if claims is not None else read_claims(graph)
    by_body = annotations_by_body(every)
    statements = tuple(_statements(graph, node, by_body, texts, claims))
    named = {short_name(graph, s) for s in text_sources(graph, node)}
    mine = [s for s in statements if s.subject is None]  # not what others say of it
    named |= {n for s in mine for n in s.stated_by} | {c.source for s in mine for c in s.claims}
    own = _passages(graph, [a for a in by_body.get(node, []) if a.about_resource], texts)
    paragraphs = sorted(
        {int(n) for n in graph.objects(node, SKG.sourceParagraph) if str(n).isdigit()}
    )
    types = sorted(short_name(graph, t) for t in graph.objects(node, RDF.type))
    return EntityEvidence(
        iri=str(node),
        name=short_name(graph, node),
        label=str(graph.value(node, RDFS.label) or graph.value(node, SKOS.prefLabel) or ""),
        types=tuple(types),
        paragraphs=tuple(paragraphs),
        passages=own,
        statements=statements,
        text_shown=bool(texts),
        sources=tuple(sorted(str(t.path) for t in texts.values())),
        stated_by=tuple(sorted(named)),
    )
