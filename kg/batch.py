"""Releases through the pipeline one at a time, each failure that release's own.

read -> extract (within a time budget) -> RDF -> store: whatever goes wrong while handling one release
(an unreadable file, a parser bug, a runaway extraction, an RDF term the store refuses) is reported as
that release's error and the batch goes on; the caller exits 1 at the end. ``kg ingest``, ``kg extract``
and the demo use this module.

A release is identified by its URL when the page states one, else by the digest of its normalized text
(``kgo:textDigest``, kept in the store): the same release under another file name is reported as a
duplicate ("same release as X") and not added again, within one run and across runs into one store.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.extract.budget import DEFAULT_BUDGET, BudgetExceeded, time_budget
from kg.model import Extraction, Release
from kg.read import ReadError

if TYPE_CHECKING:
    from kg.resolve.link import Identity


def _failed(where: str, stage: str, e: BaseException) -> ReadError:
    if isinstance(e, BudgetExceeded):
        return ReadError(where, str(e))
    return ReadError(where, f"{stage} failed: {type(e).__name__}: {e}")


@dataclass
class Batch:
    """One run over ``paths``: ``errors`` collects the per-release errors (also printed on stderr)."""

    paths: list[str]
    budget: float | None = DEFAULT_BUDGET
    desc: str = "extract"
    progress: bool = False
    errors: list[ReadError] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (release, the one it repeats)

    def fail(self, err: ReadError) -> None:
        self.errors.append(err)
        print(f"kg: skipped {err}", file=sys.stderr)

    def releases(self) -> Iterator[Release]:
        from kg.read import iter_releases
        from kg.read.loader import expand_paths

        files = expand_paths(self.paths)
        bar = None
        if self.progress and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=len(files), desc=self.desc, unit="file", file=sys.stderr)
        for f in files:
            items = iter_releases([f])
            while True:
                try:
                    item = next(items)
                except StopIteration:
                    break
                except Exception as e:  # noqa: BLE001 - a reader bug on one file must not abort the batch
                    self.fail(_failed(str(f), "reading", e))
                    break
                if isinstance(item, ReadError):
                    self.fail(item)
                else:
                    yield item
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()

    def extract(self, release: Release) -> Extraction | None:
        """The release's Extraction, or None (the error recorded) when it fails or runs out of time."""
        from kg.extract import extract

        try:
            with time_budget(self.budget):
                return extract(release)
        except Exception as e:  # noqa: BLE001 - one bad release must never abort the batch
            self.fail(_failed(release.path or release.id, "extraction", e))
            return None

    def extractions(self) -> Iterator[Extraction]:
        for release in self.releases():
            x = self.extract(release)
            if x is not None:
                yield x

    def linked(self, extractions: Iterable[Extraction],
               store: Any = None) -> tuple[Identity, Iterator[Extraction]]:
        """Identity over the whole batch (kg/resolve/link.py), as ``link_stream`` decides it: the
        extractions are spooled to a temporary file and given back after the linker saw them all. A
        release the linker cannot take is that release's error. With ``store``, the releases already
        stored take part too (their kgo:linkerRecord): identity across separate ingests."""
        import pickle
        import tempfile

        from kg.resolve.link import Linker

        linker = Linker()
        if store is not None:
            for record in stored_linker_records(store):
                linker.add_stored(record)
        spool = tempfile.TemporaryFile()
        n = 0
        for x in extractions:
            try:
                linker.add(x)
                data = pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as e:  # noqa: BLE001
                self.fail(_failed(x.release.path or x.release.id, "linking", e))
                continue
            spool.write(len(data).to_bytes(8, "big") + data)
            n += 1

        def replay() -> Iterator[Extraction]:
            with spool:
                spool.seek(0)
                for _ in range(n):
                    size = int.from_bytes(spool.read(8), "big")
                    yield pickle.loads(spool.read(size))  # noqa: S301 - our own spool, written above

        return linker.identity(), replay()

    def graphs(
        self, extractions: Iterable[Extraction] | None = None, store: Any = None
    ) -> Iterator[tuple[Extraction, Any, Any]]:
        """(extraction, release IRI, graph) of every release whose RDF could be built (linked with
        the releases of ``store`` too, when given)."""
        from kg.rdf.build import release_graph

        identity, linked = self.linked(self.extractions() if extractions is None else extractions, store)
        for x in linked:
            try:
                node, g = release_graph(x, identity)
            except Exception as e:  # noqa: BLE001
                self.fail(_failed(x.release.path or x.release.id, "RDF build", e))
                continue
            yield x, node, g

    def unique(self, extractions: Iterable[Extraction], store: Any) -> Iterator[Extraction]:
        """The extractions that are not a release already in ``store`` or earlier in this batch (same
        URL, or same text digest); each duplicate is reported on stderr and skipped."""
        from kg.rdf.iri import release_iri
        from kg.read.normalize import text_digest
        from kg.resolve.text import clean

        seen: dict[str, str] = {}  # URL or digest -> release id, in this run
        for x in extractions:
            r = x.release
            where = r.path or r.id
            keys = [text_digest(r.text)] + ([f"url:{clean(r.url)}"] if r.url and clean(r.url) else [])
            try:
                same = next((seen[k] for k in keys if k in seen and seen[k] != r.id), None)
                if same is None:
                    same = same_release(store, release_iri(r.id), r)
            except Exception as e:  # noqa: BLE001
                self.fail(_failed(where, "duplicate check", e))
                continue
            if same is not None:
                self.duplicates.append((where, same))
                print(f"kg: skipped {where}: same release as {same}", file=sys.stderr)
                continue
            for k in keys:
                seen.setdefault(k, r.id)
            yield x

    def ingest(self, store: Any) -> int:
        """Write every release into ``store`` (a kg.store.Store), identity decided over the batch;
        returns how many were written. Duplicates of a release already stored (or met earlier in the
        batch) are reported on stderr and skipped."""
        done = 0
        for x, node, g in self.graphs(self.unique(self.extractions(), store), store):
            try:
                store.replace_graph(node, g)
            except Exception as e:  # noqa: BLE001
                self.fail(_failed(x.release.path or x.release.id, "store write", e))
                continue
            done += 1
        return done


