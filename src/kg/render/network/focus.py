"""One entity's neighbourhood in a view: finding the node by name, then cutting around it.

``--focus`` takes what people type (a label, an also-known-as name, ``skgr:slug``, an IRI),
so a miss names the closest labels instead of failing silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.errors import UsageError
from kg.model.namespaces import SKGR

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def find_node(G: nx.MultiDiGraph, entity: str) -> str:
    """A node id from an IRI, ``skgr:slug``, a slug, a label or an also-known-as name.

    Raises :class:`UsageError` naming close matches when nothing fits, because a typo in
    ``--focus`` is the most likely mistake.
    """
    import difflib

    text = entity.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text in G:
        return text
    if text.startswith("skgr:"):
        text = text[len("skgr:") :]
    if str(SKGR) + text in G:
        return str(SKGR) + text
    wanted = text.casefold()
    names: dict[str, str] = {}
    for n, data in G.nodes(data=True):
        for name in [data.get("label", "")] + data.get("also_known_as", "").split("; "):
            if name:
                names.setdefault(name.casefold(), n)
    if wanted in names:
        return names[wanted]
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    hint = (
        "did you mean " + " or ".join(repr(G.nodes[names[c]]["label"]) for c in close)
        if close
        else "give a label, skgr:slug or IRI of a node in this view"
    )
    raise UsageError(f"no node {entity!r} in this view", where="--focus", hint=hint)


def focus(G: nx.MultiDiGraph, entity: str, depth: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one entity, ``depth`` steps away whatever the edge direction.

    An edge is kept only if it is within ``depth`` steps too: it must touch a node nearer
    than ``depth``. So depth 1 is the entity and its own ties (a star), not every tie among
    its neighbours, which drew a near-complete graph. Each node gets ``distance`` (steps
    from the entity), ``graph["focus"]`` names the entity; nodes and edges keep ``G``'s
    order (a networkx subgraph would iterate a set, whose order follows the hash seed).
    """
    import networkx as nx

    if depth < 0:
        raise UsageError("depth must be 0 or more", where="--depth")
    centre = find_node(G, entity)
    dist = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, depth)
    sub = type(G)()
    sub.graph.update(G.graph)
    for n, data in G.nodes(data=True):
        if n in dist:
            sub.add_node(n, **{**data, "distance": dist[n]})
    for u, v, k, data in G.edges(keys=True, data=True):
        if u in dist and v in dist and min(dist[u], dist[v]) < depth:
            sub.add_edge(u, v, key=k, **data)
    sub.graph["focus"] = centre
    sub.graph["depth"] = depth
    return sub
