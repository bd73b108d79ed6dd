"""The evidence of a resource as the page lists it: each span, where it is, what it supports.

Read from the annotations (offsets, paragraphs, properties); the article's words are added
only when the site is given a verified copy (``--sources``), and then only into the built
pages, never into the repository. The sentence is cut in three (before, the span, after)
so the template marks the span with ``<mark>`` without ever handling raw HTML.

May use: :mod:`kg.model.evidence`, :mod:`kg.render.site.base`, ``links``, ``statements``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.term import Identifier

from kg.model.evidence import Annotation, Span
from kg.render.site.base import SiteData
from kg.render.site.links import Links
from kg.render.site.statements import short_name_of, span_anchor


@dataclass(frozen=True)
class EvidenceItem:
    """One span of one annotation, as a page shows it."""

    anchor: str
    annotation_href: str | None
    body_label: str
    body_href: str | None
    supports: tuple[str, ...]
    source_label: str
    paragraph: int | None
    start: int
    end: int
    before: str | None = None
    text: str | None = None
    after: str | None = None
    article_href: str | None = None

    @property
    def shown(self) -> bool:
        return self.text is not None


def article_anchor(annotation: Identifier, span_index: int = 0) -> str:
    """The id of a span on a resource's page and in the article view."""
    return span_anchor(short_name_of(annotation), span_index)


def _paragraph(site: SiteData, annotation: Annotation, span: Span) -> int | None:
    holder = next(
        (p.number for p in site.paragraphs_of(span.source) if p.holds(span.start, span.end)), None
    )
    return holder or (annotation.paragraphs[0] if annotation.paragraphs else None)


def evidence_items(site: SiteData, annotation: Annotation, links: Links) -> list[EvidenceItem]:
    """Every span of ``annotation``, with its sentence when the source's copy is known."""
    supports = tuple(site.property_label(p) for p in annotation.properties) or (
        "the resource itself (its existence, type and name) and statements without a span of "
        "their own",
    )
    items = []
    for index, span in enumerate(annotation.spans):
        common = {
            "anchor": article_anchor(annotation.iri, index),
            "annotation_href": links.resource(str(annotation.iri)),
            "body_label": site.label(annotation.body),
            "body_href": links.resource(str(annotation.body)),
            "supports": supports,
            "source_label": site.label(span.source),
            "paragraph": _paragraph(site, annotation, span),
            "start": span.start,
            "end": span.end,
        }
        text = site.texts.get(span.source)
        if text is None:
            items.append(EvidenceItem(**common))
            continue
        first, last = text.sentence(span.start, span.end)
        items.append(
            EvidenceItem(
                **common,
                before=text.slice(first, span.start),
                text=text.slice(span.start, span.end),
                after=text.slice(span.end, last),
                article_href=links.article(article_anchor(annotation.iri, index)),
            )
        )
    return items


def resource_evidence(site: SiteData, node: Identifier, links: Links) -> list[EvidenceItem]:
    """The spans of every annotation whose body is ``node``, in the order of the text."""
    found = [item for a in site.by_body.get(node, []) for item in evidence_items(site, a, links)]
    return sorted(found, key=lambda i: (i.source_label, i.start, i.end, i.anchor))
