"""Evidence: paragraphs, sentences and notations; ``kg evidence``; ``kg query --evidence``.

The made-up article of tests/test_evidence_validate.py (and its fixture) carries the exact
expectations; the shipped data is checked against the real article, read at run time from
``../shared/sources`` beside the repository (skipped where it is absent), so that no
sentence of it is in the repository. Expected answers are worked out from the texts by
hand, never read back from the code under test.
"""

from __future__ import annotations

import decimal
import json
from pathlib import Path

import pytest
import test_evidence_validate
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import XSD

from kg.cli import main
from kg.model.evidence import split_paragraphs
from kg.model.evidence.notation import figures, literal_notation
from kg.model.evidence.text import SourceText

ARTICLE = test_evidence_validate.ARTICLE
#: the made-up article's data and sources folders (the fixture of the validation tests)
world = test_evidence_validate.world

REAL_SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
REAL_FILE = REAL_SOURCES / "000_d9ce016cc982a1d1.txt"
needs_article = pytest.mark.skipif(
    not REAL_FILE.is_file(), reason=f"the article's copy is not at {REAL_SOURCES}"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- the text: paragraphs and sentences ----------------------------------------------------


def test_paragraphs_are_blocks_between_blank_lines():
    text = "Title\n\nByline\n \t\nFirst line\nsecond line\n\n\n\nLast\n"
    # blank lines may hold blanks; several blank lines are one break; a line break inside
    # a block does not end it
    assert [(p.number, text[p.start : p.end]) for p in split_paragraphs(text)] == [
        (1, "Title"),
        (2, "Byline"),
        (3, "First line\nsecond line"),
        (4, "Last"),
    ]


def test_the_sentence_around_a_span_stays_inside_its_paragraph():
    source = SourceText(Path("x"), ARTICLE, "", split_paragraphs(ARTICLE))
    start = ARTICLE.index("due in 2027")
    first, last = source.sentence(start, start + len("due in 2027"))
    assert (
        ARTICLE[first:last] == "Northport pledged $3\u202fmillion for two new ferries, due in 2027."
    )
    quote = ARTICLE.index("carry everyone")
    first, last = source.sentence(quote, quote + 5)
    assert ARTICLE[first:last] == (
        "Mayor Ada Quill said the boats will \u201ccarry everyone across the lake\u201d."
    )
    assert source.paragraph_of(quote).number == 3
    # across the break between paragraphs 3 and 4: no paragraph holds it
    assert source.paragraph_of(ARTICLE.index("lake\u201d"), ARTICLE.index("Ridership") + 3) is None


# --- notations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("8000000000", "8 billion"),
        ("1500000000", "1.5 billion"),
        ("208000000", "208 million"),
        ("1200000", "1.2 million"),
        ("3000", "3,000"),
        ("10000", "10,000"),
        ("12", "twelve"),
    ],
)
def test_figures_are_written_as_the_article_writes_them(value, written):
    assert written in figures(decimal.Decimal(value))


@pytest.mark.parametrize(
    ("literal", "text", "found"),
    [
        (Literal("2030", datatype=XSD.gYear), "a target completion by 2030, this", True),
        (Literal("2030", datatype=XSD.gYear), "by 20301", False),
        (Literal("2024", datatype=XSD.gYear), "an all-time high last year", True),
        (Literal("2023", datatype=XSD.gYear), "an all-time high last year", False),
        (Literal("P2Y", datatype=XSD.duration), "over the next two years to", True),
        (Literal("P2Y", datatype=XSD.duration), "agreeing to hold biennial meetings", True),
        (Literal("2025-06-17", datatype=XSD.date), "At its conclusion on June 17, the", True),
        (Literal("2025-06-18", datatype=XSD.date), "Summit (June 16\u201318, 2025)", True),
        (Literal("2025-06-19", datatype=XSD.date), "Summit (June 16\u201318, 2025)", False),
        (Literal(2), "the Second China\u2013Central Asia Summit", True),
        (Literal(12), "signing 12 cooperation documents", True),
        (Literal(12), "signing 112 cooperation documents", False),
    ],
)
def test_literal_notations(literal, text, found):
    notation = literal_notation(literal, ordinal=True, reference_year=2025)
    assert notation is not None
    assert notation.found_in(text) is found


def test_a_boolean_or_a_string_holds_no_number():
    assert literal_notation(Literal(True)) is None
    assert literal_notation(Literal("USD")) is None


