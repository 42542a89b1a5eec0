"""The event a release reports: who presided and who attended, its date, its convening body.

Every cue is a row of kg/data/en/relation_cues.tsv (cue, relation, voice). Presiders are the persons
before an ``active`` presided cue ("presided over / chaired / hosted") or after a ``passive`` one
("chaired by", "under the chairmanship of"); attendees are the other persons named in a sentence with
any other cue (attended, present, took part, met with, held talks, reported, inspected, accompanied,
signed ...), both sides of a meeting: the guidelines' attended_by is everybody taking part, so a
relation without a JSONL field of its own in kg/data/relations.tsv (inspected, accompanied, signed_with)
still counts as taking part, and is kept by name in ``EventRead.relations`` as well (``other`` is not
taking part). Each role keeps the data line of the cue that decided it (``EventRead.why``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from kg.extract.en.bodies import officers_meeting
from kg.extract.en.dates import find_dates
from kg.extract.en.lexicon import RelationCue, lexicon
from kg.extract.en.persons import Reading
from kg.extract.en.sentences import is_furniture
from kg.extract.trace import add, because, from_line

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
# "The X Investment Conference, hosted by the Y Municipal People's Government, opened": the host convenes it
_HOSTED_BY = re.compile(rf"\b(?:hosted|co-hosted|organi[sz]ed|sponsored|convened)\s+by\s+{_BODY_PHRASE}")
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
    # relations other than presided/attended/met_with (relation_cues.tsv): relation id -> its persons
    relations: dict[str, list[Reading]] = field(default_factory=dict)
    # provenance keyed like Event.role_why: "presided:NAME", "attended:NAME", "RELATION:NAME", "date", "body"
    why: dict[str, list[str]] = field(default_factory=dict)


T = TypeVar("T")

# the relations that are the event's own slots; every other relation of a cue is kept by name as well
CORE = frozenset({"presided", "attended", "met_with", "other"})
NOT_TAKING_PART = frozenset({"presided", "other"})
_C = "en.events"


def _alternation(phrases: list[str]) -> str:
    longest_first = sorted(phrases, key=lambda x: -len(x))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in longest_first)


_MEMO: dict[str, tuple[object, object]] = {}


def _per_lexicon(fn: Callable[[], T]) -> Callable[[], T]:
    """Cache ``fn``'s value for the lexicon in effect (a new lexicon, as after a ``KG_DATA_PATH`` change,
    builds it again)."""

    def cached() -> T:
        lex = lexicon()
        got = _MEMO.get(fn.__name__)
        if got is None or got[0] is not lex:
            got = (lex, fn())
            _MEMO[fn.__name__] = got
        return got[1]  # type: ignore[return-value]

    cached.__doc__, cached.__name__ = fn.__doc__, fn.__name__
    return cached


@_per_lexicon
def _cues() -> dict[str, RelationCue]:
    return {c.cue: c for c in lexicon().relation_cues}


def _cue(matched: str) -> RelationCue:
    return _cues()[" ".join(matched.lower().split())]


@_per_lexicon
def _cue_pattern() -> re.Pattern[str] | None:
    """Any phrase of relation_cues.tsv as whole words (longest first: "chaired by" before "chaired")."""
    phrases = list(_cues())
    return re.compile(rf"\b(?:{_alternation(phrases)})\b", re.I) if phrases else None


def clause_cues(clause: str) -> list[tuple[int, int, RelationCue]]:
    """The relation cues of a sentence, in order; a cue after "will" in its sentence reports a plan, not an
    event, and does not count."""
    pat = _cue_pattern()
    if pat is None:
        return []
    out = []
    for hit in pat.finditer(clause):
        if _WILL_BEFORE.search(clause, 0, hit.start()):
            break
        out.append((hit.start(), hit.end(), _cue(hit.group(0))))
    return out


_WILL_BEFORE = re.compile(r"\bwill\b[^.]*$")


# what may stand between a presider's name (or title) and the presiding verb: ", also", "who", "on the
# afternoon", ...
_PRESIDE_GAP = (
    # the closing parenthesis of a bracketed title ("Gao Ming (Mayor of X) presided over")
    r"\)?"
    # a photo position ("(R)", "(center)", "(2nd L)") or an acronym gloss may stand before the verb
    r"\s*(?:\((?:[RLC]|\d\w*\s+[RL]|center|centre|front|right|left|middle)\)\s*)?(?:\([A-Z]{2,8}\)\s*)?,?\s*"
    r"(?:also\s+|then\s+|has\s+|who\s+|yesterday\s+|recently\s+|"
    r"(?:on|in|at)\s+(?:the\s+)?\w+(?:\s+(?:morning|afternoon|evening))?\s+|"
    # "X attended and presided over the meeting", "X attended the meeting and chaired it"
    r"attended\s+(?:the\s+(?:meeting|session|conference|event)\s+)?and\s+)?"
)


def _presiding(voice: str) -> list[str]:
    return [c.cue for c in _cues().values() if c.relation == "presided" and c.voice == voice]


@_per_lexicon
def _preside_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Presiding is decided by the ``presided`` rows of relation_cues.tsv: the ``active`` ones follow the
    presider ("X presided over", "X, who chaired"), the ``passive`` ones precede it ("hosted by X").
    Group 1 is the cue."""
    after = _alternation(_presiding("active")) or "(?!)"
    before = _alternation(_presiding("passive")) or "(?!)"
    return (
        re.compile(rf"{_PRESIDE_GAP}({after})\b", re.I),
        re.compile(rf"\b({before})\s+(?:the\s+)?$", re.I),
    )


