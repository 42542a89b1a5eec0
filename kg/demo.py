"""`kg demo` (what `make demo` runs): rebuild the store from the bundled samples, write exports/, and
print a short summary. The store is rebuilt from scratch so that exports/ depends on samples/ alone."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

_COUNTS = """
SELECT
  (COUNT(DISTINCT ?release) AS ?releases) (COUNT(DISTINCT ?person) AS ?persons)
  (COUNT(DISTINCT ?body) AS ?bodies) (COUNT(DISTINCT ?event) AS ?events)
  (COUNT(DISTINCT ?initiative) AS ?initiatives)
WHERE {
  { ?release a schema:NewsArticle } UNION { ?person a schema:Person } UNION
  { ?body a org:Organization } UNION { ?event a schema:Event } UNION { ?initiative a kgo:Initiative }
}
"""

_TOP_OFFICIALS = """
SELECT ?name (COUNT(DISTINCT ?event) AS ?events) WHERE {
  { ?event kgo:presidedBy ?p } UNION { ?event schema:attendee ?p }
  ?p rdfs:label ?name . FILTER(lang(?name) = "en" || lang(?name) = "")
} GROUP BY ?name ORDER BY DESC(?events) ?name LIMIT 5
"""

_PRESIDED_MOST = """
SELECT ?name (COUNT(DISTINCT ?event) AS ?presided) WHERE {
  ?event kgo:presidedBy ?p . ?p rdfs:label ?name . FILTER(lang(?name) = "en" || lang(?name) = "")
} GROUP BY ?name ORDER BY DESC(?presided) ?name LIMIT 5
"""


def _summary(store, out: TextIO, failed: int) -> None:
    row = next(iter(store.query(_COUNTS)))
    counts = ", ".join(f"{int(v)} {k}" for k, v in zip(
        ("releases", "persons", "bodies", "events", "initiatives"), row, strict=True))
    print(f"\nkg demo: {counts}; {store.triple_count()} quads; {failed} release(s) failed", file=out)
    print("Top officials (events taken part in):", file=out)
    for name, n in store.query(_TOP_OFFICIALS):
        print(f"  {int(n):3d}  {name}", file=out)
    print("Presided most:", file=out)
    for name, n in store.query(_PRESIDED_MOST):
        print(f"  {int(n):3d}  {name}", file=out)


def run_demo(samples: Path, store_dir: Path, exports: Path, out: TextIO = sys.stdout) -> int:
    from kg.cli import _extractions
    from kg.explore import render_explorer
    from kg.export.serialize import export_store
    from kg.rdf.build import release_graph
    from kg.store import Store

    if not samples.is_dir():
        print(f"kg demo: no samples folder at {samples}", file=sys.stderr)
        return 2
    if (samples / "data").is_dir():  # the samples' invented geography (places.tsv), see kg.resolve.aliases
        os.environ["KG_DATA_PATH"] = os.pathsep.join(
            p for p in (str(samples / "data"), os.environ.get("KG_DATA_PATH", "")) if p)
    if store_dir.exists():
        shutil.rmtree(store_dir)
    exports.mkdir(parents=True, exist_ok=True)
    errors: list = []
    with Store(store_dir) as store:
        for x in _extractions([str(samples)], "demo", errors):
            store.replace_graph(*release_graph(x))
    with Store(store_dir, read_only=True) as store:
        export_store(store, exports / "kg.ttl", "turtle")
        export_store(store, exports / "kg.trig", "trig")
        render_explorer(store, exports / "explorer.html", focus=None, depth=2)
        _summary(store, out, len(errors))
    print(f"wrote {exports / 'kg.ttl'}, {exports / 'kg.trig'}, {exports / 'explorer.html'}", file=out)
    return 1 if errors else 0
