"""The commitments picture: three columns that read as sentences, left to right.

    who commits            what (shade = status)              for whom, with whom
    China  --commits-->  [ Grants ... 1.5 billion CNY ]  --benefits-->  Central Asian states

The middle column holds the commitments in their bands (the lead's pledges, joint
commitments, the other side's own, the rest), each band a tinted strip with its title;
parts of an umbrella commitment sit indented under it. Actors on the left (the lead and
those beside it) and on the right (receivers and partners) sit level with the middle of
what they are tied to, pushed apart just enough for their labels; the order inside a band
follows the actors, so few edges cross. Everything is sorted data and arithmetic: the same
picture on every run.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from kg.render.pictures.geometry import place_edge_labels, snap
from kg.render.pictures.nodes import box_node, detail_line, mark_focus
from kg.render.pictures.scene import Band, Edge, Node, Scene
from kg.render.pictures.style import (
    ROLE_STYLE,
    edge_legend,
    legend,
    status_fill,
    status_legend,
    style_of,
)

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: the roles whose actor receives (a beneficiary, an organisation set up or involved)
RECEIVING = ("benefits", "establishes", "involves")
BOX_FONT = 16.0
BOX_WIDTH = 720.0  # the widest a commitment's text may run
ACTOR_WIDTH = 210.0
INDENT = 28.0  # parts of an umbrella, to the right of it
ROW_GAP = 3.0
BAND_HEAD = 24.0  # room for a band's title above its first box
BAND_GAP = 8.0
COLUMN_GAP = 150.0  # between a side column and the middle: room for edge labels
ACTOR_GAP = 12.0


def commitments_scene(
    G: nx.MultiDiGraph, *, title: str, subtitle: str, paragraphs: dict[int, str] | None
) -> Scene:
    """The commitments view (or a focus of it) laid out in columns."""
    nodes = _nodes(G, paragraphs)
    units = _units(G)
    y_of: dict[str, float] = {}
    for _ in range(3):  # order by the actors, place the actors by the order, again
        bands = _stack(G, units, nodes, y_of)
        y_of = _place_sides(G, nodes)
        units = _reorder(G, units, y_of)
    bands = _stack(G, units, nodes, y_of)
    _place_sides(G, nodes)
    scene = Scene(
        title=title,
        subtitle=subtitle or _subtitle(G),
        nodes=list(nodes.values()),
        edges=_edges(G),
        legend=_boxes_in_legend(legend(G)),
        note="Read left to right: who commits \u2192 what \u2192 for whom. "
        "Box shade: status. Thick border: a project. Hover for details.",
        bands=bands,
        kind="sentences",
        status_legend=status_legend(G),
        edge_legend=edge_legend(sorted({k for *_, k in G.edges(keys=True)})),
    )
    scene.columns = _headings(G, nodes)
    focus = G.graph.get("focus")
    if focus in nodes:
        mark_focus(nodes[focus])
        nodes[focus].size = 14.0  # a box keeps its corner radius; the ring marks it
    snap(scene.nodes)
    scene.guides = _guides(G, nodes)
    _route(G, scene.edges, nodes)
    place_edge_labels(scene, {e.id: _PRIORITY.get(e.label, 0.0) for e in scene.edges})
    return scene


#: Which label wins where two would collide: the role that answers the question first.
_PRIORITY = {"commits": 3.0, "benefits": 2.0, "establishes": 1.0, "involves": 1.0}


def _route(G: nx.MultiDiGraph, edges: list[Edge], nodes: dict[str, Node]) -> None:
    """Each edge as a horizontal S-curve between columns, leaving and entering boxes at their
    sides: lines to a box's centre would cut across its neighbours. Right of the middle
    column every edge first runs level with its commitment to a common vertical line."""
    middle = [nodes[c] for c in nodes if _is_commitment(G, c)]
    bus = max((n.x + n.width / 2 for n in middle), default=0.0) + 12.0
    for e in edges:
        a, b = nodes[e.source], nodes[e.target]
        if e.hidden or _is_commitment(G, e.source) == _is_commitment(G, e.target):
            continue
        c, actor = (b, a) if _is_commitment(G, e.target) else (a, b)
        c_left, c_right = c.x - c.width / 2, c.x + c.width / 2
        if G.nodes[actor.id].get("side") == "right":
            port = (actor.x - actor.width / 2, actor.y)
            curve = _s_curve(port, (bus, c.y))
            if c is b:  # actor -> commitment: in from the right
                e.path = [port, curve, ("L", c_right, c.y)]
                e.info["label_t"] = 0.78
            else:
                e.path = [(c_right, c.y), ("L", bus, c.y), _s_curve((bus, c.y), port)]
                e.info["label_t"] = 0.22
        else:
            port = (actor.x + actor.width / 2, actor.y)
            if c is b:
                e.path = [port, _s_curve(port, (c_left, c.y))]
                e.info["label_t"] = 0.8
            else:
                e.path = [(c_left, c.y), _s_curve((c_left, c.y), port)]
                e.info["label_t"] = 0.2
        e.path = [
            tuple(round(float(v), 1) if not isinstance(v, str) else v for v in step)
            for step in e.path
        ]


def _s_curve(start: tuple[float, float], end: tuple[float, float]) -> tuple[Any, ...]:
    """A cubic step from ``start`` to ``end`` that leaves and arrives horizontally."""
    k = (end[0] - start[0]) / 2
    return ("C", start[0] + k, start[1], end[0] - k, end[1], end[0], end[1])


def _boxes_in_legend(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Commitments are drawn as boxes shaded by status: the legend shows a box for them."""
    for entry in entries:
        if entry["name"] in ("Commitment", "Project"):
            entry.update(symbol="\u25ac", shape="box", color=status_fill("pledged"))
    return entries


