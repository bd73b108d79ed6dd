"""GraphML and GEXF files of a network, for Gephi, Cytoscape and yEd."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from kg.render.pictures.style import style_of

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def _scalar_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool, as GraphML and GEXF require."""
    H = G.copy()
    for _, data in list(H.nodes(data=True)) + [(None, d) for *_, d in H.edges(data=True)]:
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif not isinstance(value, str | int | float | bool):
                data[key] = str(value)
    H.graph = {k: str(v) for k, v in G.graph.items()}
    return H


def to_graphml(G: nx.MultiDiGraph) -> bytes:
    """GraphML, every attribute kept as a typed GraphML key."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(_scalar_graph(G), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def to_gexf(G: nx.MultiDiGraph) -> bytes:
    """GEXF, with each node coloured by its class (Gephi shows the viz colours directly)."""
    import networkx as nx

    H = _scalar_graph(G)
    # GEXF keeps colours and shapes in its viz module, which Gephi shows directly.
    for _, data in H.nodes(data=True):
        colour = style_of(data).color.lstrip("#")
        data["viz"] = {
            "color": {
                "r": int(colour[0:2], 16),
                "g": int(colour[2:4], 16),
                "b": int(colour[4:6], 16),
                "a": 1.0,
            }
        }
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()
