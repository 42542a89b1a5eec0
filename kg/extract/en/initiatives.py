"""Named initiatives: quoted names (“Dual Circulation”), capitalized programmes ending in a cue word
(initiative_cues.txt: Initiative, Plan, Strategy, Law, Corridor ...), document titles ("Key Points of ..."),
a proper name before a lowercase programme word ("the X Hydrogen Valley project"), pacts defined by an
acronym ("... Partnership (RCEP)"), "Xi Jinping Thought on ..." and ordinal plans ("14th Five-Year Plan").
Quoted events, products, titles, gatherings and predicates (“efficient and clean”) are no initiatives."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.en.bodies import ADMIN_ZONE
from kg.extract.en.lexicon import Lexicon, lexicon
from kg.extract.en.names import syllable_count
from kg.extract.trace import because, from_line
from kg.knowledge import Line, lines

_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,160}?)[”\"]")
_PRONOUN = re.compile(r"\b(we|i|you|our|your|us|my|will|is|are|was|were|should|has|have)\b", re.I)
_CAPWORD = r"(?:[A-Z][\w’'\-]*|\(?\d{4}(?:-\d{2,4})?\)?|\d+(?:st|nd|rd|th))"
_CONNECT = r"(?:of|the|and|for|on|in|to|with|a|an|at|through|by|as|between)"
_CAP_SEQ = re.compile(rf"(?<![\w’'])({_CAPWORD}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)*{_CAPWORD})*)")
_THOUGHT = re.compile(
    r"Xi Jinping(?:[’']s)? (?:[Tt]hought|ideology) on ([^,.;:()]+?)(?=[,.;:()]| and | in the| to | as )"
)
_QUOTE_CUES = r"Initiative|Strategy|Plan|Programme|Program|Campaign|Project|Action"
# a quoted phrase after these words names the programme ("the reform of “streamlining administration, ...”")
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:reform|campaign|action|initiative|strategy|programme|program|policy|principle|concept)s?"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
_NOT_PROGRAMME_BEFORE = re.compile(
    r"\b(?:(?:phenomen(?:on|a)|so-called|tendency|mentality|behaviou?r|attitude)\s+(?:of\s+)?(?:the\s+)?"
    r"|(?:known|hailed|praised|regarded|referred to)\s+as\s+(?:an?\s+|the\s+)?|dubbed\s+(?:an?\s+|the\s+)?"
    r"|(?:(?:honou?rary\s+)?titles?|honou?rs?|reputation|nickname|motto|awards?|prizes?)\s+(?:of|as)\s+"
    r"(?:an?\s+|the\s+)?|(?:won|awarded|granted|conferred)\s+(?:it\s+)?(?:the\s+)?)$",
    re.I,
)
# a quoted name followed by one of these nouns names an event, a product or a prize, not a programme
_NOT_PROGRAMME_AFTER = re.compile(
    r"\s*(?:events?|activit(?:y|ies)|ceremon(?:y|ies)|festivals?|exhibitions?|fairs?|forums?|expos?|"
    r"freight|trains?|brands?|products?|awards?|prizes?|trophy|contests?|competitions?|concerts?|galas?|"
    r"shows?|exercises?|vessels?|ships?|titles?|honou?rs?)\b"
)
_IMPORTANT_THOUGHTS = re.compile(
    r"Xi Jinping[’']s important (?:thoughts?|expositions?) on ([^,.;:()]+?)"
    r"(?=[,.;:()]| and | in the| to | as )"
)
_DRAFT_LAW_ON = re.compile(
    r"\bdraft (law on (?:the )?(?:[a-z\-]+ ){0,6}?[a-z\-]+)(?=[,.;]| as well\b| and\b)"
)
_ORDINAL_PLAN = re.compile(r"\b(\d+(?:st|nd|rd|th)) Five-Year Plan\b")
_GENERIC = {
    "high-quality development",
    "opening up",
    "opening-up",
    "rural revitalization",
    "reform and opening-up",
    "good start",  # a year's or quarter's "good start" is a wish, not a programme
}
_LEAD_DROP = {"the", "a", "an", "on", "in", "of", "and", "for", "to", "at", "with"}


def _title_case_share(s: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w’'\-]*", s) if w.lower() not in _LEAD_DROP]
    if not words:
        return 0.0
    return sum(1 for w in words if w[:1].isupper()) / len(words)


def find_initiatives(text: str) -> list[tuple[int, int, str]]:
    """The initiatives a text names: (start, end, name), in text order."""
    return [(s, e, n) for s, e, n, _why in traced_initiatives(text)]


def traced_initiatives(text: str) -> list[tuple[int, int, str, str]]:
    """Like ``find_initiatives``, each with the provenance entry of the rule or data line that read it."""
    lex = lexicon()
    found: list[tuple[int, int, str, str]] = []
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip()
        if len(inner.split()) <= 4:
            inner = inner.rstrip(".,;")
        words = inner.split()
        if not words or inner.lower() in _GENERIC:
            continue
        if any(re.search(p, inner.lower()) for p in lex.not_initiative_markers):
            continue
        if _PRONOUN.search(inner) or inner[-1] in ".!?,:" or re.search(r"[\u3400-\u9fff]", inner):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _NOT_PROGRAMME_BEFORE.search(before):
            continue  # "the phenomenon of “lying flat”": a quoted attitude, not a programme
        if len(words) <= 4 and _GATHERING_END.search(inner):
            continue  # the provincial “two sessions”: gatherings, not a programme
        if _NOT_PROGRAMME_AFTER.match(text[m.end() :]) or re.search(
            r"\b(?:is|are|be|was|were|been|become|becomes|remain|remains|themed)\s+$", before
        ):
            continue  # the “Yap Day” event, the “X-Europe” freight train; a session that is “efficient”
        if re.match(r"\s*(?:problems?|issues?|difficult(?:y|ies))\b", text[m.end() :]) or re.fullmatch(
            r"[a-z]+(?:ism|ness)", inner
        ):
            continue  # the "last mile" problem, "formalism": a description, not a programme
        nxt = re.match(rf"\s*({_QUOTE_CUES})\b", text[m.end() :], re.I)
        if (
            len(words) > 6
            and _title_case_share(inner) < 0.6
            and not nxt
            and not _PROGRAMME_BEFORE.search(before)
        ):
            continue
        name, end = inner, m.end()
        if re.fullmatch(r"\d+(?:st|nd|rd|th) Five-Year", inner):
            name = f"{inner} Plan"  # the “14th Five-Year” special plan: the five-year plan period
        if nxt and nxt.group(1)[:1].isupper():
            name, end = f"{inner} {nxt.group(1)}", m.end() + nxt.end()
        found.append((m.start(), end, name, _b("quoted name")))
    for m in _THOUGHT.finditer(text):
        topic = m.group(1).strip()
        # "study X Thought on ... thoroughly and systematically": the adverb is no part of the name
        topic = re.sub(r"(?: [a-z]+ly)+$", "", topic)
        end = m.start(1) + len(topic)
        if len(topic.split()) <= 10:
            art = re.match(r"(?:the|a)\s+", topic)
            rest = topic[art.end() :] if art else topic
            topic = f"{art.group(0) if art else ''}{rest[:1].upper() + rest[1:]}"
            found.append((m.start(), end, f"Xi Jinping Thought on {topic}", _b("Xi Jinping Thought on ...")))
    for m in _IMPORTANT_THOUGHTS.finditer(text):
        if len(m.group(1).split()) <= 10:
            found.append((m.start(), m.end(1), m.group(0), _b("important thoughts")))
    for m in _DRAFT_LAW_ON.finditer(text):
        found.append((m.start(1), m.end(1), m.group(1), _b("draft law on ...")))
    known = _known_lines()
    for pat, name in lex.known_initiatives:
        row = known.get(pat)
        for m in re.finditer(rf"\b{pat}\b", text, re.I):
            found.append((m.start(), m.end(), name, from_line(_C, row) if row else _b("known")))
    for m in _DRAFT_LAW.finditer(text):
        words = m.group(1).split()
        law = " ".join(w[:1].upper() + w[1:] for w in words)
        found.append((m.start(1), m.end(1), law, _b("draft ... law")))
    adopted = _b("document the meeting adopted or studied")
    found.extend((s, e, n, adopted) for s, e, n in documents_adopted(text))
    for m in _ORDINAL_PLAN.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)} Five-Year Plan", _b("ordinal five-year plan")))
    for m in _CAP_SEQ.finditer(text):
        for part, pstart in _split(m.group(1), m.start(1)):
            got = _cap_name(part, lex)
            if got:
                name = got
                start = pstart + part.index(name) if name in part else pstart
                before = text[max(0, start - 12) : start]
                if name.split()[-1] in {"Zone", "Area"} and _LOCATIVE.search(before):
                    continue  # "invest in the X Free Trade Zone": a place, not the programme
                found.append((start, start + len(name), name, _b("capitalised programme name")))
        ab = _ACRONYM_AFTER.match(text, m.end(1))
        words = m.group(1).split()
        if ab and words[-1] in {"Partnership", "Agreement"} and len(words) >= 3:
            # "the Regional Comprehensive Economic Partnership (RCEP)": a named trade pact
            caps = [w for w in words if w[:1].isupper()]
            if "".join(w[0] for w in caps[-len(ab.group(1)) :]) == ab.group(1):
                name = " ".join(words[words.index(caps[-len(ab.group(1))]) :])
                start = m.start(1) + m.group(1).index(name)
                found.append((start, start + len(name), name, _b("named trade pact with its acronym")))
        if _LOWER_CUE.match(text, m.end(1)):
            got = _named_project(m.group(1), lex)
            if got:
                start = m.start(1) + m.group(1).rindex(got)
                found.append((start, start + len(got), got, _b("proper name before a programme word")))
    served = _b("the programme a document's name serves")
    for s, e, n, _why in list(found):
        doc = _PROGRAMME_OF_DOCUMENT.match(n)
        rest = n[doc.end() :] if doc else ""
        if doc and _PROGRAMME_END.search(rest) and len(rest.split()) >= 2 and rest[:1].isupper():
            found.append((s + doc.end(), e, rest, served))
    found.sort()
    # a name inside another one's span is part of it: one sweep over the spans (start up, end down)
    inside: set[tuple[int, int]] = set()
    reach, outer = -1, (0, 0)
    spans = sorted({(s, e) for s, e, _, _w in found}, key=lambda x: (x[0], -x[1]))
    for s, e in spans:
        if reach >= e:
            doc = _PROGRAMME_OF_DOCUMENT.fullmatch(text, outer[0], s)
            if not doc or not _PROGRAMME_END.search(text, s, e):
                inside.add((s, e))
        else:
            outer = (s, e)
        reach = max(reach, e)
    out: list[tuple[int, int, str, str]] = []
    names: set[str] = set()
    for s, e, n, why in found:
        if (s, e) in inside or n in names:
            continue
        names.add(n)
        out.append((s, e, n, why))
    return out


_C = "en.initiatives"
# "the Implementation Plan for the X Initiative": the programme a document serves is an initiative too
_PROGRAMME_OF_DOCUMENT = re.compile(
    r"(?:[A-Z][\w\-]*\s+){0,3}(?:Plan|Measures|Opinions|Guidelines?|Outline|Regulations|Rules)\s+"
    r"(?:for|on|of)\s+(?:the\s+)?"
)
_PROGRAMME_END = re.compile(r"\b(?:Initiative|Strategy|Campaign|Programme|Program|Project)$")


def _b(rule: str) -> str:
    return because(_C, rule)


def _known_lines() -> dict[str, Line]:
    """The rows of known_initiatives.tsv by their pattern (the first row of a pattern wins)."""
    out: dict[str, Line] = {}
    for r in lines("en/known_initiatives.tsv"):
        out.setdefault(r.cells[0], r)
    return out


_DRAFT_LAW = re.compile(
    r"\bdraft (?:(?:amendments?|revision) to (?:the |China's |China’s )?)?"
    r"((?:(?!and\b|laws?\b|of\b|the\b)[a-z]+ ){1,3}law)\b"
)


# the word before "Zone"/"Area" in the name of a development programme (not a scenic or residential area)
_PROGRAMME_ZONE = {
    "Development",
    "Trade",
    "Pilot",
    "Demonstration",
    "Cooperation",
    "Metropolitan",
    "Bay",
    "New",
    "Innovation",
    "Economic",
    "Experimental",
    "Reform",
    "Integration",
}
_GATHERING_END = re.compile(r"\b(?:sessions?|meetings?|congress(?:es)?|conferences?|forums?|plenums?)$", re.I)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{3,8})\)")
_LOCATIVE = re.compile(r"\b(?:in|at|into|to|from|within|inside|near)\s+(?:the\s+)?$")
# "the Fengluo Hydrogen Valley project": a proper name followed by a lowercase programme word
_LOWER_CUE = re.compile(
    r"\s+(?:development\s+|construction\s+|pilot\s+)?(?:project|programme|program|strategy|initiative|campaign)\b"
)


def _named_project(seq: str, lx: Lexicon) -> str | None:
    words = seq.split()
    while words and (words[0].lower() in _LEAD_DROP or words[0].lower() in lx.not_name_words):
        words = words[1:]
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    if any(
        w.strip("’'") in lx.body_heads or w.lower() in lx.role_words or w.strip("’'") in lx.initiative_cues
        for w in words
    ):
        return None  # "the Municipal Government project"; names with a cue word are read elsewhere
    if any(re.fullmatch(r"[A-Z][a-z]+[’']s", w) for w in words) or words[-1].lower() in lx.place_heads:
        return None  # "the Moxi Hotel project": a place's project, no programme name
    return " ".join(words)


def _split(seq: str, start: int) -> list[tuple[str, int]]:
    """ "National Flag Law and the National Emblem Law" -> two titles (split after a cue word or year, or at
    "and the" between two titles; "X Initiative with the Y Corridor" too)."""
    lex = lexicon()
    out: list[tuple[str, int]] = []
    pos = 0
    for m in re.finditer(r" (?:and|with|as|at|by|to) (?:the )?", seq):
        left = seq[pos : m.start()]
        last = left.split()[-1] if left.split() else ""
        if last.strip("()") and (last in lex.initiative_cues or re.fullmatch(r"\(?\d{4}(-\d{2,4})?\)", last)):
            out.append((left, start + pos))
            pos = m.end()
        elif m.group(0) == " to the " and any(w in lex.document_cues for w in left.split()[:3]):
            # "submit the Organic Law of the X Council to the NPC": the document's title ends before "to"
            out.append((left, start + pos))
            pos = m.end()
        elif not m.group(0).startswith(" and "):
            continue
        elif (
            m.group(0) == " and the "
            and any(w in lex.initiative_cues | lex.document_cues for w in left.split())
            and any(w in lex.initiative_cues | lex.document_cues for w in seq[m.end() :].split())
        ):
            # "the Strategy of X through Science and Education and the Y Plan": two titles
            out.append((left, start + pos))
            pos = m.end()
    out.append((seq[pos:], start + pos))
    return out


def _cap_name(seq: str, lx: Lexicon) -> str | None:
    """The initiative named by one capitalized sequence, or None."""
    words = seq.split()
    while words and (
        words[0].lower() in _LEAD_DROP
        or words[0].endswith("ing")
        and words[0][:1].isupper()
        and words[0] not in lx.initiative_cues
        and not syllable_count(words[0])  # "Beijing", "Moxi-Beiling" are places, not gerunds
    ):
        words = words[1:]
    if not words:
        return None
    if words[0] in lx.document_cues and len(words) > 2 and words[1] in {"on", "for", "of"}:
        return " ".join(words)
    last = max(
        (
            i
            for i, w in enumerate(words)
            if w.strip("’'") in lx.initiative_cues
            # "Key Points of X's Foreign Affairs Work": a document word followed by what it is about
            or w in lx.document_cues
            and i + 1 < len(words)
            and words[i + 1] in {"of", "for", "on"}
        ),
        default=-1,
    )
    if last < 0:
        return None
    cue = words[last].strip("’'")
    if last >= 2 and words[last - 1] == "of" and words[last - 2] in lx.body_heads:
        return None  # "the Valbruna School of Law", "Institute of Urban Planning": a body
    if last + 1 < len(words) and (
        words[last + 1] in lx.body_heads
        or cue not in lx.document_cues
        and any(w.strip("’'") in lx.body_heads for w in words[last + 1 :])
    ):
        return None
    if re.search(r" and (the )?\S+$", " ".join(words[: last + 1])) and last + 1 >= len(words):
        return None
    if cue in lx.document_cues and last + 1 < len(words) and words[last + 1] in {"of", "for", "on"}:
        last = len(words) - 1
    elif (aim := _aim_tail(words, last, lx)) is not None:
        last = aim
    elif last + 1 < len(words) and re.fullmatch(r"\d{4}|\(\d{4}(?:-\d{2,4})?\)", words[last + 1]):
        last += 1
    words = words[: last + 1]
    while words and (
        words[0].lower() in _LEAD_DROP
        or words[0].lower() in lx.not_name_words
        and words[0].lower() not in {"national", "international", "world", "new", "work"}
    ):
        words = words[1:]
    if len(words) < 2 or words[-1] in {"Year"} and not re.search(r"Five-Year|Year of", " ".join(words)):
        return None
    if words[0] in {"Xi", "Thought"}:
        return None
    if ADMIN_ZONE.search(" ".join(words)):
        return None  # "X Economic and Technological Development Zone" is a body with its own committee
    if words[-1] in {"Zone", "Area"} and words[-2] not in _PROGRAMME_ZONE:
        return None  # "the West Lake Scenic Area" is a place; a "Development Zone" is a programme
    if words[-1] == "Week" and (len(words) < 3 or words[-2] == "Golden"):
        return None  # "Nordic Enterprise Cooperation Week" is a programme, a "Golden Week" a holiday
    name = " ".join(words)
    if re.fullmatch(r"\d+(st|nd|rd|th) Five-Year Plan", name):
        return None
    return name


# a programme word followed by what it is for ("the Eighth Five-Year Plan for Law Popularization", "the
# Project for Forging a Strong Sense of Community ..."): the name runs on over the capitalized aim
_AIM_HEADS = {
    "Plan",
    "Strategy",
    "Programme",
    "Program",
    "Campaign",
    "Project",
    "Initiative",
    "Action",
    "Outline",
}
_AIM_STOP = {"at", "to", "with", "by", "through", "between", "as"}  # not "in": "... in the New Era"


def _aim_tail(words: list[str], last: int, lx: Lexicon) -> int | None:
    """The index of the last word of a programme's aim ("Plan for X Y"), or None when there is none.

    The first programme word followed by "for"/"on"/"of" opens the aim; it ends at the last capitalized
    word before a connector that leaves the name ("at", "by", "with" ...). None when the aim ends in a cue
    word itself (the name is read up to it already) or names a body.

    >>> from kg.extract.en.lexicon import lexicon
    >>> w = "Eighth Five-Year Plan for Law Popularization".split()
    >>> _aim_tail(w, 4, lexicon())
    5
    >>> _aim_tail("Campaign for Clean Water by Yanhe".split(), 0, lexicon())
    3
    """
    first = next(
        (
            i
            for i, w in enumerate(words[: last + 1])
            if w in _AIM_HEADS and i + 1 < len(words) and words[i + 1] in {"for", "on", "of"}
        ),
        None,
    )
    if first is None:
        return None
    end = len(words)
    for i in range(first + 2, len(words)):
        if words[i] in _AIM_STOP:
            end = i
            break
    tail = words[first + 2 : end]
    while tail and not tail[-1][:1].isupper():
        tail.pop()
    if not tail or any(w.strip("’'") in lx.body_heads for w in tail):
        return None
    stop = first + 2 + len(tail) - 1
    return stop if stop > last else None


_DOC_END = re.compile(r"[,.;:()“”\"\n]|\s(?:along with|as well as|and (?:a|an|the)|which|that|so as)\s")


@lru_cache(maxsize=1)
def _document_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    verbs = "|".join(sorted(lex.adoption_verbs, key=len, reverse=True))
    nouns = "|".join(sorted(lex.document_nouns, key=len, reverse=True))
    return (
        re.compile(rf"\b(?:{verbs})\b", re.I),
        re.compile(
            rf"\b(?:the|a|an)\s+((?:draft\s+)?(?:[a-z][a-z\-]*\s+){{0,3}}?(?:{nouns})\s+(?:of|for|on)\s+)"
            rf"(?=[\w(])"
        ),
    )


def documents_adopted(text: str) -> list[tuple[int, int, str]]:
    """ "... reviewed and adopted in principle the key work plan of the X Committee for 2024, along with a
    guideline for improving Y": lowercase documents named in a sentence whose verb adopts or studies them
    (adoption_verbs.txt, document_nouns.txt). The name runs to the clause's end, at most 14 words."""
    verb, doc = _document_patterns()
    out: list[tuple[int, int, str]] = []
    for m in doc.finditer(text):
        sent_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        if not verb.search(text, sent_start, m.start()):
            continue
        stop = _DOC_END.search(text, m.end(1), m.end(1) + 160)
        end = stop.start() if stop else min(len(text), m.end(1) + 160)
        name = text[m.start(1) : end].strip()
        if re.match(r"draft\s+", name):
            name = name[6:].lstrip()
        if not 3 <= len(name.split()) <= 14:
            continue
        start = end - len(name)
        out.append((start, end, name[:1].upper() + name[1:]))
    return out
