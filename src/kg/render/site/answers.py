"""A named question's answer, ready for a page: the terms, the table cells, the downloads.

Questions with a required parameter are answered for the example their header gives
("e.g. Tajikistan"): a static site cannot ask the reader, and the example is the value the
question's author chose to show. The page says which value was used.

Cells keep the terms' meaning: a resource is its label linked to its page, a number or a
date is shown in words ("25 billion", "17 June 2025") and sorted by its value.

May use: :mod:`kg.query` (catalogue, running, parameters), :mod:`kg.model`,
:mod:`kg.render.results` (the W3C CSV/JSON downloads), ``site.base`` and ``links``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.errors import KgError
from kg.model.evidence.words import literal_words, property_label
from kg.model.namespaces import compact
from kg.query.catalogue import Question
from kg.render.site.base import SiteData, fold, skgr_local
from kg.render.site.links import Links

_NUMERIC = {
    XSD.decimal,
    XSD.integer,
    XSD.double,
    XSD.float,
    XSD.nonNegativeInteger,
    XSD.positiveInteger,
    XSD.int,
    XSD.long,
}


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    sort: str = ""
    title: str = ""
    external: bool = False


@dataclass
class Table:
    id: str
    header: list[str]
    rows: list[list[Cell]]


@dataclass
class Answer:
    """One question answered: its terms, and what the page and the downloads are made of."""

    question: Question
    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Identifier]] = field(default_factory=list)
    graph: Graph | None = None
    params: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, bytes] = field(default_factory=dict)
    error: str = ""


def example_value(site: SiteData, text: str) -> str | None:
    """A value for a parameter from its help text's example, resolved to a resource.

    ``e.g. Tajikistan`` resolves as a label; ``e.g. the Astana Declaration`` after dropping
    the article; ``e.g. the railway`` by the shortest label holding every word.
    """
    match = re.search(r"e\.g\.\s+(.+?)\s*(?:\(|$)", text)
    if not match:
        return None
    example = match.group(1).strip().rstrip(".")
    wanted = fold(re.sub(r"^(the|a|an)\s+", "", example, flags=re.I))
    exact = [n for n in site.pages if fold(site.label(n)) == wanted]
    if exact:
        return str(exact[0])
    holding = [
        n
        for n in site.pages
        if n not in site.annotation_set and set(wanted) <= set(fold(site.label(n)))
    ]
    if holding:
        return str(min(holding, key=lambda n: (site.class_rank(n), len(site.label(n)))))
    return example


def _example_params(site: SiteData, question: Question) -> dict[str, str]:
    params: dict[str, str] = {}
    for p in question.params:
        if p.required:
            value = example_value(site, p.description)
            if value is not None:
                params[p.name] = value
    return params


def _cache_key(site: SiteData, question: Question, params: dict[str, str]) -> str | None:
    """The answer cache's key (as ``kg query``'s: every source file's content, the query,
    the parameters), when the site knows the files its graph was loaded from."""
    if site.source_files is None:
        return None
    from kg.query import cache

    return cache.make_key(
        site.source_files, text=question.text, params=sorted(params.items()), format="site"
    )


def _run(site: SiteData, question: Question, params: dict[str, str], timeout: float) -> Any:
    """The query's rdflib Result: from the answer cache if it holds it, else run (and kept).

    Checking a query (rdflib's SPARQL parser) is most of the cost of a question; a build
    whose data did not change reads the 34 answers back instead. Stored as W3C SPARQL JSON
    results (or N-Triples for a graph), which keep every term's datatype and language.
    """
    import io

    from rdflib.query import Result

    from kg.query import cache
    from kg.query.execute import run

    key = _cache_key(site, question, params)
    held = cache.get(key) if key else None
    if held is not None:
        kind, _, body = held.partition(b"\n")
        if kind == b"CONSTRUCT":
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=body, format="nt")
            return result
        return Result.parse(io.BytesIO(body), format="json")
    result = run(
        site.question_graph,
        question.text,
        params,
        question=question,
        where=str(question.path),
        timeout=timeout,
    )
    if key:
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            cache.put(key, b"CONSTRUCT\n" + result.graph.serialize(format="nt", encoding="utf-8"))
        else:
            cache.put(key, b"RESULTS\n" + result.serialize(format="json", encoding="utf-8"))
    return result


def answer_question(site: SiteData, question: Question, *, timeout: float | None = 60) -> Answer:
    """Run ``question`` on the site's graph (required parameters from their examples)."""
    params = _example_params(site, question)
    answer = Answer(question, "SELECT", params=params)
    try:
        result = _run(site, question, params, timeout)
    except KgError as exc:
        answer.error = str(exc)
        return answer
    _fill(answer, result)
    return answer


def _fill(answer: Answer, result: Any) -> None:
    """The answer's rows and downloads from the query's Result."""
    from kg.render.results import render_graph, render_result

    answer.kind = result.type
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        answer.graph = result.graph
        answer.variables = ["subject", "predicate", "object"]
        answer.rows = [
            {"subject": s, "predicate": p, "object": o}
            for s, p, o in sorted(result.graph, key=lambda t: tuple(str(x) for x in t))
        ]
        answer.downloads = {
            ".ttl": render_graph(result.graph, "ttl"),
            ".jsonld": render_graph(result.graph, "jsonld"),
        }
    elif result.type == "ASK":
        answer.variables = ["answer"]
        answer.rows = [{"answer": Literal(bool(result.askAnswer))}]
        answer.downloads = {".json": render_result(result, "json")}
    else:
        answer.variables = [str(v) for v in result.vars]
        answer.rows = [
            {str(v): row[v] for v in result.vars if row[v] is not None} for row in result
        ]
        answer.downloads = {
            ".csv": render_result(result, "csv"),
            ".json": render_result(result, "json"),
        }


def is_number(term: Any) -> bool:
    return isinstance(term, Literal) and term.datatype in _NUMERIC


def cell(site: SiteData, term: Identifier | None, links: Links) -> Cell:
    """One table cell: a resource's label linked to its page, a value in words."""
    if term is None:
        return Cell("")
    if isinstance(term, URIRef):
        iri = str(term)
        if site.has_page(term):
            return Cell(
                site.label(term),
                links.resource(iri),
                site.label(term).casefold(),
                f"skgr:{skgr_local(iri)}",
            )
        if (term, None, None) in site.graph and iri.startswith("https://w3id.org/summit-kg/"):
            words = property_label(site.graph, term)
            return Cell(words, None, words.casefold(), compact(term))
        return Cell(
            compact(term),
            iri if iri.startswith("http") else None,
            iri,
            iri,
            external=iri.startswith("http"),
        )
    if isinstance(term, BNode):
        return Cell("[ ]")
    text = literal_words(term)
    if is_number(term):
        return Cell(text, sort=str(term))
    return Cell(text, sort=str(term) if text != str(term) else "")


def _echoes(site: SiteData, answer: Answer) -> set[str]:
    """Label columns that only repeat the resource beside them (``label`` after
    ``commitment``): the table already shows that resource by its label, as a link. The
    downloads keep every column."""
    echoes = set()
    for before, column in zip(answer.variables, answer.variables[1:], strict=False):
        if not (column == "label" or column.endswith("Label")) or not answer.rows:
            continue
        if all(
            isinstance(row.get(before), URIRef)
            and str(row.get(column, "")) == site.label(row[before])
            for row in answer.rows
        ):
            echoes.add(column)
    return echoes


def answer_table(site: SiteData, answer: Answer, links: Links, table_id: str = "answer") -> Table:
    shown = [v for v in answer.variables if v not in _echoes(site, answer)]
    rows = [[cell(site, row.get(v), links) for v in shown] for row in answer.rows]
    return Table(table_id, shown, rows)
