"""The `kg serve` page in a real browser: pick a named question, run it, see the table and
the picture, with nothing requested from anywhere but the server itself."""

from __future__ import annotations

import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest
from test_viz_browser import CHROMIUM, Browser, pytestmark  # noqa: F401 - same skip rule

from kg import serve as server


@pytest.fixture(scope="module")
def served():
    s = server.start(server.ServeConfig(port=0, workers=1, timeout=20))
    yield s
    server.shutdown(s)


@pytest.fixture(scope="module")
def page(served):
    profile = Path(tempfile.mkdtemp(prefix="kg-chromium-serve-"))
    b = Browser(profile, allow=(served.url,))
    try:
        b.open_tab()
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(browser: Browser, expression: str, timeout: float = 30):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = browser.evaluate(expression)
        if value:
            return value
        browser.pump(0.2)
    raise AssertionError(f"never true: {expression}")


def test_pick_a_question_run_it_and_draw_it(page, served):
    page.events.clear()
    page.send("Page.navigate", {"url": served.url + "/query"})
    # the named questions arrive from /queries: 33 plus the "type your own" entry
    options = wait_for(
        page,
        "(function(){var s=document.getElementById('question');"
        "return s && s.options.length > 30 && s.options.length;})()",
    )
    assert options >= 34
    page.evaluate(
        "(function(){var s=document.getElementById('question'); s.value='leaders';"
        "s.dispatchEvent(new Event('change')); document.getElementById('run').click();})()"
    )
    rows = wait_for(page, "document.querySelectorAll('#table tbody tr').length")
    assert rows == 6  # China and the five Central Asian states, one president each
    text = page.evaluate("document.getElementById('table').textContent")
    assert "Xi Jinping" in text and "Shavkat Mirziyoyev" in text

    page.evaluate("document.getElementById('picture').click()")
    wait_for(page, "!document.getElementById('frame').hidden")
    drawn = wait_for(
        page,
        "(function(){try{var w=document.getElementById('frame').contentWindow;"
        "return w.kgNetwork && w.kgNetwork.body.data.nodes.length;}catch(e){return 0;}})()",
    )
    assert drawn > 10

    outside = [u for u in page.requests() if not u.startswith((served.url, "data:", "about:"))]
    assert outside == [], outside


def test_the_page_address_reproduces_the_answer(page, served):
    # run a question with a parameter, then open the address the page now shows, afresh
    page.send("Page.navigate", {"url": served.url + "/query"})
    wait_for(
        page,
        "(function(){var s=document.getElementById('question');"
        "return s && s.options.length > 30;})()",
    )
    page.evaluate(
        "(function(){var s=document.getElementById('question'); s.value='quotations-by-speaker';"
        "s.dispatchEvent(new Event('change'));"
        "document.querySelector('#params input[name=speaker]').value='Mirziyoyev';"
        "document.getElementById('run').click();})()"
    )
    rows = "document.querySelectorAll('#table tbody tr').length"
    # Mirziyoyev's two phrases; "historic event" is about both the declaration and the treaty
    assert wait_for(page, rows) == 3
    # picking the question put its SPARQL in the editor
    assert "SELECT" in page.evaluate("document.getElementById('query').value")
    link = page.evaluate("location.href")
    assert "q=quotations-by-speaker" in link and "view=table" in link
    page.send("Page.navigate", {"url": "about:blank"})
    page.send("Page.navigate", {"url": link})
    assert wait_for(page, rows) == 3
    # a resource in the table links to its own page on the server
    href = page.evaluate("document.querySelector('#table a').getAttribute('href')")
    assert href.startswith("/id/")
    # and a typed query's address too
    own = (
        served.url
        + "/query?"
        + urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s a skg:State }", "view": "table"})
    )
    page.send("Page.navigate", {"url": own})
    assert wait_for(page, rows) >= 6
