"""Organization names: finding them in running text and giving each its qualified (preferred) form.

``qualify`` turns the text's own form into the preferred name, filling in the locality where the
text leaves it implicit ("the Municipal Party Committee" -> "CPC Yueyang Municipal Committee").
``find_bodies`` collects capitalized organization names ending in a head noun (body_heads.txt, company
legal forms included); ``find_named_companies`` the companies a release lists as examples ("companies such
as X and Y"); ``find_delegations`` a place's party and government delegation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.en.lexicon import lexicon
from kg.extract.en.locality import Locality

_LEVEL_WORD = {
    "municipal": "Municipal",
    "county": "County",
    "district": "District",
    "provincial": "Provincial",
}
_SMALL = {"of", "the", "and", "for", "on", "in", "to", "at", "with", "a"}
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")
_LVL = r"(municipal|city|county|district|provincial|province)"


def clean(text: str) -> str:
    """The text's own form, tidied: no leading article, no "(NPC)" glosses, single spaces."""
    s = re.sub(r"\s+", " ", text).strip(" ,.;:")
    s = re.sub(r"^(the|a|an|its|his|her)\s+", "", s, flags=re.I)
    s = _ACRONYM.sub("", s)
    s = s.replace("’", "'")
    return s.strip()


def titlecase(s: str) -> str:
    if not s.islower():
        return s
    words = s.split()
    out = []
    for i, w in enumerate(words):
        if w in {"cpc", "cppcc", "npc", "mpc"}:
            out.append(w.upper())
        elif i and w in _SMALL:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def level_of(text: str) -> str | None:
    m = re.search(rf"\b{_LVL}\b", text, re.I)
    if not m:
        return None
    w = m.group(1).lower()
    return {"city": "municipal", "province": "provincial"}.get(w, w)


_GENERIC_CAPS = {"the", "a", "an", "of", "and", "for", "on", "in", "city", "province", "new", "special"}


def _has_proper(text: str) -> bool:
    """True when the form names its own place or organization ("CPC Changchun Municipal Committee")."""
    lex = lexicon()
    if re.match(r"(?:Municipal|County|District|Provincial) ", text) and not re.search(
        r" of (?:the )?[A-Z][a-z]+ (?:City|Province|County|District)\b", text
    ):
        # "Municipal Development and Reform Commission": a place's name comes before its level word
        return False
    # "Provincial Commission for Comprehensively Deepening Reform": what follows "for" is the remit
    text = re.split(r" for ", text, maxsplit=1)[0]
    # "Municipal Bureau of Commerce": the remit after a complement-taking head names no place either
    m = re.match(r"(.*?\b([A-Z][a-z]+)) of (?:the )?(.+)$", text)
    if (
        m
        and m.group(2) in lex.complement_heads
        and not any(
            w in lex.body_heads or w.lower() in _LV or w in {"CPC", "CPPCC"} for w in m.group(3).split()
        )
    ):
        text = m.group(1)
    for w in re.findall(r"[A-Z][a-z]+", text):
        lw = w.lower()
        if _ORDINAL.match(lw):
            continue
        if lw in _GENERIC_CAPS or lw in lex.role_words or w in lex.body_heads or lw in _LEVEL_WORD:
            continue
        if lw in {
            "people",
            "party",
            "standing",
            "working",
            "work",
            "affairs",
            "foreign",
            "political",
            "consultative",
            "conference",
            "front",
            "united",
            "organization",
            "publicity",
            "legal",
            "general",
            "discipline",
            "inspection",
            "leading",
            "theoretical",
            "learning",
            "study",
            "presidium",
            "session",
            "court",
            "procuratorate",
            "supervisory",
            "education",
            "finance",
            "economic",
        }:
            continue
        return True
    return False


_LV = {
    "city": "Municipal",
    "municipal": "Municipal",
    "county": "County",
    "district": "District",
    "provincial": "Provincial",
    "province": "Provincial",
}


# an ordinal written as a word ("Fourteenth"), not any word ending in "th" ("Health", "Youth")
_ORD_WORD = r"(?:[A-Z][a-z]+(?:teenth|tieth)|Fourth|Sixth|Seventh|Tenth|Eleventh|Twelfth)"


