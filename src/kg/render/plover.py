"""The summit's events as PLOVER event records (one JSON object a line), for joining with
PLOVER/POLECAT event data.

The record shape is the PLOVER manual's ("Data Fields"): ``id``, ``date`` (``enddate``),
``actor`` and ``recipient`` as lists of entity objects, ``event``, ``mode``, ``context``,
``cite_info`` and ``text_info``; entity objects carry the ISO 3166 ``code`` and the
Wikidata ``identifier_id`` where the maintainers hold them: outside knowledge, named in each
entity's ``kg_outside_knowledge``. Fields we add start with ``kg_``. No record holds the
article's words (``text`` and ``event_text`` stay out); ``text_info`` gives the offsets.

Which graph facts become which event category follows the manual's definitions (see
``docs/data-dictionary.md``):

* a summit (``skg:Summit``) with dates: CONSULT, mode ``multilateral``, the participating
  states as actors and no recipient (the manual's rule when all sides meet);
* an agreement adopted at an event or signed on a date: SUPPORT ("sign, or finalize an
  agreement or treaty"), its parties as actors;
* a commitment made at an event: pledged, agreed or planned is AGREE (a promise, including
  "broad promises of future AID"); under way or completed is AID when it benefits the
  recipient only, COOPERATE when the parties act together, SUPPORT when non-material.

A fact without a date in the graph, or whose actors the article leaves unnamed, gives no
record: PLOVER requires both, and the manual does not code unnamed or regional constructs.

May use: :mod:`kg.render.records`, rdflib, the standard library.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.model.namespaces import SKG, SKGR
from kg.render.records import Facts

CODEBOOK = "PLOVER manual, draft version 2.0 (openeventdata/PLOVER)"
AGREEMENT_CLASSES = (
    SKG.Agreement,
    SKG.Treaty,
    SKG.Declaration,
    SKG.BusinessDeal,
    SKG.CooperationDocument,
    SKG.SisterCityAgreement,
    SKG.TravelArrangement,
)
#: the order of a record's fields: the manual's first, ours (kg_) last
FIELDS = (
    "id",
    "date",
    "enddate",
    "actor",
    "recipient",
    "event",
    "mode",
    "context",
    "text_info",
    "cite_info",
    "kg_iri",
    "kg_label",
    "kg_paragraphs",
)
PROMISED = ("status-pledged", "status-agreed", "status-planned")
DONE = ("status-under-way", "status-completed")
#: kinds of commitment, once carried out: material help to the recipient, or joint action
AID_KINDS = ("kind-grant", "kind-training", "kind-security-assistance", "kind-access-to-finance")
COOPERATE_KINDS = (
    "kind-security-cooperation",
    "kind-partnership",
    "kind-institution",
    "kind-mechanism",
    "kind-exchange-programme",
    "kind-infrastructure-project",
    "kind-energy-project",
    "kind-investment",
)
#: our sectors and themes -> the manual's general contexts
SECTOR_CONTEXT = {
    "sector-counterterrorism": "terrorism",
    "sector-cybersecurity": "cyber",
    "sector-organised-crime": "crime",
    "sector-law-enforcement": "crime",
    "sector-policing": "crime",
    "sector-desertification-control": "environment",
    "sector-climate": "environment",
    "sector-livelihoods": "economic",
    "sector-trade-facilitation": "economic",
}
THEME_CONTEXT = {"theme-politics": "diplomatic", "theme-economy": "economic"}


def event_records(graph: Graph, *, corpus: str = "summit-kg") -> list[dict[str, Any]]:
    """Every record the graph supports, sorted by date then id."""
    facts = Facts(graph)
    records = [*_summits(facts), *_agreements(facts), *_commitments(facts)]
    for record in records:
        record["cite_info"] = _cite(facts, record.pop("_node"), corpus)
    ordered = [{k: r[k] for k in FIELDS if k in r} for r in records]
    return sorted(ordered, key=lambda r: (r["date"], r["id"]))


def to_jsonl(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _summits(facts: Facts) -> list[dict[str, Any]]:
    out = []
    for summit in facts.graph.subjects(RDF.type, SKG.Summit):
        start, end = facts.dates_of(summit)
        actors = _entities(facts, [p for p in facts.values(summit, SKG.participant)], strict=False)
        if start and actors:
            out.append(
                _record(facts, summit, "CONSULT", start, end, actors, None, ["multilateral"])
                | {"context": ["diplomatic"]}
            )
    return out


def _agreements(facts: Facts) -> list[dict[str, Any]]:
    out = []
    nodes = {a for cls in AGREEMENT_CLASSES for a in facts.graph.subjects(RDF.type, cls)}
    for agreement in sorted(nodes, key=str):
        event = facts.first(agreement, SKG.adoptedAt)
        signed = facts.first(agreement, SKG.signingDate)
        start, end = (str(signed), "") if signed is not None else _event_dates(facts, event)
        actors = _entities(facts, facts.values(agreement, SKG.party))
        if start and actors:
            context = "economic" if facts.is_a(agreement, SKG.BusinessDeal) else "diplomatic"
            out.append(
                _record(facts, agreement, "SUPPORT", start, end, actors, None, None)
                | {"context": [context]}
            )
    return out


def _commitments(facts: Facts) -> list[dict[str, Any]]:
    out = []
    nodes = {
        c for cls in (SKG.Commitment, SKG.Project) for c in facts.graph.subjects(RDF.type, cls)
    }
    for c in sorted(nodes, key=str):
        start, end = _event_dates(facts, facts.first(c, SKG.madeAt))
        actors = _entities(facts, facts.values(c, SKG.committedBy))
        category = _category(facts, c)
        if not (start and actors and category):
            continue
        recipients = _entities(facts, facts.values(c, SKG.beneficiary))
        if category == "COOPERATE" and not recipients:
            recipients = actors  # joint action: each party is also the other's recipient
        if category in ("AID", "COOPERATE") and not recipients:
            continue  # the manual requires a recipient for these
        record = _record(facts, c, category, start, end, actors, recipients, None)
        out.append(record | {"context": _contexts(facts, c)})
    return out


def _category(facts: Facts, c: Node) -> str:
    status, kind = _slug(facts.first(c, SKG.status)), _slug(facts.first(c, SKG.commitmentKind))
    if status in PROMISED:
        return "AGREE"
    if status not in DONE:
        return ""  # expected, or no status: nobody is reported to have acted
    if kind in AID_KINDS:
        return "AID"
    return "COOPERATE" if kind in COOPERATE_KINDS else "SUPPORT"


def _record(
    facts: Facts,
    node: Node,
    event: str,
    start: str,
    end: str,
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]] | None,
    mode: list[str] | None,
) -> dict[str, Any]:
    slug = _slug(node) or str(node).rsplit("/", 1)[-1]
    spans = facts.spans(node)
    record: dict[str, Any] = {"id": f"summit-kg-{slug}-{event.lower()}", "date": start}
    if end and end != start:
        record["enddate"] = end
    record |= {"actor": actors, "event": [event], "mode": mode}
    if recipients:
        record["recipient"] = recipients
    record |= {
        "text_info": {"start": spans[0][0], "end": spans[0][1]} if spans else None,
        "kg_iri": str(node),
        "kg_label": facts.label(node),
        "kg_paragraphs": facts.paragraphs(node),
        "_node": node,
    }
    return record


def _entities(facts: Facts, actors: list[Node], *, strict: bool = True) -> list[dict[str, Any]]:
    """Entity objects for the states behind ``actors``; [] if any cannot be named (strict)."""
    states: list[Node] = []
    for actor in actors:
        found = facts.states(actor)
        if found is None:
            if strict:
                return []
            continue
        states += [s for s in found if s not in states]
    return [_entity(facts, s) for s in sorted(states, key=lambda s: facts.label(s))]


def _entity(facts: Facts, state: Node) -> dict[str, Any]:
    code = facts.state_code(state)
    entity: dict[str, Any] = {"code": code.iso3 or None, "entity_text": code.label}
    outside = ["code"] if code.iso3 else []
    if code.wikidata:
        entity["identifier_id"] = code.wikidata
        outside.append("identifier_id")
    entity["kg_iri"] = code.iri
    entity["kg_outside_knowledge"] = outside
    return entity


def _contexts(facts: Facts, c: Node) -> list[str] | None:
    found = [
        SECTOR_CONTEXT[s] for s in map(_slug, facts.values(c, SKG.sector)) if s in SECTOR_CONTEXT
    ]
    if not found:
        found = [
            THEME_CONTEXT[t] for t in map(_slug, facts.values(c, SKG.theme)) if t in THEME_CONTEXT
        ]
    return sorted(set(found)) or None


def _event_dates(facts: Facts, event: Node | None) -> tuple[str, str]:
    return facts.dates_of(event) if event is not None else ("", "")


def _cite(facts: Facts, node: Node, corpus: str) -> dict[str, Any]:
    sources = facts.sources(node)
    publishers = facts.publishers(sources)
    return {
        "corpus": corpus,
        "citation": "; ".join(str(s) for s in sources),
        "title": facts.labels(sources),
        "publication": facts.labels(publishers),
        "language": "en",
        "codebook": CODEBOOK,
    }


def _slug(node: Node | None) -> str:
    text = str(node) if node is not None else ""
    return text[len(str(SKGR)) :] if text.startswith(str(SKGR)) else ""
