"""A picture before it is drawn: where every node, edge label, band and guide goes.

Layouts (:mod:`.columns`, :mod:`.layout`, :mod:`.radial`) fill a :class:`Scene`; the page
(:mod:`.page`) and the static drawing (:mod:`.static`) only paint it. So the browser and
matplotlib show the same layout, and the layout is computed once, in Python, from sorted
data: the same picture on every run. Coordinates are pixels, y grows downwards (as on a
canvas); ``x``/``y`` are a node's centre.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Shapes whose label is drawn inside them; the others carry their label below.
INSIDE = frozenset({"box", "ellipse"})

#: Below-label geometry, as vis-network draws it: the label starts this far under the shape.
LABEL_GAP = 11.0

#: Room above the drawing for column headings (their baseline sits 26px below its top).
HEADING_ROOM = 36.0
HEADING_FONT = 18.0


@dataclass
class Node:
    """One node as drawn: shape, colours, label lines and the box it all takes."""

    id: str
    label: list[str]
    shape: str
    color: str
    kind: str
    font_size: float = 14.0
    font_color: str = "#222222"
    border: str = "#333333"
    border_width: float = 1.0
    dashed: bool = False
    size: float = 10.0  # radius of a marker shape; boxes are sized by their label
    width: float = 0.0  # box width (label-inside shapes), set by the scene builder
    height: float = 0.0
    x: float = 0.0
    y: float = 0.0
    focus: bool = False
    show_label: bool = True
    info: dict[str, Any] = field(default_factory=dict)
    cluster: str = ""  # nodes with the same cluster can be collapsed into one in the page

    @property
    def inside(self) -> bool:
        return self.shape in INSIDE

    def shape_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the shape alone."""
        if self.inside:
            return (
                self.x - self.width / 2,
                self.y - self.height / 2,
                self.x + self.width / 2,
                self.y + self.height / 2,
            )
        return (self.x - self.size, self.y - self.size, self.x + self.size, self.y + self.size)

    def label_box(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) of the label text, or None when it is not shown."""
        if not self.show_label or not any(self.label):
            return None
        if self.inside:
            return self.shape_box()
        top = self.y + self.size + LABEL_GAP
        half = self.width / 2
        return (self.x - half, top, self.x + half, top + self.font_size * len(self.label))

    def box(self) -> tuple[float, float, float, float]:
        """Everything the node covers: shape and label."""
        boxes = [self.shape_box()]
        label = self.label_box()
        if label is not None:
            boxes.append(label)
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


@dataclass
class Edge:
    """One edge as drawn; ``label_at`` is where its label goes, None when it does not fit."""

    id: str
    source: str
    target: str
    label: str
    color: str = "#8a939b"
    width: float = 1.0
    dashes: bool = False
    arrow: bool = True
    curve: float = 0.0  # 0: straight; otherwise vis-network's curvedCW roundness
    hidden: bool = False
    label_at: tuple[float, float] | None = None
    info: dict[str, Any] = field(default_factory=dict)
    # A route drawn as given instead of a line between centres: a start point, then
    # ("L", x, y) or ("C", x1, y1, x2, y2, x, y) steps; the arrow points along the last.
    path: list[tuple[Any, ...]] | None = None


@dataclass
class Band:
    """A titled, tinted strip behind a group of nodes (the commitments picture's groups)."""

    title: str
    left: float
    top: float
    right: float
    bottom: float
    fill: str = "#f4f6f7"


@dataclass
class Scene:
    """Everything a picture shows, positioned."""

    title: str
    subtitle: str
    nodes: list[Node]
    edges: list[Edge]
    legend: list[dict[str, Any]]
    note: str = ""
    bands: list[Band] = field(default_factory=list)
    guides: list[list[tuple[float, float]]] = field(default_factory=list)
    columns: list[tuple[float, str, str]] = field(default_factory=list)  # (x, heading, align)
    edge_legend: list[dict[str, Any]] = field(default_factory=list)
    status_legend: list[dict[str, Any]] = field(default_factory=list)
    # collapsed groups: name -> [x, y, label], placed on a member the layout kept clear
    clusters: dict[str, list[Any]] = field(default_factory=dict)
    kind: str = "network"
    zoom_labels: bool = False  # labels too small at full view appear on zoom (page only)

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of everything drawn, bands and headings included."""
        boxes = [n.box() for n in self.nodes]
        boxes += [(b.left, b.top, b.right, b.bottom) for b in self.bands]
        if not boxes:
            return (0.0, 0.0, 1.0, 1.0)
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def view_box(self) -> tuple[float, float, float, float]:
        """What a viewer must see: the bounds, plus room above for the column headings."""
        from kg.render.pictures.textsize import text_width

        left, top, right, bottom = self.bounds()
        for x, text, align in self.columns:
            width = text_width(text, HEADING_FONT, bold=True)
            start = x - width if align == "right" else x
            left, right = min(left, start), max(right, start + width)
        return (left, top - (HEADING_ROOM if self.columns else 0.0), right, bottom)

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)
