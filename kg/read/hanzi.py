"""How Chinese a decoded text looks: the share of its Han characters that are common ones.

"Common" is the union of the level-1 tables of the two national standards, the 3,755 GB2312
常用字 (simplified) and the 5,401 Big5 常用字 (traditional), read off the codecs themselves, plus
the everyday CJK punctuation. Text decoded with the right codec scores near 1; Big5 bytes read as
GBK (or GBK read as Big5) land on rare characters, symbols and kana and score far lower.
"""

from __future__ import annotations

from functools import lru_cache

_PUNCT = "，。、；：？！“”‘’《》（）【】「」『』—…·〈〉"


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def _table(enc: str, leads: range, trails: list[range]) -> set[str]:
    out: set[str] = set()
    for lead in leads:
        for trail_range in trails:
            for trail in trail_range:
                try:
                    out.add(bytes((lead, trail)).decode(enc))
                except UnicodeDecodeError:
                    pass
    return out


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    gb_level1 = _table("gb2312", range(0xB0, 0xD8), [range(0xA1, 0xFF)])
    big5_level1 = _table("big5", range(0xA4, 0xC7), [range(0x40, 0x7F), range(0xA1, 0xFF)])
    return frozenset(c for c in gb_level1 | big5_level1 if _is_han(c)) | frozenset(_PUNCT)


def is_suspicious(ch: str) -> bool:
    """A non-ASCII character that a Chinese or English release has no business containing:
    kana, Cyrillic/Greek, box drawing, private use, replacement characters..."""
    o = ord(ch)
    return (0x0370 <= o <= 0x04FF or 0x2500 <= o <= 0x25FF or 0x3040 <= o <= 0x30FF
            or 0xE000 <= o <= 0xF8FF or o == 0xFFFD or 0x3100 <= o <= 0x312F)


def common_share(text: str) -> float | None:
    """Share of the text's Han characters (and suspicious symbols) that are common characters or
    punctuation; None when the text holds none of them."""
    common = common_chars()
    hits = total = 0
    for ch in text:
        if ch < "\x80":
            continue
        if ch in common:
            hits += 1
            total += 1
        elif _is_han(ch) or is_suspicious(ch):
            total += 1
    return hits / total if total else None
