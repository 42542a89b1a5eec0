"""Shared fixtures: where the development corpus is, and a Chromium binary for browser tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """../shared/corpus (the development set); tests that need it skip cleanly where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS} (../shared is not beside this checkout)")
    return CORPUS


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if path := shutil.which(name):
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless browser; CI sets KG_REQUIRE_BROWSER=1 so that a missing browser fails, not skips."""
    path = find_chromium()
    if path is None:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail("KG_REQUIRE_BROWSER=1 but no chromium binary is installed")
        pytest.skip("no chromium binary found (install Debian's chromium: `make browser`)")
    return path
