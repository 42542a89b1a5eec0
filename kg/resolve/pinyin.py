"""Romanization of Chinese names (surname-aware) and places, after traditional -> simplified."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

from kg.resolve.aliases import surnames
from kg.resolve.text import clean, has_han, to_simplified


def syllables(s: str, v_to_u: bool = False) -> list[str]:
    """Pinyin syllables (no tones) of the Chinese characters of ``s``; other runs are kept as they are."""
    return [
        x for x in lazy_pinyin(to_simplified(s), style=Style.NORMAL, v_to_u=v_to_u, errors="default") if x
    ]


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Chinese name; compound surnames by longest match in surnames.tsv."""
    s = re.sub(r"\s+", "", to_simplified(clean(name)))
    table = surnames()
    if len(s) > 2 and s[:2] in table:
        return s[:2], s[2:]
    return s[:1], s[1:]


def _surname_pinyin(surname: str, v_to_u: bool) -> str:
    table = surnames()
    if surname in table:
        p = table[surname]
        return p.replace("v", "ü") if v_to_u else p
    return "".join(syllables(surname, v_to_u))


def name_parts(name: str, v_to_u: bool = False) -> tuple[str, str]:
    """(surname pinyin, given pinyin joined) of a Chinese person name: 张志军 -> ("zhang", "zhijun").
    Names with a middle dot (transliterated foreign or minority names) romanize part by part."""
    s = to_simplified(clean(name))
    if re.search(r"[·•・.]", s):
        parts = [p for p in re.split(r"[·•・.\s]+", s) if p]
        romans = ["".join(syllables(p, v_to_u)) for p in parts]
        return romans[0], "-".join(romans[1:])
    sur, given = split_name(s)
    return _surname_pinyin(sur, v_to_u), "".join(syllables(given, v_to_u))


def person_name_en(name: str) -> str | None:
    """The English (pinyin) form of a Chinese person name: 张志军 -> "Zhang Zhijun"; None if not Chinese."""
    if not has_han(name):
        return None
    sur, given = name_parts(name, v_to_u=True)
    if not sur:
        return None
    given = " ".join(g.capitalize() for g in given.split("-") if g)
    return f"{sur.capitalize()} {given}".strip()


def place_en(place: str) -> str:
    """A Chinese place name in pinyin, capitalized and joined: 长春 -> "Changchun" (ASCII unchanged)."""
    if not has_han(place):
        return clean(place)
    # apostrophe before a/o/e starting syllables, as in Xi'an
    sy = syllables(place)
    out = sy[0] if sy else ""
    for x in sy[1:]:
        out += ("'" if x[:1] in "aoe" else "") + x
    return out.capitalize()
