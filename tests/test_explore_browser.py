"""The explorer in a real headless Chromium, driven over the Chrome DevTools Protocol
(websocket-client): no network request, no console error or exception, the nodes drawn, and names
that try to inject markup stay text."""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from stores import make_store

from kg.analyze.fixtures import XSS_IMG, XSS_SCRIPT, hostile_extraction, network_extractions
from kg.explore import render_explorer
from kg.store import Store

websocket = pytest.importorskip("websocket", reason="websocket-client is needed to drive Chromium")

pytestmark = pytest.mark.browser

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
         "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1200,800"]


class Browser:
    """Chromium with one page over CDP; ``events`` keeps every event received."""

    def __init__(self, binary: str, timeout: float = 20.0) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="kg-chromium-")
        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.events: list[dict[str, Any]] = []
        self.next_id = 0
        port_file = Path(self.profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and "\n" in port_file.read_text()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(port_file.read_text().split("\n")[0])
        page = None
        while page is None:  # the DevTools port file can appear before the HTTP side answers
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=timeout) as r:
                    page = next((t for t in json.load(r) if t["type"] == "page"), None)
            except OSError:
                page = None
            if page is None:
                if time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("chromium's DevTools endpoint lists no page")
                time.sleep(0.05)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout,
                                              suppress_origin=True)

    def _recv(self) -> dict[str, Any]:
        msg = json.loads(self.ws.recv())
        if "method" in msg:
            self.events.append(msg)
        return msg

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = self._recv()
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def wait_event(self, method: str, timeout: float = 15.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while not any(e["method"] == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {timeout}s")
            self._recv()
        return next(e for e in self.events if e["method"] == method)

    def evaluate(self, expression: str) -> Any:
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"exception in {expression!r}: {res['exceptionDetails']}")
        return res["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 15.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if value := self.evaluate(expression):
                return value
            time.sleep(0.05)
        raise TimeoutError(f"{expression!r} stayed false for {timeout}s")

    def problems(self) -> list[str]:
        """Console errors/warnings, uncaught exceptions and browser log errors seen so far."""
        out = []
        for e in self.events:
            m, p = e["method"], e["params"]
            if m == "Runtime.exceptionThrown":
                out.append(f"exception: {p['exceptionDetails']}")
            elif m == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
                out.append(f"console.{p['type']}: {p['args']}")
            elif m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(f"log: {p['entry']}")
        return out

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            if hasattr(self, "ws"):
                self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.profile.cleanup()


@pytest.fixture(scope="module")
def explorer_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    tmp = tmp_path_factory.mktemp("browser")
    make_store(tmp / "store", [*network_extractions(), hostile_extraction()])
    with Store(tmp / "store", read_only=True) as store:
        n = render_explorer(store, tmp / "explorer.html", focus=None, depth=2)
    return tmp / "explorer.html", n


@pytest.fixture(scope="module")
def opened(chromium: str, explorer_file: tuple[Path, int]) -> Iterator[tuple[Browser, int]]:
    path, n = explorer_file
    browser = Browser(chromium)
    try:
        for domain in ("Network", "Runtime", "Log", "Page"):
            browser.send(f"{domain}.enable")
        browser.send("Page.navigate", url=path.as_uri())
        browser.wait_event("Page.loadEventFired")
        browser.wait_for("window.kgExplorer !== undefined && window.kgExplorer.stabilized === true")
        yield browser, n
    finally:
        browser.close()


def test_no_network_request_and_no_error(opened: tuple[Browser, int],
                                         explorer_file: tuple[Path, int]) -> None:
    browser, _ = opened
    browser.evaluate("1")  # drain pending events
    outside = [u for u in browser.requests() if not (u == explorer_file[0].as_uri() or u.startswith("data:"))]
    assert outside == []
    assert browser.problems() == []


def test_nodes_are_drawn(opened: tuple[Browser, int]) -> None:
    browser, n = opened
    assert browser.evaluate("window.kgExplorer.nodes.length") == n == 32
    drawn = browser.evaluate("Object.keys(window.kgExplorer.network.getPositions()).length")
    assert drawn == n
    size = browser.evaluate("(function(){var c=document.querySelector('#kg-graph canvas');"
                            "return c ? [c.width, c.height] : null})()")
    assert size and size[0] > 100 and size[1] > 100
    legend = browser.evaluate("document.getElementById('kg-legend').textContent")
    assert "Person (12)" in legend and "Initiative (4)" in legend


def test_injected_names_are_shown_as_text(opened: tuple[Browser, int]) -> None:
    browser, _ = opened
    assert browser.evaluate("typeof window.__kgXss") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 3
    # hover the node named "Wang <script>...</script>" so that vis-network shows its tooltip
    label = f"Wang {XSS_SCRIPT}"
    point = browser.evaluate(
        "(function(){var k=window.kgExplorer;"
        f"var id=k.nodes.get({{filter:function(n){{return n.label==={json.dumps(label)}}}}})[0].id;"
        "var p=k.network.canvasToDOM(k.network.getPositions([id])[id]);"
        "var r=document.getElementById('kg-graph').getBoundingClientRect();"
        "return [p.x+r.left, p.y+r.top];})()")
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=point[0], y=point[1])
    tip = browser.wait_for("(function(){var t=document.querySelector('div.vis-tooltip');"
                           "return t && t.style.visibility==='visible' ? t.textContent : null})()", timeout=5)
    assert label in tip and XSS_IMG in tip and "javascript:alert(3)" in tip
    inside = "document.querySelector('div.vis-tooltip').querySelectorAll('img,script,a').length"
    assert browser.evaluate(inside) == 0
    assert browser.evaluate("typeof window.__kgXss") == "undefined"
    assert browser.problems() == []


def test_search_selects_a_node(opened: tuple[Browser, int]) -> None:
    browser, _ = opened
    browser.evaluate("(function(){var s=document.getElementById('kg-search'); s.value='Han Yunfei';"
                     "s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));})()")
    assert browser.evaluate("document.getElementById('kg-search-status').textContent") == "1 found"
    details = browser.evaluate("document.getElementById('kg-details-body').textContent")
    assert details.startswith("Han Yunfei") and "Secretary" in details
    assert browser.problems() == []
