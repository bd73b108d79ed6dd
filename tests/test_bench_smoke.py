"""Smoke test of the benchmark: ``python bench/run.py --quick`` runs end to end.

No timing is asserted (CI machines differ); what must hold is that every store answers
the three named questions on every size, and the table and plot are written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench(*args: str) -> None:
    """Run bench/run.py with ``args``; it must succeed."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), *args],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.slow
def test_quick_benchmark_writes_table_and_plot(tmp_path):
    out = tmp_path / "results"
    _bench("--quick", "--out", str(out), "--work", str(tmp_path / "work"))
    table = (out / "results.md").read_text()
    assert "| data | store | triples |" in table
    assert "## Goals" in table
    png = (out / "results.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert "cores:" in (out / "machine.txt").read_text()
    results = json.loads((out / "results.json").read_text())
    sizes = {r["dataset"] for r in results["stores"]}
    assert sizes == {"summit", "10k", "100k"}
    for row in results["stores"]:
        if row["store"] in ("oxigraph", "kg-memory", "kg-oxigraph"):
            assert "error" not in row, row
            # the shipped graph's answers, as in tests/expected/: 13 commitments of
            # Kazakhstan, one currency row (China, CNY), three agreement-leader pairs
            if row["dataset"] == "summit":
                assert row["commitments-of-actor:rows"] == 13
                assert row["money-by-actor:rows"] == 1
                assert row["agreements-with-quoted-leaders:rows"] == 3
            else:
                assert row["money-by-actor:rows"] > 0
                assert row["agreements-with-quoted-leaders:rows"] > 0


def _generator():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_is_seeded_and_uses_our_terms(tmp_path):
    from rdflib import Graph

    gen = _generator()
    a, b, c = tmp_path / "a.nt", tmp_path / "b.nt", tmp_path / "c.nt"
    assert gen.write(a, 3000, seed=1) >= 3000
    gen.write(b, 3000, seed=1)
    gen.write(c, 3000, seed=2)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    g = Graph().parse(a, format="nt")
    skg = "https://w3id.org/summit-kg/ontology#"
    used = {str(p) for p in g.predicates()} | {
        str(o) for o in g.objects() if str(o).startswith(skg)
    }
    # every skg: term the generator uses is declared in the ontology
    onto = Graph().parse(ROOT / "ontology" / "summit.ttl")
    declared = {str(s) for s in onto.subjects()}
    assert {t for t in used if t.startswith(skg)} <= declared
    # money carries an xsd:decimal value and a currency code
    rows = list(
        g.query("""
        PREFIX skg: <https://w3id.org/summit-kg/ontology#> PREFIX schema: <https://schema.org/>
        SELECT ?v ?cur WHERE { ?c skg:committedBy ?a ; skg:amount ?m . ?m schema:value ?v ; schema:currency ?cur }""")
    )
    assert rows and all(v.datatype.endswith("#decimal") and len(str(cur)) == 3 for v, cur in rows)


def test_a_partial_run_leaves_the_committed_results_alone(tmp_path):
    # the committed full results are bench/results/; a quick or partial run without --out
    # writes under its --work folder instead
    committed = ROOT / "bench" / "results" / "results.json"
    before = committed.read_bytes() if committed.exists() else None
    _bench(
        "--sizes",
        "0",
        "--stores",
        "kg-oxigraph,oxigraph",
        "--no-cli",
        "--work",
        str(tmp_path / "work"),
    )
    assert (tmp_path / "work" / "results" / "results.md").exists()
    assert (committed.read_bytes() if committed.exists() else None) == before
    report = json.loads((tmp_path / "work" / "results" / "results.json").read_text())
    assert report["meta"]["mode"] == "partial"


def test_log_log_slopes_by_hand():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_goals", ROOT / "bench" / "goals.py")
    goals = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(goals)
    assert goals.slope([(10, 1.0), (100, 10.0), (1000, 100.0)]) == pytest.approx(1.0)
    assert goals.slope([(10_000, 5.0), (10_000_000, 5.0)]) == pytest.approx(0.0)
    # cost x4 per x2 of data: quadratic
    assert goals.slope([(1000, 1.0), (2000, 4.0), (4000, 16.0)]) == pytest.approx(2.0)
    assert goals.slope([(1000, 1.0)]) is None
