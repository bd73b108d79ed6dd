"""The fast paths give the answers the slow ones give.

* ``kg.stores.open_query_graph("memory")`` (Oxigraph in memory, what ``kg query`` and
  ``kg serve`` ask) against ``kg.load()`` (rdflib's graph and engine), every question;
* ``kg.query.execute.run_written`` (the answer written by Oxigraph, what ``kg serve`` sends)
  against ``run`` read back, every question, in JSON and CSV;
* kg's W3C CSV writer against rdflib's, byte for byte;
* the lexical check (``screen``) refuses what the full check refuses, with its words.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.query import Result
from test_store import CASES, answer, case_id, params_for_engine, same

from kg.errors import UsageError
from kg.query import catalogue
from kg.query.check import check, screen
from kg.query.execute import run, run_written
from kg.render.results import _csv
from kg.stores import engine_of, open_query_graph


@pytest.fixture(scope="module")
def fast():
    return open_query_graph("memory")


def test_the_memory_store_for_questions_is_oxigraph(fast, graph):
    assert engine_of(fast) == "oxigraph" and engine_of(graph) == "memory"
    assert len(fast) == len(graph)


@pytest.mark.parametrize("item", CASES, ids=case_id)
def test_every_question_same_on_oxigraph_in_memory(fast, graph, item):
    name, params = item[0], params_for_engine(item[1])
    q = catalogue.find(name)
    want = answer(run(graph, q.text, params, question=q, timeout=None))
    got = answer(run(fast, q.text, params, question=q, timeout=None))
    assert same(want, got), name


@pytest.mark.parametrize("item", CASES, ids=case_id)
def test_answers_written_by_oxigraph_read_back_the_same(fast, graph, item):
    name, params = item[0], params_for_engine(item[1])
    q = catalogue.find(name)
    done = run_written(fast, q.text, "json", params, question=q)
    if done is None:  # only where the engine's bytes would not be rdflib's answer
        text = q.text.upper()
        graph_answer = re.search(r"^\s*(CONSTRUCT|DESCRIBE)\b", text, re.M)
        bare_concat = re.search(r"\(\s*GROUP_CONCAT", text)  # not wrapped in STR(...)
        bound_inside = params and re.search(r"\{\s*SELECT\b", text)
        assert graph_answer or bare_concat or bound_inside, name
        return
    body, size = done
    read = Result.parse(io.BytesIO(body), format="json")
    want = run(graph, q.text, params, question=q, timeout=None)
    assert same(answer(want), answer(read)), name
    assert size == (len(want) if want.type == "SELECT" else 1)


@pytest.mark.parametrize("item", CASES, ids=case_id)
def test_kg_csv_is_rdflib_csv(fast, item):
    name, params = item[0], params_for_engine(item[1])
    q = catalogue.find(name)
    result = run(fast, q.text, params, question=q, timeout=None)
    if result.type != "SELECT":
        return
    assert _csv(result) == result.serialize(format="csv", encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { ?s ?p ?o",
    ],
)
def test_the_lexical_check_refuses_in_the_full_checks_words(text, fast):
    with pytest.raises(UsageError) as full:
        check(text)
    with pytest.raises(UsageError) as lexical:
        if text[-10:] == "{ ?s ?p ?o":  # a syntax error: Oxigraph's parser finds it
            run(fast, text)
        else:
            screen(text)
    assert str(lexical.value) == str(full.value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=80))
def test_the_ascii_lexer_reads_ascii_text_as_the_full_one_does(text):
    # kg.query.lexer compiles a pattern without the non-ASCII ranges for ASCII text (35 ms
    # saved per process): on such text both patterns must match the same terminals
    from kg.query.lexer import _lexer

    for start in range(len(text) + 1):
        a, b = _lexer(True).match(text, start), _lexer(False).match(text, start)
        assert (a and (a.lastgroup, a.group())) == (b and (b.lastgroup, b.group()))
