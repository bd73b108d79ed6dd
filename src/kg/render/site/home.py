"""The home page: the summit at a glance, with links into everything.

What was signed (the ``agreements`` question), who committed what (``who-committed-what``,
grouped by who commits), the key figures (``statistics`` and ``money``), the timeline
(``timeline``), counts per class, and the way to every question, class and the search.
Everything shown is an answer of a named question, so the home page and the question pages
cannot disagree, and a build runs each question once.

May use: :mod:`kg.query.catalogue`, the ``site`` modules below it; rdflib.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.model.evidence.words import literal_words, value_words
from kg.model.namespaces import SCHEMA, SKG
from kg.query import catalogue
from kg.render.site.answers import Answer, answer_question
from kg.render.site.base import SiteData, render, site_data
from kg.render.site.classes import class_rows
from kg.render.site.links import Links
from kg.render.site.views import timeline

#: the questions the home page is made of
HOME_QUESTIONS = ("agreements", "who-committed-what", "statistics", "money", "timeline")


def _link(site: SiteData, node: Any, links: Links) -> dict[str, Any]:
    href = links.resource(str(node)) if isinstance(node, URIRef) and site.has_page(node) else None
    return {"text": site.label(node) if isinstance(node, URIRef) else str(node), "href": href}


def _summit(site: SiteData, links: Links) -> dict[str, Any] | None:
    """The event the source article is about, with its dates, place and participants."""
    graph = site.graph
    source = next(iter(graph.subjects(RDF.type, SKG.SourceDocument)), None)
    event = graph.value(source, SCHEMA.about) if source is not None else None
    if not isinstance(event, URIRef):
        return None
    start, end = graph.value(event, SCHEMA.startDate), graph.value(event, SCHEMA.endDate)
    place = graph.value(event, SCHEMA.location)
    return {
        **_link(site, event, links),
        "when": " to ".join(literal_words(d) for d in (start, end) if isinstance(d, Literal)),
        "place": _link(site, place, links) if place is not None else None,
        "participants": sorted(
            (_link(site, p, links) for p in graph.objects(event, SKG.participant)),
            key=lambda p: p["text"],
        ),
        "themes": sorted(value_words(graph, t) for t in graph.objects(event, SKG.theme)),
    }


def _by_label(site: SiteData) -> dict[str, URIRef]:
    return {site.label(n): n for n in reversed(site.pages)}


def _committers(site: SiteData, answer: Answer | None, links: Links) -> list[dict[str, Any]]:
    """Who commits, each with the commitments they make (a joint one under each party)."""
    if answer is None:
        return []
    names = _by_label(site)
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in answer.rows:
        commitment = row.get("commitment")
        who = str(row.get("committedBy") or "not said")
        for name in re.split(r" \| ", who):
            groups.setdefault(name, []).append(_link(site, commitment, links))
    out = []
    for name, items in groups.items():
        node = names.get(name)
        out.append(
            {
                "text": name,
                "href": links.resource(str(node)) if node is not None else None,
                "commitments": sorted(items, key=lambda i: i["text"]),
            }
        )
    return sorted(out, key=lambda g: (-len(g["commitments"]), g["text"]))


def _amount(row: dict[str, Any], value: str, unit: str) -> str:
    qualifier = str(row.get("qualifier") or "")
    parts = [qualifier if qualifier != "exact" else ""]
    term = row.get(value)
    parts.append(literal_words(term) if isinstance(term, Literal) else "")
    parts.append(str(row.get(unit) or row.get("unit") or ""))
    return " ".join(p for p in parts if p)


def _figures(site: SiteData, answers: dict[str, Answer], links: Links) -> list[dict[str, Any]]:
    """The statistics and the money, each as "what: how much"."""
    found = []
    for name, holder, value in (("money", "holder", "value"), ("statistics", "statistic", "value")):
        answer = answers.get(name)
        for row in answer.rows if answer else []:
            found.append(
                {
                    **_link(site, row.get(holder), links),
                    "figure": _amount(row, value, "currency"),
                    "role": str(row.get("role") or row.get("measure") or ""),
                }
            )
    return found


def _signed(site: SiteData, answer: Answer | None, links: Links) -> list[dict[str, Any]]:
    rows = []
    for row in answer.rows if answer else []:
        date = row.get("signingDate")
        count = row.get("count")
        rows.append(
            {
                **_link(site, row.get("agreement"), links),
                "kind": str(row.get("kind") or ""),
                "date": literal_words(date) if isinstance(date, Literal) else "",
                "count": literal_words(count) if isinstance(count, Literal) else "",
                "value": _amount(row, "totalValue", "currency") if row.get("totalValue") else "",
            }
        )
    return rows


def home_answers(site: SiteData, names: list[str]) -> dict[str, Answer]:
    if not names:
        return {}
    known = catalogue.catalogue()
    return {n: answer_question(site, known[n]) for n in names if n in known}


def render_home(
    graph: Graph,
    *,
    links: Links | None = None,
    sources: Path | str | None = None,
    answers: dict[str, Answer] | None = None,
    site: SiteData | None = None,
) -> str:
    """The home page (``index.html``; a server's ``/``).

    ``answers`` (question name -> Answer) may hold the answers a build has already; the
    questions in :data:`HOME_QUESTIONS` missing from it are run here.
    """
    links = links or Links.files(0)
    site = site or site_data(graph, sources)
    answers = dict(answers or {})
    answers.update(home_answers(site, [n for n in HOME_QUESTIONS if n not in answers]))
    tl = answers.get("timeline")
    views = {"timeline": timeline(site, tl, links) if tl else None, "chart": None, "network": None}
    questions = [
        {"name": n, "title": q.title or n, "href": links.question(n)}
        for n, q in catalogue.catalogue().items()
    ]
    return render(
        "home.html",
        links,
        site,
        title="The summit at a glance",
        summit=_summit(site, links),
        signed=_signed(site, answers.get("agreements"), links),
        committers=_committers(site, answers.get("who-committed-what"), links),
        figures=_figures(site, answers, links),
        classes=class_rows(site, links),
        views=views,
        questions=questions,
        counts={
            "resources": len(site.pages) - len(site.annotation_set),
            "spans": len(site.annotations),
            "triples": len(graph),
        },
    )
