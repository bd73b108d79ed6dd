"""What ``kg stats`` reports: counts per class and view, components, centrality, communities.

All of it as plain data (JSON-ready), computed on a view made simple and undirected, with
a fixed seed for Louvain so every run gives the same answer.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from kg.model.namespaces import SKG
from kg.render.network.project import Projector, view_of
from kg.render.network.simple import simple_undirected
from kg.render.network.terms import local_name
from kg.render.network.views import VIEWS, check_view

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx


def class_counts(graph: Graph) -> dict[str, int]:
    """Resources per class (direct rdf:type), for the summit-kg classes and SKOS concepts."""
    counts: Counter[str] = Counter()
    for t in set(graph.objects(None, RDF.type)):
        if str(t).startswith(str(SKG)) or t == SKOS.Concept:
            name = "Concept" if t == SKOS.Concept else local_name(t)
            counts[name] = len(set(graph.subjects(RDF.type, t)))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _top(scores: dict[str, float], G: nx.MultiDiGraph, n: int) -> list[dict[str, Any]]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], G.nodes[kv[0]]["label"]))[:n]
    return [
        {"label": G.nodes[k]["label"], "class": G.nodes[k]["class"], "iri": k, "score": round(v, 4)}
        for k, v in ranked
    ]


def network_stats(
    graph: Graph, *, view: str = "actors", top: int = 10, seed: int = 1
) -> dict[str, Any]:
    """Everything ``kg stats`` reports, as plain data (JSON-ready).

    Centrality and communities are computed on ``view`` made simple and undirected
    (parallel ties summed into a weight): who sits between whom does not depend on which
    way "committed by" points. Communities use Louvain with a fixed seed, so the answer is
    the same on every run.
    """
    import networkx as nx

    check_view(view)
    full = Projector(graph).full()
    views = {}
    chosen = None
    for name in VIEWS:
        G = view_of(full, name)
        views[name] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
        if name == view:
            chosen = G
    assert chosen is not None
    U = simple_undirected(chosen)
    components = sorted((len(c) for c in nx.connected_components(U)), reverse=True)
    degree = nx.degree_centrality(U) if len(U) > 1 else {n: 0.0 for n in U}
    betweenness = nx.betweenness_centrality(U, normalized=True)
    communities = (
        nx.community.louvain_communities(U, weight="weight", seed=seed)
        if U.number_of_edges()
        else []
    )
    communities = sorted(
        (sorted(U.nodes[n]["label"] for n in c) for c in communities), key=lambda c: (-len(c), c)
    )
    return {
        "classes": class_counts(graph),
        "views": views,
        "view": view,
        "components": {"count": len(components), "sizes": components},
        "degree_centrality": _top(degree, chosen, top),
        "betweenness_centrality": _top(betweenness, chosen, top),
        "communities": communities,
    }
