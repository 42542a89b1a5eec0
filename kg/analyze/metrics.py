"""The analyses: centrality, communities, co-attendance pairs, initiative spread and presiders.

All rankings break ties by label then IRI, and community detection uses a fixed seed, so the same
data always gives the same report.

- centrality is computed on the co-attendance graph: degree (distinct co-attendees), weighted degree
  (sum of shared events), betweenness (unweighted shortest paths, normalised; sampled with a fixed
  seed above ``BETWEENNESS_EXACT_LIMIT`` nodes) and PageRank (weighted by shared events). Officials
  are ranked by weighted degree, then degree, betweenness, PageRank: PageRank alone favours the
  members of small isolated groups, which fragmented press coverage is full of.
- communities: Louvain modularity on the weighted co-attendance graph (seed ``SEED``); only
  communities of two or more persons are listed.
- an initiative's endorsing bodies are the bodies that endorse it directly plus the bodies that
  convened an event endorsing it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from kg.analyze.data import BODY, EVENT, INITIATIVE, PERSON, PRESIDED, GraphData
from kg.analyze.graphs import coattendance_graph
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
    if g.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        betweenness = nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLES, seed=SEED)
    else:
        betweenness = nx.betweenness_centrality(g)
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
    """PageRank on the weighted co-attendance graph (networkx's, through scipy)."""
    if g.number_of_nodes() == 0:
        return {}
    return nx.pagerank(g, alpha=alpha, weight="weight", tol=1e-10, max_iter=1000)


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


def build_report(data: GraphData, top: int = 10) -> Report:
    """The full report from already loaded data; ``top`` limits each ranking."""
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

    ranked = sorted(cent, key=lambda n: (-cent[n]["weighted_degree"], -cent[n]["degree"],
                                         -round(cent[n]["betweenness"], 9), -round(cent[n]["pagerank"], 9),
                                         *_key(data, n)))[:top]
    central = Section(
        "central", "Most central officials (co-attendance graph, by weighted degree)",
        ["rank", "person", "person_zh", "degree", "weighted_degree", "betweenness", "pagerank", "events",
         "iri"],
        [[i, data.label(n), data.label_zh(n), int(cent[n]["degree"]), int(cent[n]["weighted_degree"]),
          cent[n]["betweenness"], cent[n]["pagerank"], by_person[n], n] for i, n in enumerate(ranked, 1)],
    )

    comms = Section("communities", "Communities (Louvain, co-attendance)", ["community", "size", "members"])
    for i, members in enumerate(communities(g)[:top], 1):
        ordered = sorted(members, key=lambda n: _key(data, n))
        comms.rows.append([i, len(members), [data.display(n) for n in ordered]])

    edges = sorted(g.edges(data=True), key=lambda e: (-e[2]["weight"], *_key(data, e[0]), *_key(data, e[1])))
    pairs = Section("pairs", "Strongest co-attendance pairs",
                    ["rank", "person_a", "person_b", "shared_events", "events"])
    for i, (a, b, attrs) in enumerate(edges[:top], 1):
        a, b = sorted((a, b), key=lambda n: _key(data, n))
        pairs.rows.append([i, data.display(a), data.display(b), attrs["weight"],
                           sorted(data.label(e) for e in attrs["events"])])

    spread = endorsers(data)
    ranked_i = sorted(spread, key=lambda i: (-len(spread[i][0]), -len(spread[i][1]), *_key(data, i)))
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
    return Report([summary, central, comms, pairs, initiatives, presiders])
