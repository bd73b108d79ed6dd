"""docs/notebook.ipynb runs from top to bottom in a fresh python3 kernel, offline, and shows
the headline answer, the joinable tables and the picture.

The figures checked are the article's: the railway (paragraph 11) and the grants of 1.5
billion yuan (paragraph 12) in the headline table; the summit's six states in the picture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "notebook.ipynb"


@pytest.fixture(scope="module")
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    return [c for c in notebook.cells if c.cell_type == "code"]


def outputs(cell, kind: str) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(o.get("data", {}).get(kind, "")) for o in cell.outputs)


@pytest.mark.slow
def test_every_cell_runs_without_an_error(executed):
    assert all(o.output_type != "error" for c in executed for o in c.outputs)
    assert all(c.outputs for c in executed)  # every cell shows something


@pytest.mark.slow
def test_the_headline_answer_is_a_table_with_the_articles_figures(executed):
    headline = next(c for c in executed if "who-committed-what" in c.source)
    html = outputs(headline, "text/html")
    assert "<table" in html and "China–Kyrgyzstan–Uzbekistan railway" in html
    money = next(c for c in executed if "dropna" in c.source)
    html = outputs(money, "text/html")
    assert "<td>1500000000.0</td>" in html and "<td>8000000000.0</td>" in html
    assert (
        "<td>CNY</td>" in html and "<td>about</td>" in html
    )  # 1.5 billion yuan, about US$208 million


@pytest.mark.slow
def test_the_joinable_tables_and_the_picture_show(executed):
    aiddata = next(c for c in executed if 'export_table("commitments")' in c.source)
    assert "Recommended For Aggregates" in outputs(aiddata, "text/html")
    picture = next(c for c in executed if "kg.draw" in c.source)
    html = outputs(picture, "text/html")
    assert html.startswith("<iframe srcdoc=") and "Kazakhstan" in html
    assert "<script src=" not in html  # the page inlines its script: it works offline
