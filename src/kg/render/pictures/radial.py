"""The focus picture: the entity in the middle, each step further out on its own ring.

A ring is as wide as its labels need; nodes on a ring keep to the angle of the node that
brought them in, so branches stay together. The depth asked for is exactly the number of
rings, which the picture makes plain at a glance.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kg.render.pictures.geometry import EDGE_FONT
from kg.render.pictures.layout import separate, widen
from kg.render.pictures.scene import Node
from kg.render.pictures.textsize import text_width

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

RING_GAP = 50.0  # between rings, besides room for the longest edge label


def radial_layout(G: nx.MultiDiGraph, nodes: dict[str, Node], centre: str) -> None:
    """Place ``nodes`` on rings around ``centre`` by their ``distance`` attribute."""
    rings: dict[int, list[str]] = {}
    for n, data in G.nodes(data=True):
        rings.setdefault(int(data.get("distance", 0) if n != centre else 0), []).append(n)
    nodes[centre].x = nodes[centre].y = 0.0
    room = RING_GAP + max(
        (text_width(str(d.get("label", "")), EDGE_FONT) for *_, d in G.edges(data=True)),
        default=0.0,
    )
    angle: dict[str, float] = {centre: -math.pi / 2}
    radius = 0.0
    for d in sorted(k for k in rings if k > 0):
        members = sorted(rings[d], key=lambda n: (_parent_angle(G, n, angle, d), _key(G, n)))
        widths = [_extent(nodes[n]) for n in members]
        previous = max((_extent(nodes[n]) for n in rings.get(d - 1, [])), default=0.0)
        radius = max(radius + previous / 2 + room + max(widths) / 2, sum(widths) / math.tau)
        start = -math.pi / 2 if d == 1 else _parent_angle(G, members[0], angle, d)
        total = sum(widths)
        walked = 0.0
        for n, w in zip(members, widths, strict=True):
            a = start + math.tau * (walked + w / 2) / total
            walked += w
            angle[n] = a
            nodes[n].x = round(radius * math.cos(a), 1)
            nodes[n].y = round(radius * math.sin(a), 1)
    widen(list(nodes.values()), aspect=1.4, turn=False)  # rings as ellipses: screens are wide
    separate(list(nodes.values()))


def _extent(node: Node) -> float:
    """The room a node needs along its ring: the larger side of its box, plus a gap."""
    left, top, right, bottom = node.box()
    return max(right - left, bottom - top) + 16.0


def _key(G: nx.MultiDiGraph, n: str) -> tuple[str, str]:
    data = G.nodes[n]
    return (str(data.get("group", "")), str(data.get("label", n)))


def _parent_angle(G: nx.MultiDiGraph, n: str, angle: dict[str, float], d: int) -> float:
    """The angle of the first neighbour one ring in (0 for the first ring's ordering)."""
    if d == 1:
        return 0.0
    inner = [
        m
        for m in sorted(set(G.predecessors(n)) | set(G.successors(n)))
        if G.nodes[m].get("distance") == d - 1 and m in angle
    ]
    if not inner:
        return 0.0
    return (angle[inner[0]] + math.pi / 2) % math.tau - math.pi / 2
