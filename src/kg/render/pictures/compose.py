"""Which layout a graph gets, and the network pictures' nodes and edges.

The commitments view reads as sentences (:mod:`.columns`); a focus is drawn in rings
around its entity (:mod:`.radial`); every other view by stress with its loose nodes set
aside (:mod:`.layout`). Node size shows ``size_by`` (degree or betweenness); in big
pictures the smaller labels only appear when zoomed in, and concepts and statements can be
collapsed into one node per property or speaker.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

from kg.render.pictures.columns import commitments_scene
from kg.render.pictures.geometry import place_edge_labels, snap
from kg.render.pictures.layout import connected_layout
from kg.render.pictures.nodes import mark_focus, marker_node
from kg.render.pictures.radial import radial_layout
from kg.render.pictures.scene import Edge, Node, Scene
from kg.render.pictures.style import DEFAULT_EDGE, ROLE_STYLE, edge_legend, legend, sizes

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Above this many nodes a picture is "big": smaller labels, shown on zoom.
BIG = 60

#: Edge keys made by the actors view, drawn in their own style.
_DERIVED = frozenset({"tie", "commitsTo"})


def scene_of(
    G: nx.MultiDiGraph,
    *,
    title: str = "summit-kg",
    subtitle: str = "",
    size_by: str = "degree",
    paragraphs: dict[int, str] | None = None,
) -> Scene:
    """The picture of ``G``, laid out, ready for the page or a drawing."""
    if G.graph.get("view") == "commitments":
        return commitments_scene(G, title=title, subtitle=subtitle, paragraphs=paragraphs)
    return network_scene(G, title=title, subtitle=subtitle, size_by=size_by, paragraphs=paragraphs)


def network_scene(
    G: nx.MultiDiGraph,
    *,
    title: str,
    subtitle: str,
    size_by: str,
    paragraphs: dict[int, str] | None,
) -> Scene:
    """Markers by class, sized by importance; a focus in rings, the rest by stress."""
    nodes = _nodes(G, sizes(G, size_by), paragraphs)
    centre = G.graph.get("focus")
    bands = []
    if centre in nodes:
        mark_focus(nodes[centre])
        radial_layout(G, nodes, centre)
    else:
        bands = connected_layout(G, nodes, spacing=100.0 if len(G) > BIG else 200.0)
        if len(G) > BIG:
            _readable_at_a_glance(G, nodes, sizes(G, size_by))
    snap(list(nodes.values()))
    edges = _edges(G)
    n = G.number_of_nodes()
    scene = Scene(
        title=title,
        subtitle=subtitle or f"{n} nodes, {len(edges)} edges.",
        nodes=list(nodes.values()),
        edges=edges,
        legend=legend(G),
        note=_note(G, size_by, centre),
        bands=bands,
        edge_legend=edge_legend(sorted({k for *_, k in G.edges(keys=True)} & _DERIVED)),
        zoom_labels=n > BIG,
    )
    scene.clusters = _cluster_places(G, nodes)
    place_edge_labels(scene, {e.id: float(e.info.get("weight", 1)) for e in edges})
    return scene


def _cluster_places(G: nx.MultiDiGraph, nodes: dict[str, Node]) -> dict[str, list[object]]:
    """Each collapsed group sits on its member nearest the group's middle, with its count."""
    members: dict[str, list[Node]] = {}
    for n in G:
        if nodes[n].cluster:
            members.setdefault(nodes[n].cluster, []).append(nodes[n])
    places: dict[str, list[object]] = {}
    for name, group in sorted(members.items()):
        if len(group) < 2:
            continue
        mx = sum(m.x for m in group) / len(group)
        my = sum(m.y for m in group) / len(group)
        seat = min(group, key=lambda m: ((m.x - mx) ** 2 + (m.y - my) ** 2, m.id))
        what, _, whose = name.partition(": ")
        label = f"{len(group)} {what} {whose}".strip()
        places[name] = [seat.x, seat.y, label]
    return places


#: The page's drawing area in a 1400 x 900 window (the legend takes the right 250 px).
CANVAS = (1150.0, 800.0)
#: How many of the most important labels must be readable before any zooming.
AT_A_GLANCE = 16
#: vis-network skips a label drawn smaller than this many pixels (the page's drawThreshold).
SMALLEST = 9.0