def _normalize_proper(form: str) -> str:
    """House style for forms that name their place: "Heshan District Party Committee" -> "CPC Heshan District
    Committee", "Datong County CPPCC" -> "CPPCC Datong County Committee", "People's Congress of Xinhua County"
    -> "Xinhua County People's Congress"."""
    f = form
    f = re.sub(r"\bpeople's (?=[A-Z])", "People's ", f)  # machine translation: "City people's Congress"
    f = re.sub(
        rf"^(?:\d+(?:st|nd|rd|th)|{_ORD_WORD}|First|Second|Third) (Standing Committee of )",
        r"\1",
        f,
    )
    # "Shishi City People's Congress" is the Shishi Municipal People's Congress
    f = re.sub(
        r"\b([A-Z][a-z]+) City (?=People's|Party|CPC|Government|Political|CPPCC|Standing|Commission for)",
        r"\1 Municipal ",
        f,
    )
    form = f
    m = re.match(r"^(.+?) of (?:the )?([A-Z][a-z]+) (County|City|District|Province)$", form)
    if m:
        head, place = m.group(1), f"{m.group(2)} {_LV[m.group(3).lower()]}"
        # "the County Party Committee of Lishan County": the level is said once
        head = re.sub(r"^(?:Municipal|County|District|Provincial|City) ", "", head)
        sm = re.match(r"^(Standing Committee of (?:the )?)(.+)$", head)
        f = f"{sm.group(1)}{place} {sm.group(2)}" if sm else f"{place} {head}"
    # the term of a congress is no part of its name, but a session is one of one term's congress
    f = re.sub(
        rf"(?<![Ss]ession of the )\b(?:\d+(?:st|nd|rd|th)|{_ORD_WORD}|First|Second|Third|Fifth|Eighth|Ninth|"
        r"Twelfth) (?=(?:[A-Z][a-z]+ )*(?:People's Congress|Municipal|County|District))",
        "",
        f,
    )
    f = re.sub(
        r"^(Standing Committee of (?:the )?)?([A-Z][a-z]+) (Municipal|County|District|Provincial|City) "
        r"(?:Party |CPC )?Committee$",
        lambda m: f"{m.group(1) or ''}CPC {m.group(2)} {_LV[m.group(3).lower()]} Committee",
        f,
    )
    f = re.sub(
        r"^([A-Z][a-z]+) (Municipal|County|District|Provincial) (?:Party |CPC )?(?:Party )?Committee "
        r"Standing Committee$",
        r"Standing Committee of the CPC \1 \2 Committee",
        f,
    )
    f = re.sub(
        r"^([A-Z][a-z]+) (Municipal|County|District|Provincial) People's Congress Standing Committee$",
        r"Standing Committee of the \1 \2 People's Congress",
        f,
    )
    # "Shishi Municipal Standing Committee": the standing committee of the party committee
    f = re.sub(
        r"^([A-Z][a-z]+) (Municipal|County|District|Provincial) Standing Committee$",
        r"Standing Committee of the CPC \1 \2 Committee",
        f,
    )
    f = re.sub(
        r"^([A-Z][a-z]+) (Municipal|County|District|Provincial|City) (?:CPPCC|Political Consultative "
        r"Conference)(?: Committee)?$",
        lambda m: f"CPPCC {m.group(1)} {_LV[m.group(2).lower()]} Committee",
        f,
    )
    f = re.sub(r"^CPPCC ([A-Z][a-z]+) City Committee$", r"CPPCC \1 Municipal Committee", f)
    f = re.sub(
        rf"\b(Municipal|County|District|Provincial) (?:\d+(?:st|nd|rd|th)|{_ORD_WORD}) ",
        r"\1 ",
        f,
    )
    f = re.sub(r"^(Standing Committee of (?:the )?)(People's Congress) (?:of )?([A-Z][a-z]+ )", r"\1\3\2 ", f)
    f = re.sub(
        r"^Standing Committee of (?=[A-Z][a-z]+ (?:Municipal|County|District|Provincial) )", r"\g<0>the ", f
    )
    return f.strip()


@dataclass(frozen=True)
class Qualified:
    name: str
    text_form: str


@lru_cache(maxsize=1)
def _variants() -> re.Pattern[str] | None:
    table = lexicon().translation_variants
    if not table:
        return None
    alts = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'])(?:{alts})(?![\w’'])", re.I)


def house_words(text: str) -> str:
    """Machine-translation variants of body words in their house form (translation_variants.tsv):
    "Permanent Commission of the X People's Assembly" -> "Standing Committee of the X People's Congress"."""
    pat = _variants()
    if pat is None:
        return text

    def one(m: re.Match[str]) -> str:
        out = lexicon().translation_variants[m.group(0).lower()]
        return " ".join(w[:1].upper() + w[1:] for w in out.split()) if m.group(0)[:1].isupper() else out

    return pat.sub(one, text)


