"""Page furniture: the publication date, title and source that a captured page states around its text.

Precision first. A date is the publication date only where the page presents it as such:
  - after a date cue ("Date:", "Updated 14:58,", "发布时间：", "时间:", " date 2023-01-21 ..."),
    possibly on the line after a bare cue line ("Release time:" / "2024-05-28");
  - on a short source line ("Source: Xinhua | 2019-11-28", "来源:xx  时间:...");
  - alone on a short furniture line ("2015-10-31 14:02", "2022-07-24 0 By", "株洲文明网 2019-05-14").
Only the head of the page (before the first body paragraph) is read: dates inside the body
("On January 29", "On June 24, 2018, the Ministry ...") are event dates, not publication dates.
Two weaker statements are read only where the head states no date:
  - a print-edition credit line anywhere on the page ("《青山日报》（2023年04月15日 02版）");
  - a head line that is only a date and a weekday ("2023年11月23日 星期四"): most often the site's
    calendar showing the day of capture, so any other dated head line wins over it.
Cue words live in kg/read/data/furniture.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.read.cues import cues
from kg.read.dates import TIME, DateToken, find_dates

HEAD_LINES = 30  # non-empty lines read as possible furniture
HEAD_CHARS = 4000
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Furniture:
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class _Line:
    index: int
    text: str


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    c = cues()
    date_cue = c.alternation(c.date_cues)
    source_cue = c.alternation(c.source_cues)
    field_cue = c.alternation(c.field_cues + c.date_cues + c.source_cues)
    return {
        # a date cue ending the text before a date token (an optional time of day may sit between)
        "cue_before": re.compile(
            rf"(?:^|[^a-z])(?:{date_cue})\s*[:：]?\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*,?\s*)?$", re.I),
        "bare_cue": re.compile(rf"^\s*(?:{date_cue})\s*[:：]\s*$", re.I),
        "source": re.compile(rf"(?:^|[^a-z])(?:{source_cue})\s*[:：]\s*", re.I),
        "field": re.compile(rf"(?:^|(?<=[^a-z]))(?:{field_cue})\s*[:：]", re.I),
        "lead_cue_date": re.compile(rf"^\s*(?:{date_cue})\s*[:：]?\s*", re.I),
        # 《newspaper》 (date, page): the print edition a web page reproduces
        "edition": re.compile(
            rf"《[^》\n]{{2,20}}》\s*[（(]\s*(?P<date>[^()（）\n]{{6,30}}?)\s*(?:第\s*)?[A-Za-z]?\d{{0,3}}\s*"
            rf"(?:{c.alternation(c.edition_words)})\s*[)）]"),
    }


def _is_cjk(s: str) -> bool:
    return len(_CJK.findall(s)) > max(1, len(s) // 5)


def _is_body(line: str) -> bool:
    """A paragraph of the release itself (where the head of the page ends): long and made of
    sentences (a long headline has no full stop)."""
    if len(line) < (60 if _is_cjk(line) else 120):
        return False
    return bool(re.search(r"[。！？]|[.!?][\"”’)]?(?:\s|$)", line))


def _head(text: str) -> list[_Line]:
    out: list[_Line] = []
    for i, raw in enumerate(text[:HEAD_CHARS].splitlines()):
        line = " ".join(raw.replace("\u3000", " ").split())
        if line:
            out.append(_Line(i, line))
        if len(out) >= HEAD_LINES:
            break
    return out


def _remainder(line: str, tok: DateToken) -> str:
    rest = line[: tok.start] + " " + line[tok.end:]
    return " ".join(TIME.sub(" ", rest).split())


# what a short line left around a date must not look like: a sentence ("On June 24, 2018, X attended.")
_SENTENCE = re.compile(
    r"[。！？]|[a-z]{2,}[.!?](?:\s|$)|[.!?]\s*$|^\W*(?:on|at|in|from|since|until|by the)\s", re.I)


def _publication_date(line: str, previous: str | None) -> str | None:
    rx = _regexes()
    for tok in find_dates(line):
        before = line[: tok.start]
        if tok.start <= 60 and rx["cue_before"].search(before):
            return tok.iso
        rest = _remainder(line, tok)
        if tok.start == 0 and not rest and previous and rx["bare_cue"].match(previous):
            return tok.iso
        if len(line) <= 120 and rx["source"].search(line):
            return tok.iso
        if len(rest) <= 30 and not _SENTENCE.search(rest):
            return tok.iso
    return None


def _is_calendar(line: str) -> bool:
    """Only a date and a weekday: a site's calendar rather than a statement about the release."""
    toks = find_dates(line)
    if len(toks) != 1:
        return False
    words = [w for w in re.split(r"[\s,，.、()（）\[\]【】|/]+", _remainder(line, toks[0]).lower()) if w]
    return bool(words) and all(w in cues().weekday_words for w in words)


