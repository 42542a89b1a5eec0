"""Named initiatives: quoted names (“Dual Circulation”), capitalized programmes ending in a cue word
(initiative_cues.txt: Initiative, Plan, Strategy, Law ...), "Xi Jinping Thought on ..." and ordinal
plans ("14th Five-Year Plan")."""

from __future__ import annotations

import re

from kg.extract.en.lexicon import lexicon

_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,160}?)[”\"]")
_PRONOUN = re.compile(r"\b(we|i|you|our|your|us|my|will|is|are|was|were|can|should|has|have)\b", re.I)
_CAPWORD = r"(?:[A-Z][\w’'\-]*|\(?\d{4}(?:-\d{2,4})?\)?|\d+(?:st|nd|rd|th))"
_CONNECT = r"(?:of|the|and|for|on|in|to|with|a|an|at)"
_CAP_SEQ = re.compile(rf"(?<![\w’'])({_CAPWORD}(?:[ \u00a0]+(?:{_CONNECT}[ \u00a0]+)*{_CAPWORD})*)")
_THOUGHT = re.compile(r"Xi Jinping(?:[’']s)? (?:[Tt]hought|ideology) on ([^,.;:()]+?)(?=[,.;:()]| and | in the| to | as )")
_ORDINAL_PLAN = re.compile(r"\b(\d+(?:st|nd|rd|th)) Five-Year Plan\b")
_GENERIC = {"high-quality development", "opening up", "opening-up", "rural revitalization", "reform and opening-up"}
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
        words = inner.split()
        if not words or inner.lower() in _GENERIC:
            continue
        if _PRONOUN.search(inner) or inner[-1] in ".!?,":
            continue
        if len(words) > 6 and _title_case_share(inner) < 0.6:
            continue
        name, end = inner, m.end()
        nxt = re.match(r"\s*(Initiative|Strategy|Plan|Programme|Program|Campaign|Project)\b", text[m.end():])
        if nxt:
            name, end = f"{inner} {nxt.group(1)}", m.end() + nxt.end()
        found.append((m.start(), end, name))
    for m in _THOUGHT.finditer(text):
        topic = m.group(1).strip()
        if len(topic.split()) <= 10:
            found.append((m.start(), m.end(1), f"Xi Jinping Thought on {topic[:1].upper() + topic[1:]}"))
    for m in _ORDINAL_PLAN.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)} Five-Year Plan"))
    for m in _CAP_SEQ.finditer(text):
        words = m.group(1).split()
        last = max((i for i, w in enumerate(words) if w.strip("’'") in lex.initiative_cues), default=-1)
        if last < 0:
            continue
        words = words[: last + 1]
        while words and (words[0].lower() in _LEAD_DROP or words[0].lower() in lex.not_name_words
                         and words[0].lower() not in {"national", "international", "world", "new"}):
            words = words[1:]
        if len(words) < 2 or words[-1] in {"Year"} and not re.search(r"Five-Year|Year of", " ".join(words)):
            continue
        if words[0] in {"Xi", "Thought"}:
            continue
        name = " ".join(words)
        if re.fullmatch(r"\d+(st|nd|rd|th) Five-Year Plan", name):
            continue
        start = m.start(1) + m.group(1).index(name) if name in m.group(1) else m.start(1)
        found.append((start, start + len(name), name))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for s, e, n in found:
        if any(s >= s2 and e <= e2 and (s, e) != (s2, e2) for s2, e2, _ in found):
            continue
        out.append((s, e, n))
    return out