_PLACE_CPC_LEVEL = re.compile(
    r"([A-Z][a-z]+) (?:CPC|Party|CPC Party) (County|District|Municipal|City|Provincial) (?:Party )?Committee"
)
_LEVEL_NAME = {"county": "County", "district": "District", "municipal": "Municipal", "city": "Municipal",
               "provincial": "Provincial"}
# a party group (党组) of a body the text names by its kind only
_PARTY_GROUP_OF = re.compile(r"((?:Leading )?Party (?:Members )?Group) of (?:the )?(.+)")


def qualify(text: str, loc: Locality, level_hint: str | None = None) -> Qualified:
    """The preferred name of a body written as ``text``."""
    form = titlecase(clean(house_words(text)))
    if re.search(r"[A-Z]", form):
        # machine translation mixes cases: "Qinghe county party committee"
        form = re.sub(
            r"\b(county|district|municipal|provincial|city|party|committee|standing|people[’']s|congress|"
            r"government)\b",
            lambda w: w.group(1)[:1].upper() + w.group(1)[1:],
            form,
        )
    low = form.lower()
    alias = lexicon().body_aliases.get(low)
    if alias:
        form, low = alias, alias.lower()
    pc = re.fullmatch(r"(Standing Committee of (?:the )?)?([A-Z][a-z]+) (CPPCC|People's Congress)", form)
    lvl = next((lv for lv, pl in loc.by_level.items() if pc and pl == pc.group(2)), None)
    if pc and lvl in _LEVEL_WORD:
        # "the Standing Committee of the Heyao CPPCC": the place's level is known from the release
        core = (
            f"CPPCC {pc.group(2)} {_LEVEL_WORD[lvl]} Committee"
            if pc.group(3) == "CPPCC"
            else f"{pc.group(2)} {_LEVEL_WORD[lvl]} People's Congress"
        )
        return Qualified(f"Standing Committee of the {core}" if pc.group(1) else core, form)
    pp = re.fullmatch(r"([A-Z][a-z]+) (?:CPC|Party|CPC Party) Committee", form)
    lvl = next((lv for lv, pl in loc.by_level.items() if pp and pl == pp.group(1)), None)
    if pp and lvl in _LEVEL_WORD:
        # "the secretary of Qingshan CPC committee": the place's level is known from the release
        return Qualified(f"CPC {pp.group(1)} {_LEVEL_WORD[lvl]} Committee", form)
    pl = _PLACE_CPC_LEVEL.fullmatch(form)
    if pl:
        # "the secretary of Songtao CPC county committee": the CPC committee of the place at that level
        return Qualified(f"CPC {pl.group(1)} {_LEVEL_NAME[pl.group(2).lower()]} Committee", form)
    pg = _PARTY_GROUP_OF.fullmatch(form)
    if pg:
        # "Leading Party Members Group of the Municipal Government": the party group of the named body
        inner = qualify(pg.group(2), loc, level_hint)
        if inner.name != inner.text_form:
            return Qualified(f"{pg.group(1)} of {inner.name}", form)
    if _has_proper(form):
        # "Changchun Municipal Committee" is the CPC committee of the place
        return Qualified(_normalize_proper(form), form)
    low = re.sub(
        r"\b(\d+(?:st|nd|rd|th)|[a-z]+teenth|[a-z]+tieth|first|second|third|fourth|fifth|sixth|seventh|"
        r"eighth|ninth|tenth|eleventh|twelfth)\s+",
        "",
        low,
    )
    level = level_of(low) or level_hint
    place = loc.place(level)
    if not place and low in lexicon().party_organs and loc.main:
        place, level = loc.main, loc.main_level
    if not place:
        if low in {"cppcc", "cppcc committee"} and loc.main and loc.main_level in _LEVEL_WORD:
            place, level = loc.main, loc.main_level
        elif (
            re.fullmatch(
                r"(?:\d+\w* |[a-z]+teenth |[a-z]+th )?(government|people's government|people's congress|"
                r"people's congress standing committee|standing committee of people's congress)",
                low,
            )
            and loc.main
        ):
            place, level = loc.main, loc.main_level
        else:
            return Qualified(form, form)
    lv = _LEVEL_WORD.get(level or "", "Municipal")
    low = re.sub(
        r"\b(\d+\w*|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth)\s+",
        "",
        low,
    )
    low = re.sub(r"\bthe\s+", "", low)
    L = rf"(?:{_LVL}\s+)?"
    rules: list[tuple[str, str]] = [
        (
            rf"standing committee of {L}(?:cpc |party )?(?:party )?committee"
            rf"|{L}party committee standing committee"
            rf"|{L}(?:cpc )?standing committee",
            f"Standing Committee of the CPC {place} {lv} Committee",
        ),
        (
            rf"{L}(?:people's congress|npc|mpc) standing committee"
            rf"|standing committee of {L}(?:people's congress|npc|mpc)",
            f"Standing Committee of the {place} {lv} People's Congress",
        ),
        (rf"{L}(?:people's congress|npc|mpc)", f"{place} {lv} People's Congress"),
        (
            rf"(?:{L}cppcc(?: committee)?|cppcc {L}committee|{L}political consultative conference)",
            f"CPPCC {place} {lv} Committee",
        ),
        (rf"{L}(?:people's )?government", f"{place} {lv} People's Government"),
        (rf"(?:cpc )?{L}(?:cpc |party )?(?:party )?committee(?: of cpc)?", f"CPC {place} {lv} Committee"),
        (rf"party group of {L}(.+)", ""),
    ]
    for pat, out in rules:
        if re.fullmatch(pat, low):
            if out:
                return Qualified(out, form)
            break
    if low in lexicon().party_organs:
        return Qualified(f"{titlecase(low)} of the CPC {place} {lv} Committee", form)
    m = re.fullmatch(rf"{L}(?:cpc |party )?(?:party )?committee (.+)", low)
    if m and m.group(2) in lexicon().party_organs:
        # "county party committee organization department"
        return Qualified(f"{titlecase(m.group(2))} of the CPC {place} {lv} Committee", form)
    m = re.fullmatch(rf"{L}discipline inspection commission", low)
    if m:
        return Qualified(f"{place} {lv} Commission for Discipline Inspection", form)
    m = re.fullmatch(rf"(.+?) of {L}(?:cpc |party )?(?:party )?committee", low)
    if m and "standing" not in m.group(1):
        return Qualified(f"{titlecase(m.group(1))} of the CPC {place} {lv} Committee", form)
    m = re.fullmatch(rf"{_LVL}\s+(.+)", low)
    if m:
        # keep the text's own casing of the rest ("... Role as the Center for ...") where it has one
        own = re.fullmatch(rf"(?i:{_LVL})\s+([A-Z].*)", form)
        rest = own.group(2) if own and not form.islower() else titlecase(m.group(2))
        return Qualified(f"{place} {lv} {rest}", form)
    return Qualified(form, form)


