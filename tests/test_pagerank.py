"""kg's PageRank (numpy power iteration, no scipy) gives networkx's numbers, to 1e-9, on graphs with
weights, dangling and isolated nodes, self-loops and several components; networkx's own pagerank
needs scipy, a dev dependency kept for this comparison only."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from fixtures.network import EVENTS

from kg.analyze.data import ATTENDED, PRESIDED, GraphData
from kg.analyze.graphs import coattendance_graph
from kg.analyze.metrics import pagerank


def _weighted(g: nx.Graph, seed: int) -> nx.Graph:
    rnd = random.Random(seed)
    for _u, _v, attrs in g.edges(data=True):
        attrs["weight"] = rnd.choice([0.25, 0.5, 1.0, 1.5, 3.0, 7.0])
    return g


def _fixture_graph() -> nx.Graph:
    """The Newman-weighted co-attendance graph of the invented network the analysis tests use."""
    participation = {(event, person, role) for _r, event, _d, _b, presider, attendees, _i in EVENTS
                     for person, role in [(presider, PRESIDED), *((a, ATTENDED) for a in attendees)]}
    g = coattendance_graph(GraphData(participation=participation))
    assert g.number_of_edges() > 10
    return g


def _graphs() -> dict[str, nx.Graph]:
    karate = _weighted(nx.karate_club_graph(), 1)
    two_parts = _weighted(nx.disjoint_union(nx.cycle_graph(7), nx.complete_graph(5)), 2)
    two_parts.add_nodes_from(["alone", "also alone"])  # isolated: dangling in an undirected graph
    loops = _weighted(nx.path_graph(6), 3)
    loops.add_edge(2, 2, weight=4.0)
    loops.add_edge(5, 5)  # no weight attribute: 1
    directed = _weighted(nx.gnp_random_graph(60, 0.06, seed=4, directed=True), 5)
    directed.add_edge(0, "sink", weight=2.0)  # "sink" has no out-edge: dangling
    large = _weighted(nx.barabasi_albert_graph(2000, 3, seed=6), 7)
    return {"karate": karate, "two components and isolated nodes": two_parts, "self-loops": loops,
            "directed with dangling nodes": directed, "scale-free 2000": large, "fixture": _fixture_graph(),
            "one node": nx.Graph([("x", "x")])}


@pytest.mark.parametrize("name", list(_graphs()))
def test_equals_networkx(name: str) -> None:
    pytest.importorskip("scipy", reason="networkx's pagerank, the reference, needs scipy (dev extra)")
    g = _graphs()[name]
    for weight in ("weight", None):
        for alpha in (0.85, 0.5):
            ours = pagerank(g, alpha=alpha, weight=weight)
            theirs = nx.pagerank(g, alpha=alpha, weight=weight, tol=1e-10, max_iter=1000)
            assert list(ours) == list(theirs)
            assert max(abs(ours[n] - theirs[n]) for n in g) < 1e-9, (name, weight, alpha)
            assert sum(ours.values()) == pytest.approx(1.0)


def test_gives_up_like_networkx() -> None:
    with pytest.raises(nx.PowerIterationFailedConvergence):
        pagerank(nx.karate_club_graph(), max_iter=2)
    with pytest.raises(ValueError, match="multigraph"):
        pagerank(nx.MultiGraph([(1, 2), (1, 2)]))
