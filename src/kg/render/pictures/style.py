"""How a node looks in every picture: its class style, its marker, its size, the legend.

The interactive page and the static drawings read the same functions, so a picture's
shapes, sizes and legend agree whichever format it is written in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.render.network.simple import simple_undirected
from kg.render.network.styles import CLASS_STYLE, CONCEPT_STYLE, ClassStyle

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: vis-network shape -> (legend symbol, matplotlib marker)
SHAPES: dict[str, tuple[str, str]] = {
    "dot": ("\u25cf", "o"),
    "diamond": ("\u25c6", "D"),
    "square": ("\u25a0", "s"),
    "triangle": ("\u25b2", "^"),
    "triangleDown": ("\u25bc", "v"),
    "star": ("\u2605", "*"),
    "hexagon": ("\u2b22", "h"),
    "ellipse": ("\u2b2c", "o"),
}


def style_of(data: dict[str, Any]) -> ClassStyle:
    """The style of a node from its attributes (concepts and unknown classes look alike)."""
    return CLASS_STYLE.get(data.get("class", ""), CONCEPT_STYLE)


def sizes(G: nx.MultiDiGraph, size_by: str = "degree") -> dict[str, float]:
    """Node importance for sizing: degree (ties counted once per neighbour) or betweenness."""
    import networkx as nx

    U = simple_undirected(G)
    if size_by == "betweenness":
        return dict(nx.betweenness_centrality(U))
    if size_by == "degree":
        return {n: float(d) for n, d in U.degree()}
    raise UsageError(
        f"unknown size measure {size_by!r}", where="--size-by", hint="degree or betweenness"
    )


def legend(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One entry per class present, in the fixed class order so every picture agrees."""
    counts: dict[str, int] = {}
    for _, data in G.nodes(data=True):
        counts[data.get("class", "")] = counts.get(data.get("class", ""), 0) + 1
    order = list(CLASS_STYLE)
    entries = []
    for cls in sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), c)):
        style = CLASS_STYLE.get(cls, CONCEPT_STYLE)
        entries.append(
            {
                "name": cls,
                "count": counts[cls],
                "color": style.color,
                "shape": style.shape,
                "symbol": SHAPES[style.shape][0],
            }
        )
    return entries
