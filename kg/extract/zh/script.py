"""A simplified-character view of a release's text that maps back to the original characters.

Matching runs on ``View.s`` (traditional converted to simplified, pinyin glosses such as ``長(cháng)``
and runs of spaces dropped); everything reported is cut from the original text through ``View.pos``,
so names, roles and bodies keep the script the release uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Span

# 長(cháng): a pinyin gloss after a character
_GLOSS = re.compile(r"\(\s*[a-zA-Z\u00c0-\u024f\u0300-\u036f]+\s*\)")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


@lru_cache(maxsize=2)
def _char_table(name: str) -> dict[int, str]:
    """OpenCC's character table (TSCharacters / STCharacters), first reading of each character.
    Character-level conversion keeps offsets 1:1 and loads in milliseconds (phrases are not needed
    to match names and titles)."""
    from pathlib import Path

    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / f"{name}.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        src, _, dst = line.partition("\t")
        if len(src) == 1 and dst:
            first = dst.split()[0]
            if len(first) == 1:
                table[ord(src)] = first
    return table


def to_simplified(text: str) -> str:
    """Traditional -> simplified, character for character (same length as the input)."""
    return text.translate(_char_table("TSCharacters"))


@dataclass
class View:
    orig: str  # Release.text
    s: str  # simplified, cleaned
    pos: list[int]  # s[i] came from orig[pos[i]]
    trad_share: float = 0.0  # share of the original's characters that simplification changed

    def span(self, start: int, end: int) -> Span:
        """Original offsets of s[start:end]."""
        if end <= start:
            p = self.pos[start] if start < len(self.pos) else len(self.orig)
            return (p, p)
        return (self.pos[start], self.pos[end - 1] + 1)

    def text(self, start: int, end: int) -> str:
        """The original characters behind s[start:end] (glosses and dropped spaces left out)."""
        return "".join(self.orig[self.pos[i]] for i in range(start, end))


_DOTS = set("•‧・･∙⋅")  # the middle dots transcribed names are written with (艾尔肯‧吐尔逊)


def make_view(text: str) -> View:
    drop = [False] * len(text)
    for m in _GLOSS.finditer(text):
        if m.start() > 0 and "\u3400" <= text[m.start() - 1] <= "\u9fff":
            for i in range(m.start(), m.end()):
                drop[i] = True
    for m in _SPACES.finditer(text):
        # keep one space as a separator only between two non-CJK characters or before/after CJK words
        # in headlines; drop the rest.  A single kept space still ends a name.
        for i in range(m.start() + 1, m.end()):
            drop[i] = True
        a = text[m.start() - 1] if m.start() > 0 else ""
        b = text[m.end()] if m.end() < len(text) else ""
        if a.isdigit() or b.isdigit():
            drop[m.start()] = True
    simp = to_simplified(text)
    chars: list[str] = []
    pos: list[int] = []
    for i, c in enumerate(simp):
        if not drop[i]:
            chars.append(" " if c in " \t\u3000\xa0" else "·" if c in _DOTS else c)
            pos.append(i)
    changed = sum(1 for a, b in zip(text, simp, strict=False) if a != b)
    return View(orig=text, s="".join(chars), pos=pos, trad_share=changed / max(1, len(text)))


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    """Simplified -> traditional, character for character (for place names written in a traditional text)."""
    return text.translate(_char_table("STCharacters"))


def is_traditional(sample: str) -> bool:
    """True when converting ``sample`` to simplified changes it."""
    return to_simplified(sample) != sample