def default_body(template: str, level: str | None, loc: Locality, place: str | None = None) -> str | None:
    """The body a role implies when the text names none: {gov}, {party} or a literal name."""
    if not template:
        return None
    if template not in {"{gov}", "{party}", "{procuratorate}"}:
        return template
    level = level or loc.main_level or "municipal"
    place = place or loc.place(level)
    lv = _LEVEL_WORD.get(level, "Municipal")
    if template == "{procuratorate}":
        return f"{place} {lv} People's Procuratorate" if place else f"{lv} People's Procuratorate"
    if template == "{gov}":
        if level == "provincial":
            return f"{place} Province" if place else "Provincial Government"
        return f"{place} {lv} People's Government" if place else f"{lv} Government"
    return f"CPC {place} {lv} Committee" if place else f"{lv} Party Committee"


_CAPWORD = r"(?:[A-Z][\w’'\-]*|people[’']s(?= [A-Z])|\d{4}|\d+(?:st|nd|rd|th))"
_CONNECT = r"(?:of|the|and|for|on|in|to|de|as(?= the))"
_BODY = re.compile(rf"(?<![\w’'])({_CAPWORD}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)*{_CAPWORD})*)")
_NOT_ROLE_HERE = {
    "cpc",
    "cppcc",
    "party",
    "state",
    "general",
    "standing",
    "executive",
    "foreign",
    "county",
    "district",
    "court",
    "board",
    "members",
    "member",
    "head",
}
_ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth)$",
    re.I,
)


# "Co., Ltd." is masked as one word ("Co___Ltd_") while names are read
_CO_LTD = re.compile(r"Co_+Ltd_*")
_CO_LTD_TEXT = re.compile(r"\bCo\.,? ?Ltd\.?")


# a state-designated zone run by its own administrative committee: "X Economic and Technological
# Development Zone", "X High-tech Industrial Development Zone", "X High-tech Zone" (not an "Integrated
# Development Zone" of two cities, which is a programme)
ADMIN_ZONE = re.compile(
    r"(?:Economic and Technological|Economic[- ]Technological|(?:New and )?H(?:igh|i)-[Tt]ech Industrial"
    r"|H(?:igh|i)-[Tt]ech|Economic|Industrial) Development Zone$|H(?:igh|i)-[Tt]ech Zone$"
)


