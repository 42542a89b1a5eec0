"""`kg evaluate --gold DIR`: score the product's own extraction against hand-made answer keys.

DIR holds NAME.gold.json answer keys beside their releases (NAME.txt, NAME.html/.htm, or a line of a
.jsonl file whose "id" is NAME). Each release is read with kg.read and extracted in-process with
kg.extract.extract; the report (per-slot precision/recall/F1, per language, lowest-F1 releases, last
line `micro-F1 X.XXX`) is the one the reference scorer prints, with the same matching rules
(kg/evaluate_match.py).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from kg.evaluate_match import SLOTS, gold_items, match, pred_items, prf

GOLD_SUFFIX = ".gold.json"
RELEASE_SUFFIXES = (".txt", ".html", ".htm")
WORST = 8


@dataclass
class Totals:
    slots: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0, 0] for s in SLOTS})
    languages: dict[str, list[int]] = field(default_factory=dict)
    per_release: list[tuple[float, str]] = field(default_factory=list)
    explained: list[str] = field(default_factory=list)


def load_golds(gold_dir: Path) -> dict[str, dict[str, Any]]:
    golds = {}
    for f in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
        golds[f.name[: -len(GOLD_SUFFIX)]] = json.loads(f.read_text(encoding="utf-8"))
    return golds


def _release_sources(gold_dir: Path, names: list[str]) -> dict[str, list[Path]]:
    """Where each NAME's release is: its own file, else the .jsonl files of the folder."""
    jsonl = sorted(gold_dir.glob("*.jsonl"))
    out: dict[str, list[Path]] = {}
    for name in names:
        own = [gold_dir / f"{name}{suffix}" for suffix in RELEASE_SUFFIXES]
        out[name] = [p for p in own if p.is_file()][:1] or jsonl
    return out


def predict(gold_dir: Path, names: list[str], err: TextIO) -> dict[str, dict[str, Any]]:
    """Read and extract the release of every NAME; what cannot be read or extracted is reported on
    ``err`` and left without a prediction."""
    from kg.extract import extract
    from kg.read import ReadError, iter_releases

    preds: dict[str, dict[str, Any]] = {}
    wanted = set(names)
    seen: set[Path] = set()
    for paths in _release_sources(gold_dir, names).values():
        todo = [p for p in paths if p not in seen]
        seen.update(todo)
        for item in iter_releases(todo):
            if isinstance(item, ReadError):
                print(f"kg: skipped {item}", file=err)
                continue
            if item.id not in wanted or item.id in preds:
                continue
            try:
                preds[item.id] = extract(item).to_json()
            except Exception as e:  # noqa: BLE001 - one failing release must not stop the evaluation
                where = item.path or item.id
                print(f"kg: skipped {where}: extraction failed: {type(e).__name__}: {e}", file=err)
    return preds


def score(golds: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]],
          explain: str | None = None) -> Totals:
    t = Totals()
    for name, g in golds.items():
        gi, pi = gold_items(g), pred_items(preds.get(name, {}))
        ftp = ffp = ffn = 0
        for s in SLOTS:
            tp, fps, fns = match(pi[s], gi[s])
            t.slots[s][0] += tp
            t.slots[s][1] += len(fps)
            t.slots[s][2] += len(fns)
            ftp, ffp, ffn = ftp + tp, ffp + len(fps), ffn + len(fns)
            if explain == name and (fps or fns):
                t.explained.append(f"[{s}]")
                t.explained += ["  missed   " + " | ".join(a[0] if a else "" for a in x) for x in fns]
                t.explained += ["  spurious " + " | ".join(x) for x in fps]
        lang = t.languages.setdefault(g.get("language", "?"), [0, 0, 0])
        for i, v in enumerate((ftp, ffp, ffn)):
            lang[i] += v
        t.per_release.append((prf(ftp, ffp, ffn)[2], name))
    return t


def micro(t: Totals) -> tuple[float, float, float]:
    return prf(*(sum(v[i] for v in t.slots.values()) for i in range(3)))


def summary(t: Totals, golds: dict, missing: list[str]) -> dict[str, Any]:
    keys = ("precision", "recall", "f1")
    return {
        "releases": len(golds), "missing_predictions": missing,
        "slots": {s: dict(zip(keys, prf(*t.slots[s]), strict=True))
                  | {"tp": t.slots[s][0], "fp": t.slots[s][1], "fn": t.slots[s][2]} for s in SLOTS},
        "languages": {k: dict(zip(keys, prf(*v), strict=True)) for k, v in t.languages.items()},
        "micro": dict(zip(keys, micro(t), strict=True)),
    }


def report(t: Totals, golds: dict, missing: list[str]) -> list[str]:
    lines = [f"{len(golds)} releases, {len(missing)} without a prediction",
             f"{'slot':14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for s in SLOTS:
        p, r, f = prf(*t.slots[s])
        tp, fp, fn = t.slots[s]
        lines.append(f"{s:14} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}")
    for lang, v in sorted(t.languages.items()):
        p, r, f = prf(*v)
        lines.append(f"language {lang:5} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    lines.append("lowest F1: " + ", ".join(f"{n} {f:.2f}" for f, n in sorted(t.per_release)[:WORST]))
    return lines


def evaluate_dir(gold: Path, explain: str | None = None, as_json: bool = False,
                 out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Print the evaluation of the releases under ``gold``; 0 when it ran (whatever the scores)."""
    if not gold.is_dir():
        print(f"kg evaluate: {gold} is not a folder of NAME.gold.json answer keys", file=err)
        return 2
    golds = load_golds(gold)
    if not golds:
        print(f"kg evaluate: no *{GOLD_SUFFIX} answer keys in {gold}", file=err)
        return 2
    if explain is not None and explain not in golds:
        print(f"kg evaluate: no answer key {explain}{GOLD_SUFFIX} in {gold}", file=err)
        return 2
    preds = predict(gold, sorted(golds), err)
    missing = [k for k in golds if k not in preds]
    t = score(golds, preds, explain)
    if as_json:
        print(json.dumps(summary(t, golds, missing), indent=2, ensure_ascii=False), file=out)
    elif explain:
        print("\n".join(t.explained) if t.explained else f"{explain}: nothing missed, nothing spurious",
              file=out)
    else:
        print("\n".join(report(t, golds, missing)), file=out)
    print(f"micro-F1 {micro(t)[2]:.3f}", file=out)
    return 0
