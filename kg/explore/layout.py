"""Node positions computed ahead of time, so that the browser draws a large graph at once instead of
running a force simulation that never settles on thousands of nodes.

Small graphs (up to ``DIRECT`` nodes) get networkx's spring layout. Larger ones are laid out by
groups: Louvain communities of the graph (fixed seed) are each laid out on their own (recursively
when large), given a disc whose area grows with their size, and the discs are placed by a spring
layout of the graph of groups (weighted by the edges between them) and pushed apart until they no
longer overlap. A group that Louvain does not split (or four levels down) is cut into breadth-first
pieces of at most ``DIRECT`` nodes instead, so no spring layout sees 500 nodes, from where networkx
would need scipy. Isolated nodes share one group laid out as a grid. Everything is seeded and inserted in
sorted order, and coordinates are rounded, so the same graph always gets the same positions.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque

import networkx as nx
import numpy as np

SEED = 7
DIRECT = 400  # nodes laid out with one spring layout
SPACING = 38.0  # pixels per sqrt(node): a group of n nodes gets a disc of radius SPACING * sqrt(n)
ITERATIONS = 60


def _sub(h: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph of ``nodes`` with its nodes in sorted order (a networkx subgraph view iterates
    them in set order, which changes with the hash seed, and so would Louvain and the layouts)."""
    order = sorted(nodes)
    keep = set(order)
    sub = nx.Graph()
    sub.add_nodes_from(order)
    sub.add_edges_from((u, v) for u in order for v in sorted(h[u]) if v in keep and u < v)
    return sub


def _spring(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Spring layout scaled to a disc of radius ``SPACING * sqrt(n)``."""
    n = g.number_of_nodes()
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    pos = nx.spring_layout(g, seed=SEED, iterations=ITERATIONS, weight=None)
    radius = SPACING * math.sqrt(n)
    return {v: (float(p[0]) * radius, float(p[1]) * radius) for v, p in pos.items()}


def _pieces(g: nx.Graph) -> list[list[str]]:
    """The nodes in breadth-first order (sorted starts and neighbours), cut into pieces of at most
    ``DIRECT`` nodes, so that neighbours mostly share a piece. A spring layout of one piece stays on
    networkx's dense solver: from 500 nodes on it switches to one that needs scipy."""
    order: list[str] = []
    seen: set[str] = set()
    for start in sorted(g):
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            v = queue.popleft()
            order.append(v)
            for w in sorted(g[v]):
                if w not in seen:
                    seen.add(w)
                    queue.append(w)
    return [sorted(order[i:i + DIRECT]) for i in range(0, len(order), DIRECT)]


def _grid(nodes: list[str]) -> dict[str, tuple[float, float]]:
    side = max(1, math.ceil(math.sqrt(len(nodes))))
    step = SPACING * 0.9
    off = (side - 1) * step / 2
    return {v: ((i % side) * step - off, (i // side) * step - off) for i, v in enumerate(nodes)}


def _separate(centres: np.ndarray, radii: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push discs apart until no two overlap (or ``rounds`` passes)."""
    c = centres.copy()
    k = len(radii)
    if k < 2:
        return c
    for _ in range(rounds):
        diff = c[:, None, :] - c[None, :, :]
        dist = np.sqrt((diff ** 2).sum(-1)) + np.eye(k)
        need = radii[:, None] + radii[None, :] + SPACING
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        push = (diff / dist[..., None]) * (overlap[..., None] / 2)
        c += push.sum(1)
    return c


def layout(g: nx.Graph, depth: int = 0) -> dict[str, tuple[float, float]]:
    """Positions of the nodes of the undirected graph ``g`` (pixels, centred near the origin)."""
    nodes = sorted(g)
    if not nodes:
        return {}
    h = nx.Graph()
    h.add_nodes_from(nodes)
    h.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in g.edges() if u != v))
    if len(nodes) <= DIRECT:
        return _round(_spring(h) if h.number_of_edges() else _grid(nodes))
    isolated = [v for v in nodes if h.degree(v) == 0]
    linked = _sub(h, [v for v in nodes if h.degree(v) > 0])
    if depth > 3 or not len(linked):
        groups = [sorted(linked)] if len(linked) else []
    else:
        groups = [sorted(c) for c in nx.community.louvain_communities(linked, seed=SEED)]
    groups = sorted(groups, key=lambda c: (-len(c), c[0]))
    if len(groups) == 1 and len(groups[0]) > DIRECT:  # no structure to split on, or too deep: pieces
        groups = _pieces(linked)
    if len(groups) == 1:  # no community structure to split on: one spring layout
        groups_pos = [_spring(linked.copy())]
    else:
        groups_pos = [layout(_sub(h, c), depth + 1) if len(c) > DIRECT else _spring(_sub(h, c))
                      for c in groups]
    small: list[dict[str, tuple[float, float]]] = groups_pos[MAX_GROUPS:]
    groups, groups_pos = groups[:MAX_GROUPS], groups_pos[:MAX_GROUPS]
    out = _place_groups(h, groups, groups_pos)
    if isolated:
        small.append(_grid(isolated))
    if small:  # many small components and the isolated nodes: packed in rows below the picture
        top = (max(y for _x, y in out.values()) + SPACING * 2) if out else 0.0
        left = min((x for x, _y in out.values()), default=0.0)
        width = max((max(x for x, _y in out.values()) - left), SPACING * 20) if out else SPACING * 40
        out.update(_shelves(small, left, top, width))
    return _round(out)


MAX_GROUPS = 300  # groups placed by a spring layout of the group graph; smaller ones go on shelves


def _place_groups(h: nx.Graph, groups: list[list[str]],
                  groups_pos: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    if not groups:
        return {}
    if len(groups) == 1:
        return dict(groups_pos[0])
    index = {v: i for i, c in enumerate(groups) for v in c}
    q = nx.Graph()
    q.add_nodes_from(range(len(groups)))
    weights: dict[tuple[int, int], int] = defaultdict(int)
    for u, v in h.edges():
        a, b = index.get(u), index.get(v)
        if a is not None and b is not None and a != b:
            weights[(min(a, b), max(a, b))] += 1
    for (a, b), w in sorted(weights.items()):
        q.add_edge(a, b, weight=w)
    radii = np.array([_radius(pos) for pos in groups_pos])
    start = nx.spring_layout(q, seed=SEED, iterations=ITERATIONS, weight="weight")
    spread = float(np.sqrt((radii ** 2).sum())) * 0.9
    centres = _separate(np.array([start[i] for i in range(len(groups))]) * spread, radii)
    out: dict[str, tuple[float, float]] = {}
    for (cx, cy), pos in zip(centres, groups_pos, strict=True):
        for v, (x, y) in pos.items():
            out[v] = (x + float(cx), y + float(cy))
    return out


def _radius(pos: dict[str, tuple[float, float]]) -> float:
    return max(math.hypot(*p) for p in pos.values()) + SPACING / 2


def _shelves(groups_pos: list[dict[str, tuple[float, float]]], left: float, top: float,
             width: float) -> dict[str, tuple[float, float]]:
    """Groups side by side in rows of the given width, starting at (left, top)."""
    out: dict[str, tuple[float, float]] = {}
    x, y, row = left, top, 0.0
    for pos in groups_pos:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        w, hgt = max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING
        if x > left and x + w > left + width:
            x, y, row = left, y + row, 0.0
        for v, (px, py) in pos.items():
            out[v] = (x + px - min(xs), y + py - min(ys))
        x += w
        row = max(row, hgt)
    return out


def _round(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    return {v: (round(x, 1), round(y, 1)) for v, (x, y) in sorted(pos.items())}
