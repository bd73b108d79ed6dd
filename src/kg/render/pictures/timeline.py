"""The timeline picture: summits, signings, commitments and reported years on one axis.

One lane per kind of item (see :mod:`kg.render.network.timeline`), a column per year;
a dated item sits where its day falls in the year, a span runs from its first to its last
year (a commitment from its start to the end of its due year, shaded by status). Labels are
set in rows inside their lane so none covers another. PNG and SVG with matplotlib; the
page is the SVG inside a plain, self-contained HTML file.
"""

from __future__ import annotations

import html
import io
import math
import textwrap
from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.render.network.styles import CLASS_STYLE
from kg.render.network.timeline import LANES, Item, timeline_items
from kg.render.pictures.style import status_fill
from kg.render.pictures.textsize import FACE, text_width

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

WIDTH = 1400.0
LEFT = 200.0  # lane titles
RIGHT = 30.0
TOP = 96.0  # title, subtitle and the year labels
ROW = 46.0
LANE_GAP = 18.0
LABEL = 13.0
WHEN = 12.0
DPI = 100.0


def timeline(full: nx.MultiDiGraph, fmt: str, *, title: str) -> bytes:
    """The timeline of the full projection as PNG, SVG or an HTML page."""
    if fmt not in ("png", "svg", "html"):
        raise UsageError(
            f"the timeline is a picture, not a network: no {fmt}",
            where="--format",
            hint="use html, png or svg",
        )
    items = timeline_items(full)
    if not items:
        raise UsageError("nothing in the graph has a date or a year", where="--view timeline")
    svg_or_png = _draw(items, "png" if fmt == "png" else "svg", title)
    if fmt != "html":
        return svg_or_png
    svg = svg_or_png.decode("utf-8")
    svg = svg[svg.index("<svg") :]  # no XML declaration or DOCTYPE inside HTML
    return _page(title, svg).encode("utf-8")


def _span(a: float, b: float | None) -> tuple[float, float]:
    return a, (b if b is not None else a)


class _Axis:
    """Years to pixels, and each item's place and label rows."""

    def __init__(self, items: list[Item]) -> None:
        self.first = math.floor(min(i.start for i in items))
        self.last = math.ceil(max(_span(i.start, i.end)[1] for i in items) - 1e-9)
        self.last = max(self.last, self.first + 1)
        self.px = (WIDTH - LEFT - RIGHT) / max(self.last - self.first, 1)
        self.rows: dict[Item, int] = {}
        self.lane_rows = [0] * len(LANES)
        ends: dict[tuple[int, int], float] = {}
        for item in items:
            left, right = self.text_extent(item)
            row = 0
            while ends.get((item.lane, row), -math.inf) > left - 14:
                row += 1
            ends[(item.lane, row)] = right
            self.rows[item] = row
            self.lane_rows[item.lane] = max(self.lane_rows[item.lane], row + 1)

    def x(self, year: float) -> float:
        return LEFT + (year - self.first) * self.px

    def anchor(self, item: Item) -> tuple[float, str]:
        """Where the item's text starts and which way it runs (right of the mark, or left)."""
        start = self.x(item.start) + (0 if item.end is not None else 9)
        width = max(text_width(item.label, LABEL), text_width(item.when, WHEN))
        if start + width > WIDTH - RIGHT:
            return self.x(_span(item.start, item.end)[1]) - 9, "right"
        return start, "left"

    def text_extent(self, item: Item) -> tuple[float, float]:
        x, align = self.anchor(item)
        width = max(text_width(item.label, LABEL), text_width(item.when, WHEN))
        left, right = (x, x + width) if align == "left" else (x - width, x)
        span = self.x(_span(item.start, item.end)[1])
        return min(left, self.x(item.start)), max(right, span)

    def lane_top(self, lane: int) -> float:
        return TOP + sum(max(r, 1) * ROW + LANE_GAP for r in self.lane_rows[:lane])

    def height(self) -> float:
        return self.lane_top(len(LANES)) + 40


