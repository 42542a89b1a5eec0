"""Calendar dates as page furniture writes them: 2021-09-07, 2018/08/08, 2019年12月23日,
September 26, 2021, Oct. 15, 2020, 29-Oct-2022, 26 September 2021 (with or without a time)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_TIME = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)"
TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")

_PATTERNS = [
    re.compile(rf"(?<!\d){_YEAR}\s*(?P<sep>[-/.])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<d>\d{{1,2}})(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日?"),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*{_YEAR}\b", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[- ]\s*{_MONTH}\s*[- ,]\s*{_YEAR}\b", re.I),
]


@dataclass(frozen=True)
class DateToken:
    start: int
    end: int  # after any time of day that follows the date
    iso: str


def _iso(y: str, m: int, d: str) -> str | None:
    try:
        return _dt.date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def find_dates(line: str) -> list[DateToken]:
    """Every full date (year, month and day) in ``line``, in order, without overlaps."""
    found: list[DateToken] = []
    for pat in _PATTERNS:
        for m in pat.finditer(line):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"].lower()[:3]]
            iso = _iso(g["y"], month, g["d"])
            if iso is None or any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            end = m.end()
            if tm := re.match(_TIME, line[end:], re.I):
                end += tm.end()
            found.append(DateToken(m.start(), end, iso))
    return sorted(found, key=lambda t: t.start)
