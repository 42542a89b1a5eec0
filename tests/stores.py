"""Build a real on-disk store from hand-made extractions (for the tests of what reads the store)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.model import Extraction
from kg.rdf.build import release_graph
from kg.resolve.link import link
from kg.store import Store


def make_store(path: Path, extractions: Iterable[Extraction]) -> Path:
    xs = list(extractions)
    identity = link(xs)  # as `kg ingest` does: identity over the batch, then one graph per release
    with Store(path) as store:
        for x in xs:
            store.replace_graph(*release_graph(x, identity))
    return path
