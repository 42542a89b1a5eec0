"""Streaming exports straight from the Oxigraph store, in bounded memory.

The text is the one :func:`kg.export.serialize.serialize_dataset` writes for the same data (byte for
byte: tests/test_export_stream.py compares them), but nothing holds the whole store:

- **nquads**: one line per quad of the release graphs, sorted; lines are sorted in chunks that spill
  to temporary files and are merged (an external sort), so memory stays bounded whatever the size.
- **trig**: release graph by release graph (sorted by name); each graph is read from the store's
  index, grouped by subject, and written in the layout of rdflib's Turtle serializer (``a`` and
  ``rdfs:label`` first, then predicates and objects sorted; subjects ordered by how often the graph
  references them, then by IRI); the prefixes used are gathered on the way and written first.
- **turtle**: the merged default graph (every triple once), subject by subject in the same layout;
  the subject blocks are ordered with the same external sort.
- **jsonld**: the ``@context`` comes from one aggregate query (which kinds of value each property
  takes); then graph by graph, each written as its own JSON block of the document.

Terms are formatted with rdflib's own functions (``Literal._literal_n3``, the namespace manager's
qnames), so escaping and qnames are rdflib's. Blank nodes (the kg mints none) are written as
``_:label`` rather than nested ``[ ]``.
"""

from __future__ import annotations

import heapq
import json
import pickle
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.rdf.oxterms import to_rdflib
from kg.rdf.vocab import PREFIXES, TEXT

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RDF_TYPE = str(RDF.type)
_FIRST = (_RDF_TYPE, str(RDFS.label))  # rdflib's predicateOrder
_TEXT = str(TEXT)
_PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # rdflib's LOCALNAME_PECRENT_CHARACTER_REQUIRING_ESCAPE_REGEX
CHUNK_BYTES = 64 << 20  # text held in memory before a sorted run spills to a temporary file


# -- external sort ------------------------------------------------------------------------------


