"""``kg push URL``: send the store to a remote SPARQL 1.1 Graph Store Protocol endpoint.

One ``PUT URL?graph=RELEASE`` per release graph (N-Triples), so a re-read release replaces its facts
on the server too; ``DELETE URL?graph=RELEASE`` for a release that left the store; then the merged
graph as the server's default graph (``PUT URL?default``), so the server answers kg's queries (which
need no GRAPH clause) exactly as the local store does. ``--merged none`` leaves the server's default
graph alone, for servers set to use the union of their named graphs as default graph.

Only what changed since the last push to that URL is sent: a digest per graph is kept in the store
folder (``kg-push.json``), written after each graph the server accepted, so an interrupted push resumes.

Authentication: ``--header 'Authorization: Bearer ...'`` (any header, repeatable), or a ``netrc``
entry for the server's host (``~/.netrc`` or ``--netrc-file``) for HTTP Basic. Transient failures
(connection errors, 408, 429, 5xx) are retried with exponential backoff (honouring ``Retry-After``).
The store is read from a snapshot (see :mod:`kg.store.snapshot`), so a push never reads a half-written
store.

Graph Store URLs: Oxigraph ``http://HOST:7878/store``; Apache Jena Fuseki
``http://HOST:3030/DATASET/data``; GraphDB ``http://HOST:7200/repositories/REPO/rdf-graphs/service``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import netrc
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.store import StoreError
from kg.store.snapshot import StoreBusy, remove_snapshot, take_snapshot

STATE_FILE = "kg-push.json"
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class PushError(RuntimeError):
    """A push that cannot go on (the server refused, or stayed unreachable after the retries)."""


@dataclass
class Plan:
    put: list[str] = field(default_factory=list)  # release graph IRIs to send
    delete: list[str] = field(default_factory=list)  # release graph IRIs gone from the store
    merged: bool = False  # send the merged graph as the server's default graph
    unchanged: int = 0
    bytes: int = 0


@dataclass
class Remote:
    """A Graph Store Protocol endpoint with its headers and retry policy."""

    url: str
    headers: dict[str, str]
    retries: int = 4
    backoff: float = 1.0
    timeout: float = 120.0

    def graph_url(self, graph: str | None) -> str:
        sep = "&" if "?" in self.url else "?"
        if graph is None:
            return f"{self.url}{sep}default"
        return f"{self.url}{sep}graph={urllib.parse.quote(graph, safe='')}"

    def send(self, method: str, graph: str | None, body: bytes | None = None) -> int:
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = "application/n-triples"
        url = self.graph_url(graph)
        for attempt in range(self.retries + 1):
            wait = self.backoff * (2 ** attempt)
            try:
                req = urllib.request.Request(url, data=body, headers=headers, method=method)
                with urllib.request.urlopen(req, timeout=self.timeout) as r:
                    r.read()
                    return int(r.status)
            except urllib.error.HTTPError as e:
                detail = e.read()[:300].decode("utf-8", "replace").strip()
                if method == "DELETE" and e.code == 404:
                    return 404  # already gone
                if e.code not in RETRY_STATUS or attempt == self.retries:
                    hint = (" (authentication: --header 'Authorization: ...' or a netrc entry)"
                            if e.code in (401, 403) else "")
                    raise PushError(f"{method} {url}: HTTP {e.code} {e.reason}{hint}: {detail}") from e
                retry_after = e.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    wait = max(wait, float(retry_after))
            except (urllib.error.URLError, OSError) as e:
                if attempt == self.retries:
                    raise PushError(f"{method} {url}: {getattr(e, 'reason', e)} "
                                    f"(after {self.retries + 1} attempts)") from e
            time.sleep(wait)
        raise AssertionError("unreachable")


def auth_headers(url: str, headers: Iterable[str], netrc_file: str | None = None) -> dict[str, str]:
    """Headers from ``NAME: VALUE`` strings, plus HTTP Basic from netrc when none says Authorization."""
    out: dict[str, str] = {}
    for h in headers:
        name, sep, value = h.partition(":")
        if not sep or not name.strip():
            raise PushError(f"--header takes 'Name: value', not {h!r}")
        out[name.strip()] = value.strip()
    if not any(k.lower() == "authorization" for k in out):
        path = netrc_file or os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
        host = urllib.parse.urlsplit(url).hostname or ""
        if os.path.isfile(path):
            try:
                entry = netrc.netrc(path).authenticators(host)
            except (netrc.NetrcParseError, OSError) as e:
                raise PushError(f"cannot read {path}: {e}") from e
            if entry and entry[0] is not None:
                token = base64.b64encode(f"{entry[0]}:{entry[2] or ''}".encode()).decode()
                out["Authorization"] = f"Basic {token}"
        elif netrc_file:
            raise PushError(f"no netrc file at {netrc_file}")
    return out


def _ntriples(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
    """The graph as N-Triples, lines sorted (so equal graphs give equal bytes and digests)."""
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in store.quads_for_pattern(None, None, None, graph)]
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return b"".join(sorted(text.splitlines(keepends=True)))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _state_key(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def load_state(store_path: Path, url: str) -> dict:
    try:
        data = json.loads((store_path / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return data.get(_state_key(url), {"graphs": {}, "merged": None})


def save_state(store_path: Path, url: str, state: dict) -> None:
    path = store_path / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data[_state_key(url)] = state
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def push(store_path: str | Path, url: str, headers: Iterable[str] = (), netrc_file: str | None = None,
         dry_run: bool = False, merged: str = "default", retries: int = 4, backoff: float = 1.0,
         progress: bool = True, err: IO[str] | None = None) -> Plan:
    """Push the store at ``store_path`` to the Graph Store endpoint ``url``; returns what was (or,
    with ``dry_run``, would be) sent. Raises :class:`PushError` or StoreError."""
    err = err or sys.stderr
    store_path = Path(store_path)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise PushError(f"{url!r} is not an http(s) URL of a Graph Store Protocol endpoint")
    if merged not in ("default", "none"):
        raise PushError("--merged takes 'default' (the server's default graph) or 'none'")
    if not store_path.is_dir() or not any(store_path.iterdir()):
        raise StoreError(f"no store at {store_path}: run kg ingest first")
    remote = Remote(url, auth_headers(url, headers, netrc_file), retries=retries, backoff=backoff)
    try:
        snapshot = take_snapshot(store_path)
    except StoreBusy as e:
        raise PushError(f"{e}: push when kg ingest is done") from e
    try:
        store = ox.Store.read_only(str(snapshot))
        return _push(store, store_path, url, remote, dry_run, merged, progress, err)
    finally:
        store = None  # noqa: F841 - release RocksDB before removing its folder
        remove_snapshot(snapshot)


def _push(store: ox.Store, store_path: Path, url: str, remote: Remote, dry_run: bool, merged: str,
          progress: bool, err: IO[str]) -> Plan:
    state = load_state(store_path, url)
    sent: dict[str, str] = dict(state.get("graphs", {}))
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    plan = Plan()
    digests: dict[str, str] = {}
    for g in graphs:
        data = _ntriples(store, ox.NamedNode(g))
        digests[g] = _digest(data)
        if sent.get(g) == digests[g]:
            plan.unchanged += 1
        else:
            plan.put.append(g)
            plan.bytes += len(data)
    plan.delete = sorted(set(sent) - set(graphs))
    merged_data = _ntriples(store, ox.DefaultGraph()) if merged == "default" else b""
    merged_digest = _digest(merged_data) if merged == "default" else None
    plan.merged = merged == "default" and merged_digest != state.get("merged")
    if plan.merged:
        plan.bytes += len(merged_data)
    summary = (f"{len(plan.put)} release graph(s) to send, {len(plan.delete)} to delete, "
               f"{plan.unchanged} unchanged; merged default graph: "
               + ("to send" if plan.merged else "unchanged" if merged == "default" else "not sent")
               + f"; {plan.bytes:,} bytes")
    if dry_run:
        print(f"kg push (dry run) to {url}: {summary}", file=err)
        for g in plan.put:
            print(f"  PUT    {g}", file=err)
        for g in plan.delete:
            print(f"  DELETE {g}", file=err)
        if plan.merged:
            print("  PUT    (default graph: the merge of all release graphs)", file=err)
        return plan
    bar = None
    steps = len(plan.put) + len(plan.delete) + int(plan.merged)
    if progress and err.isatty() and steps:
        from tqdm import tqdm

        bar = tqdm(total=steps, desc="push", unit="graph", file=err)
    try:
        for g in plan.put:
            remote.send("PUT", g, _ntriples(store, ox.NamedNode(g)))
            sent[g] = digests[g]
            save_state(store_path, url, {"graphs": sent, "merged": state.get("merged")})
            if bar is not None:
                bar.update(1)
        for g in plan.delete:
            remote.send("DELETE", g)
            sent.pop(g, None)
            save_state(store_path, url, {"graphs": sent, "merged": state.get("merged")})
            if bar is not None:
                bar.update(1)
        if plan.merged:
            remote.send("PUT", None, merged_data)
            if bar is not None:
                bar.update(1)
        save_state(store_path, url, {"graphs": sent, "merged": merged_digest})
    finally:
        if bar is not None:
            bar.close()
    print(f"kg push to {url}: {summary.replace('to send', 'sent').replace('to delete', 'deleted')}", file=err)
    if merged == "none":
        print("kg push: the server's default graph was left alone: set the server to use the union of its "
              "named graphs as default graph (Oxigraph: serve --union-default-graph; Fuseki: "
              "tdb2:unionDefaultGraph true; GraphDB reads all graphs by default), or push with "
              "--merged default", file=err)
    return plan
