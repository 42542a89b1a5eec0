"""English extraction (placeholder until the English parser lands)."""

from kg.model import Extraction, Release


def extract_en(release: Release) -> Extraction:
    return Extraction(release=release, language="en")
