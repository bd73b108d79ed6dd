"""Plain tabular answers for spreadsheets, cut/awk and jq: tsv, jsonl, xlsx and --excel.

Expected figures are read from the article by hand: paragraph 12 (1.5 billion yuan in
grants, "about US$208 million"), paragraph 11 (the railway's estimated cost of $8 billion,
construction from 2025, completion by 2030) and paragraph 5 (the summit, 16 to 18 June 2025).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.render import formats

GRANT = "https://w3id.org/summit-kg/id/grant-livelihood-projects"
RAILWAY = "https://w3id.org/summit-kg/id/china-kyrgyzstan-uzbekistan-railway"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))


def kg(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def answer(*args: str) -> bytes:
    result = kg("query", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_plain_tsv_is_read_back_by_the_csv_module():
    rows = list(
        csv.reader(
            io.StringIO(answer("who-committed-what", "--format", "tsv").decode()), delimiter="\t"
        )
    )
    header, body = rows[0], {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert header[:3] == ["commitment", "label", "committedBy"]  # no '?' before the names
    grant = body[GRANT]
    assert (grant["amount"], grant["currency"], grant["qualifier"]) == (
        "1500000000",
        "CNY",
        "exact",
    )
    assert (grant["equivalent"], grant["equivalentCurrency"]) == ("208000000", "USD")
    assert grant["equivalentQualifier"] == "about"
    railway = body[RAILWAY]
    assert (railway["amount"], railway["startYear"], railway["targetYear"]) == (
        "8000000000",
        "2025",
        "2030",
    )
    assert all(len(r) == len(header) for r in rows)  # every line whole: cut -f sees all columns


def test_plain_tsv_is_read_back_by_pandas_with_numbers_as_numbers():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.BytesIO(answer("who-committed-what", "--format", "tsv")), sep="\t")
    assert pd.api.types.is_numeric_dtype(df["amount"])
    assert df.set_index("commitment").loc[RAILWAY, "amount"] == 8_000_000_000
    assert df.set_index("commitment").loc[RAILWAY, "targetYear"] == 2030
    assert (
        df["amount"].sum() == 8_000_000_000 + 1_500_000_000 + 3_000
    )  # railway, grant, training places


def test_plain_tsv_cells_never_hold_a_tab_or_a_line_break():
    text = 'SELECT ?a ?b WHERE { BIND("one\\ttwo\\nthree" AS ?a) BIND(42 AS ?b) }'
    data = answer("--sparql", text, "--format", "tsv", "--no-cache").decode()
    assert data == "a\tb\none two three\t42\n"


def test_the_w3c_tsv_keeps_its_rdf_syntax_under_its_own_name():
    text = "SELECT ?b WHERE { BIND(42 AS ?b) }"
    data = answer("--sparql", text, "--format", "sparql-tsv").decode()
    assert data.splitlines() == ["?b", '"42"^^<http://www.w3.org/2001/XMLSchema#integer>']


def test_jsonl_is_one_flat_object_per_row_with_typed_values():
    lines = answer("who-committed-what", "--format", "jsonl").decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert (
        len(records)
        == len(answer("who-committed-what", "--format", "csv").decode().splitlines()) - 1
    )
    railway = next(r for r in records if r["commitment"] == RAILWAY)
    assert railway["amount"] == 8_000_000_000 and isinstance(railway["amount"], int)
    assert railway["currency"] == "USD" and railway["qualifier"] == "estimated"
    assert railway["targetYear"] == 2030 and railway["duration"] is None  # unbound: null, key kept
    assert list(railway)[:2] == ["commitment", "label"]


def test_jsonl_dates_are_iso_text():
    text = "SELECT ?start WHERE { skgr:astana-summit-2025 schema:startDate ?start }"
    assert json.loads(answer("--sparql", text, "--format", "jsonl")) == {"start": "2025-06-16"}


def test_excel_csv_starts_with_a_byte_order_mark_and_is_otherwise_the_csv():
    plain = answer("who-committed-what", "--format", "csv")
    marked = answer("who-committed-what", "--excel")
    assert marked == b"\xef\xbb\xbf" + plain
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.BytesIO(marked), encoding="utf-8-sig")
    assert df.columns[0] == "commitment"
    assert "China–Kyrgyzstan–Uzbekistan railway" in set(df["label"])  # the dashes survive


def test_excel_with_tsv_marks_the_tsv_too(tmp_path):
    out = tmp_path / "answer.tsv"
    assert kg("query", "leaders", "--excel", "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfstate\tstateLabel")


def test_excel_refuses_a_format_it_does_not_apply_to():
    result = kg("query", "leaders", "--excel", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --excel:") and len(result.stderr.splitlines()) == 1


def test_xlsx_workbook_has_typed_cells_and_links(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "commitments.xlsx"
    result = kg("query", "who-committed-what", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    railway = rows[RAILWAY]
    cell = railway[header.index("amount")]
    assert cell.value == 8_000_000_000 and cell.data_type == "n"
    assert railway[header.index("targetYear")].value == 2030
    assert railway[0].hyperlink.target == RAILWAY
    assert sheet[1][0].font.bold


def test_ask_answers_in_plain_formats():
    text = "ASK { skgr:china a skg:State }"
    assert answer("--sparql", text, "--format", "tsv") == b"answer\ntrue\n"
    assert json.loads(answer("--sparql", text, "--format", "jsonl")) == {"answer": True}


def test_a_graph_answer_refuses_the_plain_table_formats():
    text = "CONSTRUCT { ?s a skg:State } WHERE { ?s a skg:State }"
    result = kg("query", "--sparql", text, "--format", "jsonl")
    assert result.exit_code == 2 and "graph" in result.stderr


def test_suffixes_choose_the_plain_formats():
    assert formats.guess("a.tsv").name == "tsv"
    assert formats.guess("a.jsonl").name == "jsonl"
    assert formats.guess("a.xlsx").name == "xlsx"
    assert formats.get("sparql-tsv").label == "W3C SPARQL 1.1 TSV"