def _readable_at_a_glance(
    G: nx.MultiDiGraph, nodes: dict[str, Node], size: dict[str, float]
) -> None:
    """Enlarge the top labels so they show at the scale the whole picture is first drawn at;
    the rest appear as the reader zooms in (the page hides labels smaller than SMALLEST)."""
    from kg.render.pictures.layout import separate
    from kg.render.pictures.textsize import block_width, wrap

    for _ in range(2):
        boxes = [n.box() for n in nodes.values()]
        width = max(b[2] for b in boxes) - min(b[0] for b in boxes) + 40
        height = max(b[3] for b in boxes) - min(b[1] for b in boxes) + 40
        fit = min(CANVAS[0] / width, CANVAS[1] / height, 1.0)
        top = sorted(G, key=lambda n: (-size.get(n, 0.0), str(G.nodes[n].get("label", n))))
        for n in top[:AT_A_GLANCE]:
            node = nodes[n]
            want = round(SMALLEST / fit + 0.5, 1)
            if node.font_size < want:
                node.font_size = want
                node.label = wrap(str(G.nodes[n].get("label", n)), want, 7 * want)
                node.width = block_width(node.label, want)
        separate(list(nodes.values()))


def _note(G: nx.MultiDiGraph, size_by: str, centre: object) -> str:
    parts = [f"Node size: {size_by}."]
    if centre is not None:
        depth = G.graph.get("depth", 1)
        parts.append(f"Thick ring: the focus; each ring one step further (depth {depth}).")
    if G.number_of_nodes() > BIG:
        parts.append(
            "Zoom in for more labels. Grey circles: statements grouped by speaker and "
            "concepts by property; double-click one to open it."
        )
    parts.append("Edge labels where they fit. Dashed border: outside knowledge.")
    return " ".join(parts)


def _nodes(
    G: nx.MultiDiGraph, size: dict[str, float], paragraphs: dict[int, str] | None
) -> dict[str, Node]:
    top = max(size.values(), default=1.0) or 1.0
    big = G.number_of_nodes() > BIG
    nodes = {}
    for n, data in G.nodes(data=True):
        share = math.sqrt(size.get(n, 0.0) / top)
        nodes[n] = marker_node(
            n,
            data,
            radius=round(7 + 21 * share, 1),
            font=round((11 + 15 * share) if big else (14 + 4 * share), 1),
            max_width=110.0 if big else 150.0,
            paragraphs=paragraphs,
        )
    if big:
        _clusters(G, nodes)
    return nodes


def _clusters(G: nx.MultiDiGraph, nodes: dict[str, Node]) -> None:
    """Concepts by the property that points at them; statements by their speaker."""
    for n, data in G.nodes(data=True):
        group = data.get("group")
        if group == "concept":
            keys = Counter(k for _, _, k in G.in_edges(n, keys=True))
            if keys:
                key = min(keys, key=lambda k: (-keys[k], k))
                nodes[n].cluster = f"concepts: of {key}"
        elif group == "statement":
            speakers = sorted(
                G.nodes[v]["label"] for _, v, k in G.out_edges(n, keys=True) if k == "speaker"
            )
            if speakers:
                nodes[n].cluster = f"statements: by {speakers[0]}"


def _edges(G: nx.MultiDiGraph) -> list[Edge]:
    """Edges styled by role; a second edge between the same pair is drawn curved."""
    edges = []
    seen: Counter[frozenset[str]] = Counter()
    for i, (u, v, k, data) in enumerate(G.edges(keys=True, data=True)):
        # the derived ties have a style of their own; a property keeps the plain one
        color, width, dashed, _ = ROLE_STYLE[k] if k in _DERIVED else DEFAULT_EDGE
        pair = frozenset((u, v))
        weight = float(data.get("weight", 1))
        via = [t for t in str(data.get("via", "")).split("; ") if t]
        edges.append(
            Edge(
                id=f"e{i}",
                source=u,
                target=v,
                label=str(data.get("label", "")),
                color=color,
                width=min(width + 0.6 * (weight - 1), 7.0),
                dashes=dashed,
                arrow=bool(data.get("directed", True)),
                curve=0.25 * seen[pair],
                info={"label": str(data.get("label", "")), "via": via, "weight": weight},
            )
        )
        seen[pair] += 1
    return edges
