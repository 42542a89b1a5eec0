"""kg export for graph tools: GraphML and GEXF re-read by networkx, CSV by the csv module, with the
store's counts and the attributes Gephi and Cytoscape show; formats from the extension; -o -;
--no-text."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from endpoints import build

from kg.cli import main
from kg.export.serialize import format_of
from kg.store import Store

COUNTS = """SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE {
  { ?x a schema:Person BIND("person" AS ?kind) } UNION { ?x a org:Organization BIND("body" AS ?kind) }
  UNION { ?x a schema:Event BIND("event" AS ?kind) } UNION { ?x a kgo:Initiative BIND("initiative" AS ?kind) }
  UNION { ?x a org:Post BIND("post" AS ?kind) }
} GROUP BY ?kind"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("graphtools") / "store")


def store_counts(path: Path) -> tuple[dict[str, int], int]:
    with Store(path, read_only=True) as store:
        kinds = {str(k): int(n) for k, n in store.query(COUNTS)}
        relations = sum(int(r[0]) for r in store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?p ?b WHERE { VALUES ?p { kgo:presidedBy "
            "schema:attendee kgo:convenedBy kgo:endorses org:holds org:postIn } ?a ?p ?b } }"))
    return kinds, relations


def kinds_of(g: nx.Graph) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, attrs in g.nodes(data=True):
        out[attrs["kind"]] = out.get(attrs["kind"], 0) + 1
    return out


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_reread_with_the_store_counts(store_path: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"kg.{fmt}"
    assert main(["export", "-o", str(out), "--store", str(store_path)]) == 0  # format from the extension
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    kinds, relations = store_counts(store_path)
    assert kinds_of(g) == kinds and g.number_of_edges() == relations
    person = next(n for n, a in g.nodes(data=True) if a["kind"] == "person" and a["label_en"] == "Du Wenbo")
    attrs = g.nodes[person]
    assert person.startswith("https://w3id.org/kg/id/person/") and attrs["label"] == "Du Wenbo"
    assert attrs["releases"]  # the release ids it was read from
    types = {a["relation"] for _, _, a in g.edges(data=True)}
    assert {"presided", "attended", "convened", "holds"} <= types
    assert all(a["releases"] for _, _, a in g.edges(data=True) if a["relation"] in ("presided", "convened"))
    again = tmp_path / f"again.{fmt}"
    main(["export", "-o", str(again), "--store", str(store_path)])
    assert again.read_bytes() == out.read_bytes()


def test_csv_nodes_and_edges(store_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    assert main(["export", "-o", f"{folder}/", "--store", str(store_path)]) == 0
    with open(folder / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(folder / "edges.csv", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    kinds, relations = store_counts(store_path)
    counted: dict[str, int] = {}
    for n in nodes:
        counted[n["kind"]] = counted.get(n["kind"], 0) + 1
    assert counted == kinds and len(edges) == relations
    ids = {n["id"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    assert any(n["date"] for n in nodes if n["kind"] == "event")
    assert main(["export", "-o", str(tmp_path / "x.csv"), "--format", "csv", "--store", str(store_path)]) == 2


def test_stdout_no_text_and_formats_from_extensions(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "-o", "-", "--format", "nquads", "--store", str(store_path)]) == 0
    full = capsys.readouterr().out
    assert "https://w3id.org/kg/ontology#text>" in full
    assert main(["export", "-o", "-", "--format", "nquads", "--no-text", "--store", str(store_path)]) == 0
    short = capsys.readouterr().out
    assert "https://w3id.org/kg/ontology#text>" not in short and "ontology#quote>" in short
    assert len(short) < len(full)
    assert main(["export", "-o", "-", "--format", "graphml", "--store", str(store_path)]) == 0
    assert capsys.readouterr().out.startswith("<?xml")
    names = ("a.ttl", "a.trig", "a.nq", "a.jsonld", "a.graphml", "a.gexf", "d/", "a.x")
    wanted = ["turtle", "trig", "nquads", "jsonld", "graphml", "gexf", "csv", "turtle"]
    assert [format_of(p) for p in names] == wanted


def test_jsonld_has_a_real_context(store_path: Path, tmp_path: Path) -> None:
    import json

    from rdflib import Dataset

    out = tmp_path / "kg.jsonld"
    assert main(["export", "-o", str(out), "--store", str(store_path)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert ctx["holds"] == {"@id": "http://www.w3.org/ns/org#holds", "@type": "@id"}
    assert ctx["presidedBy"]["@type"] == "@id" and ctx["startDate"]["@type"].endswith("#date")
    assert ctx["name"]["@id"] == "https://schema.org/name"
    assert ctx["foaf_name"]["@id"] == "http://xmlns.com/foaf/0.1/name"  # a clash of local names
    keys = {k for g in doc["@graph"] for node in g.get("@graph", [g]) for k in node}
    assert {"label", "holds", "presidedBy"} <= keys and not any(":" in k for k in keys)
    trig = tmp_path / "kg.trig"
    main(["export", "-o", str(trig), "--store", str(store_path)])
    a, b = Dataset(), Dataset()
    a.parse(out, format="json-ld")
    b.parse(trig, format="trig")
    assert set(a.quads()) == set(b.quads()) and len(set(a.quads())) > 100
