"""Regression gate: each parser on its language's releases of the development set, scored with the
project's scorer (../shared/eval/score.py, imported so that the numbers are the scorer's own).
Skipped where ../shared is absent. Speed is measured by benchmarks/bench_extract.py, not here."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from types import ModuleType

import pytest
from conftest import CORPUS, SCORER

from kg.extract import extract
from kg.read import load_release

pytestmark = pytest.mark.corpus


@dataclass(frozen=True)
class Gate:
    """Floors set a little under what the parser reached when the gate was last raised."""

    micro_f1: float
    slot_f1: float
    precision: dict[str, float] = field(default_factory=dict)
    perfect: tuple[str, ...] = ()  # releases that must score 1.000


# Reset to the scores measured on the enlarged development set (91 releases, 2026-12-04):
# en micro 0.898, zh 0.825; raise them as extraction improves.
GATES = {
    # en raised after issue 7's English generalization round (measured micro 0.930, P 0.957 R 0.904;
    # bodies the weakest slot at 0.874; precision persons 0.993, posts 0.973, presided 1.000, attended 0.995);
    # second round (one-word and listed minority names, officers' meetings, hosts): measured 0.932
    "en": Gate(
        micro_f1=0.928,
        slot_f1=0.86,
        precision={"persons": 0.98, "posts": 0.965, "presided": 0.98, "attended": 0.98},
        perfect=("en-changchun-20210907-fawc2",),
    ),
    # zh raised after issue 7's second Chinese round (measured micro 0.882, P 0.970 R 0.809; event_dates
    # the weakest slot at 0.744; precision persons 0.991, posts 0.986, presided 1.000, attended 0.993)
    "zh": Gate(
        micro_f1=0.88,
        slot_f1=0.74,
        precision={"persons": 0.98, "posts": 0.98, "presided": 0.98, "attended": 0.98},
    ),
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_dev_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module", params=sorted(GATES))
def scored(request: pytest.FixtureRequest) -> tuple[ModuleType, str, dict, dict]:
    """(scorer, language, per-slot [tp, fp, fn] totals, per-release totals)."""
    lang = request.param
    if not CORPUS.is_dir() or not SCORER.is_file():
        pytest.skip(f"development corpus not found at {CORPUS} (or scorer at {SCORER})")
    golds = sorted(CORPUS.glob(f"{lang}-*.gold.json"))
    if not golds:
        pytest.skip(f"no {lang}-*.gold.json answer keys in {CORPUS}")
    sc = _scorer()
    totals = {s: [0, 0, 0] for s in sc.SLOTS}
    per_file: dict[str, list[int]] = {}
    for g in golds:
        name = g.name[: -len(".gold.json")]
        gold = json.loads(g.read_text(encoding="utf-8"))
        pred = extract(load_release(g.with_name(name + ".txt"))).to_json()
        gi, pi = sc.gold_items(gold), sc.pred_items(pred)
        mine = per_file.setdefault(name, [0, 0, 0])
        for s in sc.SLOTS:
            tp, fps, fns = sc.match(pi[s], gi[s])
            for acc in (totals[s], mine):
                acc[0] += tp
                acc[1] += len(fps)
                acc[2] += len(fns)
    return sc, lang, totals, per_file


def test_micro_f1(scored) -> None:
    sc, lang, totals, _ = scored
    p, r, f = sc.prf(*(sum(v[i] for v in totals.values()) for i in range(3)))
    assert f >= GATES[lang].micro_f1, f"{lang} micro P {p:.3f} R {r:.3f} F1 {f:.3f}"


def test_every_slot_and_the_precision_of_people(scored) -> None:
    sc, lang, totals, _ = scored
    gate = GATES[lang]
    for slot, counts in totals.items():
        p, r, f = sc.prf(*counts)
        assert f >= gate.slot_f1, f"{lang} {slot}: P {p:.3f} R {r:.3f} F1 {f:.3f}"
        assert p >= gate.precision.get(slot, 0.0), f"{lang} {slot}: precision {p:.3f}"


def test_seed_releases_are_perfect(scored) -> None:
    sc, lang, _, per_file = scored
    for name in GATES[lang].perfect:
        assert name in per_file, f"{name} is missing from the corpus"
        assert sc.prf(*per_file[name])[2] == 1.0, name
