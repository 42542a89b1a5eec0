"""kg explore: the written page (offline, legend, tooltips, focus, escaping, determinism). The
browser checks are in test_explore_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from stores import make_store

from kg.analyze.data import load
from kg.analyze.fixtures import XSS_IMG, XSS_SCRIPT, hostile_extraction, network_extractions
from kg.explore import FocusError, render_explorer
from kg.model import Extraction
from kg.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = make_store(tmp_path_factory.mktemp("explore") / "store",
                      network_extractions() + [hostile_extraction()])
    with Store(path, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def page(store: Store, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    out = tmp_path_factory.mktemp("page") / "explorer.html"
    n = render_explorer(store, out, focus=None, depth=2)
    return out.read_text(encoding="utf-8"), n


def graph_data(html: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def node(data: dict[str, Any], label: str) -> dict[str, Any]:
    found = [n for n in data["nodes"] if n["tip"]["heading"] == label]
    assert len(found) == 1, label
    return found[0]


def rows(n: dict[str, Any]) -> dict[str, list[str]]:
    return dict(n["tip"]["rows"])


def test_page_needs_no_network(page: tuple[str, int]) -> None:
    html, _ = page
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"@import", html, re.I)
    for style in re.findall(r"<style>(.*?)</style>", html, re.S):
        assert not re.search(r"url\(\s*(?!['\"]?data:)", style, re.I)  # CSS images are data: URLs
    assert not re.search(r"\b(?:src|href)\s*=\s*['\"]?(?:https?:)?//", html, re.I)
    assert "sourceMappingURL" not in html
    assert "vis.Network" in html and "DataSet" in html  # vis-network itself is inlined


def test_scripts_are_pinned_by_the_content_security_policy(page: tuple[str, int]) -> None:
    html, _ = page
    csp = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_legend_and_counts(page: tuple[str, int], store: Store) -> None:
    html, n = page
    legend = re.search(r'<ul id="kg-legend"[^>]*>(.*?)</ul>', html, re.S).group(1)
    for kind in ("Person (12)", "Body (8)", "Event (8)", "Initiative (4)"):
        assert kind in legend
    data = graph_data(html)
    assert n == len(data["nodes"]) == 32
    kinds = {x["kind"] for x in data["nodes"]}
    assert kinds == {"person", "body", "event", "initiative"}
    assert len({x["color"] for x in data["nodes"]}) == 4


def test_edges_are_labelled(page: tuple[str, int]) -> None:
    data = graph_data(page[0])
    labels = {e["label"] for e in data["edges"]}
    assert labels == {"presided", "attended", "convened", "endorses", "holds post in"}
    han = node(data, "Han Yunfei")["id"]
    assert sum(1 for e in data["edges"] if e["from"] == han and e["label"] == "presided") == 3


def test_tooltips_show_posts_dates_people_and_sources(page: tuple[str, int]) -> None:
    data = graph_data(page[0])
    han = rows(node(data, "Han Yunfei"))
    assert any("Secretary" in p for p in han["Posts"])
    assert len(han["Presided"]) == 3 and "2024-01-10 Hexi Planning Meeting" in han["Presided"]
    assert han["Sources"] == ["hexi-1 — http://example.org/hexi/1", "hexi-2 — http://example.org/hexi/2",
                              "nanshan-1 — http://example.org/nanshan/1"]
    meeting = rows(node(data, "Hexi Planning Meeting"))
    assert meeting["Date"] == ["2024-01-10"]
    assert meeting["Presided by"] == ["Han Yunfei"]
    assert meeting["Attended by"] == ["Du Wenbo", "Fang Xiaoli", "Gao Mingyuan"]
    assert len(meeting["Convened by"]) == 1 and "Hexi" in meeting["Convened by"][0]
    assert meeting["Endorses"] == ["Green Corridor Initiative"]
    assert meeting["Sources"] == ["hexi-1 — http://example.org/hexi/1"]
    green = rows(node(data, "Green Corridor Initiative"))
    assert "Hexi-Nanshan Joint Talks" in green["Endorsed by"]


def test_focus_keeps_the_neighbourhood(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    n = render_explorer(store, out, focus="han yunfei", depth=1)
    data = graph_data(out.read_text(encoding="utf-8"))
    labels = {x["tip"]["heading"] for x in data["nodes"]}
    assert n == len(labels) == 6
    post_body = rows(node(data, "Han Yunfei"))["Posts"][0].split(", ", 1)[1]  # holds post in
    assert labels == {"Han Yunfei", "Hexi Planning Meeting", "Hexi Budget Session", "Hexi Trade Forum",
                      "Hexi-Nanshan Joint Talks", post_body}
    assert data["focus"].endswith("/person/han-yunfei--hexi")
    n2 = render_explorer(store, out, focus=data["focus"], depth=2)  # by IRI, one hop further
    assert n2 > n


def test_focus_errors_are_clear(store: Store, tmp_path: Path) -> None:
    with pytest.raises(FocusError, match="no person, body, event or initiative matches 'Nobody Atall'"):
        render_explorer(store, tmp_path / "x.html", focus="Nobody Atall", depth=2)
    with pytest.raises(FocusError, match=r"'Hexi' matches \d+ nodes"):
        render_explorer(store, tmp_path / "x.html", focus="Hexi", depth=2)
    assert not (tmp_path / "x.html").exists()


def test_untrusted_names_stay_text(page: tuple[str, int]) -> None:
    html, _ = page
    assert html.count("</script>") == 3  # the data block and the two scripts: nothing closes them early
    for raw in (XSS_SCRIPT, XSS_IMG, "<script>window.__kgXss", "<img"):
        assert raw not in html
    data = graph_data(html)  # ... while the data keeps the names exactly
    assert node(data, f"Wang {XSS_SCRIPT}")["label"] == f"Wang {XSS_SCRIPT}"
    assert node(data, f"Li {XSS_IMG}")
    assert node(data, "Zhao </script><script>window.__kgXss=2</script>")
    assert "javascript:alert(3)" in rows(node(data, f"Wang {XSS_SCRIPT}"))["Sources"][0]
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert "<" not in title


def test_same_page_for_the_same_graph(page: tuple[str, int], tmp_path: Path) -> None:
    path = make_store(tmp_path / "store", [hostile_extraction(), *reversed(network_extractions())])
    with Store(path, read_only=True) as s:
        render_explorer(s, tmp_path / "again.html", focus=None, depth=2)
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == page[0]


def test_empty_store_renders(tmp_path: Path) -> None:
    from kg.model import Release

    path = make_store(tmp_path / "store", [Extraction(release=Release(id="empty", text="x"), language="en")])
    with Store(path, read_only=True) as s:
        assert render_explorer(s, tmp_path / "e.html") == 0
        assert load(s).releases
    assert "nothing to draw" in (tmp_path / "e.html").read_text(encoding="utf-8")


def test_focus_by_chinese_or_alternative_name(tmp_path: Path) -> None:
    from kg.rdf.fixtures import small_extractions

    path = make_store(tmp_path / "store", small_extractions())
    with Store(path, read_only=True) as s:
        render_explorer(s, tmp_path / "zh.html", focus="周敏", depth=1)
        render_explorer(s, tmp_path / "hant.html", focus="單磊", depth=1)  # traditional form: skos:altLabel
    zhou = graph_data((tmp_path / "zh.html").read_text(encoding="utf-8"))
    assert node(zhou, "Zhou Min (周敏)")["id"] == zhou["focus"]
    shan = graph_data((tmp_path / "hant.html").read_text(encoding="utf-8"))
    assert node(shan, "Shan Lei (单磊)")["id"] == shan["focus"]


def test_posts_can_be_drawn_as_nodes(store: Store) -> None:
    from kg.explore import explorer_html

    html, n = explorer_html(load(store), focus="Han Yunfei", depth=2, with_posts=True)
    data = graph_data(html)
    post = next(x for x in data["nodes"] if x["kind"] == "post")
    assert rows(post)["Held by"] == ["Han Yunfei"] and "Post (1)" in html
    assert {e["label"] for e in data["edges"]} >= {"holds post in", "post in"}
