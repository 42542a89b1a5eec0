"""The event a release reports: who presided and who attended, its date, its convening body.

Presiders are the subjects of "presided over / chaired / hosted" (or the objects of "chaired by",
"under the chairmanship of"); attendees are the other persons named in a clause with an attendance
cue (attended, present, took part, met with, held talks, reported ...), both sides of a meeting.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from kg.extract.en.dates import find_dates
from kg.extract.en.lexicon import lexicon
from kg.extract.en.persons import Reading
from kg.extract.en.sentences import is_furniture

_MEETING = r"(?i:meeting|session|conference|symposium|study|plenary meeting|executive meeting|forum|seminar)"
_HELD = re.compile(r"\b(held|holds|convened|convenes|hold|was held|were held|opens|opened|kicked off)\b")
_BODY_WORDS = (  # atomic: a word is read one way only (no backtracking into it)
    r"(?>(?!(?:Held|Holds|Hold|Convened|Convenes|Opens|Opened|Meets|Met|Its|Their|Was|Were|Chairs|Chaired|Presides|"
    r"Presided|Hosts|Hosted|Attends|Attended)\b)[A-Z][\w’'\-]*|(?i:municipal|county|district|provincial|city|people[’']s|party|committee|"
    r"standing|congress|government|cppcc|npc|mpc|presidium|permanent|commission|assembly|group)|\d+\w*|"
    r"\([A-Za-z]+\))"
)
# at most 24 words: a body's name is shorter, and a bounded phrase keeps every match attempt short (a run
# of thousands of capitalised words would otherwise be rescanned from each of its words)
_BODY_PHRASE = rf"((?:the\s+)?{_BODY_WORDS}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_BODY_WORDS}){{0,23}})"
_OF_MEETING = re.compile(rf"\b{_MEETING}\s+(?:\(\w+\)\s+)?of\s+{_BODY_PHRASE}")
_SUBJ_HELD = re.compile(
    rf"{_BODY_PHRASE}(?:[’']s)?\s*(?:\(\w+\)\s*)?"
    # an appositive between the body and its verb: ", China's national legislature,"
    rf"(?:,\s+(?:the\s+|China[’']s\s+)?(?:[a-z\-]+\s+){{0,3}}[a-z\-]+,\s+)?(?:on\s+\w+\s+(?:\w+\s+)?)?"
    rf"(?i:held|holds|convened|convenes|(?:started|starts|opened|opens|began|begins)(?=\s+its\s))\b"
)
_ORD = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth)"
)
_BODY_MEETING = re.compile(
    rf"{_BODY_PHRASE}(?:[’']s)?\s+(?:{_ORD}\s+)?(?i:executive|plenary|work)\s+"
    rf"(?i:meeting|conference)"
)
_DATELINE = re.compile(
    r"\b[A-Z]{3,}[A-Z ]*,\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\w*\.?\s+\d{1,2})"
    r"\s+\(Xinhua\)"
)


@dataclass
class EventRead:
    presided: list[Reading] = field(default_factory=list)
    attended: list[Reading] = field(default_factory=list)
    date: date | None = None
    body_text: str | None = None
    span: tuple[int, int] | None = None


@lru_cache(maxsize=1)
def _cue_patterns() -> list[tuple[re.Pattern[str], str]]:
    """One pattern per kind of event_cues.tsv: any of its phrases as whole words (longest first)."""
    cues = lexicon().event_cues
    kinds = sorted(set(cues.values()))
    out = []
    for kind in kinds:
        phrases = sorted((k for k in cues if cues[k] == kind), key=lambda x: -len(x))
        out.append((re.compile(rf"\b(?:{'|'.join(re.escape(k) for k in phrases)})\b", re.I), kind))
    return out


_WILL_BEFORE = re.compile(r"\bwill\b[^.]*$")


# what may stand between a presider's name (or title) and the presiding verb: ", also", "who", "on the
# afternoon", ...
_PRESIDE_GAP = (
    # a photo position ("(R)", "(center)", "(2nd L)") or an acronym gloss may stand before the verb
    r"\s*(?:\((?:[RLC]|\d\w*\s+[RL]|center|centre|front|right|left|middle)\)\s*)?(?:\([A-Z]{2,8}\)\s*)?,?\s*"
    r"(?:also\s+|then\s+|has\s+|who\s+|yesterday\s+|recently\s+|"
    r"(?:on|in|at)\s+(?:the\s+)?\w+(?:\s+(?:morning|afternoon|evening))?\s+|"
    # "X attended and presided over the meeting", "X attended the meeting and chaired it"
    r"attended\s+(?:the\s+(?:meeting|session|conference|event)\s+)?and\s+)?"
)


def _alternation(phrases: list[str]) -> str:
    longest_first = sorted(phrases, key=lambda x: -len(x))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in longest_first)


@lru_cache(maxsize=1)
def _preside_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Presiding is decided by the ``presided`` rows of event_cues.tsv (the verb follows the presider:
    "X presided over", "X, who chaired") and its ``presided_by`` rows (the presider follows: "hosted by
    X")."""
    cues = lexicon().event_cues
    after = _alternation([k for k, v in cues.items() if v == "presided"])
    before = _alternation([k for k, v in cues.items() if v == "presided_by"])
    return (
        re.compile(rf"{_PRESIDE_GAP}(?:{after})\b", re.I),
        re.compile(rf"\b(?:{before})\s+(?:the\s+)?$", re.I),
    )


