"""Chinese extraction (placeholder until the Chinese parser lands)."""

from kg.model import Extraction, Release


def extract_zh(release: Release) -> Extraction:
    return Extraction(release=release, language="zh")
