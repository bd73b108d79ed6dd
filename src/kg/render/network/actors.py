"""The actors view: who is tied to whom through agreements and commitments.

Actors only, one ``tie`` edge per pair of actors that share agreements or commitments
(``weight`` = number of shared agreements and commitments, ``via`` lists them), plus the
direct actor-to-actor relations (leader of, member, belongs to, ...) copied as they are.
Built from the full projection (:mod:`kg.render.network.project`), never from RDF.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.model.namespaces import ORG, SKG
from kg.render.network.terms import local_name

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: Edges of the actors view that are copied as they are (actor-to-actor relations).
_ACTOR_RELATIONS = {
    SKG.leaderOf,
    SKG.groupMember,
    SKG.ownedBy,
    SKG.seatIn,
    ORG.subOrganizationOf,
}

#: Which properties tie two actors in the actors view, and how.
_COMMITMENT_LINKS = (SKG.beneficiary, SKG.involves, SKG.establishes)

#: (actor, actor) in sorted order -> {"agreements": labels, "commitments": labels}
Ties = dict[tuple[str, str], dict[str, set[str]]]


def actors_view(full: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actor-to-actor ties: shared agreements (co-parties) and commitments.

    Ties through agreements and commitments are merged into ONE undirected-looking edge
    per pair, so the picture shows each pair once, with the count as weight; the agreement
    and commitment labels are kept in ``via`` for the tooltip.
    """
    import networkx as nx

    out = nx.MultiDiGraph()
    _copy_relations(full, out)
    _add_ties(full, out, _collect_ties(full))
    return out


def _is_actor(full: nx.MultiDiGraph, n: str) -> bool:
    return full.nodes[n]["group"] == "actor"


def _copy_relations(full: nx.MultiDiGraph, out: nx.MultiDiGraph) -> None:
    """The direct actor-to-actor edges (leader of, member of, ...), as they are."""
    for u, v, k, data in full.edges(keys=True, data=True):
        if (
            _is_actor(full, u)
            and _is_actor(full, v)
            and URIRef(data["predicate"]) in _ACTOR_RELATIONS
        ):
            out.add_node(u, **full.nodes[u])
            out.add_node(v, **full.nodes[v])
            out.add_edge(u, v, key=k, **data)


def _collect_ties(full: nx.MultiDiGraph) -> Ties:
    """Who shares which agreements (as co-parties) and commitments (committer and partner)."""
    ties: Ties = defaultdict(lambda: {"agreements": set(), "commitments": set()})

    def tie(a: str, b: str, kind: str, via: str) -> None:
        if a != b:
            ties[(min(a, b), max(a, b))][kind].add(via)

    for n, data in full.nodes(data=True):
        if data["group"] == "agreement":
            parties = sorted(
                v for _, v, k in full.out_edges(n, keys=True) if k == "party" and _is_actor(full, v)
            )
            for i, a in enumerate(parties):
                for b in parties[i + 1 :]:
                    tie(a, b, "agreements", data["label"])
        elif data["group"] == "commitment":
            by_key: dict[str, list[str]] = defaultdict(list)
            for _, v, k in full.out_edges(n, keys=True):
                if _is_actor(full, v):
                    by_key[k].append(v)
            committers = sorted(by_key.get("committedBy", []))
            for i, a in enumerate(committers):
                for b in committers[i + 1 :]:
                    tie(a, b, "commitments", data["label"])
                for prop in _COMMITMENT_LINKS:
                    for b in by_key.get(local_name(prop), []):
                        tie(a, b, "commitments", data["label"])
    return ties


def _add_ties(full: nx.MultiDiGraph, out: nx.MultiDiGraph, ties: Ties) -> None:
    """One ``tie`` edge per pair, in sorted pair order, counting and naming what they share."""
    for (a, b), via in sorted(ties.items()):
        out.add_node(a, **full.nodes[a])
        out.add_node(b, **full.nodes[b])
        n_agr, n_com = len(via["agreements"]), len(via["commitments"])
        parts = []
        if n_agr:
            parts.append(f"{n_agr} agreement{'s' if n_agr > 1 else ''}")
        if n_com:
            parts.append(f"{n_com} commitment{'s' if n_com > 1 else ''}")
        out.add_edge(
            a,
            b,
            key="tie",
            label=", ".join(parts),
            predicate="tie",
            weight=n_agr + n_com,
            agreements=n_agr,
            commitments=n_com,
            via="; ".join(sorted(via["agreements"]) + sorted(via["commitments"])),
            directed=False,
        )