def _is_commitment(G: nx.MultiDiGraph, n: str) -> bool:
    return G.nodes[n].get("group") == "commitment"


def _nodes(G: nx.MultiDiGraph, paragraphs: dict[int, str] | None) -> dict[str, Node]:
    nodes: dict[str, Node] = {}
    degree = {n: len(set(G.predecessors(n)) | set(G.successors(n))) for n in G}
    for n, data in G.nodes(data=True):
        if _is_commitment(G, n):
            nodes[n] = box_node(
                n,
                data,
                fill=status_fill(str(data.get("status", ""))),
                font=BOX_FONT,
                max_width=BOX_WIDTH,
                paragraphs=paragraphs,
                details=detail_line(data),
            )
        else:
            big = degree[n] >= 8
            nodes[n] = box_node(
                n,
                data,
                fill=style_of(data).color,
                font=19.0 if big else BOX_FONT,
                max_width=ACTOR_WIDTH,
                paragraphs=paragraphs,
                rounded=True,
            )
    return nodes


def _units(G: nx.MultiDiGraph) -> list[list[str]]:
    """Commitments in drawing units: an umbrella followed by its parts in the same band."""
    commitments = [n for n in G if _is_commitment(G, n)]
    band = {n: (G.nodes[n].get("band_rank", 9), G.nodes[n].get("band_title", "")) for n in G}
    parts: dict[str, list[str]] = defaultdict(list)
    placed: set[str] = set()
    for u, v, k in G.edges(keys=True):
        if k == "includes" and band[u] == band[v] and v not in placed and u != v:
            parts[u].append(v)
            placed.add(v)
    label = {n: G.nodes[n]["label"] for n in G}
    units = [
        [c, *sorted(parts.get(c, []), key=lambda p: label[p])]
        for c in commitments
        if c not in placed
    ]
    return sorted(units, key=lambda u: (band[u[0]], label[u[0]], u[0]))


def _reorder(G: nx.MultiDiGraph, units: list[list[str]], y_of: dict[str, float]) -> list[list[str]]:
    """Inside each band, units in the order of the mean height of their actors."""

    def key(unit: list[str]) -> tuple[Any, ...]:
        data = G.nodes[unit[0]]
        ys = [y_of[a] for c in unit for a in _actors_of(G, c) if a in y_of]
        mean = sum(ys) / len(ys) if ys else 0.0
        return (data.get("band_rank", 9), data.get("band_title", ""), round(mean, 3), data["label"])

    return sorted(units, key=key)


def _actors_of(G: nx.MultiDiGraph, c: str) -> list[str]:
    return sorted(
        {u for u in G.predecessors(c) if not _is_commitment(G, u)}
        | {v for v in G.successors(c) if not _is_commitment(G, v)}
    )


def _stack(
    G: nx.MultiDiGraph, units: list[list[str]], nodes: dict[str, Node], y_of: dict[str, float]
) -> list[Band]:
    """Commitments top to bottom, band by band; returns the bands' strips."""
    bands: list[Band] = []
    y = 0.0
    current = None
    width = max((nodes[c].width for u in units for c in u), default=100.0) + INDENT
    for unit in units:
        data = G.nodes[unit[0]]
        band = (data.get("band_rank", 9), data.get("band_title", ""))
        if band != current:
            if bands:
                bands[-1].bottom = y - ROW_GAP + 8
                y += BAND_GAP
            bands.append(Band(band[1], -10.0, y, width + 10.0, y))
            y += BAND_HEAD
            current = band
        for i, c in enumerate(unit):
            node = nodes[c]
            node.x = (INDENT if i else 0.0) + node.width / 2
            node.y = y + node.height / 2
            y += node.height + ROW_GAP
    if bands:
        bands[-1].bottom = y - ROW_GAP + 8
    return bands


