"""Named initiatives: quoted names (“Dual Circulation”), capitalized programmes ending in a cue word
(initiative_cues.txt: Initiative, Plan, Strategy, Law ...), "Xi Jinping Thought on ..." and ordinal
plans ("14th Five-Year Plan")."""

from __future__ import annotations

import re

from kg.extract.en.lexicon import Lexicon, lexicon

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
    r"|(?:known|hailed|praised|regarded|referred to)\s+as\s+(?:an?\s+|the\s+)?|dubbed\s+(?:an?\s+|the\s+)?)$",
    re.I,
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
}
_LEAD_DROP = {"the", "a", "an", "on", "in", "of", "and", "for", "to", "at", "with"}


def _title_case_share(s: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w’'\-]*", s) if w.lower() not in _LEAD_DROP]
    if not words:
        return 0.0
    return sum(1 for w in words if w[:1].isupper()) / len(words)


def find_initiatives(text: str) -> list[tuple[int, int, str]]:
    lex = lexicon()
    found: list[tuple[int, int, str]] = []
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
        if nxt and nxt.group(1)[:1].isupper():
            name, end = f"{inner} {nxt.group(1)}", m.end() + nxt.end()
        found.append((m.start(), end, name))
    for m in _THOUGHT.finditer(text):
        topic = m.group(1).strip()
        if len(topic.split()) <= 10:
            found.append((m.start(), m.end(1), f"Xi Jinping Thought on {topic[:1].upper() + topic[1:]}"))
    for m in _IMPORTANT_THOUGHTS.finditer(text):
        if len(m.group(1).split()) <= 10:
            found.append((m.start(), m.end(1), m.group(0)))
    for m in _DRAFT_LAW_ON.finditer(text):
        found.append((m.start(1), m.end(1), m.group(1)))
    for pat, name in lex.known_initiatives:
        for m in re.finditer(rf"\b{pat}\b", text, re.I):
            found.append((m.start(), m.end(), name))
    for m in _DRAFT_LAW.finditer(text):
        words = m.group(1).split()
        found.append((m.start(1), m.end(1), " ".join(w[:1].upper() + w[1:] for w in words)))
    for m in _ORDINAL_PLAN.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)} Five-Year Plan"))
    for m in _CAP_SEQ.finditer(text):
        for part, pstart in _split(m.group(1), m.start(1)):
            got = _cap_name(part, lex)
            if got:
                name = got
                start = pstart + part.index(name) if name in part else pstart
                found.append((start, start + len(name), name))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for s, e, n in found:
        if any(s >= s2 and e <= e2 and (s, e) != (s2, e2) for s2, e2, _ in found):
            continue
        if any(n == n2 for _s, _e, n2 in out):
            continue
        out.append((s, e, n))
    return out


_DRAFT_LAW = re.compile(
    r"\bdraft (?:(?:amendments?|revision) to (?:the |China's |China’s )?)?"
    r"((?:(?!and\b|laws?\b|of\b|the\b)[a-z]+ ){1,3}law)\b"
)


def _split(seq: str, start: int) -> list[tuple[str, int]]:
    """ "National Flag Law and the National Emblem Law" -> two titles (split after a cue word or year)."""
    lex = lexicon()
    out: list[tuple[str, int]] = []
    pos = 0
    for m in re.finditer(r" and (?:the )?", seq):
        left = seq[pos : m.start()]
        last = left.split()[-1] if left.split() else ""
        if last.strip("()") and (last in lex.initiative_cues or re.fullmatch(r"\(?\d{4}(-\d{2,4})?\)", last)):
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
    ):
        words = words[1:]
    if not words:
        return None
    if words[0] in lx.document_cues and len(words) > 2 and words[1] in {"on", "for", "of"}:
        return " ".join(words)
    last = max((i for i, w in enumerate(words) if w.strip("’'") in lx.initiative_cues), default=-1)
    if last < 0:
        return None
    cue = words[last].strip("’'")
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
    elif last + 1 < len(words) and re.fullmatch(r"\d{4}", words[last + 1]):
        last += 1
    words = words[: last + 1]
    while words and (
        words[0].lower() in _LEAD_DROP
        or words[0].lower() in lx.not_name_words
        and words[0].lower() not in {"national", "international", "world", "new"}
    ):
        words = words[1:]
    if len(words) < 2 or words[-1] in {"Year"} and not re.search(r"Five-Year|Year of", " ".join(words)):
        return None
    if words[0] in {"Xi", "Thought"}:
        return None
    name = " ".join(words)
    if re.fullmatch(r"\d+(st|nd|rd|th) Five-Year Plan", name):
        return None
    return name
