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


_LEVELS = (
    r"(?:Municipal|Provincial|District|County|City|Prefectural|Autonomous Regional|Autonomous Prefecture)"
)
_EN_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bCommunist Party of China\b|\bChinese Communist Party\b|\bCCP\b"), "CPC"),
    (re.compile(r"\bCPC \(CPC\)"), "CPC"),
    (re.compile(r"\bParty Committee\b"), "Committee"),
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
]


def normalize_body(name: str) -> str:
    """The regular form of a body name (see the module doc); unknown phrasings pass through cleaned."""
    s = clean(name)
    s = re.sub(r"^(?:the|The)\s+", "", s).strip(" .,;:\"'“”")
    if has_han(s):
        s = re.sub(r"\s+", "", to_simplified(s))
        for rx, rep in _ZH_RULES:
            s = rx.sub(rep, s)
        return s
    for rx, rep in _EN_RULES:
        s = rx.sub(rep, s)
    return re.sub(r"\s+", " ", s).strip()


def _translate_zh_body(zh: str) -> str | None:
    for rx, template in aliases.body_patterns():
        m = rx.match(zh)
        if m:
            return template.format(p=place_en(m.group("p")))
    return None


def _alts(name: str, *canon: str | None) -> tuple[str, ...]:
    written = re.sub(r"^(?:the|The)\s+", "", clean(name))
    forms = {written, to_simplified(written)}
    return tuple(sorted(f for f in forms if f and f not in canon))


def resolve_body(name: str) -> Resolved:
    """The canonical identity of a body name (English or Chinese)."""
    table = aliases.bodies()
    e = table.get(name)
    norm = normalize_body(name)
    if e is None:
        e = table.get(norm)
    if e is not None:
        return Resolved(slugify(e.en), e.en, e.zh, _alts(name, e.en, e.zh), known=True)
    if has_han(norm):
        en = _translate_zh_body(norm)
        if en is not None:
            e = table.get(en)
            if e is not None:
                return Resolved(slugify(e.en), e.en, e.zh, _alts(name, e.en, e.zh), known=True)
            return Resolved(slugify(en), en, norm, _alts(name, en, norm), known=True)
        return Resolved(slugify(norm), None, norm, _alts(name, norm))
    return Resolved(slugify(norm), norm, None, _alts(name, norm))


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
        return Resolved(slugify(e.en), e.en, e.zh, _alts(name, e.en, e.zh), known=True)
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
