"""What the explorer draws: the nodes and edges of the chosen part of the graph, with positions,
communities, sizes, dates, search keys and evidence, as plain JSON-ready data for the page's script.

Nothing here is HTML: the page's script builds every text with ``textContent``, so a name taken from
an untrusted release can never become markup. Nodes are numbered in sorted IRI order and edges in
sorted order, so the same data gives the same page.

- *positions* come from :mod:`kg.explore.layout` (computed here, not in the browser);
- *communities* are the ones ``kg analyze`` reports (Louvain on the Newman-weighted co-attendance
  graph); an event takes the most frequent community of its participants, a body or an initiative
  that of its events (ties: the larger community);
- *size* is a node's PageRank on the drawn graph (undirected);
- ``top`` keeps the N most central officials (as ``kg analyze`` ranks them) and what they link to;
- *dates*: an event's date; a holds-post edge's attested interval (first and last ``kgo:asOf`` of
  its posts); a person's, body's or initiative's first and last dated event or post;
- *evidence*: each edge lists the releases and quoted sentences of the triples it stands for.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import networkx as nx

from kg.analyze.data import BODY, EVENT, INITIATIVE, PERSON, POST, GraphData
from kg.analyze.diffusion import place_name, place_of
from kg.analyze.evidence import Evidence
from kg.analyze.graphs import (
    E_ATTENDED,
    E_CONVENED,
    E_ENDORSES,
    E_HOLDS,
    E_POST_IN,
    E_PRESIDED,
    coattendance_graph,
    knowledge_graph,
    neighbourhood,
)
from kg.analyze.metrics import centrality, communities, pagerank, ranked_officials
from kg.analyze.periods import restrict
from kg.explore.layout import layout

LABEL_MAX = 40
LARGE = 300  # above this many nodes shown, physics starts off (a toggle turns it on)
MAX_EVIDENCE = 6  # quotes kept per edge

# kind -> (title, shape, symbol)
KIND_STYLE: dict[str, tuple[str, str, str]] = {
    PERSON: ("Person", "dot", "●"),
    BODY: ("Body", "square", "■"),
    EVENT: ("Event", "diamond", "◆"),
    INITIATIVE: ("Initiative", "star", "★"),
    POST: ("Post", "triangle", "▲"),
}
# Tableau 20: one colour per community, grey beyond
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#f1ce63", "#499894", "#86bcb6",
           "#d37295", "#fabfd2", "#d4a6c8", "#9d7660"]
NO_COMMUNITY = "#bab0ac"

# how the store states each drawn relation: edge label -> (store relation, subject is the edge's "to")
_STORE_RELATION = {E_PRESIDED: ("presided", True), E_ATTENDED: ("attended", True),
                   E_CONVENED: ("convened", True), E_ENDORSES: ("endorses", False)}

OPTIONS: dict[str, Any] = {
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 150, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                    "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": False},
    "nodes": {"font": {"size": 14, "face": "sans-serif", "multi": False}, "borderWidth": 1,
              "scaling": {"min": 8, "max": 40,
                          "label": {"enabled": True, "min": 11, "max": 28, "maxVisible": 28,
                                    "drawThreshold": 7}}},
    "edges": {"font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
              "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
              "smooth": {"type": "continuous"}, "width": 1, "hoverWidth": 1.5, "selectionWidth": 2,
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
}


class FocusError(LookupError):
    """``--focus NAME`` matched no node, or several equally well."""


def find_focus(data: GraphData, g: nx.MultiDiGraph, name: str) -> str:
    """The node named ``name``: its IRI, else the node with a label or alternative label equal to it
    (any language, case-insensitive), else the only node whose label contains it."""
    if name in g:
        return name
    wanted = name.strip().casefold()
    exact, partial = set(), set()
    for iri in g:
        labels = {data.label(iri).casefold()}
        labels.update(label.casefold() for label in data.labels.get(iri, {}).values())
        labels.update(alias.casefold() for alias in data.aliases.get(iri, ()))
        if wanted in labels:
            exact.add(iri)
        elif any(wanted in label for label in labels):
            partial.add(iri)
    found = sorted(exact) or sorted(partial)
    if len(found) == 1:
        return found[0]
    if not found:
        raise FocusError(f"no person, body, event or initiative matches {name!r}")
    shown = "; ".join(f"{data.display(i)} <{i}>" for i in found[:10])
    more = f" and {len(found) - 10} more" if len(found) > 10 else ""
    raise FocusError(f"{name!r} matches {len(found)} nodes: {shown}{more}; give a longer name or the IRI")


def _short(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1] + "…"


_FOLD = re.compile(r"[\s\-'’‘·•・.,()（）]+")


def search_key(text: str) -> str:
    """The form names are compared in: NFKC, case-folded, without spaces, hyphens, dots and
    apostrophes (the page's script folds a query the same way)."""
    return _FOLD.sub("", unicodedata.normalize("NFKC", text).casefold())


def search_keys(data: GraphData, iri: str) -> list[str]:
    """Every form a node can be found by: its labels and alternative labels, their simplified
    Chinese forms, and the pinyin of the Chinese ones (王毅 -> "wangyi", which "Wang Yi" folds to)."""
    from kg.resolve.pinyin import syllables
    from kg.resolve.text import has_han, to_simplified

    names = {data.label(iri), *data.labels.get(iri, {}).values(), *data.aliases.get(iri, ())}
    keys = set()
    for name in names:
        keys.add(search_key(name))
        if has_han(name):
            keys.add(search_key(to_simplified(name)))
            keys.add(search_key("".join(syllables(name))))
    return sorted(k for k in keys if k)


@cache
def pinyin_table() -> tuple[dict[str, str], dict[str, str]]:
    """What the page needs to read a Chinese query as pinyin (so that 王毅 finds a person known only
    as "Wang Yi"): syllable -> the characters of GB2312 read that way (pypinyin's reading), and the
    surnames whose reading as a surname differs (kg/data/aliases' surname table)."""
    from pypinyin import Style, lazy_pinyin

    from kg.resolve.aliases import surnames

    by_syllable: dict[str, list[str]] = defaultdict(list)
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            by_syllable[lazy_pinyin(ch, style=Style.NORMAL)[0]].append(ch)
    table = {k: "".join(v) for k, v in sorted(by_syllable.items()) if k.isascii() and k.isalpha()}
    reading = {ch: k for k, chars in table.items() for ch in chars}
    special = {sur: py for sur, py in sorted(surnames().items()) if len(sur) == 1 and reading.get(sur) != py}
    return table, special


@dataclass
class Selection:
    """What goes into the page (``kg explore``'s options)."""

    focus: str | None = None
    depth: int = 2
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] | None = None  # kinds to include; None = all
    top: int | None = None  # keep the N most central nodes
    with_posts: bool = False


