"""The commitments as a table that joins with AidData's Global Chinese Development Finance
dataset (GCDF 3.0): AidData's column names where our meaning matches, then our own.

One row per commitment (``skg:Commitment`` and ``skg:Project``), sorted by title. How each
column is derived, and where it differs from AidData's definition, is in
``docs/data-dictionary.md``; the rules that matter most:

* ``Status`` maps our ladder onto AidData's six values (:data:`STATUS`); "expected" has no
  counterpart (nobody has committed yet) and stays empty. Our status stays in ``kg_status``.
* ``Recommended For Aggregates`` is AidData's rule: ``Yes`` only for a row that reached the
  commitment, implementation or completion stage and is not an umbrella.
* ``Source Titles`` and ``Source Publishers`` name every source that reports the commitment:
  the article and each other report with a claim about it; ``kg_source_count`` counts them.
* Money only where the article gives it: ``Amount (Nominal USD)`` is filled only when the
  article states a US dollar figure; nothing is converted, deflated or estimated by us (no
  constant-2021 dollars). A project's estimated total cost is not a financing commitment and
  stays in ``kg_estimated_cost``.

May use: :mod:`kg.render.records`, rdflib, the standard library.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.model.namespaces import OA, SCHEMA, SKG, SKGR
from kg.render.records import SEP, Facts, spans_text

#: our status ladder -> AidData's status values (the other two, Suspended and Cancelled,
#: are never reported by the article)
STATUS = {
    "status-pledged": "Pipeline: Pledge",
    "status-agreed": "Pipeline: Commitment",
    "status-planned": "Pipeline: Commitment",
    "status-under-way": "Implementation",
    "status-completed": "Completion",
}
AIDDATA_STATUSES = (
    "Pipeline: Pledge",
    "Pipeline: Commitment",
    "Implementation",
    "Completion",
    "Suspended",
    "Cancelled",
)
#: the stages AidData recommends for aggregates
AGGREGATE_STAGES = ("Pipeline: Commitment", "Implementation", "Completion")
#: our kinds of commitment that are one of AidData's flow types
FLOW_TYPE = {"kind-grant": "Grant"}
EXACT = {"exact"}

AIDDATA_COLUMNS = (
    "Title",
    "Financier Country",
    "Recipient",
    "Recipient ISO-3",
    "Commitment Year",
    "Status",
    "Flow Type",
    "Amount (Original Currency)",
    "Original Currency",
    "Amount Estimated",
    "Amount (Nominal USD)",
    "Umbrella",
    "Recommended For Aggregates",
    "Source Titles",
    "Source Publishers",
)
OWN_COLUMNS = (
    "kg_iri",
    "kg_status",
    "kg_kind",
    "kg_committed_by",
    "kg_beneficiaries",
    "kg_beneficiary_iso3",
    "kg_amount_qualifier",
    "kg_usd_qualifier",
    "kg_quantity",
    "kg_quantity_unit",
    "kg_estimated_cost",
    "kg_estimated_cost_currency",
    "kg_estimated_cost_qualifier",
    "kg_start_year",
    "kg_target_year",
    "kg_duration",
    "kg_part_of",
    "kg_paragraphs",
    "kg_spans",
    "kg_source_count",
)
COLUMNS = AIDDATA_COLUMNS + OWN_COLUMNS


def commitment_rows(graph: Graph) -> list[dict[str, str]]:
    """Every commitment as one row of :data:`COLUMNS` (all cells text; '' when unknown)."""
    facts = Facts(graph)
    nodes = {c for cls in (SKG.Commitment, SKG.Project) for c in graph.subjects(RDF.type, cls)}
    rows = [_row(facts, c) for c in nodes]
    return sorted(rows, key=lambda r: (r["Title"].casefold(), r["kg_iri"]))


def to_csv(rows: list[dict[str, str]]) -> bytes:
    """The rows as CSV (RFC 4180, CRLF line ends), header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _row(facts: Facts, c: Node) -> dict[str, str]:
    committers = facts.values(c, SKG.committedBy)
    beneficiaries = facts.values(c, SKG.beneficiary)
    status = _slug(facts.first(c, SKG.status))
    umbrella = facts.has_parts(c)
    aid_status = STATUS.get(status, "")
    sources = _sources(facts, c)
    row = {
        "Title": facts.label(c),
        **_financier(facts, committers),
        **_recipient(facts, beneficiaries),
        "Commitment Year": _text(facts.year_of(facts.first(c, SKG.madeAt))),
        "Status": aid_status,
        "Flow Type": FLOW_TYPE.get(_slug(facts.first(c, SKG.commitmentKind)), ""),
        **_money(facts, facts.first(c, SKG.amount)),
        "Umbrella": "Yes" if umbrella else "No",
        "Recommended For Aggregates": (
            "Yes" if aid_status in AGGREGATE_STAGES and not umbrella else "No"
        ),
        "Source Titles": facts.labels(sources),
        "Source Publishers": facts.labels(facts.publishers(sources)),
        "kg_iri": str(c),
        "kg_status": facts.label(facts.first(c, SKG.status)) if status else "",
        "kg_kind": facts.label(facts.first(c, SKG.commitmentKind)),
        "kg_committed_by": facts.labels(committers),
        "kg_beneficiaries": facts.labels(beneficiaries),
        **_cost(facts, facts.first(c, SKG.estimatedCost)),
        "kg_start_year": _text(facts.first(c, SKG.startYear)),
        "kg_target_year": _text(facts.first(c, SKG.targetYear)),
        "kg_duration": _text(facts.first(c, SKG.duration)),
        "kg_part_of": SEP.join(str(u) for u in facts.umbrellas(c)),
        "kg_paragraphs": SEP.join(str(p) for p in facts.paragraphs(c)),
        "kg_spans": spans_text(facts.spans(c)),
        "kg_source_count": str(len(sources)),
    }
    return {column: row.get(column, "") for column in COLUMNS}


