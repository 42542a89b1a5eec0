"""Generalization check: score one language's development releases in two halves split by source site.

    .venv/bin/python benchmarks/split_halves.py [--lang en] [--corpus ../shared/corpus] [--list]

A release ``<lang>-<site>-<date>-<slug>`` belongs to its site (the second dash-separated token of the
file name). The distinct sites, sorted, are dealt alternately to half A (1st, 3rd, ...) and half B
(2nd, 4th, ...): deterministic, and all releases of one site land in the same half. Tune by looking at
misses of half A only; half B measures how well the rules carry over to sites not looked at.

Each half is scored with the project's scorer (../shared/eval/score.py, imported so that the numbers
are the scorer's own). ``--list`` prints the releases of each half. Skips cleanly when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[2] / "shared"


def site(name: str) -> str:
    """The source site of a release name ``lang-site-date-slug``."""
    parts = name.split("-")
    return parts[1] if len(parts) > 1 else ""


def halves(names: list[str]) -> tuple[list[str], list[str]]:
    """Split release names into halves A and B by alternating over the sorted distinct sites."""
    sites = sorted({site(n) for n in names})
    in_a = {s for i, s in enumerate(sites) if i % 2 == 0}
    a = sorted(n for n in names if site(n) in in_a)
    b = sorted(n for n in names if site(n) not in in_a)
    return a, b


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_dev_scorer", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(sc: ModuleType, corpus: Path, names: list[str]) -> dict[str, list[int]]:
    """Per-slot [tp, fp, fn] totals of the parser over the given releases."""
    from kg.extract import extract
    from kg.read import load_release

    totals = {s: [0, 0, 0] for s in sc.SLOTS}
    for name in names:
        gold = json.loads((corpus / f"{name}.gold.json").read_text(encoding="utf-8"))
        pred = extract(load_release(corpus / f"{name}.txt")).to_json()
        gi, pi = sc.gold_items(gold), sc.pred_items(pred)
        for s in sc.SLOTS:
            tp, fps, fns = sc.match(pi[s], gi[s])
            totals[s][0] += tp
            totals[s][1] += len(fps)
            totals[s][2] += len(fns)
    return totals


def report(sc: ModuleType, label: str, names: list[str], totals: dict[str, list[int]]) -> float:
    print(f"half {label}: {len(names)} releases, {len({site(n) for n in names})} sites")
    print(f"  {'slot':<14}{'P':>7}{'R':>7}{'F1':>7}")
    for s, counts in totals.items():
        p, r, f = sc.prf(*counts)
        print(f"  {s:<14}{p:7.3f}{r:7.3f}{f:7.3f}")
    p, r, f = sc.prf(*(sum(v[i] for v in totals.values()) for i in range(3)))
    print(f"  micro         {p:7.3f}{r:7.3f}{f:7.3f}")
    return f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--list", action="store_true", help="print the releases of each half")
    args = ap.parse_args()
    if not args.corpus.is_dir() or not args.scorer.is_file():
        print(f"skipped: corpus or scorer not found ({args.corpus}, {args.scorer})")
        return 0
    names = sorted(p.name[: -len(".gold.json")] for p in args.corpus.glob(f"{args.lang}-*.gold.json"))
    a, b = halves(names)
    if args.list:
        for label, half in (("A", a), ("B", b)):
            print(f"half {label}:")
            for n in half:
                print(f"  {n}")
        return 0
    sc = _scorer(args.scorer)
    fa = report(sc, "A (tuned)", a, score(sc, args.corpus, a))
    fb = report(sc, "B (not looked at)", b, score(sc, args.corpus, b))
    print(f"micro-F1 A {fa:.3f}  B {fb:.3f}  gap {fa - fb:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
