"""``kg site``: the built site's files, links, downloads and pages, read without a browser.

The site is built once without the article's copy (what anyone can build) and once with it
(``../shared/sources``, skipped where absent). Expected values are the article's facts as
the hand-written answers in tests/expected/ and the data state them: the grants of
paragraph 12 (1.5 billion CNY, about 208 million USD, committed by China, three spans), the
14 dated rows of tests/expected/timeline.csv, the three stated sums of money.csv.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from kg.cli import main
from kg.errors import InputError, UsageError
from kg.model import paths
from kg.model.namespaces import OA, SKG, SKGR

REAL_SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
ARTICLE = REAL_SOURCES / "000_d9ce016cc982a1d1.txt"
needs_article = pytest.mark.skipif(not ARTICLE.is_file(), reason=f"no article at {REAL_SOURCES}")
GRANT = str(SKGR["grant-livelihood-projects"])


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("kg-cache")


@pytest.fixture(scope="module")
def built(tmp_path_factory, cache_dir):
    from kg.render.site.build import build_site

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_dir))
        out = tmp_path_factory.mktemp("site") / "site"
        report = build_site(out)
    return out, report


@pytest.fixture(scope="module")
def built_with_article(tmp_path_factory, cache_dir):
    if not ARTICLE.is_file():
        pytest.skip(f"no article at {REAL_SOURCES}")
    from kg.render.site.build import build_site

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_dir))
        out = tmp_path_factory.mktemp("site-article") / "site"
        report = build_site(out, sources=REAL_SOURCES)
    return out, report


# -- the link checker -------------------------------------------------------------------------
class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.targets.append(value)


def broken_links(folder: Path) -> list[str]:
    """Every internal href/src of every page that names a missing file or a missing id."""
    pages = {}
    for page in folder.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.resolve()] = parser
    broken = []
    for page, parser in pages.items():
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or target.startswith("//"):
                continue  # an outside link (Wikidata): a navigation, not part of the site
            file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not file.is_file():
                broken.append(f"{page.relative_to(folder.resolve())}: {target} (no file)")
            elif parts.fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else set()
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(folder.resolve())}: {target} (no id)")
    return broken


def test_the_link_checker_sees_a_missing_file_and_a_missing_anchor(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html">ok</a><a href="c.html">no file</a><a href="b.html#x">ok</a>'
        '<a href="b.html#y">no id</a><a href="#top">ok</a><p id="top">'
        '<a href="https://www.wikidata.org/">outside</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<p id="x">', encoding="utf-8")
    assert broken_links(tmp_path) == ["a.html: c.html (no file)", "a.html: b.html#y (no id)"]


def test_no_broken_internal_link_in_the_whole_site(built):
    out, report = built
    assert report.pages > 500
    assert broken_links(out) == []


@needs_article
def test_no_broken_internal_link_with_the_article_view(built_with_article):
    out, report = built_with_article
    assert (out / "article.html").is_file() and report.article
    assert broken_links(out) == []


# -- what the site holds ----------------------------------------------------------------------
def test_a_page_for_every_typed_resource_and_every_question(built, graph):
    out, _ = built
    typed = {
        s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(SKGR)
    }
    pages = {p.stem for p in (out / "id").glob("*.html")}
    assert pages == {str(s)[len(SKGR) :] for s in typed}
    questions = {p.stem for p in (out / "queries").glob("*.html")} - {"index"}
    assert questions == {p.stem for p in paths.QUERIES_DIR.glob("*.rq")}
    for name in (
        "index.html",
        "search.html",
        "assets/search-index.js",
        "assets/plotly.min.js",
        "assets/vis-network.min.js",
        "class/index.html",
        "class/State.html",
        ".kg-site",
    ):
        assert (out / name).is_file(), name
    assert not (out / "article.html").exists()  # no copy given, no article view


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_commitment_page_says_its_statements_and_evidence(built):
    out, _ = built
    html = (out / "id" / "grant-livelihood-projects.html").read_text(encoding="utf-8")
    text = _text(html)
    assert "<h1>Grants for livelihood and development projects in Central Asia</h1>" in html
    assert "amount 1.5 billion CNY (stated as about 208 million USD)" in text
    assert '<a href="../id/china.html" title="skgr:china">China</a>' in html  # committed by
    assert '<a href="../id/xi-jinping.html"' in html  # announced by
    # three spans in paragraph 12: the grants, who backs them, the amount (5866-5905)
    assert text.count("¶12 , characters") == 3
    assert "characters 5866–5905" in text and "characters 5845–5982" in text
    assert 'href="#span-ev-grant-livelihood-projects-amount"' in html  # the amount's own span
    assert "its sentences are not shown" in text
    assert 'href="../id/grant-livelihood-projects.ttl"' in html


class _Statements(HTMLParser):
    """The rows of a page's statements table: (row class, header text, cells' text, links)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, list[str], list[str]]] = []
        self._in_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and "statements" in (found.get("class") or "").split():
            self._in_table = "incoming" not in (found.get("class") or "")
        elif self._in_table and tag == "tr":
            self.rows.append((found.get("class") or "", "", [], []))
        elif self._in_table and tag in ("th", "td") and self.rows:
            self._cell = []
        elif self._in_table and tag == "a" and self.rows:
            self.rows[-1][3].append(found.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_table = False
        elif self._in_table and tag in ("th", "td") and self._cell is not None and self.rows:
            kind, head, cells, links = self.rows[-1]
            text = " ".join("".join(self._cell).split())
            if tag == "th" and not head and not cells:
                self.rows[-1] = (kind, text, cells, links)
            else:
                cells.append(text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def statement_rows(html: str) -> list[tuple[str, str, list[str], list[str]]]:
    parser = _Statements()
    parser.feed(html)
    return [r for r in parser.rows if r[1] != "property"]  # the header row


def statement(html: str, label: str) -> tuple[list[str], list[str], list[str]]:
    """A statement's (cells, links) and, if other sources give other values, the cells of
    the row under it that shows them."""
    rows = statement_rows(html)
    at = next(i for i, r in enumerate(rows) if r[1] == label and r[0] != "accounts")
    under = rows[at + 1] if at + 1 < len(rows) and rows[at + 1][0] == "accounts" else None
    return rows[at][2], rows[at][3] + (under[3] if under else []), under[2] if under else []


def test_a_statement_shows_its_sources_and_the_dates_other_sources_give(built):
    # other-accounts.md: CGTN (B), Xinhua of 18 June 2025 (C) and NewsChina (D) have the
    # summit held on 17 June; the article dates it 16-18 June (paragraph 3). The Astana
    # Times (A) has it end on 17 June. Four sources number it the second summit.
    out, _ = built
    html = (out / "id" / "astana-summit-2025.html").read_text(encoding="utf-8")
    cells, links, others = statement(html, "start date")
    assert cells == ["16 June 2025", "the article ¶3"]
    assert "../id/source-article.html" in links
    assert others == [
        "17 June 2025 (CGTN, 18 June 2025, NewsChina, 2025, Xinhua News Agency, 19 June 2025) "
        "disputed The Astana summit's dates: 16 to 18 June, or 17 June"
    ]
    assert "../id/disagreement-summit-dates.html" in links
    assert "../id/source-newschina-2025.html" in links
    _, _, others = statement(html, "end date")
    assert others[0].startswith("17 June 2025 (CGTN, 18 June 2025, NewsChina, 2025, The Astana")
    cells, links, others = statement(html, "edition number")
    assert cells[0] == "2" and others == []
    assert cells[1] == (
        "the article ¶3 ¶4 · CGTN, 18 June 2025 · NewsChina, 2025 · The Astana Times, 18 June 2025"
    )


def test_the_trade_growth_figures_stand_side_by_side(built):
    # The article: over 30 per cent since 2023; The Astana Times (A): 35 per cent, and the
    # same start of the period, 2023.
    out, _ = built
    html = (out / "id" / "trade-growth-since-2023.html").read_text(encoding="utf-8")
    cells, links, others = statement(html, "value")
    assert cells[0] == "over 30 per cent" and cells[1].startswith("the article ¶")
    assert others == [
        "35 per cent (The Astana Times, 18 June 2025) disputed Growth of China–Central Asia "
        "trade since 2023: over 30 per cent, or 35 per cent"
    ]
    assert "../id/disagreement-trade-growth.html" in links
    cells, _, others = statement(html, "period start")
    assert cells[0] == "2023" and cells[1].endswith(" · The Astana Times, 18 June 2025")
    assert others == []


def test_the_secretariat_set_up_in_2025_or_agreed_in_2023(built):
    # The article credits the 2025 summit; The Astana Times of April 2024 (E) and Xinhua of
    # 19 May 2023 (F) the 2023 summit; E alone dates its opening in Xi'an, 30 March 2024.
    out, _ = built
    html = (out / "id" / "permanent-secretariat.html").read_text(encoding="utf-8")
    cells, links, others = statement(html, "made at")
    assert cells[0] == "Second China–Central Asia Summit (Astana, 2025)"
    assert others == [
        "First China–Central Asia Summit (Xi'an, 2023) (The Astana Times, April 2024, Xinhua "
        "News Agency, 19 May 2023) disputed The permanent secretariat: set up by the 2025 "
        "summit, or agreed at the 2023 summit"
    ]
    assert "../id/disagreement-secretariat-set-up.html" in links
    assert "../id/xian-summit-2023.html" in links
    html = (out / "id" / "mechanism-secretariat.html").read_text(encoding="utf-8")
    cells, _, others = statement(html, "founding date")
    assert cells == ["not stated by the article", ""]
    assert others == ["30 March 2024 (The Astana Times, April 2024)"]
    # the article: a permanent secretariat in China (paragraph 5); Xi'an is in China, so
    # E's Xi'an is a more precise account, no disagreement
    cells, _, others = statement(html, "seat in")
    assert cells == ["China", "the article ¶5"] and others == [
        "Xi'an (The Astana Times, April 2024)"
    ]


def test_a_thing_only_reports_speak_of_shows_what_they_say(built):
    # NewsChina (D) alone speaks of the foreign ministers' meeting of June 2022.
    out, _ = built
    html = (out / "id" / "foreign-ministers-meeting-2022.html").read_text(encoding="utf-8")
    cells, _, others = statement(html, "date")
    assert cells == ["not stated by the article", ""] and others == ["2022-06 (NewsChina, 2025)"]


def test_a_served_page_links_sources_and_disagreements_to_routes(graph):
    from kg.render.site import Links, render_resource_page

    html = render_resource_page(graph, SKGR["astana-summit-2025"], links=Links.server())
    assert 'href="/id/disagreement-summit-dates"' in html
    assert 'href="/id/source-cgtn-2025-06-18"' in html


@needs_article
def test_with_the_article_each_span_is_marked_in_its_sentence(built_with_article):
    out, _ = built_with_article
    html = (out / "id" / "grant-livelihood-projects.html").read_text(encoding="utf-8")
    words = ARTICLE.read_text(encoding="utf-8")[5866:5905]
    assert f"<mark>{words}</mark>" in html
    article = (out / "article.html").read_text(encoding="utf-8")
    assert 'id="span-ev-grant-livelihood-projects-amount"' in article
    assert 'class="ev d' in article and 'href="id/grant-livelihood-projects.html"' in article


@needs_article
def test_without_the_article_no_page_holds_its_words(built):
    out, _ = built
    text = ARTICLE.read_text(encoding="utf-8")
    sentence = text[5845:5982]  # the grants' clause in paragraph 12
    for page in out.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".js", ".ttl", ".jsonld", ".csv", ".json"):
            assert sentence not in page.read_text(encoding="utf-8"), page


def test_downloads_of_a_resource_parse_back_to_its_description(built, graph):
    from kg.render.site.describe import describe_resource

    out, _ = built
    expected = describe_resource(graph, GRANT)
    ttl = Graph().parse(out / "id" / "grant-livelihood-projects.ttl", format="turtle")
    jsonld = Graph().parse(out / "id" / "grant-livelihood-projects.jsonld", format="json-ld")
    assert isomorphic(ttl, expected) and isomorphic(jsonld, expected)
    grant = URIRef(GRANT)
    assert (grant, SKG.committedBy, SKGR.china) in ttl
    amount = ttl.value(grant, SKG.amount)
    assert ttl.value(amount, URIRef("https://schema.org/value")) == Literal(
        "1500000000", datatype=XSD.decimal
    )
    annotation = SKGR["ev-grant-livelihood-projects-amount"]
    assert (annotation, OA.hasBody, grant) in ttl
    assert ttl.value(SKGR.china, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) is not None
    # what points at it: the article's assessment of China as benefactor is about the grants
    assert (SKGR["paraphrase-article-china-benefactor"], None, grant) in ttl


def test_describe_an_unknown_iri_is_empty_and_its_page_refused(graph):
    from kg.render.site import describe_resource, render_resource_page

    assert len(describe_resource(graph, SKGR["no-such-thing"])) == 0
    with pytest.raises(UsageError):
        render_resource_page(graph, SKGR["no-such-thing"])


def test_question_downloads_are_the_w3c_results(built):
    out, _ = built
    rows = list(csv.DictReader(io.StringIO((out / "queries" / "timeline.csv").read_text())))
    assert len(rows) == 14  # tests/expected/timeline.csv
    assert {r["when"] for r in rows} >= {"2023", "2025-06-16", "2025-06-17", "2025-06-18", "2030"}
    leaders = json.loads((out / "queries" / "leaders.json").read_text())
    assert len(leaders["results"]["bindings"]) == 6  # China and five Central Asian presidents
    subgraph = Graph().parse(out / "queries" / "actor-neighbourhood.ttl", format="turtle")
    assert len(subgraph) > 0  # a CONSTRUCT question downloads as RDF, shown for Tajikistan
    page = (out / "queries" / "actor-neighbourhood.html").read_text(encoding="utf-8")
    assert "actor = Tajikistan" in page


def test_views_of_answers_count_the_marks_by_hand(graph):
    from kg.query import catalogue
    from kg.render.site.answers import answer_question
    from kg.render.site.base import SiteData
    from kg.render.site.links import Links
    from kg.render.site.views import bar_chart, network, timeline

    site, links = SiteData(graph), Links.files(1)
    answer = answer_question(site, catalogue.find("timeline"))
    marks = timeline(site, answer, links)["marks"]
    assert len(marks) == 14
    assert sum(m["year_only"] for m in marks) == 10  # 2023 x2, 2024 x4, 2025 x3, 2030
    money = bar_chart(site, answer_question(site, catalogue.find("money")), links)
    assert [(c["unit"], len(c["bars"])) for c in money["charts"]] == [("USD", 2), ("CNY", 1)]
    assert money["charts"][0]["bars"][0]["text"] == "nearly 25 billion USD"  # the 58 deals
    assert timeline(site, answer_question(site, catalogue.find("leaders")), links) is None
    assert bar_chart(site, answer_question(site, catalogue.find("leaders")), links) is None
    parties = network(site, answer_question(site, catalogue.find("parties-to-agreements")), links)
    declared = {e["to_label"] for e in parties["edges"] if e["from_label"] == "Astana Declaration"}
    # the Declaration's six parties (paragraph 5): China and the five Central Asian states
    assert declared == {
        "China",
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    }


def test_search_folds_case_diacritics_and_marks():
    from kg.render.site.base import fold

    assert fold("Kassym-Jomart Tokayev") == ["kassym", "jomart", "tokayev"]
    assert fold("TOKÁYEV") == ["tokayev"]
    assert fold("Xi'an") == ["xian"] and fold("Xi\u2019an") == ["xian"]
    assert fold("China–Kyrgyzstan–Uzbekistan railway") == [
        "china",
        "kyrgyzstan",
        "uzbekistan",
        "railway",
    ]


def test_the_same_data_builds_the_same_bytes(built, tmp_path, cache_dir, monkeypatch):
    from kg.render.site.build import build_site

    monkeypatch.setenv("KG_CACHE_DIR", str(cache_dir))  # the answers come from the cache now
    first, _ = built
    again = tmp_path / "again"
    build_site(again)
    names = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(again)) for p in again.rglob("*") if p.is_file())
    differ = [n for n in names if (first / n).read_bytes() != (again / n).read_bytes()]
    assert differ == []


