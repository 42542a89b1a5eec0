"""``kg explore``: an offline, self-contained HTML explorer of the graph (pyvis / vis-network).

    with Store("kg-store", read_only=True) as store:
        n = render_explorer(store, Path("explorer.html"), focus="Li Wei", depth=2)

Persons, bodies, events and initiatives are coloured by type (legend in the page); tooltips give a
person's posts, an event's date, body, presider and attendees, and every node's source releases.
The file needs no network: see :mod:`kg.explore.page`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.analyze.data import KINDS, GraphData, QueryStore, load
from kg.explore.page import render_page
from kg.explore.view import STYLES, FocusError, build_network

__all__ = ["FocusError", "explorer_html", "render_explorer"]


def explorer_html(data: GraphData, focus: str | None = None, depth: int = 2,
                  with_posts: bool = False) -> tuple[str, int]:
    """The page for ``data`` (the whole graph, or ``depth`` hops around ``focus``) and its node count.
    Raises :class:`FocusError` when ``focus`` names no node."""
    net, centre = build_network(data, focus=focus, depth=depth, with_posts=with_posts)
    kinds = Counter(n["kind"] for n in net.nodes)
    legend = [(STYLES[k].title, STYLES[k].colour, STYLES[k].symbol, kinds[k]) for k in KINDS if kinds[k]]
    edge_labels = sorted({e["label"] for e in net.edges})
    if centre is None:
        title = "kg explorer"
    else:
        title = f"kg explorer: {data.display(centre)} ({depth} hop{'s' if depth != 1 else ''})"
    summary = f"{len(net.nodes)} nodes, {len(net.edges)} edges, {len(data.releases)} releases"
    page = render_page(title=title, summary=summary, nodes=net.nodes, edges=net.edges, options=net.options,
                       legend=legend, edge_labels=edge_labels, focus=centre)
    return page, len(net.nodes)


def render_explorer(store: QueryStore, output: Path, focus: str | None = None, depth: int = 2) -> int:
    """Write the explorer for the store to ``output``; the number of nodes drawn."""
    page, n = explorer_html(load(store), focus=focus, depth=depth)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return n