@_per_lexicon
def _preside_verb() -> re.Pattern[str]:
    """A presiding verb closing an appositive: ", presided over", ", who chaired" (not "chaired by")."""
    after = _alternation(_presiding("active")) or "(?!)"
    return re.compile(rf",\s*(?:also\s+|who\s+|then\s+)?({after})\b(?!\s+by\b)", re.I)


def _appositive_presiders(text: str, readings: list[Reading]) -> dict[int, RelationCue]:
    """ "X, <a title the chain reader could not read>, presided over ...": the verb's subject is the last
    name before it when only one comma-opened stretch without another name, sentence end, colon or
    semicolon (at most 250 characters) lies between them."""
    out: dict[int, RelationCue] = {}
    ends = [r.mention.end for r in readings]  # readings are in text order
    for v in _preside_verb().finditer(text):
        k = bisect_right(ends, v.start()) - 1
        if k < 0:
            continue
        gap = text[ends[k] : v.start()]
        if len(gap) <= 250 and gap.startswith(",") and not re.search(r"[;:\n]|\.\s|\band\s+[A-Z]", gap):
            out[id(readings[k])] = _cue(v.group(1))
    return out


def _new_group(day: date | None = None) -> dict:
    return {"presided": {}, "attended": {}, "relations": {}, "why": {}, "date": day, "first": None}


def _why(group: dict, key: str, cue: RelationCue) -> None:
    add(group["why"].setdefault(key, []), from_line(_C, cue.line))


def _nearest(cues: list[tuple[int, int, RelationCue]], starts: list[int], pos: int) -> RelationCue:
    """The cue (in text order, ``starts`` their starts) nearest to ``pos``: a binary search."""
    k = bisect_left(starts, pos)
    near = cues[max(0, k - 1) : k + 1]
    return min(near, key=lambda c: abs(c[0] - pos))[2]


