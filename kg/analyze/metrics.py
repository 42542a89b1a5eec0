"""The analyses: centrality, communities, co-attendance pairs, initiative spread and presiders.

All rankings break ties by label then IRI, and community detection uses a fixed seed, so the same
data always gives the same report.

- centrality is computed on the co-attendance graph with Newman's collaboration weighting (each
  event of ``n`` participants adds ``1/(n-1)`` to each of its pairs, see
  :func:`kg.analyze.graphs.coattendance_graph`): degree (distinct co-attendees), weighted degree
  (strength: the number of events shared with anybody, so one large meeting counts once), betweenness
  (shortest paths with length ``1/weight``, normalised; sampled with a fixed seed above
  ``BETWEENNESS_EXACT_LIMIT`` nodes) and PageRank (on the weights; :func:`pagerank`, with numpy and
  no scipy). Officials are ranked by weighted degree, then betweenness, PageRank, degree: PageRank
  alone favours the members of small isolated groups, which fragmented press coverage is full of,
  and plain degree favours whoever sat in the largest meeting.
- time: ``since``/``until`` restrict everything to the events of a window
  (:mod:`kg.analyze.periods`); *change* splits the window at a date (by default the median event
  date) and lists who gained or lost weighted degree between the two periods.
- diffusion: when each body and place first endorsed each initiative, and which bodies adopt early
  (:mod:`kg.analyze.diffusion`).
- communities: Louvain modularity on the weighted co-attendance graph (seed ``SEED``); only
  communities of two or more persons are listed.
- an initiative's endorsing bodies are the bodies that endorse it directly plus the bodies that
  convened an event endorsing it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx
import numpy as np

from kg.analyze.data import BODY, EVENT, INITIATIVE, PERSON, PRESIDED, GraphData
from kg.analyze.diffusion import active_bodies, adoptions, curve, early_adopters, place_name
from kg.analyze.graphs import coattendance_graph
from kg.analyze.periods import median_date, restrict, split
from kg.analyze.report import Report, Section

SEED = 42
BETWEENNESS_EXACT_LIMIT = 2000
BETWEENNESS_SAMPLES = 500


def _key(data: GraphData, iri: str) -> tuple[str, str]:
    return (data.label(iri).casefold(), iri)


def centrality(g: nx.Graph) -> dict[str, dict[str, float]]:
    """node -> {degree, weighted_degree, betweenness, pagerank}."""
    if g.number_of_nodes() == 0:
        return {}
    for _a, _b, attrs in g.edges(data=True):
        attrs["distance"] = 1.0 / attrs["weight"] if attrs.get("weight") else 1.0
    if g.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        betweenness = nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLES, seed=SEED, weight="distance")
    else:
        betweenness = nx.betweenness_centrality(g, weight="distance")
    pagerank = weighted_pagerank(g)
    return {
        n: {
            "degree": g.degree(n),
            "weighted_degree": g.degree(n, weight="weight"),
            "betweenness": betweenness[n],
            "pagerank": pagerank[n],
        }
        for n in g
    }


def weighted_pagerank(g: nx.Graph, alpha: float = 0.85) -> dict[str, float]:
    """PageRank on the weighted co-attendance graph (see :func:`pagerank`)."""
    return pagerank(g, alpha=alpha, weight="weight")


def pagerank(g: nx.Graph, alpha: float = 0.85, weight: str | None = "weight", tol: float = 1e-10,
             max_iter: int = 1000) -> dict[Any, float]:
    """PageRank by power iteration, the same numbers as ``networkx.pagerank`` (without its scipy).

    As networkx does it, without personalization: each node passes its rank to its neighbours in
    proportion to the edge weights (attribute ``weight``, 1 where absent or when ``weight`` is None;
    an undirected edge goes both ways, a self-loop once), a dangling node (no outgoing weight)
    spreads its rank over all nodes, and the iteration stops when the rank moved by less than
    ``len(g) * tol`` (L1). Nodes of ``g`` must be hashable; a Graph or a DiGraph (not a multigraph).

    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> {n: round(r, 4) for n, r in pagerank(g).items()}
    {'a': 0.2568, 'b': 0.4865, 'c': 0.2568}
    >>> pagerank(nx.Graph())
    {}
    """
    if g.is_multigraph():
        raise ValueError("pagerank: a multigraph; collapse it to a Graph first")
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for u, nbrs in g.adjacency():
        for v, attrs in nbrs.items():
            rows.append(index[u])
            cols.append(index[v])
            vals.append(float(attrs.get(weight, 1.0)) if weight is not None else 1.0)
    src, dst, w = np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp), np.array(vals)
    out = np.bincount(src, weights=w, minlength=n)
    dangling = out == 0
    share = w / np.where(dangling, 1.0, out)[src]  # each edge's share of its source's rank
    x = np.full(n, 1.0 / n)
    p = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (np.bincount(dst, weights=last[src] * share, minlength=n) + last[dangling].sum() * p) \
            + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            return {v: float(r) for v, r in zip(nodes, x, strict=True)}
    raise nx.PowerIterationFailedConvergence(max_iter)


def communities(g: nx.Graph, min_size: int = 2) -> list[list[str]]:
    """Louvain communities (fixed seed), largest first; each community's members sorted."""
    if g.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    groups = [sorted(c) for c in found if len(c) >= min_size]
    return sorted(groups, key=lambda c: (-len(c), c))