@dataclass
class View:
    payload: dict[str, Any]
    title: str
    summary: str
    legend: list[tuple[str, str, str, int]]  # (title, colour, symbol, count)
    communities: list[tuple[str, str, int]] = field(default_factory=list)  # (name, colour, size)
    edge_labels: list[str] = field(default_factory=list)
    shown: int = 0  # nodes visible when the page opens


class _Index:
    """Numbers for the page: nodes, releases, quotes, places."""

    def __init__(self) -> None:
        self.releases: dict[str, int] = {}
        self.quotes: dict[str, int] = {}

    @staticmethod
    def numbered(values: set[str]) -> dict[str, int]:
        return {v: i for i, v in enumerate(sorted(values))}


def _tenure(evidence: Evidence, posts: list[str], person: str | None = None) -> tuple[str | None, str | None]:
    dates = [d for p in posts for d in evidence.dates_of(p, person)]
    return (min(dates), max(dates)) if dates else (None, None)


def _overlaps(d0: str | None, d1: str | None, since: str | None, until: str | None) -> bool:
    if d0 is None or d1 is None:
        return False
    return not ((since is not None and d1[: len(since)] < since)
                or (until is not None and d0[: len(until)] > until))


def _community_of(data: GraphData, g: nx.MultiDiGraph) -> tuple[dict[str, int], list[list[str]]]:
    """node -> community index (see the module doc) and the communities (analyze's order)."""
    groups = communities(coattendance_graph(data))
    size = {i: len(c) for i, c in enumerate(groups)}
    of: dict[str, int] = {p: i for i, c in enumerate(groups) for p in c}

    def vote(nodes: list[str]) -> int | None:
        counts = Counter(of[n] for n in nodes if n in of)
        if not counts:
            return None
        return min(counts, key=lambda c: (-counts[c], -size[c], c))

    und = g.to_undirected(as_view=True)
    for kind in (EVENT, POST, BODY, INITIATIVE):
        for n in sorted(v for v in g if data.kinds[v] == kind and v not in of):
            c = vote(sorted(und.neighbors(n)))
            if c is not None:
                of[n] = c
    return of, groups


