"""The explorer in a real headless Chromium, driven over the Chrome DevTools Protocol
(websocket-client): no network request, no console error or exception; filters change what is drawn;
search finds a person in either script; an edge's tooltip shows its quoted sentence; the details
panel lists a person's dated posts; names that try to inject markup stay text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.network import XSS_IMG, XSS_SCRIPT, hostile_extraction, network_extractions
from fixtures.rdf_fixtures import small_extractions
from stores import make_store

from kg.explore import Selection, render_explorer
from kg.store import Store

pytest.importorskip("websocket", reason="websocket-client is needed to drive Chromium")
from cdp import Browser  # noqa: E402 - needs websocket-client, checked just above

pytestmark = pytest.mark.browser

VISIBLE = "window.kgExplorer.network.body.nodeIndices.length"  # what vis-network itself draws
TO_PAGE = "var r=document.getElementById('kg-graph').getBoundingClientRect(); return [p.x+r.left, p.y+r.top];"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    tmp = tmp_path_factory.mktemp("browser")
    make_store(tmp / "store", [*network_extractions(), hostile_extraction(), *small_extractions()])
    out = {}
    with Store(tmp / "store", read_only=True) as store:
        out["all"] = (tmp / "explorer.html", render_explorer(store, tmp / "explorer.html"))
        out["focus"] = (tmp / "focus.html", render_explorer(
            store, tmp / "focus.html", selection=Selection(focus="Han Yunfei", depth=1)))
    return out


def open_page(browser: Browser, path: Path) -> None:
    browser.send("Page.navigate", url=path.as_uri())
    browser.wait_for("window.kgExplorer !== undefined && window.kgExplorer.stabilized === true")


@pytest.fixture(scope="module")
def opened(chromium: str, pages: dict[str, tuple[Path, int]]) -> Iterator[Browser]:
    browser = Browser(chromium)
    try:
        for domain in ("Network", "Runtime", "Log", "Page"):
            browser.send(f"{domain}.enable")
        open_page(browser, pages["all"][0])
        yield browser
    finally:
        browser.close()


def node_id(browser: Browser, name: str) -> int:
    return browser.evaluate(
        f"window.kgExplorer.data.nodes.filter(function(n){{return n.name==={json.dumps(name)}}})[0].id")


def node_point(browser: Browser, nid: int) -> list[float]:
    return browser.evaluate(
        f"(function(){{var k=window.kgExplorer; var p=k.network.canvasToDOM("
        f"k.network.getPositions([{nid}])[{nid}]);{TO_PAGE}}})()")


def click(browser: Browser, x: float, y: float) -> None:
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    browser.send("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
    browser.send("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)


def set_filter(browser: Browser, js: str) -> int:
    """Run ``js`` on the filter controls, fire their change event, return the nodes vis-network draws."""
    browser.evaluate(f"(function(){{{js}}})()")
    browser.wait_for("window.kgExplorer.drawCount > 0")
    return browser.evaluate(VISIBLE)


def test_no_network_request_and_no_error(opened: Browser, pages: dict[str, tuple[Path, int]]) -> None:
    opened.evaluate("1")  # drain pending events
    pages_uris = {p.as_uri() for p, _n in pages.values()}
    outside = [u for u in opened.requests() if not (u in pages_uris or u.startswith("data:"))]
    assert outside == []
    assert opened.problems() == []


def test_nodes_are_drawn_at_their_computed_places(opened: Browser,
                                                  pages: dict[str, tuple[Path, int]]) -> None:
    n = pages["all"][1]
    assert opened.evaluate("window.kgExplorer.nodes.length") == n > 30
    assert opened.evaluate(VISIBLE) == n
    assert opened.evaluate("Object.keys(window.kgExplorer.network.getPositions()).length") == n
    size = opened.evaluate("(function(){var c=document.querySelector('#kg-graph canvas');"
                           "return c ? [c.width, c.height] : null})()")
    assert size and size[0] > 100 and size[1] > 100
    legend = opened.evaluate("document.getElementById('kg-legend').textContent")
    assert "Person (" in legend and "Initiative (" in legend
    assert opened.evaluate("document.getElementById('kg-communities').children.length") >= 2


def test_filters_change_the_visible_node_count(opened: Browser) -> None:
    n = opened.evaluate(VISIBLE)
    change = "var e=document.querySelector({sel}); {act}; e.dispatchEvent(new Event('change'));"
    no_events = set_filter(opened, change.format(sel=json.dumps("input[name=kind][value=event]"),
                                                 act="e.checked=false"))
    events = opened.evaluate("window.kgExplorer.data.nodes.filter(function(n){"
                             "return n.kind==='event'}).length")
    assert no_events == n - events and opened.evaluate("window.kgExplorer.visibleCount()") == no_events
    isolated = set_filter(opened, change.format(sel=json.dumps("#kg-isolated"), act="e.checked=true"))
    assert isolated < no_events  # persons only linked through events are now alone, and hidden
    back = set_filter(opened, change.format(sel=json.dumps("input[name=kind][value=event]"),
                                            act="e.checked=true")
                      + change.format(sel=json.dumps("#kg-isolated"), act="e.checked=false")
                      .replace("var e", "e"))
    assert back == n
    # date range: only the first three months of 2024 (the Hexi events), undated items off
    dates = opened.evaluate("window.kgExplorer.data.dates")
    assert dates[0] <= "2024-01-10" and dates[1] >= "2024-05-01"
    window = set_filter(opened, """
      var f=document.getElementById('kg-from'), t=document.getElementById('kg-to');
      var first=new Date(window.kgExplorer.data.dates[0]+'T00:00:00Z');
      t.value=String(Math.round((new Date('2024-03-31T00:00:00Z')-first)/864e5));
      f.value=String(Math.round((new Date('2024-01-01T00:00:00Z')-first)/864e5));
      document.getElementById('kg-undated').checked=false;
      t.dispatchEvent(new Event('input'));""")
    assert 0 < window < n
    shown = opened.evaluate("window.kgExplorer.data.nodes.filter(function(n){"
                            "return !window.kgExplorer.network.body.nodes[n.id].options.hidden})"
                            ".map(function(n){return n.name})")
    assert "Hexi Planning Meeting" in shown and "Nanshan Port Meeting" not in shown
    label = opened.evaluate("document.getElementById('kg-date-label').textContent")
    assert label == f"{dates[0]} – 2024-03-31"  # the slider starts at the first date
    reset = """var f=document.getElementById('kg-from'), t=document.getElementById('kg-to');
      f.value='0'; t.value=t.max; document.getElementById('kg-undated').checked=true;
      t.dispatchEvent(new Event('input'));"""
    assert set_filter(opened, reset) == n
    # one community, then one body
    community = set_filter(opened, change.format(sel=json.dumps("#kg-community"), act="e.value='0'"))
    assert 0 < community < n
    assert set_filter(opened, change.format(sel=json.dumps("#kg-community"), act="e.value=''")) == n
    body = node_id(opened, "Nanshan Science and Technology Bureau")
    scoped = set_filter(opened, change.format(sel=json.dumps("#kg-scope"), act=f"e.value='b:{body}'"))
    # the bureau, its conference, the conference's three persons and its initiative
    assert scoped == 6
    assert set_filter(opened, change.format(sel=json.dumps("#kg-scope"), act="e.value=''")) == n
    assert opened.problems() == []


def type_text(browser: Browser, text: str) -> None:
    browser.evaluate("(function(){var s=document.getElementById('kg-search'); s.value=''; s.focus();})()")
    browser.send("Input.insertText", text=text)


def press(browser: Browser, key: str, code: int) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code)


def test_search_finds_a_person_in_either_script(opened: Browser) -> None:
    lin = opened.evaluate("window.kgExplorer.data.nodes.filter(function(n){"
                          "return n.name==='Lin Haoran (林浩然)'})[0].id")
    for query in ("林浩然", "林浩", "Lin Haoran", "lin haoran", "LIN-HAORAN"):
        type_text(opened, query)
        hits = opened.evaluate("Array.prototype.map.call(document.querySelectorAll('#kg-hits li'),"
                               "function(li){return li.textContent})")
        assert "Lin Haoran (林浩然) · Person" in hits, (query, hits)
        if not query.isascii():  # the Chinese name is the Qingshan official's own: first hit
            assert hits[0] == "Lin Haoran (林浩然) · Person"
            # ... and, read as pinyin, it also names the homonym from Baishui, known only in English
            assert len(hits) == (2 if query == "林浩然" else 1)
        else:  # the English one is also the Baishui homonym's: step to the hit with Arrow-Down
            assert len(hits) == 2
            for _ in range(hits.index("Lin Haoran (林浩然) · Person")):
                press(opened, "ArrowDown", 40)
        press(opened, "Enter", 13)
        assert opened.evaluate("window.kgExplorer.network.getSelectedNodes()") == [lin], query
        details = opened.evaluate("document.getElementById('kg-details-body').textContent")
        assert details.startswith("Lin Haoran (林浩然)")
    type_text(opened, "Nobody Atall")
    assert opened.evaluate("document.getElementById('kg-search-status').textContent") == "not found"
    assert opened.problems() == []


def test_edge_tooltip_shows_its_quote(opened: Browser) -> None:
    opened.evaluate("document.getElementById('kg-search').blur(); window.kgExplorer.network.fit()")
    han, meeting = node_id(opened, "Han Yunfei"), node_id(opened, "Hexi Planning Meeting")
    edge = opened.evaluate(f"window.kgExplorer.data.edges.filter(function(e){{return e.from==={han}"
                           f" && e.to==={meeting}}})[0].id")
    opened.evaluate(f"window.kgExplorer.network.focus({meeting}, {{scale: 1.5, animation: false}})")
    point = opened.evaluate(
        f"(function(){{var k=window.kgExplorer; var e=k.network.body.edges[{edge}];"
        "var p=k.network.canvasToDOM(e.edgeType.getPoint(0.5));"
        f"{TO_PAGE}}})()")
    opened.send("Input.dispatchMouseEvent", type="mouseMoved", x=point[0] + 1, y=point[1] + 1)
    opened.send("Input.dispatchMouseEvent", type="mouseMoved", x=point[0], y=point[1])
    tip = opened.wait_for("(function(){var t=document.getElementById('kg-tip');"
                          "return t.hidden ? null : t.textContent})()", timeout=5)
    assert "Han Yunfei — presided → Hexi Planning Meeting" in tip
    assert "2024-01-10" in tip and "hexi-1" in tip
    assert "Han Yunfei presided over the Hexi Planning Meeting of the CPC Hexi Municipal Committee." in tip
    opened.send("Input.dispatchMouseEvent", type="mouseMoved", x=5, y=5)
    assert opened.problems() == []


def test_details_list_a_career_with_dated_posts(opened: Browser) -> None:
    han = node_id(opened, "Han Yunfei")
    opened.evaluate(f"window.kgExplorer.network.focus({han}, {{scale: 1.5, animation: false}})")
    x, y = node_point(opened, han)
    click(opened, x, y)
    opened.wait_for("document.getElementById('kg-details-body').textContent.indexOf('Han Yunfei')===0")
    career = opened.evaluate("Array.prototype.map.call(document.querySelectorAll("
                             "'#kg-details-body .kg-timeline')[0].querySelectorAll('li'),"
                             "function(li){return li.textContent})")
    assert career == ["2024-01-10 – 2024-04-01 Secretary, CPC Hexi Municipal Committee"]
    events = opened.evaluate("Array.prototype.map.call(document.querySelectorAll("
                             "'#kg-details-body .kg-timeline')[1].querySelectorAll('li'),"
                             "function(li){return li.textContent})")
    assert events[0] == "2024-01-10 presided: Hexi Planning Meeting" and len(events) == 4
    assert events == sorted(events)
    details = opened.evaluate("document.getElementById('kg-details-body').textContent")
    assert "Evidence" in details and "Han Yunfei is Secretary of the CPC Hexi Municipal Committee." in details
    # a name in the panel is a link to that node
    opened.evaluate("document.querySelectorAll('#kg-details-body .kg-timeline')[1]"
                    ".querySelector('button').click()")
    assert opened.evaluate("document.getElementById('kg-details-body').textContent").startswith(
        "Hexi Planning Meeting")
    event_text = opened.evaluate("document.getElementById('kg-details-body').textContent")
    for part in ("Presided by", "Attended by", "Green Corridor Initiative", "2024-01-10"):
        assert part in event_text
    assert opened.problems() == []


def test_injected_names_are_shown_as_text(opened: Browser) -> None:
    assert opened.evaluate("typeof window.__kgXss") == "undefined"
    assert opened.evaluate("document.querySelectorAll('img').length") == 0
    assert opened.evaluate("document.querySelectorAll('script').length") == 3
    label = f"Wang {XSS_SCRIPT}"
    wang = node_id(opened, label)
    opened.evaluate(f"window.kgExplorer.network.focus({wang}, {{scale: 1.5, animation: false}})")
    x, y = node_point(opened, wang)
    opened.send("Input.dispatchMouseEvent", type="mouseMoved", x=x + 1, y=y)
    opened.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    tip = opened.wait_for("(function(){var t=document.getElementById('kg-tip');"
                          "return t.hidden ? null : t.textContent})()", timeout=5)
    assert label in tip and "javascript:alert(3)" in tip
    click(opened, x, y)
    details = opened.wait_for("(function(){var d=document.getElementById('kg-details-body').textContent;"
                              f"return d.indexOf({json.dumps(label)})===0 ? d : null}})()")
    assert XSS_IMG in details  # the hostile summit, shown as text in the events timeline
    inside = "document.querySelectorAll('#kg-tip img, #kg-tip script, #kg-details img, #kg-details a').length"
    assert opened.evaluate(inside) == 0
    type_text(opened, "<script>")
    assert opened.evaluate("document.querySelectorAll('#kg-hits li').length") >= 1
    assert opened.evaluate("document.querySelectorAll('#kg-hits script, #kg-hits img').length") == 0
    assert opened.evaluate("typeof window.__kgXss") == "undefined"
    assert opened.problems() == []


def test_png_export_of_the_view(opened: Browser) -> None:
    url = opened.evaluate("window.kgExplorer.exportPng()")
    assert url.startswith("data:image/png;base64,") and len(url) > 2000


def test_focus_page_expands_on_double_click(opened: Browser, pages: dict[str, tuple[Path, int]]) -> None:
    path, shown = pages["focus"]
    open_page(opened, path)
    assert shown == 6 and opened.evaluate(VISIBLE) == 6
    han = node_id(opened, "Han Yunfei")
    assert opened.evaluate("window.kgExplorer.network.getSelectedNodes()") == [han]
    talks = node_id(opened, "Hexi-Nanshan Joint Talks")
    opened.evaluate(f"window.kgExplorer.network.focus({talks}, {{scale: 1.5, animation: false}})")
    x, y = node_point(opened, talks)
    for count in (1, 2):
        for kind in ("mousePressed", "mouseReleased"):
            opened.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=count)
    # the talks add Meng Zhiyuan, Xue Ruolan, the convening office and the Green Corridor Initiative
    opened.wait_for(f"{VISIBLE} === 10")
    opened.evaluate("document.getElementById('kg-show-all').click()")
    assert opened.evaluate(VISIBLE) == opened.evaluate("window.kgExplorer.nodes.length")
    opened.evaluate("1")
    assert opened.problems() == []
