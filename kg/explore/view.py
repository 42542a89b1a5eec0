"""What the explorer draws: a pyvis ``Network`` of typed, labelled nodes and edges with tooltips.

Tooltips are *structured* (a heading and rows of ``[name, [values...]]``), never HTML: the page's
script builds them with ``textContent``, so a name taken from an untrusted release can never become
markup. Everything is inserted in sorted order with explicit edge ids, so the same data gives the
same page.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
from pyvis.network import Network

from kg.analyze.data import BODY, EVENT, INITIATIVE, PERSON, POST, PRESIDED, GraphData
from kg.analyze.graphs import E_HOLDS, knowledge_graph, neighbourhood

LABEL_MAX = 40
LAYOUT_SEED = 7
IMPROVED_LAYOUT_LIMIT = 100
LARGE = 300


@dataclass(frozen=True)
class Style:
    colour: str
    shape: str
    symbol: str  # for the legend
    title: str


STYLES: dict[str, Style] = {
    PERSON: Style("#4e79a7", "dot", "●", "Person"),
    BODY: Style("#f28e2b", "square", "■", "Body"),
    EVENT: Style("#59a14f", "diamond", "◆", "Event"),
    INITIATIVE: Style("#e15759", "star", "★", "Initiative"),
    POST: Style("#b07aa1", "triangle", "▲", "Post"),
}

OPTIONS: dict[str, Any] = {
    "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": True},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": True},
    "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1,
              "scaling": {"min": 10, "max": 40}},
    "edges": {"font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
              "color": {"color": "#9aa5b1", "highlight": "#333333"}, "smooth": {"type": "continuous"},
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
}


_ROWS: dict[str, tuple[str, ...]] = {
    PERSON: ("Presided", "Attended"),
    EVENT: ("Convened by", "Presided by", "Attended by", "Endorses"),
    BODY: ("Convened", "Endorses"),
    INITIATIVE: ("Endorsed by",),
    POST: (),
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


class Tooltips:
    """The structured tooltip of each node, from the whole data (not only the drawn subgraph)."""

    def __init__(self, data: GraphData) -> None:
        self.data = data
        self.posts: dict[str, set[str]] = defaultdict(set)
        self.held_by: dict[str, set[str]] = defaultdict(set)
        for person, post in data.holds:
            self.posts[person].add(data.post_label(post))
            self.held_by[post].add(data.display(person))
        # iri -> row name -> values ("Presided by" for events, "Presided" for persons, ...)
        self.about: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for event, person, role in data.participation:
            presided = role == PRESIDED
            self.about[event]["Presided by" if presided else "Attended by"].add(data.display(person))
            self.about[person]["Presided" if presided else "Attended"].add(self._event_name(event))
        for event, body in data.convened:
            self.about[event]["Convened by"].add(data.display(body))
            self.about[body]["Convened"].add(self._event_name(event))
        for x, initiative in data.endorses:
            self.about[x]["Endorses"].add(data.display(initiative))
            self.about[initiative]["Endorsed by"].add(data.display(x))

    def _event_name(self, event: str) -> str:
        date = self.data.dates.get(event)
        return f"{date} {self.data.label(event)}" if date else self.data.label(event)

    def sources(self, iri: str) -> list[str]:
        out = []
        for r in sorted(self.data.sources.get(iri, ()), key=lambda r: self.data.releases[r].id):
            info = self.data.releases[r]
            out.append(f"{info.id} — {info.url}" if info.url else info.id)
        return out

    def tip(self, iri: str) -> dict[str, Any]:
        data, kind = self.data, self.data.kinds[iri]
        rows: list[list[Any]] = []
        about = self.about.get(iri, {})
        if kind == PERSON:
            rows.append(["Posts", sorted(self.posts.get(iri, ()))])
        elif kind == EVENT:
            rows.append(["Date", [data.dates[iri]] if iri in data.dates else []])
        elif kind == POST:
            rows.append(["Held by", sorted(self.held_by.get(iri, ()))])
        rows += [[k, sorted(about.get(k, ()))] for k in _ROWS[kind]]
        rows.append(["Sources", self.sources(iri)])
        rows.append(["IRI", [iri]])
        return {"heading": data.display(iri), "kind": STYLES[kind].title,
                "rows": [r for r in rows if r[1]]}


def build_network(data: GraphData, focus: str | None = None, depth: int = 2,
                  with_posts: bool = False) -> tuple[Network, str | None]:
    """The pyvis network to draw (the whole graph, or ``depth`` hops around ``focus``) and the
    focused node's IRI."""
    g = knowledge_graph(data, with_posts=with_posts)
    centre = None
    if focus is not None:
        centre = find_focus(data, g, focus)
        g = neighbourhood(g, centre, max(depth, 0))
    tips = Tooltips(data)
    bodies_of: dict[str, set[str]] = defaultdict(set)
    for post, body in data.post_in:
        bodies_of[post].add(body)
    post_labels: dict[tuple[str, str], set[str]] = defaultdict(set)  # (person, body) -> posts
    for person, post in data.holds:
        for body in bodies_of[post]:
            post_labels[(person, body)].add(data.post_label(post))

    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    degree = dict(g.to_undirected(as_view=True).degree())
    for iri in sorted(g):
        kind = data.kinds[iri]
        style = STYLES[kind]
        net.add_node(iri, label=_short(data.label(iri)), shape=style.shape, color=style.colour, kind=kind,
                     value=degree.get(iri, 0) + 1, tip=tips.tip(iri),
                     borderWidth=3 if iri == centre else 1)
    for i, (u, v, label) in enumerate(sorted(g.edges(keys=True))):
        extra: dict[str, Any] = {}
        if label == E_HOLDS and (u, v) in post_labels:
            extra["tip"] = {"heading": label, "kind": "", "rows": [["Posts", sorted(post_labels[(u, v)])]]}
        net.add_edge(u, v, id=f"e{i}", label=label, **extra)
    options = copy.deepcopy(OPTIONS)
    if len(net.nodes) > IMPROVED_LAYOUT_LIMIT:  # vis-network's improved layout gives up (and says so)
        options["layout"]["improvedLayout"] = False
    if len(net.nodes) > LARGE:  # fewer layout iterations keep a big page responsive
        options["physics"]["stabilization"]["iterations"] = 150
    net.options = options
    return net, centre
