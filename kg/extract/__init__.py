"""extract: Release -> Extraction, by language. The English and Chinese parsers share the model."""

from __future__ import annotations

import re

from kg.model import Extraction, Release

_CJK = re.compile(r"[\u3400-\u9fff]")


def detect_language(text: str) -> str:
    """'zh' when most letters are CJK characters, else 'en' (page furniture in the other script is normal)."""
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    # An English word is ~5 letters; a Chinese word ~1.7 characters.
    return "zh" if cjk / 1.7 > latin / 5.5 else "en"


def extract(release: Release) -> Extraction:
    lang = release.language or detect_language(release.text)
    release.language = lang
    if lang == "zh":
        from kg.extract.zh import extract_zh

        return extract_zh(release)
    from kg.extract.en import extract_en

    return extract_en(release)
