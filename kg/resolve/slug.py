"""Safe, readable IRI path segments from untrusted text.

A slug is lower-case ASCII ``[a-z0-9-]``: Chinese is romanized (pinyin, one hyphen per syllable, after
traditional -> simplified), accents are folded, everything else becomes a hyphen. A short hash of the
original text is appended when the slug would be empty, is truncated, or (``exact=True``) differs from
the input, so distinct inputs do not collide and every IRI is valid in Turtle, N-Triples and JSON-LD.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.resolve.pinyin import syllables
from kg.resolve.text import clean, has_han, to_simplified

MAX_LEN = 64
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def ascii_fold(s: str) -> str:
    """Accents folded (é -> e, ü -> v as in pinyin input), non-ASCII dropped."""
    s = s.replace("ü", "v").replace("Ü", "V")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def romanize(text: str) -> str:
    """Chinese characters as space-separated pinyin syllables; other text kept."""
    s = clean(text)
    if has_han(s):
        s = " ".join(syllables(to_simplified(s)))
    return s


def slugify(text: str, max_len: int = MAX_LEN, exact: bool = False) -> str:
    """The slug of ``text`` (see the module doc)."""
    base = _NON_SLUG.sub("-", ascii_fold(romanize(text)).lower()).strip("-")
    need_hash = not base or (exact and base != text)
    if len(base) > max_len:
        base = base[:max_len].rsplit("-", 1)[0] if "-" in base[:max_len] else base[:max_len]
        need_hash = True
    if need_hash:
        h = short_hash(text)
        base = f"{base}-{h}" if base else f"x-{h}"
    return base
