"""The organ grammar (kg/data/organs.tsv): a body name parsed into (organ type, level, place) in either
language, and the canonical names every stage writes (one house style).

A pattern is the fixed words around one place slot; a name matches when it starts and ends with those
words (case-insensitive, after "the" and a congress's or CPPCC's term such as "11th" / 第十一届 are
dropped) and what lies between is a place: a few capitalised words, or 2-8 Chinese characters that are
not organ words. Matching is two string comparisons per pattern, no regular expression over the name.

>>> m = parse("the Qingshan Municipal Committee of the CPPCC")
>>> m.organ, m.level, m.place
('cppcc', 'municipal', 'Qingshan')
>>> m.en, m.zh_template
('CPPCC Qingshan Municipal Committee', '政协{地}市委员会')
>>> z = parse("中共青山市委常委会")
>>> z.organ, z.place, z.zh
('party_standing_committee', '青山', '中共青山市委常委会')
>>> z.english("Qingshan")
'Standing Committee of the CPC Qingshan Municipal Committee'
>>> parse("Permanent Commission of the Taixi Municipal People's Assembly").en
"Standing Committee of the Taixi Municipal People's Congress"
>>> parse("Municipal Party Committee") is None  # no place: not this grammar's business
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import knowledge


@dataclass(frozen=True)
class Organ:
    """One row of organs.tsv."""

    organ: str  # "party_committee", "cppcc_standing_committee"
    level: str  # "municipal", "provincial", ...
    en: str  # "CPC {P} Municipal Committee"
    zh: str  # "中共{地}市委"
    rdf_class: str  # "schema:GovernmentOrganization"
    source: str  # "organs.tsv:14"


@dataclass(frozen=True)
class Match:
    """A body name read by the grammar."""

    row: Organ
    place: str  # as written: "Qingshan" or "青山"
    chinese: bool  # the name was Chinese

    @property
    def organ(self) -> str:
        return self.row.organ

    @property
    def level(self) -> str:
        return self.row.level

    @property
    def zh_template(self) -> str:
        return self.row.zh

    @property
    def en(self) -> str | None:
        """The canonical English name (None for a Chinese name: its place needs translating first)."""
        return None if self.chinese else self.english(self.place)

    @property
    def zh(self) -> str | None:
        """The canonical Chinese name (None for an English name)."""
        return self.row.zh.replace("{地}", self.place) if self.chinese else None

    def english(self, place_en: str) -> str:
        return self.row.en.replace("{P}", place_en)


_PATTERN = tuple[str, str, bool, Organ]  # (prefix, suffix, chinese, row), casefolded fixed parts


@knowledge.keyed
def patterns() -> tuple[_PATTERN, ...]:
    pats: list[tuple[int, int, _PATTERN]] = []
    for n, line in enumerate(knowledge.lines("organs.tsv")):
        c = line.cells + ("",) * 6
        if not (c[0] and c[1] and c[2] and c[3]):
            continue
        row = Organ(c[0], c[1], c[2], c[3], c[5] or "org:Organization", line.source)
        for form in (c[2], c[3], *(v.strip() for v in c[4].split("|"))):
            slot = "{地}" if "{地}" in form else "{P}" if "{P}" in form else None
            if slot is None:
                continue
            prefix, _, suffix = form.partition(slot)
            p = (prefix.casefold(), suffix.casefold(), slot == "{地}", row)
            pats.append((-(len(prefix) + len(suffix)), n, p))
    pats.sort(key=lambda t: (t[0], t[1]))  # most fixed words first, then table order
    return tuple(p for _, _, p in pats)


_HAN = re.compile(r"[\u3400-\u9fff]")
_EN_PLACE = re.compile(r"[A-Z][A-Za-z'’-]*(?: [A-Z][A-Za-z'’-]*){0,3}")
_EN_NOT_PLACE = frozenset(
    "cpc cppcc npc committee commission party people's government congress standing permanent of the "
    "municipal provincial county district city province prefectural autonomous regional foreign affairs "
    "working office group leading presidium assembly".split())
_ZH_PLACE = re.compile(r"[\u3400-\u9fff]{2,8}")
_ZH_NOT_PLACE = re.compile(r"[委会党政协府办局厅部院组]|中共|人大")
_EN_TERM = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|(?:First|Second|Third|Fourth|Forth|Fifth|Sixth|Seventh|Eighth"
                      r"|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth)) (?=\S)")
_ZH_TERM = re.compile(r"第?[一二三四五六七八九十\d]{1,3}届")


def _place_ok(place: str, chinese: bool) -> bool:
    if chinese:
        return bool(_ZH_PLACE.fullmatch(place)) and not _ZH_NOT_PLACE.search(place)
    return bool(_EN_PLACE.fullmatch(place)) and not any(w.casefold() in _EN_NOT_PLACE for w in place.split())


def parse(name: str) -> Match | None:
    """``name`` read as (organ, level, place), or None when it is no organ of organs.tsv with a place."""
    return _parse(name, id(patterns()))


@lru_cache(maxsize=65536)
def _parse(name: str, table: int) -> Match | None:
    del table  # the key of the tables in effect (keyed by KG_DATA_PATH, kept alive)
    s = " ".join(name.split()).strip(" .,;:\"'“”")
    chinese = bool(_HAN.search(s))
    if chinese:
        s = _ZH_TERM.sub("", s.replace(" ", ""))
    else:
        s = _EN_TERM.sub("", re.sub(r"^the\s+", "", s, flags=re.I))
    folded = s.casefold()
    if len(folded) != len(s):  # casefold changed lengths (ß): offsets would not line up
        return None
    for prefix, suffix, zh, row in patterns():
        if zh != chinese or len(folded) <= len(prefix) + len(suffix):
            continue
        if folded.startswith(prefix) and folded.endswith(suffix):
            place = s[len(prefix):len(s) - len(suffix)]
            if _place_ok(place, chinese):
                return Match(row, place, chinese)
    return None


def canonical(name: str) -> str | None:
    """The house-style name of ``name`` in its own language (None when the grammar does not read it).

    >>> canonical("Linfeng Municipal Party Committee Standing Committee")
    'Standing Committee of the CPC Linfeng Municipal Committee'
    >>> canonical("临丰市人民代表大会常务委员会")
    '临丰市人大常委会'
    """
    m = parse(name)
    if m is None:
        return None
    return m.zh if m.chinese else m.en


def rdf_class(name: str) -> str | None:
    """The RDF class (a CURIE) organs.tsv gives the body ``name``, None when the grammar does not read it.

    >>> rdf_class("政协临丰市委员会")
    'schema:GovernmentOrganization'
    """
    m = parse(name)
    return m.row.rdf_class if m else None
