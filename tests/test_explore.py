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
from fixtures.network import XSS_IMG, XSS_SCRIPT, hostile_extraction, network_extractions
from stores import make_store

from kg.analyze.data import load
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


def node(data: dict[str, Any], name: str) -> dict[str, Any]:
    found = [n for n in data["nodes"] if n["name"] == name]
    assert len(found) == 1, name
    return found[0]


def edges_of(data: dict[str, Any], n: dict[str, Any], label: str) -> list[dict[str, Any]]:
    return [e for e in data["edges"] if n["id"] in (e["from"], e["to"]) and e["label"] == label]


def names(data: dict[str, Any], ids: list[int]) -> list[str]:
    return sorted(data["nodes"][i]["name"] for i in ids)


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
    assert {x["kind"] for x in data["nodes"]} == {"person", "body", "event", "initiative"}
    assert {x["shape"] for x in data["nodes"]} == {"dot", "square", "diamond", "star"}


def test_layout_is_computed_and_physics_only_for_small_graphs(page: tuple[str, int]) -> None:
    data = graph_data(page[0])
    points = {(x["x"], x["y"]) for x in data["nodes"]}
    assert len(points) == len(data["nodes"])  # every node has its own place
    assert data["options"]["physics"]["enabled"] is True  # 32 nodes: physics may polish the layout


def test_communities_are_the_analysis_ones(page: tuple[str, int]) -> None:
    data = graph_data(page[0])
    by_c: dict[int, set[str]] = {}
    for x in data["nodes"]:
        if x["kind"] == "person":
            by_c.setdefault(x["c"], set()).add(x["name"])
    hexi = {"Han Yunfei", "Gao Mingyuan", "Fang Xiaoli", "Du Wenbo", "Qiu Lanting"}
    nanshan = {"Meng Zhiyuan", "Tang Yifan", "Luo Qinghe", "Xue Ruolan"}
    assert hexi in by_c.values() and nanshan in by_c.values()
    han = node(data, "Han Yunfei")
    assert node(data, "Hexi Planning Meeting")["c"] == han["c"]  # an event joins its participants' community
    assert node(data, "Hexi Planning Meeting")["color"] == han["color"]
    assert data["communities"][han["c"]][0].startswith(f"C{han['c'] + 1} ")
    assert han["value"] == max(x["value"] for x in data["nodes"] if x["kind"] == "person")  # size: centrality


def test_edges_are_labelled(page: tuple[str, int]) -> None:
    data = graph_data(page[0])
    labels = {e["label"] for e in data["edges"]}
    assert labels == {"presided", "attended", "convened", "endorses", "holds post in"}
    han = node(data, "Han Yunfei")
    assert sum(1 for e in data["edges"] if e["from"] == han["id"] and e["label"] == "presided") == 3


def test_edges_carry_date_release_and_quote(page: tuple[str, int]) -> None:
    data = graph_data(page[0])
    han, meeting = node(data, "Han Yunfei"), node(data, "Hexi Planning Meeting")
    edge = next(e for e in edges_of(data, han, "presided") if e["to"] == meeting["id"])
    assert (edge["d0"], edge["d1"]) == ("2024-01-10", "2024-01-10")
    assert [data["releases"][r][0] for r, _q in edge["ev"]] == ["hexi-1"]
    assert data["quotes"][edge["ev"][0][1]].startswith("On 2024-01-10, Han Yunfei presided over the Hexi")
    for label in ("attended", "convened", "endorses"):  # every kind of edge has its evidence
        assert all(e["ev"] and all(q >= 0 for _r, q in e["ev"]) for e in edges_of(data, meeting, label))
    post = edges_of(data, han, "holds post in")[0]
    assert post["posts"] == [["Secretary, CPC Hexi Municipal Committee", "2024-01-10", "2024-04-01"]]
    assert (post["d0"], post["d1"]) == ("2024-01-10", "2024-04-01")
    assert any("Han Yunfei is Secretary" in data["quotes"][q] for _r, q in post["ev"])
    assert (han["d0"], han["d1"]) == ("2024-01-10", "2024-05-01")  # first and last dated activity
    assert [data["releases"][r][0] for r in han["src"]] == ["hexi-1", "hexi-2", "nanshan-1"]


