"""Page furniture: the publication date, title, source and url that a captured page states."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


@dataclass
class Furniture:
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


_DATE_PATTERNS = [
    # 时间:2021-09-07  Date: 2025-05-01  Updated : 2018-12-06  Release time: 2020/01/06  发布时间：2019年12月23日
    re.compile(r"(?:时间|日期|发布|Date|date|Updated|Release time|Published|Time)\s*[:：]?\s*"
               r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"),
    re.compile(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b", re.M),
]
_SOURCE = re.compile(r"(?:来源|Source)\s*[:：]\s*([^\n【|]{1,80})")
_URL = re.compile(r"https?://[^\s\"'<>]+")


def _valid(y: str, m: str, d: str) -> str | None:
    yi, mi, di = int(y), int(m), int(d)
    if 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return None


def read_furniture(text: str) -> Furniture:
    head = text[:1500]
    f = Furniture()
    for pat in _DATE_PATTERNS:
        m = pat.search(head)
        if m and (d := _valid(*m.groups())):
            f.published = d
            break
    if m := _SOURCE.search(head):
        f.source = m.group(1).strip() or None
    if m := _URL.search(head):
        f.url = m.group(0)
    for line in text.splitlines():
        line = line.strip()
        if len(line) >= 8:
            f.title = line[:300]
            break
    return f
