"""Event names an analyst can read, and the place a release gives for an event.

A Chinese extraction may name an event by its whole sentence ("11月9日，国家主席习近平在北京人民大会堂会见…");
:func:`short_name` gives "习近平会见X" (the presider, the cue of ``zh/relation_cues.tsv`` that follows the
name, the other participants), else the sentence's first clause without its date. A numbered duplicate
("Lin Haoran Meets ... (2)": the same headline given to two readings of one release) loses its number:
:func:`base_name` (kg.rdf.build then makes it one event). :func:`place_of` reads "in Beijing" /
在北京人民大会堂 from the event's sentence: a gazetteer place (``aliases/places.tsv``) or the
release's locality, or in Chinese a venue ending in a place word (堂, 馆, 厅, ...).

>>> sentence = "11月9日，国家主席习近平在北京人民大会堂会见越南国家主席阮文安。"
>>> short_name(sentence, ["习近平"], ["阮文安"], "zh")
'习近平会见阮文安'
>>> base_name("Lin Haoran Meets with Ambassador of Norway to China (2)")
'Lin Haoran Meets with Ambassador of Norway to China'
>>> place_of("习近平在北京人民大会堂会见阮文安。", "zh")
'北京人民大会堂'
>>> place_of("Zhou Wenbo met the guests in Beijing on May 19.", "en")
'Beijing'
"""

from __future__ import annotations

import re
from functools import cache

from kg.knowledge import data_path_value, relation_cues
from kg.resolve.aliases import places

_NUMBERED = re.compile(r"\s+\((\d{1,3})\)$")
_ZH_DATE = re.compile(r"^\s*(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[，,、\s]*")
_ZH_CLAUSE = re.compile(r"[，,。；;！？!?]")
_ZH_SENTENCE = re.compile(r"[，,。；;]")
MAX_NAME = 40  # characters of a Chinese name / 150 of an English one before it is a sentence
_ZH_VENUE = re.compile(
    r"在([\u4e00-\u9fff]{2,16}?)(?=会见|会晤|会谈|举行|召开|主持|出席|参加|接见|集体会见|亲切会见)")
_ZH_PLACE_END = "市省县区镇乡村州京堂馆厅室楼场店园宫院所厦"
_NOT_VENUE = ("会上", "会议上", "讲话中", "期间", "现场")
_EN_IN = re.compile(r"\bin ((?:the )?[A-Z][\w'’-]+(?: (?:of the |of )?[A-Z][\w'’-]+){0,4})")


def base_name(name: str) -> str:
    """The name without a duplicate's number: "X (2)" -> "X"."""
    return _NUMBERED.sub("", name)


def is_sentence(name: str, language: str) -> bool:
    """Whether an event name is a whole sentence rather than a name."""
    if language == "zh":
        return bool(_ZH_SENTENCE.search(name) or _ZH_DATE.match(name)) or len(name) > MAX_NAME
    return ". " in name or name.rstrip().endswith(".") or len(name) > 150


@cache
def _verbs(_data_path: str) -> tuple[tuple[str, str], ...]:
    rows = [(c.cue, c.relation) for c in relation_cues("zh") if c.voice == "active" and c.cue]
    return tuple(sorted(set(rows), key=lambda v: (-len(v[0]), v)))


def _zh_verb(sentence: str, after: int) -> tuple[str, str] | None:
    """The first cue of zh/relation_cues.tsv at or after ``after`` (the longest where several start there)."""
    verbs = _verbs(data_path_value())
    for i in range(after, min(len(sentence), after + 60)):
        for word, kind in verbs:
            if sentence.startswith(word, i):
                return word, kind
    return None


def short_name(name: str, presided: list[str], attended: list[str], language: str) -> str | None:
    """A short name for an event named by its sentence ("习近平会见X"), or None when ``name`` is a name."""
    if not is_sentence(name, language):
        return None
    if language != "zh":
        return None  # English sentences are left to the extraction (rare: headlines name events)
    who = next((p for p in [*presided, *attended] if p and p in name), None)
    if who is not None:
        verb = _zh_verb(name, name.index(who) + len(who))
        if verb is not None and verb[1] == "met_with":
            at = name.find(verb[0], name.index(who) + len(who)) + len(verb[0])
            clause = re.split(r"[。；;！？!?]", name[at:], maxsplit=1)[0]  # whom the verb is about
            others = sorted((a for a in attended if a != who and a in clause), key=clause.index)[:2]
            if others:
                return f"{who}{verb[0]}{'、'.join(others)}"
    clause = _ZH_CLAUSE.split(_ZH_DATE.sub("", name), maxsplit=1)[0].strip()
    if 2 <= len(clause) <= MAX_NAME:
        return clause
    return None


@cache
def _known_places(_data_path: str) -> tuple[frozenset[str], frozenset[str]]:
    ps = places()
    return frozenset(p.en for p in ps), frozenset(p.zh for p in ps)


def place_of(sentence: str, language: str, locality: str | None = None) -> str | None:
    """The place the sentence gives for its event ("in Beijing", 在北京人民大会堂), or None."""
    en, zh = _known_places(data_path_value())
    if language == "zh":
        for m in _ZH_VENUE.finditer(sentence):
            p = m.group(1)
            if p in _NOT_VENUE:
                continue
            if p in zh or p == locality or p[-1] in _ZH_PLACE_END:
                return p
        return None
    for m in _EN_IN.finditer(sentence):
        words = m.group(1).removeprefix("the ")
        for k in range(len(words.split()), 0, -1):  # the longest known prefix: "Beijing Municipality"
            cand = " ".join(words.split()[:k])
            if cand in en or cand == locality:
                return cand
    return None
