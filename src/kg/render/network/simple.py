"""A multigraph collapsed to a simple undirected graph, what centrality and layouts expect.

Shared by the statistics (:mod:`kg.render.network.stats`) and the pictures, which size and
place nodes by the same ties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def simple_undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """Collapse parallel and opposite edges, summing weights: what centrality expects."""
    import networkx as nx

    out = nx.Graph()
    out.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        w = data.get("weight", 1)
        if out.has_edge(u, v):
            out[u][v]["weight"] += w
        else:
            out.add_edge(u, v, weight=w)
    return out
