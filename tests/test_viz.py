"""Rendering: the offline HTML page, PNG/SVG and the network formats, and ``kg viz``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.render.network import project
from kg.render.pictures import article_paragraphs, format_for, render, to_html

FIXTURE = Path(__file__).parent / "fixtures" / "viz"
DATA = FIXTURE / "data"
ID = "https://w3id.org/summit-kg/id/"


@pytest.fixture(scope="module")
def small():
    from kg.model.load import load

    return load(DATA)


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "the page carries its data as JSON"
    return json.loads(m.group(1))


def outside_references(html: str) -> list[str]:
    """Every way a page could make the browser fetch something from elsewhere."""
    patterns = [
        r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""",
        r"""url\(\s*["']?\s*(?:https?:)?//""",
        r"@import",
        r"sourceMappingURL",
        r"""\bfetch\s*\(\s*["']http""",
    ]
    return [p for p in patterns if re.search(p, html, re.IGNORECASE)]


def test_page_is_self_contained(small):
    html = to_html(project(small, "full"), title="Test")
    assert outside_references(html) == []
    assert "vis-network" in html and "new vis.Network" in html
    # Every script and style is inline: no <script src>, no <link>.
    assert re.findall(r"<script\b[^>]*\bsrc=", html, re.I) == []
    assert "<link" not in html.lower()


def test_page_data_matches_the_graph(small):
    G = project(small, "full")
    data = page_data(to_html(G, title="Small summit"))
    assert data["title"] == "Small summit"
    assert len(data["nodes"]) == G.number_of_nodes() == 9
    assert len(data["edges"]) == G.number_of_edges() == 13
    legend = {e["name"]: e["count"] for e in data["legend"]}
    # kinds, not classes: the summit and Astana are an Event and a Place, the treaty an
    # Agreement (its class stays in the tooltip)
    assert legend == {
        "State": 3,
        "Person": 1,
        "Place": 1,
        "Event": 1,
        "Agreement": 1,
        "Project": 1,
        "Commitment": 1,
    }
    grant = next(n for n in data["nodes"] if n["id"] == ID + "test-grant")
    rows = dict(grant["info"]["rows"])
    assert "1.5 billion CNY (about 208 million USD)" in rows["key figures"]
    assert rows["article paragraphs"] == "12"
    china = next(n for n in data["nodes"] if n["id"] == ID + "china")
    xi = next(n for n in data["nodes"] if n["id"] == ID + "xi-jinping")
    # size by degree: China has 4 neighbours (Xi, the treaty, the grant, the railway), Xi 2
    assert china["size"] > xi["size"]
    # every node has its place in the data: the page draws what the layout computed
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_data_cannot_break_out_of_the_page():
    G = nx.MultiDiGraph()
    G.add_node("x", label="</script><script>alert(1)</script><!--", **{"class": "State"})
    html = to_html(G, title="<b>t</b>")
    assert "</script><script>alert(1)" not in html
    assert html.count("</script>") == 3  # the data, vis-network and our code: nothing more
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in html
    assert page_data(html)["nodes"][0]["label"].startswith("</script>")


def test_tooltips_can_quote_the_article(small, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Title\n\nByline\n\nThird.\n\nFourth\nline.\n", encoding="utf-8")
    paragraphs = article_paragraphs(article)
    assert paragraphs[4] == "Fourth line."
    data = page_data(to_html(project(small, "actors"), paragraphs=paragraphs))
    china = next(n for n in data["nodes"] if n["id"] == ID + "china")
    assert china["info"]["texts"] == ["\u00b64: Fourth line."]


def test_png_and_svg(small):
    G = project(small, "full")
    png = render(G, "png", title="Small")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    svg = render(G, "svg", title="Small")
    root = ElementTree.fromstring(svg)
    texts = "".join(root.itertext())
    for name in ("Small", "Kazakhstan", "Test railway", "State (3)", "leader of"):
        assert name in texts  # labels, edge labels and legend are real text
    assert "Hover" not in texts  # a drawing on paper says nothing of a pointer
    # all 13 edges are directed: each is a grey line with a filled grey arrowhead
    text = svg.decode("utf-8")
    assert text.count("stroke: #9aa3ab") == 13
    assert text.count('style="fill: #9aa3ab') == 13


def test_graphml_and_gexf_round_trip(small, tmp_path):
    G = project(small, "full")
    path = tmp_path / "g.graphml"
    path.write_bytes(render(G, "graphml"))
    back = nx.read_graphml(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (9, 13)
    assert back.nodes[ID + "test-grant"]["amount"] == "1.5 billion CNY (about 208 million USD)"
    path = tmp_path / "g.gexf"
    path.write_bytes(render(G, "gexf"))
    back = nx.read_gexf(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (9, 13)
    assert back.nodes[ID + "test-treaty"]["class"] == "Treaty"


def test_format_follows_the_output_suffix():
    assert format_for(Path("a.GEXF"), None) == "gexf"
    assert format_for(Path("a.htm"), None) == "html"
    assert format_for(Path("a.png"), "svg") == "svg"
    assert format_for(None, None) == "html"


# -- the command ---------------------------------------------------------------------------
def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cli_writes_html(tmp_path):
    out = tmp_path / "graph.html"
    result = run("viz", "--data", str(DATA), "-o", str(out), "--title", "Mini")
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["title"] == "Mini"
    # the commitments view by default: the grant and the railway, China, Xi, Kazakhstan and
    # Uzbekistan; China commits to both, Uzbekistan to the railway, Xi announced the grant,
    # the grant benefits Kazakhstan
    assert len(data["nodes"]) == 6
    assert "6 nodes, 5 edges" in result.stderr


def test_cli_focus_and_format(tmp_path):
    out = tmp_path / "kz.graphml"
    result = run(
        "viz", "--data", str(DATA), "--view", "full", "--focus", "Kazakhstan", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() == 3


def test_cli_focus_typo_is_one_line_exit_2():
    result = run("viz", "--data", str(DATA), "--focus", "Kazakstan")
    assert result.exit_code == 2
    assert "Error: --focus: no node 'Kazakstan'" in result.stderr
    assert "Kazakhstan" in result.stderr
    assert "Traceback" not in result.output


def test_cli_draws_a_construct_query(tmp_path):
    out = tmp_path / "q.gexf"
    result = run("viz", "--data", str(DATA), "--query", str(FIXTURE / "parties.rq"), "-o", str(out))
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(out)
    assert back.number_of_edges() == 3  # the treaty's three parties
    assert back.nodes[ID + "china"]["label"] == "China"  # labels come from the graph


def test_cli_refuses_a_select_query():
    result = run("viz", "--data", str(DATA), "--query", str(FIXTURE / "select.rq"))
    assert result.exit_code == 2
    assert "needs a CONSTRUCT query" in result.stderr


def test_cli_html_to_stdout():
    result = run("viz", "--data", str(DATA), "--view", "agreements")
    assert result.exit_code == 0
    assert len(page_data(result.stdout)["nodes"]) == 5


def test_the_command_offers_every_view():
    from kg.cli.viz import VIEW_NAMES
    from kg.render.network import VIEWS

    assert tuple(VIEWS) == VIEW_NAMES
