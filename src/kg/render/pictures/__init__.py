"""Pictures and network files of a projected graph (see :mod:`kg.render.network`).

* ``html`` (:mod:`.page`): an interactive vis-network page that is ONE self-contained
  file; it fetches nothing, so it works offline and tells no third party who opened it.
* ``png`` / ``svg`` (:mod:`.static`): a static matplotlib drawing with a legend, for reports.
* ``graphml`` / ``gexf`` (:mod:`.graphfiles`): for Gephi, Cytoscape and yEd.

:mod:`.style` (markers, sizes, legend) is shared by the page and the drawings. This module
only chooses the format and hands the graph to the right writer.

May use: :mod:`kg.render.network`, :mod:`kg.errors`, networkx, matplotlib and pyvis's
assets (all heavy libraries inside functions).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.render.pictures.graphfiles import to_gexf, to_graphml
from kg.render.pictures.page import VIS_VERSION, article_paragraphs, to_html
from kg.render.pictures.static import layout, to_static
from kg.render.pictures.style import SHAPES, legend, sizes, style_of

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "FORMATS",
    "SHAPES",
    "VIS_VERSION",
    "article_paragraphs",
    "format_for",
    "layout",
    "legend",
    "render",
    "sizes",
    "style_of",
    "to_gexf",
    "to_graphml",
    "to_html",
    "to_static",
]

#: format name -> (media type, is binary)
FORMATS: dict[str, tuple[str, bool]] = {
    "html": ("text/html", False),
    "png": ("image/png", True),
    "svg": ("image/svg+xml", False),
    "graphml": ("application/graphml+xml", False),
    "gexf": ("application/gexf+xml", False),
}


def format_for(output: Path | None, fmt: str | None) -> str:
    """The format to write: ``--format`` if given, else the output file's suffix, else html."""
    if fmt:
        return fmt
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in ("htm", "html"):
            return "html"
        if suffix in FORMATS:
            return suffix
    return "html"


def render(
    G: nx.MultiDiGraph,
    fmt: str,
    *,
    title: str = "summit-kg",
    subtitle: str = "",
    size_by: str = "degree",
    paragraphs: dict[int, str] | None = None,
) -> bytes:
    """The graph in ``fmt`` (one of :data:`FORMATS`) as bytes ready to write."""
    if fmt == "html":
        return to_html(
            G, title=title, subtitle=subtitle, size_by=size_by, paragraphs=paragraphs
        ).encode("utf-8")
    if fmt in ("png", "svg"):
        return to_static(G, fmt, title=title)
    if fmt == "graphml":
        return to_graphml(G)
    if fmt == "gexf":
        return to_gexf(G)
    raise UsageError(f"unknown format {fmt!r}", where="--format", hint="use " + ", ".join(FORMATS))
