"""Headline summaries such as "周某主持 欧阳某宋某出席": names run together before a verb.  Only
persons the body already names are read out of them (the run is split on known names), so a
headline can give a known person a role, never a new, unchecked person."""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"([\u4e00-\u9fff·]{2,24}?)(主持|出席|参加|列席)(?=\s|$)")
_KIND = {"主持": "presided", "出席": "attended", "参加": "attended", "列席": "attended"}


def _split(run: str, known: list[str]) -> list[str] | None:
    out: list[str] = []
    i = 0
    while i < len(run):
        hit = next((k for k in known if run.startswith(k, i)), None)
        if hit is None:
            return None
        out.append(hit)
        i += len(hit)
    return out


def headline_roles(s: str, known: list[str]) -> list[tuple[str, str, tuple[int, int]]]:
    """(simplified name, 'presided'|'attended', view span) from short summary lines of s."""
    known = sorted(set(known), key=len, reverse=True)
    out = []
    pos = 0
    for line in s.split("\n"):
        if 4 <= len(line.strip()) <= 40 and not re.search(r"[，,。；]", line):
            for m in _SEGMENT.finditer(line):
                names = _split(m.group(1), known)
                if not names:
                    continue
                k = pos + m.start(1)
                for n in names:
                    out.append((n, _KIND[m.group(2)], (k, k + len(n))))
                    k += len(n)
        pos += len(line) + 1
    return out
