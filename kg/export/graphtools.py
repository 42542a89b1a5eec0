"""Exports for graph tools (Gephi, Cytoscape, pandas): the typed graph of persons, bodies, events,
initiatives and posts as GraphML, GEXF, or two CSV files (``nodes.csv``, ``edges.csv``).

Nodes are identified by their IRI and carry ``kind``, ``label`` (English, else Chinese), ``label_en``,
``label_zh``, ``date`` (events) and ``releases`` (the ids of the releases they were read from,
``;``-separated). Edges point from the actor to what it acts on (person -presided-> event, body
-convened-> event, person -holds-> post -post in-> body, event/body -endorses-> initiative) and carry
``relation`` (presided, attended, convened, endorses, holds, post in) and ``releases``.
Deterministic: the same store gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analyze.data import GraphData, QueryStore, load
from kg.analyze.evidence import Evidence, load_evidence
from kg.analyze.graphs import knowledge_graph

GRAPH_FORMATS = ("graphml", "gexf", "csv")
NODE_FIELDS = ("id", "kind", "label", "label_en", "label_zh", "date", "releases")
EDGE_FIELDS = ("source", "target", "relation", "releases")
# the explorer's edge labels -> relation names (those of kg.analyze.evidence)
_RELATION = {"holds post in": "holds"}
# relations whose triple in the store runs against the edge (event presidedBy person, ...)
_REVERSED = {"presided", "attended", "convened"}
_XML = '<?xml version="1.0" encoding="utf-8"?>\n'


def _release_ids(data: GraphData, iris: set[str] | list[str]) -> str:
    ids = {data.releases[r].id if r in data.releases else r for r in iris}
    return ";".join(sorted(ids))


def tool_graph(store: QueryStore) -> nx.MultiDiGraph:
    """The typed graph with the attributes above, every value a string."""
    data = load(store)
    evidence: Evidence = load_evidence(store)
    g = knowledge_graph(data, with_posts=True)
    out = nx.MultiDiGraph()
    for n in sorted(g.nodes):
        zh = data.label_zh(n) or ""
        out.add_node(n, kind=g.nodes[n]["kind"], label=data.label(n),
                     label_en=data.labels.get(n, {}).get("en", ""), label_zh=zh,
                     date=data.dates.get(n, ""), releases=_release_ids(data, data.sources.get(n, set())))
    for u, v, key in sorted(g.edges(keys=True)):
        relation = _RELATION.get(key, key)
        s, o = (v, u) if relation in _REVERSED else (u, v)
        quotes = evidence.quotes.get((s, relation, o), [])
        releases = _release_ids(data, [r for r, _ in quotes])
        out.add_edge(u, v, key=relation, relation=relation, releases=releases)
    newest = max((r.published or "" for r in data.releases.values()), default="")
    out.graph["newest_release"] = newest[:10]
    return out


def _fixed_date(text: str, g: nx.MultiDiGraph) -> str:
    # networkx stamps today's date into GEXF: the newest release's date instead keeps exports stable
    date = g.graph.get("newest_release") or "1970-01-01"
    return re.sub(r'lastmodifieddate="[0-9-]*"', f'lastmodifieddate="{date}"', text, count=1)


def graphml(g: nx.MultiDiGraph) -> str:
    h = g.copy()
    h.graph = {}
    return _XML + "\n".join(nx.generate_graphml(h, encoding="utf-8", prettyprint=True)) + "\n"


def gexf(g: nx.MultiDiGraph) -> str:
    h = g.copy()
    h.graph = {}
    return _fixed_date(_XML + "\n".join(nx.generate_gexf(h, encoding="utf-8", prettyprint=True)) + "\n", g)


def csv_tables(g: nx.MultiDiGraph) -> tuple[str, str]:
    """(nodes.csv, edges.csv) texts."""
    nodes, edges = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(NODE_FIELDS)
    for n, attrs in g.nodes(data=True):
        w.writerow([n, *(attrs[f] for f in NODE_FIELDS[1:])])
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(EDGE_FIELDS)
    for u, v, attrs in g.edges(data=True):
        w.writerow([u, v, attrs["relation"], attrs["releases"]])
    return nodes.getvalue(), edges.getvalue()


def write_graph(store: QueryStore, fmt: str, output: Path | None, out: Any = None) -> list[Path]:
    """Write the graph as ``fmt``; to ``output`` (a file, or for csv a folder that receives
    nodes.csv and edges.csv), or to the text stream ``out`` when ``output`` is None (csv: the nodes
    table, a blank line, the edges table). Returns the files written."""
    g = tool_graph(store)
    if fmt == "csv":
        nodes, edges = csv_tables(g)
        if output is None:
            out.write(nodes + "\n" + edges)
            return []
        output.mkdir(parents=True, exist_ok=True)
        (output / "nodes.csv").write_text(nodes, encoding="utf-8")
        (output / "edges.csv").write_text(edges, encoding="utf-8")
        return [output / "nodes.csv", output / "edges.csv"]
    text = graphml(g) if fmt == "graphml" else gexf(g)
    if output is None:
        out.write(text)
        return []
    output.write_text(text, encoding="utf-8")
    return [output]
