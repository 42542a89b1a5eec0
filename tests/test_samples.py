"""The bundled sample releases: invented, readable, with a consistent answer key each, and the
recurring officials that give the graph its structure."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLES

from kg.extract import detect_language
from kg.read import ReadError, iter_releases

GOLD_KEYS = {"id", "url", "language", "published", "persons", "bodies", "initiatives", "events"}
EVENT_KEYS = {"name", "date", "body", "presided_by", "attended_by", "initiatives"}


@pytest.fixture(scope="module")
def releases() -> dict:
    items = list(iter_releases([SAMPLES]))
    errors = [x for x in items if isinstance(x, ReadError)]
    assert not errors, errors
    return {r.id: r for r in items}


@pytest.fixture(scope="module")
def golds() -> dict:
    return {p.name[: -len(".gold.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in SAMPLES.glob("*.gold.json")}


def _names(value: object) -> list[str]:
    return value if isinstance(value, list) else [value]  # type: ignore[return-value]


def test_every_release_has_an_answer_key_and_back(releases: dict, golds: dict) -> None:
    assert set(releases) == set(golds)
    assert len(releases) >= 14
    langs = Counter(g["language"] for g in golds.values())
    assert langs["en"] >= 8 and langs["zh"] >= 5


def test_answer_keys_are_well_formed(releases: dict, golds: dict) -> None:
    for name, g in golds.items():
        assert GOLD_KEYS <= set(g), name
        assert g["id"] == name
        r = releases[name]
        assert g["published"] == r.published, name  # the furniture reader agrees with the key
        assert detect_language(r.text) == g["language"], name
        persons = {n for p in g["persons"] for n in _names(p["name"])}
        for ev in g["events"]:
            assert EVENT_KEYS <= set(ev), name
            assert ev["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", ev["date"])
            for who in ev["presided_by"] + ev["attended_by"]:
                assert who in persons, (name, who)
        for p in g["persons"]:
            for n in _names(p["name"]):
                assert n in r.text, (name, n)  # persons are named as written


def test_the_formats_are_all_there(releases: dict) -> None:
    encodings = {r.encoding for r in releases.values()}
    assert {"gb18030", "utf-8"} <= encodings and encodings & {"big5", "cp950"}
    paths = [r.path for r in releases.values()]
    assert any(p.endswith(".html") for p in paths)
    assert sum(".jsonl:" in p for p in paths) >= 2
    assert any("會議" in r.text for r in releases.values())  # traditional characters


def test_officials_recur_and_change_posts(golds: dict) -> None:
    def releases_naming(person: str) -> list[str]:
        return sorted(n for n, g in golds.items() if any(person in _names(p["name"]) for p in g["persons"]))

    assert len(releases_naming("Lin Haoran")) >= 3 and len(releases_naming("林浩然")) >= 2
    roles = {(post["role"], _names(post["body"])[0])
             for n in releases_naming("Zhou Wenbo") for p in golds[n]["persons"] if p["name"] == "Zhou Wenbo"
             for post in p["posts"]}
    assert ("Mayor", "Qingshan City") in roles and ("Secretary", "CPC Lanhe Municipal Committee") in roles


def test_samples_are_invented_not_copied(corpus_dir: Path, releases: dict) -> None:
    """No sentence-length stretch of any sample (80 letters of English, 30 characters of Chinese: longer
    than the formulas of the genre) appears in a real release of the development corpus."""
    corpus = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in corpus_dir.glob("*.txt"))
    corpus = re.sub(r"\s+", " ", corpus)
    for r in releases.values():
        text = re.sub(r"\s+", " ", r.text)
        width = 30 if detect_language(text) == "zh" else 80
        for i in range(0, max(1, len(text) - width), 10):
            chunk = text[i:i + width]
            assert chunk not in corpus, (r.id, chunk)
