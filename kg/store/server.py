"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the store, on the standard library's HTTP server.

    GET  /sparql?query=...                                  (URL-encoded query)
    POST /sparql  Content-Type: application/x-www-form-urlencoded   query=... | update=...
    POST /sparql  Content-Type: application/sparql-query            (the query as the body)
    POST /sparql  Content-Type: application/sparql-update           (the update as the body)
    GET  /                                                  a page documenting the endpoint

The default graph of a query is the merge of all release graphs (as in ``kg query``) unless the request
names ``default-graph-uri`` / ``named-graph-uri``; the prefixes of ``kg.rdf.vocab`` are pre-declared.
SELECT and ASK answer ``application/sparql-results+json`` by default, CSV, TSV or XML by ``Accept`` (or
``format=json|csv|tsv|xml``); CONSTRUCT and DESCRIBE answer Turtle by default, or N-Triples, RDF/XML,
JSON-LD. Updates are refused with 403 unless the server was started writable. Malformed queries get
400 with the parser's message.

Results are serialized by the store's engine (pyoxigraph) directly, so large answers need no rdflib
conversion. The server binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import html
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.rdf.vocab import PREFIXES
from kg.store import Store, StoreError

_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}
MAX_BODY = 10 * 1024 * 1024
ENDPOINT = "/sparql"

# media type -> (format, Content-Type sent); first entry of each table is the default
_RESULT_TYPES: dict[str, tuple[ox.QueryResultsFormat, str]] = {
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "text/csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "application/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
}
_GRAPH_TYPES: dict[str, tuple[ox.RdfFormat, str]] = {
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "text/plain": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
_FORMAT_PARAM = {"json": "application/sparql-results+json", "csv": "text/csv",
                 "tsv": "text/tab-separated-values", "xml": "application/sparql-results+xml",
                 "turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples",
                 "ntriples": "application/n-triples", "jsonld": "application/ld+json"}


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def negotiate(accept: str | None, offered: dict[str, Any]) -> str:
    """The best media type of ``offered`` for an Accept header (q-values honoured; ties go to the
    earlier offer; none or ``*/*`` gives the first offer)."""
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
        if q <= 0:
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
        raise HttpError(HTTPStatus.NOT_ACCEPTABLE,
                        f"none of the requested types is available; offered: {', '.join(offered)}")
    return order[-best[1]]


@dataclass
class Operation:
    """One parsed protocol request."""

    query: str | None = None
    update: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"more than one {name!r} parameter")
    return values[0] if values else None


