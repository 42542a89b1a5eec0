"""Named queries run unchanged in other SPARQL tools (they declare their prefixes), and `kg query`
table output prints IRIs that can be pasted back into a query."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyoxigraph as ox
from endpoints import build

from kg.store import Store
from kg.store.queries import named_queries, write_result


def test_named_queries_declare_their_prefixes() -> None:
    queries = named_queries()
    assert len(queries) >= 8
    empty = ox.Store()
    for path in queries.values():
        list(empty.query(path.read_text(encoding="utf-8")))  # no prefixes given: SyntaxError if undeclared


def test_table_iris_paste_back(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    with Store(path, read_only=True) as store:
        out = io.StringIO()
        query = "SELECT ?p ?class WHERE { ?p a ?class ; rdfs:label ?n } ORDER BY ?p LIMIT 5"
        write_result(store.query(query), "table", out)
        rows = out.getvalue().splitlines()[2:-1]
        assert len(rows) == 5
        for row in rows:
            person, cls = row.split()
            assert person.startswith("<https://w3id.org/kg/id/") and person.endswith(">")
            assert re.fullmatch(r"[a-z]+:[A-Za-z]+", cls)  # schema:Person and the like stay short
            pasted = store.query(f"ASK {{ {person} a {cls} }}")
            assert pasted.askAnswer is True