@lru_cache(maxsize=1)
def _preside_verb() -> re.Pattern[str]:
    """A presiding verb closing an appositive: ", presided over", ", who chaired" (not "chaired by")."""
    cues = lexicon().event_cues
    after = _alternation([k for k, v in cues.items() if v == "presided"])
    return re.compile(rf",\s*(?:also\s+|who\s+|then\s+)?(?:{after})\b(?!\s+by\b)", re.I)


def _appositive_presiders(text: str, readings: list[Reading]) -> set[int]:
    """ "X, <a title the chain reader could not read>, presided over ...": the verb's subject is the last
    name before it when only one comma-opened stretch without another name, sentence end, colon or
    semicolon (at most 250 characters) lies between them."""
    out: set[int] = set()
    ends = [r.mention.end for r in readings]  # readings are in text order
    for v in _preside_verb().finditer(text):
        k = bisect_right(ends, v.start()) - 1
        if k < 0:
            continue
        gap = text[ends[k] : v.start()]
        if len(gap) <= 250 and gap.startswith(",") and not re.search(r"[;:\n]|\.\s|\band\s+[A-Z]", gap):
            out.add(id(readings[k]))
    return out


def read_events(
    text: str,
    readings: list[Reading],
    sents: list[tuple[int, int]],
    ref: date | None,
    refs: list[Reading] | None = None,
) -> list[EventRead]:
    """The events of a release: a sentence opening with a new date ("On the afternoon of September 4, ...")
    starts a new event once the current one has participants. ``refs`` are short references ("Wang" for
    Wang Yi) that count for attendance only. The first event gets the convening body."""
    cues = _cue_patterns()
    # the reference date: a "BEIJING, Oct. 16 (Xinhua)" dateline, else the publication date
    dl = _DATELINE.search(text)
    if dl:
        got = find_dates(dl.group(1), ref)
        if got:
            ref = got[0][2]
    preside_after, preside_before = _preside_patterns()
    presiding: set[int] = _appositive_presiders(text, readings)
    by_cue: set[int] = set()  # presiders named after a "chaired by" cue; a list after it shares it
    prev: Reading | None = None
    for n, r in enumerate(readings):
        if preside_before.search(text[max(0, r.chain_start - 40) : r.chain_start]) or (
            prev is not None
            and id(prev) in by_cue
            and re.fullmatch(r"\s*(?:,|，|、)?\s*(?:and\s+)?", text[prev.chain_end : r.chain_start])
        ):
            by_cue.add(id(r))
            presiding.add(id(r))
        elif preside_after.match(text[r.chain_end : r.chain_end + 60]):
            presiding.add(id(r))
            # "A, B and C presided over the meeting": the verb after a list is every listed name's
            k = n
            while k > 0 and re.fullmatch(
                r"\s*(?:,|，|、)?\s*(?:and\s+)?",
                text[readings[k - 1].chain_end : readings[k].chain_start],
            ):
                k -= 1
                presiding.add(id(readings[k]))
        prev = r
    in_sentence, refs_in_sentence = _by_start(readings), _by_start(refs or [])
    groups: list[dict] = [{"presided": {}, "attended": {}, "date": None, "first": None}]
    for s, e in sents:
        if is_furniture(text, s, e):
            continue
        clause = text[s:e]
        lead = _leading_date(clause, ref)
        cur = groups[-1]
        if lead:
            if cur["presided"] or cur["attended"]:
                if lead != cur["date"]:
                    groups.append({"presided": {}, "attended": {}, "date": lead, "first": None})
                    cur = groups[-1]
            else:
                cur["date"] = lead
        kinds = set()
        for p, v in cues:
            hit = p.search(clause)
            if hit and not _WILL_BEFORE.search(clause, 0, hit.start()):
                kinds.add(v)  # a cue after "will" in its sentence reports a plan, not an event
        inside = in_sentence(s, e)
        if any(id(r) in presiding and r.mention.name in cur["attended"] for r in inside):
            # one who attended the gathering so far presides here: another gathering ("..., which was
            # presided over by the mayor")
            groups.append({"presided": {}, "attended": {}, "date": lead or cur["date"], "first": None})
            cur = groups[-1]
        for r in inside:
            if id(r) in presiding:
                cur["presided"].setdefault(r.mention.name, r)
        inside += refs_in_sentence(s, e)
        if inside and kinds & {"presided", "presided_by", "attended"} and cur["first"] is None:
            cur["first"] = (s, e)
        if "attended" not in kinds:
            continue
        for r in inside:
            tail = text[r.mention.end : r.mention.end + 3]
            if tail[:2] in {"'s", "’s"} or re.search(
                r"Comrade\s*$", text[max(0, r.mention.start - 10) : r.mention.start]
            ):
                continue
            if re.search(
                r"\b(?:invitation|behalf) of\s*(?:the\s+)?$", text[max(0, r.chain_start - 30) : r.chain_start]
            ):
                continue  # the host who invited a visitor, one on whose behalf another acts: not taking part
            cur["attended"].setdefault(r.mention.name, r)
    groups = [g for g in groups if g["presided"] or g["attended"]] or groups[:1]
    out: list[EventRead] = []
    for n, g in enumerate(groups):
        ev = EventRead()
        ev.presided = sorted(g["presided"].values(), key=lambda r: r.mention.start)
        ev.attended = sorted(
            (r for nm, r in g["attended"].items() if nm not in g["presided"]), key=lambda r: r.mention.start
        )
        if n == 0:
            ev.date = (g["date"] if len(groups) > 1 else None) or _event_date(text, sents, ref, g["first"])
            ev.body_text, ev.span = _event_body(text, sents)
        else:
            ev.date = g["date"]
        if ev.span is None and g["first"]:
            ev.span = g["first"]
        out.append(ev)
    return out


