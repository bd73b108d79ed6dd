"""The HTML page in a real browser: Debian's chromium, headless, with the network blocked.

Talks to chromium over the DevTools protocol on a pipe (``--remote-debugging-pipe``), so
no driver program and no extra Python package is needed: CI installs only ``chromium``.
Every request that is not the page's own file:// URL is failed and recorded; the test
asserts there were none, reads node and edge counts from the page's own vis DataSets,
waits for the layout to settle and saves a screenshot.
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


@pytest.mark.parametrize("view", ["actors", "full"])
def test_page_draws_the_graph_offline(browser, graph, tmp_path, view):
    from kg.render.network import project
    from kg.render.pictures import to_html

    G = project(graph, view)
    page = tmp_path / f"{view}.html"
    page.write_text(to_html(G, title=f"summit-kg {view}"), encoding="utf-8")

    settled_ms = _open_and_settle(browser, page)
    counts = browser.evaluate(
        "[kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length,"
        " document.getElementById('kg-legend-items').children.length,"
        " document.getElementById('kg-title').textContent]"
    )
    assert counts[:2] == [G.number_of_nodes(), G.number_of_edges()]
    classes = {d["class"] for _, d in G.nodes(data=True)}
    assert counts[2] == len(classes)
    assert counts[3] == f"summit-kg {view}"
    # Physics is switched off once settled, so the picture stays still.
    assert browser.evaluate("kgNetwork.physics.physicsEnabled") is False
    # Drawn positions are spread out: no heap of nodes on one spot.
    spread = browser.evaluate(
        "(function(){var p=kgNetwork.getPositions();var xs=[],ys=[];"
        "for(var k in p){xs.push(p[k].x);ys.push(p[k].y);}"
        "return [Math.max.apply(null,xs)-Math.min.apply(null,xs),"
        "Math.max.apply(null,ys)-Math.min.apply(null,ys), Object.keys(p).length];})()"
    )
    assert spread[2] == G.number_of_nodes()
    assert spread[0] > 300 and spread[1] > 300

    shot = browser.send("Page.captureScreenshot", {"format": "png"})
    png = base64.b64decode(shot["data"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    (tmp_path / f"{view}.png").write_bytes(png)
    keep = os.environ.get("KG_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{view}.png").write_bytes(png)

    # Only the page itself was requested: nothing left for the network.
    outside = [u for u in browser.requests() if not u.startswith(("file://", "data:"))]
    assert outside == [], outside
    assert page.as_uri() in browser.requests()
    print(f"{view}: {page.stat().st_size:,} bytes, settled in {settled_ms:.0f} ms")


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
