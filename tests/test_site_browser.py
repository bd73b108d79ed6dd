"""The built site in a real browser (Debian's chromium, headless, every outside request
failed and recorded, as in test_viz_browser.py): search, a resource page, a question's
timeline, chart, table and network, keyboard use, a 360 px wide screen, and no request
leaving file://.

Screenshots of the home page, a commitment, the timeline question and a search are saved
to ``$KG_SCREENSHOT_DIR`` when it is set.
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest
from test_viz_browser import CHROMIUM, Browser, pytestmark  # noqa: F401 - same skip rule

REAL_SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from kg.render.site.build import build_site

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(tmp_path_factory.mktemp("kg-cache")))
        out = tmp_path_factory.mktemp("site") / "site"
        sources = REAL_SOURCES if (REAL_SOURCES / "000_d9ce016cc982a1d1.txt").is_file() else None
        build_site(out, sources=sources)
    return out


@pytest.fixture(scope="module")
def browser():
    profile = Path(tempfile.mkdtemp(prefix="kg-chromium-site-"))
    b = Browser(profile)
    try:
        b.open_tab()
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(browser: Browser, expression: str, timeout: float = 45):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = browser.evaluate(expression)
        except RuntimeError:
            value = None
        if value:
            return value
        browser.pump(0.2)
    raise AssertionError(f"never true: {expression}")


def open_page(browser: Browser, site: Path, page: str, ready: str = "true", width: int = 1280):
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500},
    )
    path, _, query = page.partition("?")
    target = (site / path).as_uri()
    url = target + (f"?q={urllib.parse.quote(query[2:])}" if query else "")
    browser.events.clear()
    browser.send("Page.navigate", {"url": url})
    here = "location.href.split('?')[0]"
    wait_for(browser, f"document.readyState === 'complete' && {here} === {target!r} && ({ready})")
    return url


def outside(browser: Browser) -> list[str]:
    return [u for u in browser.requests() if not u.startswith(("file://", "data:", "about:"))]


def screenshot(browser: Browser, name: str) -> None:
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    shot = browser.send("Page.captureScreenshot", {"format": "png"})
    png = base64.b64decode(shot["data"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / name).write_bytes(png)


def results(browser: Browser) -> list[str]:
    return browser.evaluate(
        "Array.from(document.querySelectorAll('#kg-results li a')).map(a => a.textContent)"
    )


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Xi", "Xi Jinping"),
        ("tokayev", "Kassym-Jomart Tokayev"),
        ("TOKÁYEV", "Kassym-Jomart Tokayev"),  # case and diacritics
        ("jinping xi", "Xi Jinping"),  # word order
        ("mirziy", "Shavkat Mirziyoyev"),  # part of a word
        ("President Xi", "Xi Jinping"),  # another name
    ],
)
def test_search_finds_the_examples_first(browser, site, typed, first):
    open_page(browser, site, f"search.html?q={typed}", "window.kgSearchReady === true")
    found = results(browser)
    assert found and found[0] == first, found[:5]
    assert outside(browser) == []


def test_search_ranks_the_city_after_the_man_and_opens_by_keyboard(browser, site):
    open_page(browser, site, "search.html?q=xi", "window.kgSearchReady === true")
    found = results(browser)
    assert found.index("Xi Jinping") < found.index("Xi'an")
    screenshot(browser, "site-search.png")
    # keyboard only: the box has the focus; Down moves to the first result, Enter opens it
    assert browser.evaluate("document.activeElement.id") == "kg-search"
    for key in ("ArrowDown",):
        browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": key})
        browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": key})
    assert browser.evaluate("document.activeElement.textContent") == "Xi Jinping"
    browser.send(
        "Input.dispatchKeyEvent",
        {"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13},
    )
    wait_for(browser, "location.href.endsWith('/id/xi-jinping.html')")
    assert outside(browser) == []


def test_a_commitment_page_shows_its_statements_and_evidence(browser, site):
    open_page(browser, site, "id/grant-livelihood-projects.html")
    rows = browser.evaluate(
        "Array.from(document.querySelectorAll('table.statements:not(.incoming) tbody tr'))"
        ".map(r => [r.cells[0].textContent.trim(), r.cells[1].textContent.trim()])"
    )
    said = dict(rows)
    assert said["committed by"] == "China"
    assert said["amount"] == "1.5 billion CNY (stated as about 208 million USD)"
    assert said["announced by"] == "Xi Jinping"
    spans = browser.evaluate("document.querySelectorAll('ul.evidence > li.span').length")
    assert spans == 3  # the grants, who backs them and the amount, all in paragraph 12
    if (site / "article.html").is_file():
        marked = browser.evaluate(
            "Array.from(document.querySelectorAll('ul.evidence mark')).map(m => m.textContent)"
        )
        assert "1.5\u202fbillion yuan (about US$208\u202fmillion)" in marked
    screenshot(browser, "site-commitment.png")
    assert outside(browser) == []


def test_the_timeline_draws_one_mark_per_dated_row(browser, site):
    open_page(browser, site, "queries/timeline.html", "window.kgViews && kgViews.ready")
    # tests/expected/timeline.csv: 14 dated rows, each one mark
    assert browser.evaluate("kgViews.timeline") == 14
    assert (
        browser.evaluate("document.querySelectorAll('.kg-timeline .scatterlayer .point').length")
        == 14
    )
    assert browser.evaluate("document.querySelectorAll('#answer tbody tr').length") == 14
    screenshot(browser, "site-timeline.png")
    assert outside(browser) == []


def test_the_money_chart_draws_one_bar_per_sum_in_its_currency(browser, site):
    open_page(browser, site, "queries/money.html", "window.kgViews && kgViews.ready")
    # money.csv: nearly 25 billion USD (the 58 deals), estimated 8 billion USD (the railway),
    # 1.5 billion CNY (the grants): three bars, in a USD chart and a CNY chart
    assert browser.evaluate("document.querySelectorAll('.kg-chart .barlayer .point').length") == 3
    titles = browser.evaluate(
        "Array.from(document.querySelectorAll('.kg-chart h3')).map(h => h.textContent)"
    )
    assert titles == ["USD", "CNY"]
    assert outside(browser) == []


def test_the_answer_table_sorts_and_filters(browser, site):
    open_page(browser, site, "queries/timeline.html", "window.kgViews && kgViews.ready")
    first = "document.querySelector('#answer tbody tr:not([hidden])').cells[0].textContent"
    browser.evaluate("document.querySelector('#answer th button').click()")  # when, ascending
    browser.evaluate("document.querySelector('#answer th button').click()")  # descending
    assert browser.evaluate(first) == "2030"
    browser.evaluate(
        "(function(){var f=document.getElementById('answer-filter'); f.value='railway';"
        "f.dispatchEvent(new Event('input'));})()"
    )
    shown = browser.evaluate("document.querySelectorAll('#answer tbody tr:not([hidden])').length")
    assert shown == 2  # the railway starts (2025) and is due (2030)
    assert browser.evaluate("document.getElementById('answer-count').textContent") == "2 of 14 rows"


def test_the_network_of_an_answer_is_drawn(browser, site):
    open_page(
        browser, site, "queries/parties-to-agreements.html", "window.kgViews && kgViews.ready"
    )
    drawn = browser.evaluate("[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
    data = browser.evaluate(
        "(function(){var d=JSON.parse(document.getElementById('kg-views').textContent);"
        "return [d.network.nodes.length, d.network.edges.length];})()"
    )
    assert drawn == data and drawn[0] > 10
    assert outside(browser) == []


def test_home_page_and_the_slash_key(browser, site):
    open_page(browser, site, "index.html", "window.kgViews && kgViews.ready")
    assert browser.evaluate("kgViews.timeline") == 14
    heading = browser.evaluate("document.querySelector('h1').textContent")
    assert heading == "Second China–Central Asia Summit (Astana, 2025)"
    screenshot(browser, "site-home.png")
    browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "/", "code": "Slash"})
    assert browser.evaluate("document.activeElement.id") == "kg-find"
    assert outside(browser) == []


@pytest.mark.parametrize(
    "page", ["index.html", "id/grant-livelihood-projects.html", "queries/who-committed-what.html"]
)
def test_readable_at_360_pixels(browser, site, page):
    open_page(browser, site, page, "document.fonts.status === 'loaded'", width=360)
    browser.pump(0.5)
    # the page itself never scrolls sideways (wide tables scroll inside their own box)
    assert browser.evaluate("document.documentElement.scrollWidth") <= 360
    assert outside(browser) == []
