"""Person identity: one official across English and Chinese, homonyms in different places apart.

THE RULE. A person is keyed on (romanized name, jurisdiction):

- romanized name: Chinese names (traditional converted to simplified) in pinyin, surname first with
  the surname readings of surnames.tsv (单 Shan, 曾 Zeng, 解 Xie, ...; compound surnames 欧阳 Ouyang)
  and the given name joined: 张志军 -> "zhang-zhijun". English names are ASCII-folded and lower-cased
  token by token; a hyphen inside a pinyin given name is dropped ("Zhi-jun" -> "zhijun"); "Lü"/"Lyu"
  read as "lv" (pypinyin's spelling of 吕). So "Zhang Zhijun", "ZHANG Zhijun", 张志军, 張志軍 all give
  "zhang-zhijun".
- jurisdiction: from the places named by the bodies of the person's posts, the MOST LOCAL one
  (city/county/district before province before national; first among equals), because a city
  official's city post is the one every release repeats while a provincial standing-committee seat
  is mentioned only sometimes. Known places (places.tsv) map to their province (Changchun -> jilin),
  so all posts within one known province agree; an unknown locality keeps its own pinyin (青山市委 /
  "CPC Qingshan Municipal Committee" -> qingshan); a national body (CPC Central Committee, State
  Council, a ministry, 全国..., 中央...) gives "china". Without posts: the release's locality
  (Extraction.locality), mapped the same way; else none.
- IRI: kgid:person/<name> with "--<jurisdiction>" appended when there is one:
  kgid:person/zhang-zhijun--jilin.
- exception: well-known officials listed in kg/data/aliases/persons.tsv get the jurisdiction given
  there whatever the release says (Xi Jinping -> xi-jinping--china), so national leaders mentioned in
  local releases do not split. Extend that table rather than the code.

LIMITS (documented, by design conservative):
- one person seen with posts in two provinces in two releases (a transfer) gets two IRIs;
- a person named without any post in a release about another place splits from their posted self;
- two different people with the same name in the same province merge;
- English names in given-name-first order do not meet their Chinese form (Zhijun Zhang);
- places missing from places.tsv and written only in English in one release but only at a different
  level in another (city vs province) do not meet. Extend places.tsv to fix such cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kg.resolve import aliases
from kg.resolve.entities import resolve_body
from kg.resolve.pinyin import name_parts, place_en, syllables
from kg.resolve.slug import ascii_fold, slugify
from kg.resolve.text import clean, has_han, to_simplified

_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Madam|Comrade|H\.E)\.?\s+", re.IGNORECASE)
_NATIONAL = re.compile(
    r"\bCentral Committee\b|\bState Council\b|\bNational People's Congress\b|\bNPC\b|\bNational Committee\b|"
    r"\bMinistry\b|\bSupreme People's\b|\bPolitical Bureau\b|\bPolitburo\b|\bCentral\b|"
    r"^中共中央|^中央|国务院|^全国|^最高人民|部$"
)
_EN_PLACE = re.compile(
    r"\b([A-Z][a-z]+(?:'[a-z]+)?) (Municipal|Provincial|District|County|City|Prefectural|Autonomous)\b"
)
_NOT_PLACE = {"The", "Party", "Standing", "People", "Peoples", "National", "Central", "Foreign", "Working"}
_ZH_PLACE = re.compile(r"^(?:中共)?(.{2,5}?)(省|市|区|县|自治区|自治州)")


def name_key(name: str) -> str:
    """The romanized-name part of the key (see the module doc)."""
    s = clean(name)
    if has_han(s):
        sur, given = name_parts(s)
        return slugify(f"{sur} {given}".strip())
    s = _TITLES.sub("", s)
    s = re.sub(r"-(?=[a-z])", "", s)  # Zhi-jun -> Zhijun (but Jean-Pierre stays)
    tokens = [ascii_fold(t).lower() for t in s.split()]
    tokens = ["lv" if t in ("lyu", "lu:") else "nv" if t == "nyu" else t for t in tokens]
    return slugify(" ".join(tokens))


def _province(place: str) -> str:
    """The jurisdiction slug of a locality name (English or Chinese)."""
    p = clean(place)
    p_zh = to_simplified(p)
    for pl in aliases.places():
        if p_zh == pl.zh or p.lower() == pl.en.lower():
            return slugify(pl.province)
    return slugify("".join(syllables(p_zh)) if has_han(p_zh) else p)


LOCAL, PROVINCIAL, NATIONAL = 0, 1, 2


def body_locality(body: str) -> tuple[str, int] | None:
    """(jurisdiction slug, level) a body name points to: a known place (mapped to its province), a
    place found by pattern ("CPC Qingshan Municipal Committee", 青山市委), or ("china", NATIONAL) for a
    national body; None when the name says nothing about a place."""
    r = resolve_body(body)
    names = [n for n in (r.en, r.zh, to_simplified(clean(body))) if n]
    for pl in aliases.places():  # longest first
        for n in names:
            if (has_han(n) and pl.zh in n) or (not has_han(n) and re.search(rf"\b{re.escape(pl.en)}\b", n)):
                return slugify(pl.province), PROVINCIAL if pl.province == pl.en else LOCAL
    for n in names:
        if has_han(n):
            m = _ZH_PLACE.match(n)
            if m and not _NATIONAL.search(n):
                level = PROVINCIAL if m.group(2) in ("省", "自治区") else LOCAL
                return slugify(place_en(m.group(1))), level
        else:
            for m in _EN_PLACE.finditer(n):
                if m.group(1) not in _NOT_PLACE:
                    level = PROVINCIAL if m.group(2) in ("Provincial", "Autonomous") else LOCAL
                    return slugify(m.group(1)), level
    if any(_NATIONAL.search(n) for n in names):
        return "china", NATIONAL
    return None


def jurisdiction(post_bodies: Iterable[str | None], locality: str | None) -> str | None:
    """The jurisdiction of a person: the most local of their posts' places (first among equals),
    else the release locality, else None."""
    found = [j for j in (body_locality(b) for b in post_bodies if b) if j]
    if found:
        return min(found, key=lambda j: j[1])[0]
    if locality and clean(locality):
        locality = to_simplified(clean(locality))
        loc = re.sub(
            r"(?:省|市|区|县|\s+(?:City|Province|Municipality|District|County))$", "", clean(locality)
        )
        return _province(loc) if loc else None
    return None


@cache
def _fixed_by_name_key() -> dict[str, str]:
    return {name_key(n): slugify(j) for n, j in sorted(aliases.fixed_persons().items())}


def fixed_jurisdiction(name: str) -> str | None:
    """The jurisdiction persons.tsv fixes for a well-known official (any spelling), else None."""
    return _fixed_by_name_key().get(name_key(name))


def person_local(name: str, juris: str | None) -> str:
    """The IRI path segment of a person: "zhang-zhijun--jilin" (persons.tsv overrides ``juris``)."""
    n = name_key(name)
    juris = fixed_jurisdiction(name) or juris
    return f"{n}--{juris}" if juris else n
