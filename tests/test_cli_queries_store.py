"""``kg queries --store``: every parameter-free question's answer size, the same on every store."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from kg.cli import main
from kg.model.load import source_files
from kg.stores import load_into_oxigraph


def counts(args: list[str]) -> dict[str, str]:
    result = CliRunner().invoke(main, ["queries", "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    return {row["name"]: row["answers"] for row in csv.DictReader(io.StringIO(result.output))}


def test_answer_sizes_on_memory_match_the_article():
    got = counts(["--store", "memory"])
    # read off the article: ten agreements (treaty, declaration, the 12 documents, the 58
    # deals, the sister-city agreements, the Green Technology Bank partnership, two visa
    # arrangements, the Russian and Pakistani pacts); eight quotations; six state leaders
    assert got["agreements"] == "10"
    assert got["quotations"] == "8"
    assert got["leaders"] == "6"
    assert got["quotations-by-speaker"] == "needs a parameter"


def test_oxigraph_store_gives_the_same_sizes(tmp_path):
    store_dir = tmp_path / "store"
    load_into_oxigraph(source_files(), store_dir)
    assert counts(["--store", f"oxigraph:{store_dir}"]) == counts(["--store", "memory"])


def test_without_store_no_queries_run():
    result = CliRunner().invoke(main, ["queries", "--format", "csv"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "name,title,parameters"
