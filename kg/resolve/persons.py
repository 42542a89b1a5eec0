"""Person identity: the name key and the place anchor of one person as one release names them.

THE IRI POLICY (stable: the same input gives the same IRI whatever KG_DATA_PATH holds)

- name key: Chinese names (traditional converted to simplified) in pinyin, surname first with the
  surname readings of surnames.tsv (单 Shan, 曾 Zeng, 解 Xie; compound surnames 欧阳 Ouyang) and the
  given name joined: 张志军 -> "zhang-zhijun". English names are ASCII-folded and lower-cased token by
  token; a hyphen inside a pinyin given name is dropped ("Zhi-jun" -> "zhijun"); "Lü"/"Lyu" read "lv".
  So "Zhang Zhijun", "ZHANG Zhijun", 张志军, 張志軍 all give "zhang-zhijun".
  A FOREIGN (or minority) name written in Chinese characters with a middle dot (阿斯特丽德·林奎斯特)
  is never romanized into a Latin-looking name: its key is the slug of its written form with a hash
  ("a-si-te-li-de-lin-kui-si-te-1f0c..."), which no Latin name can produce. It meets its Latin form
  only on evidence: a row of persons.tsv giving both forms, or both forms in one release
  ("阿斯特丽德·林奎斯特（Astrid Lindqvist）", see kg/resolve/link.py).
- anchor: the place WRITTEN in the body of the person's most local post (city/county/district before
  province before national; first among equals): "CPC Qingshan Municipal Committee", 青山市委 ->
  "qingshan"; a place the bundled gazetteer knows is named by its English form there (内蒙古 ->
  "inner-mongolia"), never by the province it belongs to. A body of the national Party or state
  (CPC Central Committee, State Council, 全国人大, 中央..., a body of the alias table) anchors at
  "china". Nothing else is used: not the release's inferred locality, not a guessed nationality (a
  ministry or a town abroad anchors no one), not the province of KG_DATA_PATH's places.tsv.
- the IRI of a person is kgid:person/<key>--<anchor> for the anchored; persons.tsv fixes it for
  well-known officials (xi-jinping--china) whatever a release gives. Whether two anchored IRIs are
  one person (a transfer from Qingshan to Lanhe; a city secretary seen once only with a provincial
  seat), and what an unanchored mention (a name in an attendance list, a post in "the Municipal
  Committee") refers to, is decided over the whole batch by kg/resolve/link.py, which keeps the
  other IRIs of a merged person as owl:sameAs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg import organs
from kg.resolve import aliases
from kg.resolve.entities import resolve_body
from kg.resolve.pinyin import name_parts, person_name_en, place_en
from kg.resolve.slug import ascii_fold, slugify
from kg.resolve.text import clean, has_han, key, to_simplified

_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Madam|Comrade|H\.E)\.?\s+", re.IGNORECASE)
_NATIONAL = re.compile(
    r"\bCentral Committee\b|\bState Council\b|\bNational People's Congress\b|\bNPC\b|\bNational Committee\b|"
    r"\bSupreme People's\b|\bPolitical Bureau\b|\bPolitburo\b|\bCentral (?:Military|Commission|Leading)|"
    r"^中共中央|^中央|国务院|^全国|^最高人民|^中华人民共和国"
)
_EN_PLACE = re.compile(
    r"\b([A-Z][a-z]+(?:'[a-z]+)?) (Municipal|Provincial|District|County|City|Prefectural|Autonomous)\b"
)
_NOT_PLACE = {"The", "Party", "Standing", "People", "Peoples", "National", "Central", "Foreign", "Working"}
# a Chinese place name before its level is 2-4 characters; longer ones (马恩霍尔姆市) are foreign towns
# transliterated, which anchor no one
_ZH_PLACE = re.compile(r"^(?:中共)?(.{2,4}?)(省|市|区|县|自治区|自治州)")


_FOREIGN_DOT = re.compile(r"[·•・‧.]")


def is_transliterated(name: str) -> bool:
    """A foreign or minority name written in Chinese characters: 阿斯特丽德·林奎斯特."""
    s = clean(name)
    return has_han(s) and bool(_FOREIGN_DOT.search(s))


def _written_key(name: str) -> str:
    s = _FOREIGN_DOT.sub("·", re.sub(r"\s+", "", to_simplified(clean(name))))
    return slugify(s, exact=True)


def name_key(name: str) -> str:
    """The name part of a person's key (see the module doc); persons.tsv links the forms it lists."""
    return _name_key(name, id(aliases.person_forms()), id(aliases.surnames()))


@lru_cache(maxsize=65536)
def _name_key(name: str, *tables: int) -> str:
    del tables  # part of the cache key only
    linked = aliases.person_forms().get(key(name))
    if linked is not None:
        return _raw_name_key(linked)
    return _raw_name_key(name)


