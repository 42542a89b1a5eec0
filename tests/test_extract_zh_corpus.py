"""Regression gate: the Chinese parser on the Chinese releases of the development set, scored with the
project's scorer (../shared/eval/score.py).  Skipped where ../shared is absent."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"

# what this parser reached when the gate was set (micro-F1 0.976 with the system python3); keep a margin
MIN_MICRO_F1 = 0.95
MIN_PRECISION = {"persons": 0.95, "posts": 0.95, "presided": 0.95, "attended": 0.95}
MIN_SLOT_F1 = 0.85

pytestmark = pytest.mark.corpus


def _scorer():
    spec = importlib.util.spec_from_file_location("kg_corpus_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scored():
    if not CORPUS.is_dir() or not SCORER.is_file():
        pytest.skip(f"development corpus not found at {CORPUS} (or scorer at {SCORER})")
    import json

    from kg.extract import extract
    from kg.read import load_release

    sc = _scorer()
    golds = sorted(CORPUS.glob("zh-*.gold.json"))
    if not golds:
        pytest.skip(f"no Chinese answer keys (zh-*.gold.json) in {CORPUS}")
    totals = {s: [0, 0, 0] for s in sc.SLOTS}
    slowest = 0.0
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        release = load_release(g.with_name(g.name[: -len(".gold.json")] + ".txt"))
        extract(release)  # warm caches (dictionaries load once per process)
        t = time.perf_counter()
        pred = extract(release).to_json()
        slowest = max(slowest, time.perf_counter() - t)
        gi, pi = sc.gold_items(gold), sc.pred_items(pred)
        for s in sc.SLOTS:
            tp, fps, fns = sc.match(pi[s], gi[s])
            totals[s][0] += tp
            totals[s][1] += len(fps)
            totals[s][2] += len(fns)
    return sc, totals, slowest


def test_micro_f1(scored):
    sc, totals, _ = scored
    tp = sum(v[0] for v in totals.values())
    fp = sum(v[1] for v in totals.values())
    fn = sum(v[2] for v in totals.values())
    p, r, f = sc.prf(tp, fp, fn)
    assert f >= MIN_MICRO_F1, f"micro P {p:.3f} R {r:.3f} F1 {f:.3f}"


def test_every_slot_and_precision_of_people(scored):
    sc, totals, _ = scored
    for slot, (tp, fp, fn) in totals.items():
        p, r, f = sc.prf(tp, fp, fn)
        assert f >= MIN_SLOT_F1, f"{slot}: P {p:.3f} R {r:.3f} F1 {f:.3f}"
        if slot in MIN_PRECISION:
            assert p >= MIN_PRECISION[slot], f"{slot}: precision {p:.3f}"


def test_no_release_takes_more_than_50ms(scored):
    assert scored[2] < 0.05