def endorsers(data: GraphData) -> dict[str, tuple[set[str], set[str]]]:
    """initiative -> (endorsing bodies, endorsing events)."""
    convened_by: dict[str, set[str]] = defaultdict(set)
    for event, body in data.convened:
        convened_by[event].add(body)
    out: dict[str, tuple[set[str], set[str]]] = {i: (set(), set()) for i in data.of_kind(INITIATIVE)}
    for x, initiative in data.endorses:
        bodies, events = out.setdefault(initiative, (set(), set()))
        kind = data.kinds.get(x)
        if kind == EVENT:
            events.add(x)
            bodies.update(convened_by[x])
        elif kind == BODY:
            bodies.add(x)
    return out


def ranked_officials(data: GraphData, cent: dict[str, dict[str, float]]) -> list[str]:
    """Persons of the co-attendance graph, most central first (see the module doc)."""
    def key(n: str) -> tuple:
        c = cent[n]
        return (-round(c["weighted_degree"], 9), -round(c["betweenness"], 9), -round(c["pagerank"], 9),
                -c["degree"], *_key(data, n))

    return sorted(cent, key=key)


def _strengths(data: GraphData) -> tuple[dict[str, float], dict[str, float]]:
    g = coattendance_graph(data)
    return dict(g.degree(weight="weight")), weighted_pagerank(g)


def change_section(data: GraphData, at: str | None, top: int) -> Section:
    """Who gained or lost weighted degree between the events before ``at`` and those from ``at`` on."""
    title = "Who gained or lost centrality (weighted degree"
    title += f", before {at} vs from {at} on)" if at else ")"
    section = Section("change", title, ["rank", "direction", "person", "person_zh", "before", "after",
                                        "change", "pagerank_before", "pagerank_after"])
    if at is None:
        return section
    before, after = split(data, at)
    (s0, pr0), (s1, pr1) = _strengths(before), _strengths(after)
    persons = set(s0) | set(s1)
    delta = {p: s1.get(p, 0.0) - s0.get(p, 0.0) for p in persons}
    gained = sorted((p for p in persons if delta[p] > 1e-9), key=lambda p: (-delta[p], *_key(data, p)))
    lost = sorted((p for p in persons if delta[p] < -1e-9), key=lambda p: (delta[p], *_key(data, p)))
    for direction, people in (("gained", gained[:top]), ("lost", lost[:top])):
        for i, p in enumerate(people, 1):
            section.rows.append([i, direction, data.label(p), data.label_zh(p), s0.get(p, 0.0),
                                 s1.get(p, 0.0), delta[p], pr0.get(p, 0.0), pr1.get(p, 0.0)])
    return section


def diffusion_sections(data: GraphData, top: int) -> tuple[Section, Section]:
    found = adoptions(data)
    population = len(active_bodies(data))
    ranked = sorted(found, key=lambda i: (-len(found[i]), found[i][0].date, *_key(data, i)))
    diffusion = Section(
        "diffusion", "Initiative diffusion (first endorsement by each body, in time)",
        ["initiative", "order", "date", "body", "place", "first_in_place", "share_reached", "event"])
    for ini in ranked[:top]:
        reached = dict(curve(found[ini], population))
        for order, a in enumerate(found[ini][:top], 1):
            diffusion.rows.append([data.display(ini), order, a.date, data.display(a.body),
                                   place_name(a.place), "yes" if a.first_in_place else "", reached[a.date],
                                   data.label(a.event)])
    adopters = Section("adopters", "Early adopters (bodies in the first third of an initiative's adopters)",
                       ["rank", "body", "body_zh", "adopted", "early", "first", "mean_position"])
    for i, a in enumerate(early_adopters(data, found)[:top], 1):
        adopters.rows.append([i, data.label(a.body), data.label_zh(a.body), a.adopted, a.early, a.first,
                              a.mean_position])
    return diffusion, adopters


