"""The notebook answer: still an rdflib Result, plus to_df(), a rich display and pictures.

Figures are the article's (paragraph 11: the railway's estimated $8 billion, 2025 to 2030;
paragraph 12: 1.5 billion yuan; paragraph 3: the summit of 16 to 18 June 2025; paragraph 4:
six states, China and the five Central Asian republics).
"""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest
from rdflib.query import Result

import kg
from kg.errors import UsageError

pd = pytest.importorskip("pandas")

RAILWAY = "skgr:china-kyrgyzstan-uzbekistan-railway"
STATES = "SELECT ?state WHERE { ?state a skg:State ; skg:iso3166Alpha3 ?c } ORDER BY ?state"


def test_the_answer_is_still_an_rdflib_result():
    answer = kg.query("leaders")
    assert isinstance(answer, Result) and isinstance(answer, kg.Answer)
    assert len(answer) == 6 and len(list(answer)) == 6
    assert [str(v) for v in answer.vars][:2] == ["state", "stateLabel"]
    assert b"Xi Jinping" in answer.serialize(format="csv")
    assert repr(answer).startswith("<Answer SELECT: 6 rows x 6 columns")


def test_kg_query_answers_even_after_the_subpackage_was_imported():
    importlib.import_module("kg.query.cache")  # Python records kg.query on kg here
    assert isinstance(kg.query("leaders"), kg.Answer)
    from kg.query import run  # the subpackage stays importable

    assert callable(run)


def test_to_df_types_each_column_from_its_terms():
    df = kg.query("who-committed-what").to_df()
    assert df["amount"].dtype == "Float64"
    assert str(df["targetYear"].dtype).startswith("period[Y")
    assert df["label"].dtype == "string"
    railway = df.set_index("commitment").loc[RAILWAY]
    assert railway["amount"] == 8_000_000_000 and railway["currency"] == "USD"
    assert railway["startYear"] == pd.Period("2025", "Y") and railway["targetYear"].year == 2030
    grant = df.set_index("commitment").loc["skgr:grant-livelihood-projects"]
    assert grant["amount"] == 1_500_000_000 and grant["equivalent"] == 208_000_000
    assert pd.isna(grant["targetYear"])  # unbound: missing, not zero or ''


def test_to_df_dates_integers_and_booleans():
    text = """SELECT ?start ?end ?n ?yes WHERE {
      skgr:astana-summit-2025 schema:startDate ?start ; schema:endDate ?end .
      { SELECT (COUNT(?s) AS ?n) WHERE { ?s a skg:State ; skg:iso3166Alpha3 ?c } }
      BIND(true AS ?yes) }"""
    df = kg.query(text).to_df()
    assert df["start"].dtype.kind == "M" and df["start"][0] == pd.Timestamp("2025-06-16")
    assert (df["end"][0] - df["start"][0]).days == 2
    assert (
        df["n"].dtype == "Int64" and df["n"][0] == 9
    )  # six summit states, Russia, Pakistan, Afghanistan
    assert df["yes"].dtype == "boolean" and bool(df["yes"][0])


def test_iris_compacted_as_labels_or_in_full():
    answer = kg.query(STATES)
    assert answer.to_df()["state"].tolist()[0] == "skgr:afghanistan"
    assert "China" in answer.to_df(iris="label")["state"].tolist()
    assert answer.to_df(iris="iri")["state"][0] == "https://w3id.org/summit-kg/id/afghanistan"
    with pytest.raises(UsageError):
        answer.to_df(iris="wikidata")


def test_ask_and_construct_answers_become_frames_too():
    assert kg.query("ASK { skgr:china a skg:State }").to_df()["answer"].tolist() == [True]
    df = kg.query("CONSTRUCT { ?s a skg:State } WHERE { ?s a skg:State }").to_df()
    assert list(df.columns) == ["subject", "predicate", "object"] and len(df) == 9


def test_html_table_links_resources_and_escapes_text():
    text = 'SELECT ?s ?note WHERE { VALUES ?s { skgr:china } BIND("<b>&</b>" AS ?note) }'
    page = kg.query(text)._repr_html_()
    assert '<a href="https://w3id.org/summit-kg/id/china"' in page and ">skgr:china</a>" in page
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in page and "<b>" not in page
    assert "<caption>1 row</caption>" in page


def test_html_table_shows_the_first_hundred_rows_and_says_how_many_more():
    text = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 130"
    page = kg.query(text)._repr_html_()
    assert page.count("<tr>") == 101 and "30 more rows" in page


def test_a_picture_shows_itself_inline_and_offline(tmp_path):
    picture = kg.draw("actors")
    page = picture._repr_html_()
    assert page.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in page
    assert "vis-network" in picture.html and "<script src=" not in picture.html
    saved = picture.save(tmp_path / "actors.html")
    assert saved.read_text(encoding="utf-8") == picture.html


def test_a_construct_answer_draws_with_the_graphs_labels():
    text = "CONSTRUCT { ?c skg:committedBy ?who } WHERE { ?c skg:committedBy ?who ; skg:amount ?a }"
    picture = kg.query(text).draw()
    labels = {d["label"] for _, d in picture.network.nodes(data=True)}
    assert (
        "China" in labels
        and "Grants for livelihood and development projects in Central Asia" in labels
    )
    with pytest.raises(UsageError):
        kg.query("leaders").draw()


def test_dir_shows_the_public_api_and_import_stays_light():
    assert {"load", "query", "evidence", "draw", "Answer"} <= set(dir(kg))
    assert "sys" not in dir(kg) and "types" not in dir(kg)
    code = "import sys, kg; dir(kg); print('rdflib' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


DOCUMENTED = (
    "kg",
    "kg.render.answer",
    "kg.render.pictures.inline",
    "kg.query.names",
    "kg.render.joined",
)


@pytest.mark.parametrize("module", DOCUMENTED)
def test_the_documented_examples_run(module):
    found = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert found.attempted > 0 and found.failed == 0
