"""Benchmark: what the endpoint's safety costs and how fast it reacts, on a store built from the
samples (`kg demo`'s store) or any store given with --store.

- snapshot: seconds to take a snapshot of the store (what a reload costs);
- latency: median and 95th percentile of a small SELECT through `kg serve` (HTTP + worker process),
  against the same query run in-process on the store;
- timeout: seconds until a 4-way cartesian product is answered 503 with --timeout T;
- disconnect: seconds until the worker of a query whose client left has stopped using CPU.

    .venv/bin/python benchmarks/bench_serve.py [--store kg-store] [--timeout 2] [--repeat 50]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.store import Store  # noqa: E402
from kg.store.server import SparqlServer  # noqa: E402
from kg.store.snapshot import remove_snapshot, take_snapshot  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SMALL = "SELECT ?p ?n WHERE { ?p a schema:Person ; rdfs:label ?n } ORDER BY ?p LIMIT 20"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def get(url: str, query: str) -> int:
    try:
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode({'query': query})}", timeout=600) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def cpu_of_children() -> float:
    total, me, hz = 0, os.getpid(), os.sysconf("SC_CLK_TCK")
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == me:
            total += int(fields[11]) + int(fields[12])
    return total / hz


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", help="a store folder (default: build one from samples/ with kg demo)")
    ap.add_argument("--timeout", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    store = Path(args.store) if args.store else tmp / "store"
    if not args.store:
        subprocess.run([sys.executable, "-m", "kg", "demo", "--samples", str(ROOT / "samples"), "--store",
                        str(store), "--exports", str(tmp / "exports")], check=True, capture_output=True)
    with Store(store, read_only=True) as s:
        quads = len(s.ox)
    t0 = time.perf_counter()
    snap = take_snapshot(store)
    print(f"store: {quads} quads; snapshot: {time.perf_counter() - t0:.3f} s")
    remove_snapshot(snap)

    with Store(store, read_only=True) as s:
        local = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            list(s.query(SMALL))
            local.append(time.perf_counter() - t0)
    server = SparqlServer(store, "127.0.0.1", 0, quiet=True, timeout=args.timeout)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        remote = []
        get(server.url, SMALL)  # start a worker
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            assert get(server.url, SMALL) == 200
            remote.append(time.perf_counter() - t0)
        q = statistics.quantiles
        print(f"small SELECT in-process: median {statistics.median(local) * 1000:.1f} ms, "
              f"p95 {q(local, n=20)[-1] * 1000:.1f} ms")
        print(f"small SELECT via kg serve: median {statistics.median(remote) * 1000:.1f} ms, "
              f"p95 {q(remote, n=20)[-1] * 1000:.1f} ms")

        t0 = time.perf_counter()
        status = get(server.url, CARTESIAN)
        print(f"cartesian product with --timeout {args.timeout:g}: HTTP {status} after "
              f"{time.perf_counter() - t0:.2f} s")

        port = server.server_address[1]
        sock = socket.create_connection(("127.0.0.1", port))
        path = "/sparql?" + urllib.parse.urlencode({"query": CARTESIAN})
        server.query_timeout = 600
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        time.sleep(1.0)
        before = cpu_of_children()
        time.sleep(1.0)
        busy = cpu_of_children() - before
        sock.close()
        t0 = time.perf_counter()
        while True:
            a = cpu_of_children()
            time.sleep(0.2)
            if cpu_of_children() - a < 0.02:
                break
        print(f"client gone: worker CPU {busy:.2f} s/s before, idle {time.perf_counter() - t0:.2f} s after "
              "the disconnect")
    finally:
        server.shutdown()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
