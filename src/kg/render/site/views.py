"""The right pictures of an answer: a timeline where rows have dates or years, a bar chart
where they have amounts, the network of the resources the answer names.

Each function reads the answer's terms (never its rendered text) and returns plain data
that ``static/views.js`` hands to plotly.js or vis-network, or None when the view does not
apply. What counts:

* a **date** is an ``xsd:date`` or ``xsd:gYear`` literal, or a string written as one
  ("2025", "2025-06-16": the timeline question mixes both); an integer in a column whose
  name ends in "year" is a year too. One mark per row and date column.
* an **amount** is an ``xsd:decimal`` in the answer's first decimal column; its unit is
  the row's ``currency`` or ``unit`` cell. Amounts in different units are never drawn on
  one axis: one chart per unit, one bar per row that has a value.
* the **network** holds every resource the answer names, by IRI or by label (a cell
  "China | Kazakhstan" names two states), and every statement of the graph between them.

May use: rdflib, :mod:`kg.render.network.styles`, ``site.base``, ``answers``, ``links``.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.model.evidence.words import literal_words, property_label
from kg.render.network.styles import CLASS_STYLE, CONCEPT_STYLE
from kg.render.site.answers import Answer
from kg.render.site.base import SiteData, class_name_of
from kg.render.site.links import Links

_DATE_TEXT = re.compile(r"\d{4}(-\d{2}-\d{2})?")


def _date(term: Any, column: str) -> str | None:
    """The ISO text of a date or year cell, or None."""
    if not isinstance(term, Literal):
        return None
    text = str(term)
    if term.datatype in (XSD.date, XSD.gYear) or (
        term.datatype in (None, XSD.string) and _DATE_TEXT.fullmatch(text)
    ):
        return text if _DATE_TEXT.fullmatch(text) else None
    if term.datatype == XSD.integer and column.lower().endswith("year") and len(text) == 4:
        return text
    return None


def row_label(site: SiteData, answer: Answer, row: dict[str, Any]) -> tuple[str, str | None]:
    """What a mark is called: the first resource of the row that has a page, else the
    first text cell. Returns (label, the resource's IRI or None)."""
    for v in answer.variables:
        term = row.get(v)
        if isinstance(term, URIRef) and site.has_page(term):
            return site.label(term), str(term)
    for v in answer.variables:
        term = row.get(v)
        if isinstance(term, Literal) and term.datatype in (None, XSD.string):
            return str(term), None
    return "(row)", None


def timeline(site: SiteData, answer: Answer, links: Links) -> dict[str, Any] | None:
    """Marks for the timeline: one per row and date column; None if no cell is a date."""
    if answer.kind != "SELECT":
        return None
    columns = [v for v in answer.variables if any(_date(r.get(v), v) for r in answer.rows)]
    what = next((v for v in answer.variables if v in ("happening", "role", "basis")), None)
    marks = []
    for row in answer.rows:
        label, iri = row_label(site, answer, row)
        for column in columns:
            when = _date(row.get(column), column)
            if when is None:
                continue
            note = str(row[what]) if what and row.get(what) is not None else column
            marks.append(
                {
                    "when": when,
                    "year_only": len(when) == 4,
                    "label": label,
                    "series": column,
                    "note": note,
                    "href": links.resource(iri) if iri else None,
                }
            )
    if not marks:
        return None
    marks.sort(key=lambda m: (m["when"], m["label"]))
    return {"columns": columns, "marks": marks}


def _amount_column(answer: Answer) -> str | None:
    for v in answer.variables:
        if any(isinstance(r.get(v), Literal) and r[v].datatype == XSD.decimal for r in answer.rows):
            return v
    return None


def bar_chart(site: SiteData, answer: Answer, links: Links) -> dict[str, Any] | None:
    """Bars for the amounts, grouped by unit; None if the answer has no amount."""
    if answer.kind != "SELECT":
        return None
    column = _amount_column(answer)
    if column is None:
        return None
    units = [v for v in answer.variables if v.lower() in ("currency", "unit")]
    qualifier = next((v for v in answer.variables if v.lower() == "qualifier"), None)
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in answer.rows:
        term = row.get(column)
        if not isinstance(term, Literal) or term.datatype != XSD.decimal:
            continue
        unit = next((str(row[u]) for u in units if row.get(u) is not None), "(no unit)")
        label, iri = row_label(site, answer, row)
        how = str(row[qualifier]) if qualifier and row.get(qualifier) else ""
        words = [how if how != "exact" else "", literal_words(term), unit if units else ""]
        groups.setdefault(unit, []).append(
            {
                "label": label,
                "value": float(term),
                "text": " ".join(w for w in words if w and w != "(no unit)"),
                "qualifier": how,
                "href": links.resource(iri) if iri else None,
            }
        )
    charts = [
        {"unit": unit, "bars": sorted(bars, key=lambda b: -b["value"])}
        for unit, bars in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    return {"column": column, "charts": charts} if charts else None


def _named(site: SiteData, answer: Answer) -> list[URIRef]:
    """Resources the answer names: by IRI, or by a label in a text cell."""
    by_label: dict[str, URIRef] = {}
    for node in site.pages:
        if node not in site.annotation_set:
            by_label.setdefault(site.label(node), node)
    found: set[URIRef] = set()
    for row in answer.rows:
        for term in row.values():
            if isinstance(term, URIRef) and site.has_page(term) and term not in site.annotation_set:
                found.add(term)
            elif isinstance(term, Literal) and term.datatype in (None, XSD.string):
                for part in re.split(r" \| |; ", str(term)):
                    if part in by_label:
                        found.add(by_label[part])
    return sorted(found)


def network(site: SiteData, answer: Answer, links: Links) -> dict[str, Any] | None:
    """Nodes and edges of the answer's network; None with fewer than two linked nodes."""
    nodes = _named(site, answer)
    chosen = set(nodes)
    graph = site.graph
    edges = []
    for s in nodes:
        for p, o in graph.predicate_objects(s):
            if o in chosen and o != s and p != RDF.type:
                edges.append(
                    {
                        "from": str(s),
                        "to": str(o),
                        "label": property_label(graph, p),
                        "from_label": site.label(s),
                        "to_label": site.label(o),
                    }
                )
    linked = {e["from"] for e in edges} | {e["to"] for e in edges}
    if len(linked) < 2:
        return None
    drawn = []
    for node in nodes:
        name = class_name_of(site.class_of(node))
        style = CLASS_STYLE.get(name, CONCEPT_STYLE)
        drawn.append(
            {
                "id": str(node),
                "label": site.label(node),
                "class": site.class_label(site.class_of(node)),
                "color": style.color,
                "shape": style.shape,
                "href": links.resource(str(node)),
            }
        )
    edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    return {"nodes": drawn, "edges": edges}
