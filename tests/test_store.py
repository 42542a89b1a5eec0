"""The persistent Oxigraph store: persistence, replace semantics, read-only, queries, dataset()."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.rdf_fixtures import chinese_release, english_release, small_extractions
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.rdf.build import release_graph
from kg.rdf.vocab import ID, SDO
from kg.store import Store, StoreError


def _ingest(path: Path, extractions=None) -> int:
    with Store(path) as store:
        for x in extractions or small_extractions():
            store.replace_graph(*release_graph(x))
        return store.triple_count()


def test_persists_across_close_and_reopen(tmp_path: Path) -> None:
    n = _ingest(tmp_path / "s")
    assert n > 1000
    with Store(tmp_path / "s", read_only=True) as store:
        assert store.triple_count() == n
        assert len(store.graphs()) == 3
        assert store.graphs() == sorted(store.graphs())


def test_reingest_replaces_without_duplicates(tmp_path: Path) -> None:
    n = _ingest(tmp_path / "s")
    assert _ingest(tmp_path / "s") == n
    # a changed release replaces its graph: the old facts go
    x = english_release()
    x.persons = x.persons[:1]
    x.events[0].attended_by = []
    with Store(tmp_path / "s") as store:
        store.replace_graph(*release_graph(x))
        assert store.triple_count() < n
        rel = URIRef(ID["release/en-qingshan-20240305-fawc3"])
        ask = f'ASK {{ GRAPH <{rel}> {{ ?p rdfs:label "Zhou Min"@en }} }}'
        assert store.query(ask).askAnswer is False


def test_read_only_refuses_updates_and_changes_nothing(tmp_path: Path) -> None:
    n = _ingest(tmp_path / "s")
    before = sorted(p.name for p in (tmp_path / "s").iterdir())
    with Store(tmp_path / "s", read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
        with pytest.raises(StoreError, match="read-only"):
            store.replace_graph(URIRef("urn:g"), Graph())
        assert store.triple_count() == n
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == before


def test_missing_store_read_only_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at .*run kg ingest first"):
        Store(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()


def test_query_union_prefixes_and_result_access(tmp_path: Path) -> None:
    _ingest(tmp_path / "s", [english_release(), chinese_release()])
    with Store(tmp_path / "s", read_only=True) as store:
        r = store.query(
            "SELECT DISTINCT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name "
            'FILTER (LANG(?name) = "zh") } ORDER BY ?name'
        )
        assert [str(v) for v in r.vars] == ["p", "name"]
        rows = list(r)
        assert [str(row.name) for row in rows] == ["单磊", "周敏", "林浩然"]
        assert rows[0][0] == ID["person/shan-lei--qingshan"] and rows[0]["name"] == Literal("单磊", lang="zh")
        assert len(r.bindings) == 3
        assert store.query("ASK { kgid:person\\/lin-haoran--qingshan a schema:Person }").askAnswer is True
        c = store.query("CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }")
        assert len(c.graph) == 3
        with pytest.raises(StoreError, match="syntax"):
            store.query("SELEKT nothing")


def test_update_when_writable(tmp_path: Path) -> None:
    with Store(tmp_path / "s") as store:
        store.update('INSERT DATA { GRAPH <urn:g> { <urn:a> rdfs:label "a" } }')
        assert store.triple_count() == 1
        assert store.graphs() == [URIRef("urn:g")]


def test_dataset_round_trips_terms(tmp_path: Path) -> None:
    _ingest(tmp_path / "s", [chinese_release()])
    rel, g = release_graph(chinese_release())
    with Store(tmp_path / "s", read_only=True) as store:
        ds = store.dataset()
    assert set(ds.graph(rel)) == set(g)
    assert (ID["person/lin-haoran--qingshan"], RDF.type, SDO.Person) in ds.graph(rel)
    assert (ID["person/lin-haoran--qingshan"], RDFS.label, Literal("林浩然", lang="zh")) in ds.graph(rel)


def test_closed_store_is_unusable(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.triple_count()


def test_hostile_text_round_trips_through_the_store(tmp_path: Path) -> None:
    from kg.model import Event, Extraction, Person, Post, Release

    evil = "x\"'\\ <script>\n\r\t\x00\x7f 😀 }} . GRAPH <urn:x> { <a> <b> <c> } " + "张" * 500
    x = Extraction(
        Release(id=evil, text=evil * 3, url=evil, title=evil, published="2024-02-30"),
        "en",
        persons=[Person(evil, [Post(evil, evil)])],
        events=[Event(evil, "2024-01-01", evil, [evil], [evil], [evil])],
    )
    rel, g = release_graph(x)
    g.add(
        (
            URIRef("urn:a"),
            RDFS.comment,
            Literal("12x", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")),
        )
    )
    with Store(tmp_path / "s") as store:
        store.replace_graph(rel, g)
        assert store.triple_count() == len(g)
        assert store.graphs() == [rel]
        assert set(store.dataset().graph(rel)) == set(g)


def test_default_graph_merges_releases_each_fact_once(tmp_path: Path) -> None:
    """A fact two releases assert is seen once by queries, survives while either release asserts it,
    and leaves when neither does."""
    fact = (URIRef(ID["person/test-shared"]), RDF.type, SDO.Person)
    one, two = URIRef(ID["release/one"]), URIRef(ID["release/two"])
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{fact[0]}> a schema:Person }}"

    def n(store: Store) -> int:
        return int(next(iter(store.query(count)))[0])

    with Store(tmp_path / "s") as store:
        for g in (one, two):
            graph = Graph()
            graph.add(fact)
            graph.add((URIRef(str(g) + "#x"), RDFS.label, Literal(str(g))))
            store.replace_graph(g, graph)
        assert n(store) == 1
        assert store.triple_count() == 4
        store.replace_graph(one, Graph())
        assert n(store) == 1
        store.replace_graph(two, Graph())
        assert n(store) == 0
        assert store.merged_count() == 0
