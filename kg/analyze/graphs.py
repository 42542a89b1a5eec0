"""networkx graphs built from :class:`~kg.analyze.data.GraphData`.

Nodes and edges are always inserted in sorted order, so that every algorithm that depends on
iteration order (community detection, layouts) gives the same answer for the same data.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kg.analyze.data import BODY, EVENT, INITIATIVE, PERSON, POST, PRESIDED, GraphData

# edge labels of the knowledge graph (explorer)
E_PRESIDED, E_ATTENDED, E_CONVENED, E_ENDORSES, E_HOLDS, E_POST_IN = (
    "presided", "attended", "convened", "endorses", "holds post in", "post in",
)


def event_participants(data: GraphData) -> dict[str, set[str]]:
    """event -> the persons who took part in it (presided or attended)."""
    out: dict[str, set[str]] = defaultdict(set)
    for event, person, _role in data.participation:
        out[event].add(person)
    return out


def coattendance_graph(data: GraphData) -> nx.Graph:
    """Persons linked when they took part in the same event, with Newman's collaboration weighting.

    An event with ``n`` participants adds ``1/(n-1)`` to the ``weight`` of each of its pairs (M. E. J.
    Newman, "Scientific collaboration networks. II", Phys. Rev. E 64, 016132, 2001): one large meeting
    no longer outweighs many small ones, and a person's weighted degree (strength) is the number of
    events they shared with anybody, however large. ``shared`` = the number of shared events,
    ``events`` = the sorted shared event IRIs. Every person who took part in an event is a node.
    """
    g = nx.Graph()
    participants = event_participants(data)
    persons = sorted({p for ps in participants.values() for p in ps})
    for p in persons:
        g.add_node(p, label=data.label(p))
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    weight: dict[tuple[str, str], float] = defaultdict(float)
    for event in sorted(participants):
        people = sorted(participants[event])
        for a, b in combinations(people, 2):
            shared[(a, b)].append(event)
            weight[(a, b)] += 1.0 / (len(people) - 1)
    for (a, b), events in sorted(shared.items()):
        g.add_edge(a, b, weight=weight[(a, b)], shared=len(events), events=events)
    return g


def knowledge_graph(data: GraphData, with_posts: bool = True) -> nx.MultiDiGraph:
    """The typed graph the explorer draws: persons, bodies, events, initiatives (and posts).

    Edges point from the actor to what it acts on: person -presided-> event, person -attended-> event,
    body -convened-> event, event/body -endorses-> initiative, person -holds post in-> body (or, with
    ``with_posts``, person -holds post in-> post -post in-> body).
    """
    g = nx.MultiDiGraph()
    kinds = (PERSON, BODY, EVENT, INITIATIVE, POST) if with_posts else (PERSON, BODY, EVENT, INITIATIVE)
    for iri in sorted(data.kinds):
        if data.kinds[iri] in kinds:
            g.add_node(iri, kind=data.kinds[iri], label=data.label(iri))
    edges: set[tuple[str, str, str]] = set()
    for event, person, role in data.participation:
        edges.add((person, event, E_PRESIDED if role == PRESIDED else E_ATTENDED))
    edges.update((body, event, E_CONVENED) for event, body in data.convened)
    edges.update((x, initiative, E_ENDORSES) for x, initiative in data.endorses)
    if with_posts:
        edges.update((person, post, E_HOLDS) for person, post in data.holds)
        edges.update((post, body, E_POST_IN) for post, body in data.post_in)
    else:
        bodies_of = defaultdict(set)
        for post, body in data.post_in:
            bodies_of[post].add(body)
        edges.update((person, body, E_HOLDS) for person, post in data.holds for body in bodies_of[post])
    for u, v, label in sorted(edges):
        if u in g and v in g:
            g.add_edge(u, v, key=label, label=label)
    return g


def neighbourhood(g: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """The subgraph within ``depth`` hops of ``centre``, edges followed in either direction."""
    lengths = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=depth)
    return g.subgraph(sorted(lengths)).copy()

