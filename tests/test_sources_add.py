"""``kg source add``: a seventh report registered in a copy of the data, all or nothing.

What is written is checked against what a person gave on the command line; that the folder
still validates is checked by ``kg validate`` itself; on any failure the folder must be
byte for byte as it was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.cli import main
from kg.model import paths
from kg.model.load import load
from kg.model.namespaces import OA, SCHEMA, SKG, SKGR
from kg.validate import validate

SLUG = "example-wire-2025-06-20"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, copy)
    return copy


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _add(folder: Path, *extra: str, slug: str = SLUG):
    args = ["source", "add", slug, "--label", "Example Wire, 20 June 2025: the treaty"]
    args += ["--url", "https://example.org/wire/2025/06/20/summit", "--data", str(folder)]
    return CliRunner().invoke(main, args + list(extra), catch_exceptions=False)


def test_a_new_report_gets_its_node_its_publisher_and_its_own_file(folder):
    result = _add(
        folder, "--publisher", "Example Wire", "--date", "2025-06", "--about", "Astana summit"
    )
    assert result.exit_code == 0, result.output
    assert "new publisher skgr:example-wire" in result.stderr
    graph = load(folder)
    source = SKGR[f"source-{SLUG}"]
    assert (source, RDF.type, SKG.SummarisedSource) in graph
    assert graph.value(source, SCHEMA.url) == URIRef("https://example.org/wire/2025/06/20/summit")
    assert graph.value(source, SCHEMA.datePublished) == Literal("2025-06", datatype=XSD.gYearMonth)
    assert graph.value(source, SCHEMA.about) == SKGR["astana-summit-2025"]
    assert graph.value(SKGR["example-wire"], RDF.type) == SKG.Publisher
    # its file holds its first claim: the publisher's name, targeting the report itself
    claim = SKGR[f"claim-{SLUG}-publisher"]
    assert graph.value(claim, OA.hasBody) == SKGR["example-wire"]
    assert graph.value(claim, OA.hasTarget) == source
    assert graph.value(claim, PROV.wasDerivedFrom) == source
    assert (folder / f"source-{SLUG}.ttl").is_file()
    assert validate(folder).ok


def test_a_known_publisher_is_reused_and_named_by_the_new_report(folder):
    result = _add(folder, "--publisher", "the astana times", "--date", "2025")
    assert result.exit_code == 0, result.output
    graph = load(folder)
    assert graph.value(SKGR[f"source-{SLUG}"], SCHEMA.publisher) == SKGR["the-astana-times"]
    assert set(graph.objects(SKGR["the-astana-times"], PROV.wasDerivedFrom)) == {
        SKGR["source-astana-times-2025-06-18"],
        SKGR["source-astana-times-2024-04"],
        SKGR[f"source-{SLUG}"],
    }
    assert len(list(graph.objects(SKGR["the-astana-times"], RDFS.label))) == 1


@pytest.mark.parametrize(
    ("extra", "slug", "where"),
    [
        (["--publisher", "Example Wire", "--date", "20 June 2025"], SLUG, "--date"),
        (
            ["--publisher", "Example Wire", "--date", "2025", "--language", "English"],
            SLUG,
            "--language",
        ),
        (["--publisher", "skgr:nobody", "--date", "2025"], SLUG, "--publisher"),
        (["--publisher", "Example Wire", "--date", "2025"], "Example Wire", "SLUG"),
        (["--publisher", "NewsChina", "--date", "2025"], "newschina-2025", "SLUG"),
    ],
)
def test_bad_values_are_one_line_and_write_nothing(folder, extra, slug, where):
    before = _snapshot(folder)
    result = _add(folder, *extra, slug=slug)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error:") and where in line
    assert _snapshot(folder) == before


def test_a_folder_that_would_not_validate_gets_nothing(folder):
    # a claim elsewhere already lacks its source: the folder would not validate afterwards
    path = folder / "source-newschina-2025.ttl"
    text = path.read_text(encoding="utf-8")
    old = "    oa:hasTarget skgr:source-newschina-2025 ;\n    prov:wasDerivedFrom skgr:source-newschina-2025 .\n"
    path.write_text(text.replace(old, "    oa:hasTarget skgr:source-newschina-2025 .\n", 1))
    before = _snapshot(folder)
    result = _add(folder, "--publisher", "Example Wire", "--date", "2025")
    assert result.exit_code == 2
    assert "would not validate" in result.stderr and "nothing was written" in result.stderr
    assert _snapshot(folder) == before


def test_dry_run_and_a_failed_write_leave_the_folder_as_it_was(folder, monkeypatch):
    before = _snapshot(folder)
    dry = _add(folder, "--publisher", "Example Wire", "--date", "2025", "--dry-run")
    assert dry.exit_code == 0 and "would write" in dry.stderr
    assert _snapshot(folder) == before

    import os

    from kg.edit import importer

    def refuse_the_second(src, dst):
        if Path(dst).name == f"source-{SLUG}.ttl":
            raise OSError(28, "No space left on device")
        os.replace(src, dst)

    monkeypatch.setattr(importer, "_replace", refuse_the_second)
    result = _add(folder, "--publisher", "Example Wire", "--date", "2025")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "nothing was written" in result.stderr
    assert _snapshot(folder) == before
