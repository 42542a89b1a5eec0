"""Dates in English releases: "on September 2, 2021", "Oct. 15, 2020", "On the morning of December 28",
"January 20th", "on Friday", "yesterday" -> YYYY-MM-DD, resolved against a reference date."""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_MONTH_RE = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
DATE_RE = re.compile(
    rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s*(\d{{4}}))?(?!\d)"
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE}(?:\s*,?\s*(\d{{4}}))?"
    r"|\b(\d{4})-(\d{1,2})-(\d{1,2})\b"
    r"|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b([Yy]esterday)\b|\b([Tt]oday)\b"
)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or _ABBR.get(w, 0)


def parse_ref(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(m: re.Match[str], ref: date | None) -> date | None:
    """The date a DATE_RE match stands for; month/day without a year takes the year that puts the
    date on or before the reference date (a release reports what already happened)."""
    g = m.groups()
    try:
        if g[0]:
            month, day, year = _month(g[0]), int(g[1]), int(g[2]) if g[2] else None
        elif g[4]:
            month, day, year = _month(g[4]), int(g[3]), int(g[5]) if g[5] else None
        elif g[6]:
            return date(int(g[6]), int(g[7]), int(g[8]))
        elif g[9]:
            if not ref:
                return None
            back = (ref.weekday() - WEEKDAYS[g[9].lower()]) % 7
            return ref - timedelta(days=back)
        elif g[10]:
            return ref - timedelta(days=1) if ref else None
        elif g[11]:
            return ref
        else:
            return None
        if not month:
            return None
        if year is None:
            if not ref:
                return None
            year = ref.year
            if date(year, month, day) > ref + timedelta(days=1):
                year -= 1
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, ref: date | None) -> list[tuple[int, int, date]]:
    out = []
    for m in DATE_RE.finditer(text):
        d = resolve(m, ref)
        if d:
            out.append((m.start(), m.end(), d))
    return out