def external_sort(records: Iterable[tuple[Any, str]], chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """The texts of ``(key, text)`` records in key order, holding at most ``chunk_bytes`` of text in
    memory: sorted runs spill to temporary files (pickled records), merged at the end."""
    run: list[tuple[Any, str]] = []
    size = 0
    with ExitStack() as stack:
        files: list[IO[bytes]] = []
        for rec in records:
            run.append(rec)
            size += len(rec[1]) + 64
            if size >= chunk_bytes:
                run.sort(key=lambda r: r[0])
                f = stack.enter_context(tempfile.TemporaryFile(prefix="kg-export-"))
                for r in run:
                    pickle.dump(r, f, protocol=pickle.HIGHEST_PROTOCOL)
                f.seek(0)
                files.append(f)
                run, size = [], 0
        run.sort(key=lambda r: r[0])
        if not files:
            yield from (text for _, text in run)
            return

        def replay(f: IO[bytes]) -> Iterator[tuple[Any, str]]:
            while True:
                try:
                    yield pickle.load(f)
                except EOFError:
                    return

        for _, text in heapq.merge(*(replay(f) for f in files), iter(run), key=lambda r: r[0]):
            yield text


# -- N-Quads ------------------------------------------------------------------------------------


def _nt_literal(t: ox.Literal) -> str:
    """rdflib's N-Triples literal (nt._quoteLiteral): only \\ \\n " \\r escaped; xsd:string plain."""
    v = t.value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if t.language:
        return f'"{v}"@{t.language}'
    dt = t.datatype.value
    return f'"{v}"' if dt in (_XSD_STRING, _LANG_STRING) else f'"{v}"^^<{dt}>'


def nt_term(t: Any) -> str:
    """A pyoxigraph term as rdflib writes it in N-Triples / N-Quads."""
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return _nt_literal(t)


def release_graphs(store: ox.Store) -> list[ox.NamedNode]:
    """The named graphs, in the order of the exports (by their N-Triples form)."""
    graphs = (g for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return sorted(graphs, key=lambda g: f"<{g.value}>")


def write_nquads(store: ox.Store, out: IO[str], no_text: bool = False,
                 chunk_bytes: int = CHUNK_BYTES) -> None:
    """The release graphs as sorted N-Quads lines."""

    def lines() -> Iterator[tuple[str, str]]:
        for g in release_graphs(store):
            gn = f"<{g.value}>"
            for q in store.quads_for_pattern(None, None, None, g):
                if no_text and q.predicate.value == _TEXT:
                    continue
                line = f"{nt_term(q.subject)} <{q.predicate.value}> {nt_term(q.object)} {gn} .\n"
                yield line, line

    for line in external_sort(lines(), chunk_bytes):
        out.write(line)


# -- Turtle layout ------------------------------------------------------------------------------


class TurtleWriter:
    """Subject blocks in the layout of rdflib's TurtleSerializer, with its qnames and literal forms;
    ``used`` collects the prefixes the blocks use (rdflib writes exactly those)."""

    def __init__(self) -> None:
        g = Graph()
        for k, v in sorted(PREFIXES.items()):
            g.bind(k, v, override=True, replace=True)
        self._nm = g.namespace_manager
        self._store = g.store
        self.used: dict[str, str] = {}
        self._cache: dict[tuple[str, bool], tuple[str, str, str] | None] = {}
        self._dt_seen: set[str] = set()

    def reset(self) -> None:
        """Start another document (the used prefixes are forgotten)."""
        self.used = {}
        self._dt_seen = set()

    def _qname(self, iri: str, verb: bool) -> tuple[str, str, str] | None:
        key = (iri, verb)
        if key in self._cache:
            return self._cache[key]
        uri = URIRef(iri)
        try:
            prefix, ns, local = self._nm.compute_qname(uri, generate=verb)
            parts: tuple[str, str, str] | None = (prefix, str(ns), local)
        except Exception:  # noqa: BLE001 - rdflib's get_pname falls back the same way
            pfx = self._store.prefix(uri)
            parts = (pfx, iri, "") if pfx is not None else None
        if parts is not None:
            local = _PCT.sub("\\%", parts[2].replace("(", r"\(").replace(")", r"\)"))
            parts = None if local.endswith(".") else (parts[0], parts[1], local)
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[key] = parts
        return parts

    def pname(self, iri: str, verb: bool = False) -> str | None:
        parts = self._qname(iri, verb)
        if parts is None:
            return None
        self.used.setdefault(parts[0], parts[1])
        return f"{parts[0]}:{parts[2]}"

    def iri(self, iri: str, verb: bool = False) -> str:
        return self.pname(iri, verb) or f"<{iri}>"

    def obj(self, term: Any) -> str:
        if isinstance(term, Literal):
            if term.datatype is not None:
                dt = str(term.datatype)
                if dt not in self._dt_seen:  # rdflib's preprocess asks for the datatype's prefix
                    self._dt_seen.add(dt)
                    self.pname(dt)
            return term._literal_n3(use_plain=True, qname_callback=lambda d: self.pname(str(d)))
        if isinstance(term, URIRef):
            return self.iri(str(term))
        return term.n3()

    def block(self, subject: Any, props: dict[str, list[Any]]) -> str:
        """One subject's statement, without the final `` .``; ``props``: predicate IRI -> objects
        (pyoxigraph terms)."""
        out = [nt_term(subject) if isinstance(subject, ox.BlankNode) else self.iri(subject.value)]
        order = [p for p in _FIRST if p in props] + sorted(p for p in props if p not in _FIRST)
        for i, p in enumerate(order):
            verb = "a" if p == _RDF_TYPE else self.iri(p, verb=True)
            out.append((" " if i == 0 else " ;\n    ") + verb)
            objs = [to_rdflib(o) for o in props[p]]
            if len(objs) > 1:
                objs.sort()
            out.append(" " + self.obj(objs[0]))
            for o in objs[1:]:
                out.append(",\n        " + self.obj(o))
        return "".join(out)

    def header(self) -> str:
        return "".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(self.used.items()))


def _subject_groups(store: ox.Store, graph: Any, no_text: bool) -> Iterator[tuple[Any, dict[str, list[Any]]]]:
    """(subject, predicate -> objects) of ``graph``, read in index order (grouped by subject)."""
    current: Any = None
    props: dict[str, list[Any]] = {}
    for q in store.quads_for_pattern(None, None, None, graph):
        p = q.predicate.value
        if no_text and p == _TEXT:
            continue
        if q.subject != current:
            if props:
                yield current, props
            current, props = q.subject, {}
        props.setdefault(p, []).append(q.object)
    if props:
        yield current, props


def _subject_key(store: ox.Store, graph: Any, subject: Any) -> tuple[bool, int, str]:
    """rdflib's subject order: blank nodes last, then by the number of references as an object."""
    refs = sum(1 for _ in store.quads_for_pattern(None, None, subject, graph))
    return isinstance(subject, ox.BlankNode), refs, subject.value


def _blocks(store: ox.Store, graph: Any, w: TurtleWriter, no_text: bool) -> Iterator[tuple[Any, str]]:
    for subject, props in _subject_groups(store, graph, no_text):
        yield _subject_key(store, graph, subject), "\n" + w.block(subject, props) + " .\n"


def write_turtle(store: ox.Store, out: IO[str], no_text: bool = False,
                 chunk_bytes: int = CHUNK_BYTES) -> None:
    """The merged default graph as Turtle."""
    w = TurtleWriter()
    with tempfile.TemporaryFile("w+", encoding="utf-8", prefix="kg-export-") as body:
        for text in external_sort(_blocks(store, ox.DefaultGraph(), w, no_text), chunk_bytes):
            body.write(text)
        out.write(w.header())
        _copy(body, out)
    out.write("\n")


def write_trig(store: ox.Store, out: IO[str], no_text: bool = False) -> None:
    """The release graphs as TriG, graph by graph."""
    w = TurtleWriter()
    prefixes: set[str] = set()
    with tempfile.TemporaryFile("w+", encoding="utf-8", prefix="kg-export-") as body:
        first = True
        for g in release_graphs(store):
            w.reset()
            blocks = sorted(_blocks(store, g, w, no_text), key=lambda r: r[0])
            if not blocks:
                continue
            text = "".join(b for _, b in blocks).strip("\n")
            body.write(("" if first else "\n") + f"<{g.value}> {{\n{text}\n}}\n")
            first = False
            prefixes.update(w.header().splitlines())
        out.write("\n".join(sorted(prefixes)) + "\n\n")
        _copy(body, out)


def _copy(src: IO[str], out: IO[str]) -> None:
    src.seek(0)
    while chunk := src.read(1 << 20):
        out.write(chunk)


# -- JSON-LD ------------------------------------------------------------------------------------

_KINDS = """SELECT DISTINCT ?p ?k WHERE {
  ?s ?p ?o FILTER(?p != rdf:type)
  BIND(IF(isLiteral(?o), IF(LANG(?o) != "", "lang",
                            IF(DATATYPE(?o) = xsd:string, "plain", STR(DATATYPE(?o)))), "@id") AS ?k)
}"""


def _property_kinds(store: ox.Store, no_text: bool) -> dict[str, set[str]]:
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    kinds: dict[str, set[str]] = {}
    for row in store.query(_KINDS, prefixes=prefixes):
        p, k = row["p"].value, row["k"].value
        if no_text and p == _TEXT:
            continue
        kinds.setdefault(p, set()).add(k)
    return kinds


def _indented(doc: Any, depth: int) -> str:
    """``json.dumps(doc, indent=1)`` as it reads nested ``depth`` levels deep (JSON strings hold no raw
    newline, so indenting every line is safe)."""
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True)
    return text.replace("\n", "\n" + " " * depth)


def write_jsonld(store: ox.Store, out: IO[str], no_text: bool = False) -> None:
    """The release graphs as one JSON-LD document (the layout of serialize.py's writer)."""
    from kg.export.serialize import _jsonld_graph, _sort_key, jsonld_context

    context, terms = jsonld_context(_property_kinds(store, no_text))
    out.write('{\n "@context": ' + _indented(context, 1) + ',\n "@graph": [')
    first = True
    for g in release_graphs(store):
        triples = []
        for q in store.quads_for_pattern(None, None, None, g):
            if no_text and q.predicate.value == _TEXT:
                continue
            triples.append((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        if not triples:
            continue
        triples.sort(key=_sort_key)
        node = {"@id": g.value, "@graph": _jsonld_graph(triples, context, terms)}
        out.write(("\n  " if first else ",\n  ") + _indented(node, 2))
        first = False
    out.write("]\n}\n" if first else "\n ]\n}\n")


WRITERS: dict[str, Callable[..., None]] = {
    "nquads": write_nquads, "turtle": write_turtle, "trig": write_trig, "jsonld": write_jsonld,
}