def build_report(data: GraphData, top: int = 10, since: str | None = None, until: str | None = None,
                 split_at: str | None = None) -> Report:
    """The full report from already loaded data; ``top`` limits each ranking; ``since``/``until``
    restrict it to the events of a window; ``split_at`` is the date dividing the two periods of the
    *change* section (default: the median event date of the window)."""
    data = restrict(data, since, until)
    g = coattendance_graph(data)
    cent = centrality(g)
    n_events = Counter(e for e, _p in {(e, p) for e, p, _r in data.participation})
    by_person = Counter(p for _e, p, _r in data.participation)

    summary = Section("summary", "Summary", ["metric", "value"], [
        ["releases", len(data.releases)],
        ["persons", len(data.of_kind(PERSON))],
        ["bodies", len(data.of_kind(BODY))],
        ["events", len(data.of_kind(EVENT))],
        ["initiatives", len(data.of_kind(INITIATIVE))],
        ["persons in events", g.number_of_nodes()],
        ["co-attendance links", g.number_of_edges()],
        ["events with 2+ persons", sum(1 for c in n_events.values() if c >= 2)],
    ])
    if since or until:
        summary.rows.append(["window", f"{since or '…'} to {until or '…'}"])

    central = Section(
        "central", "Most central officials (co-attendance, Newman-weighted; by weighted degree)",
        ["rank", "person", "person_zh", "degree", "weighted_degree", "betweenness", "pagerank", "events",
         "iri"],
        [[i, data.label(n), data.label_zh(n), int(cent[n]["degree"]), float(cent[n]["weighted_degree"]),
          cent[n]["betweenness"], cent[n]["pagerank"], by_person[n], n]
         for i, n in enumerate(ranked_officials(data, cent)[:top], 1)],
    )

    comms = Section("communities", "Communities (Louvain, co-attendance)", ["community", "size", "members"])
    for i, members in enumerate(communities(g)[:top], 1):
        ordered = sorted(members, key=lambda n: _key(data, n))
        comms.rows.append([i, len(members), [data.display(n) for n in ordered]])

    edges = sorted(g.edges(data=True), key=lambda e: (-round(e[2]["weight"], 9), -e[2]["shared"],
                                                      *_key(data, e[0]), *_key(data, e[1])))
    pairs = Section("pairs", "Strongest co-attendance pairs (Newman weight)",
                    ["rank", "person_a", "person_b", "weight", "shared_events", "events"])
    for i, (a, b, attrs) in enumerate(edges[:top], 1):
        a, b = sorted((a, b), key=lambda n: _key(data, n))
        pairs.rows.append([i, data.display(a), data.display(b), attrs["weight"], attrs["shared"],
                           sorted(data.label(e) for e in attrs["events"])])

    spread = endorsers(data)
    ranked_i = sorted((i for i in spread if spread[i][0] or spread[i][1]),
                      key=lambda i: (-len(spread[i][0]), -len(spread[i][1]), *_key(data, i)))
    initiatives = Section("initiatives", "Initiatives by endorsing bodies (and events)",
                          ["rank", "initiative", "bodies", "events", "endorsing_bodies"])
    for i, ini in enumerate(ranked_i[:top], 1):
        bodies, events = spread[ini]
        initiatives.rows.append([i, data.display(ini), len(bodies), len(events),
                                 sorted(data.label(b) for b in bodies)])

    presided = Counter(p for _e, p, r in data.participation if r == PRESIDED)
    attended = Counter(p for _e, p, r in data.participation if r != PRESIDED)
    ranked_p = sorted(presided, key=lambda p: (-presided[p], -attended[p], *_key(data, p)))
    presiders = Section("presiders", "Who presided most",
                        ["rank", "person", "person_zh", "presided", "attended"],
                        [[i, data.label(p), data.label_zh(p), presided[p], attended[p]]
                         for i, p in enumerate(ranked_p[:top], 1)])
    change = change_section(data, split_at or median_date(data), top)
    diffusion, adopters = diffusion_sections(data, top)
    return Report([summary, central, comms, pairs, initiatives, presiders, change, diffusion, adopters])
