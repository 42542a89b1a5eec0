"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the store, on the standard library's HTTP server.

    GET  /sparql?query=...                                  (URL-encoded query; also /sparql/)
    POST /sparql  Content-Type: application/x-www-form-urlencoded   query=... | update=...
    POST /sparql  Content-Type: application/sparql-query            (the query as the body)
    POST /sparql  Content-Type: application/sparql-update           (the update as the body)
    GET  /sparql                                            the SPARQL service description (Turtle)
    GET  /                                                  a page documenting the endpoint

The default graph of a query is the merge of all release graphs (as in ``kg query``) unless the request
names ``default-graph-uri`` / ``named-graph-uri``; the prefixes of ``kg.rdf.vocab`` are pre-declared and
relative IRIs resolve against the endpoint's URL. SELECT and ASK answer SPARQL JSON by default, XML,
CSV or TSV by ``Accept`` (``format=``/``output=``/``results=`` hints as SPARQLWrapper sends them are
honoured when they name a known type, and otherwise ignored in favour of ``Accept``); CONSTRUCT and
DESCRIBE answer Turtle by default, or N-Triples, RDF/XML, JSON-LD, N3.

Safety (the endpoint is what other programs and web pages reach):
- ``SERVICE`` (and ``LOAD``) are refused unless the operator allows that endpoint by name
  (``--allow-service IRI``): a page that reaches the endpoint cannot make it fetch URLs.
- A request whose ``Host`` is not a name of the bound address (or an ``--allow-host``) is refused
  (DNS rebinding); an update carrying a foreign ``Origin`` is refused (cross-site writes).
- Every query runs in a worker process (:mod:`kg.store.worker`) over a snapshot of the store
  (:mod:`kg.store.snapshot`); a query past the time limit (``--timeout``) or whose client went away is
  stopped by killing its worker, which frees the CPU at once; answers over ``--max-result-mb`` are
  refused. At most ``--workers`` queries run at once and at most ``--threads`` connections are served
  at once (more get 503); sockets time out after ``SOCKET_TIMEOUT`` seconds of silence.
- The endpoint serves the store as of its latest snapshot: when the store changes (a ``kg ingest``
  finished) it takes a new snapshot within seconds, by itself; while an ingest runs, answers come from
  the state before it.
