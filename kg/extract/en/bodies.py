"""Organization names: finding them in running text and giving each its qualified (preferred) form.

``qualify`` turns the text's own form into the preferred name, filling in the locality where the
text leaves it implicit ("the Municipal Party Committee" -> "CPC Yueyang Municipal Committee").
``find_bodies`` collects capitalized organization names ending in a head noun (body_heads.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.en.lexicon import lexicon
from kg.extract.en.locality import Locality

_LEVEL_WORD = {"municipal": "Municipal", "county": "County", "district": "District", "provincial": "Provincial"}
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


def _has_proper(text: str) -> bool:
    """True when the form names its own place or organization ("CPC Changchun Municipal Committee")."""
    lex = lexicon()
    for w in re.findall(r"[A-Z][a-z]+", text):
        lw = w.lower()
        if lw in lex.not_name_words or lw in lex.role_words or w in lex.body_heads or lw in _LEVEL_WORD:
            continue
        if lw in {"people", "party", "standing", "working", "work", "affairs", "foreign", "political",
                  "consultative", "front", "united", "organization", "publicity", "legal", "general",
                  "discipline", "inspection", "leading", "theoretical", "learning", "study", "presidium",
                  "session", "court", "procuratorate", "supervisory", "education", "finance", "economic"}:
            continue
        return True
    return False


@dataclass(frozen=True)
class Qualified:
    name: str
    text_form: str


def qualify(text: str, loc: Locality, level_hint: str | None = None) -> Qualified:
    """The preferred name of a body written as ``text``."""
    form = titlecase(clean(text))
    low = form.lower()
    if _has_proper(form):
        return Qualified(form, form)
    level = level_of(low) or level_hint
    place = loc.place(level)
    if not place and low in lexicon().party_organs and loc.main:
        place, level = loc.main, loc.main_level
    if not place:
        if low in {"cppcc", "cppcc committee"} and loc.main and loc.main_level in _LEVEL_WORD:
            place, level = loc.main, loc.main_level
        elif re.fullmatch(r"(government|people's government)", low) and loc.main:
            place, level = loc.main, loc.main_level
        else:
            return Qualified(form, form)
    lv = _LEVEL_WORD.get(level or "", "Municipal")
    low = re.sub(r"\b(\d+\w*|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                 r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth)\s+", "", low)
    low = re.sub(r"\bthe\s+", "", low)
    L = rf"(?:{_LVL}\s+)?"
    rules: list[tuple[str, str]] = [
        (rf"standing committee of {L}(?:cpc |party )?(?:party )?committee|{L}party committee standing committee"
         rf"|{L}(?:cpc )?standing committee", f"Standing Committee of the CPC {place} {lv} Committee"),
        (rf"{L}(?:people's congress|npc|mpc) standing committee|standing committee of {L}(?:people's congress|npc|mpc)",
         f"Standing Committee of the {place} {lv} People's Congress"),
        (rf"{L}(?:people's congress|npc|mpc)", f"{place} {lv} People's Congress"),
        (rf"(?:{L}cppcc(?: committee)?|cppcc {L}committee|{L}political consultative conference)",
         f"CPPCC {place} {lv} Committee"),
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
    m = re.fullmatch(rf"(.+?) of {L}(?:cpc |party )?(?:party )?committee", low)
    if m and "standing" not in m.group(1):
        return Qualified(f"{titlecase(m.group(1))} of the CPC {place} {lv} Committee", form)
    m = re.fullmatch(rf"{_LVL}\s+(.+)", low)
    if m:
        return Qualified(f"{place} {lv} {titlecase(m.group(2))}", form)
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


_CAPWORD = r"(?:[A-Z][\w’'\-]*|\d{4}|\d+(?:st|nd|rd|th))"
_CONNECT = r"(?:of|the|and|for|on|in|to|&|de)"
_BODY = re.compile(
    rf"(?<![\w’'])((?:CPC |CPPCC )?{_CAPWORD}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)*{_CAPWORD})*)"
)


def find_bodies(text: str) -> list[tuple[int, int, str]]:
    """Capitalized organization names in ``text`` as (start, end, text form)."""
    lex = lexicon()
    out: list[tuple[int, int, str]] = []
    for m in _BODY.finditer(text):
        phrase = m.group(1)
        words = phrase.split()
        # the name must end in a head noun; cut after the last head noun
        last = max((i for i, w in enumerate(words) if w.strip("’'") in lex.body_heads), default=-1)
        if last < 0:
            continue
        words = words[: last + 1]
        # drop leading words that cannot start a name: connectors, roles, names of months ...
        i = 0
        while i < len(words) and (words[i].lower() in _SMALL or words[i].lower() in lex.role_words
                                  or words[i].lower() in {"on", "at", "from", "during", "since", "after", "by"}
                                  or words[i].lower() in lex.not_name_words - {"chinese", "china", "national",
                                                                               "central", "state", "party",
                                                                               "standing", "municipal",
                                                                               "provincial", "county",
                                                                               "district", "city", "people's",
                                                                               "international", "world",
                                                                               "united", "republic"}):
            i += 1
        # a role word followed by "of" inside the phrase starts a new name ("Secretary of the X")
        for k in range(len(words) - 1, i - 1, -1):
            if words[k].lower() in lex.role_words and k + 1 < len(words) and words[k + 1] == "of":
                if k > i and words[k - 1].lower() in {"of", "the"}:
                    continue
                i = k + 2
                break
        while i < len(words) and words[i].lower() in _SMALL:
            i += 1
        words = words[i:]
        if not words:
            continue
        form = " ".join(words)
        if form.lower() in lex.generic_bodies or len(words) == 1 and words[0] in lex.body_heads:
            continue
        start = m.start(1) + phrase.index(form) if form in phrase else m.start(1)
        out.append((start, start + len(form), form))
    return out
