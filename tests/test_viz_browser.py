"""The HTML page in a real browser: Debian's chromium, headless, with the network blocked.

Talks to chromium over the DevTools protocol on a pipe (``--remote-debugging-pipe``), so
no driver program and no extra Python package is needed: CI installs only ``chromium``.
Every request that is not the page's own file:// URL is failed and recorded; the tests
assert there were none, read node and edge counts, positions and label boxes from the
page's own vis-network, check that no two labels overlap, use the legend and the
collapsed groups as a reader would, and save screenshots (``KG_SCREENSHOT_DIR`` keeps them).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (apt-get install chromium); CI always runs this",
    ),
]


class Browser:
    """A headless chromium driven through the DevTools protocol over fds 3 and 4."""

    def __init__(self, profile: Path, allow: tuple[str, ...] = ("file://",)) -> None:
        """``allow``: URL prefixes let through; every other request is failed and recorded."""
        import fcntl

        self.allow = allow
        # hosts of allowed http(s) prefixes (a local server) must still resolve
        hosts = sorted({urlsplit(a).hostname for a in allow if a.startswith("http")} - {None})

        def high(fd: int) -> int:  # move an fd above 4 so the dup2s below cannot clobber it
            moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
            os.close(fd)
            return moved

        to_chrome_r, self._to_chrome = (high(fd) for fd in os.pipe())
        self._from_chrome, from_chrome_w = (high(fd) for fd in os.pipe())

        def child_fds() -> None:  # runs in the child: the protocol wants fds 3 and 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--metrics-recording-only",
            "--disable-dev-shm-usage",
            # Belt and braces: even a request the interception missed goes nowhere.
            "--proxy-server=127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND" + "".join(f", EXCLUDE {h}" for h in hosts),
            f"--user-data-dir={profile}",
            "--window-size=1600,1000",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            [CHROMIUM, *flags],
            # fds 3 and 4 are made by dup2 in the child; close_fds would close them again.
            close_fds=False,
            preexec_fn=child_fds,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    # -- protocol -------------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict[str, Any]:
        import select

        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def send(
        self, method: str, params: dict | None = None, *, timeout: float = 30, session: bool = True
    ) -> dict[str, Any]:
        self._id += 1
        my_id = self._id  # events handled while waiting send commands of their own
        msg: dict[str, Any] = {"id": my_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == my_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._handle_event(reply)

    def pump(self, seconds: float) -> None:
        """Handle events for a while (requests to fail, mostly)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._handle_event(self._read_message(deadline))
            except TimeoutError:
                return

    def _handle_event(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        if event.get("method") == "Fetch.requestPaused":
            params = event["params"]
            url = params["request"]["url"]
            method = "Fetch.continueRequest" if url.startswith(self.allow) else "Fetch.failRequest"
            args = {"requestId": params["requestId"]}
            if method == "Fetch.failRequest":
                args["errorReason"] = "BlockedByClient"
            self._id += 1
            os.write(
                self._to_chrome,
                json.dumps(
                    {"id": self._id, "method": method, "params": args, "sessionId": self.session}
                ).encode()
                + b"\0",
            )

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def requests(self) -> list[str]:
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") in ("Network.requestWillBeSent", "Fetch.requestPaused")
        ]

    # -- set-up ---------------------------------------------------------------------------
    def open_tab(self) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            session=False,
        )
        self.session = attached["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Network.enable")
        self.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1600, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.send("Browser.close", session=False, timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


@pytest.fixture(scope="module")
def browser():
    profile = Path(tempfile.mkdtemp(prefix="kg-chromium-"))
    b = Browser(profile)
    try:
        b.open_tab()
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


def _open_and_settle(browser: Browser, page: Path, timeout: float = 60) -> float:
    """Navigate and wait until the page reports that physics has settled; returns ms."""
    browser.events.clear()
    browser.send("Page.navigate", {"url": page.as_uri()})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        settled = browser.evaluate("window.kgSettledMs === undefined ? null : window.kgSettledMs")
        if settled is not None:
            return float(settled)
        browser.pump(0.2)
    raise AssertionError("the graph never settled")


def _page(graph, tmp_path: Path, name: str) -> tuple[Any, Path]:
    """The named picture of the shipped graph written as a page: a view, or ``focus``."""
    from kg.render.network import focus, project
    from kg.render.pictures import to_html

    G = (
        focus(project(graph, "actors"), "Kazakhstan", 1)
        if name == "focus"
        else project(graph, name)
    )
    page = tmp_path / f"{name}.html"
    page.write_text(to_html(G, title=f"summit-kg {name}"), encoding="utf-8")
    return G, page


def _keep(browser: Browser, tmp_path: Path, name: str) -> None:
    shot = browser.send("Page.captureScreenshot", {"format": "png"})
    png = base64.b64decode(shot["data"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    (tmp_path / f"{name}.png").write_bytes(png)
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{name}.png").write_bytes(png)


@pytest.mark.parametrize("name", ["commitments", "actors", "full", "focus"])
def test_page_draws_the_graph_offline(browser, graph, tmp_path, name):
    from kg.render.pictures import legend

    G, page = _page(graph, tmp_path, name)
    settled_ms = _open_and_settle(browser, page)
    counts = browser.evaluate(
        "[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length,"
        " document.getElementById('kg-legend-items').children.length,"
        " document.getElementById('kg-title').textContent]"
    )
    assert counts[:2] == [G.number_of_nodes(), G.number_of_edges()]
    assert counts[2] == len(legend(G))  # one entry per kind present
    assert counts[3] == f"summit-kg {name}"
    # No simulation runs: the layout came with the data, so the picture is still and the
    # same on every load.
    assert browser.evaluate("kgNetwork.physics.physicsEnabled") is False
    # Drawn positions are spread out: no heap of nodes on one spot.
    spread = browser.evaluate(
        "(function(){var p=kgNetwork.getPositions(kgNetwork.body.data.nodes.getIds());"
        "var xs=[],ys=[];"
        "for(var k in p){xs.push(p[k].x);ys.push(p[k].y);}"
        "return [Math.max.apply(null,xs)-Math.min.apply(null,xs),"
        "Math.max.apply(null,ys)-Math.min.apply(null,ys), Object.keys(p).length];})()"
    )
    assert spread[2] == G.number_of_nodes()
    assert spread[0] > 300 and spread[1] > 300
    _keep(browser, tmp_path, name)

    # Only the page itself was requested: nothing left for the network.
    outside = [u for u in browser.requests() if not u.startswith(("file://", "data:"))]
    assert outside == [], outside
    assert page.as_uri() in browser.requests()
    print(f"{name}: {page.stat().st_size:,} bytes, drawn in {settled_ms:.0f} ms")


#: What each node covers on the page, read from vis-network itself: a box's shape (its
#: label is inside), else the label's own text box; and the label's size on screen.
LABEL_BOXES = """(function(){
  var out = [], pos = kgNetwork.getPositions(), scale = kgNetwork.getScale();
  Object.keys(pos).forEach(function (id) {
    var n = kgNetwork.body.nodes[id], l = n.labelModule.size, b;
    if (n.options.shape === "box") {
      b = [pos[id].x - n.shape.width / 2, pos[id].y - n.shape.height / 2,
           pos[id].x + n.shape.width / 2, pos[id].y + n.shape.height / 2];
    } else {
      b = [l.left, l.top, l.left + l.width, l.top + l.height];
    }
    out.push({id: id, box: b, px: n.options.font.size * scale, label: n.options.label});
  });
  return out;
})()"""


def _overlaps(boxes: list[dict], slack: float) -> list[tuple[str, str, float, float]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            dx = min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0])
            dy = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
            if dx > slack and dy > slack:
                found.append((a["label"], b["label"], round(dx, 1), round(dy, 1)))
    return found


@pytest.mark.parametrize("name", ["commitments", "actors", "focus"])
def test_no_two_labels_overlap(browser, graph, tmp_path, name):
    """Read off the page as drawn: no two node labels overlap by more than 3 pixels, and in
    the default picture every label is at least 11 pixels high at the first, whole view."""
    G, page = _page(graph, tmp_path, name)
    _open_and_settle(browser, page)
    browser.pump(0.3)
    boxes = browser.evaluate(LABEL_BOXES)
    assert len(boxes) == G.number_of_nodes()
    assert all(b["box"][2] > b["box"][0] and b["box"][3] > b["box"][1] for b in boxes)
    assert _overlaps(boxes, 3.0) == []
    # the positions are the layout's, to the pixel
    data = browser.evaluate(
        "JSON.parse(document.getElementById('kg-data').textContent).nodes.map("
        "function(n){var p=kgNetwork.getPositions([n.id])[n.id];"
        "return Math.max(Math.abs(p.x-n.x), Math.abs(p.y-n.y));})"
    )
    assert max(data) == 0
    if name == "commitments":
        smallest = min(b["px"] for b in boxes)
        assert smallest >= 11.0, f"labels only {smallest:.1f} px high at the first view"


def test_the_overlap_check_sees_an_overlap(browser, graph, tmp_path):
    """The control: the same check on a page whose two labels are put on top of each other."""
    G, page = _page(graph, tmp_path, "actors")
    _open_and_settle(browser, page)
    first, second = list(G)[:2]
    browser.evaluate(
        f"kgNetwork.moveNode({json.dumps(second)}, "
        f"kgNetwork.getPositions([{json.dumps(first)}])[{json.dumps(first)}].x + 4,"
        f"kgNetwork.getPositions([{json.dumps(first)}])[{json.dumps(first)}].y + 2)"
    )
    browser.evaluate("kgNetwork.redraw()")
    browser.pump(0.3)
    assert _overlaps(browser.evaluate(LABEL_BOXES), 3.0) != []


def test_the_legend_hides_and_shows_a_kind(browser, graph, tmp_path):
    G, page = _page(graph, tmp_path, "commitments")
    _open_and_settle(browser, page)
    organisations = sum(
        1 for _, d in G.nodes(data=True) if d["class"] in ("Organisation", "Mechanism")
    )
    assert organisations == 9  # 8 organisations and the mechanism, as in the legend
    hidden = browser.evaluate(
        "(function(){document.querySelector('button[data-kind=\"Organisation\"]').click();"
        "return kgNetwork.body.data.nodes.get({filter:function(n){return n.hidden===true;}}).length;})()"
    )
    assert hidden == organisations
    pressed = browser.evaluate(
        "document.querySelector('button[data-kind=\"Organisation\"]').getAttribute('aria-pressed')"
    )
    assert pressed == "false"
    shown = browser.evaluate(
        "(function(){document.querySelector('button[data-kind=\"Organisation\"]').click();"
        "return kgNetwork.body.data.nodes.get({filter:function(n){return n.hidden===true;}}).length;})()"
    )
    assert shown == 0


def test_the_full_view_collapses_statements_and_opens_them(browser, graph, tmp_path):
    G, page = _page(graph, tmp_path, "full")
    _open_and_settle(browser, page)
    statements = sum(1 for _, d in G.nodes(data=True) if d["group"] == "statement")
    clusters = browser.evaluate(
        "Object.keys(kgNetwork.body.nodes).filter(function(id){return kgNetwork.isCluster(id);})"
    )
    assert clusters, "statements are grouped by speaker"
    inside = browser.evaluate("Object.keys(kgNetwork.clustering.clusteredNodes).length")
    assert 0 < inside <= statements
    browser.evaluate(f"kgNetwork.openCluster({json.dumps(clusters[0])})")
    assert browser.evaluate("Object.keys(kgNetwork.clustering.clusteredNodes).length") < inside


def test_the_timeline_page_is_a_picture_and_fetches_nothing(browser, graph, tmp_path):
    from kg.render.network import project
    from kg.render.pictures import timeline

    page = tmp_path / "timeline.html"
    page.write_bytes(timeline(project(graph, "full"), "html", title="summit-kg timeline"))
    browser.events.clear()
    browser.send("Page.navigate", {"url": page.as_uri()})
    browser.pump(1.0)
    texts = browser.evaluate(
        "Array.prototype.map.call(document.querySelectorAll('svg text'), function(t){return t.textContent;})"
    )
    joined = " ".join(texts)
    for words in ("2023", "2030", "Summits and events", "signed 17 June 2025", "2025 \u2192 2030"):
        assert words in joined
    size = browser.evaluate("[document.querySelector('svg').getBoundingClientRect().width]")
    assert size[0] > 1000
    _keep(browser, tmp_path, "timeline")
    outside = [u for u in browser.requests() if not u.startswith(("file://", "data:"))]
    assert outside == [], outside


def test_a_page_that_reaches_out_is_caught(browser, tmp_path):
    """The harness itself must see and block an outside request, or the test above proves
    nothing."""
    page = tmp_path / "leaky.html"
    page.write_text(
        "<!DOCTYPE html><title>leak</title>"
        '<img src="https://example.org/pixel.png">'
        "<script>window.kgSettledMs = 1;</script>",
        encoding="utf-8",
    )
    _open_and_settle(browser, page)
    browser.pump(1.0)
    outside = [u for u in browser.requests() if not u.startswith(("file://", "data:"))]
    assert any("example.org" in u for u in outside)
