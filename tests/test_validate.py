"""``kg validate``: the shipped data is clean, and each kind of broken data is reported
precisely, with the right exit code.

Each broken case is one hand-written file from tests/fixtures/validate/ dropped into a copy
of the shipped data folder (see the README there); the expected finding is what a person
reading that file expects, never read back from the validator.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.model import paths

FIXTURES = Path(__file__).parent / "fixtures" / "validate"


def broken_data(tmp_path: Path, fixture: str) -> Path:
    """A copy of the shipped data with one broken file added."""
    folder = tmp_path / "triples"
    shutil.copytree(paths.DATA_DIR, folder)
    shutil.copy(FIXTURES / fixture, folder / fixture)
    return folder


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args], catch_exceptions=False)


def finding_lines(output: str) -> list[list[str]]:
    """Findings as [severity, check, focus..., message] split on the two-space columns."""
    return [line.split("  ") for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def shipped_report():
    from kg.validate import validate

    return validate()


def test_shipped_data_is_clean():
    result = run()
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "OK: no findings" in result.stderr


def test_report_counts_the_shipped_data(shipped_report):
    # Article: six summit states, plus Russia and Pakistan (paragraph 7) and Afghanistan
    # (paragraph 14); two summits, Xi'an 2023 and Astana 2025.
    assert shipped_report.ok
    assert shipped_report.findings == []
    assert shipped_report.classes["skg:State"] == 9
    assert shipped_report.classes["skg:Summit"] == 2
    assert shipped_report.triples > 1000
    assert shipped_report.ontology_triples > 300


def test_syntax_error_exits_2_with_file_line_col(tmp_path):
    folder = broken_data(tmp_path, "syntax-error.ttl")
    result = run("--data", str(folder))
    assert result.exit_code == 2
    # Line 4 ends without '.', so the subject starting line 5 is where parsing fails.
    assert f"{folder / 'syntax-error.ttl'}:5:1: syntax error" in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_undeclared_term_is_named_with_a_suggestion(tmp_path):
    result = run("--data", str(broken_data(tmp_path, "undeclared-term.ttl")), "-q")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "sparql:undeclared-term" in line]
    assert len(lines) == 1
    assert lines[0].startswith("VIOLATION")
    assert "skgr:test-typo-commitment" in lines[0]
    assert "uses skg:comitedBy, which the ontology does not declare" in lines[0]
    assert "did you mean skg:committedBy?" in lines[0]
    assert "undeclared-term.ttl:9" in lines[0]


def test_commitment_without_committer(tmp_path):
    result = run("--data", str(broken_data(tmp_path, "commitment-without-committer.ttl")), "-q")
    assert result.exit_code == 1
    rows = finding_lines(result.stdout)
    assert len(rows) == 1, result.stdout
    severity, check, focus, message, where = (
        rows[0][0],
        rows[0][1],
        rows[0][2],
        rows[0][3],
        rows[0][-1],
    )
    assert (severity, check, focus) == (
        "VIOLATION",
        "shacl:CommitmentShape",
        "skgr:test-orphan-commitment",
    )
    assert "must name who commits: skg:committedBy" in message
    assert where.endswith("commitment-without-committer.ttl:9)")


def test_amount_without_currency_or_unit(tmp_path):
    result = run("--data", str(broken_data(tmp_path, "amount-without-currency.ttl")), "-q")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "VIOLATION  shacl:AmountShape  skgr:test-grant skg:amount [ ]  "
        "an amount must have either a schema:currency or a skg:unit (exactly one of the two)"
        f"  ({Path(tmp_path, 'triples', 'amount-without-currency.ttl')}:9)"
    ]


@pytest.mark.parametrize(
    ("fixture", "check", "focus", "words"),
    [
        (
            "resource-without-label.ttl",
            "shacl:LabelShape",
            "skgr:test-nameless-state",
            "has no rdfs:label",
        ),
        (
            "paraphrase-as-quotation.ttl",
            "shacl:ParaphraseShape",
            "skgr:test-paraphrase",
            "must not carry schema:text",
        ),
        (
            "outside-knowledge-leak.ttl",
            "sparql:outside-knowledge-leak",
            "skgr:test-meeting",
            "skg:participant to skgr:test-outsider",
        ),
        (
            "no-evidence.ttl",
            "sparql:evidence-missing",
            "skgr:test-unspanned-steppe",
            "no evidence annotation (oa:hasBody) points at the span that states it",
        ),
    ],
)
def test_one_precise_finding(tmp_path, fixture, check, focus, words):
    result = run("--data", str(broken_data(tmp_path, fixture)), "-q")
    assert result.exit_code == 1
    rows = finding_lines(result.stdout)
    assert [r[:3] for r in rows] == [["VIOLATION", check, focus]]
    assert words in rows[0][3]


def test_json_output_and_no_shacl(tmp_path):
    folder = broken_data(tmp_path, "commitment-without-committer.ttl")
    result = run("--data", str(folder), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert [(f["severity"], f["check"], f["focus"]) for f in report["findings"]] == [
        ("violation", "shacl:CommitmentShape", "skgr:test-orphan-commitment")
    ]
    assert report["classes"]["skg:Commitment"] >= 1
    # The missing committer is a SHACL rule: without the shapes nothing else complains.
    assert run("--data", str(folder), "--no-shacl").exit_code == 0


def test_a_folder_of_empty_files_is_not_ok(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "a.ttl").write_text("", encoding="utf-8")
    (folder / "b.ttl").write_text("# only a comment\n", encoding="utf-8")
    result = run("--data", str(folder))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"VIOLATION  load  {folder}  nothing was loaded: the 2 data file(s) hold no triples  ({folder})"
    ]
    assert "OK" not in result.stderr


REAL_SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"


@pytest.mark.skipif(
    not (REAL_SOURCES / "000_d9ce016cc982a1d1.txt").is_file(),
    reason=f"the article's copy is not at {REAL_SOURCES}",
)
def test_shipped_data_passes_with_every_span_checked_against_the_article():
    from kg.validate import validate

    report = validate(sources=REAL_SOURCES)
    assert report.findings == []
    assert report.spans_checked
    copy = (REAL_SOURCES / "000_d9ce016cc982a1d1.txt").resolve()
    assert [Path(s).resolve() for s in report.sources] == [copy]
    # Every resource from the article has evidence (the evidence-missing check is clean),
    # and there are more spans than resources: statements with spans of their own.
    assert report.spans > report.classes["skg:State"] + report.classes["skg:Commitment"]
    assert report.spans == report.classes["oa:TextPositionSelector"] - 26  # 26 paragraph bounds


def test_missing_data_folder_is_bad_input(tmp_path):
    result = run("--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no such data folder" in result.stderr


def test_every_check_has_a_header():
    from kg.validate import load_checks

    checks = load_checks()
    assert len(checks) >= 6
    for check in checks:
        assert check.title and check.description, check.path


def test_every_shape_is_documented():
    from rdflib import Graph
    from rdflib.namespace import RDF, RDFS, SH

    shapes = Graph().parse(paths.SHAPES_FILE)
    named = [s for s in shapes.subjects(RDF.type, SH.NodeShape)]
    assert len(named) >= 20
    for shape in named:
        assert shapes.value(shape, RDFS.label) is not None, shape
        assert shapes.value(shape, RDFS.comment) is not None, shape


def test_warnings_fail_only_when_strict(tmp_path):
    folder = broken_data(tmp_path, "duplicate-label.ttl")
    result = run("--data", str(folder), "-q")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "WARNING    sparql:duplicate-label  skgr:test-steppe  "
        'has the same label "Test steppe" as skgr:test-steppe-again'
        f"  ({folder / 'duplicate-label.ttl'}:7)"
    ]
    assert run("--data", str(folder), "--strict").exit_code == 1
