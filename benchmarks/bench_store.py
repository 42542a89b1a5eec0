"""Benchmark: the co-attendance join on the Oxigraph store vs rdflib's in-memory Graph.

Builds a synthetic corpus (invented officials of invented cities; no real text) through the real
pipeline (kg.rdf.build.release_graph, evidence nodes included) until about TARGET triples, ingests it
into a kg.store.Store on disk and into an rdflib Graph, then times the named query `co-attendance`
on both and prints the ratio.

    .venv/bin/python benchmarks/bench_store.py [--triples 190000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.model import Event, Extraction, Person, Post, Release  # noqa: E402
from kg.rdf.build import release_graph  # noqa: E402
from kg.rdf.vocab import PREFIXES  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.store.queries import resolve_query  # noqa: E402

SURNAMES = [
    "Lin",
    "Zhou",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Zhao",
    "Huang",
    "Wu",
    "Xu",
    "Sun",
    "Ma",
]
GIVEN = [
    "Haoran",
    "Min",
    "Wei",
    "Jun",
    "Fang",
    "Lei",
    "Qiang",
    "Yan",
    "Hua",
    "Ping",
    "Tao",
    "Jie",
    "Xin",
    "Bo",
]
CITIES = [f"Qing{c}" for c in ("shan", "he", "lin", "yuan", "feng", "ping", "ning", "an", "cheng", "xi")]
ROLES = ["Secretary", "Deputy Secretary", "Mayor", "Vice Mayor", "Director", "Member"]


def synthetic_release(i: int, rng: random.Random) -> Extraction:
    city = rng.choice(CITIES)
    people = rng.sample([f"{s} {g}" for s in SURNAMES for g in GIVEN], rng.randint(4, 9))
    body = f"CPC {city} Municipal Committee"
    date = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    parts = [f"Date: {date}\n"]
    persons = []
    for name in people:
        role = rng.choice(ROLES)
        start = sum(len(p) for p in parts)
        sentence = f"{name}, {role} of the {body}, took part. "
        parts.append(sentence)
        persons.append(
            Person(
                name,
                [Post(role, body, span=(start + len(name) + 2, start + len(sentence) - 12))],
                [(start, start + len(name))],
            )
        )
    ev_name = f"Meeting No. {i} of the {body}"
    start = sum(len(p) for p in parts)
    parts.append(f"{people[0]} presided over the {ev_name}.")
    text = "".join(parts)
    event = Event(
        ev_name,
        date,
        body,
        presided_by=[people[0]],
        attended_by=people[1:],
        initiatives=[rng.choice(["Belt and Road Initiative", "14th Five-Year Plan", "Dual Circulation"])],
        kind="meeting",
        span=(text.index(ev_name), text.index(ev_name) + len(ev_name)),
    )
    r = Release(id=f"bench-{i:05d}", text=text, published=date, language="en")
    return Extraction(r, "en", persons=persons, events=[event], locality=city)


def timed(fn, repeat: int) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn()
        best = min(best, time.perf_counter() - t)
    return best, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=190_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(42)
    query = resolve_query("co-attendance")

    t0 = time.perf_counter()
    graphs, total, i = [], 0, 0
    while total < args.triples:
        node, g = release_graph(synthetic_release(i, rng))
        graphs.append((node, g))
        total += len(g)
        i += 1
    t_build = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        with Store(Path(tmp) / "store") as store:
            for node, g in graphs:
                store.replace_graph(node, g)
        t_ingest = time.perf_counter() - t0
        with Store(Path(tmp) / "store", read_only=True) as store:
            quads = store.triple_count()
            t_ox, rows_ox = timed(lambda: len(store.query(query).bindings), args.repeat)

    mem = Graph()
    t0 = time.perf_counter()
    for _, g in graphs:
        for t in g:
            mem.add(t)
    t_mem_load = time.perf_counter() - t0
    init_ns = {k: v for k, v in PREFIXES.items()}
    t_mem, rows_mem = timed(lambda: len(list(mem.query(query, initNs=init_ns))), 1)

    print(f"releases: {len(graphs)}   quads in store: {quads}   triples in rdflib graph: {len(mem)}")
    print(
        f"build (release_graph): {t_build:.1f}s   ingest into Oxigraph: {t_ingest:.1f}s   "
        f"load rdflib memory: {t_mem_load:.1f}s"
    )
    print(f"co-attendance  Oxigraph: {t_ox * 1000:.0f} ms ({rows_ox} pairs, best of {args.repeat})")
    print(f"co-attendance  rdflib memory: {t_mem * 1000:.0f} ms ({rows_mem} pairs)")
    print(f"ratio rdflib/Oxigraph: {t_mem / t_ox:.1f}x")
    if rows_ox != rows_mem:
        print("WARNING: the engines disagree on the number of pairs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
