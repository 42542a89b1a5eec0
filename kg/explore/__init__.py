"""``kg explore``: an offline, self-contained HTML explorer of the graph (vis-network, bundled in
``kg/explore/vis/``).

    with Store("kg-store", read_only=True) as store:
        n = render_explorer(store, Path("explorer.html"), Selection(focus="Li Wei", depth=2))

The layout is computed in Python (:mod:`kg.explore.layout`), so that large graphs draw at once;
nodes are shaped by type, coloured by community and sized by centrality; filters, search across
scripts, evidence tooltips and a details panel work in the page without reloading it. The file needs
no network: see :mod:`kg.explore.page`.
"""

from __future__ import annotations

from pathlib import Path

from kg.analyze.data import GraphData, QueryStore, load
from kg.analyze.evidence import Evidence, load_evidence
from kg.explore.page import render_page
from kg.explore.view import FocusError, Selection, build_view

__all__ = ["FocusError", "Selection", "explorer_html", "render_explorer"]


def explorer_html(data: GraphData, focus: str | None = None, depth: int = 2, with_posts: bool = False,
                  evidence: Evidence | None = None, selection: Selection | None = None) -> tuple[str, int]:
    """The page for ``data`` (``selection``, or the whole graph / ``depth`` hops around ``focus``)
    and the number of nodes shown when it opens. Raises :class:`FocusError` when the focus names no
    node."""
    sel = selection or Selection(focus=focus, depth=depth, with_posts=with_posts)
    view = build_view(data, evidence, sel)
    page = render_page(title=view.title, summary=view.summary, payload=view.payload, legend=view.legend,
                       communities=view.communities, edge_labels=view.edge_labels)
    return page, view.shown


def render_explorer(store: QueryStore, output: Path, focus: str | None = None, depth: int = 2,
                    selection: Selection | None = None) -> int:
    """Write the explorer for the store to ``output``; the number of nodes shown when it opens."""
    page, n = explorer_html(load(store), focus=focus, depth=depth, evidence=load_evidence(store),
                            selection=selection)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    return n
