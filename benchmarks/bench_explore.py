"""Time the explorer on synthetic stores of about 1,000 and 10,000 nodes, in headless Chromium.

    .venv/bin/python benchmarks/bench_explore.py            # both sizes
    .venv/bin/python benchmarks/bench_explore.py --nodes 10000

For each size: an invented corpus (officials with pinyin-like names, bodies of invented cities,
dated events with presiders, attendees and endorsed initiatives, posts with dates) is built as
extractions, ingested through the real RDF builder (so every fact has its evidence node) into a
temporary Oxigraph store, and the explorer is written from it. The page is then opened in headless
Chromium (over the DevTools protocol, as the browser test does) and we measure:

- build: reading the store and writing the page (Python), and the page size;
- first draw: from navigation start to vis-network's first ``afterDrawing`` (the page's own
  ``performance.now()`` clock), and the wall time until it is reported;
- filter changes: from the filter's handler to the next complete drawing (hide events, a date
  window, one community, hide isolated nodes, back to everything).

Targets of issue 12 at 10k nodes: first draw <= 3 s, a filter change <= 0.5 s. Measured, not asserted.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools driver shared with the browser test

from kg.explore import render_explorer  # noqa: E402
from kg.model import Body, Event, Extraction, Initiative, Person, Post, Release  # noqa: E402
from kg.rdf.build import release_graph  # noqa: E402
from kg.store import Store  # noqa: E402

SURNAMES = ["Bai", "Cao", "Chen", "Deng", "Du", "Fan", "Gao", "Guo", "Han", "He", "Hu", "Jiang", "Kong",
            "Lei", "Liang", "Lin", "Lu", "Luo", "Ma", "Meng", "Pan", "Qian", "Qiu", "Shen", "Song", "Tang",
            "Tian",
            "Wang", "Wei", "Wen", "Xia", "Xu", "Xue", "Yan", "Yang", "Ye", "Yu", "Zeng", "Zhao", "Zhou"]
SYLLABLES = ["an", "bo", "chen", "da", "fei", "gang", "hao", "hui", "jian", "jun", "kai", "lan", "lei", "li",
             "ling", "ming", "nan", "ning", "peng", "qing", "ran", "rui", "shan", "tao", "ting", "wei", "wen",
             "xin", "yang", "yi", "yu", "yun", "ze", "zhi"]
CITIES = ["Qingshan", "Lanhe", "Baishui", "Hexi", "Nanshan", "Donglin", "Yunping", "Shuiyuan", "Jinhe",
          "Songling", "Taiping", "Xiangyun"]
ROLES = ["Secretary", "Deputy Secretary", "Mayor", "Vice Mayor", "Director", "Deputy Director"]
HEADS = ["Municipal Committee", "Municipal People's Government", "Bureau of Commerce",
         "Bureau of Transport", "Foreign Affairs Office", "Development and Reform Commission",
         "Bureau of Culture and Tourism", "Science and Technology Bureau", "Education Bureau",
         "Ecology and Environment Bureau"]
KINDS = ["Meeting", "Symposium", "Forum", "Conference", "Work Conference", "Plenary Session"]


def synthetic_corpus(nodes: int, seed: int = 1) -> list[Extraction]:
    """About ``nodes`` persons, bodies, events and initiatives (roughly 45/8/40/2 per cent, plus the
    posts' bodies), in releases of ten events each."""
    rng = random.Random(seed)
    n_persons, n_events, n_initiatives = int(nodes * 0.45), int(nodes * 0.40), max(5, nodes // 50)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n_persons:
        name = f"{rng.choice(SURNAMES)} {(rng.choice(SYLLABLES) + rng.choice(SYLLABLES)).capitalize()}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    bodies = [f"{city} {head}" for city in CITIES for head in HEADS]
    bodies += [f"{city} District {i} Committee" for city in CITIES for i in range(1, max(2, nodes // 150))]
    initiatives = [f"{rng.choice(CITIES)} {w} Plan {i}" for i, w in
                   enumerate(rng.choice(["Green", "Harbour", "Talent", "Digital", "Silk", "River"])
                             for _ in range(n_initiatives))]
    home = {n: rng.randrange(len(CITIES)) for n in names}  # officials mostly meet in their own city
    by_city: dict[int, list[str]] = {}
    for n in names:
        by_city.setdefault(home[n], []).append(n)
    posts = {n: Post(rng.choice(ROLES), f"{CITIES[home[n]]} {rng.choice(HEADS)}") for n in names
             if rng.random() < 0.5}
    out = []
    per_release = 10
    for r in range((n_events + per_release - 1) // per_release):
        day = 1 + r * 3
        year, rest = 2019 + (day // 360), day % 360
        date = f"{year}-{1 + rest // 30:02d}-{1 + rest % 30 if rest % 30 < 28 else 28:02d}"
        events, persons = [], {}
        for e in range(per_release):
            city = rng.randrange(len(CITIES))
            pool = by_city.get(city) or names
            people = rng.sample(pool, k=min(len(pool), rng.choice([2, 3, 3, 4, 5, 6, 8, 12])))
            body = f"{CITIES[city]} {rng.choice(HEADS)}" if rng.random() < 0.7 else rng.choice(bodies)
            inis = [rng.choice(initiatives)] if rng.random() < 0.5 else []
            events.append(Event(name=f"{body} {rng.choice(KINDS)} No. {r * per_release + e}", date=date,
                                body=body, presided_by=people[:1], attended_by=people[1:], initiatives=inis,
                                kind="meeting"))
            for p in people:
                persons[p] = Person(p, [posts[p]] if p in posts else [])
        text = "\n".join(f"On {ev.date}, {ev.presided_by[0]} presided over the {ev.name}. "
                         f"{', '.join(ev.attended_by)} attended." for ev in events)
        text += "\n" + "\n".join(f"{p.name} is {p.posts[0].role} of the {p.posts[0].body}."
                                 for p in persons.values() if p.posts)
        release = Release(id=f"bench-{r:05d}", text=text, url=f"http://example.org/bench/{r}",
                          title=f"Invented release {r}", published=date, language="en")
        out.append(Extraction(release=release, language="en", persons=list(persons.values()),
                              bodies=[Body(b) for b in sorted({ev.body for ev in events if ev.body})],
                              initiatives=[Initiative(i) for i in sorted({i for ev in events
                                                                          for i in ev.initiatives})],
                              events=events))
    return out


FILTERS = {
    "hide events": "var e=document.querySelector('input[name=kind][value=event]'); e.checked=false;"
                   "e.dispatchEvent(new Event('change'));",
    "show events": "var e=document.querySelector('input[name=kind][value=event]'); e.checked=true;"
                   "e.dispatchEvent(new Event('change'));",
    "date window": "var t=document.getElementById('kg-to'); t.value=String(Math.floor(t.max/3));"
                   "t.dispatchEvent(new Event('input'));",
    "all dates": "var t=document.getElementById('kg-to'); t.value=t.max;"
                 "t.dispatchEvent(new Event('input'));",
    "one community": "var e=document.getElementById('kg-community'); e.value='0';"
                     "e.dispatchEvent(new Event('change'));",
    "all communities": "var e=document.getElementById('kg-community'); e.value='';"
                       "e.dispatchEvent(new Event('change'));",
    "hide isolated": "var e=document.getElementById('kg-isolated'); e.checked=true;"
                     "e.dispatchEvent(new Event('change'));",
}


def measure_page(chromium: str, page: Path, repeats: int) -> dict[str, object]:
    from cdp import Browser

    firsts, walls, filters = [], [], {name: [] for name in FILTERS}
    shown = {}
    for _ in range(repeats):
        browser = Browser(chromium, timeout=60)
        try:
            for domain in ("Runtime", "Log", "Page", "Network"):
                browser.send(f"{domain}.enable")
            t = time.perf_counter()
            browser.send("Page.navigate", url=page.as_uri())
            browser.wait_for("window.kgExplorer !== undefined && window.kgExplorer.firstDrawMs !== null",
                             timeout=120)
            walls.append(time.perf_counter() - t)
            firsts.append(browser.evaluate("window.kgExplorer.firstDrawMs") / 1000)
            for name, js in FILTERS.items():
                browser.evaluate("window.kgExplorer.lastFilterMs = null")
                browser.evaluate(f"(function(){{{js}}})()")
                browser.wait_for("window.kgExplorer.lastFilterMs !== null", timeout=60)
                filters[name].append(browser.evaluate("window.kgExplorer.lastFilterMs") / 1000)
                shown[name] = browser.evaluate("window.kgExplorer.network.body.nodeIndices.length")
            problems = browser.problems()
            outside = [u for u in browser.requests() if not u.startswith(("file:", "data:"))]
        finally:
            browser.close()
    return {"first": firsts, "wall": walls, "filters": filters, "shown": shown, "problems": problems,
            "requests": outside}


def run(nodes: int, chromium: str | None, repeats: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-explore-"))
    try:
        t = time.perf_counter()
        corpus = synthetic_corpus(nodes)
        with Store(tmp / "store") as store:
            for x in corpus:
                store.replace_graph(*release_graph(x))
            quads = store.triple_count()
        print(f"\n== ~{nodes} nodes: {len(corpus)} releases, {quads} quads "
              f"(built in {time.perf_counter() - t:.1f}s)")
        page = tmp / "explorer.html"
        t = time.perf_counter()
        with Store(tmp / "store", read_only=True) as store:
            n = render_explorer(store, page)
        size = page.stat().st_size / 1e6
        print(f"build explorer: {time.perf_counter() - t:.2f}s; {n} nodes; page {size:.2f} MB")
        if chromium is None:
            print("no chromium: browser timings skipped")
            return
        m = measure_page(chromium, page, repeats)
        med = statistics.median
        print(f"first complete draw (navigation start -> first afterDrawing): median {med(m['first']):.2f}s "
              f"of {', '.join(f'{x:.2f}' for x in m['first'])}; wall {med(m['wall']):.2f}s")
        for name, times in m["filters"].items():
            print(f"filter '{name}': median {med(times):.3f}s ({m['shown'][name]} nodes drawn)")
        print(f"console problems: {len(m['problems'])}; requests outside the page: {len(m['requests'])}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, action="append", help="sizes to measure (default 1000 and 10000)")
    ap.add_argument("--repeats", type=int, default=3, help="page openings per size")
    args = ap.parse_args()
    chromium = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                     if shutil.which(b)), None)
    for nodes in args.nodes or [1000, 10000]:
        run(nodes, chromium, args.repeats)


if __name__ == "__main__":
    main()
