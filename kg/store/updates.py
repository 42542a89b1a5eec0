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

The operations of a request (separated by ``;``) are applied in turn, each one transaction followed
at once by its edit-graph and merge bookkeeping: ``DROP ALL ; INSERT DATA { GRAPH <g> { ... } }``
leaves the new graph in place. ``CLEAR``/``DROP`` of a graph that holds nothing succeed (the store
does not record empty graphs).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.store.sparqltext import split_update

EDITS = ox.NamedNode("https://w3id.org/kg/id/graph/edits")
# CLEAR/DROP of a graph that holds nothing succeed: the store does not record empty graphs
_SILENT = re.compile(
    r"^((?:\s*(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>))*\s*(?:CLEAR|DROP))(?!\s+SILENT\b)\s+", re.IGNORECASE)
_MERGE = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _default_triples(store: ox.Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def apply_update(store: ox.Store, sparql: str, base_iri: str | None = None,
                 prefixes: dict[str, str] | None = None) -> tuple[int, int]:
    """Run ``sparql`` on ``store`` with the semantics above; returns the number of triples the update
    added to and removed from the default graph directly. Raises SyntaxError for a malformed update
    (checked for the whole request before any operation runs)."""
    ops = [_SILENT.sub(lambda m: f"{m.group(1)} SILENT ", op) for op in split_update(sparql)]
    scratch = ox.Store()
    for op in ops:  # a syntax error anywhere refuses the request before anything is written
        scratch.update(op, base_iri=base_iri, prefixes=prefixes)
    n_added = n_removed = 0
    for op in ops:
        before = _default_triples(store)
        store.update(op, base_iri=base_iri, prefixes=prefixes)
        after = _default_triples(store)
        added, removed = after - before, before - after
        if added:
            store.extend([ox.Quad(t.subject, t.predicate, t.object, EDITS) for t in added])
        for t in removed:
            for q in list(store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    store.remove(q)
        store.update(_MERGE)
        n_added, n_removed = n_added + len(added), n_removed + len(removed)
    return n_added, n_removed
