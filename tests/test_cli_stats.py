"""``kg stats``: tables for people, JSON for programs, on the fixture and the real data."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

DATA = Path(__file__).parent / "fixtures" / "viz" / "data"


def run(*args: str):
    return CliRunner().invoke(main, ["stats", *args])


def test_json_on_the_fixture():
    result = run("--data", str(DATA), "--format", "json", "--top", "2")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["views"] == {
        "commitments": {"nodes": 6, "edges": 5},
        "actors": {"nodes": 4, "edges": 5},
        "agreements": {"nodes": 5, "edges": 4},
        "full": {"nodes": 9, "edges": 13},
    }
    assert [r["label"] for r in stats["degree_centrality"]][0] == "China"
    assert len(stats["degree_centrality"]) == 2
    assert sorted(sum(stats["communities"], [])) == [
        "China",
        "Kazakhstan",
        "Uzbekistan",
        "Xi Jinping",
    ]


def test_table_on_the_real_data(tmp_path):
    out = tmp_path / "stats.txt"
    result = run("--top", "3", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for heading in (
        "Resources per class",
        "Nodes and edges per view",
        "Connected components",
        "Degree centrality, top 3",
        "Betweenness centrality, top 3",
        "Communities",
    ):
        assert heading in text
    # the six summit states and the three others the article names (Russia, Pakistan,
    # Afghanistan)
    state_line = next(line for line in text.splitlines() if line.startswith("State "))
    assert state_line.split()[-1] == "9"


def test_unknown_view_is_rejected():
    result = run("--view", "everything")
    assert result.exit_code == 2
