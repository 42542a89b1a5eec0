"""The matching rules of `kg evaluate`: how a predicted item is compared with an answer-key item.

The same rules as the project's reference scorer (ANNOTATION GUIDELINES, "the gold file"):
  - values are compared after normalization (NFKC, quotes dropped, Latin lower-cased, "Communist
    Party of China" -> "cpc", punctuation and leading/inner "the" dropped; Chinese: spaces dropped
    and traditional characters turned simplified);
  - a gold value may be a list of acceptable alternatives;
  - Latin values also match when their word multisets are equal (stop words aside), or when one
    word of 5+ letters is misspelt by one character; "CPC" and "CPPCC" never match.
Slots: persons, posts (person, role, body), presided, attended, bodies, initiatives, event dates,
event bodies and endorsements (event body, initiative).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any

SLOTS = ["persons", "posts", "presided", "attended", "bodies", "initiatives",
         "event_dates", "event_bodies", "endorsements"]

_QUOTES = "\"'`“”‘’「」『』《》〈〉«»"
_CJK = re.compile(r"[\u3400-\u9fff]")
_STOP = {"of", "the", "and", "s", "for", "in", "on"}

GoldItem = tuple[list[str], ...]  # one list of normalized alternatives per field
PredItem = tuple[str, ...]


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # noqa: BLE001 - no converter: compare characters as written
        return lambda s: s


def norm(text: Any) -> str:
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).strip()
    s = s.translate({ord(c): None for c in _QUOTES})
    if _CJK.search(s):
        return _t2s()(re.sub(r"\s+", "", s))
    s = s.lower()
    s = s.replace("communist party of china", "cpc").replace("chinese communist party", "cpc")
    s = re.sub(r"[-‐–—/]", " ", s)
    s = re.sub(r"[.,;:()\[\]!?]", " ", s)
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    s = re.sub(r"\s+the\s+", " ", f" {s} ").strip()
    return re.sub(r"\s+", " ", s)


def alts(value: Any) -> list[str]:
    """A gold value: one string or a list of acceptable alternatives, normalized."""
    if value is None:
        return []
    vals = value if isinstance(value, list) else [value]
    return [n for n in (norm(v) for v in vals) if n]


def _tokens(s: str) -> list[str]:
    return [t for t in s.replace("'s", "").split() if t not in _STOP]


def edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]


def same(pred: str, gold_alts: list[str]) -> bool:
    """Does the normalized prediction match one of the normalized gold alternatives?"""
    if not pred:
        return False
    for g in gold_alts:
        if pred == g:
            return True
        if _CJK.search(pred) or _CJK.search(g):
            continue
        pt, gt = _tokens(pred), _tokens(g)
        if sorted(pt) == sorted(gt):
            return True
        if len(pt) == len(gt) and pt:
            diff = [(a, b) for a, b in zip(pt, gt, strict=True) if a != b]
            if len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 5 and edit1(*diff[0]):
                return True
    return False


def _names(lst: Any) -> list[Any]:
    return [p if not isinstance(p, dict) else p.get("name") for p in (lst or [])]


def _named(x: Any) -> Any:
    return x.get("name") if isinstance(x, dict) else x


def _dedupe(items: list) -> list:
    seen: set[str] = set()
    out = []
    for x in items:
        key = json.dumps(x, ensure_ascii=False)
        if key not in seen and all(x):
            seen.add(key)
            out.append(x)
    return out


def gold_items(g: dict) -> dict[str, list[GoldItem]]:
    """The answer key's items per slot; each item is a tuple of alternative-lists."""
    it: dict[str, list] = {s: [] for s in SLOTS}
    for p in g.get("persons", []) or []:
        it["persons"].append((alts(p.get("name")),))
        for post in p.get("posts", []) or []:
            it["posts"].append((alts(p.get("name")), alts(post.get("role")), alts(post.get("body"))))
    it["bodies"] = [(alts(b),) for b in g.get("bodies", []) or []]
    it["initiatives"] = [(alts(i),) for i in g.get("initiatives", []) or []]
    for ev in g.get("events", []) or []:
        it["presided"] += [(alts(n),) for n in _names(ev.get("presided_by"))]
        it["attended"] += [(alts(n),) for n in _names(ev.get("attended_by"))]
        if ev.get("date"):
            it["event_dates"].append(([str(ev["date"])],))
        if ev.get("body"):
            it["event_bodies"].append((alts(ev["body"]),))
            it["endorsements"] += [(alts(ev["body"]), alts(i)) for i in ev.get("initiatives", []) or []]
    return {k: _dedupe(v) for k, v in it.items()}


def pred_items(p: dict) -> dict[str, list[PredItem]]:
    """A prediction's items per slot; each item is a tuple of single normalized strings."""
    it: dict[str, list] = {s: [] for s in SLOTS}
    for person in p.get("persons", []) or []:
        name = _named(person)
        it["persons"].append((norm(name),))
        for post in (person.get("posts", []) if isinstance(person, dict) else []) or []:
            it["posts"].append((norm(name), norm(post.get("role")), norm(post.get("body"))))
    it["bodies"] = [(norm(_named(b)),) for b in p.get("bodies", []) or []]
    it["initiatives"] = [(norm(_named(i)),) for i in p.get("initiatives", []) or []]
    for ev in p.get("events", []) or []:
        it["presided"] += [(norm(n),) for n in _names(ev.get("presided_by"))]
        it["attended"] += [(norm(n),) for n in _names(ev.get("attended_by"))]
        if ev.get("date"):
            it["event_dates"].append((str(ev["date"]),))
        if ev.get("body"):
            it["event_bodies"].append((norm(ev["body"]),))
            it["endorsements"] += [(norm(ev["body"]), norm(i)) for i in ev.get("initiatives", []) or []]
    return {k: _dedupe(v) for k, v in it.items()}


def match(preds: list[PredItem], golds: list[GoldItem]) -> tuple[int, list[PredItem], list[GoldItem]]:
    """Greedy one-to-one matching in prediction order: (true positives, spurious, missed)."""
    used = [False] * len(golds)
    fps = []
    for pr in preds:
        for i, gd in enumerate(golds):
            if not used[i] and all(same(a, b) for a, b in zip(pr, gd, strict=False)):
                used[i] = True
                break
        else:
            fps.append(pr)
    fns = [gd for i, gd in enumerate(golds) if not used[i]]
    return len(golds) - len(fns), fps, fns


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