def _is_head(words: list[str], k: int) -> bool:
    heads = lexicon().body_heads
    w = re.sub(r"[’']s$", "", words[k].strip("’'"))
    if w in heads or _CO_LTD.fullmatch(w):
        return True
    if w == "Zone" and ADMIN_ZONE.search(" ".join(words[max(0, k - 5) : k + 1])):
        return True
    return k > 0 and f"{words[k - 1]} {w}" in heads


# a remit that names its partners: "Association for Friendship with Foreign Countries"
_PARTNER_REMITS = frozenset({"Friendship", "Cooperation", "Exchanges", "Exchange", "Relations"})


def _extend_complement(words: list[str], last: int) -> int:
    """After a complement-taking head ("Ministry"), keep "of [the] Foreign Affairs" (or "for Discipline
    Inspection") up to the next break."""
    lex = lexicon()
    if (
        words[last].strip("’'") not in lex.complement_heads
        or last + 1 >= len(words)
        or words[last + 1] not in {"of", "for"}
    ):
        return last
    k = last + 1
    if k + 1 < len(words) and words[k + 1] == "the":
        k += 1
    end = last
    while k + 1 < len(words):
        nxt = words[k + 1]
        if nxt[:1].isupper() and (nxt.lower() not in lex.role_heads or nxt.lower() == "general"):
            end = k + 1
            k += 1
        elif (nxt in {"of", "for"} or nxt == "with" and words[k] in _PARTNER_REMITS) and end > last:
            # "Council for the Promotion of International Trade": the remit goes on after "of"
            j = k + 3 if words[k + 2 : k + 3] == ["the"] else k + 2
            if j < len(words) and words[j][:1].isupper() and words[j].lower() not in lex.role_heads:
                end = k = j
            else:
                break
        elif (
            nxt == "and"
            and k + 2 < len(words)
            and words[k + 2][:1].isupper()
            and not any(_is_head(words, x) for x in range(k + 2, len(words)))
        ):
            k += 1
        else:
            break
    if (
        words[last].strip("’'") in {"Embassy", "Consulate", "General", "Chamber", "Office"}
        and end + 2 < len(words)
        and words[end + 1] == "in"
        and words[end + 2][:1].isupper()
    ):
        end += 2  # "Embassy of Norway in China", "Veldian Chamber of Commerce in China"
    return end


def _next_and_the(words: list[str], j: int) -> int:
    """Where the next "and the" / "and of" after ``j`` is (which starts another name), else the end."""
    for k in range(j, len(words) - 1):
        if words[k] == "and" and words[k + 1] in {"the", "of"}:
            return k
    return len(words)


def _split_parts(words: list[str]) -> list[list[str]]:
    """ "CPC X Committee and X People's Government" -> two names."""
    parts: list[list[str]] = [[]]
    for k, w in enumerate(words):
        if (
            w == "and"
            and parts[-1]
            and _is_head(words, k - 1)
            and k + 1 < len(words)
            and (
                words[k + 1][:1].isupper()
                or words[k + 1] == "the"
                and k + 2 < len(words)
                and words[k + 2][:1].isupper()
            )
        ):
            parts.append([])
            continue
        if w == "&":
            parts.append([])
            continue
        if (
            w == "and"
            and parts[-1]
            and k + 2 < len(words)
            and words[k + 1] in {"the", "of"}
            and any(_is_head(words, x) for x in range(k + 2, len(words)))
        ):
            # "the X Industrial Park and the Y Center", "the CPC Central Committee and of the Z": two names
            parts.append([])
            continue
        j = k + 2 if k + 1 < len(words) and words[k + 1] == "the" else k + 1
        if (
            w == "and"
            and parts[-1]
            and any(_is_head(parts[-1], x) for x in range(len(parts[-1])))
            and j < len(words)
            and words[j][:1].isupper()
            and any(_is_head(words, x) for x in range(j, _next_and_the(words, j)))
            and len(words) - j >= 3
            and not _is_head(words, j + 1)
        ):
            # "Municipal Bureau of Commerce and Qingshan Development and Reform Commission" stays one only
            # when the part after "and" has no head noun of its own
            parts.append([])
            continue
        parts[-1].append(w)
    return [p for p in parts if p]


