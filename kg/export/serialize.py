"""Deterministic serialization: the same data gives byte-identical output, whatever the insertion
order or PYTHONHASHSEED.

- nquads: rdflib's N-Quads lines, sorted.
- turtle (all graphs merged) and trig (named graphs): triples are copied into fresh graphs in sorted
  order with the fixed prefixes of vocab.py, then rdflib's serializer (which sorts subjects) writes them.
- jsonld: written here (not by rdflib) from sorted subjects, predicates and objects, with a real
  @context (short keys: ``name``, ``holds``, ``presidedBy``; IRI-valued and dated properties typed):
  {"@context": ..., "@graph": [{"@id": <graph>, "@graph": [nodes]}]}.
Blank nodes are not produced by the kg (all nodes are IRIs).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.rdf.vocab import PREFIXES

FORMATS = ("turtle", "trig", "nquads", "jsonld")
EXTENSIONS = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}


def format_of(path: str, default: str = "turtle") -> str:
    """The export format a file name asks for (``kg.ttl`` -> turtle, ``kg.graphml`` -> graphml, a
    name ending in ``/`` or ``.csv`` -> csv); ``default`` when the extension says nothing."""
    by_ext = {".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nq": "nquads", ".nquads": "nquads",
              ".jsonld": "jsonld", ".json": "jsonld", ".graphml": "graphml", ".gexf": "gexf", ".csv": "csv"}
    if path.endswith(("/", "\\")):
        return "csv"
    return by_ext.get(Path(path).suffix.lower(), default)


def _sort_key(t: tuple[Node, ...]) -> tuple[str, ...]:
    return tuple(x.n3() for x in t)


def _bind(g: Graph) -> None:
    for k, v in sorted(PREFIXES.items()):
        g.bind(k, v, override=True, replace=True)


def _named_graphs(ds: Dataset) -> list[tuple[Node, list[tuple[Node, Node, Node]]]]:
    """(graph name, sorted triples) for every non-empty graph, sorted by name (default graph first)."""
    out = []
    for ctx in ds.graphs():
        triples = sorted(ctx.triples((None, None, None)), key=_sort_key)
        if triples:
            out.append((ctx.identifier, triples))
    return sorted(out, key=lambda x: "" if x[0] == DATASET_DEFAULT_GRAPH_ID else "1" + x[0].n3())


def _turtle(ds: Dataset) -> str:
    all_triples = sorted({t for _, ts in _named_graphs(ds) for t in ts}, key=_sort_key)
    g = Graph()
    _bind(g)
    for t in all_triples:
        g.add(t)
    return g.serialize(format="turtle")


def _trig(ds: Dataset) -> str:
    """TriG assembled graph by graph (rdflib's TriG serializer does not order graphs stably)."""
    prefixes: set[str] = set()
    blocks = []
    for name, triples in _named_graphs(ds):
        g = Graph()
        _bind(g)
        for t in triples:
            g.add(t)
        body = []
        for line in g.serialize(format="turtle").splitlines():
            if line.startswith("@prefix "):
                prefixes.add(line)
            else:
                body.append(line)
        text = "\n".join(body).strip("\n")
        if name == DATASET_DEFAULT_GRAPH_ID:
            blocks.append(text + "\n")
        else:
            # not indented: a line of the body may continue a multi-line """literal"""
            blocks.append(f"{name.n3()} {{\n{text}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _nquads(ds: Dataset) -> str:
    text = ds.serialize(format="nquads")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + ("\n" if lines else "")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def value_kinds(triples: Iterable[tuple[Node, Node, Node]]) -> dict[str, set[str]]:
    """Property IRI -> the kinds of value it takes (``@id``, ``lang``, ``plain`` or a datatype IRI)."""
    values: dict[str, set[str]] = {}
    for _, p, o in triples:
        if p == RDF.type:
            continue
        if isinstance(o, URIRef | BNode):
            kind = "@id"
        elif isinstance(o, Literal) and o.language:
            kind = "lang"
        elif isinstance(o, Literal) and o.datatype and o.datatype != XSD.string:
            kind = str(o.datatype)
        else:
            kind = "plain"
        values.setdefault(str(p), set()).add(kind)
    return values


def jsonld_context(values: dict[str, set[str]]) -> tuple[dict[str, Any], dict[str, str]]:
    """A context with a short term for every property (``holds``, ``name``, ``presidedBy``; on a clash
    of local names the later namespace's gets ``prefix_local``), typed ``@id`` when its values are all
    IRIs and with the datatype when its literals all share one; plus the prefixes for types and IRIs.
    ``values``: property IRI -> kinds of value (:func:`value_kinds`). Returns (context, property IRI
    -> term)."""
    order = {str(v): i for i, (_, v) in enumerate(PREFIXES.items())}
    prefix_of = {str(v): k for k, v in PREFIXES.items()}

    def ns_rank(iri: str) -> tuple[int, str]:
        ns = iri[: len(iri) - len(_local(iri))]
        return (order.get(ns, len(order)), iri)

    context: dict[str, Any] = {k: str(v) for k, v in sorted(PREFIXES.items())}
    terms: dict[str, str] = {}
    for iri in sorted(values, key=ns_rank):
        local = _local(iri)
        ns = iri[: len(iri) - len(local)]
        term = local if local and local not in context and not local.startswith("@") else \
            f"{prefix_of.get(ns, 'ns')}_{local}"
        kinds = values[iri]
        entry: dict[str, str] = {"@id": iri}
        if kinds == {"@id"}:
            entry["@type"] = "@id"
        elif len(kinds) == 1 and next(iter(kinds)) not in ("lang", "plain"):
            entry["@type"] = next(iter(kinds))
        context[term] = entry
        terms[iri] = term
    return dict(sorted(context.items())), terms


def _jsonld_value(o: Node, entry: dict[str, str]) -> Any:
    if isinstance(o, URIRef | BNode):
        ref = f"_:{o}" if isinstance(o, BNode) else str(o)
        return ref if entry.get("@type") == "@id" else {"@id": ref}
    assert isinstance(o, Literal)
    if o.language:
        return {"@value": str(o), "@language": o.language}
    if o.datatype is not None and o.datatype != XSD.string:
        if entry.get("@type") == str(o.datatype):
            return str(o)
        return {"@value": str(o), "@type": str(o.datatype)}
    return str(o)


def _compact_type(iri: str) -> str:
    for k, v in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(v)) and iri != str(v):
            return f"{k}:{iri[len(str(v)):]}"
    return iri


def _jsonld_graph(triples: list[tuple[Node, Node, Node]], context: dict[str, Any],
                  terms: dict[str, str]) -> list[dict[str, Any]]:
    """The node objects of one graph's triples (sorted by :func:`_sort_key`), sorted by id."""
    nodes: dict[str, dict[str, Any]] = {}
    for s, p, o in triples:
        sid = f"_:{s}" if isinstance(s, BNode) else str(s)
        node = nodes.setdefault(sid, {"@id": sid})
        if p == RDF.type and isinstance(o, URIRef):
            node.setdefault("@type", []).append(_compact_type(str(o)))
        else:
            term = terms[str(p)]
            node.setdefault(term, []).append(_jsonld_value(o, context[term]))
    return [nodes[k] for k in sorted(nodes)]


def _jsonld(ds: Dataset) -> str:
    named = _named_graphs(ds)
    context, terms = jsonld_context(value_kinds(t for _, ts in named for t in ts))
    graphs = []
    default_nodes: list[dict[str, Any]] = []
    for name, triples in named:
        node_list = _jsonld_graph(triples, context, terms)
        if name == DATASET_DEFAULT_GRAPH_ID:
            default_nodes = node_list
        else:
            graphs.append({"@id": str(name), "@graph": node_list})
    doc = {"@context": context, "@graph": default_nodes + graphs}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def serialize_dataset(ds: Dataset, fmt: str) -> str:
    """The dataset as text in ``fmt`` (turtle, trig, nquads, jsonld), byte-identical for equal data."""
    fmt = {"ttl": "turtle", "nq": "nquads", "json-ld": "jsonld"}.get(fmt, fmt)
    if fmt == "turtle":
        return _turtle(ds)
    if fmt == "trig":
        return _trig(ds)
    if fmt == "nquads":
        return _nquads(ds)
    if fmt == "jsonld":
        return _jsonld(ds)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def without_text(ds: Dataset) -> Dataset:
    """``ds`` without the releases' full texts (``kgo:text``), e.g. for redistributing an export;
    the quoted sentences of the evidence stay."""
    from kg.rdf.vocab import TEXT

    for ctx in list(ds.graphs()):
        for t in list(ctx.triples((None, TEXT, None))):
            ctx.remove(t)
    return ds


def export_store(store: Any, path: Path | None, fmt: str, no_text: bool = False, out: Any = None) -> None:
    """Write the whole store (a kg.store.Store) to ``path`` in ``fmt`` (to the text stream ``out``
    when ``path`` is None); ``no_text`` leaves out the releases' full texts. Streams from the store
    (:mod:`kg.export.stream`: bounded memory, the same text as :func:`serialize_dataset`); a file is
    written under a temporary name and renamed when complete, so a failed export leaves no half file."""
    from kg.export.stream import WRITERS

    fmt = {"ttl": "turtle", "nq": "nquads", "json-ld": "jsonld"}.get(fmt, fmt)
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    write = WRITERS[fmt]
    if path is None:
        write(store.ox, out, no_text=no_text)
        return
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            write(store.ox, f, no_text=no_text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
