"""Per-release extraction time of the English and Chinese parsers over ../shared/corpus.

    .venv/bin/python benchmarks/bench_extract.py [--lang en,zh] [--repeat 5]

Reports median / max milliseconds per release, and the same against a baseline measured in the same
run on the same texts (plain ``str.split`` tokenizing), as a ratio. Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="en,zh", help="language prefixes of the corpus files, comma-separated")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per release (the median is kept)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    for lang in args.lang.split(","):
        bench(args.corpus, lang.strip(), args.repeat)
    return 0


def bench(corpus: Path, lang: str, repeat: int) -> None:
    from kg.extract import extract
    from kg.read import load_release

    files = sorted(corpus.glob(f"{lang}-*.txt"))
    if not files:
        print(f"skipped: no {lang}-*.txt releases in {corpus}")
        return
    releases = [load_release(f) for f in files]
    for r in releases:
        extract(r)  # warm the data-file caches once
    times: list[tuple[float, str]] = []
    base: list[float] = []
    for r in releases:
        runs, bruns = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            extract(r)
            runs.append(time.perf_counter() - t)
            t = time.perf_counter()
            r.text.split()
            bruns.append(time.perf_counter() - t)
        times.append((statistics.median(runs) * 1000, r.id))
        base.append(statistics.median(bruns) * 1000)
    ms = [t for t, _ in times]
    med, mx = statistics.median(ms), max(ms)
    bmed = statistics.median(base)
    slowest = max(times)[1]
    print(f"{len(releases)} {lang} releases, {repeat} runs each")
    print(f"extract   median {med:8.2f} ms   max {mx:8.2f} ms  (slowest: {slowest})")
    print(
        f"str.split median {bmed:8.4f} ms   "
        f"ratio extract/split (median) {med / bmed if bmed else float('inf'):,.0f}x"
    )


if __name__ == "__main__":
    sys.exit(main())