def stored_linker_records(store: object) -> Iterator[str]:
    """The kgo:linkerRecord of every release in ``store`` (its release graphs)."""
    import pyoxigraph as ox

    from kg.rdf.oxterms import to_ox
    from kg.rdf.vocab import LINKER_RECORD

    oxs = store.ox  # type: ignore[attr-defined]
    for q in oxs.quads_for_pattern(None, to_ox(LINKER_RECORD), None, None):
        if not isinstance(q.graph_name, ox.DefaultGraph):
            yield q.object.value


def same_release(store: object, node: object, release: Release) -> str | None:
    """The id of another release in ``store`` that is this one: the same URL (when the page states
    one) or the same text digest. None when there is none."""
    import pyoxigraph as ox
    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.rdf.oxterms import to_ox
    from kg.rdf.vocab import RELEASE_ID, SDO, TEXT_DIGEST
    from kg.read.normalize import text_digest
    from kg.resolve.text import clean

    oxs = store.ox  # type: ignore[attr-defined]
    me = ox.NamedNode(str(node))
    keys = [(TEXT_DIGEST, Literal(text_digest(release.text)))]
    if release.url and clean(release.url):
        keys.insert(0, (SDO.url, Literal(clean(release.url), datatype=XSD.anyURI)))
    for pred, value in keys:
        for q in oxs.quads_for_pattern(None, to_ox(pred), to_ox(value), None):
            if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name == me or q.subject == me:
                continue
            rid = next(oxs.quads_for_pattern(q.subject, to_ox(RELEASE_ID), None, q.graph_name), None)
            return rid.object.value if rid is not None else q.subject.value
    return None
