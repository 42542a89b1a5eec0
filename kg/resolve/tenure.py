"""What a release says about a holder's tenure of a post, from the words right before its title.

"former Mayor of Qingshan" / 原青山市市长: the holding had ended by the release's date; "was
appointed Mayor" / 任命陈刚为局长: it began; "retired as Director" / 免去赵强的局长职务: it ended;
"then Mayor" / 时任市长: it was held at the time of the event. The cues are data
(``kg/data/{en,zh}/tenure_cues.tsv``, read through :func:`kg.knowledge.lines`); a title with no cue
is simply attested on the release's date.

>>> text = "会见原青山市市长周文博"
>>> tenure_of(text, (text.index("青山"), text.index("周")), "zh")
'former'
>>> text = "Wang Tao was appointed Mayor of Qingshan."
>>> tenure_of(text, (text.index("Mayor"), text.index(".")), "en")
'start'
>>> tenure_of(text, (0, 8), "en") is None
True

Only a bounded window before (and after) the title is read, so the cost does not grow with the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.knowledge import data_path_value, lines
from kg.model import Span

KINDS = ("start", "end", "former", "then")
WINDOW = 48  # characters before the title a cue may reach back (cue, gap and reach included)


@dataclass(frozen=True)
class Cue:
    parts: tuple[str, ...]  # "任命…为" -> ("任命", "为"); matched folded to lower case
    kind: str
    reach: int
    after: str
    source: str  # the data line ("zh/tenure_cues.tsv:12")


@cache
def _cues(language: str, _data_path: str) -> tuple[Cue, ...]:
    out: list[Cue] = []
    for row in lines(f"{language}/tenure_cues.tsv"):
        cells = row.cells
        if len(cells) < 2 or cells[1] not in KINDS or not cells[0]:
            continue
        parts = tuple(p.lower() for p in cells[0].split("…") if p)
        reach = int(cells[2]) if len(cells) > 2 and cells[2].isdigit() else 0
        after = cells[3].lower() if len(cells) > 3 else ""
        out.append(Cue(parts, cells[1], reach, after, row.source))
    # the longest last part first: "newly appointed" before "appointed", "决定任命…为" before "为"
    return tuple(sorted(out, key=lambda c: (-len(c.parts[-1]), -len(c.parts), c.source)))


def cues(language: str) -> tuple[Cue, ...]:
    """The tenure cues of ``language`` ("en" or "zh")."""
    return _cues("zh" if language == "zh" else "en", data_path_value())


def _ends_with_word(before: str, cue: str, latin: bool) -> bool:
    if not before.endswith(cue):
        return False
    if latin and cue[0].isalnum():  # "reappointed" is not "appointed" ... but a whole word
        i = len(before) - len(cue) - 1
        return i < 0 or not before[i].isalnum()
    return True


def match(text: str, span: Span, language: str) -> Cue | None:
    """The cue right before the title at ``span`` of ``text``, or None."""
    start, end = span
    if not (0 <= start < end <= len(text)):
        return None
    latin = language != "zh"
    window = text[max(0, start - WINDOW):start].lower()
    stripped = window.rstrip()
    tail = text[end:end + 16].lower().lstrip()
    for cue in cues(language):
        last = cue.parts[-1]
        if not _ends_with_word(stripped, last, latin):
            continue
        if not latin and stripped != window:
            continue  # Chinese cues touch the title
        if latin and last[-1].isalnum() and stripped == window:
            continue  # "formerMayor" is not a cue: a word cue needs a space before the title
        if cue.after and not tail.startswith(cue.after):
            continue
        if len(cue.parts) > 1:
            head = stripped[:len(stripped) - len(last)]
            if not any(_ends_with_word(head[:len(head) - k], cue.parts[-2], latin)
                       for k in range(0, min(cue.reach, len(head)) + 1)):
                continue
        return cue
    return None


def tenure_of(text: str, span: Span | None, language: str) -> str | None:
    """The tenure kind ("start", "end", "former", "then") the words around a title say, or None."""
    if span is None:
        return None
    cue = match(text, span, language)
    return cue.kind if cue else None