def strip_non_body_prefix(words: list[str]) -> list[str]:
    """A name starts with a chunk ending in a head noun: "Board of Directors of X Group" -> "X Group",
    "the Constitution for the State Council" -> "State Council"; [] when no chunk qualifies."""
    if len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+ing", words[0]) and words[1] == "the":
        words = words[2:]  # "Drafting the Government Work Report"
    if "to" in words:
        k = words.index("to")
        if 0 < k < len(words) - 1 and not any(_is_head(words, x) for x in range(k)):
            words = [w for w in words[k + 1 :]]  # "Deputies to the Moxi Municipal People's Congress"
            while words and words[0].lower() in _SMALL:
                words = words[1:]
        elif 0 < k and _is_head(words, k - 1) and words[k - 1] != "Delegation":
            words = words[:k]  # "submit the law of the State Council to the NPC": the body ends before "to"
    while any(w in {"of", "for"} for w in words):
        k = next(i for i, w in enumerate(words) if w in {"of", "for"})
        if (
            any(_is_head(words, x) for x in range(k))
            or words[0] == "Presidium"
            or officers_meeting([w.lower() for w in words[:k]])
        ):
            break
        words = words[k + 1 :]
        while words and words[0].lower() in _SMALL:
            words = words[1:]
        if not any(_is_head(words, x) for x in range(len(words))):
            return []
    return words


def officers_meeting(low: list[str]) -> bool:
    """ "Chairpersons' Meeting", "Directors' Meeting" (主席会议, 主任会议): a meeting named after the
    officers who form it is an organ, not one gathering (lowercase words; the role word, in roles.tsv,
    is a plural possessive right before "meeting").

    >>> officers_meeting(["12th", "chairpersons'", "meeting"]), officers_meeting(["the", "5th", "meeting"])
    (True, False)
    >>> officers_meeting(["farmers'", "meeting"]), officers_meeting(["chairmen's", "meeting"])
    (False, True)
    """
    if len(low) < 2 or low[-1] != "meeting":
        return False
    who = low[-2].replace("’", "'")
    base = who[:-1] if who.endswith("s'") else who[:-2] if who.endswith("men's") else ""
    roles = lexicon().role_words
    return bool(base) and (base in roles or base[:-1] in roles)


def _name_part(words: list[str]) -> list[str] | None:
    lex = lexicon()
    last = max((i for i in range(len(words)) if _is_head(words, i)), default=-1)
    if last < 0:
        return None
    if words[last] == "Party" and words[last + 1 : last + 3] == ["of", "China"]:
        last += 2  # "the Central Committee of the Communist Party of China"
    last = _extend_complement(words, last)
    words = words[: last + 1]
    i = 0
    while i < len(words) and not _is_head(words, i) and not (
        i + 1 < len(words) and words[i].lower() == "general" and _is_head(words, i + 1)
    ) and (
        words[i].lower() in _SMALL
        or words[i].lower() in {"on", "at", "from", "during", "since", "after", "by"}
        or words[i].lower()
        in lex.not_name_words
        - {
            "chinese",
            "china",
            "national",
            "central",
            "state",
            "party",
            "standing",
            "municipal",
            "provincial",
            "county",
            "district",
            "city",
            "people's",
            "international",
            "world",
            "united",
            "republic",
            "foreign",
            "political",
            "publicity",
            "organization",
            "economic",
            "education",
            "legal",
        }
    ):
        i += 1
    # a role word (not inside "of the ...") starts a new name: "Secretary of the X", "Provincial Deputy Party"
    for k in range(len(words) - 1, i - 1, -1):
        lw = words[k].lower()
        if lw in lex.role_heads and lw not in _NOT_ROLE_HERE:
            if k > i and words[k - 1].lower() in {"of", "the"}:
                continue
            i = k + 1
            break
    while i < len(words) and (words[i].lower() in _SMALL or words[i] == "of"):
        i += 1
    words = words[i:]
    # "the 2nd Meeting of the X" -> X; "the 20th National Congress of the CPC" is a gathering, not a body
    low = [w.lower() for w in words]
    for k, w in enumerate(low):
        if w == "of":
            head = " ".join(low[max(0, k - 2) : k])
            if any(head.endswith(n) for n in lex.event_nouns):
                rest = words[k + 1 :]
                while rest and rest[0].lower() in _SMALL:
                    rest = rest[1:]
                if any(_ORDINAL.match(x) for x in words[:k]) or head.endswith(("meeting", "session")):
                    if "presidium" in low[:k]:
                        break
                    if officers_meeting(low[:k]):
                        words = words[k - 2 :]  # "the 12th Chairpersons' Meeting of X": the organ, no ordinal
                        break
                    return _name_part(rest) if rest else None
            break
    if (
        words
        and _ORDINAL.match(words[0])
        and len(words) > 1
        and words[1].lower() in {"session", "plenary", "meeting"}
    ):
        return None
    k = next((x for x, w in enumerate(words) if w in {"of", "for", "on"}), None)
    k = k if k and words[k] != "of" else None
    if k and words[k - 1] in lex.initiative_cues | lex.document_cues and not any(
        _is_head(words, x) for x in range(k)
    ):
        return None  # "the X Implementation Measures for the Administration of Y": a document
    words = strip_non_body_prefix(words)
    if not words:
        return None
    if _ORDINAL.match(words[0]) and re.search(r"\b(?:CPC|Party) (?:National )?Congress$", " ".join(words)):
        return None  # "the 20th CPC National Congress" is a gathering
    if words and (
        words[-1] in {"CPC", "Party"} or words[-1] == "CPPCC" and any(_ORDINAL.match(w) for w in words)
    ):
        return None
    # laws and plans are initiatives: "Electoral Law of the National People's Congress"
    cues = lex.initiative_cues
    before_of = words[: words.index("of")] if "of" in words else words
    if before_of and before_of[-1] in cues and not ADMIN_ZONE.search(" ".join(before_of)):
        return None
    return words or None


