"""Benchmark: kg at 1k / 10k / 100k releases of the synthetic corpus (benchmarks/synthetic.py).

For each size: ``kg ingest`` into a fresh store, ingest of ONE new release into the full store, every
named query (``kg query NAME``), ``kg analyze``, ``kg export --format nquads`` and ``turtle``,
``kg validate``, ``kg explore``; each the real CLI in a subprocess, timed by wall clock, CPU (user +
system of the process and its children, e.g. the --jobs pool) and peak RSS (``os.wait4``'s rusage
of that process: its own peak or its largest waited child's). Also the store's size on disk, the
per-release cost of ingest at each size, and the co-attendance query on the Oxigraph store against
rdflib's memory store (the same release graphs loaded into an rdflib Dataset) at the largest size
whose store has at most ``--rdflib-max`` quads.

    .venv/bin/python benchmarks/bench_scale.py --sizes 1000,10000 [--work /tmp/kg-scale] [--jobs N]
      [--skip validate,explore] [--timeout 1800]

Corpora and stores are kept under ``--work`` (a corpus is generated once per size and seed). A step
that fails or runs over ``--timeout`` seconds is reported as such and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synthetic import Corpus  # noqa: E402

KG = [sys.executable, "-m", "kg"]


def run(cmd: list[str], env: dict[str, str], timeout: float, out: Path | None = None) -> dict[str, object]:
    """Run ``cmd``; wall seconds, CPU seconds (incl. children), peak RSS in MB, exit code (also
    printed on stderr at once, so that a run cut short keeps what it measured)."""
    r = _run(cmd, env, timeout, out)
    print(f"    {' '.join(cmd[3:5])}: {fmt(r)}", file=sys.stderr, flush=True)
    return r


def _run(cmd: list[str], env: dict[str, str], timeout: float, out: Path | None = None) -> dict[str, object]:
    t0 = time.perf_counter()
    sink = open(out, "wb") if out is not None else subprocess.DEVNULL  # noqa: SIM115
    err = open(os.devnull, "wb")  # noqa: SIM115
    try:
        proc = subprocess.Popen(cmd, env=env, stdout=sink, stderr=err, cwd=HERE.parent)
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, ru = os.wait4(proc.pid, 0)
                return {"wall": time.perf_counter() - t0, "cpu": ru.ru_utime + ru.ru_stime,
                        "rss_mb": ru.ru_maxrss / 1024, "rc": "timeout"}
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if out is not None:
            sink.close()  # type: ignore[union-attr]
        err.close()
    return {"wall": time.perf_counter() - t0, "cpu": ru.ru_utime + ru.ru_stime,
            "rss_mb": ru.ru_maxrss / 1024, "rc": proc.returncode}


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def corpus(n: int, seed: int, work: Path) -> Path:
    folder = work / f"corpus-{n}-s{seed}"
    if not (folder / "done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        Corpus(n, seed).write(folder)
        (folder / "done").write_text("ok\n")
    return folder


def one_new_release(folder: Path, out: Path) -> Path:
    """A release that is not in the corpus (another title and sentence on a corpus release's text)."""
    first = next(iter(sorted((folder / "releases").rglob("*.txt"))))
    text = first.read_text(encoding="utf-8").split("\n", 1)
    out.mkdir(parents=True, exist_ok=True)
    f = out / f"new-{first.stem}.txt"
    f.write_text(text[0] + " (Second Report)\n" + text[1] + "\nThe report was updated later.\n",
                 encoding="utf-8")
    return f


def rdflib_ratio(store: Path, query: str) -> dict[str, float]:
    """The co-attendance query on the Oxigraph store vs rdflib's memory store with the same merged
    graph; seconds each (best of 2 for Oxigraph, one run for rdflib)."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.rdf.oxterms import to_rdflib
    from kg.rdf.vocab import PREFIXES

    s = ox.Store.read_only(str(store))
    times = []
    for _ in range(2):
        t = time.perf_counter()
        n_ox = len(list(s.query(query, prefixes={k: str(v) for k, v in PREFIXES.items()})))
        times.append(time.perf_counter() - t)
    g = Graph()
    for q in s.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    t = time.perf_counter()
    n_rdf = len(list(g.query(query)))
    t_rdf = time.perf_counter() - t
    return {"oxigraph_s": min(times), "rdflib_s": t_rdf, "ratio": t_rdf / min(times),
            "rows_ox": n_ox, "rows_rdflib": n_rdf, "merged_triples": len(g)}


def bench(n: int, args: argparse.Namespace) -> dict[str, object]:
    work: Path = args.work
    folder = corpus(n, args.seed, work)
    env = {**os.environ, "KG_DATA_PATH": str(folder / "data")}
    store = work / f"store-{n}"
    shutil.rmtree(store, ignore_errors=True)
    res: dict[str, object] = {"releases": n}
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(f"[{n}] ingest ...", file=sys.stderr, flush=True)
    res["ingest"] = run([*KG, "ingest", str(folder / "releases"), "--store", str(store), *jobs], env,
                        args.timeout)
    res["store_bytes"] = du(store)
    print(f"    store: {res['store_bytes']} bytes", file=sys.stderr, flush=True)
    res["store_bytes_per_release"] = res["store_bytes"] // n  # type: ignore[operator]
    new = one_new_release(folder, work / f"new-{n}")
    print(f"[{n}] one new release ...", file=sys.stderr, flush=True)
    res["ingest_one"] = run([*KG, "ingest", str(new), "--store", str(store), "--jobs", "1"], env,
                            args.timeout)
    queries = sorted(p.stem for p in (HERE.parent / "ontology" / "queries").glob("*.rq"))
    res["queries"] = {}
    for q in queries:
        print(f"[{n}] query {q} ...", file=sys.stderr, flush=True)
        res["queries"][q] = run([*KG, "query", q, "--store", str(store), "--format", "csv"], env,  # type: ignore[index]
                                args.timeout)
    steps = {
        "analyze": [*KG, "analyze", "--store", str(store)],
        "export-nquads": [*KG, "export", "--store", str(store), "--format", "nquads", "-o",
                          str(work / f"export-{n}.nq")],
        "export-turtle": [*KG, "export", "--store", str(store), "--format", "turtle", "-o",
                          str(work / f"export-{n}.ttl")],
        "validate": [*KG, "validate", "--store", str(store)],
        "explore": [*KG, "explore", "--store", str(store), "-o", str(work / f"explore-{n}.html")],
    }
    for name, cmd in steps.items():
        if name in args.skip:
            continue
        print(f"[{n}] {name} ...", file=sys.stderr, flush=True)
        res[name] = run(cmd, env, args.timeout)
    return res


def fmt(r: object) -> str:
    if not isinstance(r, dict):
        return str(r)
    rc = "" if r["rc"] == 0 else f" (exit {r['rc']})"
    return f"{r['wall']:8.1f} s wall {r['cpu']:8.1f} s CPU {r['rss_mb']:7.0f} MB{rc}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-scale"))
    ap.add_argument("--jobs", type=int, default=0, help="kg ingest --jobs (default: kg's default)")
    ap.add_argument("--skip", default="", help="comma-separated steps to leave out (e.g. validate)")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--rdflib-max", type=int, default=3_000_000, help="merged triples rdflib may load")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args()
    args.skip = set(filter(None, args.skip.split(",")))
    args.work.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        r = bench(n, args)
        results.append(r)
        print(f"\n== {n} releases ==")
        for k in ("ingest", "ingest_one", "analyze", "export-nquads", "export-turtle", "validate", "explore"):
            if k in r:
                print(f"  {k:<24}{fmt(r[k])}")
        for q, t in r["queries"].items():  # type: ignore[attr-defined]
            print(f"  query {q:<18}{fmt(t)}")
        ing = r["ingest"]
        print(f"  store on disk           {r['store_bytes'] / 1e6:8.1f} MB"
              f" ({r['store_bytes_per_release'] / 1e3:.1f} kB per release)")
        print(f"  ingest per release      {1000 * ing['wall'] / n:8.1f} ms wall"  # type: ignore[index]
              f" {1000 * ing['cpu'] / n:8.1f} ms CPU", flush=True)  # type: ignore[index]
    # the rdflib comparison at the largest size that fits
    query = (HERE.parent / "ontology" / "queries" / "co-attendance.rq").read_text(encoding="utf-8")
    for r in reversed(results):
        store = args.work / f"store-{r['releases']}"
        import pyoxigraph as ox

        s = ox.Store.read_only(str(store))
        merged = sum(1 for _ in s.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        del s
        if merged <= args.rdflib_max:
            ratio = rdflib_ratio(store, query)
            r["rdflib"] = ratio
            print(f"\nco-attendance at {r['releases']} releases ({merged} merged triples): Oxigraph "
                  f"{ratio['oxigraph_s']:.2f} s, rdflib memory {ratio['rdflib_s']:.2f} s, "
                  f"ratio {ratio['ratio']:.1f}x (rows {ratio['rows_ox']} / {ratio['rows_rdflib']})")
            break
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"(benchmark process itself: {usage.ru_maxrss / 1024:.0f} MB peak)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
