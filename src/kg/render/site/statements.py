"""A resource's statements in plain words, with links: the body of its page.

Each statement is a property label and its values as a reader says them ("committed by:
China", "amount: 1.5 billion CNY (stated as about 208 million USD)"); a value that is a
resource with a page is a link to it, an outside IRI (Wikidata) an outside link. Statements
pointing at the resource ("what points at it") read the other way round. Each statement
also says which spans of the article state it, as links to the evidence further down, and
(:mod:`kg.render.site.accounts`) which other sources state it or give other values.

May use: :mod:`kg.model.evidence` (words, records), :mod:`kg.render.site.base` and
``links``; rdflib.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Identifier

from kg.model.evidence import Span
from kg.model.evidence.words import value_words
from kg.model.namespaces import OA, SKG
from kg.render.site.base import SiteData, skgr_local
from kg.render.site.links import RESOURCE_NS, Links, resource_slug

#: Shown in the page's head, not as statements.
HEAD_PROPERTIES = frozenset({RDF.type, RDFS.label, SKOS.prefLabel, SKOS.altLabel, RDFS.comment})
#: Shown under "provenance".
PROVENANCE_PROPERTIES = frozenset({PROV.wasDerivedFrom, SKG.sourceParagraph})


@dataclass(frozen=True)
class Value:
    """One value as written on the page: words, and where it links (if anywhere)."""

    text: str
    href: str | None = None
    external: bool = False
    title: str = ""


@dataclass(frozen=True)
class SpanRef:
    """A link from a statement to one of the spans stating it. ``own`` is False for a
    statement with no span of its own, shown with the resource's spans (as ``kg
    evidence`` does)."""

    anchor: str
    paragraph: int | None
    start: int
    end: int
    own: bool = True


@dataclass(frozen=True)
class SourceRef:
    """A source as a statement names it: "The Astana Times, 18 June 2025", with its page.

    ``text_kept`` is True for a source whose text the project keeps (the article): the
    statement's spans, shown beside it, say where it states it."""

    text: str
    href: str | None
    title: str
    text_kept: bool = False


@dataclass(frozen=True)
class Account:
    """Values one or more sources give for a statement, beside (or instead of) the graph's,
    and the disagreements that record them as disputed (links to their pages)."""

    values: tuple[Value, ...]
    sources: tuple[SourceRef, ...]
    disagreements: tuple[Value, ...] = ()


@dataclass
class Statement:
    """A property of the resource (or, incoming, of another resource about it).

    ``sources`` name who states it as the graph has it, ``accounts`` what other sources
    give instead (:mod:`kg.render.site.accounts` fills both); a statement only other
    sources give values for has no ``values`` of its own."""

    property: str
    label: str
    values: list[Value] = field(default_factory=list)
    spans: list[SpanRef] = field(default_factory=list)
    outside_knowledge: bool = False
    sources: list[SourceRef] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)


def short_name_of(node: Identifier) -> str:
    text = str(node)
    return "skgr:" + text[len(RESOURCE_NS) :] if text.startswith(RESOURCE_NS) else text


def span_anchor(annotation: str, index: int = 0) -> str:
    """The id of an annotation's span in a page's evidence list and in the article view
    (``span-ev-china``; ``span-ev-china-2`` for its second span)."""
    local = annotation.split(":", 1)[1] if annotation.startswith("skgr:") else annotation
    anchor = "span-" + (resource_slug(RESOURCE_NS + local) or "x")
    return anchor if index == 0 else f"{anchor}-{index + 1}"


def value_of(site: SiteData, node: Identifier, links: Links) -> Value:
    """A statement's value: words for literals and amounts, a link for resources."""
    graph = site.graph
    if isinstance(node, (Literal, BNode)):
        return Value(value_words(graph, node))
    iri = str(node)
    href = links.resource(iri) if site.has_page(node) else None
    if href is not None:
        return Value(site.label(node), href, title=f"skgr:{skgr_local(iri)}")
    if iri.startswith(("http://", "https://")) and (node, None, None) not in graph:
        return Value(value_words(graph, node), iri, external=True, title=iri)
    return Value(value_words(graph, node), title=iri)


