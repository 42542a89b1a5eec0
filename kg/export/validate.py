"""SHACL validation (pyshacl) of the store or an exported file against ontology/shapes.ttl.

All graphs are merged into one data graph before validation, so cardinalities hold across releases
(a post held by one person, an event with one date), not only within each release's graph.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

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
    lines = [
        f"SHACL validation against {ontology_dir() / 'shapes.ttl'}",
        f"data: {len(data)} triples",
        f"conforms: {'yes' if conforms else 'NO'}",
    ]
    if conforms:
        return "\n".join(lines)
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
    rows.sort()
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


def load_file(path: Path) -> Dataset:
    fmt = PARSE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the RDF format of {path} (use .ttl .trig .nq .jsonld)")
    ds = Dataset()
    ds.parse(str(path), format=fmt)
    return ds


def validate_file(path: Path) -> tuple[bool, str]:
    """Validate an exported file (.ttl, .trig, .nq, .jsonld)."""
    path = Path(path)
    if not path.is_file():
        return False, f"no such file: {path}"
    return validate_graph(merged(load_file(path)))


def validate_store(store: Any) -> tuple[bool, str]:
    """Validate the whole store (a kg.store.Store)."""
    return validate_graph(merged(store.dataset()))
