"""Helpers shared by the parser tests: run a parser on invented text and look at what it read."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Extraction, Person, Release


def run_text(text: str, language: str, rid: str | None = None, published: str | None = None,
             hint: str | None = None, title: str | None = None) -> Extraction:
    release = Release(id=rid or f"{language}-test", text=text, published=published, date_hint=hint,
                      title=title, language=language)
    return extract(release)


def person(x: Extraction, name: str) -> Person:
    found = [p for p in x.persons if p.name == name]
    assert found, f"{name} not among {[p.name for p in x.persons]}"
    return found[0]


def posts(x: Extraction, name: str) -> set[tuple[str, str | None]]:
    return {(p.role, p.body) for p in person(x, name).posts}
