"""The reported event: its convening body (市委外事工作委员会召开第三次会议, 市政府第11次常务会议,
省委召开常委会会议), its ordinal name, date, and who presided / attended."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.zh.bodies import BodyHit

_MEETING = re.compile(
    r"(?P<ord>第[\d一二三四五六七八九十百]+次)?"
    r"(?P<kind>全体会议|常务会议|常委会会议|常委会|委员长会议|主任会议|主席会议|[（(]扩大[)）]会议|会议"
    r"|(?:专题)?集体学习|专题学习)"
)
# what may stand between the convening body and its meeting word
_GAP = re.compile(
    r"^(?:召开|举行|主持召开|\d{4}年度?|\d{1,2}月\d{1,2}日|\d{1,2}日|全天|上午|下午|晚上|昨天|今天|昨日|今日|昨|日前|近日|"
    r"第[一二三四五六七八九十]+届|[一二三四五六七八九十]+届|第?[\d一二三四五六七八九十百]+次|[（(]扩大[)）]|\s)*$"
)
# meetings that are bodies of the standing committee / CPPCC committee convening them
_ORGAN_MEETING = {
    "委员长会议": ("人大常委会",), "主任会议": ("人大常委会",), "主席会议": ("政协", "政协常委会"),
}
ORGAN_MEETINGS = _ORGAN_MEETING
_BEFORE_ORDINAL = re.compile(r"(?:第[\d一二三四五六七八九十百]+次|[一二三四五六七八九十]+届)$")


@dataclass
class MeetingHit:
    body: BodyHit
    start: int  # start of the phrase (body or ordinal before it)
    end: int
    name: str  # as written, e.g. 市委外事工作委员会第三次会议
    standing: bool  # a standing committee meeting of a party committee (常委会)
    organ: str = ""  # the meeting is itself a body of the convener: 委员长会议, 主任会议, 主席会议


def find_meeting(s: str, bodies: list[BodyHit]) -> MeetingHit | None:
    """The first meeting phrase whose convening body is written right before it (or right after an
    ordinal), skipping meetings that are only studied (...会议精神)."""
    by_end = sorted(bodies, key=lambda b: b.start)
    for m in _MEETING.finditer(s):
        if s.startswith("精神", m.end()) or s.startswith("纪要", m.end()):
            continue
        kind = m.group("kind")
        for b in reversed(by_end):
            if kind == "常委会会议" and b.start < m.start() and b.end == m.start() + 3 \
                    and b.key.endswith("常委会"):
                # 县委常委会会议: the body already names its standing committee
                return MeetingHit(b, b.start, m.end(), s[b.start:m.end()], False)
            if b.end > m.start():
                continue
            if m.start() - b.end > 16:
                break
            if not _GAP.match(s[b.end:m.start()]):
                continue
            standing = kind.startswith("常委会") and not b.key.endswith("常委会")
            organ = _ORGAN_MEETING.get(kind, ("", ""))
            organ_word = kind if organ[0] and any(b.key.endswith(x) for x in organ) else ""
            if kind in _ORGAN_MEETING and not organ_word:
                continue
            start = b.start
            if o := _BEFORE_ORDINAL.search(s, 0, b.start):
                start = o.start()
            return MeetingHit(b, start, m.end(), s[start:m.end()], standing, organ_word)
    return None
