"""``kg evidence`` and ``kg query --evidence`` name every source of a statement.

Expectations from other-accounts.md by hand: the article says trade grew by over 30 per
cent, The Astana Times (A) 35 per cent; A repeats the 2023 start of the period; NewsChina
(D) alone speaks of Wang Yi; the Xi'an summit is dated by D and F and placed, numbered and
dated to 2023 by the article and four reports.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main

ARTICLE = "skgr:source-article"
A = "skgr:source-astana-times-2025-06-18"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_source_of_each_statement_and_the_other_values():
    result = run("evidence", "skgr:trade-growth-since-2023")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2] == f"sources: {ARTICLE}, {A}"
    value = lines.index("  value: over 30 per cent")
    shown = lines[value + 1 : value + 3]
    assert shown == [
        f"    stated by: {ARTICLE}",
        f"    {A} gives: 35 per cent  (disputed: skgr:disagreement-trade-growth)",
    ]
    start = lines.index("  period start: 2023")
    assert lines[start + 1] == f"    stated by: {ARTICLE}, {A}"


def test_the_records_carry_the_sources():
    record = json.loads(run("evidence", "skgr:trade-growth-since-2023", "--format", "json").stdout)
    assert record["stated_by"] == [ARTICLE, A]
    value = next(s for s in record["statements"] if s["property"] == "skg:value")
    assert value["stated_by"] == [ARTICLE]
    (other,) = value["claims"]
    assert (other["source"], other["values"]) == (A, ["35 per cent"])


def test_a_thing_only_a_report_speaks_of_shows_that_reports_claims():
    result = run("evidence", "Wang Yi")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2] == "sources: skgr:source-newschina-2025"
    assert "  job title:  (only in other sources' claims)" in lines
    assert "    skgr:source-newschina-2025 gives: Foreign Minister" in lines
    assert "    skgr:source-newschina-2025 gives: person" in lines


def test_query_evidence_names_the_sources_of_each_row_subject():
    result = run(
        "query", "corroboration", "-p", "resource", "skgr:xian-summit-2023",
        "--format", "table", "--evidence",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    _, _, evidence = result.stdout.partition("Evidence of each row's subject:\n")
    block = evidence.splitlines()
    assert block[0].startswith("skgr:xian-summit-2023  ")
    assert block[1] == (
        "    sources: skgr:source-article, skgr:source-astana-times-2024-04, "
        "skgr:source-cgtn-2025-06-18, skgr:source-newschina-2025, skgr:source-xinhua-2023-05-19"
    )
