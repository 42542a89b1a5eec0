"""The persistent store: an Oxigraph (RocksDB) database on disk with a real SPARQL engine.

One named graph per release (graph IRI = release IRI) holds what that release says, with its evidence.
The default graph is the MERGE of all release graphs, each triple once: it is kept in step by
``replace_graph`` (a triple leaves it when no release asserts it any more), so queries need no GRAPH
clause and never see a fact once per release that repeats it (a union default graph would, and joins
over facts repeated in N releases then grow as N^k). ``GRAPH ?release { ... }`` asks which release
said what. The prefixes of ``kg.rdf.vocab.PREFIXES`` are pre-declared. Results are returned as
``rdflib.query.Result`` objects (rows with attribute and index access, ``.vars``, ``.bindings``,
``.askAnswer``, ``.graph``), with rdflib terms.

    with Store("kg-store") as store:
        store.replace_graph(iri, graph)          # re-ingest replaces, never duplicates
        for row in store.query("SELECT ?p WHERE { ?p a schema:Person }"):
            print(row.p)

One thing to know when writing queries:
- kgid: IRIs contain "/", which a SPARQL prefixed name cannot hold unescaped: write the full IRI
  <https://w3id.org/kg/id/person/lin-haoran--qingshan> (or kgid:person\\/lin-haoran--qingshan).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from kg.rdf.oxterms import to_ox, to_rdflib
from kg.rdf.vocab import PREFIXES

_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}


COMPACT_AFTER = 20_000  # quads written before close() compacts the write-ahead log away


class StoreError(RuntimeError):
    """A store that cannot be opened, or an operation it refuses (e.g. an update when read-only)."""


class Store:
    """A persistent RDF dataset at ``path``; ``read_only=True`` opens it without any write."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._written = 0  # quads written through this object (for close's compaction)
        if read_only:
            if not self.path.is_dir() or not any(self.path.iterdir()):
                raise StoreError(f"no store at {self.path}: run kg ingest first")
            try:
                self._ox: ox.Store | None = ox.Store.read_only(str(self.path))
            except OSError as e:
                raise StoreError(f"cannot open store at {self.path} read-only: {e}") from e
        else:
            if self.path.exists() and not self.path.is_dir():
                raise StoreError(f"store path {self.path} exists and is not a folder")
            try:
                self._ox = ox.Store(str(self.path))
            except OSError as e:
                raise StoreError(
                    f"cannot open store at {self.path}: {e} (is another process using it?)"
                ) from e

    # -- life cycle ---------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Flush (when writable) and release the database; the object is unusable afterwards.

        After a large load (``COMPACT_AFTER`` quads or more written through this object) the store
        is opened once more and released: RocksDB then replays its write-ahead log into sorted
        tables and deletes the log, which otherwise stays on disk until the next open (at 1k
        synthetic releases, 874 MB on disk before, 242 MB after)."""
        if self._ox is None:
            return
        if not self.read_only:
            self._ox.flush()
        self._ox = None  # pyoxigraph closes RocksDB when the object is collected
        if not self.read_only and self._written >= COMPACT_AFTER:
            try:
                ox.Store(str(self.path)).flush()
            except OSError:  # someone else holds it already: the log goes at their open
                pass

    @property
    def ox(self) -> ox.Store:
        """The underlying pyoxigraph store (for fast bulk reads)."""
        if self._ox is None:
            raise StoreError(f"store at {self.path} is closed")
        return self._ox

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"store at {self.path} is open read-only: updates are refused")
        return self.ox

    # -- writing ------------------------------------------------------------------------------
    def replace_graph(self, graph_iri: URIRef | str, graph: Iterable[tuple[Node, Node, Node]]) -> int:
        """Replace the named graph ``graph_iri`` by ``graph``'s triples and bring the merged default
        graph in step: new triples join it; triples of the old version that no other release asserts
        leave it. Re-ingesting a release therefore never duplicates anything. One transaction (see
        ``replace_graphs``); returns the change in the number of quads of the release graphs."""
        return self.replace_graphs([(graph_iri, graph)])

    def replace_graphs(self, items: Iterable[tuple[URIRef | str, Iterable[tuple[Node, Node, Node]]]]) -> int:
        """Replace several release graphs at once, each with its share of the merged default graph.

        Crash safety: a graph that is new to the store is written with its share of the merged graph
        by one ``extend`` (a RocksDB transaction: all or nothing); all replacements of graphs already
        stored go into one SPARQL update (also one transaction): drop the old graph, insert the new
        one into it and into the merged graph, then remove from the merged graph each triple of an
        old version that no named graph asserts any more. After a kill at any moment the merged
        graph is therefore the union of the release graphs, and re-running converges. Returns the
        change in the number of quads of the release graphs (no walk over the store)."""
        store = self._writable()
        default = ox.DefaultGraph()
        conv = _Converter()
        added: list[ox.Quad] = []
        replaced: list[tuple[ox.NamedNode, set[ox.Triple], set[ox.Triple]]] = []
        delta = 0
        for iri, graph in items:
            g = ox.NamedNode(str(iri))
            new = conv.triples(graph)
            old = {ox.Triple(q.subject, q.predicate, q.object)
                   for q in store.quads_for_pattern(None, None, None, g)}
            delta += len(new) - len(old)
            if not old:
                for t in new:
                    added.append(ox.Quad(t.subject, t.predicate, t.object, g))
                    added.append(ox.Quad(t.subject, t.predicate, t.object, default))
            elif old != new:
                replaced.append((g, old, new))
        if added:
            store.extend(added)
        if replaced:
            store.update(_replacement(replaced))
        self._written += len(added) + sum(2 * len(new) for _, _, new in replaced)
        return delta

    def update(self, sparql: str) -> None:
        """Run a SPARQL UPDATE (refused when read-only), then rebuild the merged default graph from the
        release graphs, whatever the update touched. Prefixes of vocab.py are pre-declared."""
        store = self._writable()
        try:
            store.update(sparql, prefixes=_PREFIXES)
        except SyntaxError as e:
            raise StoreError(f"SPARQL update syntax error: {e}") from e
        store.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    # -- reading ------------------------------------------------------------------------------
    def query(self, sparql: str) -> Result:
        """Run a SPARQL SELECT/ASK/CONSTRUCT/DESCRIBE over the union of all graphs."""
        try:
            res = self.ox.query(sparql, prefixes=_PREFIXES, use_default_graph_as_union=False)
        except SyntaxError as e:
            raise StoreError(f"SPARQL syntax error: {e}") from e
        return _to_result(res)

    def triple_count(self) -> int:
        """Number of quads in the release graphs (the merged default graph is derived from them)."""
        return len(self.ox) - self.merged_count()

    def merged_count(self) -> int:
        """Number of distinct triples in the merged default graph."""
        return sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def graphs(self) -> list[URIRef]:
        """The named graph IRIs, sorted."""
        return sorted(URIRef(g.value) for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def dataset(self) -> Dataset:
        """The release graphs as an in-memory rdflib Dataset (for serialization and SHACL); the merged
        default graph is left out, being derived from them."""
        ds = Dataset()
        graphs: dict[str, Graph] = {}
        for q in self.ox:
            gn = q.graph_name
            if isinstance(gn, ox.DefaultGraph):
                continue
            key = str(gn)
            if key not in graphs:
                graphs[key] = ds.graph(to_rdflib(gn))
            g = graphs[key]
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return ds


class _Converter:
    """rdflib triples to pyoxigraph triples in one pass, each distinct term converted once (the same
    IRIs and predicates recur in every release)."""

    def __init__(self) -> None:
        self._terms: dict[Node, ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def term(self, t: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        o = self._terms.get(t)
        if o is None:
            o = self._terms[t] = to_ox(t)
        return o

    def triples(self, graph: Iterable[tuple[Node, Node, Node]]) -> set[ox.Triple]:
        term = self.term
        return {ox.Triple(term(s), term(p), term(o)) for s, p, o in graph}  # type: ignore[arg-type]


def _replacement(replaced: list[tuple[ox.NamedNode, set[ox.Triple], set[ox.Triple]]]) -> str:
    """One SPARQL update (one transaction) replacing each (graph, old triples, new triples): the
    graph's new version goes into it and into the merged default graph, then every triple of an old
    version that no named graph asserts any more leaves the merged graph. Terms are written in
    N-Triples form (pyoxigraph's ``str``), which SPARQL reads as they are."""
    ops: list[str] = []
    stale: set[ox.Triple] = set()
    for g, old, new in replaced:
        ops.append(f"DROP SILENT GRAPH {g}")
        if new:
            body = " .\n".join(map(str, new))
            ops.append(f"INSERT DATA {{ GRAPH {g} {{\n{body} }} }}")
            ops.append(f"INSERT DATA {{\n{body} }}")
        stale |= old - new
    if stale:
        rows = "\n".join(f"({t.subject} {t.predicate} {t.object})" for t in stale)
        ops.append("DELETE { ?s ?p ?o } WHERE { VALUES (?s ?p ?o) {\n" + rows
                   + " }\n FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
    return " ;\n".join(ops)


def _to_result(res: object) -> Result:
    """A pyoxigraph query answer as an rdflib Result."""
    if isinstance(res, ox.QueryBoolean):
        r = Result("ASK")
        r.askAnswer = bool(res)
        return r
    if isinstance(res, ox.QueryTriples):
        r = Result("CONSTRUCT")
        g = Graph()
        for k, v in PREFIXES.items():
            g.bind(k, v)
        for t in res:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        r.graph = g
        return r
    assert isinstance(res, ox.QuerySolutions)
    r = Result("SELECT")
    names = [v.value for v in res.variables]
    r.vars = [Variable(n) for n in names]
    rows = []
    for sol in res:
        row = {}
        for n, var in zip(names, r.vars, strict=True):
            t = sol[n]
            if t is not None:
                row[var] = to_rdflib(t)
        rows.append(row)
    r.bindings = rows
    return r
