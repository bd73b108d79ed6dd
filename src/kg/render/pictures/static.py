"""Static PNG and SVG drawings of a scene with matplotlib, for reports.

The drawing paints the same :class:`~.scene.Scene` as the page: the same positions, edge
routes, arrows, edge labels that fit, bands and legend, so paper and screen agree. One
pixel of the layout is one pixel of the PNG (pictures wider than :data:`MAX_SIDE` are
scaled down). No dates or random ids end up in the files: the same graph gives the same
bytes.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

from kg.render.pictures.compose import scene_of
from kg.render.pictures.geometry import EDGE_FONT, border_point, curve_via, visible_segment
from kg.render.pictures.scene import LABEL_GAP, Edge, Node, Scene
from kg.render.pictures.style import SHAPES
from kg.render.pictures.textsize import FACE

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

MAX_SIDE = 2600.0  # pixels
LEGEND_W = 300.0
HEADER_H = 70.0
DPI = 100.0
_PT = 72.0 / DPI  # points per output pixel


def to_static(
    G: nx.MultiDiGraph, fmt: str = "png", *, title: str = "summit-kg", size_by: str = "degree"
) -> bytes:
    """A PNG or SVG drawing of the graph, laid out as the page lays it out."""
    return scene_static(scene_of(G, title=title, size_by=size_by), fmt)


def scene_static(scene: Scene, fmt: str) -> bytes:
    """A laid-out scene as PNG or SVG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    left, top, right, bottom = scene.view_box()
    w, h = right - left + 40, bottom - top + 40
    scale = min(1.0, MAX_SIDE / (w + LEGEND_W), MAX_SIDE / (h + HEADER_H))
    legend_h = _legend_height(scene)
    fig_w, fig_h = (w + LEGEND_W) * scale, max(h + HEADER_H, legend_h + HEADER_H) * scale
    settings = {"svg.fonttype": "none", "svg.hashsalt": "summit-kg", "font.family": FACE}
    with plt.rc_context(settings):
        fig = plt.figure(figsize=(fig_w / DPI, fig_h / DPI), dpi=DPI)
        try:
            ax = fig.add_axes((0, 0, w * scale / fig_w, (fig_h - HEADER_H * scale) / fig_h))
            ax.set_xlim(left - 20, right + 20)
            ax.set_ylim(top - 20 + fig_h / scale - HEADER_H, top - 20)  # y grows downwards
            ax.axis("off")
            painter = _Painter(ax, scale)
            painter.scene(scene)
            _header(fig, scene, scale, fig_w, fig_h)
            _legend(fig, scene, scale, (w * scale) / fig_w)
            return _save(fig, fmt)
        finally:
            plt.close(fig)