_QUOTE_GOES_ON = re.compile(r"\s+[A-Za-z][^\"”]*[\"”]")
_AT_THE = re.compile(r"\b(?:at|in)\s+the\s+$")


MAX_PHRASE_WORDS = 60  # the longest body name of the development set has 21 words


def find_bodies(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Capitalized organization names in ``text`` as (start, end, text form); ``skip`` are spans (headlines,
    menus, person names) not to read from."""
    lex = lexicon()
    masked = re.sub(r"\s*\([A-Z]{2,8}\)", lambda m: " " * len(m.group(0)), text)
    masked = _CO_LTD_TEXT.sub(lambda m: re.sub(r"[., ]", "_", m.group(0)), masked)
    if skip:
        chars = list(masked)  # one pass: re-slicing the text for every span is quadratic
        for s, e in skip:
            chars[s:e] = "," * len(chars[s:e])
        masked = "".join(chars)
    out: list[tuple[int, int, str]] = []
    for m in _BODY.finditer(masked):
        phrase = m.group(1)
        pos = m.start(1)
        toks = [(t.group(0), pos + t.start()) for t in re.finditer(r"\S+", phrase)]
        if len(toks) > MAX_PHRASE_WORDS:
            continue  # a run of capitalised words this long is no name (a spam line, a title-cased page)
        words = [t[0] for t in toks]
        for part in _split_parts(words):
            name = _name_part(part)
            if not name:
                continue
            # locate the name's words in the phrase
            for k in range(len(words) - len(name) + 1):
                if words[k : k + len(name)] == name:
                    start = toks[k][1]
                    end = toks[k + len(name) - 1][1] + len(name[-1])
                    break
            else:
                continue
            tail = re.match(
                r" of (?:China|[A-Z][a-z]+ (?:County|City|District|Province))\b", text[end : end + 40]
            )
            if tail and (name[-1] == "Party" or name[-1] in {"Congress", "Government", "Committee"}):
                end += tail.end()
            if text[start - 1 : start] in {'"', "“"} and _QUOTE_GOES_ON.match(text[end : end + 80]):
                continue  # "“Ten Thousand Enterprises Help Ten Thousand Villages” action": a quoted slogan
            if name[-1] in {"Center", "Centre"} and _AT_THE.search(text[max(0, start - 8) : start]):
                continue  # "opened at the Moxi International Convention Center": a venue
            form = re.sub(r"\s+", " ", text[start:end])
            form = re.sub(r"\s*\([A-Z]{2,8}\)", "", form)
            form = re.sub(r"[’']s$", "", form)
            if form.lower() in lex.generic_bodies or len(name) == 1 and _is_head(name, 0):
                continue
            lv = re.match(
                r"^(Provincial|Municipal|County|District) and (Provincial|Municipal|County|District) ", form
            )
            if lv:
                # "the Provincial and Municipal Commission for X": one name for each level
                rest = form[lv.end() :]
                out.append((start, end, f"{lv.group(1)} {rest}"))
                out.append((start, end, f"{lv.group(2)} {rest}"))
                continue
            out.append((start, end, form))
            out.extend(_distributed(text, masked, end, form))
    return out


_LEVELS = "Provincial|Municipal|County|District"
_PLACE_PREFIX = re.compile(r"^(?:CPC )?([A-Z][a-z]+ (?:Municipal|County|District|Provincial|City)) ")
_LIST_ITEM = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
    r"([A-Z][\w’']*(?:[ \u00a0]+(?:(?:of|for)[ \u00a0]+)?[A-Z][\w’']*)*)"
)


def _distributed(text: str, masked: str, end: int, form: str) -> list[tuple[int, int, str]]:
    """ "Qingshan Municipal Party Committee, People's Congress, Government and CPPCC": the place and level
    prefix distributes over the generic names listed after it."""
    pm = _PLACE_PREFIX.match(form)
    if not pm:
        return []
    items: list[tuple[int, int, str]] = []
    pos = end
    while True:
        m = _LIST_ITEM.match(text, pos)
        if not m or masked[m.start(1) : m.end(1)] != m.group(1):
            break
        item = m.group(1)
        words = item.split()
        if _has_proper(item) or not (_is_head(words, len(words) - 1) or words[-1] == "CPPCC"):
            break
        items.append((m.start(1), m.end(1), f"{pm.group(1)} {item}"))
        pos = m.end(1)
    # a lone "X Committee and Y Government" is already read as two names; a list needs two or more items
    return items if len(items) >= 2 else []


_LOW_ORGAN = (
    r"organization department|organisation department|publicity department|propaganda department|"
    r"united front work department|political and legal affairs commission|general office|standing committee"
)
_LOW_CORE = (
    r"party committee|people[’']s congress|cppcc(?: committee)?|people[’']s government|government|"
    r"people[’']s court|people[’']s procuratorate|discipline inspection commission|"
    r"commission for discipline inspection|supervisory commission"
)
_LOW_BODY = re.compile(
    rf"(?<![\w’'\-])(?:standing committee of (?:the )?)?"
    rf"(?:county|district|municipal|city|provincial|province)\s+(?:{_LOW_CORE})(?:\s+(?:{_LOW_ORGAN}))?(?![\w’'\-])"
)


def find_lower_bodies(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Machine-translated lowercase names of local bodies ("the county people's court", "the district
    party committee organization department"); the caller keeps them only where the locality is known."""
    out: list[tuple[int, int, str]] = []
    for m in _LOW_BODY.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in skip or []):
            continue
        out.append((m.start(), m.end(), m.group(0)))
    return out


