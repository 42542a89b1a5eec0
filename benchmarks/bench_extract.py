"""Per-release extraction time of the English and Chinese parsers over ../shared/corpus, and extraction
time against input length on generated hostile shapes.

    .venv/bin/python benchmarks/bench_extract.py [--lang en,zh] [--repeat 5]
    .venv/bin/python benchmarks/bench_extract.py --hostile [--shapes caps,zh_list] [--max-bytes 1000000]

Corpus: median / max milliseconds per release, and the same against a baseline measured in the same
run on the same texts (plain ``str.split`` tokenizing), as a ratio. Skips cleanly when ../shared is absent.

--hostile: for each shape of tests/hostile.py (repeated capitalised words, title chains, name lists, one
long line, Chinese title chains and 、-lists ...) at 1 kB, 4 kB, ... up to --max-bytes, the CPU seconds
of one extraction, microseconds per kB, and the growth exponent between consecutive sizes (time ratio
over size ratio on a log scale: 1.0 is linear, 2.0 quadratic). A size that takes longer than --cap
seconds is cut off there (with the extraction budget) and the larger sizes of that shape are skipped.
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
    ap.add_argument("--hostile", action="store_true", help="time generated hostile shapes against length")
    ap.add_argument("--shapes", help="hostile shapes to run, comma-separated (default: all)")
    ap.add_argument("--max-bytes", type=int, default=1_000_000, help="largest hostile input (default 1 MB)")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds after which a hostile size is cut off")
    args = ap.parse_args()
    if args.hostile:
        return bench_hostile(args.shapes, args.max_bytes, args.cap)
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


def bench_hostile(shapes: str | None, max_bytes: int, cap: float) -> int:
    import math

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from hostile import SHAPES, sized

    from kg.extract import extract
    from kg.extract.budget import BudgetExceeded, time_budget
    from kg.model import Release

    extract(Release(id="warm-en", text="Liu Bo met Chen Hai.\n"))
    extract(Release(id="warm-zh", text="刘波会见了陈海。\n"))
    sizes = []
    n = 1000
    while n <= max_bytes:
        sizes.append(n)
        n *= 4
    if sizes[-1] != max_bytes and max_bytes > 1000:
        sizes.append(max_bytes)
    names = shapes.split(",") if shapes else list(SHAPES)
    print(f"{'shape':<16}{'bytes':>10}{'seconds':>10}{'us/kB':>10}{'exponent':>10}")
    for name in names:
        prev: tuple[int, float] | None = None
        for size in sizes:
            text = sized(name, size)
            nbytes = len(text.encode("utf-8"))
            t = time.process_time()
            try:
                with time_budget(cap):
                    extract(Release(id=f"hostile-{name}", text=text))
            except BudgetExceeded:
                print(f"{name:<16}{nbytes:>10}{'>' + format(cap, 'g'):>10}{'':>10}{'':>10}  (cut off)")
                break
            dt = time.process_time() - t
            exp = ""
            if prev and prev[1] > 0.005 and dt > 0:
                exp = f"{math.log(dt / prev[1]) / math.log(nbytes / prev[0]):.2f}"
            print(f"{name:<16}{nbytes:>10}{dt:>10.3f}{dt / nbytes * 1e9:>10.0f}{exp:>10}", flush=True)
            prev = (nbytes, dt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
