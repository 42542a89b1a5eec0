"""Sentence and line boundaries for English release text, and page-furniture lines to skip."""

from __future__ import annotations

import re

_ABBREV = re.compile(
    r"(?:\b(?:Lt|Mr|Mrs|Ms|Dr|Hon|No|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gov|Sen|Rep|"
    r"Prof|Gen|Co|Inc|Ltd|vs|etc|H\.E|U\.S|T\.H)|_Ltd|\b[A-Z])$"
)
_END = re.compile(r"[.!?。](?=[\s\"”’)\]]*(?:\s|$)|[A-Z])|\n|[.!?]$")
FURNITURE = re.compile(
    r"^\s*(?:Date\s*:|Source\s*:|Updated\s*:?|Release time|Published\s*:|From\s*:|时间|来源|【|〖|Home\b|>|"
    r"Print|Close|Share|Search|Copyright|All rights|Presented by|Editor|Author|fontSize|Eyesight|"
    r"Current Position|"
    r"Suggest to a friend|The next article|\(Web editor|\d{4}-\d{2}-\d{2}\s*\d{0,2}:?\d{0,2}:?\d{0,2}\s*$)",
    re.I,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break or ';' also ends one."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0) == "." and _ABBREV.search(text[max(0, m.start() - 5) : m.start()]):
            continue
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def is_furniture(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(FURNITURE.match(text[line_start:end]))
