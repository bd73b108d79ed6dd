"""A page per named question: what it asks, the answer as a table that sorts and filters,
CSV and JSON downloads, and the views that fit the answer (timeline, bar chart, network).

The list of all questions (``queries/index.html``) is here too. Both take an already
computed :class:`~kg.render.site.answers.Answer` when a build has one, so the home page and
the question's page share one run of the query.

May use: :mod:`kg.query.catalogue`, the ``site`` modules below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.query import catalogue
from kg.render.site.answers import Answer, answer_question, answer_table
from kg.render.site.base import SiteData, render, site_data
from kg.render.site.links import Links
from kg.render.site.views import bar_chart, network, timeline

#: what each download is, for the page
DOWNLOADS = {
    ".csv": "CSV (W3C SPARQL results)",
    ".json": "JSON (W3C SPARQL results)",
    ".ttl": "Turtle",
    ".jsonld": "JSON-LD",
}


def views_of(site: SiteData, answer: Answer, links: Links) -> dict[str, Any]:
    """The timeline, chart and network data of an answer (each None when it does not fit)."""
    return {
        "timeline": timeline(site, answer, links),
        "chart": bar_chart(site, answer, links),
        "network": network(site, answer, links),
    }


def _params_note(site: SiteData, answer: Answer) -> list[str]:
    from rdflib import URIRef

    notes = []
    for name, value in answer.params.items():
        shown = site.label(URIRef(value)) if site.has_page(URIRef(value)) else value
        notes.append(f"{name} = {shown}")
    return notes


def question_context(site: SiteData, answer: Answer, links: Links) -> dict[str, Any]:
    q = answer.question
    return {
        "name": q.name,
        "title": q.title or q.name,
        "description": q.description,
        "params": [
            {"name": p.name, "required": p.required, "type": p.type, "help": p.description}
            for p in q.params
        ],
        "used": _params_note(site, answer),
        "kind": answer.kind,
        "error": answer.error,
        "table": answer_table(site, answer, links),
        "downloads": [
            {"href": links.question(q.name, suffix), "label": DOWNLOADS[suffix]}
            for suffix in answer.downloads
        ],
        "views": views_of(site, answer, links),
        "sparql": q.text,
    }


def render_question_page(
    graph: Graph,
    name: str,
    *,
    links: Links | None = None,
    sources: Path | str | None = None,
    answer: Answer | None = None,
    site: SiteData | None = None,
) -> str:
    """The HTML page of the named question ``name`` (``queries/NAME``).

    An unknown name raises UsageError naming the closest questions (a server's 404).
    ``answer`` may be given when it was computed already (a build shares it with the home
    page); otherwise the question runs on ``graph`` here.
    """
    links = links or Links.files(1)
    site = site or site_data(graph, sources)
    if answer is None:
        answer = answer_question(site, catalogue.find(name))
    page = question_context(site, answer, links)
    return render("question.html", links, site, title=page["title"], page=page)


def render_questions_index(
    graph: Graph,
    *,
    links: Links | None = None,
    answers: dict[str, Answer] | None = None,
    site: SiteData | None = None,
) -> str:
    """Every named question with its description and how many rows its answer has."""
    links = links or Links.files(1)
    site = site or site_data(graph)
    items = []
    for name, q in catalogue.catalogue().items():
        answer = (answers or {}).get(name)
        items.append(
            {
                "name": name,
                "title": q.title or name,
                "description": q.description,
                "href": links.question(name),
                "rows": len(answer.rows) if answer is not None else None,
                "kind": answer.kind if answer is not None else "",
            }
        )
    return render("questions.html", links, site, title="Questions", items=items)