def _operation(params: dict[str, list[str]], query: str | None = None,
               update: str | None = None) -> Operation:
    op = Operation(
        query=query if query is not None else _single(params, "query"),
        update=update if update is not None else _single(params, "update"),
        default_graphs=tuple(params.get("default-graph-uri", []) + params.get("using-graph-uri", [])),
        named_graphs=tuple(params.get("named-graph-uri", []) + params.get("using-named-graph-uri", [])),
        format=_single(params, "format"),
    )
    if op.query is not None and op.update is not None:
        raise HttpError(HTTPStatus.BAD_REQUEST, "give either 'query' or 'update', not both")
    if op.query is None and op.update is None:
        raise HttpError(HTTPStatus.BAD_REQUEST, "missing 'query' (or 'update') parameter; see GET /")
    return op


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"
    protocol_version = "HTTP/1.1"

    # -- dispatch ---------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._handle("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _handle(self, method: str) -> None:
        try:
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html") and method in ("GET", "HEAD"):
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", self.server.home_page().encode())
                return
            if url.path != ENDPOINT:
                raise HttpError(HTTPStatus.NOT_FOUND,
                                f"no such resource {url.path}; the endpoint is {ENDPOINT}")
            if method == "POST":
                op = self._post_operation(parse_qs(url.query, keep_blank_values=True))
            else:
                op = _operation(parse_qs(url.query, keep_blank_values=True))
                if op.update is not None:
                    raise HttpError(HTTPStatus.METHOD_NOT_ALLOWED, "SPARQL updates must be sent with POST")
            if op.update is not None:
                self._run_update(op)
            else:
                self._run_query(op)
        except HttpError as e:
            self._send_error(e.status, e.message)
        except Exception as e:  # noqa: BLE001 - one bad request must not kill the server
            self._send_error(HTTPStatus.INTERNAL_SERVER_ERROR, f"{type(e).__name__}: {e}")

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from e
        if length > MAX_BODY:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _post_operation(self, url_params: dict[str, list[str]]) -> Operation:
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from e
        if ctype == "application/x-www-form-urlencoded":
            params = parse_qs(text, keep_blank_values=True)
            for k, v in url_params.items():
                params.setdefault(k, v)
            return _operation(params)
        if ctype == "application/sparql-query":
            return _operation(url_params, query=text)
        if ctype == "application/sparql-update":
            return _operation(url_params, update=text)
        raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "POST needs Content-Type application/x-www-form-urlencoded, "
                        "application/sparql-query or application/sparql-update")

    # -- operations ---------------------------------------------------------------------------
    def _run_query(self, op: Operation) -> None:
        assert op.query is not None
        kwargs: dict[str, Any] = {"prefixes": _PREFIXES}
        if op.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in op.default_graphs]
        # otherwise the store's default graph: the merge of all release graphs (see kg.store)
        if op.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in op.named_graphs]
        try:
            with self.server.lock:
                result = self.server.store.ox.query(op.query, **kwargs)
        except SyntaxError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"malformed SPARQL query: {e}") from e
        except ValueError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"bad request: {e}") from e
        accept = _FORMAT_PARAM.get(op.format.lower(), op.format) if op.format else self.headers.get("Accept")
        if isinstance(result, ox.QueryTriples):
            fmt, ctype = _GRAPH_TYPES[negotiate(accept, _GRAPH_TYPES)]
        else:
            fmt, ctype = _RESULT_TYPES[negotiate(accept, _RESULT_TYPES)]
        try:
            body = result.serialize(format=fmt)
        except ValueError as e:  # e.g. a boolean asked as CSV
            raise HttpError(HTTPStatus.NOT_ACCEPTABLE, f"cannot write this result as {ctype}: {e}") from e
        self._send(HTTPStatus.OK, ctype, body or b"")

    def _run_update(self, op: Operation) -> None:
        assert op.update is not None
        if not self.server.writable:
            raise HttpError(HTTPStatus.FORBIDDEN,
                            "this endpoint is read-only: SPARQL UPDATE is refused (start it with --writable)")
        if op.default_graphs or op.named_graphs:
            raise HttpError(HTTPStatus.BAD_REQUEST,
                            "using-graph-uri / using-named-graph-uri are not supported")
        try:
            with self.server.lock:
                self.server.store.update(op.update)
        except StoreError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, str(e)) from e
        self._send(HTTPStatus.NO_CONTENT, None, b"")

    # -- responses ----------------------------------------------------------------------------
    def _send(self, status: HTTPStatus, ctype: str | None, body: bytes) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD" and status != HTTPStatus.NO_CONTENT:
            self.wfile.write(body)

    def _send_error(self, status: HTTPStatus, message: str) -> None:
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_response(status)
            self.send_header("Allow", "POST")
            body = (message + "\n").encode()
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base class signature
        if not self.server.quiet:
            super().log_message(format, *args)


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server answering the SPARQL protocol over an open :class:`Store`."""

    daemon_threads = True

    def __init__(self, store: Store, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                 quiet: bool = False) -> None:
        if writable and store.read_only:
            raise ValueError("a writable endpoint needs a store opened for writing")
        self.store = store
        self.writable = writable
        self.quiet = quiet
        # pyoxigraph is thread-safe; the lock only keeps an update from interleaving with reads of
        # the same request batch, which makes answers easier to reason about.
        self.lock = threading.Lock() if writable else _NoLock()
        super().__init__((host, port), SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}{ENDPOINT}"

    def home_page(self) -> str:
        e = html.escape
        mode = "read-write (SPARQL UPDATE accepted)" if self.writable else "read-only (SPARQL UPDATE refused)"
        example = "SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name } LIMIT 10"
        prefixes = "".join(f"<li><code>{e(k)}:</code> {e(v)}</li>" for k, v in sorted(_PREFIXES.items()))
        return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title></head>
<body>
<h1>kg SPARQL endpoint</h1>
<p>Store: <code>{e(str(self.store.path))}</code>, {e(mode)}.</p>
<h2>Protocol (SPARQL 1.1)</h2>
<ul>
<li><code>GET {ENDPOINT}?query=...</code></li>
<li><code>POST {ENDPOINT}</code> with <code>application/x-www-form-urlencoded</code> <code>query=...</code>
    or <code>update=...</code></li>
<li><code>POST {ENDPOINT}</code> with <code>Content-Type: application/sparql-query</code> or
    <code>application/sparql-update</code> and the text as the body</li>
</ul>
<p>SELECT/ASK results: <code>application/sparql-results+json</code> (default), <code>text/csv</code>,
<code>text/tab-separated-values</code>, <code>application/sparql-results+xml</code> by <code>Accept</code>
(or <code>format=json|csv|tsv|xml</code>). CONSTRUCT/DESCRIBE: <code>text/turtle</code> (default),
<code>application/n-triples</code>, <code>application/rdf+xml</code>, <code>application/ld+json</code>.</p>
<p>The default graph is the merge of all release graphs unless <code>default-graph-uri</code> is given.
Malformed queries get HTTP 400; updates on a read-only endpoint get HTTP 403.</p>
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


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False) -> int:
    """Open the store (read-only unless ``writable``) and answer SPARQL on ``host:port`` until Ctrl-C."""
    try:
        store = Store(store_path, read_only=not writable)
    except StoreError as e:
        print(f"kg serve: {e}", file=sys.stderr)
        return 1
    with store:
        try:
            server = SparqlServer(store, host, port, writable=writable)
        except OSError as e:
            print(f"kg serve: cannot listen on {host}:{port}: {e}", file=sys.stderr)
            return 1
        if host not in ("127.0.0.1", "localhost", "::1") and writable:
            print("kg serve: warning: a writable endpoint reachable from other machines", file=sys.stderr)
        mode = "read-write" if writable else "read-only"
        print(f"kg serve: SPARQL endpoint at {server.url} ({mode}); Ctrl-C stops",
              file=sys.stderr, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("kg serve: stopped", file=sys.stderr)
        finally:
            server.server_close()
    return 0
