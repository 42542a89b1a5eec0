"""SHACL validation of the store or an exported file against ontology/shapes.ttl.

All graphs are merged into one data graph before validation, so cardinalities hold across releases
(a post held by one person, an event with one date), not only within each release's graph. The store
(and a file, loaded into a temporary store) is validated by SPARQL translations of the shapes
(:mod:`kg.export.shacl`, bounded memory); ``validate_graph`` runs pyshacl on an rdflib graph.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.rdf.oxterms import to_ox, to_rdflib
from kg.rdf.paths import ontology_dir
from kg.rdf.vocab import PREFIXES

PARSE_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
    ".rdf": "xml",
    ".xml": "xml",
}
MAX_LISTED = 40
_OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
               "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML}


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def merged(ds: Dataset | Graph) -> Graph:
    """All triples of all graphs of ``ds`` in one graph."""
    g = Graph()
    for k, v in PREFIXES.items():
        g.bind(k, v)
    if isinstance(ds, Dataset):
        for ctx in ds.graphs():
            for t in ctx.triples((None, None, None)):
                g.add(t)
    else:
        for t in ds:
            g.add(t)
    return g


def validate_graph(data: Graph) -> tuple[bool, str]:
    """(conforms, readable report) of one data graph."""
    from pyshacl import validate

    conforms, results, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    return bool(conforms), _report(bool(conforms), results, data)


def _short(g: Graph, node: Any) -> str:
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 - fall back to the full IRI
            return f"<{node}>"
    return repr(str(node)) if node is not None else "-"


def _report(conforms: bool, results: Graph, data: Graph) -> str:
    rows = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        rows.append(
            (
                _short(data, results.value(r, SH.focusNode)),
                _short(data, results.value(r, SH.resultPath)),
                str(results.value(r, SH.resultMessage) or ""),
                _short(data, results.value(r, SH.value)) if results.value(r, SH.value) is not None else "",
                str(results.value(r, SH.resultSeverity) or "").rsplit("#", 1)[-1],
            )
        )
    return _report_rows(conforms, rows, len(data))


def _report_rows(conforms: bool, rows: list[tuple[str, str, str, str, str]], n_triples: int) -> str:
    """The readable report of (focus, path, message, value, severity) rows."""
    lines = [
        f"SHACL validation against {ontology_dir() / 'shapes.ttl'}",
        f"data: {n_triples} triples",
        f"conforms: {'yes' if conforms else 'NO'}",
    ]
    if conforms:
        return "\n".join(lines)
    rows = sorted(rows)
    by_message = Counter(r[2] for r in rows)
    lines.append(f"violations: {len(rows)}")
    for msg, n in sorted(by_message.items(), key=lambda x: (-x[1], x[0])):
        lines.append(f"  {n:6d} x {msg}")
    lines.append("details:")
    for focus, path, msg, value, sev in rows[:MAX_LISTED]:
        v = f" value={value}" if value else ""
        lines.append(f"  [{sev}] {focus} {path}: {msg}{v}")
    if len(rows) > MAX_LISTED:
        lines.append(f"  ... and {len(rows) - MAX_LISTED} more")
    return "\n".join(lines)


def validate_ox(store: ox.Store) -> tuple[bool, str]:
    """Validate the default (merged) graph of a pyoxigraph store with the SHACL shapes translated to
    SPARQL (:mod:`kg.export.shacl`); shapes it cannot translate: pyshacl over a copy of the graph."""
    from kg.export import shacl

    shapes = shapes_graph()
    try:
        found = shacl.validate(store, shapes)
    except shacl.Unsupported:
        g = merged(Graph())
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return validate_graph(g)
    names = merged(Graph())
    rows = []
    for v in found:
        focus, path, value = v.terms
        shown_path = _short(names, path) if isinstance(path, URIRef) else (v.path or "-")
        rows.append((_short(names, focus), shown_path, v.message,
                     _short(names, value) if value is not None else "", v.severity))
    n = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value
    return not rows, _report_rows(not rows, rows, int(n))


def load_file(path: Path) -> Dataset:
    fmt = PARSE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path} (use .ttl .trig .nq .jsonld)")
    ds = Dataset()
    ds.parse(str(path), format=fmt)
    return ds


def validate_file(path: Path) -> tuple[bool, str]:
    """Validate an exported file (.ttl, .trig, .nq, .jsonld): loaded into a temporary on-disk
    Oxigraph store (all its graphs merged into the default graph), then validated as the store is."""
    path = Path(path)
    if not path.is_file():
        return False, f"no such file: {path}"
    fmt = PARSE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path} (use .ttl .trig .nq .jsonld)")
    with tempfile.TemporaryDirectory(prefix="kg-validate-") as tmp:
        store = ox.Store(tmp)
        ox_fmt = _OX_FORMATS.get(fmt)
        if ox_fmt is None:  # a format pyoxigraph does not read: through rdflib
            ds = load_file(path)
            store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph())
                              for ctx in ds.graphs() for s, p, o in ctx)
        else:
            store.bulk_load(path=str(path), format=ox_fmt, base_iri=path.resolve().as_uri())
            store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        try:
            return validate_ox(store)
        finally:
            del store


def validate_store(store: Any) -> tuple[bool, str]:
    """Validate the whole store (a kg.store.Store): its merged default graph, in SPARQL."""
    return validate_ox(store.ox)
