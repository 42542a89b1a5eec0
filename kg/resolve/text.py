"""Text normalization shared by all resolvers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_QUOTES = re.compile(r"[\"'“”‘’«»《》〈〉「」『』【】()（）\[\]`´]")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s():  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC("t2s")


def has_han(s: str) -> bool:
    """True when ``s`` contains a Chinese character."""
    return bool(_HAN.search(s))


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    """kg/data/aliases/variants.tsv: character variants OpenCC leaves alone (陜 -> 陕)."""
    from importlib import resources

    path = resources.files("kg") / "data" / "aliases" / "variants.tsv"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2 or len(cells[0]) != 1 or not cells[1].strip():
            continue
        table[ord(cells[0])] = cells[1].strip()
    return table


@lru_cache(maxsize=65536)
def to_simplified(s: str) -> str:
    """Traditional Chinese characters converted to simplified, then the variants of variants.tsv to
    their standard form (other characters unchanged)."""
    return _t2s().convert(s).translate(_variants()) if has_han(s) else s


def clean(s: str) -> str:
    """NFKC (full-width to ASCII), control characters removed, whitespace collapsed and trimmed."""
    s = unicodedata.normalize("NFKC", s)
    s = _CONTROL.sub(" ", s)
    return _WS.sub(" ", s).strip()


def display(s: str) -> str:
    """A label as written, made safe: cleaned; never empty (an empty name becomes "?")."""
    return clean(s) or "?"


def key(s: str) -> str:
    """The lookup key of a name: cleaned, simplified, lower case, quotes and brackets and a leading
    "the" dropped, "&" read as "and", whitespace collapsed; Chinese keys also lose inner spaces."""
    s = to_simplified(clean(s)).lower()
    s = s.replace("’s", "s").replace("'s", "s")
    s = _QUOTES.sub(" ", s).replace("&", " and ")
    s = re.sub(r"[,.;:!?、，。；：！？·•]", " ", s)
    s = _WS.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    if has_han(s):
        s = re.sub(r"\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+", "", s)
    return s
