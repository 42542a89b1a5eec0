"""Regression gate: the English parser on the English releases of the development set, scored with the
project's scorer (../shared/eval/score.py). Skipped where ../shared is absent."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "eval" / "score.py"

# reached when the gate was set: micro-F1 0.935, every slot F1 >= 0.83; keep a small margin
MIN_MICRO_F1 = 0.91
MIN_SLOT_F1 = 0.80
MIN_PRECISION = {"persons": 0.95, "posts": 0.95, "presided": 0.95, "attended": 0.95}
SEED = "en-changchun-20210907-fawc2"

pytestmark = pytest.mark.corpus


def _scorer():
    spec = importlib.util.spec_from_file_location("kg_corpus_score_en", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scored():
    if not CORPUS.is_dir() or not SCORER.is_file():
        pytest.skip(f"development corpus not found at {CORPUS} (or scorer at {SCORER})")
    from kg.extract import extract
    from kg.read import load_release

    sc = _scorer()
    golds = sorted(CORPUS.glob("en-*.gold.json"))
    if not golds:
        pytest.skip(f"no English answer keys (en-*.gold.json) in {CORPUS}")
    totals = {s: [0, 0, 0] for s in sc.SLOTS}
    per_file: dict[str, list[int]] = {}
    slowest = 0.0
    for g in golds:
        name = g.name[: -len(".gold.json")]
        gold = json.loads(g.read_text(encoding="utf-8"))
        release = load_release(g.with_name(name + ".txt"))
        extract(release)  # warm the data-file caches
        t = time.perf_counter()
        pred = extract(release).to_json()
        slowest = max(slowest, time.perf_counter() - t)
        gi, pi = sc.gold_items(gold), sc.pred_items(pred)
        f = per_file.setdefault(name, [0, 0, 0])
        for s in sc.SLOTS:
            tp, fps, fns = sc.match(pi[s], gi[s])
            for acc in (totals[s], f):
                acc[0] += tp
                acc[1] += len(fps)
                acc[2] += len(fns)
    return sc, totals, per_file, slowest


def test_micro_f1(scored) -> None:
    sc, totals, _pf, _t = scored
    tp = sum(v[0] for v in totals.values())
    fp = sum(v[1] for v in totals.values())
    fn = sum(v[2] for v in totals.values())
    assert sc.prf(tp, fp, fn)[2] >= MIN_MICRO_F1


def test_every_slot(scored) -> None:
    sc, totals, _pf, _t = scored
    for slot in sc.SLOTS:
        assert sc.prf(*totals[slot])[2] >= MIN_SLOT_F1, slot


def test_precision_of_people_slots(scored) -> None:
    sc, totals, _pf, _t = scored
    for slot, floor in MIN_PRECISION.items():
        assert sc.prf(*totals[slot])[0] >= floor, slot


def test_seed_release_is_perfect(scored) -> None:
    sc, _totals, per_file, _t = scored
    if SEED not in per_file:
        pytest.skip(f"{SEED} not in the corpus")
    assert sc.prf(*per_file[SEED])[2] == 1.0


def test_speed(scored) -> None:
    _sc, _totals, _pf, slowest = scored
    assert slowest < 0.05
