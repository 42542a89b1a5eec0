"""Bodies, initiatives and roles: one canonical identity per entity across languages and spellings.

Resolution order for a name: (1) the alias table (any listed form, any language, traditional or
simplified); (2) normalization of regular English phrasings ("the CPC X Municipal Committee",
"X Municipal Committee of the CPC", "X Municipal Party Committee" -> "CPC X Municipal Committee") and
of regular Chinese ones ("中国共产党X市委员会", "X市委" -> "中共X市委"), then the table again; (3) for
Chinese names, translation by body_patterns.tsv ("中共长春市委" -> "CPC Changchun Municipal Committee");
(4) otherwise the normalized name itself. The IRI is minted from the canonical English form when there
is one, else from the normalized name (Chinese: pinyin syllables), so both languages meet on one IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg import organs
from kg.resolve import aliases
from kg.resolve.pinyin import place_en
from kg.resolve.slug import slugify
from kg.resolve.text import clean, has_han, to_simplified


@dataclass(frozen=True)
class Resolved:
    """A canonical entity: its IRI path segment, labels by language, and other known forms."""

    local: str  # slug, e.g. "cpc-changchun-municipal-committee"
    en: str | None
    zh: str | None
    alt: tuple[str, ...] = field(default_factory=tuple)  # other forms (aliases, traditional, text forms)
    known: bool = False  # found in a table or by a pattern
    scoped: bool = False  # a generic name ("Municipal Committee", 市委) kept to the release it was read in
    same_as: tuple[str, ...] = field(default_factory=tuple)  # external ids of the alias table (Q42, ...)


_LEVELS = (
    r"(?:Municipal|Provincial|District|County|City|Prefectural|Autonomous Regional|Autonomous Prefecture)"
)
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:th|st|nd|rd))"  # 11th, Eleventh
_EN_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bCommunist Party of China\b|\bChinese Communist Party\b|\bCCP\b"), "CPC"),
    (re.compile(r"\bCPC \(CPC\)"), "CPC"),
    (re.compile(r"\bParty Committee\b"), "Committee"),
    # the term of a congress or CPPCC committee is not part of the body's identity: "the 11th ..."
    (re.compile(rf"\b((?:the )?){_ORDINAL} (?=(?:CPPCC|NPC|National|[A-Z]\w+ (?:{_LEVELS}) ))"), r"\1"),
    # "X Municipal Committee Standing Committee" -> "Standing Committee of the X Municipal Committee"
    (re.compile(rf"^(?:CPC )?(.+? {_LEVELS}) Committee Standing Committee$"),
     r"Standing Committee of the CPC \1 Committee"),
    (re.compile(rf"^Standing Committee of (?!(?:the )?CPC )(?!(?:the )?{_LEVELS} )(?:the )?"
                rf"(?!.*People's Congress)(?!.*CPPCC)"
                rf"(.+? {_LEVELS}) Committee$"), r"Standing Committee of the CPC \1 Committee"),
    # "Foreign Affairs Working Committee of the CPC X Municipal Committee" -> "CPC X Municipal F.A.W.C."
    (re.compile(rf"^(Foreign Affairs (?:Working )?Committee) of (?:the )?(?:CPC )?(.+? {_LEVELS}) "
                r"Committee$"), r"CPC \2 \1"),
    (re.compile(r"\bForeign Affairs Committee$"), "Foreign Affairs Working Committee"),
    # "X Municipal People's Congress Standing Committee" -> "Standing Committee of the X Municipal P. C."
    (re.compile(rf"^(.+? {_LEVELS}) People's Congress Standing Committee$"),
     r"Standing Committee of the \1 People's Congress"),
    # "CPPCC X Municipal Committee" / "X Municipal CPPCC Committee" -> "X Municipal Committee of the CPPCC"
    (re.compile(rf"^CPPCC (.+? {_LEVELS}) Committee$"), r"\1 Committee of the CPPCC"),
    (re.compile(rf"^(.+? {_LEVELS}) CPPCC(?: Committee)?$"), r"\1 Committee of the CPPCC"),
    (re.compile(rf"^Standing Committee of (?:the )?CPPCC (.+? {_LEVELS}) Committee$"),
     r"Standing Committee of the \1 Committee of the CPPCC"),
    # "X Municipal Government" -> "X Municipal People's Government"
    (re.compile(rf"^(.+? {_LEVELS}) Government$"), r"\1 People's Government"),
    (re.compile(rf"^(?:CPC )?(.+? {_LEVELS}) CPC Committee$"), r"CPC \1 Committee"),
    (re.compile(rf"^(.+? {_LEVELS}) Committee of (?:the )?CPC$"), r"CPC \1 Committee"),
    (re.compile(rf"^(?!CPC )(?!.* of )(\w[\w' -]*? {_LEVELS}) Committee$"), r"CPC \1 Committee"),
    (re.compile(r"^CPC CPC "), "CPC "),
]
_ZH_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^中国共产党"), "中共"),
    (re.compile(r"^(中共.+?[省市区县])委员会$"), r"\1委"),
    (re.compile(r"^(?!中共)(.+?[省市区县]委)$"), r"中共\1"),
    (re.compile(r"^中共(.+?[省市区县])党委$"), r"中共\1委"),
    # organs of a party committee: 青山市委外事工作委员会 / 市委常委会 -> 中共青山市委...
    (re.compile(r"^(?!中共)(.+?[省市区县]委)(外事工作委员会|外事委员会|常委会|常务委员会)$"), r"中共\1\2"),
    (re.compile(r"^(中共.+?[省市区县]委)外事委员会$"), r"\1外事工作委员会"),
    (re.compile(r"^(中共.+?[省市区县]委)常务委员会$"), r"\1常委会"),
    # the term of a congress / CPPCC is not part of the body's identity: 第十六届, 十一届
    (re.compile(r"第?[一二三四五六七八九十百\d]+届"), ""),
    (re.compile(r"人民代表大会常务委员会$"), "人大常委会"),
    (re.compile(r"^(.+?[省市区县])政协(常委会)?$"), r"政协\1委员会\2"),
    (re.compile(r"^(.+?[省市区县])政府$"), r"\1人民政府"),
]


def normalize_body(name: str) -> str:
    """The regular form of a body name (see the module doc); unknown phrasings pass through cleaned."""
    s = clean(name)
    s = re.sub(r"^(?:the|The)\s+", "", s).strip(" .,;:\"'“”")
    if has_han(s):
        s = re.sub(r"\s+", "", to_simplified(s))
        written = s
        for rx, rep in _ZH_RULES:
            s = rx.sub(rep, s)
        return organs.canonical(written) or organs.canonical(s) or s  # the house style of organs.tsv
    written = s
    for rx, rep in _EN_RULES:
        s = rx.sub(rep, s)
    s = re.sub(r"\s+", " ", s).strip()
    return organs.canonical(written) or organs.canonical(s) or s


_EN_PLACE_ONLY = re.compile(
    r"^([A-Z][\w'-]+(?: (?!City$|Province$|Municipality$)[A-Z][\w'-]+)?)(?: (City|Province|Municipality))?$"
)
_MUNICIPALITIES = frozenset({"Beijing", "Tianjin", "Shanghai", "Chongqing"})  # province-level cities
_ZH_PLACE_ONLY = re.compile(r"^(.{2,8}?)(市|省|自治区)$")


def place_as_body(name: str) -> str | None:
    """A place standing for its government, as in "Mayor of Qingshan" / "Qingshan City" / 青山市 / 西原省:
    the people's government of that place, when the place is known (places.tsv, KG_DATA_PATH) or says
    City/Province/市/省 itself; None for anything else."""
    s = clean(name)
    if has_han(s):
        s = to_simplified(s)
        m = _ZH_PLACE_ONLY.match(s)
        if m and not re.search(r"[委会办局厅部院]", m.group(1)):
            return f"{s}人民政府"
        if any(pl.zh == s for pl in aliases.places()):
            province = any(pl.zh == s and pl.province == pl.en and pl.en not in _MUNICIPALITIES
                           for pl in aliases.places())
            return f"{s}{'省' if province else '市'}人民政府"
        return None
    m = _EN_PLACE_ONLY.match(s)
    if not m:
        return None
    place, kind = m.group(1), m.group(2)
    known = [pl for pl in aliases.places() if pl.en.lower() == place.lower()]
    if not kind and not known:
        return None
    province = kind == "Province" or (not kind and known[0].province == known[0].en)
    if place in _MUNICIPALITIES:
        province = False
    return f"{place} {'Provincial' if province else 'Municipal'} People's Government"


def _translate_zh_body(zh: str) -> str | None:
    m = organs.parse(zh)
    if m is not None and m.chinese:
        return m.english(_place_en(m.place))
    for rx, template in aliases.body_patterns():
        m = rx.match(zh)
        if m:
            return template.format(p=_place_en(m.group("p")))
    return None


def _place_en(zh: str) -> str:
    """The English name of a Chinese place: the bundled gazetteer's (陕西 -> Shaanxi, not the pinyin
    "Shanxi" of 山西), else pinyin. Bundled rows only, so that body IRIs do not change with KG_DATA_PATH."""
    for pl in aliases.bundled_places():
        if pl.zh == zh:
            return pl.en
    return place_en(zh)


def _alts(name: str, *canon: str | None) -> tuple[str, ...]:
    written = re.sub(r"^(?:the|The)\s+", "", clean(name))
    forms = {written, to_simplified(written)}
    return tuple(sorted(f for f in forms if f and f not in canon))


_EN_GENERIC = re.compile(
    r"^(?:(?:Standing Committee|Foreign Affairs (?:Working )?Committee|[A-Z][\w' ]*?) of )?"
    r"(?:the )?(?:CPC )?"
    rf"(?:{_LEVELS}|Township|Town|(?i:city's|municipality's|province's|county's))(?!\w)"
)
# "... of Lanhe": a place (or another proper name) follows; "... of the CPC" / "of the Municipal ..." does not
_EN_NAMED_TAIL = re.compile(
    rf"\bof (?:the )?(?!CPC\b|CPPCC\b|Communist\b|Chinese\b|Standing\b|People's\b|{_LEVELS}\b)[A-Z]"
)
_ZH_GENERIC = re.compile(r"^(?:中共|政协)?(?:自治区|自治州|省|市|县|区|州|盟|旗|镇|乡)(?![长])")


def is_generic_body(name: str) -> bool:
    """True when a body name says its level but not its place: "Municipal Party Committee", "the
    Standing Committee of the Municipal People's Congress", 市委, 县委常委会, 省政协. Such a name stands
    for a different body in every place, so it must never be merged across releases by its words."""
    s = clean(name)
    s = re.sub(r"^(?:the|The)\s+", "", s)
    if has_han(s):
        return bool(_ZH_GENERIC.match(re.sub(r"\s+", "", to_simplified(s))))
    return bool(_EN_GENERIC.match(s)) and not _EN_NAMED_TAIL.search(s)


def scope_slug(scope: str) -> str:
    """The IRI tail of a release (or source site) that scopes a generic name: as in kgid:release/<id>."""
    return slugify(scope, max_len=96, exact=True)


def resolve_body(name: str, scope: str | None = None) -> Resolved:
    """The canonical identity of a body name (English or Chinese). A generic name that leaves its place
    implicit (``is_generic_body``) and is found in no alias table is kept to ``scope`` (the release id,
    or a source site): its IRI tail is "<name>--in-<scope>", so the "Municipal Committee" of two
    releases are two bodies. Without a scope it is minted from its words alone (lookups, tests)."""
    r = _resolve_body_cached(name, _tables_id())
    if scope and not r.known and (is_generic_body(name) or is_generic_body(r.en or r.zh or "")):
        return Resolved(f"{r.local}--in-{scope_slug(scope)}", r.en, r.zh, r.alt, False, scoped=True)
    return r


def _tables_id() -> tuple[int, ...]:
    """Which alias tables are loaded (they are reloaded when KG_DATA_PATH changes and caches are cleared)."""
    return id(aliases.bodies()), id(aliases.places()), id(aliases.body_patterns()), id(organs.patterns())


@lru_cache(maxsize=65536)
def _resolve_body_cached(name: str, tables: tuple[int, ...]) -> Resolved:
    del tables  # part of the cache key only
    return _resolve_body(name)


def _resolve_body(name: str) -> Resolved:
    table = aliases.bodies()
    e = table.get(name)
    if e is None and (government := place_as_body(name)):
        gov = _resolve_body(government)
        alt = tuple(sorted({*gov.alt, *_alts(name, gov.en, gov.zh)}))
        return Resolved(gov.local, gov.en, gov.zh, alt, gov.known, same_as=gov.same_as)
    norm = normalize_body(name)
    if e is None:
        e = table.get(norm)
    if e is not None:
        return _entry(e, name)
    if has_han(norm):
        en = _translate_zh_body(norm)
        if en is not None:
            e = table.get(en)
            if e is not None:
                return _entry(e, name)
            return Resolved(slugify(en), en, norm, _alts(name, en, norm), known=True)
        return Resolved(slugify(norm), None, norm, _alts(name, norm))
    return Resolved(slugify(norm), norm, None, _alts(name, norm))


def _entry(e: aliases.Entry, name: str) -> Resolved:
    return Resolved(slugify(e.en), e.en, e.zh, _alts(name, e.en, e.zh), known=True, same_as=e.ids)


_INIT_STRIP = re.compile(r"^(?:the\s+)|[\"'“”‘’《》「」『』]", re.IGNORECASE)


def normalize_initiative(name: str) -> str:
    s = _INIT_STRIP.sub("", clean(name)).strip(" .,;:")
    return re.sub(r"\s+", "", to_simplified(s)) if has_han(s) else s


def resolve_initiative(name: str) -> Resolved:
    """The canonical identity of an initiative (policy, plan, doctrine, slogan)."""
    table = aliases.initiatives()
    norm = normalize_initiative(name)
    e = table.get(name) or table.get(norm)
    if e is not None:
        return _entry(e, name)
    if has_han(norm):
        return Resolved(slugify(norm), None, norm, _alts(name, norm))
    return Resolved(slugify(norm), norm, None, _alts(name, norm))


def resolve_role(name: str) -> Resolved:
    """The canonical identity of an office word: 书记 and "Secretary" are one role."""
    table = aliases.roles()
    e = table.get(name)
    if e is not None:
        return Resolved(slugify(e.en), e.en, e.zh, (), known=True)
    norm = clean(name)
    if has_han(norm):
        norm = to_simplified(norm)
        return Resolved(slugify(norm), None, norm)
    return Resolved(slugify(norm), norm, None)


_GOV_EN = re.compile(
    r"\b(?:CPC|Party|Committee|Government|Congress|CPPCC|Council|Ministry|Bureau|Department|Commission|"
    r"Office|Court|Procuratorate|Administration|Leading Group|Embassy|Consulate|Politburo|Political Bureau)\b"
)
_GOV_ZH = re.compile(r"中共|党|委|政府|人大|政协|国务院|部$|局|厅|办|法院|检察院|领导小组|使馆|领事馆")
_NON_GOV = re.compile(
    r"\b(?:University|College|Company|Co\.|Ltd|Inc|Corporation|Group Co|Bank)\b|大学|学院|公司|集团|银行"
)


def is_governmental(r: Resolved) -> bool:
    """Party and state bodies (schema:GovernmentOrganization); companies, universities are not."""
    names = [n for n in (r.en, r.zh) if n]
    if any(_NON_GOV.search(n) for n in names):
        return False
    return any(_GOV_EN.search(n) or _GOV_ZH.search(n) for n in names)


_SUB_OF = re.compile(
    r"^(?:.+?) of (?:the )?(.+(?:Committee|Government|Congress|Council|Ministry|CPPCC|NPC))$"
)


def parent_body(r: Resolved) -> str | None:
    """The English name of the body ``r`` belongs to, when its canonical name says so
    ("Standing Committee of the CPC X Municipal Committee" -> "CPC X Municipal Committee")."""
    if not r.en:
        return None
    m = _SUB_OF.match(r.en)
    if m:
        return m.group(1)
    m = re.match(rf"^CPC (\S+(?: \S+)?) ({_LEVELS}) .+ (?:Working )?Committee$", r.en)
    if m and not r.en.endswith(f"{m.group(2)} Committee"):
        return f"CPC {m.group(1)} {m.group(2)} Committee"
    return None


_STANDING_MEMBER = "Member of the Standing Committee"


def canonical_post(role: str, body: str, scope: str | None = None) -> tuple[str, str]:
    """One (role, body) per post, whichever way a release phrases it: a "Member of the Standing
    Committee" (常委) of a committee is a "Member" of that committee's Standing Committee, so
    ("Member of the Standing Committee", "CPC X Provincial Committee"), ("常委", "中共X省委") and
    ("Member", "Standing Committee of the CPC X Provincial Committee") are one post. Other posts come
    back unchanged (their role and body meet through the alias tables)."""
    rr = resolve_role(role)
    if rr.en != _STANDING_MEMBER:
        return role, body
    br = resolve_body(body, scope)
    member = resolve_role("Member").en or "Member"
    names = [n for n in (br.en, br.zh) if n]
    if any(re.match(r"^Standing Committee\b", n) or re.search(r"常委会$|常务委员会$", n) for n in names):
        return member, body
    if br.en:
        return member, f"Standing Committee of the {br.en}"
    if br.zh:
        return member, f"{br.zh}常委会"
    return role, body
