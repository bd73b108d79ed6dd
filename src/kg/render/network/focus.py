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

    Names go through the lookup every command shares (:mod:`kg.query.names`: case, accents
    and partial names forgiven, a person before a place). Raises :class:`UsageError`
    naming close matches when nothing fits, because a typo in ``--focus`` is the most
    likely mistake.
    """
    from kg.query.names import Entry, NameIndex, kind_rank

    text = entity.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text in G:
        return text
    if text.startswith("skgr:"):
        text = text[len("skgr:") :]
    if str(SKGR) + text in G:
        return str(SKGR) + text
    entries = []
    for n, data in G.nodes(data=True):
        label = data.get("label", "") or n
        rank = kind_rank([data.get("class", "")])
        for name in [label, *data.get("also_known_as", "").split("; "), n.rsplit("/", 1)[-1]]:
            if name:
                entries.append(Entry(n, name, label, rank=rank))
    found = NameIndex(entries).lookup(text)
    if found.node is not None:
        return found.node
    close = [repr(c.label) for c in found.candidates[:3]]
    if found.ambiguous:
        message = f"{entity!r} names {len(found.candidates)} nodes in this view"
        hint = "which one: " + " or ".join(close)
    else:
        message = f"no node {entity!r} in this view"
        hint = "did you mean " + " or ".join(close) if close else ""
    raise UsageError(
        message,
        where="--focus",
        hint=hint or "give a label, skgr:slug or IRI of a node in this view",
    )


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
