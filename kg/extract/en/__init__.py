"""English extraction: Release -> Extraction (persons with posts, bodies, initiatives, the event).

Stages (one module each): locality -> names -> titles/persons -> bodies -> initiatives -> events.
Everything keeps character spans into ``Release.text``.
"""

from __future__ import annotations

import re

from kg.extract.en.assemble import assemble
from kg.model import Extraction, Release


def extract_en(release: Release) -> Extraction:
    return assemble(release)


__all__ = ["extract_en", "re"]