def _paragraph(site: SiteData, span: Span) -> int | None:
    return next(
        (p.number for p in site.paragraphs_of(span.source) if p.holds(span.start, span.end)), None
    )


def spans_by_property(
    site: SiteData, node: Identifier
) -> tuple[dict[URIRef, list[SpanRef]], list[SpanRef]]:
    """The spans of each property's own annotations, and the resource's own spans (for
    statements that have none: the annotation without ``skg:supportsProperty``)."""
    by_property: dict[URIRef, list[SpanRef]] = {}
    own: list[SpanRef] = []
    for annotation in site.by_body.get(node, []):
        for index, span in enumerate(annotation.spans):
            anchor = span_anchor(short_name_of(annotation.iri), index)
            ref = SpanRef(anchor, _paragraph(site, span), span.start, span.end)
            for prop in annotation.properties:
                by_property.setdefault(prop, []).append(ref)
            if annotation.about_resource:
                own.append(SpanRef(anchor, ref.paragraph, span.start, span.end, own=False))
    for prop, refs in by_property.items():
        by_property[prop] = _one_per_span(refs)
    return by_property, _one_per_span(own)


def _one_per_span(refs: list[SpanRef]) -> list[SpanRef]:
    """In text order, one link per stretch of text: the article's side of a disagreement is
    a claim on the same words as the statement's evidence, and one ¶ says it."""
    kept: dict[tuple[int, int], SpanRef] = {}
    for ref in sorted(refs, key=lambda r: (r.start, r.end, r.anchor)):
        kept.setdefault((ref.start, ref.end), ref)
    return list(kept.values())


def outgoing(site: SiteData, node: URIRef, links: Links) -> tuple[list[Statement], list[Statement]]:
    """The resource's own statements and its provenance statements, each sorted by label."""
    graph = site.graph
    spans, fallback = spans_by_property(site, node)
    grouped: dict[URIRef, list[Identifier]] = {}
    for prop, value in site.out.get(node, ()):
        if prop not in HEAD_PROPERTIES:
            grouped.setdefault(prop, []).append(value)
    statements: list[Statement] = []
    provenance: list[Statement] = []
    for prop in sorted(grouped):
        values = sorted(
            (value_of(site, o, links) for o in grouped[prop]), key=lambda v: _value_order(v.text)
        )
        outside = graph.value(prop, SKG.outsideKnowledge) == Literal(True)
        refs = [] if outside else spans.get(prop, fallback)
        statement = Statement(str(prop), site.property_label(prop), values, refs, outside)
        (provenance if prop in PROVENANCE_PROPERTIES else statements).append(statement)
    statements.sort(key=lambda s: (s.outside_knowledge, s.label))
    return statements, provenance


def _value_order(text: str) -> tuple[int, str]:
    """Numbers (paragraphs, years) in numeric order, words alphabetically."""
    return (int(text), "") if text.isdigit() else (10**9, text.casefold())


def incoming(site: SiteData, node: URIRef, links: Links) -> list[Statement]:
    """Statements of other resources about this one, grouped by property ("committed by").

    A blank node in between (an amount whose qualifier this concept is) is read through:
    the resource holding the amount is shown, with both properties ("amount / qualifier").
    """
    grouped: dict[tuple[str, str], Statement] = {}
    for subject, prop in site.into.get(node, ()):
        if prop in (OA.hasBody, RDF.type):
            continue
        holders = [(subject, site.property_label(prop))]
        if isinstance(subject, BNode):
            holders = [
                (owner, f"{site.property_label(via)} / {site.property_label(prop)}")
                for owner, via in site.into.get(subject, ())
                if isinstance(owner, URIRef)
            ]
        for owner, label in holders:
            key = (label, str(prop))
            statement = grouped.setdefault(key, Statement(str(prop), label))
            statement.values.append(value_of(site, owner, links))
    for statement in grouped.values():
        statement.values = sorted(set(statement.values), key=lambda v: v.text.casefold())
    return sorted(grouped.values(), key=lambda s: s.label)