def _place_sides(G: nx.MultiDiGraph, nodes: dict[str, Node]) -> dict[str, float]:
    """Actors level with what they are tied to; returns their heights."""
    middle = [n for c, n in nodes.items() if _is_commitment(G, c)]
    middle_right = max((n.x + n.width / 2 for n in middle), default=0.0)
    columns: dict[str, list[tuple[float, str]]] = {"left": [], "right": []}
    for n, data in G.nodes(data=True):
        if _is_commitment(G, n):
            continue
        ys = [nodes[c].y for c in set(G.predecessors(n)) | set(G.successors(n)) if c in nodes]
        want = sum(ys) / len(ys) if ys else 0.0
        columns[data.get("side", "left")].append((want, n))
    for side, items in columns.items():
        _pack(sorted(items, key=lambda t: (round(t[0], 3), G.nodes[t[1]]["label"])), nodes)
        for _, n in items:
            node = nodes[n]
            if side == "left":
                node.x = -COLUMN_GAP - node.width / 2
            else:
                node.x = middle_right + COLUMN_GAP + node.width / 2
    return {n: nodes[n].y for n in G if not _is_commitment(G, n)}


def _pack(items: list[tuple[float, str]], nodes: dict[str, Node]) -> None:
    """Heights as close to the wanted ones as the labels allow, in the given order."""
    if not items:
        return
    placed: list[float] = []
    for want, n in items:
        h = nodes[n].height
        if placed:
            prev = nodes[items[len(placed) - 1][1]]
            low = placed[-1] + prev.height / 2 + ACTOR_GAP + h / 2
            placed.append(max(want, low))
        else:
            placed.append(want)
    shift = sum(w for w, _ in items) / len(items) - sum(placed) / len(placed)
    for (_, n), y in zip(items, placed, strict=True):
        nodes[n].y = round(y + shift, 1)


def _edges(G: nx.MultiDiGraph) -> list[Edge]:
    edges = []
    for i, (u, v, k, data) in enumerate(G.edges(keys=True, data=True)):
        color, width, dashed, _ = ROLE_STYLE.get(k, ("#9aa3ab", 1.0, False, ""))
        edges.append(
            Edge(
                id=f"e{i}",
                source=u,
                target=v,
                label=str(data.get("label", k)),
                color=color,
                width=width,
                dashes=dashed,
                hidden=k == "includes",
                info={"label": str(data.get("label", k)), "via": []},
            )
        )
    return edges


def _guides(G: nx.MultiDiGraph, nodes: dict[str, Node]) -> list[list[tuple[float, float]]]:
    """A bracket from each umbrella down to its indented parts."""
    guides = []
    for u in G:
        parts = [
            v
            for _, v, k in G.out_edges(u, keys=True)
            if k == "includes"
            and abs(nodes[v].x - nodes[v].width / 2 - INDENT) < 1.0
            and nodes[v].y > nodes[u].y
        ]
        if not parts:
            continue
        x = INDENT / 2
        top = nodes[u].y + nodes[u].height / 2
        for v in sorted(parts, key=lambda p: nodes[p].y):
            guides.append([(x, top), (x, nodes[v].y), (INDENT, nodes[v].y)])
            top = nodes[v].y
    return guides


def _headings(G: nx.MultiDiGraph, nodes: dict[str, Node]) -> list[tuple[float, str, str]]:
    """Column headings: (x, text, alignment), over the left, middle and right columns."""
    right = [n.x - n.width / 2 for c, n in nodes.items() if G.nodes[c].get("side") == "right"]
    heads = [(-COLUMN_GAP, "Who commits", "right"), (0.0, "What (shade: status)", "left")]
    if right and not all(_is_commitment(G, c) for c in nodes):
        heads.append((min(right), "For whom, with whom", "left"))
    return heads


def _subtitle(G: nx.MultiDiGraph) -> str:
    commitments = sum(1 for n in G if _is_commitment(G, n))
    committers = {u for u, _, k in G.edges(keys=True) if k == "commits"}
    receivers = {v for _, v, k in G.edges(keys=True) if k in RECEIVING}
    whom = _count(len(receivers), "beneficiary or partner", "beneficiaries and partners")
    return (
        f"{_count(commitments, 'commitment')} by {_count(len(committers), 'committer')}, "
        f"for or with {whom}."
    )


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
