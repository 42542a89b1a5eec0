"""Posts given by an appointment or election after the name: 会议推选甲为代表团团长; 任命乙为市财政局局长;
丙当选为市政协主席.  The cue words are data (kg/data/zh/appointment_cues.txt)."""

from __future__ import annotations

from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.names import PUNCT
from kg.extract.zh.titles import TitleItem, valid_prefix

_REACH = 24  # characters between 为 and the end of the title


def appointment_verb_before(s: str, start: int, lex: Lexicon) -> bool:
    """An appointment verb between the sentence's start and ``start``."""
    k = start
    while k > 0 and s[k - 1] not in "。！？!?\n":
        k -= 1
    return any(v in s[k:start] for v in lex.appointment_cues.get("verbs", []))


def appointed_title(s: str, end: int, lex: Lexicon, places: set[str], verb_before: bool) -> TitleItem | None:
    """The title after NAME at s[end] ('为X团长', '当选为X主席'), when the words make it an appointment:
    '当选(为)' and '任' always, a bare '为' only after an appointment verb.  The title must end its clause."""
    cue = next((c for c in sorted(lex.appointment_cues.get("after", []), key=len, reverse=True)
                if s.startswith(c, end)), None)
    if cue is None or (cue == "为" and not verb_before):
        return None  # 甲为会议作报告: a bare 为 names a post only after 推选 / 任命 ...
    p0 = end + len(cue)
    for r0 in range(p0, min(len(s), p0 + _REACH)):
        if s[r0] in PUNCT:
            return None
        role = lex.starting("roles", s, r0)
        if not role:
            continue
        r1 = r0 + len(role)
        if r1 < len(s) and s[r1] not in PUNCT:
            continue  # 为市长候选人: not the post itself
        return TitleItem(r0, r1, p0) if valid_prefix(s[p0:r0], lex, places) else None
    return None