def _relation_agents(
    hits: list[tuple[int, int, RelationCue]], k: int, inside: list[Reading], starts: list[int], s: int
) -> list[Reading]:
    """The persons of the k-th cue of a sentence: for an active cue those named between the previous cue
    and it ("A and B accompanied the visit"), for a passive one those between it and the next cue
    ("..., accompanied by A and B"). ``inside`` is sorted by start, ``starts`` are their starts: each
    stretch between two cues is found by binary search, so a sentence of many cues and names is read once."""
    start, end, cue = hits[k]
    if cue.voice == "active":
        lo, hi = (hits[k - 1][1] if k else 0), start
    else:
        lo, hi = end, (hits[k + 1][0] if k + 1 < len(hits) else 10**12)
    between = inside[bisect_left(starts, s + lo) : bisect_left(starts, s + hi)]
    return [r for r in between if r.mention.end - s <= hi]


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
    # the reference date: a "BEIJING, Oct. 16 (Xinhua)" dateline, else the publication date
    dl = _DATELINE.search(text)
    if dl:
        got = find_dates(dl.group(1), ref)
        if got:
            ref = got[0][2]
    preside_after, preside_before = _preside_patterns()
    presiding: dict[int, RelationCue] = _appositive_presiders(text, readings)
    by_cue: set[int] = set()  # presiders named after a "chaired by" cue; a list after it shares it
    prev: Reading | None = None
    for n, r in enumerate(readings):
        before = preside_before.search(text[max(0, r.chain_start - 40) : r.chain_start])
        if before or (
            prev is not None
            and id(prev) in by_cue
            and re.fullmatch(r"\s*(?:,|，|、)?\s*(?:and\s+)?", text[prev.chain_end : r.chain_start])
        ):
            by_cue.add(id(r))
            presiding[id(r)] = _cue(before.group(1)) if before else presiding[id(prev)]  # type: ignore[index]
            prev = r
            continue
        after = preside_after.match(text[r.chain_end : r.chain_end + 60])
        if after:
            cue = _cue(after.group(1))
            presiding[id(r)] = cue
            # "A, B and C presided over the meeting": the verb after a list is every listed name's
            k = n
            while k > 0 and re.fullmatch(
                r"\s*(?:,|，|、)?\s*(?:and\s+)?",
                text[readings[k - 1].chain_end : readings[k].chain_start],
            ):
                k -= 1
                presiding[id(readings[k])] = cue
        prev = r
    in_sentence, refs_in_sentence = _by_start(readings), _by_start(refs or [])
    groups: list[dict] = [_new_group()]
    listing: list[tuple[int, int, RelationCue]] | None = None
    for s, e in sents:
        if is_furniture(text, s, e):
            continue
        clause = text[s:e]
        lead = _leading_date(clause, ref)
        cur = groups[-1]
        if lead:
            if cur["presided"] or cur["attended"]:
                if lead != cur["date"]:
                    groups.append(_new_group(lead))
                    cur = groups[-1]
            else:
                cur["date"] = lead
        hits = clause_cues(clause)
        if hits:
            # "Attending the meeting were:" over lines that each name one person: the cue is theirs
            listing = hits if clause.rstrip().endswith((":", "：")) else None
        elif listing and text[s - 1 : s] == "\n":
            hits = [h for h in listing if h[2].relation in CORE]
            if clause.rstrip().endswith("."):
                listing = None  # the list's last line
        else:
            listing = None
        # every relation but presiding (and "other": named beside the event) is taking part: attended_by
        taking_part = [h for h in hits if h[2].relation not in NOT_TAKING_PART]
        inside = in_sentence(s, e)
        if any(id(r) in presiding and r.mention.name in cur["attended"] for r in inside):
            # one who attended the gathering so far presides here: another gathering ("..., which was
            # presided over by the mayor")
            groups.append(_new_group(lead or cur["date"]))
            cur = groups[-1]
        for r in inside:
            if id(r) in presiding and r.mention.name not in cur["presided"]:
                cur["presided"][r.mention.name] = r
                _why(cur, f"presided:{r.mention.name}", presiding[id(r)])
        inside += refs_in_sentence(s, e)
        if inside and hits and cur["first"] is None:
            cur["first"] = (s, e)
        if not taking_part:
            continue
        cue_starts = [h[0] for h in taking_part]
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
            if r.mention.name not in cur["attended"]:
                cur["attended"][r.mention.name] = r
                cue = _nearest(taking_part, cue_starts, r.mention.start - s)
                _why(cur, f"attended:{r.mention.name}", cue)
        ordered: list[Reading] | None = None
        for k, (_hs, _he, cue) in enumerate(hits):
            if cue.relation in CORE:
                continue
            if ordered is None:
                ordered = sorted(inside, key=lambda r: r.mention.start)
                starts = [r.mention.start for r in ordered]
            for r in _relation_agents(hits, k, ordered, starts, s):
                if r.mention.name in cur["attended"] or r.mention.name in cur["presided"]:
                    cur["relations"].setdefault(cue.relation, {}).setdefault(r.mention.name, r)
                    _why(cur, f"{cue.relation}:{r.mention.name}", cue)
    groups = [g for g in groups if g["presided"] or g["attended"]] or groups[:1]
    out: list[EventRead] = []
    for n, g in enumerate(groups):
        ev = EventRead()
        ev.presided = sorted(g["presided"].values(), key=lambda r: r.mention.start)
        ev.attended = sorted(
            (r for nm, r in g["attended"].items() if nm not in g["presided"]), key=lambda r: r.mention.start
        )
        ev.relations = {
            rel: sorted(rs.values(), key=lambda r: r.mention.start)
            for rel, rs in sorted(g["relations"].items())
        }
        ev.why = g["why"]
        if n == 0:
            if len(groups) > 1 and g["date"]:
                ev.date = g["date"]
                ev.why["date"] = [because("en.dates", "date opening the event's first sentence")]
            else:
                ev.date = _event_date(text, sents, ref, g["first"])
                if ev.date:
                    ev.why["date"] = [because("en.dates", "first date of a sentence reporting the event")]
            ev.body_text, ev.span, rule = _event_body(text, sents)
            if ev.body_text:
                ev.why["body"] = [because(_C, rule)]
        else:
            ev.date = g["date"]
            if ev.date:
                ev.why["date"] = [because("en.dates", "date opening the event's first sentence")]
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