def _sources(facts: Facts, c: Node) -> list[Node]:
    """Every source that reports the commitment: the one it is derived from (the article)
    and each report with a claim about it (``skg:Claim`` with it as ``oa:hasBody``), whether
    the claim repeats the article's account or gives other values; AidData lists every
    source a record draws on."""
    found = set(facts.sources(c))
    for claim in facts.graph.subjects(OA.hasBody, c):
        if facts.is_a(claim, SKG.Claim):
            found.update(facts.sources(claim))
    return sorted(found, key=str)


def _financier(facts: Facts, committers: list[Node]) -> dict[str, str]:
    """A single committing state is the financier; a joint or unnamed one is not stated."""
    if len(committers) == 1 and facts.states(committers[0]) == [committers[0]]:
        return {"Financier Country": facts.label(committers[0])}
    return {}


def _recipient(facts: Facts, beneficiaries: list[Node]) -> dict[str, str]:
    states: list[Node] = []
    for b in beneficiaries:
        states += facts.states(b) or []
    codes = sorted({facts.state_code(s).iso3 for s in states} - {""})
    single = len(beneficiaries) == 1 and facts.states(beneficiaries[0]) == beneficiaries
    return {
        "Recipient": facts.labels(beneficiaries),
        "Recipient ISO-3": facts.state_code(beneficiaries[0]).iso3 if single else "",
        "kg_beneficiary_iso3": SEP.join(codes),
    }


def _money(facts: Facts, figure: Node | None) -> dict[str, str]:
    """The pledged figure: money in its currency, or a quantity with its unit."""
    if figure is None:
        return {}
    value = _text(facts.first(figure, SCHEMA.value))
    qualifier = facts.label(facts.first(figure, SKG.qualifier))
    currency = _text(facts.first(figure, SCHEMA.currency))
    if not currency:
        return {
            "kg_quantity": value,
            "kg_quantity_unit": facts.label(facts.first(figure, SKG.unit)),
            "kg_amount_qualifier": qualifier,
        }
    cells = {
        "Amount (Original Currency)": value,
        "Original Currency": currency,
        "Amount Estimated": "No" if qualifier in EXACT else "Yes",
        "kg_amount_qualifier": qualifier,
    }
    if currency == "USD":
        cells["Amount (Nominal USD)"] = value
        cells["kg_usd_qualifier"] = qualifier
    for eq in facts.values(figure, SKG.equivalent):
        if _text(facts.first(eq, SCHEMA.currency)) == "USD":  # stated by the source, not ours
            cells["Amount (Nominal USD)"] = _text(facts.first(eq, SCHEMA.value))
            cells["kg_usd_qualifier"] = facts.label(facts.first(eq, SKG.qualifier))
    return cells


def _cost(facts: Facts, figure: Node | None) -> dict[str, str]:
    if figure is None:
        return {}
    return {
        "kg_estimated_cost": _text(facts.first(figure, SCHEMA.value)),
        "kg_estimated_cost_currency": _text(facts.first(figure, SCHEMA.currency)),
        "kg_estimated_cost_qualifier": facts.label(facts.first(figure, SKG.qualifier)),
    }


def _slug(node: Node | None) -> str:
    text = str(node) if node is not None else ""
    return text[len(str(SKGR)) :] if text.startswith(str(SKGR)) else ""


def _text(value: Any) -> str:
    return "" if value is None else str(value)
