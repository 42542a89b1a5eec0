"""The explorer's single, self-contained HTML page.

Everything is inline: vis-network's JS and CSS (bundled in ``kg/explore/vis/``), the page's own script
and style, and the graph as a JSON data block. Nothing is fetched from the network, and a
Content-Security-Policy that allows only the page's own scripts (by hash) and data: images makes
sure of it, even if some markup were ever injected. Untrusted text reaches the page only as escaped
HTML text or as JSON whose ``<``, ``>`` and ``&`` are \\u-escaped, so it can never close the
``<script>`` element that holds it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib import resources
from typing import Any


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _checked(text: str, tag: str) -> str:
    if f"</{tag}" in text.lower() or "<!--" in text:
        raise ValueError(f"inline {tag} content would close its element")
    return text


@cache
def _asset(name: str) -> str:
    folder = resources.files("kg.explore")
    if name.startswith("vis-network"):
        folder = folder / "vis"
    return folder.joinpath(name).read_text(encoding="utf-8")


def _strip_source_map(text: str) -> str:
    """Drop ``sourceMappingURL`` comments: developer tools would fetch them."""
    return "\n".join(line for line in text.split("\n") if "sourceMappingURL=" not in line)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_page(*, title: str, summary: str, payload: dict[str, Any], legend: list[tuple[str, str, str, int]],
                communities: list[tuple[str, str, int]], edge_labels: list[str]) -> str:
    """The page. ``legend`` rows are (title, colour, symbol, count); ``communities`` (name, colour,
    size); ``payload`` the JSON data the script draws (see :mod:`kg.explore.view`)."""
    e = html.escape
    vis_js = _checked(_strip_source_map(_asset("vis-network.min.js")), "script")
    vis_css = _checked(_strip_source_map(_asset("vis-network.min.css")), "style")
    app_js = _checked(_asset("explorer.js"), "script")
    app_css = _checked(_asset("explorer.css"), "style")
    data = script_json(payload)
    csp = ("default-src 'none'; "
           f"script-src {_hash(vis_js)} {_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    legend_items = "".join(
        f'<li><span class="swatch" style="color:{e(colour)}">{e(symbol)}</span>{e(name)} ({count})</li>'
        for name, colour, symbol, count in legend
    )
    if edge_labels:
        legend_items += f'<li class="edges">edges: {e(", ".join(edge_labels))}</li>'
    kinds = "".join(f'<label><input type="checkbox" name="kind" value="{e(k)}" checked> {e(t)}</label>'
                    for k, t in payload["kinds"].items())
    rels = "".join(f'<label><input type="checkbox" name="rel" value="{e(r)}" checked> {e(r)}</label>'
                   for r in edge_labels)
    scope = '<option value="">all</option>'
    if payload["places"]:
        scope += '<optgroup label="places">' + "".join(
            f'<option value="p:{i}">{e(p)}</option>' for i, p in enumerate(payload["places"])) + "</optgroup>"
    bodies = sorted((n["name"].casefold(), n["id"], n["name"])
                    for n in payload["nodes"] if n["kind"] == "body")
    if bodies:
        scope += '<optgroup label="bodies">' + "".join(
            f'<option value="b:{i}">{e(name)}</option>' for _k, i, name in bodies) + "</optgroup>"
    comm_options = '<option value="">all</option>' + "".join(
        f'<option value="{i}">{e(name)} ({size})</option>' for i, (name, _c, size) in enumerate(communities))
    comm_legend = "".join(
        f'<li><span class="swatch" style="color:{e(colour)}">●</span>{e(name)} ({size})</li>'
        for name, colour, size in communities[:12])
    if len(communities) > 12:
        comm_legend += f"<li>… {len(communities) - 12} more (grey: none or beyond the palette)</li>"
    physics = " checked" if payload["options"]["physics"]["enabled"] else ""
    empty = "" if payload["nodes"] else '<p class="kg-empty">The store has nothing to draw.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{e(csp)}">
<meta name="referrer" content="no-referrer">
<title>{e(title)}</title>
<style>{vis_css}</style>
<style>{app_css}</style>
</head>
<body>
<header>
<h1>{e(title)}</h1>
<span id="kg-summary">{e(summary)}</span>
<span id="kg-visible" aria-live="polite"></span>
<div id="kg-find"><label>Find <input id="kg-search" type="search" autocomplete="off"
 placeholder="name in any script; / to focus" aria-controls="kg-hits"></label>
<span id="kg-search-status" aria-live="polite"></span>
<ul id="kg-hits" role="listbox" hidden></ul></div>
<ul id="kg-legend" class="kg-legend" aria-label="legend">{legend_items}</ul>
</header>
<main>
<nav id="kg-filters" aria-label="filters">
<fieldset><legend>Show</legend>{kinds}</fieldset>
<fieldset><legend>Relations</legend>{rels}</fieldset>
<fieldset id="kg-dates"><legend>Dates</legend>
<label>from <input id="kg-from" type="range" min="0" max="0" value="0" step="1"></label>
<label>to <input id="kg-to" type="range" min="0" max="0" value="0" step="1"></label>
<div id="kg-date-label"></div>
<label><input id="kg-undated" type="checkbox" checked> undated items</label></fieldset>
<fieldset><legend>Body or place</legend><select id="kg-scope">{scope}</select></fieldset>
<fieldset><legend>Community</legend><select id="kg-community">{comm_options}</select>
<ul id="kg-communities" class="kg-legend">{comm_legend}</ul></fieldset>
<fieldset><legend>View</legend>
<label><input id="kg-isolated" type="checkbox"> hide isolated nodes</label>
<label><input id="kg-physics" type="checkbox"{physics}> physics</label>
<button type="button" id="kg-show-all">show all</button><button type="button" id="kg-fit">fit</button>
<button type="button" id="kg-png">PNG</button></fieldset>
<p class="kg-help">Keys: / find, ↑↓ hits, Enter focus, Esc clear, f fit; arrows and +/- move the graph
when it has the focus. Double-click a node to add its neighbours.</p>
</nav>
<div id="kg-graph" tabindex="0" aria-label="graph">{empty}</div>
<aside id="kg-details"><h2>Details</h2>
<div id="kg-details-body">Click a node to see its details.</div></aside>
</main>
<div id="kg-tip" role="tooltip" hidden></div>
<script type="application/json" id="kg-data">{data}</script>
<script>{vis_js}</script>
<script>{app_js}</script>
</body>
</html>
"""
