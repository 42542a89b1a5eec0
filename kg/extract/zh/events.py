"""The reported event: its convening body (市委外事工作委员会召开第三次会议, 市政府第11次常务会议,
省委召开常委会会议), its ordinal name, date, and who presided / attended."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.zh.bodies import BodyHit

_MEETING = re.compile(
    r"(?P<ord>第[\d一二三四五六七八九十百]+次)?(?P<kind>全体会议|常务会议|常委会会议|常委会|[（(]扩大[)）]会议|会议)"
)
# what may stand between the convening body and its meeting word
_GAP = re.compile(
    r"^(?:召开|举行|主持召开|\d{1,2}月\d{1,2}日|全天|上午|下午|晚上|昨天|今天|第[一二三四五六七八九十]+届|"
    r"[一二三四五六七八九十]+届|第[\d一二三四五六七八九十百]+次|[（(]扩大[)）]|\s)*$"
)
_BEFORE_ORDINAL = re.compile(r"(?:第[\d一二三四五六七八九十百]+次|[一二三四五六七八九十]+届)$")


@dataclass
class MeetingHit:
    body: BodyHit
    start: int  # start of the phrase (body or ordinal before it)
    end: int
    name: str  # as written, e.g. 市委外事工作委员会第三次会议
    standing: bool  # a standing committee meeting of a party committee (常委会)


def find_meeting(s: str, bodies: list[BodyHit]) -> MeetingHit | None:
    """The first meeting phrase whose convening body is written right before it (or right after an
    ordinal), skipping meetings that are only studied (...会议精神)."""
    by_end = sorted(bodies, key=lambda b: b.start)
    for m in _MEETING.finditer(s):
        if s.startswith("精神", m.end()) or s.startswith("纪要", m.end()):
            continue
        for b in reversed(by_end):
            if b.end > m.start():
                continue
            if m.start() - b.end > 16:
                break
            if not _GAP.match(s[b.end:m.start()]):
                continue
            kind = m.group("kind")
            standing = kind.startswith("常委会") and not b.key.endswith("常委会")
            start = b.start
            if o := _BEFORE_ORDINAL.search(s, 0, b.start):
                start = o.start()
            return MeetingHit(b, start, m.end(), s[start:m.end()], standing)
    return None
