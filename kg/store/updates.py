"""SPARQL UPDATE on a kg store, with writes that mean what they say although the store's default
graph is derived (the merge of all named graphs, see :mod:`kg.store`):

- A write to a named graph (``INSERT DATA { GRAPH <g> { ... } }``, ``DROP GRAPH <g>``, ...) is kept as
  written, and the merged default graph follows it (a named graph is a source of facts like a release).
- ``INSERT`` into the default graph puts the new triples into the named graph :data:`EDITS`
  (``<https://w3id.org/kg/id/graph/edits>``), so they are in the default graph and stay there when the
  merge is rebuilt; they can be listed with ``GRAPH <.../edits> { ... }`` and undone by dropping it.
- ``DELETE`` from the default graph removes the triples from every named graph that holds them
  (releases included), so they leave the merged default graph for good; ``CLEAR DEFAULT`` therefore
  empties the whole store.

Each update is one pyoxigraph transaction; the edit-graph and merge bookkeeping follows it at once.
"""

from __future__ import annotations

import pyoxigraph as ox

EDITS = ox.NamedNode("https://w3id.org/kg/id/graph/edits")
_MERGE = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _default_triples(store: ox.Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def apply_update(store: ox.Store, sparql: str, base_iri: str | None = None,
                 prefixes: dict[str, str] | None = None) -> tuple[int, int]:
    """Run ``sparql`` on ``store`` with the semantics above; returns the number of triples the update
    added to and removed from the default graph directly. Raises SyntaxError for a malformed update."""
    before = _default_triples(store)
    store.update(sparql, base_iri=base_iri, prefixes=prefixes)
    after = _default_triples(store)
    added, removed = after - before, before - after
    if added:
        store.extend([ox.Quad(t.subject, t.predicate, t.object, EDITS) for t in added])
    for t in removed:
        for q in list(store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                store.remove(q)
    store.update(_MERGE)
    return len(added), len(removed)
