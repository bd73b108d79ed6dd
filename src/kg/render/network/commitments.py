"""The commitments view: who commits what to whom, as sentences one can read off the edges.

Each commitment (or project) becomes a node between the actors around it, with the edges
turned so they read in the reading order of a sentence:

    committer --commits--> commitment --benefits--> beneficiary
    announcer --announced--> commitment --establishes / involves--> organisation
    umbrella --includes--> part

Each commitment also carries its ``band``: who stands behind it, seen from the actor that
commits most on its own (the *lead*; China here): the lead's own pledges, joint
commitments (the lead with others, or a group the lead belongs to), the other side's own
commitments (named after the group its committers belong to), then any other committer.
Each actor carries its ``side``: ``left`` for the lead and those who speak for it or stand
beside it, ``right`` for those the commitments go to and the partners on the other side.
The pictures use both to group and place; network files keep them as attributes.
Built from the full projection (:mod:`kg.render.network.project`), never from RDF.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from kg.model.namespaces import SCHEMA, SKG

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

#: predicate -> (role, whether the edge is turned round to read as a sentence)
ROLES: dict[URIRef, tuple[str, bool]] = {
    SKG.committedBy: ("commits", True),
    SKG.announcedBy: ("announced", True),
    SKG.beneficiary: ("benefits", False),
    SKG.establishes: ("establishes", False),
    SKG.involves: ("involves", False),
}
#: roles whose actor is on the receiving end (drawn on the right)
RECEIVING = frozenset({"benefits", "establishes", "involves"})

#: Edges from a commitment to another node, kept as words for the tooltip.
_CONTEXT: dict[URIRef, str] = {
    SKG.madeAt: "made_at",
    SKG.location: "located_in",
    SCHEMA.location: "located_in",
    SKG.connects: "connects",
    SKG.concerns: "concerns",
    SKG.underAgreement: "under_agreement",
    SKG.partOfInitiative: "initiative",
}


def commitments_view(full: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Commitments and the actors who commit, announce, benefit or are set up by them."""
    import networkx as nx

    commitments = [n for n, d in full.nodes(data=True) if d["group"] == "commitment"]
    edges = _role_edges(full, set(commitments))
    used = set(commitments) | {u for u, _, _, _ in edges} | {v for _, v, _, _ in edges}
    out = nx.MultiDiGraph()
    out.graph["view"] = "commitments"
    for n, data in full.nodes(data=True):  # the projection's (sorted) order
        if n in used:
            out.add_node(n, **data)
    for c in commitments:
        out.nodes[c].update(_context(full, c))
    for u, v, role, predicate in edges:
        out.add_edge(
            u,
            v,
            key=role,
            label=role,
            role=role,
            predicate=str(predicate),
            weight=1,
            directed=True,
        )
    _assign_bands(out, _members(full))
    return out


def _role_edges(full: nx.MultiDiGraph, commitments: set[str]) -> list[tuple[str, str, str, Any]]:
    """(from, to, role, predicate) for every role edge, in the projection's edge order."""
    edges = []
    for u, v, data in full.edges(data=True):
        if u not in commitments:
            continue
        pred = URIRef(data["predicate"])
        if pred == DCTERMS.hasPart and v in commitments:
            edges.append((u, v, "includes", pred))
        elif pred in ROLES and full.nodes[v]["group"] == "actor":
            role, turned = ROLES[pred]
            edges.append((v, u, role, pred) if turned else (u, v, role, pred))
    return edges


def _context(full: nx.MultiDiGraph, c: str) -> dict[str, str]:
    """Where, at which event, under what: words for the tooltip, and the due year."""
    found: dict[str, list[str]] = defaultdict(list)
    for _, v, data in full.out_edges(c, data=True):
        key = _CONTEXT.get(URIRef(data["predicate"]))
        if key:
            found[key].append(full.nodes[v]["label"])
    for u, _, data in full.in_edges(c, data=True):
        if URIRef(data["predicate"]) == DCTERMS.hasPart:
            found["part_of"].append(full.nodes[u]["label"])
    attrs = {key: "; ".join(sorted(set(found[key]))) for key in sorted(found)}
    due = due_year(full, c)
    if due:
        attrs["due_year"] = due
    return attrs


