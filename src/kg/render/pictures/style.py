"""How a node or edge looks in every picture: class style, marker, size, legend, roles.

The interactive page and the static drawings read the same functions, so a picture's
shapes, colours and legend agree whichever format it is written in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.errors import UsageError
from kg.render.network.simple import simple_undirected
from kg.render.network.styles import CLASS_STYLE, CONCEPT_STYLE, KINDS, STATUS_ORDER, ClassStyle

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
    "box": ("\u25ac", "s"),
}

#: Status -> fill of a commitment box: one hue, lighter the less settled (readable in grey
#: and by every colour vision, since only lightness changes). No status: white.
STATUS_FILL: dict[str, str] = dict(
    zip(STATUS_ORDER, ("#edf8e9", "#c7e9c0", "#a1d99b", "#41ab5d", "#006d2c"), strict=True)
)
NO_STATUS_FILL = "#ffffff"


#: role -> (colour, width, dashed, what the legend says)
ROLE_STYLE: dict[str, tuple[str, float, bool, str]] = {
    "commits": ("#0072B2", 2.0, False, "commits (committer \u2192 commitment)"),
    "benefits": ("#E69F00", 2.0, False, "benefits (commitment \u2192 beneficiary)"),
    "announced": ("#666666", 1.2, True, "announced (speaker \u2192 commitment)"),
    "establishes": ("#CC79A7", 1.4, True, "establishes or involves (\u2192 organisation)"),
    "involves": ("#CC79A7", 1.4, True, ""),
    "includes": ("#aaaaaa", 1.0, True, "part of an umbrella commitment (indented)"),
    "tie": ("#9aa3ab", 1.0, False, "parties to the same agreements, joint commitments"),
    "commitsTo": ("#E69F00", 1.6, False, "commits to (committer \u2192 partner)"),
}
DEFAULT_EDGE = ("#9aa3ab", 1.0, False, "")


def style_of(data: dict[str, Any]) -> ClassStyle:
    """The style of a node from its attributes (concepts and unknown classes look alike)."""
    return CLASS_STYLE.get(data.get("class", ""), CONCEPT_STYLE)


def status_fill(status: str) -> str:
    """A commitment's fill for its status (the first known one if it has several)."""
    for word in str(status).split("; "):
        if word in STATUS_FILL:
            return STATUS_FILL[word]
    return NO_STATUS_FILL


def text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG contrast)."""
    rgb = [int(background.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#111111" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


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
    """One entry per kind present (its classes named), in the fixed kind order."""
    counts: dict[str, int] = {}
    classes: dict[str, set[str]] = {}
    for _, data in G.nodes(data=True):
        kind = style_of(data).kind
        counts[kind] = counts.get(kind, 0) + 1
        classes.setdefault(kind, set()).add(str(data.get("class", "")))
    styles = {s.kind: s for s in [*CLASS_STYLE.values(), CONCEPT_STYLE]}
    entries = []
    for kind in sorted(counts, key=KINDS.index):
        style = styles[kind]
        entries.append(
            {
                "name": kind,
                "count": counts[kind],
                "classes": sorted(classes[kind] - {kind}),
                "color": style.color,
                "shape": style.shape,
                "symbol": SHAPES[style.shape][0],
            }
        )
    return entries


def status_legend(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The statuses present, least to most settled, with their fill and count."""
    counts: dict[str, int] = {}
    for _, data in G.nodes(data=True):
        if data.get("group") == "commitment":
            word = next((w for w in str(data.get("status", "")).split("; ") if w), "")
            key = word if word in STATUS_FILL else "no status given"
            counts[key] = counts.get(key, 0) + 1
    order = [*STATUS_ORDER, "no status given"]
    return [
        {"name": s, "count": counts[s], "color": STATUS_FILL.get(s, NO_STATUS_FILL)}
        for s in order
        if s in counts
    ]


def edge_legend(roles: list[str]) -> list[dict[str, Any]]:
    """The roles drawn, each once, with the colour and dash they are drawn in."""
    seen: list[dict[str, Any]] = []
    for role in ROLE_STYLE:
        color, width, dashed, text = ROLE_STYLE[role]
        drawn = role in roles or (role == "establishes" and "involves" in roles)
        if drawn and text:
            seen.append({"name": text, "color": color, "width": width, "dashed": dashed})
    return seen
