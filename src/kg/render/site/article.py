"""The article view: the source's text with every evidence span highlighted and linked.

Built only when the site is given the article's copy (``--sources``), verified by its
SHA-256, and written only into the built site: the repository never holds the text.

Spans overlap (a quotation's words inside the sentence a paraphrase rests on), so the text
is cut at every span boundary into pieces; each piece knows every span covering it, links
to the resource of the innermost one, names all of them in its title, and is shaded by how
many cover it. Each span's first piece carries the span's anchor (``#span-ev-...``), which
the resource pages link to.

May use: :mod:`kg.model.evidence`, ``site.base``, ``links``, ``spans``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from kg.errors import UsageError
from kg.render.site.base import SiteData, render, site_data
from kg.render.site.links import Links
from kg.render.site.spans import article_anchor


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    anchor: str
    body: URIRef


@dataclass
class Piece:
    text: str
    href: str | None = None
    title: str = ""
    depth: int = 0
    anchors: list[str] = field(default_factory=list)


def _marks(site: SiteData, source: URIRef) -> list[Mark]:
    found = []
    for annotation in site.annotations:
        for index, span in enumerate(annotation.spans):
            if span.source == source and span.start < span.end:
                body = annotation.body if isinstance(annotation.body, URIRef) else URIRef("")
                found.append(
                    Mark(span.start, span.end, article_anchor(annotation.iri, index), body)
                )
    return sorted(found, key=lambda m: (m.start, -m.end, m.anchor))


def _pieces(
    site: SiteData, text: str, start: int, end: int, marks: list[Mark], links: Links
) -> list[Piece]:
    """The paragraph ``text[start:end]`` cut at every boundary of the marks inside it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted(
        {start, end} | {max(start, min(end, b)) for m in inside for b in (m.start, m.end)}
    )
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        piece = Piece(text[left:right])
        piece.anchors = [m.anchor for m in inside if max(m.start, start) == left]
        if covering:
            innermost = min(covering, key=lambda m: (m.end - m.start, m.anchor))
            piece.href = links.resource(str(innermost.body))
            piece.title = "; ".join(sorted({site.label(m.body) for m in covering}))
            piece.depth = min(len(covering), 4)
        pieces.append(piece)
    return pieces


def article_context(site: SiteData, links: Links) -> list[dict[str, Any]]:
    """Each source with a copy: its label, page and paragraphs cut into pieces."""
    documents = []
    for source, copy in sorted(site.texts.items()):
        marks = _marks(site, source)
        paragraphs = [
            {"number": p.number, "pieces": _pieces(site, copy.text, p.start, p.end, marks, links)}
            for p in copy.paragraphs
        ]
        documents.append(
            {
                "label": site.label(source),
                "href": links.resource(str(source)),
                "file": copy.path.name,
                "spans": len(marks),
                "paragraphs": paragraphs,
            }
        )
    return documents


def render_article(
    graph: Graph,
    *,
    sources: Path | str | None = None,
    links: Links | None = None,
    site: SiteData | None = None,
) -> str:
    """The article view (``article.html``; a server's ``/article``).

    Needs the article's copy: ``sources`` (the folder holding it) or a ``site`` built with
    it; without one, UsageError saying how to give it.
    """
    links = links or Links.files(0)
    site = site or site_data(graph, sources)
    if not site.texts:
        raise UsageError(
            "the article view needs the article's copy",
            where="--sources",
            hint="give the folder holding it, e.g. --sources ../shared/sources",
        )
    documents = article_context(site, links)
    return render(
        "article.html", links, site, title="The article, with its facts marked", documents=documents
    )