def test_search_keys_cover_both_scripts(tmp_path: Path) -> None:
    from fixtures.rdf_fixtures import small_extractions

    path = make_store(tmp_path / "store", small_extractions())
    with Store(path, read_only=True) as s:
        render_explorer(s, tmp_path / "zh.html")
    data = graph_data((tmp_path / "zh.html").read_text(encoding="utf-8"))
    lin = node(data, "Lin Haoran (林浩然)")
    assert {"linhaoran", "林浩然"} <= set(lin["keys"])
    assert lin["label"] == "Lin Haoran\n林浩然"  # bilingual label
    shan = node(data, "Shan Lei (单磊)")
    assert {"单磊", "單磊", "shanlei"} <= set(shan["keys"])  # traditional form from skos:altLabel


def test_focus_keeps_the_neighbourhood(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    n = render_explorer(store, out, focus="han yunfei", depth=1)
    data = graph_data(out.read_text(encoding="utf-8"))
    assert n == len(data["initial"]) == 6 and len(data["nodes"]) == 32  # the rest waits for expanding
    post_body = data["nodes"][edges_of(data, node(data, "Han Yunfei"), "holds post in")[0]["to"]]["name"]
    assert set(names(data, data["initial"])) == {
        "Han Yunfei", "Hexi Planning Meeting", "Hexi Budget Session", "Hexi Trade Forum",
        "Hexi-Nanshan Joint Talks", post_body}
    assert data["nodes"][data["focus"]]["iri"].endswith("/person/han-yunfei--hexi")
    n2 = render_explorer(store, out, focus=data["nodes"][data["focus"]]["iri"], depth=2)  # by IRI
    assert n2 > n


def test_selection_by_time_type_and_top(store: Store, tmp_path: Path) -> None:
    from kg.explore import Selection

    out = tmp_path / "sel.html"
    render_explorer(store, out, selection=Selection(since="2024-04", until="2024-05"))
    data = graph_data(out.read_text(encoding="utf-8"))
    events = {x["name"] for x in data["nodes"] if x["kind"] == "event"}
    assert events == {"Nanshan Port Meeting", "Nanshan Tech Conference", "Hexi-Nanshan Joint Talks"}
    assert "Du Wenbo" not in {x["name"] for x in data["nodes"]}  # only in earlier events
    render_explorer(store, out, selection=Selection(types=("person", "event")))
    data = graph_data(out.read_text(encoding="utf-8"))
    assert {x["kind"] for x in data["nodes"]} == {"person", "event"}
    assert {e["label"] for e in data["edges"]} == {"presided", "attended"}
    render_explorer(store, out, selection=Selection(top=1))  # the most central official and its links
    data = graph_data(out.read_text(encoding="utf-8"))
    assert {x["name"] for x in data["nodes"] if x["kind"] == "person"} == {"Han Yunfei"}
    assert len(data["nodes"]) == 6  # four events and the body of his post


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
    assert any(r[1] == "javascript:alert(3)" for r in data["releases"])
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
    from fixtures.rdf_fixtures import small_extractions

    path = make_store(tmp_path / "store", small_extractions())
    with Store(path, read_only=True) as s:
        render_explorer(s, tmp_path / "zh.html", focus="周敏", depth=1)
        render_explorer(s, tmp_path / "hant.html", focus="單磊", depth=1)  # traditional form: skos:altLabel
    zhou = graph_data((tmp_path / "zh.html").read_text(encoding="utf-8"))
    assert node(zhou, "Zhou Min (周敏)")["id"] == zhou["focus"]
    shan = graph_data((tmp_path / "hant.html").read_text(encoding="utf-8"))
    assert node(shan, "Shan Lei (单磊)")["id"] == shan["focus"]


def test_posts_can_be_drawn_as_nodes(store: Store) -> None:
    from kg.analyze.evidence import load_evidence
    from kg.explore import explorer_html

    html, n = explorer_html(load(store), focus="Han Yunfei", depth=2, with_posts=True,
                            evidence=load_evidence(store))
    data = graph_data(html)
    assert {e["label"] for e in data["edges"]} >= {"holds post in", "post in"}
    # a post is shared by its holders; each holds edge carries that holder's own dates
    han = next(x["id"] for x in data["nodes"] if x["name"] == "Han Yunfei")
    holds = [e for e in data["edges"] if e["label"] == "holds post in" and e["from"] == han]
    assert holds and data["nodes"][holds[0]["to"]]["kind"] == "post" and holds[0]["d0"] == "2024-01-10"


def test_large_graphs_start_without_physics() -> None:
    from kg.analyze.data import ATTENDED, PRESIDED, GraphData
    from kg.explore import explorer_html

    participation = {(f"e{i}", f"p{i}", PRESIDED) for i in range(200)} | {
        (f"e{i}", f"p{(i + 1) % 200}", ATTENDED) for i in range(200)}
    kinds = {**{f"e{i}": "event" for i in range(200)}, **{f"p{i}": "person" for i in range(200)}}
    html, n = explorer_html(GraphData(kinds=kinds, participation=participation))
    data = graph_data(html)
    assert n == 400 and data["options"]["physics"]["enabled"] is False
    edges = data["options"]["edges"]
    assert edges["smooth"] is False and not edges["arrows"]["to"]["enabled"]
    assert len({(x["x"], x["y"]) for x in data["nodes"]}) == 400


def test_cli_options(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    out = tmp_path / "cli.html"
    assert main(["explore", "-o", str(out), "--store", str(store.path), "--type", "person,event",
                 "--since", "2024-04", "--until", "2024-05", "--top", "2"]) == 0
    data = graph_data(out.read_text(encoding="utf-8"))
    assert {x["kind"] for x in data["nodes"]} == {"person", "event"}
    assert {x["name"] for x in data["nodes"] if x["kind"] == "person"} >= {"Meng Zhiyuan"}
    assert "nodes shown" in capsys.readouterr().err
    assert main(["explore", "-o", str(out), "--store", str(store.path), "--type", "persons"]) == 2
    assert "unknown --type persons" in capsys.readouterr().err


def test_bundled_vis_network_is_the_released_file() -> None:
    """kg/explore/vis/ holds vis-network's own files, unchanged: their digests are the ones its README
    records for the npm package, and the page inlines them (minus the source-map comment)."""
    import hashlib
    import re
    from importlib import resources

    folder = resources.files("kg.explore") / "vis"
    recorded = dict(re.findall(r"^\| `([\w.-]+)` \| `[\w/.-]+` \| `([0-9a-f]{64})` \|$",
                               (folder / "README.md").read_text(encoding="utf-8"), re.M))
    assert set(recorded) == {"vis-network.min.js", "vis-network.min.css"}
    for name, digest in recorded.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    for name in ("LICENSE-APACHE-2.0", "LICENSE-MIT"):
        assert (folder / name).is_file()


LAYOUT_WITHOUT_SCIPY = """
import json, sys
sys.modules["scipy"] = None  # as in an installation without it: importing it fails
import networkx as nx
from kg.explore.layout import layout
one_community = nx.relabel_nodes(nx.complete_graph(420), lambda i: f"k{i:03}")
deep = nx.relabel_nodes(nx.cycle_graph(900), lambda i: f"c{i:03}")
print(json.dumps([layout(one_community), layout(deep, depth=4)], sort_keys=True))
"""


def test_large_layouts_need_no_scipy() -> None:
    """A community Louvain does not split and a group four levels down are laid out in pieces that
    stay on networkx's dense spring layout: no scipy, and the same positions with or without it."""
    import json
    import math
    import subprocess
    import sys

    import networkx as nx

    from kg.explore.layout import layout

    out = subprocess.run([sys.executable, "-c", LAYOUT_WITHOUT_SCIPY], capture_output=True, text=True,
                         check=True, timeout=300).stdout
    without = json.loads(out)
    one_community = nx.relabel_nodes(nx.complete_graph(420), lambda i: f"k{i:03}")
    deep = nx.relabel_nodes(nx.cycle_graph(900), lambda i: f"c{i:03}")
    here = json.loads(json.dumps([layout(one_community), layout(deep, depth=4)], sort_keys=True))
    assert without == here
    assert len(here[0]) == 420 and len(here[1]) == 900
    assert all(math.isfinite(c) for pos in here for xy in pos.values() for c in xy)
    assert len({tuple(xy) for xy in here[1].values()}) == 900  # no two nodes drawn on each other
