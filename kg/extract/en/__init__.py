"""English extraction: Release -> Extraction (persons with posts, bodies, initiatives, events).

Stages, one module each: sentences (boundaries, page furniture) -> locality -> names -> titles/persons
-> bodies -> initiatives -> dates/events; ``assemble`` joins them. Language knowledge lives in
kg/data/en/ (loaded by ``lexicon``). Everything keeps character spans into ``Release.text``.
"""

from __future__ import annotations

from kg.extract.en.assemble import assemble
from kg.model import Extraction, Release


def extract_en(release: Release) -> Extraction:
    return assemble(release)


__all__ = ["extract_en"]
