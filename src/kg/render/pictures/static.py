"""Static PNG and SVG drawings with matplotlib, for reports.

Colours and shapes by class, a legend, and the important labels; a fixed layout seed and
no dates in the files, so the same graph gives the same bytes.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import TYPE_CHECKING, Any

from kg.render.network.simple import simple_undirected
from kg.render.pictures.style import SHAPES, legend, sizes, style_of

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

Positions = dict[str, tuple[float, float]]


def layout(G: nx.MultiDiGraph, seed: int = 7) -> Positions:
    """A spring layout spread out enough that labels do not pile up."""
    import networkx as nx

    U = simple_undirected(G)
    if len(U) == 0:
        return {}
    k = 2.2 / math.sqrt(max(len(U), 1))
    return nx.spring_layout(U, k=k, iterations=300, seed=seed, weight=None)


def to_static(G: nx.MultiDiGraph, fmt: str = "png", *, title: str = "summit-kg") -> bytes:
    """A PNG or SVG drawing: colours and shapes by class, a legend, the important labels."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    pos = layout(G)
    size = sizes(G)
    n = G.number_of_nodes()
    width = 16 if n <= 60 else 20
    # SVG keeps labels as text, so they stay searchable and sharp at any zoom.
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "summit-kg"}):
        fig, ax = plt.subplots(figsize=(width, width * 0.68), dpi=110)
        try:
            ax.set_title(title, fontsize=18, loc="left")
            ax.axis("off")
            _draw_edges(G, ax, pos)
            _draw_nodes(G, ax, pos, size)
            shown = _draw_labels(G, ax, pos, size)
            _draw_legend(G, ax, shown)
            return _save(fig, fmt)
        finally:
            plt.close(fig)


def _draw_edges(G: nx.MultiDiGraph, ax: Any, pos: Positions) -> None:
    """One line per pair is enough on paper; its width grows with the ties."""
    import networkx as nx

    U = simple_undirected(G)
    widths = [min(0.8 + 0.5 * (d.get("weight", 1) - 1), 5.0) for *_, d in U.edges(data=True)]
    nx.draw_networkx_edges(U, pos, ax=ax, edge_color="#b0b7bd", width=widths, alpha=0.8)


def _draw_nodes(G: nx.MultiDiGraph, ax: Any, pos: Positions, size: dict[str, float]) -> None:
    """Markers by class shape and colour (one call per style), sized by importance."""
    import networkx as nx

    top = max(size.values(), default=1.0) or 1.0
    by_shape: dict[tuple[str, str], list[str]] = {}
    for node, data in G.nodes(data=True):
        style = style_of(data)
        by_shape.setdefault((style.shape, style.color), []).append(node)
    for (shape, color), members in by_shape.items():
        nx.draw_networkx_nodes(
            G,
            pos,
            nodelist=members,
            node_color=color,
            node_shape=SHAPES[shape][1],
            node_size=[120 + 900 * size.get(m, 0) / top for m in members],
            edgecolors="#333333",
            linewidths=0.6,
            ax=ax,
        )


def _draw_labels(G: nx.MultiDiGraph, ax: Any, pos: Positions, size: dict[str, float]) -> list[str]:
    """Label everything in small pictures; in big ones only the most connected nodes."""
    import networkx as nx

    n = G.number_of_nodes()
    ranked = sorted(G.nodes, key=lambda m: -size.get(m, 0))
    shown = ranked if n <= 45 else ranked[:35]
    labels = {
        m: textwrap.fill(str(G.nodes[m].get("label", m)), 24, break_long_words=False) for m in shown
    }
    ys = [y for _, y in pos.values()] or [0.0]
    drop = 0.025 * ((max(ys) - min(ys)) or 1.0)  # labels sit just below their marker
    label_pos = {m: (x, y - drop) for m, (x, y) in pos.items()}
    nx.draw_networkx_labels(
        G,
        label_pos,
        labels=labels,
        font_size=9 if n <= 45 else 8,
        ax=ax,
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7, "pad": 0.5},
        verticalalignment="top",
    )
    return shown


def _draw_legend(G: nx.MultiDiGraph, ax: Any, shown: list[str]) -> None:
    """The classes present with their counts, beside the drawing; says what sizes mean."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            marker=SHAPES[e["shape"]][1],
            color="none",
            markerfacecolor=e["color"],
            markeredgecolor="#333333",
            markersize=10,
            label=f"{e['name']} ({e['count']})",
        )
        for e in legend(G)
    ]
    n = G.number_of_nodes()
    note = "size: degree" + ("" if len(shown) == n else f"; labels: top {len(shown)} by degree")
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=11,
        frameon=True,
        title=f"Class ({note})",
        title_fontsize=11,
    )


def _save(fig: Any, fmt: str) -> bytes:
    """The figure's bytes; SVG without a date so the same graph gives the same file."""
    fig.tight_layout()
    buf = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {}
    fig.savefig(buf, format=fmt, metadata=metadata, bbox_inches="tight")
    return buf.getvalue()
