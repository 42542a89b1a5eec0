"""kg serve against a hostile network (issue 8): SERVICE, DNS rebinding, runaway queries, clients that
leave, stalled connections, a store written while it is served. Real endpoints on 127.0.0.1."""

from __future__ import annotations

import http.client
import os
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from endpoints import CARTESIAN, NAMES, PERSONS, build, call, get, names, running
from fixtures.network import network_extractions

from kg.model import Extraction
from kg.rdf.build import release_graph
from kg.store import Store
from kg.store.server import SparqlServer


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("security") / "store")


class Listener:
    """A TCP listener on a free port that records every connection it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.received.append(conn.recv(4096))
                conn.sendall(b"HTTP/1.1 500 No\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                self.received.append(b"")
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.close()


def test_service_is_refused_and_the_listener_receives_nothing(store_path: Path, listener: Listener) -> None:
    target = f"http://127.0.0.1:{listener.port}/sparql"
    attempts = [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service\n<{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?e {{ <{target}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
        f"PREFIX x: <http://127.0.0.1:{listener.port}/> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
    ]
    for server in running(store_path):
        for q in attempts:
            status, _, body = get(server.url, query=q)
            assert status == 403 and b"SERVICE" in body, q
            form = urllib.parse.urlencode({"query": q}).encode()
            assert call(server.url, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
        # the word inside a string, an IRI or a comment is no SERVICE call
        harmless = ('SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:9/>" AS ?x) } # SERVICE <x>\n')
        assert get(server.url, query=harmless)[0] == 200
    time.sleep(0.5)
    assert listener.received == []


def test_an_allowed_service_is_called(store_path: Path, listener: Listener) -> None:
    """The refusal above is the reason nothing arrived: an endpoint the operator names is called."""
    target = f"http://127.0.0.1:{listener.port}/sparql"
    for server in running(store_path, allow_service=[target]):
        status, _, _ = get(server.url, query=f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        assert status != 403
        other = f"http://127.0.0.1:{listener.port}/other"
        assert get(server.url, query=f"SELECT * WHERE {{ SERVICE <{other}> {{ ?s ?p ?o }} }}")[0] == 403
    assert any(b"POST /sparql" in r or b"GET /sparql" in r for r in listener.received)


def raw(port: int, host: str, path: str = "/sparql?query=ASK%7B%7D") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host)
    conn.endheaders()
    r = conn.getresponse()
    out = r.status, r.read()
    conn.close()
    return out


def test_a_foreign_host_is_refused(store_path: Path) -> None:
    for server in running(store_path, allow_hosts=["kg.example.org"]):
        port = server.server_address[1]
        for host in ("attacker.example", f"attacker.example:{port}", "127.0.0.1.attacker.example"):
            status, body = raw(port, host)
            assert status == 403 and b"DNS rebinding" in body
            assert raw(port, host, "/")[0] == 403  # the documentation page too
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost", "kg.example.org"):
            assert raw(port, host)[0] == 200


def test_a_runaway_query_is_stopped_while_another_client_is_served(store_path: Path) -> None:
    limit = 2.0
    for server in running(store_path, timeout=limit):
        result: dict[str, object] = {}

        def runaway(result: dict[str, object] = result, url: str = server.url) -> None:
            t0 = time.monotonic()
            result["answer"] = get(url, query=CARTESIAN)
            result["seconds"] = time.monotonic() - t0

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        served_while_running = 0
        while thread.is_alive():
            status, _, body = get(server.url, query=PERSONS)
            assert status == 200 and names(body) == NAMES
            served_while_running += thread.is_alive()
            time.sleep(0.1)
        thread.join()
        status, _, body = result["answer"]  # type: ignore[misc]
        assert status == 503 and b"time limit of 2 s" in body
        assert result["seconds"] < limit + 10  # answered when the limit passed, not when the query ended
        assert served_while_running >= 1


def worker_cpu_seconds() -> float:
    """CPU time used so far by this process's child processes that are still running."""
    hz = os.sysconf("SC_CLK_TCK")
    total = 0
    me = os.getpid()
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == me:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / hz


