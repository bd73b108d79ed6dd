"""``kg validate`` on evidence spans: a made-up article and its facts, then one break at a time.

The fixture (tests/fixtures/validate/evidence/) describes a four-paragraph article that
this module writes itself (ARTICLE), so no sentence of the real article is in the repo.
Each test copies the fixture, breaks one thing (an offset, a quotation's words, a number,
the copy of the text) and expects the finding a person reading the fixture expects, naming
the annotation's file and line, which the test looks up in the fixture text.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "validate" / "evidence"

#: The made-up article. Paragraph 3 holds a narrow no-break space ("$3 million", as
#: typesetters write it) and curly quotes, so that notations and offsets are tested on them.
ARTICLE = (
    "Lakeside towns agree a ferry plan\n"
    "\n"
    "Example Wire\n"
    "\n"
    "Northport pledged $3\u202fmillion for two new ferries, due in 2027. "
    "Mayor Ada Quill said the boats will \u201ccarry everyone across the lake\u201d.\n"
    "\n"
    "Ridership on the lake rose by over 15% in 2024.\n"
)


@pytest.fixture()
def world(tmp_path: Path) -> tuple[Path, Path]:
    """(data folder, sources folder): a fresh copy of the fixture and the article."""
    data = tmp_path / "triples"
    shutil.copytree(FIXTURE, data)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "test-article.txt").write_bytes(ARTICLE.encode("utf-8"))
    return data, sources


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args], catch_exceptions=False)


def line_of(path: Path, subject: str) -> str:
    """``file:line`` where ``subject`` starts its description in a fixture file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(subject + " "):
            return f"{path}:{number}"
    raise AssertionError(f"{subject} is not described in {path}")


def set_offsets(path: Path, annotation: str, start: int, end: int) -> None:
    """Give one annotation of the fixture other offsets (its block is rewritten, nothing else)."""
    text = path.read_text(encoding="utf-8")
    block = re.compile(
        rf"({re.escape(annotation)} a oa:Annotation ;.*?oa:start )\d+( ; oa:end )\d+", re.S
    )
    changed, count = block.subn(rf"\g<1>{start}\g<2>{end}", text)
    assert count == 1
    path.write_text(changed, encoding="utf-8")


def findings(stdout: str) -> list[list[str]]:
    return [line.split("  ") for line in stdout.splitlines() if line.strip()]


def test_the_fixture_records_the_hash_and_length_of_the_made_up_article():
    # Guards the fixture itself: its hash and length are those of ARTICLE's bytes.
    text = (FIXTURE / "world.ttl").read_text(encoding="utf-8")
    assert hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest() in text
    assert f"skg:characterCount {len(ARTICLE)} ;" in text


def test_clean_fixture_passes_with_every_span_checked(world):
    data, sources = world
    result = run("--data", str(data), "--sources", str(sources))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "7 evidence spans checked against" in result.stderr
    assert "OK: no findings" in result.stderr


def test_without_sources_says_in_one_line_that_the_words_were_not_checked(world):
    data, _ = world
    result = run("--data", str(data))
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if "not against the text" in line]
    assert notes == [
        "7 evidence spans checked offline only, not against the text: "
        "give --sources ../shared/sources (or set KG_SOURCES) to check their words"
    ]


def test_sources_from_the_environment(world, monkeypatch):
    data, sources = world
    monkeypatch.setenv("KG_SOURCES", str(sources))
    result = run("--data", str(data))
    assert result.exit_code == 0
    assert "7 evidence spans checked against" in result.stderr


def test_a_changed_copy_is_refused_in_one_line(world):
    data, sources = world
    # One letter changed: same length, same paragraphs, other bytes.
    (sources / "test-article.txt").write_bytes(ARTICLE.replace("ferries", "ferriez").encode())
    result = run("--data", str(data), "--sources", str(sources))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        f"Error: {sources / 'test-article.txt'}: this copy of skgr:test-source"
    )
    assert "is not the one the offsets were taken from" in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_a_missing_copy_is_refused_in_one_line(world, tmp_path):
    data, _ = world
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    result = run("--data", str(data), "--sources", str(empty))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: {empty / 'test-article.txt'}: no copy of skgr:test-source here "
        "(point --sources at the folder holding that file (e.g. ../shared/sources))"
    ]


