"""Benchmark: the read side at scale (export, validate, analyze, explore, named queries) on synthetic stores.

Builds (once, cached under --dir) a store of N synthetic releases: the extractions of
benchmarks/bench_identity.py (invented provinces, cities, officials with dated careers, transfers,
homonyms, both languages, attendance lists, initiatives), each release text padded to a typical
length with invented sentences, linked over the batch and built into RDF by kg.rdf.build exactly as
`kg ingest` does, then written straight to Oxigraph (named graph + merged default graph) with the
bulk loader (the write path is not what is measured here). Then runs each command as a subprocess
of the real CLI and prints wall time, CPU time (user + sys of the child) and peak RSS:

    .venv/bin/python benchmarks/bench_read.py --releases 1000 10000 [--dir /tmp/kg-bench-read]
    .venv/bin/python benchmarks/bench_read.py --releases 1000 --only export-nquads validate

Output goes to --dir (the exports written there are deleted after each run).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).parent / "kg")

FILLER = [
    "The meeting studied the implementation of the annual work plan and heard reports from the departments.",
    "会议听取了各部门关于年度工作要点落实情况的汇报，研究部署下一阶段重点工作。",
    "Participants agreed to strengthen coordination, improve services for enterprises and keep risks low.",
    "与会人员一致表示，要加强统筹协调，优化营商环境，守住安全底线。",
]


def build_store(n: int, path: Path, seed: int = 7) -> int:
    """A fresh store of ``n`` synthetic releases at ``path``; returns its number of quads."""
    import tempfile

    import pyoxigraph as ox
    from bench_identity import Corpus

    from kg.rdf.build import release_graph
    from kg.rdf.oxterms import to_ox
    from kg.resolve import aliases
    from kg.resolve.link import link

    corpus = Corpus(n, seed)
    for x in corpus.extractions:  # a release of typical length (2-3 KB) around its facts
        pad = "\n\n".join(FILLER[(i + len(x.release.id)) % 4] for i in range(12))
        x.release.text = x.release.text + "\n\n" + pad
    with tempfile.TemporaryDirectory() as tmp:
        corpus.write_tables(Path(tmp))
        os.environ["KG_DATA_PATH"] = tmp
        for f in (aliases.places, aliases.bodies, aliases.initiatives, aliases.person_forms,
                  aliases.fixed_persons, aliases.person_ids):
            f.cache_clear()
        identity = link(corpus.extractions)
        store = ox.Store(str(path))
        default = ox.DefaultGraph()
        batch: list[ox.Quad] = []
        for x in corpus.extractions:
            g_iri, g = release_graph(x, identity)
            gn = ox.NamedNode(str(g_iri))
            for s, p, o in g:
                t = (to_ox(s), to_ox(p), to_ox(o))
                batch.append(ox.Quad(*t, gn))
                batch.append(ox.Quad(*t, default))
            if len(batch) > 500_000:
                store.bulk_extend(batch)
                batch = []
        store.bulk_extend(batch)
        store.flush()
        store.optimize()
        count = len(store)
        del store
    del os.environ["KG_DATA_PATH"]
    return count


def run(cmd: list[str], cwd: Path, timeout: float) -> tuple[float, float, float, int]:
    """(wall s, CPU s of the child, its peak RSS MB, exit code; -9 when killed at ``timeout``)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = False
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t > timeout and not killed:
            proc.kill()
            killed = True
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = -9 if killed else proc.returncode
    return time.perf_counter() - t, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, code


def commands(store: Path, out: Path) -> dict[str, list[str]]:
    s = ["--store", str(store)]
    return {
        "export-nquads": [KG, "export", *s, "-o", str(out / "x.nq")],
        "export-turtle": [KG, "export", *s, "-o", str(out / "x.ttl")],
        "export-trig": [KG, "export", *s, "-o", str(out / "x.trig")],
        "export-jsonld": [KG, "export", *s, "-o", str(out / "x.jsonld")],
        "validate": [KG, "validate", *s],
        "analyze": [KG, "analyze", *s],
        "explore": [KG, "explore", *s, "-o", str(out / "x.html")],
        "evidence-of": [KG, "query", *s, "evidence-of", "--format", "csv"],
        "co-attendance": [KG, "query", *s, "co-attendance", "--format", "csv"],
        "presided": [KG, "query", *s, "presided", "--format", "csv"],
        "posts-of-person": [KG, "query", *s, "posts-of-person", "--format", "csv"],
        "career-track": [KG, "query", *s, "career-track", "--format", "csv"],
        "events-of-body": [KG, "query", *s, "events-of-body", "--format", "csv"],
        "initiative-endorsers": [KG, "query", *s, "initiative-endorsers", "--format", "csv"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--releases", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--dir", type=Path, default=Path("/tmp/kg-bench-read"))
    ap.add_argument("--only", nargs="*", help="run only these commands")
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"{'releases':>8}  {'command':22s} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}  exit")
    for n in args.releases:
        store = args.dir / f"store-{n}"
        if not (store / ".built").exists():
            t = time.perf_counter()
            quads = build_store(n, store)
            (store / ".built").write_text(str(quads))
            print(f"# built {store}: {quads} quads in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        quads = int((store / ".built").read_text())
        print(f"# {n} releases, {quads} quads ({quads / n:.0f} per release incl. the merged graph)")
        for name, cmd in commands(store, args.dir).items():
            if args.only and name not in args.only:
                continue
            wall, cpu, rss, code = run(cmd, ROOT, args.timeout)
            print(f"{n:>8}  {name:22s} {wall:8.1f} {cpu:8.1f} {rss:8.0f}  {code}", flush=True)
            for f in args.dir.glob("x.*"):
                f.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