def test_a_client_that_leaves_frees_the_cpu(store_path: Path) -> None:
    for server in running(store_path, timeout=60):
        port = server.server_address[1]
        sock = socket.create_connection(("127.0.0.1", port))
        path = "/sparql?" + urllib.parse.urlencode({"query": CARTESIAN})
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        time.sleep(1.5)
        busy = worker_cpu_seconds()
        time.sleep(2.0)
        assert worker_cpu_seconds() - busy > 0.3  # the query is running (on a machine shared with others)
        sock.close()
        time.sleep(2.5)  # the server polls its client every second
        idle = worker_cpu_seconds()
        time.sleep(1.0)
        assert worker_cpu_seconds() - idle < 0.2  # and now nothing is
        assert names(get(server.url, query=PERSONS)[2]) == NAMES


def test_a_too_large_answer_is_refused(store_path: Path) -> None:
    for server in running(store_path, max_result_mb=0.01):
        status, _, body = get(server.url, query="SELECT * WHERE { ?s ?p ?o }")
        assert status == 413 and b"limit" in body
        assert get(server.url, query=PERSONS)[0] == 200


def test_connections_are_bounded_and_silent_ones_time_out(store_path: Path) -> None:
    for server in running(store_path, threads=2, socket_timeout=3.0):
        port = server.server_address[1]
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(2)]
        time.sleep(0.5)
        extra = socket.create_connection(("127.0.0.1", port))
        extra.settimeout(5)
        assert extra.recv(200).startswith(b"HTTP/1.1 503")
        extra.close()
        for s in idle:  # the server hangs up on the silent ones...
            s.settimeout(10)
            assert s.recv(100) == b""
            s.close()
        assert names(get(server.url, query=PERSONS)[2]) == NAMES  # ...and serves again


def renamed(x: Extraction, suffix: str) -> Extraction:
    import dataclasses

    persons = [dataclasses.replace(p, name=f"{p.name} {suffix}") for p in x.persons]
    return dataclasses.replace(x, persons=persons)


def test_serve_sees_a_later_ingest(tmp_path: Path) -> None:
    path = build(tmp_path / "store")
    for server in running(path, reload_interval=0.3):
        assert names(get(server.url, query=PERSONS)[2]) == NAMES
        with Store(path) as store:  # a writer (as kg ingest) while the endpoint serves
            x = next(iter(network_extractions()))
            store.replace_graph(*release_graph(renamed(x, "Jr")))
            time.sleep(1.2)  # the writer holds the store: the endpoint keeps answering the old state
            assert names(get(server.url, query=PERSONS)[2]) == NAMES
        deadline = time.monotonic() + 20
        while names(get(server.url, query=PERSONS)[2]) == NAMES:
            assert time.monotonic() < deadline, "the endpoint never saw the ingest"
            time.sleep(0.2)
        assert any(n.endswith(" Jr") for n in names(get(server.url, query=PERSONS)[2]))


def test_a_server_on_a_missing_store_says_so(tmp_path: Path) -> None:
    from kg.store import StoreError

    with pytest.raises(StoreError, match="no store"):
        SparqlServer(tmp_path / "none", "127.0.0.1", 0)


def children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                out.append(int(entry))
    return out


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


def test_no_worker_outlives_a_killed_server(store_path: Path) -> None:
    import signal
    import subprocess
    import sys

    from endpoints import free_port

    port = free_port()
    code = f"import sys; from kg.store.server import serve; sys.exit(serve({str(store_path)!r}, port={port}))"
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    try:
        assert "SPARQL endpoint" in proc.stderr.readline()  # type: ignore[union-attr]
        sock = socket.create_connection(("127.0.0.1", port))
        path = "/sparql?" + urllib.parse.urlencode({"query": CARTESIAN})
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        deadline = time.monotonic() + 10
        while not children(proc.pid):
            assert time.monotonic() < deadline
            time.sleep(0.1)
        workers = children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers):
            assert time.monotonic() < deadline, "a worker outlived its server"
            time.sleep(0.2)
        sock.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
