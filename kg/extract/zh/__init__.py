"""Chinese release parser: Release -> Extraction.

Stages (one module each): script (simplified view with offsets back to the original), locality
(which place the release speaks from), bodies, titles (officials and their title chains), posts
(title -> body), events (the convening body and roles), dates, initiatives.  All language knowledge
is in kg/data/zh/.
"""

from __future__ import annotations

from kg.extract.zh.lexicon import lexicon
from kg.extract.zh.pipeline import run
from kg.model import Extraction, Release


def extract_zh(release: Release) -> Extraction:
    return run(release, lexicon())
