"""Person-name mentions: Chinese names in pinyin (validated syllable by syllable) and foreign names.

A pinyin name is a surname from the surname list followed by a given name of one or two pinyin
syllables ("Zhang Zhijun", "Lin Xin'e", lowercase machine-translation forms "tang weiliang").
A foreign name is a run of two to four capitalized words; it is only a *candidate* here (``foreign``)
and becomes a person when a title stands next to it (see titles.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.en.lexicon import Lexicon, lexicon

_WORD = r"[A-Za-z]+(?:[’'‘\-](?!s\b)[A-Za-z]+)?"
_PAIR = re.compile(
    rf"(?<![\w’'\-.])({_WORD})[ \u00a0]+({_WORD})(?:[ \u00a0]+([A-Z][a-z]{{0,5}}))?"
    rf"(?=[’'‘]s\b|-\s|(?![\w’'‘\-]))"  # a name ends before "'s", before "- Title", or at a word's end
)
_FOREIGN_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)"


@lru_cache(maxsize=1)
def _foreign() -> re.Pattern[str]:
    """A run of capitalized words, with the name particles of name_particles.txt allowed between them."""
    particles = "|".join(sorted(lexicon().name_particles, key=len, reverse=True))
    gap = rf"[ \u00a0]+(?:(?:{particles})[ \u00a0]+){{0,2}}"
    return re.compile(rf"(?<![\w’'\-])({_FOREIGN_TOKEN}(?:{gap}{_FOREIGN_TOKEN}){{1,7}})(?![\w’'\-])")
_CJK_NAME = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff]{2,3}(?![\u3400-\u9fff])")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # normalized display form
    kind: str  # "pinyin" | "foreign" | "cjk"


@lru_cache(maxsize=4096)
def syllable_count(word: str) -> int:
    """How many pinyin syllables ``word`` splits into (fewest), 0 when it does not split."""
    w = re.sub(r"[’'‘\-]", "", word.lower())
    syl = lexicon().syllables
    best = [0] + [99] * len(w)
    for i in range(1, len(w) + 1):
        for j in range(max(0, i - 6), i):
            if best[j] < 99 and w[j:i] in syl:
                best[i] = min(best[i], best[j] + 1)
    return best[len(w)] if best[len(w)] < 99 else 0


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word.islower() else word


def _is_title(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or not word[1:2].isupper())


def _pinyin_name(text: str, m: re.Match[str], lex: Lexicon) -> tuple[int, str] | None:
    sur, given, third = m.group(1), m.group(2), m.group(3)
    if sur.lower() not in lex.surnames:
        return None
    if f"{sur} {given}".lower() in lex.not_names:
        return None
    n = syllable_count(given)
    if not 1 <= n <= 2:
        return None
    after = text[m.end(2) : m.end(2) + 30]
    nxt = re.match(r"[ \u00a0]+([A-Za-z]+)", after)
    if nxt and nxt.group(1).lower() in lex.place_heads and nxt.group(1)[:1].isupper():
        return None
    if sur.isupper() and len(sur) > 1 and _is_title(given):
        # "ZHOU Lin": the surname in capitals, as foreign-facing pages write it
        return m.end(2), f"{_cap(sur.lower())} {given}"
    if _is_title(sur) and _is_title(given):
        end = m.end(2)
        if sur.lower() in lex.not_name_words and given.lower() in lex.surnames:
            # "He Ouyang Lin said": the English word "He" before a full name, not the surname He
            nxt_given = re.match(r"[ \u00a0]+([A-Z][a-z]+)\b", text[end : end + 12])
            if nxt_given and 1 <= syllable_count(nxt_given.group(1)) <= 2:
                return None
        # "Feng Lang Tao": a third one-syllable capitalized word completes a split given name
        if third and n == 1 and syllable_count(third) == 1 and third.lower() not in lex.not_name_words:
            return m.end(3), f"{sur} {given} {third}"
        split = re.match(r" [‘’']([a-z]{1,4})\b", text[end : end + 8])
        if split and n == 1 and syllable_count(given + split.group(1)) == 2:
            # machine-translation split of a given name: "Zhang Yong 'an"
            return end + split.end(), f"{sur} {given} {text[end + 1 : end + split.end()]}"
        return end, f"{sur} {given}"
    if sur[:1].isupper() and given.islower():
        # sentence-initial machine-translation form "Huang zhiliang asked"
        if n == 2 and len(given) >= 5 and given not in lex.english_words:
            return m.end(2), f"{sur} {_cap(given)}"
        return None
    if sur.islower() and _is_title(given) and given.lower() not in lex.english_words:
        # "..., lu Minghe, ...": a half-capitalized machine-translation form, only between list commas
        before = text[max(0, m.start() - 3) : m.start()]
        if re.search(r"[,、]\s*$", before) and re.match(r"\s*[,、]", text[m.end(2) : m.end(2) + 3]):
            return m.end(2), f"{_cap(sur)} {given}"
        return None
    if sur.islower() and given.islower():
        if given in lex.english_words or sur in lex.english_words and n < 2:
            return None
        before = text[max(0, m.start() - 40) : m.start()].rstrip()
        after_ok = re.match(
            r"\s*([,.;:)]|and\b|$|(?:attended|presided|chaired|hosted|met|said|stressed|emphasi[sz]ed|"
            r"pointed|noted|urged|delivered)\b)",
            text[m.end(2) : m.end(2) + 16],
        )
        last = before.split()[-1].lower() if before.split() else ""
        before_ok = before.endswith((",", ";", "、")) or last in {"and"} or last in lex.role_words
        if before_ok and after_ok:
            return m.end(2), f"{_cap(sur)} {_cap(given)}"
    return None


_BYLINE = re.compile(
    r"(?:^\s*(?:Xinhua|By|Source)|\b(?:Photo by|[Cc]orrespondent|[Ee]ditor|[Rr]eporter|Author))"
    r"\s*[:：]?\s*[^()\[\]\n]*$"
)
_BYLINE_LEAD = re.compile(r"\s*(?:Xinhua|By|Source)")  # _BYLINE's first branch, at a line's start
_BYLINE_CUE = re.compile(r"\b(?:Photo by|[Cc]orrespondent|[Ee]ditor|[Rr]eporter|Author)")  # its second


_BOOK_BEFORE = re.compile(r"\b(?:of|volumes?|books?|read|reading|study|studying|studied)\s+[“\"]?$")


class BylineIndex:
    """Where a text's lines (after a newline, "(" or "[") start, its byline cues and its closing brackets,
    so that "does _BYLINE match from the line's start to this name" is a few binary searches instead of a
    rescan of the line for every name (quadratic on one long line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [m.start() for m in re.finditer(r"[\n(\[]", text)]
        self.closers = [m.start() for m in re.finditer(r"[)\]]", text)]
        cues = list(_BYLINE_CUE.finditer(text))
        self.cue_ends = [m.end() for m in cues]
        self.cue_starts = [m.start() for m in cues]
        self._lead: dict[int, int | None] = {}

    def _closed_between(self, a: int, b: int) -> bool:
        i = bisect_left(self.closers, a)
        return i < len(self.closers) and self.closers[i] < b

    def byline_before(self, start: int) -> bool:
        """_BYLINE.search(text[line_start:start]) without slicing: a cue in the line before ``start`` with
        no closing bracket after it."""
        i = bisect_left(self.starts, start)
        line_start = self.starts[i - 1] + 1 if i else 0
        if line_start not in self._lead:
            m = _BYLINE_LEAD.match(self.text, line_start)
            self._lead[line_start] = m.end() if m else None
        lead = self._lead[line_start]
        if lead is not None and lead <= start and not self._closed_between(lead, start):
            return True
        j = bisect_right(self.cue_ends, start) - 1
        if j < 0 or self.cue_starts[j] < line_start:
            return False
        return not self._closed_between(self.cue_ends[j], start)


def is_byline(text: str, start: int, end: int, index: BylineIndex | None = None) -> bool:
    """Photo credits, reporters and editors: "(Xinhua/Li Ming)", "Editor: Li Ming", "(By Li Ming/Daily)"."""
    if text[end : end + 1] == "/" or text[max(0, start - 1) : start] == "/":
        return True
    if re.match(r"(?:[’']s)?\s+Thought\b", text[end : end + 12]):
        return True  # "Xi Jinping Thought on ..." names a doctrine, not the person
    if re.match(r"\s*:\s*(?:The|On)\s+[A-Z]", text[end : end + 12]) and _BOOK_BEFORE.search(
        text[max(0, start - 20) : start]
    ):
        return True  # "the fourth volume of Tao Lin: The Art of Governance" is a book's title, not the person
    return (index or BylineIndex(text)).byline_before(start)


# Legal-form suffixes and acronyms that close a company name ("... Logistics JSC", "... Energy AS").
_ORG_SUFFIX = re.compile(r"[ \u00a0]+(?:[A-Z]{2,}\b|(?:Co(?:_+Ltd)?|Ltd|Inc|Corp|GmbH|Plc|LLC|S\.A|N\.V)\b)")


def _inside_org_name(text: str, start: int, end: int) -> bool:
    """A capitalized pair that is the tail of an organization's name, not a person: "Academy of
    Hydrogen Sciences" (after "<body head> of"), "Aral Trans Logistics JSC" (a company suffix follows)."""
    lex = lexicon()
    if _ORG_SUFFIX.match(text, end):
        return True
    before = text[max(0, start - 60) : start]
    prev = re.search(r"([A-Z][\w’'\-]*)[ \u00a0]+(?:of|for|on)[ \u00a0]+(?:the[ \u00a0]+)?$", before)
    if prev and prev.group(1) in lex.body_heads:
        return True
    # "welcomes Aral Trans Logistics to join": elsewhere the release writes the pair inside a company's name
    name = " ".join(text[start:end].split())
    return any(before.endswith(name) for before in _before_company_forms(text))


@lru_cache(maxsize=8)
def _before_company_forms(text: str) -> tuple[str, ...]:
    """The text before each company legal form ("... Logistics| Co", "... Energy| AS"), spaces collapsed,
    once per release."""
    return tuple(
        re.sub(r"[ \u00a0]+", " ", text[max(0, m.start() - 120) : m.start()])
        for m in _COMPANY_FORM_AFTER.finditer(text)
    )


_COMPANY_FORM = r"(?:Co\b|Co_+Ltd|Ltd|Inc|Corp|GmbH|AG|ASA|AS|JSC|LLC|PLC|Plc|Group|Company|Corporation)\b"
_COMPANY_FORM_AFTER = re.compile(rf"[ \u00a0]+{_COMPANY_FORM}")


def find_mentions(text: str) -> list[Mention]:
    """All person-name candidates in ``text``, left to right, without overlaps (pinyin first)."""
    index = BylineIndex(text)
    return [m for m in _find(text) if not is_byline(text, m.start, m.end, index)]


class _Spans:
    """Disjoint spans, sorted: does [start, end) overlap one of them? (a binary search, not a scan)"""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self.ends[i] > start


def _find(text: str) -> list[Mention]:
    lex = lexicon()  # once: a name candidate comes every few words
    out: list[Mention] = []
    taken = _Spans()
    pos = 0
    while True:
        m = _PAIR.search(text, pos)
        if not m:
            break
        got = _pinyin_name(text, m, lex)
        if got:
            end, name = got
            out.append(Mention(m.start(), end, name, "pinyin"))
            taken.add(m.start(), end)
            pos = end
        else:
            pos = m.start(2)
    # a name accepted once is the same person wherever the text repeats it in lowercase ("zhou minghai
    # emphasized" at a sentence start, after the first mention was read from its title)
    for name in sorted({x.name for x in out if " " in x.name}):
        first = name.split()[0].lower()
        if f"{first} " not in text and f"{first}\u00a0" not in text:
            continue  # the surname is nowhere written in lowercase before a space
        pat = r"[ \u00a0]+".join(re.escape(w.lower()) for w in name.split())
        for m in re.finditer(rf"(?<![\w’'\-]){pat}(?![\w’'\-])", text):
            if text[m.start() : m.end()].islower() and not taken.overlaps(m.start(), m.end()):
                out.append(Mention(m.start(), m.end(), name, "pinyin"))
                taken.add(m.start(), m.end())
    lex = lexicon()
    particles = lex.name_particles
    for m in _foreign().finditer(text):
        words = m.group(1).split()
        # trim words that are not name words on both sides
        i, j = 0, len(words)
        while i < j and (
            words[i].lower().rstrip(".") in lex.not_name_words
            or words[i].lower() in lex.role_words
            or words[i].lower() in lex.nationalities
            or words[i] in lex.body_heads
            or words[i].lower() in lex.place_heads
        ):
            i += 1
        while j > i and (
            words[j - 1].lower() in lex.not_name_words
            or words[j - 1] in lex.body_heads
            or words[j - 1].lower() in lex.place_heads
            or words[j - 1].lower() in lex.role_words
        ):
            if (
                words[j - 1] in lex.body_heads
                or words[j - 1].lower() in lex.place_heads
                or words[j - 1].lower() in lex.role_words
            ):
                j = -1
                break
            j -= 1
        if j < 0:
            continue
        words = words[i:j]
        # "Chairman of Minase City Council Yuko Hirata": the name is what follows the organization's head
        k = max(
            (x for x, w in enumerate(words) if w in lex.body_heads or w.lower() in lex.place_heads),
            default=-1,
        )
        if k < 0:
            # "Valdonian President Stefan Horvath": the name is what follows the title
            k = max((x for x, w in enumerate(words) if w.lower() in lex.role_heads), default=-1)
        if k >= 0 and len(words) - k - 1 >= 2:
            words = words[k + 1 :]
            i = k + 1
        if (
            len(words) >= 3
            and i == 0
            # "and Omar bin Khalid", "and Tran Van Minh": a given name before a particle is the name's
            and words[1].lower() not in particles
            and re.search(r"\b(?:in|to|of|from|at|and)\s+$", text[max(0, m.start(1) - 6) : m.start(1)])
        ):
            words = words[1:]  # "Consul General of X in Shanghai Maria Lindqvist": the place is no name
        while words and words[-1] in particles:
            words = words[:-1]
        capitalized = [w for w in words if w not in particles]
        if not 2 <= len(capitalized) <= 4 or " ".join(words).lower() in lex.not_names:
            continue
        if any(
            w.lower() in lex.not_name_words or w in lex.body_heads or w.lower() in lex.role_words
            for w in capitalized
        ):
            continue
        start = m.start(1) + m.group(1).index(words[0])
        end = start + len(" ".join(words))
        if text[start:end] != " ".join(words):
            continue
        if _inside_org_name(text, start, end):
            continue
        if taken.overlaps(start, end):
            continue
        out.append(Mention(start, end, " ".join(words), "foreign"))
    for m in _CJK_NAME.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        after = text[m.end() : m.end() + 2]
        if re.search(r"[,，、]\s*$", before) and re.match(r"\s*[,，、]", after):
            out.append(Mention(m.start(), m.end(), m.group(0), "cjk"))
    out.sort(key=lambda x: (x.start, -x.end))
    return out