def _by_start(readings: list[Reading]) -> Callable[[int, int], list[Reading]]:
    """The readings whose mention starts in [s, e), in their given order: a binary search per sentence
    instead of a scan of every reading (quadratic on a text of many sentences and many names)."""
    order = sorted(range(len(readings)), key=lambda i: readings[i].mention.start)
    starts = [readings[i].mention.start for i in order]

    def within(s: int, e: int) -> list[Reading]:
        return [readings[i] for i in sorted(order[bisect_left(starts, s) : bisect_left(starts, e)])]

    return within


def _leading_date(clause: str, ref: date | None) -> date | None:
    """A date that opens the sentence ("On September 4", "From September 3 to 4", "Yesterday")."""
    head = clause.lstrip()[:45]
    for ds, de, d in find_dates(head, ref):
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", head[ds:de]) or _DATELINE.search(clause[: de + 40]):
            continue
        if re.fullmatch(
            r"\s*(?:(?:on|from|at|in)\s+)?(?:the\s+)?(?:(?:morning|afternoon|evening|noon)\s+of\s+)?",
            head[:ds],
            re.I,
        ):
            return d
    return None


def _event_date(
    text: str, sents: list[tuple[int, int]], ref: date | None, first: tuple[int, int] | None
) -> date | None:
    cands = []
    for s, e in sents:
        if is_furniture(text, s, e):
            continue
        clause = text[s:e]
        if not (
            _HELD.search(clause)
            or re.search(
                r"\b(presid|chair|attend|met|meet|talks|visit|session|meeting|"
                r"host|signed|signing|ceremony)",
                clause,
                re.I,
            )
        ):
            continue
        for ds, de, d in find_dates(clause, ref):
            if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", clause[ds:de]):
                continue  # ISO dates are page furniture in this genre
            if _DATELINE.search(text[max(0, s + ds - 20) : s + de + 10]):
                continue
            if re.match(r"\s*\(Xinhua\)", text[s + de : s + de + 10]):
                continue
            cands.append((s + ds, d))
    if first:
        inside = [c for c in cands if first[0] <= c[0] < first[1]]
        if inside:
            return inside[0][1]
    return cands[0][1] if cands else None


