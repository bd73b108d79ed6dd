"""Where edges meet their nodes and where their labels go, and which labels fit.

An edge is drawn from border to border; its label sits at ``label_t`` of that visible part
(or at the middle of a curved edge, as vis-network puts it). A label is kept only if its
box is clear of every node and of the labels kept before it, so a crowded picture shows
fewer edge labels, never a heap of them; the tooltip always has the details. The page's
script repeats :func:`visible_segment` for edges dragged elsewhere.
"""

from __future__ import annotations

import math
from typing import Any

from kg.render.pictures.scene import Edge, Node, Scene
from kg.render.pictures.textsize import text_width

EDGE_FONT = 12.0
Box = tuple[float, float, float, float]


def snap(nodes: list[Node]) -> None:
    """Whole-pixel positions: vis-network cuts the fractions off, so the routes and labels
    worked out here must start from the positions it will really use."""
    for n in nodes:
        n.x, n.y = float(round(n.x)), float(round(n.y))


def _exit(node: Node, dx: float, dy: float) -> float:
    """How far along (dx, dy) from the node's centre its shape ends (as a fraction)."""
    if dx == 0 and dy == 0:
        return 0.0
    if node.inside:
        half_w, half_h = node.width / 2, node.height / 2
        tx = half_w / abs(dx) if dx else math.inf
        ty = half_h / abs(dy) if dy else math.inf
        return min(tx, ty)
    return node.size / math.hypot(dx, dy)


def visible_segment(a: Node, b: Node) -> tuple[tuple[float, float], tuple[float, float]]:
    """The part of the straight line between two centres that lies outside both shapes."""
    dx, dy = b.x - a.x, b.y - a.y
    t0 = min(_exit(a, dx, dy), 0.5)
    t1 = max(1 - _exit(b, -dx, -dy), 0.5)
    return (a.x + dx * t0, a.y + dy * t0), (a.x + dx * t1, a.y + dy * t1)


def border_point(start: tuple[float, float], node: Node) -> tuple[float, float]:
    """Where the line from ``start`` to the node's centre meets the node's shape."""
    dx, dy = node.x - start[0], node.y - start[1]
    t = 1 - min(_exit(node, -dx, -dy), 1.0)
    return start[0] + dx * t, start[1] + dy * t


def curve_via(a: Node, b: Node, roundness: float) -> tuple[float, float]:
    """vis-network's control point for a ``curvedCW`` edge (its formula, in Python)."""
    dx, dy = b.x - a.x, a.y - b.y
    dist = math.hypot(dx, dy)
    angle = (math.atan2(dy, dx) + (0.5 * roundness + 0.5) * math.pi) % (2 * math.pi)
    reach = (0.5 * roundness + 0.5) * dist
    return a.x + reach * math.sin(angle), a.y + reach * math.cos(angle)


def path_point(path: list[tuple[Any, ...]], t: float) -> tuple[float, float]:
    """The point at ``t`` (0..1) along a route's curved step (its first, if several)."""
    x, y = float(path[0][0]), float(path[0][1])
    for step in path[1:]:
        if step[0] == "C":
            x1, y1, x2, y2, x3, y3 = (float(v) for v in step[1:])
            u = 1 - t
            return (
                u**3 * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                u**3 * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
            )
        x, y = float(step[1]), float(step[2])
    return x, y


def label_point(edge: Edge, a: Node, b: Node, t: float = 0.5) -> tuple[float, float]:
    """Where the edge's label is centred."""
    if edge.path:
        return path_point(edge.path, t)
    if edge.curve:
        vx, vy = curve_via(a, b, edge.curve)
        return 0.25 * a.x + 0.5 * vx + 0.25 * b.x, 0.25 * a.y + 0.5 * vy + 0.25 * b.y
    (x0, y0), (x1, y1) = visible_segment(a, b)
    return x0 + (x1 - x0) * t, y0 + (y1 - y0) * t


def label_box(text: str, at: tuple[float, float], size: float = EDGE_FONT) -> Box:
    half_w, half_h = text_width(text, size) / 2 + 2, size / 2 + 1
    return (at[0] - half_w, at[1] - half_h, at[0] + half_w, at[1] + half_h)


def overlap(a: Box, b: Box, slack: float = 0.0) -> bool:
    """Whether two boxes overlap by more than ``slack`` pixels both ways."""
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def place_edge_labels(scene: Scene, priority: dict[str, float] | None = None) -> None:
    """Give each edge a ``label_at`` where its label fits; None where it would collide.

    Labels are tried heaviest first (``priority``: edge id -> weight), then in edge order,
    each at its preferred place along the edge, then at four others, mostly nearer the middle.
    """
    nodes = {n.id: n for n in scene.nodes}
    taken: list[Box] = [n.box() for n in scene.nodes]
    order = sorted(
        range(len(scene.edges)),
        key=lambda i: (-(priority or {}).get(scene.edges[i].id, 0.0), i),
    )
    for i in order:
        edge = scene.edges[i]
        edge.label_at = None
        if edge.hidden or not edge.label:
            continue
        a, b = nodes[edge.source], nodes[edge.target]
        t = float(edge.info.get("label_t", 0.5))
        # the preferred place, then a little nearer the middle, then past it
        for shift in (0.0, 0.15, -0.15, 0.3, 0.45):
            at = label_point(edge, a, b, min(max(t + (shift if t <= 0.5 else -shift), 0.1), 0.9))
            box = label_box(edge.label, at)
            if not any(overlap(box, other, -2.0) for other in taken):
                edge.label_at = (round(at[0], 1), round(at[1], 1))
                taken.append(box)
                break
