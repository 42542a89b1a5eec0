"""kg analyze reads the store through pyoxigraph directly (kg.analyze.data.rows): the same GraphData
and Evidence as through the rdflib results of Store.query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stores import make_store

from kg.analyze.data import load
from kg.analyze.evidence import load_evidence
from kg.rdf.fixtures import small_extractions
from kg.store import Store


class ThroughRdflib:
    """Only ``query`` (rdflib Result rows), as any QueryStore."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def query(self, sparql: str) -> Any:
        return self._store.query(sparql)


def test_direct_reads_equal_rdflib_reads(tmp_path: Path) -> None:
    path = make_store(tmp_path / "store", small_extractions())
    with Store(path, read_only=True) as store:
        direct, slow = load(store), load(ThroughRdflib(store))
        assert direct == slow
        assert direct.kinds and direct.labels and direct.sources and direct.participation
        assert load_evidence(store) == load_evidence(ThroughRdflib(store))