def due_year(full: nx.MultiDiGraph, c: str) -> str:
    """The stated target year, else the year it was made plus a duration in whole years."""
    data = full.nodes[c]
    if data.get("target_year"):
        return str(data["target_year"])
    years = re.fullmatch(r"(\d+) years?", str(data.get("duration", "")))
    if not years:
        return ""
    for _, v, edge in full.out_edges(c, data=True):
        if URIRef(edge["predicate"]) == SKG.madeAt:
            event = full.nodes[v]
            made = str(event.get("year") or str(event.get("start_date", ""))[:4])
            if made.isdigit():
                return str(int(made) + int(years.group(1)))
    return ""


def _members(full: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Each group of actors -> its members (sorted)."""
    members: dict[str, list[str]] = defaultdict(list)
    for u, v, data in full.edges(data=True):
        if URIRef(data["predicate"]) == SKG.groupMember:
            members[u].append(v)
    return {g: sorted(m) for g, m in members.items()}


def _assign_bands(G: nx.MultiDiGraph, members: dict[str, list[str]]) -> None:
    """Set ``band``, ``band_title`` and ``band_rank`` on commitments, ``side`` on actors."""
    committers = {
        n: sorted(u for u, _, k in G.in_edges(n, keys=True) if k == "commits")
        for n, d in G.nodes(data=True)
        if d["group"] == "commitment"
    }
    lead = _lead(G, committers, members)

    def expand(a: str) -> set[str]:
        return set(members.get(a, ())) or {a}

    bands: dict[str, tuple[int, str, str]] = {}
    other_side: set[str] = set()
    for c, who in committers.items():
        everyone = set().union(*(expand(a) for a in who)) if who else set()
        if not who:
            bands[c] = (9, "none", "No committer named")
        elif everyone == {lead}:
            bands[c] = (0, "lead", f"{G.nodes[lead]['label']}'s pledges")
        elif lead in everyone:
            bands[c] = (1, "joint", "Joint commitments")
        else:
            group = _smallest_group(everyone, members, lead)
            if group is not None:
                other_side |= {group, *members[group]}
                bands[c] = (2, "side", f"{G.nodes[group]['label']} on their own")
            else:
                title = G.nodes[who[0]]["label"] if len(who) == 1 else "Other committers"
                bands[c] = (3, "other", title)
    for c, (rank, band, title) in bands.items():
        G.nodes[c].update(band=band, band_title=title, band_rank=rank)
    _assign_sides(G, lead, members, bands, other_side)


def _lead(
    G: nx.MultiDiGraph, committers: dict[str, list[str]], members: dict[str, list[str]]
) -> str | None:
    """The actor with the most commitments of its own (ties: the first label)."""
    alone = Counter(w[0] for w in committers.values() if len(w) == 1 and w[0] not in members)
    if not alone:
        return None
    return min(alone, key=lambda a: (-alone[a], G.nodes[a]["label"], a))


def _smallest_group(everyone: set[str], members: dict[str, list[str]], lead: str | None) -> Any:
    """The smallest group that holds all of ``everyone`` and not the lead, if any."""
    fits = [(len(m), g) for g, m in members.items() if everyone <= set(m) and lead not in set(m)]
    return min(fits)[1] if fits else None


def _assign_sides(
    G: nx.MultiDiGraph,
    lead: str | None,
    members: dict[str, list[str]],
    bands: dict[str, tuple[int, str, str]],
    other_side: set[str],
) -> None:
    """``right`` for receivers, the other side and partners of joint commitments."""
    for n, data in G.nodes(data=True):
        if data["group"] != "actor":
            continue
        roles = {(k, bands.get(v, (0, "", ""))[1]) for _, v, k in G.out_edges(n, keys=True)}
        receives = any(k in RECEIVING for _, _, k in G.in_edges(n, keys=True))
        with_lead = n == lead or lead in members.get(n, ())
        partner = any(r == "commits" and b in ("joint", "side") for r, b in roles)
        right = receives or n in other_side or (partner and not with_lead)
        data["side"] = "right" if right else "left"
