"""Helpers for the tests of `kg serve` and `kg push`: a store of invented releases, a real endpoint on
a free 127.0.0.1 port, and small HTTP calls."""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from fixtures.network import network_extractions
from stores import make_store

from kg.store.server import SparqlServer

PERSONS = ("SELECT DISTINCT ?name WHERE { ?p a schema:Person ; rdfs:label ?name FILTER(lang(?name) = 'en') } "
           "ORDER BY ?name")
NAMES = ["Du Wenbo", "Fang Xiaoli", "Gao Mingyuan", "Han Yunfei", "Luo Qinghe", "Meng Zhiyuan", "Qiu Lanting",
         "Tang Yifan", "Xue Ruolan"]
# four copies of every triple of the store joined: far more rows than any time limit lets finish
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def build(path: Path) -> Path:
    return make_store(path, network_extractions())


def running(path: Path, writable: bool = False, **options: object) -> Iterator[SparqlServer]:
    server = SparqlServer(path, "127.0.0.1", 0, writable=writable, quiet=True, **options)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def call(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         method: str | None = None, timeout: float = 30) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def get(url: str, accept: str | None = None, **params: str) -> tuple[int, str, bytes]:
    return call(f"{url}?{urllib.parse.urlencode(params)}", headers={"Accept": accept} if accept else {})


def names(body: bytes, var: str = "name") -> list[str]:
    return [b[var]["value"] for b in json.loads(body)["results"]["bindings"]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
