"""Network layouts that leave room for every label, and fill the canvas.

The connected part is laid out by stress (Kamada-Kawai: distances on paper follow the
steps in the graph) up to a hundred nodes, by a seeded spring layout beyond; nodes not
linked to it are set aside in rows under it, so they can no longer squeeze the rest into a
corner. Then boxes (shape and label) are pushed apart until no two overlap. Node order is
the graph's (sorted) order and every seed is fixed: the same layout on every run.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kg.render.network.simple import simple_undirected
from kg.render.pictures.scene import Band, Node

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

SEED = 7
ASIDE_GAP = 60.0


def connected_layout(G: nx.MultiDiGraph, nodes: dict[str, Node], spacing: float) -> list[Band]:
    """Place ``nodes``: the main components by stress, the isolated ones aside in rows.

    ``spacing`` is the length, in pixels, of one step between neighbours. Returns the strip
    that holds the nodes set aside (empty when there are none).
    """
    import networkx as nx

    U = simple_undirected(G)
    order = {n: i for i, n in enumerate(G)}
    comps = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(U)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    # the main part, and any other of a fair size, get a layout; the crumbs are set aside
    linked = [c for i, c in enumerate(comps) if i == 0 or len(c) >= max(6, len(comps[0]) // 10)]
    loose = [n for c in comps if c not in linked for n in c]
    x0 = 0.0
    for comp in linked:
        _stress(U.subgraph(comp), comp, nodes, spacing)
        members = [nodes[n] for n in comp]
        widen(members)
        separate(members)
        widen(members, turn=False)  # pushing labels apart tends to stack them up
        separate(members)
        left = min(nodes[n].box()[0] for n in comp)
        for n in comp:
            nodes[n].x += x0 - left
        x0 = max(nodes[n].box()[2] for n in comp) + ASIDE_GAP
    if not loose:
        return []
    return [_aside([nodes[n] for n in loose], [nodes[n] for c in linked for n in c])]


def _stress(U: nx.Graph, comp: list[str], nodes: dict[str, Node], spacing: float) -> None:
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(comp)
    H.add_edges_from(sorted((u, v) for u, v in U.edges() if u in H and v in H))
    if len(comp) <= 100:
        pos = nx.kamada_kawai_layout(H, pos=nx.circular_layout(H), weight=None)
        step = _mean_edge(H, pos)
    else:
        k = 1.0 / math.sqrt(len(comp))
        pos = nx.spring_layout(H, k=2.5 * k, iterations=400, seed=SEED, weight=None)
        step = _mean_edge(H, pos)
    scale = spacing / (step or 1.0)
    for n in comp:
        x, y = pos[n]
        nodes[n].x, nodes[n].y = float(x) * scale, float(y) * scale


def widen(nodes: list[Node], aspect: float = 1.5, turn: bool = True) -> None:
    """Turn the drawing so its long side lies across, then stretch it across up to
    ``aspect`` (width / height): screens and pages are wider than tall."""
    import numpy as np

    if len(nodes) < 3:
        return
    xy = np.array([[n.x, n.y] for n in nodes], dtype=float)
    xy -= xy.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(xy.T))
    if turn:
        main = vectors[:, int(np.argmax(values))]
        main = main if (main[0], main[1]) >= (0, 0) else -main  # one of the two, always
        xy = xy @ np.array([[main[0], main[1]], [-main[1], main[0]]]).T
    width, height = np.ptp(xy[:, 0]), np.ptp(xy[:, 1])
    if height > 0 and width / height < aspect:
        xy[:, 0] *= min(aspect * height / max(width, 1e-9), 1.6)
    for n, (x, y) in zip(nodes, xy, strict=True):
        n.x, n.y = float(x), float(y)


def _mean_edge(H: nx.Graph, pos: dict) -> float:
    lengths = [math.dist(pos[u], pos[v]) for u, v in H.edges()]
    return sorted(lengths)[len(lengths) // 2] if lengths else 1.0


def separate(nodes: list[Node], gap: float = 6.0, rounds: int = 400) -> None:
    """Push overlapping boxes (shape and label) apart, each pair along its easier axis."""
    import numpy as np

    if len(nodes) < 2:
        return
    x = np.array([n.x for n in nodes], dtype=float)
    y = np.array([n.y for n in nodes], dtype=float)
    boxes = [n.box() for n in nodes]
    # each box relative to its node's centre: it moves with the node
    left = np.array([b[0] - n.x for b, n in zip(boxes, nodes, strict=True)])
    top = np.array([b[1] - n.y for b, n in zip(boxes, nodes, strict=True)])
    right = np.array([b[2] - n.x for b, n in zip(boxes, nodes, strict=True)])
    bottom = np.array([b[3] - n.y for b, n in zip(boxes, nodes, strict=True)])
    upper = np.triu(np.ones((len(nodes), len(nodes)), dtype=bool), 1)
    for _ in range(rounds):
        ox = np.minimum((x + right)[:, None], (x + right)[None, :]) - np.maximum(
            (x + left)[:, None], (x + left)[None, :]
        )
        oy = np.minimum((y + bottom)[:, None], (y + bottom)[None, :]) - np.maximum(
            (y + top)[:, None], (y + top)[None, :]
        )
        hit = (ox > -gap) & (oy > -gap) & upper
        if not hit.any():
            break
        dx = np.zeros(len(nodes))
        dy = np.zeros(len(nodes))
        for i, j in zip(*np.nonzero(hit), strict=True):
            if ox[i, j] < oy[i, j]:
                push = (ox[i, j] + gap) / 2 * (1 if x[i] >= x[j] else -1)
                dx[i] += push
                dx[j] -= push
            else:
                push = (oy[i, j] + gap) / 2 * (1 if y[i] >= y[j] else -1)
                dy[i] += push
                dy[j] -= push
        x += dx * 0.6
        y += dy * 0.6
    for n, nx_, ny_ in zip(nodes, x, y, strict=True):
        n.x, n.y = round(float(nx_), 1), round(float(ny_), 1)


def _aside(loose: list[Node], placed: list[Node]) -> Band:
    """Unlinked nodes in rows under the rest, in their order, under a titled strip."""
    left = min((n.box()[0] for n in placed), default=0.0)
    right = max((n.box()[2] for n in placed), default=800.0)
    right = max(right, left + 600.0)
    top = max((n.box()[3] for n in placed), default=0.0) + ASIDE_GAP
    x, y, row_h = left, top + 34.0, 0.0
    for n in loose:
        box = n.box()
        w, h = box[2] - box[0], box[3] - box[1]
        if x + w > right and x > left:
            x, y = left, y + row_h + 14.0
            row_h = 0.0
        n.x = round(x - box[0] + n.x, 1)
        n.y = round(y - box[1] + n.y, 1)
        x += w + 24.0
        row_h = max(row_h, h)
    return Band("Not linked to the rest", left - 10, top, right + 10, y + row_h + 10, "#f7f7f7")
