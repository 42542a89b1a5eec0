"""The alias tables of kg/data/aliases/ (see README.md there), read through ``kg.knowledge`` (the
analyst's ``KG_DATA_PATH`` folders first), built once per ``KG_DATA_PATH`` value, looked up by
``text.key``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import knowledge
from kg.knowledge import keyed
from kg.resolve.text import key, to_simplified


@dataclass(frozen=True)
class Entry:
    """One line of bodies.tsv / initiatives.tsv / roles.tsv."""

    en: str
    zh: str | None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    ids: tuple[str, ...] = field(default_factory=tuple)  # external ids: "Q42", "wikidata:Q42", an IRI

    def forms(self) -> list[str]:
        return [f for f in (self.en, self.zh, *self.aliases) if f]


def external_ids(cell: str) -> tuple[str, ...]:
    """The ids of an alias table's optional ``ids`` column: "Q42", "wikidata:Q42" or a full http(s) IRI,
    separated by ``|``; anything else is ignored (the column is analyst input)."""
    out = []
    for raw in cell.split("|"):
        v = raw.strip()
        if re.fullmatch(r"(?:wikidata:)?Q[1-9]\d{0,11}", v):
            out.append(v.removeprefix("wikidata:"))
        elif re.fullmatch(r"https?://[A-Za-z0-9.-]+/[A-Za-z0-9._~/#:%-]*", v):
            out.append(v)
    return tuple(sorted(set(out)))


def external_iri(ident: str) -> str:
    """The IRI of an external id of ``external_ids``: a QID is a Wikidata entity."""
    return f"http://www.wikidata.org/entity/{ident}" if ident.startswith("Q") else ident


def _rows(name: str, bundled_only: bool = False) -> list[list[str]]:
    """The cells of each row of ``aliases/NAME``: the analyst's folders of KG_DATA_PATH (laid out like
    kg/data/) first, so they add entries and override bundled forms without editing the package."""
    return [list(row.cells) for row in knowledge.lines(f"aliases/{name}", bundled_only)]


class AliasTable:
    """Every form of every entry, by key; the first entry claiming a key wins."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._by_key: dict[str, Entry] = {}
        for e in entries:
            for f in e.forms():
                self._by_key.setdefault(key(f), e)

    def get(self, name: str) -> Entry | None:
        return self._by_key.get(key(name))


def _entries(name: str) -> list[Entry]:
    out = []
    for r in _rows(name):
        r += [""] * (4 - len(r))
        aliases = tuple(a.strip() for a in r[2].split("|") if a.strip())
        out.append(Entry(r[0], r[1] or None, aliases, external_ids(r[3])))
    return out


@keyed
def bodies() -> AliasTable:
    return AliasTable(_entries("bodies.tsv"))


@keyed
def initiatives() -> AliasTable:
    return AliasTable(_entries("initiatives.tsv"))


@keyed
def roles() -> AliasTable:
    return AliasTable(_entries("roles.tsv"))


@dataclass(frozen=True)
class Place:
    en: str
    zh: str
    province: str


def _places(rows: list[list[str]]) -> list[Place]:
    out = [Place(r[0], to_simplified(r[1]), r[2] if len(r) > 2 and r[2] else r[0])
           for r in rows if len(r) > 1]
    return sorted(out, key=lambda p: (-len(p.zh), -len(p.en), p.en))


@keyed
def places() -> list[Place]:
    """Known localities (the analyst's and the bundled ones), longest names first (so "Jilin City" /
    吉林市 win over "Jilin" / 吉林)."""
    return _places(_rows("places.tsv"))


@keyed
def bundled_places() -> list[Place]:
    """The places of the package's own gazetteer only: what person IRIs may be minted from, so that an
    IRI does not change with KG_DATA_PATH (see kg/resolve/persons.py)."""
    return _places(_rows("places.tsv", bundled_only=True))


@keyed
def surnames() -> dict[str, str]:
    """Surname (simplified) -> pinyin (no tones)."""
    return {to_simplified(r[0]): r[1].lower() for r in _rows("surnames.tsv") if len(r) >= 2}


@keyed
def fixed_persons() -> dict[str, str]:
    """persons.tsv: every listed name form (English, Chinese) -> fixed jurisdiction, where given."""
    out: dict[str, str] = {}
    for r in _rows("persons.tsv"):
        if len(r) >= 3 and r[2]:
            for name in r[:2]:
                if name:
                    out.setdefault(key(name), r[2])
    return out


@keyed
def person_forms() -> dict[str, str]:
    """persons.tsv: every listed name form -> the row's first form (its Latin form when it has one), so
    that a foreign name written in Chinese meets its Latin form on the analyst's word only."""
    out: dict[str, str] = {}
    for r in _rows("persons.tsv"):
        forms = [f for f in r[:2] if f]
        for f in forms:
            out.setdefault(key(f), forms[0])
    return out


@keyed
def person_ids() -> dict[str, tuple[str, ...]]:
    """persons.tsv: every listed name form -> the external ids of its row (4th column)."""
    out: dict[str, tuple[str, ...]] = {}
    for r in _rows("persons.tsv"):
        ids = external_ids(r[3]) if len(r) >= 4 else ()
        for f in r[:2]:
            if f and ids:
                out.setdefault(key(f), ids)
    return out


@keyed
def body_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r[0]), r[1]) for r in _rows("body_patterns.tsv") if len(r) >= 2]