_BODY_RULES = {
    _SUBJ_HELD.pattern: "a body held (convened) the meeting",
    _BODY_MEETING.pattern: "a body's executive/plenary/work meeting",
    _OF_MEETING.pattern: "meeting of a body",
    _HOSTED_BY.pattern: "hosted (organized) by a body",
}


# every pattern of _event_body needs one of these words: a sentence without any is skipped unread
_EVENT_BODY_WORDS = re.compile(
    r"(?i:held|holds|convene|start|open|began|begin|meeting|session|conference|symposium|study|forum|seminar)"
)


_OFFICERS_BEFORE = re.compile(r"(\S+)\s+$")


def _event_body(
    text: str, sents: list[tuple[int, int]]
) -> tuple[str | None, tuple[int, int] | None, str]:
    """The convening body's text form, its span, and the rule that read it."""
    sents = [(s, e) for s, e in sents if not is_furniture(text, s, e)]
    lead_end = sents[1][1] if len(sents) > 1 else len(text)  # the lead: the first two sentences
    sents = [(s, e) for s, e in sents if _EVENT_BODY_WORDS.search(text, s, e)]
    for s, e in sents:
        pm = _PRESIDIUM_HELD.search(text, s, e)
        body = _trim(pm.group(2)) if pm else None
        if pm and body:
            name = f"Presidium of the {pm.group(1).capitalize()} Session of the {re.sub(r'^the ', '', body)}"
            return name, (pm.start(), pm.end(2)), "presidium of a session held its meeting"
    for s, e in sents:
        clause = text[s:e]
        hits = []
        for pat in (_SUBJ_HELD, _BODY_MEETING, _OF_MEETING, _HOSTED_BY):
            for m in pat.finditer(clause):
                body = _trim(m.group(1))
                who = _OFFICERS_BEFORE.search(clause, max(0, m.start() - 40), m.start())
                officers = who is not None and officers_meeting([who.group(1).lower(), "meeting"])
                if body and pat is _OF_MEETING and who and officers:
                    # "the 12th Chairpersons' Meeting of X was held": the organ met, not X
                    body = f"{who.group(1)} {clause[m.start() : m.end(1)]}"
                    hits.append((who.start(1), _trim(body) or body, m))
                    break
                if body and pat is _HOSTED_BY:
                    if s >= lead_end:
                        break  # a host named further down hosts a later part of a visit, not the event
                    # "co-hosted by the A Government and the B Chamber": the first host, never "A and B" as
                    # one name ("the X Chamber of Commerce and Industry" is one)
                    parts = re.split(r"\s+and\s+", m.group(1))
                    first = parts[0]
                    if len(parts) > 1 and first.split()[-1] in lexicon().body_heads:
                        body = _trim(first)
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
                return (
                    f"Standing Committee of the {hits[0][1]}",
                    (s + bstart, s + bstart + len(body)),
                    "a committee held a meeting of its standing committee",
                )
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
                return (
                    f"Standing Committee of the {body}",
                    (start, start + len(body)),
                    "a committee held a standing committee meeting",
                )
            return body, (start, start + len(body)), _BODY_RULES[m.re.pattern]
    return None, None, ""


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
    officers = re.search(r"(\S+\s+meeting)\s+of\b", s, re.I)
    if officers and officers_meeting(officers.group(1).lower().split()):
        s = s[officers.start() :]  # "the 12th Chairpersons' Meeting of X": the organ that met
    elif m and not re.match(r"presidium\b", s, re.I):
        s = m.group(1)
    words = s.split()
    heads = {h.lower() for h in lex.body_heads} | {"presidium", "government", "cppcc"}
    if not any(w.strip("’'").lower() in heads for w in words):
        return None
    if s.lower() in {"meeting", "conference"}:
        return None
    return s