# "The presidium of the second session of the 14th X People's Congress (NPC), ..., held its third meeting"
_PRESIDIUM_HELD = re.compile(
    rf"\b(?i:presidium)\s+of\s+the\s+({_ORD})\s+(?i:session)\s+of\s+{_BODY_PHRASE}\s*(?:\(\w+\)\s*)?"
    rf"(?:,\s+(?:the\s+|China[’']s\s+)?(?:[a-z\-]+\s+){{0,3}}[a-z\-]+,\s+)?(?i:held|holds|convened|convenes)\b"
)


# every pattern of _event_body needs one of these words: a sentence without any is skipped unread
_EVENT_BODY_WORDS = re.compile(
    r"(?i:held|holds|convene|start|open|began|begin|meeting|session|conference|symposium|study|forum|seminar)"
)


def _event_body(text: str, sents: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
    sents = [(s, e) for s, e in sents if _EVENT_BODY_WORDS.search(text, s, e)]
    sents = [(s, e) for s, e in sents if not is_furniture(text, s, e)]
    for s, e in sents:
        pm = _PRESIDIUM_HELD.search(text, s, e)
        body = _trim(pm.group(2)) if pm else None
        if pm and body:
            name = f"Presidium of the {pm.group(1).capitalize()} Session of the {re.sub(r'^the ', '', body)}"
            return name, (pm.start(), pm.end(2))
    for s, e in sents:
        clause = text[s:e]
        hits = []
        for pat in (_SUBJ_HELD, _BODY_MEETING, _OF_MEETING):
            for m in pat.finditer(clause):
                body = _trim(m.group(1))
                if body:
                    hits.append((m.start(1) + m.group(1).find(body), body, m))
                    break
        if hits:
            bstart, body, m = min(hits, key=lambda h: h[0])
            of_hit = next((h for h in hits if h[2].re is _OF_MEETING), None)
            if (
                of_hit
                and of_hit is not hits[0]
                and re.sub(r"\s*\(.*?\)|^(?:the\s+)?\d+(?:st|nd|rd|th)\s+", "", of_hit[1]).lower()
                in {"standing committee", "the standing committee"}
                and hits[0][2].re is _SUBJ_HELD
            ):
                # "the Municipal Party Committee held a meeting of the Standing Committee"
                return f"Standing Committee of the {hits[0][1]}", (s + bstart, s + bstart + len(body))
            start = s + bstart
            if (
                re.match(
                    r"\s+(?:held|holds|convened)\s+(?:the\s+|a\s+|its\s+)?(?:\w+\s+){0,2}"
                    r"standing committee meeting",
                    clause[m.end(1) :],
                    re.I,
                )
                and "standing committee" not in body.lower()
            ):
                return f"Standing Committee of the {body}", (start, start + len(body))
            return body, (start, start + len(body))
    return None, None


def _trim(phrase: str) -> str | None:
    """Strip leading dates/ordinals/articles from a subject phrase; keep it only if it names a body."""
    words = phrase.split()
    lex = lexicon()
    while words and (
        words[0].lower() in {"the", "on", "a", "an", "its", "and", "of"}
        or words[0].rstrip(",").lower()
        in {
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "recently",
            "yesterday",
        }
        or words[0][0].isdigit()
        and not re.match(r"\d+(st|nd|rd|th)$", words[0])
    ):
        words = words[1:]
    if not words:
        return None
    s = re.sub(r"[’']s$", "", " ".join(words))
    m = re.search(r"\b(?:meeting|session|conference)\s+(?:of|for)\s+(?:the\s+)?(.+)$", s, re.I)
    if m and not re.match(r"presidium\b", s, re.I):
        s = m.group(1)
    words = s.split()
    heads = {h.lower() for h in lex.body_heads} | {"presidium", "government", "cppcc"}
    if not any(w.strip("’'").lower() in heads for w in words):
        return None
    if s.lower() in {"meeting", "conference"}:
        return None
    return s
