"""kg push against a real Oxigraph server (the `oxigraph` package) on a free 127.0.0.1 port: push,
change one release, push again; the server answers every named query exactly as the local store."""

from __future__ import annotations

import base64
import dataclasses
import io
import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from endpoints import build, free_port
from fixtures.network import network_extractions

from kg.model import Extraction
from kg.rdf.build import release_graph
from kg.store import Store
from kg.store.push import STATE_FILE, PushError, push
from kg.store.queries import named_queries


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.fail("the oxigraph server is a test dependency (pip install -e '.[dev]')")
    return found


@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    remote = str(tmp_path / "remote")
    command = [oxigraph_binary(), "serve", "--location", remote, "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=2).read()
            break
        except (urllib.error.URLError, OSError):
            assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the Oxigraph server did not start"
            time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def remote_answer(base: str, query: str) -> dict:
    req = urllib.request.Request(f"{base}/query", data=query.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def local_answer(path: Path, query: str) -> dict:
    with Store(path, read_only=True) as store:  # the same engine, no pre-declared prefixes
        return json.loads(store.ox.query(query).serialize(format=ox.QueryResultsFormat.JSON))


def assert_same_answers(path: Path, base: str) -> int:
    rows = 0
    for name, file in named_queries().items():
        query = file.read_text(encoding="utf-8")
        local, remote = local_answer(path, query), remote_answer(base, query)
        assert remote == local, name
        rows += len(local["results"]["bindings"])
    return rows


def renamed(x: Extraction, suffix: str) -> Extraction:
    persons = [dataclasses.replace(p, name=f"{p.name} {suffix}") for p in x.persons]
    return dataclasses.replace(x, persons=persons)


def test_push_then_push_only_what_changed(tmp_path: Path, oxigraph: str) -> None:
    path = build(tmp_path / "store")
    url = f"{oxigraph}/store"
    err = io.StringIO()
    dry = push(path, url, dry_run=True, err=err)
    assert len(dry.put) == 3 and dry.merged and "dry run" in err.getvalue()
    assert not (path / STATE_FILE).exists()
    empty = remote_answer(oxigraph, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
    assert empty["results"]["bindings"] == []

    first = push(path, url, err=err)
    assert len(first.put) == 3 and first.merged and first.delete == []
    assert assert_same_answers(path, oxigraph) > 20
    assert push(path, url, err=err).put == []  # nothing changed: nothing sent

    x = network_extractions()[0]
    with Store(path) as store:
        store.replace_graph(*release_graph(renamed(x, "Jr")))
    assert len(push(path, url, dry_run=True, err=io.StringIO()).put) == 1
    second = push(path, url, err=err)
    assert len(second.put) == 1 and second.unchanged == 2 and second.merged
    assert assert_same_answers(path, oxigraph) > 20
    names = remote_answer(oxigraph, "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; "
                          "<http://www.w3.org/2000/01/rdf-schema#label> ?n }")
    assert any(b["n"]["value"].endswith(" Jr") for b in names["results"]["bindings"])

    with Store(path) as store:  # a release that leaves the store leaves the server too
        store.replace_graph(release_graph(x)[0], [])
    third = push(path, url, err=err)
    assert len(third.delete) == 1 and third.put == []
    assert assert_same_answers(path, oxigraph) > 0
    graphs = remote_answer(oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(graphs["results"]["bindings"]) == 2


class Flaky(BaseHTTPRequestHandler):
    """A Graph Store that wants Basic credentials and fails the first requests with 503."""

    failures = 0
    seen: list[tuple[str, str, str]] = []

    def do_PUT(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append(("PUT", self.path, self.headers.get("Authorization") or ""))
        if Flaky.failures > 0:
            Flaky.failures -= 1
            self.send_response(503)
            self.send_header("Retry-After", "0")
        elif self.headers.get("Authorization") != "Basic " + base64.b64encode(b"ana:s3cret").decode():
            self.send_response(401)
        else:
            self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


def test_push_authenticates_retries_and_reports(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/data"
    try:
        with pytest.raises(PushError, match="401.*netrc"):
            push(path, url, retries=0, err=io.StringIO(), netrc_file=_netrc(tmp_path, "ana", "wrong"))
        Flaky.failures, Flaky.seen[:] = 2, []
        plan = push(path, url, netrc_file=_netrc(tmp_path, "ana", "s3cret"), backoff=0.01, err=io.StringIO())
        assert len(plan.put) == 3 and plan.merged
        assert len(Flaky.seen) == 3 + 1 + 2  # three releases, the merged graph, two retried failures
        assert all(a.startswith("Basic ") for _, _, a in Flaky.seen)
        assert sum(p.endswith("?default") for _, p, _ in Flaky.seen) == 1
        graph_params = [urllib.parse.parse_qs(p.split("?", 1)[1]).get("graph") for _, p, _ in Flaky.seen]
        assert all(g is None or g[0].startswith("http") for g in graph_params)
        Flaky.seen[:] = []
        header = "Authorization: Basic " + base64.b64encode(b"ana:s3cret").decode()
        (path / STATE_FILE).unlink()
        assert len(push(path, url, headers=[header], err=io.StringIO()).put) == 3
        Flaky.failures = 10
        (path / STATE_FILE).unlink()
        with pytest.raises(PushError, match="503.*"):
            push(path, url, headers=[header], retries=2, backoff=0.01, err=io.StringIO())
    finally:
        server.shutdown()
        server.server_close()


def _netrc(tmp_path: Path, login: str, password: str) -> str:
    f = tmp_path / f"netrc-{password}"
    f.write_text(f"machine 127.0.0.1 login {login} password {password}\n")
    f.chmod(0o600)
    return str(f)


def test_push_command_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    path = build(tmp_path / "store")
    assert main(["push", "ftp://127.0.0.1/x", "--store", str(path)]) == 1
    assert "not an http(s) URL" in capsys.readouterr().err
    port = free_port()  # nothing listens there
    assert main(["push", f"http://127.0.0.1:{port}/store", "--store", str(path), "--retries", "0"]) == 1
    err = capsys.readouterr().err
    assert "kg push:" in err and "Traceback" not in err
    assert main(["push", f"http://127.0.0.1:{port}/store", "--store", str(path), "--dry-run"]) == 0
    assert "3 release graph(s) to send" in capsys.readouterr().err