def test_a_shifted_span_loses_its_number(world):
    data, sources = world
    evidence = data / "evidence.ttl"
    # "due in 2027" is 99-110; ten characters earlier it reads "ferries, due i".
    set_offsets(evidence, "skgr:ev-test-ferry-grant-due", 89, 100)
    result = run("--data", str(data), "--sources", str(sources), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [r[:3] for r in rows] == [
        ["VIOLATION", "evidence:number", "skgr:ev-test-ferry-grant-due"]
    ]
    assert rows[0][3].startswith(
        'skg:targetYear: no span of the statement states 2027 (looked for "2027"'
    )
    assert rows[0][-1] == f"({line_of(evidence, 'skgr:ev-test-ferry-grant-due')})"


def test_a_span_shifted_into_the_next_paragraph_is_caught_offline_too(world):
    data, sources = world
    evidence = data / "evidence.ttl"
    # Paragraph 4 is 183-230; the statistic's annotation still claims paragraph 4.
    set_offsets(evidence, "skgr:ev-test-ridership-2024", 170, 200)
    where = f"({line_of(evidence, 'skgr:ev-test-ridership-2024')})"
    for extra in ([], ["--sources", str(sources)]):
        result = run("--data", str(data), "-q", "--no-shacl", *extra)
        assert result.exit_code == 1
        placement = [r for r in findings(result.stdout) if r[1] == "evidence:span"]
        assert len(placement) == 1, result.stdout
        assert placement[0][2] == "skgr:ev-test-ridership-2024"
        assert placement[0][3].startswith("span 170–200 does not lie inside one paragraph")
        assert placement[0][-1] == where


def test_a_span_in_another_paragraph_than_claimed(world):
    data, sources = world
    evidence = data / "evidence.ttl"
    # "Example Wire" (35-47) is paragraph 2; the annotation of Northport claims 3.
    set_offsets(evidence, "skgr:ev-test-northport", 35, 47)
    result = run("--data", str(data), "--sources", str(sources), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    placement = [r for r in rows if r[1] == "evidence:span"]
    assert [r[3] for r in placement] == [
        "span 35–47 lies in paragraph 2 (35–47), but the annotation claims paragraph 3"
    ]
    # The words say so too: "Northport" is not in paragraph 2.
    names = [r for r in rows if r[1] == "evidence:name"]
    assert [r[2] for r in names] == ["skgr:ev-test-northport"]


def test_a_span_past_the_end_of_the_source(world):
    data, _ = world
    set_offsets(data / "evidence.ttl", "skgr:ev-test-ridership-2024", 200, 240)
    result = run("--data", str(data), "-q", "--no-shacl")
    assert result.exit_code == 1
    messages = [r[3] for r in findings(result.stdout) if r[1] == "evidence:span"]
    assert messages == ["span 200–240 ends past the end of the source (231 characters)"]


def test_a_changed_quotation_is_caught(world):
    data, sources = world
    world_file = data / "world.ttl"
    text = world_file.read_text(encoding="utf-8")
    world_file.write_text(
        text.replace('"carry everyone across the lake"@en', '"carry everybody across the lake"@en'),
        encoding="utf-8",
    )
    result = run("--data", str(data), "--sources", str(sources), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [r[:3] for r in rows] == [
        ["VIOLATION", "evidence:quotation", "skgr:ev-test-quote-quill"]
    ]
    assert rows[0][3] == (
        'schema:text "carry everybody across the lake" is not the text of any of its spans '
        '(closest reads "carry everyone across the lake"): fix the offsets or the words'
    )
    assert rows[0][-1] == f"({line_of(data / 'evidence.ttl', 'skgr:ev-test-quote-quill')})"


def test_a_wrong_amount_is_caught(world):
    data, sources = world
    world_file = data / "world.ttl"
    text = world_file.read_text(encoding="utf-8")
    world_file.write_text(text.replace('"3000000"^^xsd:decimal', '"4000000"^^xsd:decimal'), "utf-8")
    result = run("--data", str(data), "--sources", str(sources), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [r[:3] for r in rows] == [["VIOLATION", "evidence:number", "skgr:ev-test-ferry-grant"]]
    assert rows[0][3].startswith(
        'skg:amount: no span of the statement states 4 million USD (looked for "US$4 million", '
        '"$4 million"'
    )
    assert rows[0][-1] == f"({line_of(data / 'evidence.ttl', 'skgr:ev-test-ferry-grant')})"


def test_a_wrong_qualifier_is_caught(world):
    data, sources = world
    world_file = data / "world.ttl"
    text = world_file.read_text(encoding="utf-8")
    # 15% is stated, but "over" it, not "about" it.
    text = text.replace("skg:qualifier skgr:qualifier-over ]", "skg:qualifier skgr:test-about ]")
    text += (
        "skgr:test-about a skos:Concept ; skos:inScheme skgr:qualifiers ;\n"
        '    rdfs:label "about"@en ; skos:prefLabel "about"@en .\n'
    )
    world_file.write_text(text, "utf-8")
    result = run("--data", str(data), "--sources", str(sources), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [r[2] for r in rows] == ["skgr:ev-test-ridership-2024"]
    assert rows[0][3] == (
        "skg:value: states about 15 per cent but not its qualifier (looked for: about): "
        "fix skg:qualifier or the span"
    )


def test_json_report_counts_the_spans(world):
    data, sources = world
    result = run("--data", str(data), "--sources", str(sources), "--format", "json")
    report = json.loads(result.stdout)
    assert (report["ok"], report["spans"], report["spans_checked"]) == (True, 7, True)
    assert report["sources"] == [str(sources / "test-article.txt")]


def test_evidence_for_a_statement_the_body_does_not_make(world):
    data, _ = world
    evidence = data / "evidence.ttl"
    text = evidence.read_text(encoding="utf-8")
    evidence.write_text(
        text.replace(
            "skg:supportsProperty skg:targetYear ;", "skg:supportsProperty skg:startYear ;"
        ),
        "utf-8",
    )
    result = run("--data", str(data), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [r[1:3] for r in rows] == [["sparql:evidence-property", "skgr:ev-test-ferry-grant-due"]]
    assert rows[0][3] == (
        "supports skg:startYear of skgr:test-ferry-grant, which has no such statement: "
        "fix the property or the body"
    )


def test_paragraph_numbers_must_match_the_spans(world):
    data, _ = world
    world_file = data / "world.ttl"
    text = world_file.read_text(encoding="utf-8")
    # Ada Quill also cites paragraph 4, where no span of hers lies.
    text = text.replace(
        'rdfs:label "Ada Quill"@en ;\n    prov:wasDerivedFrom skgr:test-source ; skg:sourceParagraph 3 .',
        'rdfs:label "Ada Quill"@en ;\n    prov:wasDerivedFrom skgr:test-source ; skg:sourceParagraph 3, 4 .',
    )
    world_file.write_text(text, "utf-8")
    result = run("--data", str(data), "-q")
    assert result.exit_code == 1
    rows = findings(result.stdout)
    assert [r[1:4] for r in rows] == [
        [
            "sparql:evidence-paragraph",
            "skgr:test-ada-quill",
            "cites paragraph 4 but none of its evidence annotations has a span there: "
            "add one, or drop the number",
        ]
    ]
    assert rows[0][-1] == f"({line_of(world_file, 'skgr:test-ada-quill')})"
