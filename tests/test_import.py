"""kg import: outside files are merged only when the merged data validates; otherwise
nothing at all is written and the error names the file, the place and the reason."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.model import paths

FIXTURES = Path(__file__).parent / "fixtures" / "export"
SKGR = "https://w3id.org/summit-kg/id/"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "triples"
    shutil.copytree(paths.DATA_DIR, target)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder (hidden temporaries included) with its content hash."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["import", *args])


def test_valid_files_are_merged_one_file_each(folder: Path) -> None:
    before = snapshot(folder)
    result = run(
        str(FIXTURES / "people.ttl"), str(FIXTURES / "links.jsonld"), "--data", str(folder)
    )
    assert result.exit_code == 0, result.output
    after = snapshot(folder)
    assert set(after) - set(before) == {"imported-people.ttl", "imported-links.ttl"}
    assert all(after[name] == digest for name, digest in before.items())
    astana = Graph().parse(folder / "imported-links.ttl")
    assert (URIRef(SKGR + "astana"), None, Literal("Nur-Sultan", lang="en")) in astana
    assert "1 new of 1 triples" in result.output


def test_syntax_error_names_file_line_and_writes_nothing(folder: Path) -> None:
    before = snapshot(folder)
    result = run(
        str(FIXTURES / "people.ttl"), str(FIXTURES / "broken-syntax.ttl"), "--data", str(folder)
    )
    assert result.exit_code == 2
    assert "broken-syntax.ttl:5:1" in result.output and "syntax error" in result.output
    assert "Traceback" not in result.output
    assert snapshot(folder) == before


def test_validation_failure_writes_nothing(folder: Path) -> None:
    before = snapshot(folder)
    result = run(str(FIXTURES / "people.ttl"), str(FIXTURES / "invalid.ttl"), "--data", str(folder))
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith("Error: ") and "invalid.ttl" in line
    assert "skgr:made-up-treaty" in line and "would not validate" in line
    assert snapshot(folder) == before


def test_existing_import_is_kept_unless_replace(folder: Path) -> None:
    assert run(str(FIXTURES / "people.ttl"), "--data", str(folder)).exit_code == 0
    before = snapshot(folder)
    again = run(str(FIXTURES / "people.ttl"), "--data", str(folder))
    assert again.exit_code == 2 and "--replace" in again.output
    assert snapshot(folder) == before
    replaced = run(str(FIXTURES / "people.ttl"), "--data", str(folder), "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert snapshot(folder) == before  # same triples, same bytes


def test_triples_already_present_are_not_copied(folder: Path, tmp_path: Path) -> None:
    # events.ttl has no blank nodes, so every triple of it is already in the folder.
    copy = tmp_path / "events-again.ttl"
    shutil.copy(paths.DATA_DIR / "events.ttl", copy)
    before = snapshot(folder)
    result = run(str(copy), "--data", str(folder))
    assert result.exit_code == 0, result.output
    assert "already present" in result.output
    assert snapshot(folder) == before


def test_dry_run_writes_nothing(folder: Path) -> None:
    before = snapshot(folder)
    result = run(str(FIXTURES / "people.ttl"), "--data", str(folder), "--dry-run")
    assert result.exit_code == 0 and "would write" in result.output
    assert snapshot(folder) == before


def test_a_write_that_fails_halfway_leaves_the_folder_as_it_was(folder: Path, monkeypatch) -> None:
    # issue 10: the second file's write failed, the first stayed written, with a traceback
    import kg.edit.importer as importer

    real = importer._replace
    calls: list[Path] = []

    def flaky(source: Path, target: Path) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(importer, "_replace", flaky)
    before = snapshot(folder)
    result = run(
        str(FIXTURES / "people.ttl"), str(FIXTURES / "links.jsonld"), "--data", str(folder)
    )
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.stderr and "nothing was imported" in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(folder) == before  # no new file, no temporary left behind
