"""Loads the language knowledge of page furniture from kg/read/data/furniture.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "furniture.json"


@dataclass(frozen=True)
class Cues:
    date_cues: tuple[str, ...]
    source_cues: tuple[str, ...]
    weekday_words: frozenset[str]
    edition_words: tuple[str, ...]
    field_cues: tuple[str, ...]
    title_skip: tuple[re.Pattern[str], ...]
    language_names: frozenset[str]
    html_furniture_classes: frozenset[str]
    meta_title: tuple[str, ...]
    meta_published: tuple[str, ...]
    meta_url: tuple[str, ...]
    meta_source: tuple[str, ...]

    def alternation(self, words: tuple[str, ...]) -> str:
        """A regex alternation of ``words``, longest first, spaces matching any run of spaces."""
        ordered = sorted(set(words), key=lambda w: (-len(w), w))
        return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in ordered)


@lru_cache(maxsize=1)
def cues(path: Path = DATA) -> Cues:
    d = json.loads(path.read_text(encoding="utf-8"))

    def lower(xs: list[str]) -> tuple[str, ...]:
        return tuple(x.lower() for x in xs)

    return Cues(
        date_cues=lower(d["date_cues"]),
        source_cues=lower(d["source_cues"]),
        weekday_words=frozenset(lower(d["weekday_words"])),
        edition_words=lower(d["edition_words"]),
        field_cues=lower(d["field_cues"]),
        title_skip=tuple(re.compile(p, re.I) for p in d["title_skip_patterns"]),
        language_names=frozenset(lower(d["language_names"])),
        html_furniture_classes=frozenset(lower(d["html_furniture_classes"])),
        meta_title=lower(d["meta_title"]),
        meta_published=lower(d["meta_published"]),
        meta_url=lower(d["meta_url"]),
        meta_source=lower(d["meta_source"]),
    )
