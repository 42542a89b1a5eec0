"""A query worker of ``kg serve``: a separate process that holds a snapshot of the store open
read-only and answers one query at a time, so that the server can stop a runaway query (time limit,
client gone) by killing the process, which returns its CPU and memory at once.

Run as a plain script (``python worker.py SNAPSHOT``): it imports only the standard library and
pyoxigraph, so a new worker starts in a fraction of a second. Protocol on stdin/stdout, one request
at a time: the server writes one JSON line::

    {"query": ..., "base_iri": ..., "prefixes": {...}, "default_graphs": [...] | null,
     "named_graphs": [...] | null, "accept_results": "...", "accept_graph": "...", "max_bytes": N}

and reads back one JSON line ``{"status": 200, "type": "...", "length": N}`` followed by N bytes
(the answer, or a plain-text error message).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import IO, Any

import pyoxigraph as ox

# media type -> (format, Content-Type sent); the first entry of each table is the default
RESULT_TYPES: dict[str, tuple[ox.QueryResultsFormat, str]] = {
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "application/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES: dict[str, tuple[ox.RdfFormat, str]] = {
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "text/plain": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "text/n3": (ox.RdfFormat.N3, "text/n3; charset=utf-8"),
    "text/rdf+n3": (ox.RdfFormat.N3, "text/n3; charset=utf-8"),
    "application/n3": (ox.RdfFormat.N3, "text/n3; charset=utf-8"),
    "application/xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate(accept: str | None, offered: dict[str, Any]) -> str:
    """The best media type of ``offered`` for an Accept header (q-values honoured; ties go to the
    earlier offer; none, an empty header or ``*/*`` gives the first offer)."""
    default = next(iter(offered))
    if not accept or not accept.strip():
        return default
    order = list(offered)
    best: tuple[float, int] | None = None
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0 or not mtype:
            continue
        if mtype in ("*/*", "*"):
            cand = default
        elif mtype.endswith("/*"):
            cand = next((m for m in order if m.startswith(mtype[:-1])), "")
        else:
            cand = mtype if mtype in offered else ""
        if cand and (best is None or (q, -order.index(cand)) > best):
            best = (q, -order.index(cand))
    if best is None:
        raise Refused(406, f"none of the requested types ({accept}) is available; "
                      f"offered: {', '.join(offered)}")
    return order[-best[1]]


class _Capped:
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, b: bytes) -> int:
        self.size += len(b)
        if self.size > self.limit:
            raise OSError("result size limit")
        self.parts.append(bytes(b))
        return len(b)

    def flush(self) -> None:
        return None


def _choose(accept: str | None, offered: dict[str, Any], other: dict[str, Any]) -> str:
    """Negotiate; a client that asked only for the other kind of answer (results types for a CONSTRUCT,
    as rdflib's SPARQLStore does) gets this kind's default, typed by its Content-Type."""
    try:
        return negotiate(accept, offered)
    except Refused:
        try:
            negotiate(accept, other)
        except Refused:
            raise
        return next(iter(offered))


def _graphs(iris: list[str] | None) -> list[ox.NamedNode] | None:
    return None if iris is None else [ox.NamedNode(g) for g in iris]


def answer(store: ox.Store, req: dict[str, Any]) -> tuple[int, str, bytes]:
    """Run one request on ``store``: (HTTP status, Content-Type, body)."""
    kwargs: dict[str, Any] = {"prefixes": req.get("prefixes") or None, "base_iri": req.get("base_iri")}
    default, named = req.get("default_graphs"), req.get("named_graphs")
    if default is not None or named is not None:  # the protocol's dataset replaces the query's own
        kwargs["default_graph"] = _graphs(default or [])
        kwargs["named_graphs"] = _graphs(named or [])
    limit = int(req.get("max_bytes") or 0) or 1 << 62
    try:
        result = store.query(req["query"], **kwargs)
        if isinstance(result, ox.QueryTriples):
            fmt, ctype = GRAPH_TYPES[_choose(req.get("accept_graph"), GRAPH_TYPES, RESULT_TYPES)]
        else:
            fmt, ctype = RESULT_TYPES[_choose(req.get("accept_results"), RESULT_TYPES, GRAPH_TYPES)]
        sink = _Capped(limit)
        result.serialize(sink, fmt)
    except Refused as e:
        return e.status, "text/plain; charset=utf-8", e.message.encode()
    except SyntaxError as e:
        return 400, "text/plain; charset=utf-8", f"malformed SPARQL query: {e}".encode()
    except OSError as e:
        if "result size limit" in str(e):
            return 413, "text/plain; charset=utf-8", (
                f"the answer is larger than this endpoint's limit of {limit} bytes: "
                "add LIMIT, or ask the operator (kg serve --max-result-mb)").encode()
        return 500, "text/plain; charset=utf-8", f"store error: {e}".encode()
    except ValueError as e:
        return 400, "text/plain; charset=utf-8", f"bad request: {e}".encode()
    return 200, ctype, b"".join(sink.parts)


def serve_requests(store: ox.Store, inp: IO[bytes], out: IO[bytes]) -> None:
    for line in inp:
        try:
            status, ctype, body = answer(store, json.loads(line))
        except Exception as e:  # noqa: BLE001 - a worker answers every request
            status, ctype, body = 500, "text/plain; charset=utf-8", f"{type(e).__name__}: {e}".encode()
        out.write(json.dumps({"status": status, "type": ctype, "length": len(body)}).encode() + b"\n")
        out.write(body)
        out.flush()


def _exit_with_parent(parent: int) -> None:
    """A worker outlives no server (killed with -9, say): it leaves as soon as it is orphaned, even in
    the middle of a query (pyoxigraph lets other threads run while it evaluates)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def main(argv: list[str]) -> int:
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    store = ox.Store.read_only(argv[1])
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the answer channel
    out.write(b"ready\n")
    out.flush()
    serve_requests(store, sys.stdin.buffer, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
