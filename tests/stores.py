"""Build a real on-disk store from hand-made extractions (for the tests of what reads the store)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.model import Extraction
from kg.rdf.build import release_graph
from kg.store import Store


def make_store(path: Path, extractions: Iterable[Extraction]) -> Path:
    with Store(path) as store:
        for x in extractions:
            store.replace_graph(*release_graph(x))
    return path