def _top(data: GraphData, g: nx.MultiDiGraph, rank: dict[str, float], n: int) -> set[str]:
    """The ``n`` most central officials (ranked as ``kg analyze`` ranks them, then by PageRank on the
    drawn graph) with everything they are directly linked to; without persons, the ``n`` nodes of
    highest PageRank."""
    persons = [p for p in g if data.kinds[p] == PERSON]
    if not persons:
        return set(sorted(g, key=lambda v: (-round(rank[v], 12), data.label(v).casefold(), v))[:n])
    cent = centrality(coattendance_graph(data))
    ranked = [p for p in ranked_officials(data, cent) if p in g]
    seen = set(ranked)
    ranked += sorted((p for p in persons if p not in seen),
                     key=lambda v: (-round(rank[v], 12), data.label(v).casefold(), v))
    keep = set(ranked[:n])
    und = g.to_undirected(as_view=True)
    return keep | {v for p in keep for v in und.neighbors(p)}


def build_view(data: GraphData, evidence: Evidence | None = None, sel: Selection | None = None) -> View:
    """The page's data for ``data`` as chosen by ``sel``. Raises :class:`FocusError` when the focus
    names no node."""
    sel = sel or Selection()
    evidence = evidence or Evidence()
    window = sel.since is not None or sel.until is not None
    data = restrict(data, sel.since, sel.until)
    g = knowledge_graph(data, with_posts=sel.with_posts)

    bodies_of: dict[str, set[str]] = defaultdict(set)
    for post, body in data.post_in:
        bodies_of[post].add(body)
    posts_of: dict[tuple[str, str], list[str]] = defaultdict(list)  # (person, body) -> posts
    for person, post in sorted(data.holds):
        for body in sorted(bodies_of[post]):
            posts_of[(person, body)].append(post)

    def edge_posts(u: str, v: str, label: str) -> list[str]:
        if label == E_HOLDS:
            return [v] if sel.with_posts else posts_of.get((u, v), [])
        if label == E_POST_IN:
            return [u]
        return []

    if window:  # holds-post edges outside the window go, then whatever is left unconnected
        for u, v, label in list(g.edges(keys=True)):
            if label in (E_HOLDS, E_POST_IN) and not _overlaps(*_tenure(evidence, edge_posts(u, v, label),
                                                                          u if label == E_HOLDS else None),
                                                                 sel.since, sel.until):
                g.remove_edge(u, v, key=label)
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and data.kinds[n] != EVENT])
    if sel.types:
        g.remove_nodes_from([n for n in list(g) if data.kinds[n] not in sel.types])
    simple = nx.Graph(g.to_undirected(as_view=True))
    rank = pagerank(simple) if simple.number_of_edges() else {
        n: 1.0 / max(1, len(simple)) for n in simple}
    if sel.top is not None:
        keep = _top(data, g, rank, max(sel.top, 0))
        g = g.subgraph(keep).copy()
        simple = simple.subgraph(keep).copy()
    centre = None
    initial: set[str] | None = None
    if sel.focus is not None:
        centre = find_focus(data, g, sel.focus)
        initial = set(neighbourhood(g, centre, max(sel.depth, 0)))

    order = sorted(g)
    idx = {iri: i for i, iri in enumerate(order)}
    pos = layout(simple)
    comm, groups = _community_of(data, g)

    # dates of every node and edge
    event_dates = {e: d for e, d in data.dates.items() if e in g}
    endorse_dates: dict[tuple[str, str], list[str]] = defaultdict(list)  # (body, initiative) -> dates
    convened_by: dict[str, set[str]] = defaultdict(set)
    for e, b in data.convened:
        convened_by[e].add(b)
    for e, ini in data.endorses:
        if e in data.dates:
            for b in convened_by[e]:
                endorse_dates[(b, ini)].append(data.dates[e])
    node_dates: dict[str, list[str]] = defaultdict(list)

    releases: set[str] = set()
    quotes: set[str] = set()
    edges_out: list[tuple[str, str, str, str | None, str | None, list[tuple[str, str]], list]] = []
    for u, v, label in sorted(g.edges(keys=True)):
        d0 = d1 = None
        notes: list = []
        ev: set[tuple[str, str]] = set()
        if label in _STORE_RELATION:
            rel, reverse = _STORE_RELATION[label]
            ev.update(evidence.quotes.get((v, rel, u) if reverse else (u, rel, v), ()))
            event = v if label != E_ENDORSES else (u if data.kinds[u] == EVENT else None)
            if event is not None and event in event_dates:
                d0 = d1 = event_dates[event]
            elif label == E_ENDORSES and endorse_dates.get((u, v)):
                d0, d1 = min(endorse_dates[(u, v)]), max(endorse_dates[(u, v)])
        else:
            posts = edge_posts(u, v, label)
            for p in posts:
                ev.update(evidence.quotes.get((u if label == E_HOLDS else p, "holds", p), ()))
                body_side = v if (label == E_HOLDS and not sel.with_posts) or label == E_POST_IN else None
                if body_side is not None:
                    ev.update(evidence.quotes.get((p, "post in", body_side), ()))
                t0, t1 = evidence.tenure(p, u if label == E_HOLDS else None) or (None, None)
                notes.append([data.post_label(p), t0, t1])
            d0, d1 = _tenure(evidence, posts, u if label == E_HOLDS else None)
        kept = sorted(ev)[:MAX_EVIDENCE]
        releases.update(r for r, _q in kept)
        quotes.update(q for _r, q in kept if q)
        for n in (u, v):
            if d0:
                node_dates[n].extend([d0, d1])
        edges_out.append((u, v, label, d0, d1, kept, notes))
    for e, d in event_dates.items():
        node_dates[e].append(d)

    for iri in order:
        releases.update(r for r in data.sources.get(iri, ()) if r in data.releases)
    rel_idx = _Index.numbered(releases)
    quote_idx = _Index.numbered(quotes)
    places = {iri: place_of(data, iri) for iri in order if data.kinds[iri] == BODY}
    place_list = sorted({p for p in places.values() if p})
    place_idx = {p: i for i, p in enumerate(place_list)}

    nodes: list[dict[str, Any]] = []
    for iri in order:
        kind = data.kinds[iri]
        title, shape, _symbol = KIND_STYLE[kind]
        en, zh = data.label(iri), data.label_zh(iri)
        label = _short(en) if not zh or zh == en else f"{_short(en)}\n{_short(zh)}"
        c = comm.get(iri)
        dates = node_dates.get(iri)
        x, y = pos.get(iri, (0.0, 0.0))
        node: dict[str, Any] = {
            "id": idx[iri], "iri": iri, "label": label, "name": data.display(iri), "kind": kind,
            "shape": shape, "x": x, "y": y, "value": round(rank.get(iri, 0.0) * len(order), 4),
            "color": PALETTE[c] if c is not None and c < len(PALETTE) else NO_COMMUNITY,
            "c": -1 if c is None else c, "keys": search_keys(data, iri),
            "src": sorted(rel_idx[r] for r in data.sources.get(iri, ()) if r in rel_idx),
        }
        if dates:
            node["d0"], node["d1"] = min(dates), max(dates)
        if kind == BODY and places.get(iri):
            node["place"] = place_idx[places[iri]]
        if iri == centre:
            node["borderWidth"] = 3
        nodes.append(node)

    edges: list[dict[str, Any]] = []
    for i, (u, v, label, d0, d1, kept, notes) in enumerate(edges_out):
        edge: dict[str, Any] = {"id": i, "from": idx[u], "to": idx[v], "label": label,
                                "ev": [[rel_idx[r], quote_idx[q] if q else -1] for r, q in kept]}
        if d0:
            edge["d0"], edge["d1"] = d0, d1
        if notes:
            edge["posts"] = notes
        edges.append(edge)

    kinds = Counter(data.kinds[n] for n in order)
    legend = [(KIND_STYLE[k][0], "#555555", KIND_STYLE[k][2], kinds[k])
              for k in (PERSON, BODY, EVENT, INITIATIVE, POST) if kinds[k]]
    comm_rows = []
    for i, members in enumerate(groups):
        shown_members = [m for m in members if m in idx]
        if not shown_members:
            continue
        lead = min(shown_members, key=lambda m: (-rank.get(m, 0.0), m))
        colour = PALETTE[i] if i < len(PALETTE) else NO_COMMUNITY
        comm_rows.append((f"C{i + 1} {data.label(lead)}", colour, len(members)))

    shown_count = len(initial) if initial is not None else len(order)
    options: dict[str, Any] = {k: dict(v) for k, v in OPTIONS.items()}
    options["physics"] = dict(OPTIONS["physics"], enabled=shown_count <= LARGE)
    if shown_count > LARGE:  # straight edges without labels keep a large view fluid
        options["edges"] = dict(OPTIONS["edges"], smooth=False, arrows={"to": {"enabled": False}})
        options["interaction"] = dict(OPTIONS["interaction"], hideEdgesOnDrag=True, hideEdgesOnZoom=True)
    all_dates = sorted({d for n in nodes for d in (n.get("d0"), n.get("d1")) if d})
    payload = {
        "nodes": nodes, "edges": edges, "options": options,
        "focus": idx[centre] if centre is not None else None,
        "initial": sorted(idx[n] for n in initial) if initial is not None else None,
        "releases": [[data.releases[r].id, data.releases[r].url or "", data.releases[r].title or "",
                      data.releases[r].published or ""] for r in sorted(rel_idx, key=rel_idx.get)],
        "quotes": sorted(quote_idx, key=quote_idx.get),
        "places": [place_name(p) for p in place_list],
        "communities": [[name, colour, size] for name, colour, size in comm_rows],
        "dates": [all_dates[0], all_dates[-1]] if all_dates else None,
        "kinds": {k: KIND_STYLE[k][0] for k in kinds},
        "pinyin": pinyin_table()[0], "surnames": pinyin_table()[1],
    }
    if centre is None:
        title = "kg explorer"
    else:
        title = f"kg explorer: {data.display(centre)} ({sel.depth} hop{'s' if sel.depth != 1 else ''})"
    summary = f"{len(nodes)} nodes, {len(edges)} edges, {len(data.releases)} releases"
    return View(payload, title, summary, legend, comm_rows, sorted({e["label"] for e in edges}), shown_count)