# --- kg evidence on the made-up article ----------------------------------------------------


def test_evidence_text_with_sources_marks_each_span(world):
    data, sources = world
    result = run(
        "evidence", "Grant for two new ferries", "--data", str(data), "--sources", str(sources)
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "skgr:test-ferry-grant  Grant for two new ferries  (skg:Commitment)",
        "paragraphs: 3",
        "",
        "  the resource itself",
        "    ¶3 49–97  [[Northport pledged $3\u202fmillion for two new ferries]], due in 2027.",
        "  amount: 3 million USD  (see the resource's spans)",
        "  kind of commitment: grant  (see the resource's spans)",
        "  committed by: Northport  (see the resource's spans)",
        "  status: pledged  (see the resource's spans)",
        "  target year: 2027",
        "    ¶3 99–110  Northport pledged $3\u202fmillion for two new ferries, [[due in 2027]].",
        "  Quill: the ferries will carry everyone (skgr:test-quote-quill) — about: "
        "Grant for two new ferries",
        "    ¶3 149–179  Mayor Ada Quill said the boats will "
        "\u201c[[carry everyone across the lake]]\u201d.",
    ]
    assert result.stderr == ""


def test_evidence_without_sources_gives_offsets_and_says_how_to_point(world):
    data, _ = world
    result = run("evidence", "skgr:test-ada-quill", "--data", str(data))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[3:5] == ["  the resource itself", "    ¶3 112–127"]
    assert result.stderr.splitlines() == [
        "text not shown: point at the article with --sources ../shared/sources "
        "(or set KG_SOURCES=../shared/sources)"
    ]


def test_evidence_md_and_json(world):
    data, sources = world
    md = run(
        "evidence", "Ada Quill", "--data", str(data), "--sources", str(sources), "--format", "md"
    )
    assert md.stdout.splitlines()[0] == "## Ada Quill (`skgr:test-ada-quill`)"
    assert "  - ¶3 (112–127): **Mayor Ada Quill** said the boats will" in md.stdout
    raw = run(
        "evidence", "Ada Quill", "--data", str(data), "--sources", str(sources), "--format", "json"
    )
    record = json.loads(raw.stdout)
    assert (record["name"], record["types"], record["paragraphs"]) == (
        "skgr:test-ada-quill",
        ["skg:Person"],
        [3],
    )
    (own,) = record["passages"]
    assert (own["start"], own["end"], own["text"]) == (112, 127, "Mayor Ada Quill")
    (spoke,) = record["statements"]
    assert (spoke["subject"], spoke["property"], spoke["own"]) == (
        "skgr:test-quote-quill",
        "skg:speaker",
        False,
    )
    assert spoke["passages"][0]["text"] == "carry everyone across the lake"


def test_evidence_refuses_a_changed_copy(world):
    data, sources = world
    (sources / "test-article.txt").write_text(ARTICLE.upper(), encoding="utf-8")
    result = run("evidence", "Ada Quill", "--data", str(data), "--sources", str(sources))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "is not the one the offsets were taken from" in result.stderr
    assert result.stdout == ""


def test_evidence_of_an_unknown_name_is_bad_usage(world):
    data, _ = world
    result = run("evidence", "Ada Quil", "--data", str(data))
    assert result.exit_code == 2
    assert "nothing in the graph is called 'Ada Quil'" in result.stderr
    assert "did you mean skgr:test-ada-quill (Ada Quill)?" in result.stderr


def test_library_returns_records(world):
    import kg

    data, sources = world
    record = kg.evidence("Growth of ridership on the lake in 2024", data=data, sources=sources)
    values = {s.property: s.values for s in record.statements}
    assert values["skg:value"] == ("over 15 per cent",)
    assert values["skg:referenceYear"] == ("2024",)
    assert record.passages[0].text == "Ridership on the lake rose by over 15% in 2024"
    assert record.text_shown


# --- the shipped data against the real article ---------------------------------------------


def _article() -> str:
    return REAL_FILE.read_bytes().decode("utf-8")