_EDITION_LINE_MAX = 80
_CREDIT_PUNCT = " \t\u3000-—_:：|｜。.,，"


def _print_edition_date(text: str) -> str | None:
    """The date of the last print-edition credit line on the page ("《青山日报》（2023年04月15日 02版）")."""
    found: str | None = None
    rx = _regexes()["edition"]
    for raw in text.splitlines():
        line = raw.strip()
        if len(line) > _EDITION_LINE_MAX or "《" not in line:
            continue
        m = rx.search(line)
        if m and not line[: m.start()].strip(_CREDIT_PUNCT) and not line[m.end():].strip(_CREDIT_PUNCT) \
                and (toks := find_dates(m.group("date"))):
            found = toks[0].iso
    return found  # a credit line is the whole line: one cited inside a sentence is not furniture


def find_published(text: str) -> str | None:
    """The publication date the page states in its furniture, as YYYY-MM-DD, or None."""
    previous: str | None = None
    calendar: str | None = None
    for ln in _head(text):
        if found := _publication_date(ln.text, previous):
            if not _is_calendar(ln.text):
                return found
            calendar = calendar or found
        elif _is_body(ln.text):
            break
        previous = ln.text
    return _print_edition_date(text) or calendar


def _source_value(line: str) -> str | None:
    rx = _regexes()
    m = rx["source"].search(line)
    if not m:
        return None
    value = line[m.end():]
    stops = [len(value)]
    for pat in (r"\s{2,}", r"[|｜【\[〖]", r"\t"):
        if s := re.search(pat, value):
            stops.append(s.start())
    if f := rx["field"].search(value):
        stops.append(f.start())
    if toks := find_dates(value):
        stops.append(toks[0].start)
    value = value[: min(stops)].strip(" :：,，;；-")
    return value if 0 < len(value) <= 60 else None


def find_source(text: str) -> str | None:
    """The "Source:"/"来源" value of the page's furniture, or None."""
    for ln in _head(text):
        if len(ln.text) <= 160 and (value := _source_value(ln.text)):
            return value
        if _is_body(ln.text):
            return None
    return None


def _is_furniture_line(line: str, doc_cjk: bool) -> bool:
    c = cues()
    if any(p.search(line) for p in c.title_skip):
        return True
    words = [w for w in re.split(r"[\s|/]+", line.lower()) if w]
    if words and all(w in c.language_names for w in words):
        return True
    if _is_cjk(line) != doc_cjk:
        return True
    return len(line) < (5 if doc_cjk else 12) or (not doc_cjk and len(line.split()) < 3)


_BODY_START = re.compile(r"^(?:(?:on|at|in|yesterday|today|recently)\b|\d{1,2}\s*[月日])", re.I)


def _looks_like_headline(line: str, doc_cjk: bool) -> bool:
    if len(line) > (80 if doc_cjk else 220):
        return False
    if _BODY_START.match(line):
        return False
    return not (doc_cjk and re.search(r"[，,].*[。]$", line))


def find_title(text: str) -> str | None:
    """The headline: the first head line that is neither furniture nor body, preferring the one just
    above the date line. None when the capture starts straight with the body."""
    doc_cjk = _is_cjk(text[:3000])
    rx = _regexes()
    candidates: list[str] = []
    previous: str | None = None
    for ln in _head(text):
        line = ln.text
        dated = _publication_date(line, previous) is not None
        previous = line
        if dated:
            # " date 2023-03-13 China's top political advisory body holds ..." : what follows the date
            lead = rx["lead_cue_date"].match(line)
            toks = find_dates(line)
            if lead and toks and toks[0].start == lead.end():
                line = line[toks[0].end:].strip()
            elif candidates:
                return candidates[-1]
            else:
                continue
        if not line or _is_furniture_line(line, doc_cjk) or _source_value(line):
            continue
        if not _looks_like_headline(line, doc_cjk):
            break
        candidates.append(line)
        if dated:
            return line
    return candidates[0] if candidates else None


_URL_LINE = re.compile(
    r"^(?:url|link|original link|原文链接|原文地址|链接|網址|网址)?\s*[:：]?\s*(https?://\S+)$", re.I)


def find_url(text: str) -> str | None:
    """A URL that the page's furniture states on a line of its own ("URL: http://...")."""
    for ln in _head(text):
        if m := _URL_LINE.match(ln.text):
            return m.group(1)
    return None


def read_furniture(text: str) -> Furniture:
    return Furniture(title=find_title(text), published=find_published(text), source=find_source(text),
                     url=find_url(text))
