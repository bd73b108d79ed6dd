"""``kg viz --view timeline``: every dated item on one axis, as PNG, SVG or a page.

Expected items for the fixture come from tests/fixtures/viz/data/small.ttl by hand; for the
shipped data from the article (the summits of 2023 and 16-18 June 2025, the treaty signed
on 17 June, the railway due 2030, training for two years from the summit).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import UsageError
from kg.render.network import project
from kg.render.network.timeline import timeline_items
from kg.render.pictures import timeline

DATA = Path(__file__).parent / "fixtures" / "viz" / "data"


@pytest.fixture(scope="module")
def small():
    from kg.model.load import load

    return load(DATA)


def test_the_fixtures_dated_items(small):
    items = timeline_items(project(small, "full"))
    got = [(i.lane, round(i.start, 3), i.end, i.label, i.when) for i in items]
    # 16 June is day 167 of 2025: (167 - 1) / 365 = 0.455
    assert got == [
        (0, 2025.455, None, "Test summit", "16 June 2025"),
        (1, 2025.458, None, "Test treaty", "signed 17 June 2025"),
        (2, 2025.0, 2031.0, "Test railway", "2025 \u2192 2030"),  # to the end of 2030
    ]


def test_the_summits_timeline(graph):
    items = {i.label: i for i in timeline_items(project(graph, "full"))}
    astana = items["Second China–Central Asia Summit (Astana, 2025)"]
    assert astana.when == "16–18 June 2025 (concludes 17 June 2025)"
    assert astana.lane == 0 and astana.end is not None and astana.end > astana.start
    assert items["First China–Central Asia Summit (Xi'an, 2023)"].when == "2023"
    treaty = items["Treaty on Eternal Good-Neighborliness, Friendship, and Cooperation"]
    assert (treaty.lane, treaty.when) == (1, "signed 17 June 2025")
    training = items["3,000 training places for Central Asian professionals"]
    # made at the summit (June 2025), for two years: due 2027
    assert training.when == "2 years from the summit: due 2027 \u00b7 pledged"
    assert training.start == pytest.approx(astana.start) and training.end == 2028.0
    railway = items["China–Kyrgyzstan–Uzbekistan railway"]
    assert railway.when == "2025 \u2192 2030 \u00b7 planned"
    assert {i.lane for i in items.values()} == {0, 1, 2, 3}


def test_svg_png_and_page(graph):
    full = project(graph, "full")
    svg = timeline(full, "svg", title="Timeline")
    texts = " ".join(ElementTree.fromstring(svg).itertext())
    for words in ("Timeline", "2023", "2030", "Agreements signed", "due 2027", "Figures for"):
        assert words in texts
    assert "2031" not in texts  # the axis ends with the last year anything falls in
    png = timeline(full, "png", title="Timeline")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    page = timeline(full, "html", title="A <b>title</b>").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<?xml" not in page
    assert "<title>A &lt;b&gt;title&lt;/b&gt;</title>" in page
    assert "<script" not in page and not re.search(r"(?:src|href)=[\"']?https?:", page)


def test_a_network_format_is_refused(small):
    with pytest.raises(UsageError, match="not a network") as err:
        timeline(project(small, "full"), "graphml", title="t")
    assert err.value.where == "--format"


def test_a_graph_without_dates_is_refused(small):
    G = project(small, "full")
    for _, data in G.nodes(data=True):
        for key in ("start_date", "signing_date", "start_year", "target_year", "year"):
            data.pop(key, None)
    with pytest.raises(UsageError, match="nothing in the graph has a date"):
        timeline(G, "svg", title="t")


def run(*args: str):
    return CliRunner().invoke(main, ["viz", *args])


def test_cli_draws_the_timeline(tmp_path):
    out = tmp_path / "t.svg"
    result = run("--data", str(DATA), "--view", "timeline", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "(svg, timeline," in result.stderr
    assert "Test railway" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (("--format", "gexf"), "--format"),
        (("--focus", "Kazakhstan"), "--focus"),
    ],
)
def test_cli_timeline_misuse_is_one_line_exit_2(args, where):
    result = run("--data", str(DATA), "--view", "timeline", *args)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"Error: {where}:")
    assert "Traceback" not in result.output
