"""`kg demo` (what `make demo` runs): rebuild the store from the bundled samples, write exports/, and
print a short summary. The store is rebuilt from scratch so that exports/ depends on samples/ alone."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TextIO


def _summary(store, out: TextIO, failed: int, top: int = 5) -> None:
    """Counts, top officials and who presided most: the head of `kg analyze`'s report."""
    from kg.analyze import analyze

    report = analyze(store, top=top)
    counts = ", ".join(f"{value} {metric}" for metric, value in report.section("summary").rows
                       if metric in {"releases", "persons", "bodies", "events", "initiatives"})
    print(f"\nkg demo: {counts}; {store.triple_count()} quads; {failed} release(s) failed", file=out)
    print("Top officials (co-attendance, by weighted degree):", file=out)
    for row in report.section("central").records():
        print(f"  {row['weighted_degree']:5.2f}  {row['person']}", file=out)
    print("Presided most:", file=out)
    for row in report.section("presiders").records():
        print(f"  {row['presided']:3d}  {row['person']}", file=out)


def run_demo(samples: Path, store_dir: Path, exports: Path, out: TextIO = sys.stdout) -> int:
    from kg.batch import Batch
    from kg.explore import render_explorer
    from kg.export.serialize import export_store
    from kg.store import Store

    if not samples.is_dir():
        print(f"kg demo: no samples folder at {samples}", file=sys.stderr)
        return 2
    if (samples / "data").is_dir():  # the samples' invented geography (places.tsv), see kg.resolve.aliases
        os.environ["KG_DATA_PATH"] = os.pathsep.join(
            p for p in (str(samples / "data"), os.environ.get("KG_DATA_PATH", "")) if p)
    if store_dir.exists():
        shutil.rmtree(store_dir)
    exports.mkdir(parents=True, exist_ok=True)
    batch = Batch([str(samples)], desc="demo", progress=True)
    with Store(store_dir) as store:
        batch.ingest(store)  # identity over the whole batch (kg/resolve/link.py), then each release stored
    errors = batch.errors
    with Store(store_dir, read_only=True) as store:
        export_store(store, exports / "kg.ttl", "turtle")
        export_store(store, exports / "kg.trig", "trig")
        render_explorer(store, exports / "explorer.html", focus=None, depth=2)
        _summary(store, out, len(errors))
    print(f"wrote {exports / 'kg.ttl'}, {exports / 'kg.trig'}, {exports / 'explorer.html'}", file=out)
    return 1 if errors else 0
