"""The four source questions: the same answer however a parameter reaches the engine, no
answer where there is nothing to say, and amounts compared as the questions show them.

rdflib binds a parameter as an initial binding (it reaches into sub-SELECTs); Oxigraph and
remote stores get a VALUES block opening the WHERE group. The questions are written so that
both readings give one answer (docs/decisions/2026-12-02-source-questions.md), which is
checked here for the article and two reports: the manifest's cases cover one source each.
"""

from __future__ import annotations

import pytest
from rdflib import BNode, URIRef
from rdflib.namespace import RDFS
from test_store import answer, same

from kg.model.namespaces import SKGR
from kg.query import catalogue
from kg.query.execute import run
from kg.query.terms import values_first

SCHEMA_VALUE = URIRef("https://schema.org/value")
SCHEMA_CURRENCY = URIRef("https://schema.org/currency")
SKG = "https://w3id.org/summit-kg/ontology#"

#: the article, a report with a disagreement (trade growth) and one whose every statement
#: is about the secretariat's history
SOURCES = ["source-article", "source-astana-times-2025-06-18", "source-astana-times-2024-04"]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    from kg.model.load import source_files
    from kg.stores import load_into_oxigraph, open_graph

    folder = tmp_path_factory.mktemp("ox") / "store"
    load_into_oxigraph(source_files(), folder)
    return open_graph(f"oxigraph:{folder}")


def _both_readings(graph, oxigraph, name: str, params: dict) -> tuple[object, object]:
    """rdflib's answer with the parameter bound, Oxigraph's with it as a VALUES block."""
    q = catalogue.find(name)
    bound = answer(run(graph, q.text, params, question=q, timeout=None))
    return bound, answer(oxigraph.query(values_first(q.text, params)))


@pytest.mark.parametrize("name", ["single-source", "source-statements"])
@pytest.mark.parametrize("slug", SOURCES)
def test_a_source_reads_the_same_as_initial_binding_and_as_values(graph, oxigraph, name, slug):
    bound, values = _both_readings(graph, oxigraph, name, {"source": SKGR[slug]})
    assert sum(bound[1].values()) > 0
    assert same(bound, values), f"{name} {slug}: the bound and the VALUES readings differ"


@pytest.mark.parametrize("name", ["corroboration", "disagreements"])
def test_a_resource_reads_the_same_as_initial_binding_and_as_values(graph, oxigraph, name):
    bound, values = _both_readings(
        graph, oxigraph, name, {"resource": SKGR["trade-growth-since-2023"]}
    )
    assert sum(bound[1].values()) > 0
    assert same(bound, values)


@pytest.mark.parametrize("name", ["corroboration", "disagreements"])
def test_a_resource_no_second_source_speaks_of_has_no_rows(graph, oxigraph, name):
    # Kazakhstan is named by the article alone and in no disagreement (disagreements.ttl).
    # rdflib answers a grouped sub-SELECT with no group by one empty row; unguarded, its
    # unbound columns matched every label (199,809 rows for disagreements).
    q = catalogue.find(name)
    params = {"resource": SKGR["kazakhstan"]}
    assert len(run(graph, q.text, params, question=q, timeout=None)) == 0
    assert len(oxigraph.query(values_first(q.text, params))) == 0


def test_the_trade_growth_figures_are_two_values_each_stated_once(graph):
    # The article: over 30 per cent; The Astana Times of 18 June 2025: 35 per cent (exact).
    q = catalogue.find("single-source")
    rows = run(graph, q.text, {}, question=q, timeout=None)
    growth = sorted(
        (str(r["source"]).rsplit("/", 1)[1], str(r["value"]))
        for r in rows
        if r["resource"] == SKGR["trade-growth-since-2023"] and str(r["property"]) == SKG + "value"
    )
    assert growth == [
        ("source-article", "30 per cent (over)"),
        ("source-astana-times-2025-06-18", "35 per cent (exact)"),
    ]


def test_amount_strings_equate_exactly_the_amounts_that_agree(graph):
    """The questions compare amounts by "value unit-or-currency (qualifier)"; the checks
    (disagreement-unrecorded) by value, qualifier and unit or currency as terms. The two
    agree while qualifier and unit labels name one term each and no currency code is also
    a unit's label, which this checks on every pair of amounts in the graph."""
    amounts = {b for b in graph.subjects(SCHEMA_VALUE, None) if isinstance(b, BNode)}
    assert len(amounts) >= 14

    def label(node):  # type: ignore[no-untyped-def]
        return str(graph.value(node, RDFS.label)) if node is not None else ""

    def as_terms(b):  # type: ignore[no-untyped-def]
        units = set(graph.objects(b, SCHEMA_CURRENCY)) | set(graph.objects(b, URIRef(SKG + "unit")))
        return (
            graph.value(b, SCHEMA_VALUE),
            graph.value(b, URIRef(SKG + "qualifier")),
            frozenset(units),
        )

    def as_text(b):  # type: ignore[no-untyped-def]
        unit = graph.value(b, SCHEMA_CURRENCY) or label(graph.value(b, URIRef(SKG + "unit")))
        return f"{graph.value(b, SCHEMA_VALUE)} {unit} ({label(graph.value(b, URIRef(SKG + 'qualifier')))})"

    for a in amounts:
        for b in amounts:
            assert (as_terms(a) == as_terms(b)) == (as_text(a) == as_text(b)), (
                as_text(a),
                as_text(b),
            )