def _raw_name_key(name: str) -> str:
    s = clean(name)
    if is_transliterated(s):
        return _written_key(s)
    if has_han(s):
        sur, given = name_parts(s)
        return slugify(f"{sur} {given}".strip())
    s = _TITLES.sub("", s)
    s = re.sub(r"-(?=[a-z])", "", s)  # Zhi-jun -> Zhijun (but Jean-Pierre stays)
    tokens = [ascii_fold(t).lower() for t in s.split()]
    tokens = ["lv" if t in ("lyu", "lu:") else "nv" if t == "nyu" else t for t in tokens]
    return slugify(" ".join(tokens))


def english_name(name: str) -> str | None:
    """The English label of a person name: the Latin form persons.tsv gives, the pinyin of a Chinese
    name (张志军 -> "Zhang Zhijun"), None for a transliterated foreign name without a listed form."""
    linked = aliases.person_forms().get(key(name))
    if linked is not None and not has_han(linked):
        return linked
    if is_transliterated(name):
        return None
    return person_name_en(name)


COUNTY, LOCAL, PROVINCIAL, NATIONAL = 0, 1, 2, 3  # LOCAL: a city (prefecture level)
_ZH_LEVEL = {"省": PROVINCIAL, "自治区": PROVINCIAL, "市": LOCAL, "自治州": LOCAL, "区": COUNTY, "县": COUNTY}
_ORGAN_LEVEL = {"provincial": PROVINCIAL, "autonomous_regional": PROVINCIAL, "county": COUNTY,
                "district": COUNTY}
_EN_LEVEL = {"Provincial": PROVINCIAL, "Autonomous": PROVINCIAL, "District": COUNTY, "County": COUNTY}


def _gazetteer_place(n: str) -> tuple[str, int] | None:
    for pl in aliases.bundled_places():  # longest first
        if (has_han(n) and pl.zh in n) or (not has_han(n) and re.search(rf"\b{re.escape(pl.en)}\b", n)):
            return slugify(pl.en), PROVINCIAL if pl.province == pl.en else LOCAL
    return None


def body_anchor(body: str, scope: str | None = None) -> tuple[str, int] | None:
    """(place slug, level) WRITTEN in a body name (see the module doc), or None."""
    r = resolve_body(body, scope)
    if r.scoped:
        return None
    names = [n for n in (r.en, r.zh, to_simplified(clean(body))) if n]
    m = organs.parse(r.en) if r.en else None  # the organ grammar (organs.tsv) reads its place
    z = organs.parse(r.zh) if r.zh else None  # a Chinese place: 2-4 characters or in the gazetteer
    if m is not None and (z is None or len(z.place) <= 4 or _gazetteer_place(z.place) is not None):
        return slugify(m.place), _ORGAN_LEVEL.get(m.level, LOCAL)
    for n in names:
        if has_han(n):
            m = _ZH_PLACE.match(n)
            if m and not _NATIONAL.search(n):
                g = _gazetteer_place(m.group(1))
                level = _ZH_LEVEL.get(m.group(2), LOCAL)
                return (g[0] if g else slugify(place_en(m.group(1)))), level
        else:
            for m in _EN_PLACE.finditer(n):
                if m.group(1) not in _NOT_PLACE:
                    level = _EN_LEVEL.get(m.group(2), LOCAL)
                    return slugify(m.group(1)), level
    for n in names:
        g = _gazetteer_place(n)
        if g is not None:
            return g
    in_table = any(aliases.bodies().get(n) is not None for n in names)
    if in_table or any(_NATIONAL.search(n) for n in names):
        return "china", NATIONAL
    return None


def body_locality(body: str) -> tuple[str, int] | None:
    """The place a body's name points to, as (place slug, level): ``body_anchor`` without a scope."""
    return body_anchor(body)


def anchor(post_bodies: Iterable[str | None], scope: str | None = None) -> tuple[str, int] | None:
    """The anchor of a person from the bodies of their posts in one release: the most local."""
    found = [a for a in (body_anchor(b, scope) for b in post_bodies if b and clean(b)) if a]
    return min(found, key=lambda a: a[1]) if found else None


def external_ids_of(name: str) -> tuple[str, ...]:
    """The external ids (Wikidata QIDs ...) persons.tsv gives for any listed form of ``name``."""
    return aliases.person_ids().get(key(name), ())


def fixed_local(name: str) -> str | None:
    """The IRI tail persons.tsv fixes for a well-known official (any listed spelling), else None."""
    j = aliases.fixed_persons().get(key(name))
    return f"{name_key(name)}--{slugify(j)}" if j else None


def person_local(name: str, anchor_slug: str | None) -> str:
    """The IRI path segment of a person: "zhang-zhijun--changchun" (persons.tsv overrides)."""
    fixed = fixed_local(name)
    if fixed:
        return fixed
    n = name_key(name)
    return f"{n}--{anchor_slug}" if anchor_slug else n
