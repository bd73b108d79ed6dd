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
    # read off the article: thirteen agreements (treaty, declaration, the 12 documents, the 58
    # deals, the sister-city agreements, the Green Technology Bank partnership, two visa
    # arrangements, the Russian and Pakistani pacts; and three sets the re-read added: the
    # agreements on access to China's resources (paragraph 12), China's visa-free
    # arrangements (19), the summit's communiques (14)); 17 quotation rows: nine quotations
    # with a named speaker (Tokayev, Xi twice, Mirziyoyev twice, Berdimuhamedov, Japarov, and
    # the phrases the article gives China and Kazakhstan) and seven phrases the article puts
    # in quotation marks without a speaker, one of them in two paragraphs; six state leaders
    assert got["agreements"] == "13"
    assert got["quotations"] == "17"
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