def _draw(items: list[Item], fmt: str, title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    axis = _Axis(items)
    height = axis.height()
    settings = {"svg.fonttype": "none", "svg.hashsalt": "summit-kg", "font.family": FACE}
    with plt.rc_context(settings):
        fig = plt.figure(figsize=(WIDTH / DPI, height / DPI), dpi=DPI)
        try:
            ax = fig.add_axes((0, 0, 1, 1))
            ax.set_xlim(0, WIDTH)
            ax.set_ylim(height, 0)
            ax.axis("off")
            _grid(ax, axis, height, title, len(items))
            for item in items:
                _item(ax, axis, item)
            buf = io.BytesIO()
            metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": None}
            fig.savefig(buf, format=fmt, metadata=metadata, dpi=DPI)
            return buf.getvalue()
        finally:
            plt.close(fig)


def _pt(px: float) -> float:
    return px * 72.0 / DPI


def _grid(ax: Any, axis: _Axis, height: float, title: str, count: int) -> None:
    from matplotlib.patches import Rectangle

    ax.text(16, 14, title, fontsize=_pt(20), fontweight="bold", va="top")
    ax.text(
        16,
        44,
        f"{count} dated items. A day sits where it falls in its year; a span "
        "runs to the end of its last year.",
        fontsize=_pt(13),
        color="#555555",
        va="top",
    )
    for year in range(axis.first, axis.last):
        x0, x1 = axis.x(year), axis.x(year + 1)
        if year % 2 == 0:
            ax.add_artist(
                Rectangle(
                    (x0, TOP - 8),
                    x1 - x0,
                    height - TOP - 24,
                    facecolor="#f3f5f6",
                    edgecolor="none",
                    zorder=0,
                )
            )
        ax.text(
            (x0 + x1) / 2,
            TOP - 14,
            str(year),
            fontsize=_pt(15),
            fontweight="bold",
            ha="center",
            va="bottom",
            color="#333333",
        )
        ax.plot([x0, x0], [TOP - 8, height - 32], color="#d0d4d8", lw=0.6, zorder=1)
    for lane, name in enumerate(LANES):
        top = axis.lane_top(lane)
        ax.text(
            16,
            top + 10,
            textwrap.fill(name, 20),
            fontsize=_pt(14),
            fontweight="bold",
            color="#37474f",
            va="top",
            linespacing=1.2,
        )
        ax.plot([16, WIDTH - RIGHT], [top - LANE_GAP / 2] * 2, color="#c5cbd0", lw=0.6)


def _item(ax: Any, axis: _Axis, item: Item) -> None:
    from matplotlib.patches import FancyBboxPatch

    style = CLASS_STYLE.get(item.kind)
    color = style.color if style else "#999999"
    y = axis.lane_top(item.lane) + axis.rows[item] * ROW + 12
    x0 = axis.x(item.start)
    if item.end is not None and axis.x(item.end) - x0 > 6:
        fill = status_fill(item.status) if item.lane == 2 else color
        ax.add_artist(
            FancyBboxPatch(
                (x0, y - 5),
                axis.x(item.end) - x0,
                10,
                boxstyle="round,pad=0,rounding_size=4",
                facecolor=fill,
                edgecolor="#333333",
                lw=0.7,
                zorder=3,
            )
        )
    else:
        marker = {"star": "*", "diamond": "D", "triangleDown": "v"}.get(
            style.shape if style else "", "o"
        )
        ax.scatter(
            [x0],
            [y],
            s=_pt(15) ** 2,
            marker=marker,
            c=color,
            edgecolors="#333333",
            linewidths=0.7,
            zorder=4,
        )
    x, align = axis.anchor(item)
    ax.text(x, y + 8, item.label, fontsize=_pt(LABEL), ha=align, va="top", zorder=5)
    ax.text(
        x,
        y + 8 + LABEL + 3,
        item.when,
        fontsize=_pt(WHEN),
        color="#555555",
        ha=align,
        va="top",
        zorder=5,
    )


def _page(title: str, svg: str) -> str:
    """The SVG in a page of its own: no script, nothing fetched."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{margin:0;font-family:'DejaVu Sans',Arial,sans-serif}"
        "svg{display:block;max-width:100%;height:auto}</style>\n</head>\n<body>\n"
        f"{svg}\n</body>\n</html>\n"
    )