"""

from __future__ import annotations

import html
import json
import os
import selectors
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.rdf.vocab import PREFIXES
from kg.store import Store, StoreError
from kg.store.snapshot import StoreBusy, remove_snapshot, signature, take_snapshot
from kg.store.sparqltext import SparqlTextError, check_service, with_protocol_dataset
from kg.store.updates import apply_update
from kg.store.worker import GRAPH_TYPES, RESULT_TYPES, Refused, negotiate

_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
MAX_BODY = 10 * 1024 * 1024
ENDPOINT = "/sparql"
SOCKET_TIMEOUT = 30.0
WORKER_SCRIPT = Path(__file__).with_name("worker.py")
_PLAIN = "text/plain; charset=utf-8"

# format= / output= / results= values as clients send them -> media type, per kind of answer
_RESULT_HINTS = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values"}
_GRAPH_HINTS = {"turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/n3", "nt": "application/n-triples",
                "ntriples": "application/n-triples", "n-triples": "application/n-triples",
                "xml": "application/rdf+xml", "rdf+xml": "application/rdf+xml", "rdf": "application/rdf+xml",
                "json-ld": "application/ld+json", "jsonld": "application/ld+json",
                "json": "application/ld+json"}
_SD = "http://www.w3.org/ns/sparql-service-description#"


class HttpError(Exception):
    def __init__(self, status: HTTPStatus | int, message: str) -> None:
        super().__init__(message)
        self.status = HTTPStatus(status)
        self.message = message


def _hinted_accept(hints: list[str], accept: str | None) -> tuple[str | None, str | None]:
    """The Accept to use for SELECT/ASK and for CONSTRUCT/DESCRIBE answers, given the request's
    ``format``-like parameters (any number, known or not) and its Accept header: the first hint that
    names a known type wins, otherwise the header."""
    def pick(table: dict[str, str], offered: dict[str, Any]) -> str | None:
        for h in hints:
            h = h.strip().lower()
            media = table.get(h, h)
            if media in offered:
                return media
        return accept
    return pick(_RESULT_HINTS, RESULT_TYPES), pick(_GRAPH_HINTS, GRAPH_TYPES)


@dataclass
class Operation:
    """One parsed protocol request."""

    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    using_graphs: list[str] = field(default_factory=list)
    using_named_graphs: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"more than one {name!r} parameter")
    return values[0] if values else None


def _iris(params: dict[str, list[str]], name: str) -> list[str]:
    out = []
    for v in params.get(name, []):
        try:
            ox.NamedNode(v)
        except ValueError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"{name} {v!r} is not an absolute IRI: {e}") from e
        out.append(v)
    return out


def _operation(params: dict[str, list[str]], query: str | None = None,
               update: str | None = None) -> Operation:
    op = Operation(
        query=query if query is not None else _single(params, "query"),
        update=update if update is not None else _single(params, "update"),
        default_graphs=_iris(params, "default-graph-uri"),
        named_graphs=_iris(params, "named-graph-uri"),
        using_graphs=_iris(params, "using-graph-uri"),
        using_named_graphs=_iris(params, "using-named-graph-uri"),
        hints=[v for k in ("format", "output", "results") for v in params.get(k, []) if v],
    )
    if op.query is not None and op.update is not None:
        raise HttpError(HTTPStatus.BAD_REQUEST, "give either 'query' or 'update', not both")
    if op.query is not None and (op.using_graphs or op.using_named_graphs):
        raise HttpError(HTTPStatus.BAD_REQUEST,
                        "using-graph-uri / using-named-graph-uri belong to updates; a query takes "
                        "default-graph-uri / named-graph-uri")
    if op.update is not None and (op.default_graphs or op.named_graphs):
        raise HttpError(HTTPStatus.BAD_REQUEST,
                        "default-graph-uri / named-graph-uri belong to queries; an update takes "
                        "using-graph-uri / using-named-graph-uri")
    return op


# -- query workers ---------------------------------------------------------------------------------


class Worker:
    """One worker process over one snapshot."""

    def __init__(self, snapshot: Path, generation: int) -> None:
        self.generation = generation
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER_SCRIPT), str(snapshot)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert self.proc.stdout is not None and self.proc.stdin is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.stdout: IO[bytes] = self.proc.stdout
        if self.stdout.readline() != b"ready\n":
            self.kill()
            raise OSError(f"a query worker could not open the snapshot {snapshot}")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for f in (self.stdin, self.stdout):
            try:
                f.close()
            except OSError:
                pass


class WorkerPool:
    """At most ``size`` workers; each serves the snapshot of its generation. A new snapshot starts a
    new generation: idle workers of older ones are retired, busy ones when they finish, and an old
    snapshot folder is removed when its last worker is gone."""

    def __init__(self, size: int, snapshot: Path) -> None:
        self.size = max(1, size)
        self.cond = threading.Condition()
        self.generation = 0
        self.snapshots: dict[int, Path] = {0: snapshot}
        self.users: dict[int, int] = {0: 0}
        self.idle: list[Worker] = []
        self.all: set[Worker] = set()
        self.count = 0
        self.closed = False

    def acquire(self, deadline: float) -> Worker:
        with self.cond:
            while True:
                if self.closed:
                    raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, "the endpoint is shutting down")
                while self.idle:
                    w = self.idle.pop()
                    if w.generation == self.generation and w.proc.poll() is None:
                        return w
                    self._retire(w)
                if self.count < self.size:
                    self.count += 1
                    gen = self.generation
                    self.users[gen] += 1
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                                    "all query workers stayed busy for the whole time limit: try again later")
                self.cond.wait(left)
            snapshot = self.snapshots[gen]
        try:
            w = Worker(snapshot, gen)
            with self.cond:
                self.all.add(w)
            return w
        except BaseException:
            with self.cond:
                self.count -= 1
                self._unuse(gen)
                self.cond.notify()
            raise

    def release(self, w: Worker, healthy: bool) -> None:
        with self.cond:
            if healthy and not self.closed and w.generation == self.generation and w.proc.poll() is None:
                self.idle.append(w)
            else:
                self._retire(w)
            self.cond.notify()

    def _retire(self, w: Worker) -> None:  # with self.cond held
        w.kill()
        self.all.discard(w)
        self.count -= 1
        self._unuse(w.generation)

    def _unuse(self, gen: int) -> None:  # with self.cond held
        if gen not in self.users:  # closed meanwhile
            return
        self.users[gen] -= 1
        if gen != self.generation and self.users[gen] == 0:
            remove_snapshot(self.snapshots.pop(gen))
            del self.users[gen]

    def switch(self, snapshot: Path) -> None:
        """Serve ``snapshot`` from now on."""
        with self.cond:
            old = self.generation
            self.generation += 1
            self.snapshots[self.generation] = snapshot
            self.users[self.generation] = 0
            idle, self.idle = self.idle, []
            for w in idle:
                self._retire(w)
            if self.users.get(old) == 0:
                remove_snapshot(self.snapshots.pop(old))
                del self.users[old]
            self.cond.notify_all()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            for w in self.all:  # busy ones too: a query still running is abandoned
                w.kill()
            self.idle = []
            self.cond.notify_all()
            for path in self.snapshots.values():
                remove_snapshot(path)


# -- HTTP ------------------------------------------------------------------------------------------


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.2"
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # a silent client (a stalled upload, an idle keep-alive) lets go of its thread after this
        self.timeout = self.server.socket_timeout
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._handle("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle("DELETE")

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle("PATCH")

    def do_OPTIONS(self) -> None:  # noqa: N802
        try:
            self._check_host()
        except HttpError as e:
            self._send_error(e.status, e.message)
            return
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self._cors_headers()
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _handle(self, method: str) -> None:
        try:
            self._check_host()
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html") and method in ("GET", "HEAD"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.home_page().encode())
                return
            if url.path not in (ENDPOINT, ENDPOINT + "/"):
                raise HttpError(HTTPStatus.NOT_FOUND,
                                f"no such resource {url.path}; the endpoint is {ENDPOINT}")
            if method not in ("GET", "HEAD", "POST"):
                raise HttpError(HTTPStatus.METHOD_NOT_ALLOWED,
                                f"{method} is not part of the SPARQL protocol: query with GET or POST, "
                                "update with POST")
            params = parse_qs(url.query, keep_blank_values=True)
            if method == "POST":
                op = self._post_operation(params)
            else:
                op = _operation(params)
                if op.update is not None:
                    raise HttpError(HTTPStatus.METHOD_NOT_ALLOWED, "SPARQL updates must be sent with POST")
                if op.query is None:
                    self._service_description()
                    return
            if op.update is not None:
                self._run_update(op)
            elif op.query is not None:
                self._run_query(op)
            else:
                raise HttpError(HTTPStatus.BAD_REQUEST, "missing 'query' (or 'update') parameter; see GET /")
        except HttpError as e:
            self._send_error(e.status, e.message)
        except _ClientGone:
            self.close_connection = True
        except Exception as e:  # noqa: BLE001 - one bad request must not kill the server
            self._send_error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(e).__name__}: {e}")

    # -- checks -------------------------------------------------------------------------------
    def _check_host(self) -> None:
        host = (self.headers.get("Host") or "").strip().lower()
        if host.startswith("["):
            name = host[: host.find("]") + 1]
        else:
            name = host.rsplit(":", 1)[0] if ":" in host else host
        if name not in self.server.allowed_hosts:
            raise HttpError(HTTPStatus.FORBIDDEN,
                            f"Host {host or '(none)'!r} is not a name of this endpoint (DNS rebinding "
                            "protection); the operator can allow it: kg serve --allow-host NAME")

    def _check_origin(self) -> None:
        origin = self.headers.get("Origin")
        if origin and origin.rstrip("/").lower() not in self.server.write_origins:
            raise HttpError(HTTPStatus.FORBIDDEN,
                            f"an update from the web page {origin} is refused (cross-site write); "
                            "the operator can allow it: kg serve --allow-origin ORIGIN")

    # -- requests -----------------------------------------------------------------------------
    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from e
        if length > MAX_BODY:
            self.close_connection = True
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _post_operation(self, url_params: dict[str, list[str]]) -> Operation:
        fields = [f.strip() for f in (self.headers.get("Content-Type") or "").split(";")]
        ctype = fields[0].lower()
        charset = next((f.split("=", 1)[1].strip().strip('"').lower() for f in fields[1:]
                        if f.lower().startswith("charset=")), "utf-8")
        body = self._body()
        if charset not in ("utf-8", "utf8"):
            raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"charset {charset} refused: send UTF-8")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from e
        if ctype == "application/x-www-form-urlencoded":
            params = parse_qs(text, keep_blank_values=True)
            for k, v in url_params.items():
                params[k] = v + params.get(k, []) if k not in ("query", "update") else params.get(k, []) + v
            return _operation(params)
        if ctype == "application/sparql-query":
            return _operation(url_params, query=text)
        if ctype == "application/sparql-update":
            return _operation(url_params, update=text)
        raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "POST needs Content-Type application/x-www-form-urlencoded, "
                        "application/sparql-query or application/sparql-update")

    def _run_query(self, op: Operation) -> None:
        assert op.query is not None
        try:
            check_service(op.query, self.server.allowed_services)
        except SparqlTextError as e:
            raise HttpError(HTTPStatus.FORBIDDEN, str(e)) from e
        result_accept, graph_accept = _hinted_accept(op.hints, self.headers.get("Accept"))
        protocol_dataset = bool(op.default_graphs or op.named_graphs)
        request = {
            "query": op.query, "base_iri": self.server.url, "prefixes": _PREFIXES,
            "default_graphs": op.default_graphs if protocol_dataset else None,
            "named_graphs": op.named_graphs if protocol_dataset else None,
            "accept_results": result_accept, "accept_graph": graph_accept,
            "max_bytes": self.server.max_result_bytes,
        }
        status, ctype, body = self.server.run_in_worker(request, self.connection)
        self._send(HTTPStatus(status), ctype, body)

    def _run_update(self, op: Operation) -> None:
        assert op.update is not None
        if not self.server.writable:
            raise HttpError(HTTPStatus.FORBIDDEN,
                            "this endpoint is read-only: SPARQL UPDATE is refused (start it with --writable)")
        self._check_origin()
        try:
            check_service(op.update, self.server.allowed_services)
            text = with_protocol_dataset(op.update, op.using_graphs, op.using_named_graphs)
        except SparqlTextError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST if "USING" in str(e) or "using-" in str(e)
                            else HTTPStatus.FORBIDDEN, str(e)) from e
        self.server.run_update(text)
        self._send(HTTPStatus.NO_CONTENT, None, b"")

    def _service_description(self) -> None:
        accept = self.headers.get("Accept") or ""
        if "text/html" in accept and "turtle" not in accept:  # a browser: the documentation page
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.home_page().encode())
            return
        try:
            fmt, ctype = GRAPH_TYPES[negotiate(accept, GRAPH_TYPES)]
        except Refused as e:
            raise HttpError(e.status, e.message) from e
        self._send(HTTPStatus.OK, ctype, ox.serialize(self.server.service_description(), format=fmt))

    # -- responses ----------------------------------------------------------------------------
    def _cors_headers(self) -> None:
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")

    def _send(self, status: HTTPStatus, ctype: str | None, body: bytes,
              extra: Iterable[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self._cors_headers()
        for k, v in extra:
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and status != HTTPStatus.NO_CONTENT:
            self.wfile.write(body)

    def _send_error(self, status: HTTPStatus, message: str) -> None:
        extra = [("Allow", "GET, HEAD, POST, OPTIONS")] if status == HTTPStatus.METHOD_NOT_ALLOWED else []
        try:
            self._send(status, _PLAIN, (message + "\n").encode(), extra)
        except OSError:
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        if not self.server.quiet:
            super().log_message(format, *args)


class _ClientGone(Exception):
    """The client closed its connection while its query ran."""


def _gone(sock: socket.socket) -> bool:
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server answering the SPARQL protocol over the store at ``store_path``."""

    daemon_threads = True
    request_queue_size = 64

    def __init__(self, store_path: str | Path, host: str = "127.0.0.1", port: int = 7878,
                 writable: bool = False, quiet: bool = False, timeout: float = 30.0,
                 max_result_mb: float = 64, workers: int = 2, threads: int = 16,
                 allow_service: Iterable[str] = (), allow_hosts: Iterable[str] = (),
                 allow_origins: Iterable[str] = (), cors: bool = True, reload_interval: float = 2.0,
                 socket_timeout: float = SOCKET_TIMEOUT) -> None:
        self.store_path = Path(store_path)
        self.writable = writable
        self.quiet = quiet
        self.query_timeout = timeout
        self.max_result_bytes = int(max_result_mb * 1024 * 1024)
        self.allowed_services = frozenset(allow_service)
        self.cors = cors
        self.reload_interval = reload_interval
        self.socket_timeout = socket_timeout
        self.slots = threading.BoundedSemaphore(max(1, threads))
        self.update_lock = threading.Lock()
        self.store: Store | None = None
        if writable:
            self.store = Store(self.store_path)
        elif not self.store_path.is_dir() or not any(self.store_path.iterdir()):
            raise StoreError(f"no store at {self.store_path}: run kg ingest first")
        try:
            snapshot = (take_snapshot(self.store_path, self.store.ox) if self.store is not None
                        else self._snapshot_when_free())
        except OSError as e:
            if self.store is not None:
                self.store.close()
            raise StoreError(f"cannot read the store at {self.store_path}: {e}") from e
        self.served_signature = signature(self.store_path)
        self.snapshot_time = time.time()
        self.pool = WorkerPool(workers, snapshot)
        self._stop = threading.Event()
        try:
            super().__init__((host, port), SparqlHandler)
        except BaseException:
            self.pool.close()
            if self.store is not None:
                self.store.close()
            raise
        bound = str(self.server_address[0]).lower()
        names = {bound, f"[{bound}]"}
        if bound in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "::"):
            names |= {"localhost", "127.0.0.1", "[::1]"}
        if bound in ("0.0.0.0", "::"):
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        self.allowed_hosts = frozenset(names | {h.lower() for h in allow_hosts})
        origins = {f"http://{h}:{self.server_address[1]}" for h in names}
        self.write_origins = frozenset(origins | {o.rstrip("/").lower() for o in allow_origins})
        self.reloader: threading.Thread | None = None
        if not writable:
            self.reloader = threading.Thread(target=self._watch, daemon=True, name="kg-serve-reload")
            self.reloader.start()

    # -- store snapshots ---------------------------------------------------------------------
    def _snapshot_when_free(self, wait: float = 30.0) -> Path:
        deadline = time.monotonic() + wait
        while True:
            try:
                return take_snapshot(self.store_path)
            except StoreBusy:
                if time.monotonic() > deadline:
                    raise StoreError(f"the store at {self.store_path} is being written (kg ingest?) "
                                     "and stayed busy: start kg serve when it is done") from None
                time.sleep(0.5)

    def _watch(self) -> None:
        """Take a new snapshot when the store changed and has been still for one interval."""
        seen = self.served_signature
        while not self._stop.wait(self.reload_interval):
            now = signature(self.store_path)
            if now != self.served_signature and now == seen:
                self.reload()
            seen = now

    def reload(self) -> bool:
        """Serve the store as it is now; False when a writer holds it (then nothing changes)."""
        try:
            snapshot = take_snapshot(self.store_path)
        except (StoreBusy, OSError):
            return False
        self.served_signature = signature(self.store_path)
        self.snapshot_time = time.time()
        self.pool.switch(snapshot)
        self._log(f"kg serve: the store changed; now serving it as of {time.strftime('%H:%M:%S')}")
        return True

    def _log(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    # -- work --------------------------------------------------------------------------------
    def run_in_worker(self, request: dict[str, Any], client: socket.socket) -> tuple[int, str, bytes]:
        """Answer ``request`` in a worker within the time limit; kill the worker when the limit passes
        or the client goes away."""
        deadline = time.monotonic() + self.query_timeout
        worker = self.pool.acquire(deadline)
        healthy = False
        try:
            worker.stdin.write(json.dumps(request).encode() + b"\n")
            worker.stdin.flush()
            with selectors.DefaultSelector() as sel:
                sel.register(worker.stdout, selectors.EVENT_READ, "worker")
                sel.register(client, selectors.EVENT_READ, "client")
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return (503, _PLAIN, f"the query exceeded this endpoint's time limit of "
                                f"{self.query_timeout:g} s and was stopped\n".encode())
                    events = sel.select(min(left, 1.0))
                    keys = {k.data for k, _ in events}
                    if "worker" in keys:
                        break
                    if "client" in keys:
                        if _gone(client):
                            raise _ClientGone
                        sel.unregister(client)  # the client sent more (a pipelined request): stop watching
            head = worker.stdout.readline()
            if not head:
                return 500, _PLAIN, b"the query worker died (out of memory?)\n"
            meta = json.loads(head)
            body = worker.stdout.read(meta["length"])
            healthy = True
            return int(meta["status"]), str(meta["type"]), body
        finally:
            self.pool.release(worker, healthy)

    def run_update(self, text: str) -> None:
        assert self.store is not None
        with self.update_lock:
            try:
                apply_update(self.store.ox, text, base_iri=self.url, prefixes=_PREFIXES)
            except SyntaxError as e:
                raise HttpError(HTTPStatus.BAD_REQUEST, f"malformed SPARQL update: {e}") from e
            except (ValueError, OSError, RuntimeError) as e:
                raise HttpError(HTTPStatus.BAD_REQUEST, f"update failed: {e}") from e
            self.pool.switch(take_snapshot(self.store_path, self.store.ox))
            self.snapshot_time = time.time()

    # -- connections ------------------------------------------------------------------------
    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            try:
                request.settimeout(2)
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                                b"Connection: close\r\nContent-Length: 37\r\n\r\n"
                                b"too many connections: try again later")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def server_close(self) -> None:
        self._stop.set()
        super().server_close()
        self.pool.close()
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- documents ---------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}{ENDPOINT}"

    def service_description(self) -> list[ox.Triple]:
        sd = lambda n: ox.NamedNode(_SD + n)  # noqa: E731
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        me, dataset, default = ox.NamedNode(self.url), ox.BlankNode("dataset"), ox.BlankNode("default")
        triples = [
            ox.Triple(me, rdf_type, sd("Service")),
            ox.Triple(me, sd("endpoint"), me),
            ox.Triple(me, sd("supportedLanguage"), sd("SPARQL11Query")),
            ox.Triple(me, sd("defaultDataset"), dataset),
            ox.Triple(dataset, rdf_type, sd("Dataset")),
            ox.Triple(dataset, sd("defaultGraph"), default),
            ox.Triple(default, rdf_type, sd("Graph")),
            ox.Triple(default, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
                      ox.Literal("the merge of all release graphs, each triple once")),
        ]
        if self.writable:
            triples.append(ox.Triple(me, sd("supportedLanguage"), sd("SPARQL11Update")))
        if self.allowed_services:
            triples.append(ox.Triple(me, sd("feature"), sd("BasicFederatedQuery")))
        for media in ("http://www.w3.org/ns/formats/SPARQL_Results_JSON",
                      "http://www.w3.org/ns/formats/SPARQL_Results_XML",
                      "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
                      "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
                      "http://www.w3.org/ns/formats/Turtle", "http://www.w3.org/ns/formats/N-Triples",
                      "http://www.w3.org/ns/formats/RDF_XML", "http://www.w3.org/ns/formats/JSON-LD"):
            triples.append(ox.Triple(me, sd("resultFormat"), ox.NamedNode(media)))
        return triples

    def home_page(self) -> str:
        e = html.escape
        mode = "read-write (SPARQL UPDATE accepted)" if self.writable else "read-only (SPARQL UPDATE refused)"
        example = "SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name } LIMIT 10"
        prefixes = "".join(f"<li><code>{e(k)}:</code> {e(v)}</li>" for k, v in sorted(_PREFIXES.items()))
        served = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.snapshot_time))
        return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title></head>