_COMPANY_LIST = re.compile(
    r"\b(?:companies|enterprises|firms|corporations)\s*,?\s+(?:such\s+as|including)\s+"
)
_COMPANY_NAME = re.compile(r"(?:the\s+)?((?:[A-Z][\w&’'\-]*|[A-Z]{2,})(?:[ \u00a0]+(?:[A-Z][\w&’'\-]*|&))*)")


def find_named_companies(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """Companies named as examples: "Uruguayan companies such as Pampa Verde Foods and ...", "enterprises
    including Norvik Cargo": each capitalized name of the list."""
    lex = lexicon()
    out: list[tuple[int, int, str]] = []
    for m in _COMPANY_LIST.finditer(text):
        pos = m.end()
        while True:
            n = _COMPANY_NAME.match(text, pos)
            if not n:
                break
            name = n.group(1)
            words = name.split()
            if any(s < n.end(1) and n.start(1) < e for s, e in skip or []):
                break
            if (
                words[0].lower() in lex.not_name_words
                or words[-1].lower() in lex.place_heads
                or len(words) == 1
                and not words[0].isupper()
            ):
                break  # "enterprises including Chinese ...", a place, a lone word ("Moxi")
            out.append((n.start(1), n.end(1), name))
            sep = re.match(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", text[n.end(1) :])
            if not sep:
                break
            pos = n.end(1) + sep.end()
    return out


_DELEGATION_PRE = re.compile(
    r"\b([A-Z][a-z]+(?: (?:Provincial|Municipal|County|District))?) "
    r"[Pp]arty and [Gg]overnment [Dd]elegation\b"
)
_DELEGATION_POST = re.compile(
    r"\b[Pp]arty and [Gg]overnment [Dd]elegation (?:of|from) (?:the )?"
    r"([A-Z][a-z]+) (Province|City|County|District)\b"
)


def find_delegations(text: str, skip: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """A place's party and government delegation, a named body of the visit genre: "the Jiannan Party and
    government delegation", "a party and government delegation of Xiyuan Province"."""
    out: list[tuple[int, int, str]] = []
    lex = lexicon()
    for m in _DELEGATION_PRE.finditer(text):
        first = m.group(1).split()[0].lower()
        if first in lex.not_name_words or first in {"our", "their", "its", "his", "her", "whose"}:
            continue  # "The Party and government delegation": no place named
        if not any(s < m.end() and m.start() < e for s, e in skip or []):
            out.append((m.start(), m.end(), f"{m.group(1)} Party and Government Delegation"))
    for m in _DELEGATION_POST.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in skip or []):
            lv = _LV[m.group(2).lower()]
            out.append((m.start(), m.end(), f"{m.group(1)} {lv} Party and Government Delegation"))
    return out

