"""Time ``kg analyze`` and ``kg explore`` on a synthetic store of invented officials and events.

    .venv/bin/python benchmarks/bench_analyze.py --persons 3000 --events 2000

The graph follows kg.rdf.vocab (persons, bodies, events with presider/attendees/convener/endorsed
initiatives, posts, one named graph per release); it is written straight as triples (no extraction),
with a fixed random seed, into a temporary store.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS, XSD

from kg.analyze.data import load
from kg.analyze.metrics import build_report
from kg.explore import explorer_html
from kg.rdf.vocab import ID, KGO, ORG, SDO
from kg.store import Store


def synthetic_graphs(persons: int, events: int, per_release: int = 10, seed: int = 1):
    rng = random.Random(seed)
    bodies = max(5, persons // 20)
    initiatives = max(3, events // 50)
    releases = (events + per_release - 1) // per_release
    for r in range(releases):
        g = Graph()
        rel = ID[f"release/bench-{r}"]
        g.add((rel, RDF.type, SDO.NewsArticle))
        g.add((rel, KGO.releaseId, Literal(f"bench-{r}")))
        g.add((rel, SDO.url, Literal(f"http://example.org/bench/{r}", datatype=XSD.anyURI)))
        for e in range(r * per_release, min(events, (r + 1) * per_release)):
            ev = ID[f"event/bench-{e}"]
            cluster = rng.randrange(max(1, persons // 50))
            pool = [(cluster * 50 + i) % persons for i in range(50)]
            people = rng.sample(pool, k=min(len(pool), rng.randint(2, 8)))
            body = ID[f"body/bench-{rng.randrange(bodies)}"]
            g.add((ev, RDF.type, SDO.Event))
            g.add((ev, SDO.name, Literal(f"Invented Meeting {e}", lang="en")))
            g.add((ev, SDO.startDate, Literal(f"2024-{1 + e % 12:02d}-{1 + e % 28:02d}", datatype=XSD.date)))
            g.add((ev, KGO.convenedBy, body))
            g.add((body, RDF.type, ORG.Organization))
            g.add((body, RDFS.label, Literal(f"Invented Bureau {body.rsplit('-', 1)[1]}", lang="en")))
            for i, p in enumerate(people):
                person = ID[f"person/bench-{p}"]
                g.add((person, RDF.type, SDO.Person))
                g.add((person, RDFS.label, Literal(f"Official {p}", lang="en")))
                g.add((ev, KGO.presidedBy if i == 0 else SDO.attendee, person))
            if rng.random() < 0.5:
                ini = ID[f"initiative/bench-{rng.randrange(initiatives)}"]
                g.add((ini, RDF.type, KGO.Initiative))
                g.add((ini, SKOS.prefLabel, Literal(f"Invented Plan {ini.rsplit('-', 1)[1]}", lang="en")))
                g.add((ev, KGO.endorses, ini))
                g.add((body, KGO.endorses, ini))
        yield rel, g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=3000)
    ap.add_argument("--events", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        t = time.perf_counter()
        with Store(path) as store:
            for iri, g in synthetic_graphs(args.persons, args.events):
                store.replace_graph(iri, g)
            quads = store.triple_count()
        print(f"build store: {time.perf_counter() - t:.2f}s ({quads} quads)")
        with Store(path, read_only=True) as store:
            t = time.perf_counter()
            data = load(store)
            print(f"load (SPARQL): {time.perf_counter() - t:.2f}s ({len(data.kinds)} nodes)")
        t = time.perf_counter()
        report = build_report(data, top=10)
        print(f"analyze: {time.perf_counter() - t:.2f}s ({report.section('summary').rows})")
        t = time.perf_counter()
        page, n = explorer_html(data)
        print(f"explore: {time.perf_counter() - t:.2f}s ({n} nodes, {len(page) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
