"""The actors view: who is tied to whom through agreements and commitments, and which way.

Actors only, with two kinds of derived edges:

* ``tie`` (no direction): a pair that are parties to the same agreements or commit to
  the same commitments together ("5 agreements · 2 joint");
* ``commitsTo`` (committer -> partner): commitments one makes to, or for, the other, the
  partner being a beneficiary, an actor involved or an organisation set up ("2
  commitments"), so the picture says who gives and who receives;

plus the direct actor-to-actor relations (leader of, member, belongs to, ...) copied as
they are. ``weight`` counts what an edge stands for, ``via`` names it (for the tooltip).
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

#: (actor, actor) in sorted order -> {"agreements": labels, "joint": labels}
Ties = dict[tuple[str, str], dict[str, set[str]]]
#: (committer, partner) -> commitment labels
Gifts = dict[tuple[str, str], set[str]]


def actors_view(full: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actor-to-actor ties (undirected) and commitments from one actor to another (directed)."""
    import networkx as nx

    out = nx.MultiDiGraph()
    out.graph["view"] = "actors"
    _copy_relations(full, out)
    ties, gifts = _collect(full)
    _add_ties(full, out, ties)
    _add_gifts(full, out, gifts)
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


def _pairs(items: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]


def _collect(full: nx.MultiDiGraph) -> tuple[Ties, Gifts]:
    """Who shares which agreements and joint commitments; who commits what to whom."""
    ties: Ties = defaultdict(lambda: {"agreements": set(), "joint": set()})
    gifts: Gifts = defaultdict(set)
    for n, data in full.nodes(data=True):
        by_key: dict[str, list[str]] = defaultdict(list)
        for _, v, k in full.out_edges(n, keys=True):
            if _is_actor(full, v):
                by_key[k].append(v)
        if data["group"] == "agreement":
            for a, b in _pairs(sorted(set(by_key.get("party", [])))):
                ties[(a, b)]["agreements"].add(data["label"])
        elif data["group"] == "commitment":
            committers = sorted(set(by_key.get("committedBy", [])))
            for a, b in _pairs(committers):
                ties[(a, b)]["joint"].add(data["label"])
            partners = {v for prop in _COMMITMENT_LINKS for v in by_key.get(local_name(prop), [])}
            for a in committers:
                for b in sorted(partners - {a}):
                    gifts[(a, b)].add(data["label"])
    return ties, gifts


def _counted(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _add_ties(full: nx.MultiDiGraph, out: nx.MultiDiGraph, ties: Ties) -> None:
    """One undirected ``tie`` per pair, in sorted pair order, counting what they share."""
    for (a, b), via in sorted(ties.items()):
        out.add_node(a, **full.nodes[a])
        out.add_node(b, **full.nodes[b])
        n_agr, n_joint = len(via["agreements"]), len(via["joint"])
        parts = [_counted(n_agr, "agreement")] if n_agr else []
        parts += [f"{n_joint} joint"] if n_joint else []
        out.add_edge(
            a,
            b,
            key="tie",
            label=" · ".join(parts),
            predicate="tie",
            weight=n_agr + n_joint,
            agreements=n_agr,
            commitments=n_joint,
            via="; ".join(sorted(via["agreements"]) + sorted(via["joint"])),
            directed=False,
        )


def _add_gifts(full: nx.MultiDiGraph, out: nx.MultiDiGraph, gifts: Gifts) -> None:
    """One ``commitsTo`` edge per (committer, partner), in sorted order."""
    for (a, b), via in sorted(gifts.items()):
        out.add_node(a, **full.nodes[a])
        out.add_node(b, **full.nodes[b])
        out.add_edge(
            a,
            b,
            key="commitsTo",
            label=_counted(len(via), "commitment"),
            predicate="commitsTo",
            weight=len(via),
            agreements=0,
            commitments=len(via),
            via="; ".join(sorted(via)),
            directed=True,
        )