def _json(*args: str) -> dict:
    result = run("evidence", *args, "--sources", str(REAL_SOURCES), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _all_passages(record: dict) -> list[dict]:
    return [*record["passages"], *(p for s in record["statements"] for p in s["passages"])]


@needs_article
def test_every_passage_shown_is_the_articles_text_at_its_offsets():
    article = _article()
    for name in ("Xi Jinping", "skgr:grant-livelihood-projects", "Astana Declaration"):
        record = _json(name)
        passages = _all_passages(record)
        assert passages, name
        for p in passages:
            assert p["text"] == article[p["start"] : p["end"]]
            sentence = p["before"] + p["text"] + p["after"]
            assert sentence in article


@needs_article
def test_evidence_of_a_person():
    record = _json("Xi Jinping")
    assert record["types"] == ["skg:Person"]
    assert 4 in record["paragraphs"]  # paragraph 4 names him among the leaders
    own = " ".join(p["text"] for p in record["passages"])
    assert "Xi Jinping" in own
    statements = {(s["property"], s["subject"]): s for s in record["statements"]}
    assert statements[("skg:leaderOf", None)]["values"] == ["China"]
    # Paragraph 12: he pledged the grants; the span of that statement says so.
    grant = statements[("skg:announcedBy", "skgr:grant-livelihood-projects")]
    assert any("pledged" in p["text"] for p in grant["passages"])


@needs_article
def test_evidence_of_a_commitment_in_text_and_md():
    article = _article()
    record = _json("skgr:grant-livelihood-projects")
    assert 12 in record["paragraphs"]
    amount = next(s for s in record["statements"] if s["property"] == "skg:amount")
    # 1.5 billion yuan, "about US$208 million" (paragraph 12)
    assert amount["values"] == ["1.5 billion CNY (stated as about 208 million USD)"]
    spans = [p["text"] for p in amount["passages"]]
    assert any("yuan" in t and "208" in t for t in spans)
    text = run("evidence", "skgr:grant-livelihood-projects", "--sources", str(REAL_SOURCES))
    md = run(
        "evidence",
        "skgr:grant-livelihood-projects",
        "--sources",
        str(REAL_SOURCES),
        "--format",
        "md",
    )
    first = record["passages"][0]
    span = article[first["start"] : first["end"]]
    assert f"[[{span}]]" in text.stdout
    assert f"**{span}**" in md.stdout
    assert f"¶{first['paragraph']} {first['start']}–{first['end']}" in text.stdout


@needs_article
def test_evidence_of_an_agreement():
    record = _json("Astana Declaration")
    assert "skg:Declaration" in record["types"]
    assert {5, 7} <= set(record["paragraphs"])  # adopted (5), jointly issued (7)
    assert any("Astana Declaration" in p["text"] for p in _all_passages(record))


@needs_article
def test_query_evidence_on_a_named_question():
    article = _article()
    result = run(
        "query", "leaders", "--format", "table", "--evidence", "--sources", str(REAL_SOURCES)
    )
    assert result.exit_code == 0, result.output
    answer, _, evidence = result.stdout.partition("Evidence of each row's subject:\n")
    assert "skgr:xi-jinping" in answer
    # The first column is the state: one block per state, China first (the answer's order).
    blocks = [line for line in evidence.splitlines() if not line.startswith(" ")]
    assert blocks[0].startswith("skgr:china  China  (paragraphs ")
    assert len(blocks) == 6
    marked = [line for line in evidence.splitlines() if "[[" in line]
    inner = marked[0].split("[[", 1)[1].split("]]", 1)[0]
    assert inner in article


def test_query_evidence_keeps_a_csv_answer_clean():
    result = run("query", "leaders", "--format", "csv", "--evidence")
    assert result.exit_code == 0
    assert "Evidence" not in result.stdout
    assert result.stdout.splitlines()[0].startswith("state,")
    assert "Evidence of each row's subject:" in result.stderr
    assert "text not shown: point at the article with --sources" in result.stderr


def test_query_evidence_reads_the_first_column_of_resources_and_construct_answers():
    # timeline starts with a year column; its first resource is the 2023 Xi'an summit,
    # the earliest event the article dates (paragraph 4).
    result = run("query", "timeline", "--format", "csv", "--evidence")
    assert result.exit_code == 0
    blocks = [line for line in result.stderr.splitlines() if line.startswith("skgr:")]
    assert blocks[0].startswith("skgr:xian-summit-2023  ")
    # A CONSTRUCT answer: the subjects of the graph it returns.
    sub = run(
        "query", "agreement-subgraph", "-p", "agreement", "Astana Declaration",
        "--format", "ttl", "--evidence",
    )  # fmt: skip
    assert sub.exit_code == 0
    names = [line.split()[0] for line in sub.stderr.splitlines() if line.startswith("skgr:")]
    assert "skgr:astana-declaration" in names