<body>
<h1>kg SPARQL endpoint</h1>
<p>Store: <code>{e(str(self.store_path))}</code>, {e(mode)}; answers from the store as of {e(served)}
(a later <code>kg ingest</code> is picked up within seconds of its end).</p>
<h2>Protocol (SPARQL 1.1)</h2>
<ul>
<li><code>GET {ENDPOINT}?query=...</code></li>
<li><code>POST {ENDPOINT}</code> with <code>application/x-www-form-urlencoded</code> <code>query=...</code>
    or <code>update=...</code></li>
<li><code>POST {ENDPOINT}</code> with <code>Content-Type: application/sparql-query</code> or
    <code>application/sparql-update</code> and the text as the body</li>
<li><code>GET {ENDPOINT}</code> without a query: the service description (Turtle)</li>
</ul>
<p>SELECT/ASK results: <code>application/sparql-results+json</code> (default), <code>text/csv</code>,
<code>text/tab-separated-values</code>, <code>application/sparql-results+xml</code> by <code>Accept</code>
(or <code>format=json|csv|tsv|xml</code>). CONSTRUCT/DESCRIBE: <code>text/turtle</code> (default),
<code>application/n-triples</code>, <code>application/rdf+xml</code>, <code>application/ld+json</code>.</p>
<p>The default graph is the merge of all release graphs unless <code>default-graph-uri</code> is given.
Malformed queries get HTTP 400; updates on a read-only endpoint get HTTP 403; SERVICE is refused
unless allowed by the operator; a query is stopped after {self.query_timeout:g} s.</p>
<h2>Pre-declared prefixes</h2><ul>{prefixes}</ul>
<h2>Try it</h2>
<form method="get" action="{ENDPOINT}">
<textarea name="query" rows="6" cols="100">{e(example)}</textarea><br>
<select name="format"><option>json</option><option>csv</option><option>tsv</option>
<option>xml</option></select>
<button type="submit">Run</button>
</form>
<pre>curl -G {e(self.url)} --data-urlencode 'query={e(example)}'</pre>
</body></html>
"""


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
          **options: Any) -> int:
    """Answer SPARQL on ``host:port`` over the store until Ctrl-C (read-only unless ``writable``)."""
    if not 0 <= port <= 65535:
        print(f"kg serve: --port {port} is not a TCP port (0-65535; 0 picks a free one)", file=sys.stderr)
        return 2
    try:
        server = SparqlServer(store_path, host, port, writable=writable, **options)
    except StoreError as e:
        print(f"kg serve: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"kg serve: cannot listen on {host}:{port}: {e.strerror or e}", file=sys.stderr)
        return 1
    if host not in ("127.0.0.1", "localhost", "::1") and writable:
        print("kg serve: warning: a writable endpoint reachable from other machines", file=sys.stderr)
    mode = "read-write" if writable else "read-only"
    print(f"kg serve: SPARQL endpoint at {server.url} ({mode}); Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("kg serve: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0