class _Painter:
    """Draws scene items on axes whose units are layout pixels (y downwards)."""

    def __init__(self, ax: Any, scale: float) -> None:
        self.ax = ax
        self.scale = scale

    def pt(self, px: float) -> float:
        """A size in layout pixels as points in the output."""
        return px * self.scale * _PT

    def scene(self, scene: Scene) -> None:
        from matplotlib.patches import Rectangle

        for band in scene.bands:
            self.ax.add_artist(
                Rectangle(
                    (band.left, band.top),
                    band.right - band.left,
                    band.bottom - band.top,
                    facecolor="#eef2f4",
                    edgecolor="none",
                    zorder=0,
                )
            )
            self.text(band.left + 10, band.top + 4, band.title, 17, bold=True, color="#37474f")
        for guide in scene.guides:
            xs, ys = zip(*guide, strict=True)
            self.ax.plot(xs, ys, color="#9e9e9e", lw=self.pt(1.2), zorder=1)
        heading_y = scene.view_box()[1] + 26
        for x, text, align in scene.columns:
            self.text(x, heading_y, text, 18, bold=True, ha=align, va="bottom")
        nodes = {n.id: n for n in scene.nodes}
        for edge in scene.edges:
            if not edge.hidden:
                self.edge(edge, nodes[edge.source], nodes[edge.target])
        for node in scene.nodes:
            self.node(node)
        for edge in scene.edges:
            if edge.label_at is not None and not edge.hidden:
                color = "#555555" if edge.color == "#9aa3ab" else edge.color
                self.text(
                    *edge.label_at,
                    edge.label,
                    EDGE_FONT,
                    color=color,
                    ha="center",
                    va="center",
                    halo=True,
                    z=6,
                )

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: str = "#222222",
        ha: str = "left",
        va: str = "top",
        halo: bool = False,
        z: float = 5,
    ) -> None:
        # a white box, not a stroked outline: outlines turn SVG text into paths
        box = {"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 0.6}
        self.ax.text(
            x,
            y,
            text,
            fontsize=self.pt(size),
            fontweight="bold" if bold else "normal",
            color=color,
            ha=ha,
            va=va,
            zorder=z,
            bbox=box if halo else None,
            linespacing=1.0,
        )

    def edge(self, edge: Edge, a: Node, b: Node) -> None:
        from matplotlib.patches import PathPatch
        from matplotlib.path import Path

        if edge.path:
            verts, codes = [edge.path[0][:2]], [Path.MOVETO]
            for step in edge.path[1:]:
                if step[0] == "C":
                    verts += [step[1:3], step[3:5], step[5:7]]
                    codes += [Path.CURVE4] * 3
                else:
                    verts.append(step[1:3])
                    codes.append(Path.LINETO)
        elif edge.curve:
            (x0, y0), (x1, y1) = (a.x, a.y), (b.x, b.y)
            verts, codes = (
                [(x0, y0), curve_via(a, b, edge.curve), (x1, y1)],
                [
                    Path.MOVETO,
                    Path.CURVE3,
                    Path.CURVE3,
                ],
            )
        else:
            verts, codes = list(visible_segment(a, b)), [Path.MOVETO, Path.LINETO]
        style = (0, (6, 4)) if edge.dashes else "solid"
        self.ax.add_artist(
            PathPatch(
                Path(verts, codes),
                facecolor="none",
                edgecolor=edge.color,
                lw=self.pt(edge.width),
                linestyle=style,
                alpha=0.9,
                zorder=2,
            )
        )
        if edge.arrow:
            before, end = verts[-2], verts[-1]
            if edge.curve and not edge.path:
                end = border_point(before, b)  # the curve ends under the marker
            self.arrow(before, end, edge.color, edge.width)

    def arrow(self, before: Any, end: Any, color: str, width: float) -> None:
        import math

        from matplotlib.patches import Polygon

        angle = math.atan2(end[1] - before[1], end[0] - before[0])
        size = 9 + width
        points = [
            end,
            (end[0] - size * math.cos(angle - 0.4), end[1] - size * math.sin(angle - 0.4)),
            (end[0] - size * math.cos(angle + 0.4), end[1] - size * math.sin(angle + 0.4)),
        ]
        self.ax.add_artist(
            Polygon(points, closed=True, facecolor=color, edgecolor="none", zorder=3)
        )

    def node(self, node: Node) -> None:
        from matplotlib.patches import FancyBboxPatch

        style = (0, (5, 3)) if node.dashed else "solid"
        if node.inside:
            left, top, _, _ = node.shape_box()
            self.ax.add_artist(
                FancyBboxPatch(
                    (left, top),
                    node.width,
                    node.height,
                    boxstyle=f"round,pad=0,rounding_size={min(node.size, node.height / 2)}",
                    facecolor=node.color,
                    edgecolor=node.border,
                    lw=self.pt(node.border_width),
                    linestyle=style,
                    zorder=4,
                )
            )
            self.text(
                left + 4,
                top + 4 + 0.5,
                "\n".join(node.label),
                node.font_size,
                color=node.font_color,
            )
            return
        marker = SHAPES.get(node.shape, ("", "o"))[1]
        self.ax.scatter(
            [node.x],
            [node.y],
            s=self.pt(2 * node.size * (1.15 if marker in "*hv^" else 1.0)) ** 2,
            marker=marker,
            c=node.color,
            edgecolors=node.border,
            linewidths=self.pt(node.border_width),
            linestyle=style,
            zorder=4,
        )
        if node.show_label and any(node.label):
            self.text(
                node.x,
                node.y + node.size + LABEL_GAP,
                "\n".join(node.label),
                node.font_size,
                ha="center",
                halo=True,
                z=5,
            )


def _header(fig: Any, scene: Scene, scale: float, fig_w: float, fig_h: float) -> None:
    fig.text(
        16 / fig_w,
        1 - 12 * scale / fig_h,
        scene.title,
        fontsize=20 * scale * _PT,
        fontweight="bold",
        va="top",
    )
    fig.text(
        16 / fig_w,
        1 - 42 * scale / fig_h,
        scene.subtitle,
        fontsize=13 * scale * _PT,
        color="#555555",
        va="top",
    )


def _legend_rows(scene: Scene) -> list[tuple[str, dict[str, Any]]]:
    rows: list[tuple[str, dict[str, Any]]] = [("head", {"text": "Kinds"})]
    rows += [("kind", e) for e in scene.legend]
    if scene.status_legend:
        rows += [("head", {"text": "Status"})] + [("status", e) for e in scene.status_legend]
    if scene.edge_legend:
        rows += [("head", {"text": "Edges"})] + [("edge", e) for e in scene.edge_legend]
    note = textwrap.wrap(scene.note, 40)
    rows += [("note", {"text": line}) for line in note]
    return rows


def _legend_height(scene: Scene) -> float:
    return 40 + 22 * len(_legend_rows(scene))


def _legend(fig: Any, scene: Scene, scale: float, x0: float) -> None:
    """The legend in a column of its own at the right."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    ax = fig.add_axes((x0, 0, 1 - x0, 1 - HEADER_H * scale / fig.get_figheight() / DPI))
    ax.axis("off")
    height = ax.get_position().height * fig.get_figheight() * DPI / scale
    ax.set_xlim(0, LEGEND_W)
    ax.set_ylim(height, 0)
    y = 16.0
    for kind, row in _legend_rows(scene):
        if kind == "head":
            y += 8
            ax.text(
                12,
                y,
                row["text"].upper(),
                fontsize=12 * scale * _PT,
                fontweight="bold",
                color="#555555",
                va="center",
            )
        elif kind == "kind":
            ax.scatter(
                [22],
                [y],
                s=(12 * scale * _PT) ** 2,
                marker=SHAPES[row["shape"]][1],
                c=row["color"],
                edgecolors="#333333",
                linewidths=0.5,
            )
            ax.text(
                38, y, f"{row['name']} ({row['count']})", fontsize=13 * scale * _PT, va="center"
            )
        elif kind == "status":
            ax.add_patch(
                Rectangle((12, y - 7), 22, 14, facecolor=row["color"], edgecolor="#666666", lw=0.6)
            )
            ax.text(
                42, y, f"{row['name']} ({row['count']})", fontsize=13 * scale * _PT, va="center"
            )
        elif kind == "edge":
            ax.add_line(
                Line2D(
                    [10, 34],
                    [y, y],
                    color=row["color"],
                    lw=(row["width"] + 1) * _PT,
                    linestyle=(0, (4, 3)) if row["dashed"] else "solid",
                )
            )
            ax.text(
                42,
                y,
                textwrap.shorten(row["name"], 38, placeholder="\u2026"),
                fontsize=12 * scale * _PT,
                va="center",
            )
        else:
            ax.text(12, y, row["text"], fontsize=12 * scale * _PT, color="#555555", va="center")
        y += 22


def _save(fig: Any, fmt: str) -> bytes:
    """The figure's bytes; no date, no software version, so the same scene gives the same
    file on every run."""
    buf = io.BytesIO()
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
    fig.savefig(buf, format=fmt, metadata=metadata, dpi=DPI)
    return buf.getvalue()