def test_server_links_use_routes_not_files(graph):
    from kg.render.site import Links, render_resource_page

    html = render_resource_page(graph, GRANT, links=Links.server())
    assert 'href="/id/china"' in html and 'href="/assets/site.css"' in html
    assert 'href="/id/grant-livelihood-projects.ttl"' in html
    assert ".html" not in html


def test_a_folder_that_is_not_a_site_is_left_alone(tmp_path):
    from kg.render.site.build import build_site

    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="not a site kg wrote"):
        build_site(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_wrong_copy_of_the_article_changes_nothing(built, tmp_path):
    from kg.render.site.build import build_site

    out, _ = built
    before = (out / "index.html").read_bytes()
    wrong = tmp_path / "sources"
    wrong.mkdir()
    (wrong / "000_d9ce016cc982a1d1.txt").write_text("an edited copy", encoding="utf-8")
    with pytest.raises(InputError, match="not the one the offsets were taken from"):
        build_site(out, sources=wrong)
    assert (out / "index.html").read_bytes() == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".site.")]


def test_cli_builds_and_reports_and_refuses_bad_options(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("KG_SOURCES", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["site", "-o", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert re.search(r"wrote .*: \d+ pages \(no article view", result.output)
    bad = runner.invoke(main, ["site", "-o", str(tmp_path / "t"), "--sources", str(tmp_path / "x")])
    assert bad.exit_code == 2
    assert bad.output.strip().startswith("Error: --sources: no such folder")
    assert len(bad.output.strip().splitlines()) == 1
