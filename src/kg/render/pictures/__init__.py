"""Pictures and network files of a projected graph (see :mod:`kg.render.network`).

Every picture is laid out once, in Python, as a :class:`~.scene.Scene` (:mod:`.compose`
picks the layout: :mod:`.columns` for the commitments view, :mod:`.radial` for a focus,
:mod:`.layout` for the other networks); then it is painted:

* ``html`` (:mod:`.page`): an interactive vis-network page that is ONE self-contained
  file; it fetches nothing, so it works offline and tells no third party who opened it.
* ``png`` / ``svg`` (:mod:`.static`): the same scene drawn by matplotlib, for reports.
* ``graphml`` / ``gexf`` (:mod:`.graphfiles`): for Gephi, Cytoscape and yEd.

The timeline (:mod:`.timeline`) is a picture of its own, of every dated item.
:mod:`.style` (colours, markers, sizes, legends), :mod:`.nodes`, :mod:`.geometry` and
:mod:`.textsize` are shared by the layouts and painters. This module only chooses the
format and hands the graph to the right writer.

May use: :mod:`kg.render.network`, :mod:`kg.errors`, networkx, matplotlib and pyvis's
assets (all heavy libraries inside functions).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.render.pictures.compose import scene_of
from kg.render.pictures.graphfiles import to_gexf, to_graphml
from kg.render.pictures.page import VIS_VERSION, article_paragraphs, scene_html, to_html
from kg.render.pictures.static import scene_static, to_static
from kg.render.pictures.style import SHAPES, legend, sizes, style_of
from kg.render.pictures.timeline import timeline

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "FORMATS",
    "SHAPES",
    "VIS_VERSION",
    "article_paragraphs",
    "format_for",
    "legend",
    "render",
    "scene_html",
    "scene_of",
    "scene_static",
    "sizes",
    "style_of",
    "timeline",
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
        return to_static(G, fmt, title=title, size_by=size_by)
    if fmt == "graphml":
        return to_graphml(G)
    if fmt == "gexf":
        return to_gexf(G)
    raise UsageError(f"unknown format {fmt!r}", where="--format", hint="use " + ", ".join(FORMATS))
