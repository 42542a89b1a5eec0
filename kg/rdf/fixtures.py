"""Invented releases and extractions (no real release text) for tests, benchmarks and demos.

The invented city of Qingshan (青山) and its officials: Lin Haoran (林浩然), Secretary of the CPC Qingshan
Municipal Committee; Zhou Min (周敏), Mayor; Shan Lei (单磊), Deputy Secretary. A homonym Lin Haoran in
the invented city of Baishui (白水) is a different person. ``small_extractions()`` gives an English and
a Chinese release about the same meeting, and one Baishui release.
"""

from __future__ import annotations

from kg.model import Body, Event, Extraction, Initiative, Person, Post, Release, Span


def _span(text: str, s: str, start: int = 0) -> Span:
    i = text.index(s, start)
    return (i, i + len(s))


def english_release() -> Extraction:
    text = (
        "Date: 2024-03-05\n"
        "On March 4, Lin Haoran, Secretary of the CPC Qingshan Municipal Committee, presided over the "
        "3rd Meeting of the CPC Qingshan Municipal Foreign Affairs Working Committee. "
        "Zhou Min, Mayor of Qingshan, attended the meeting. "
        "The meeting called for implementing Xi Jinping Thought on Diplomacy "
        "and the Belt and Road Initiative."
    )
    r = Release(
        id="en-qingshan-20240305-fawc3",
        text=text,
        url='http://example.org/qingshan/fawc3?a=1&b="2"',
        title="Qingshan holds 3rd FAWC meeting",
        published="2024-03-05",
        language="en",
    )
    ev_name = "3rd Meeting of the CPC Qingshan Municipal Foreign Affairs Working Committee"
    return Extraction(
        release=r,
        language="en",
        locality="Qingshan",
        persons=[
            Person(
                "Lin Haoran",
                [
                    Post(
                        "Secretary",
                        "CPC Qingshan Municipal Committee",
                        span=_span(text, "Secretary of the CPC Qingshan Municipal Committee"),
                    )
                ],
                [_span(text, "Lin Haoran")],
            ),
            Person(
                "Zhou Min",
                [
                    Post(
                        "Mayor",
                        "Qingshan Municipal People's Government",
                        "Qingshan",
                        span=_span(text, "Mayor of Qingshan"),
                    )
                ],
                [_span(text, "Zhou Min")],
            ),
        ],
        bodies=[
            Body("CPC Qingshan Municipal Committee", spans=[_span(text, "CPC Qingshan Municipal Committee")]),
            Body(
                "CPC Qingshan Municipal Foreign Affairs Working Committee",
                spans=[_span(text, "CPC Qingshan Municipal Foreign Affairs Working Committee")],
            ),
        ],
        initiatives=[
            Initiative("Xi Jinping Thought on Diplomacy", [_span(text, "Xi Jinping Thought on Diplomacy")]),
            Initiative("Belt and Road Initiative", [_span(text, "Belt and Road Initiative")]),
        ],
        events=[
            Event(
                ev_name,
                "2024-03-04",
                "CPC Qingshan Municipal Foreign Affairs Working Committee",
                presided_by=["Lin Haoran"],
                attended_by=["Zhou Min"],
                initiatives=["Xi Jinping Thought on Diplomacy", "Belt and Road Initiative"],
                kind="meeting",
                span=_span(text, ev_name),
                role_spans={
                    "presided:Lin Haoran": _span(text, "presided over"),
                    "attended:Zhou Min": _span(text, "attended the meeting"),
                },
            )
        ],
    )


def chinese_release() -> Extraction:
    text = (
        "时间：2024-03-06\n"
        "3月4日，市委书记林浩然主持召开中共青山市委外事工作委员会第三次会议。"
        "市委副书记、市长周敏，市委副书记單磊出席会议。"
        "会议强调，要深入学习贯彻习近平外交思想，积极参与“一带一路”建设。"
    )
    r = Release(
        id="zh-qingshan-20240306-wsw3",
        text=text,
        title="青山市委外事工作委员会召开第三次会议",
        published="2024-03-06",
        language="zh",
    )
    ev_name = "中共青山市委外事工作委员会第三次会议"
    return Extraction(
        release=r,
        language="zh",
        locality="青山市",
        persons=[
            Person(
                "林浩然",
                [Post("书记", "青山市委", "市委", span=_span(text, "市委书记"))],
                [_span(text, "林浩然")],
            ),
            Person(
                "周敏",
                [
                    Post("副书记", "青山市委", "市委", span=_span(text, "市委副书记")),
                    Post("市长", "青山市人民政府", "市", span=_span(text, "市长")),
                ],
                [_span(text, "周敏")],
            ),
            Person(
                "單磊",
                [Post("副书记", "青山市委", "市委", span=_span(text, "市委副书记", 30))],
                [_span(text, "單磊")],
            ),
        ],
        bodies=[
            Body("中共青山市委", "市委", [_span(text, "市委")]),
            Body("中共青山市委外事工作委员会", spans=[_span(text, "中共青山市委外事工作委员会")]),
        ],
        initiatives=[
            Initiative("习近平外交思想", [_span(text, "习近平外交思想")]),
            Initiative("一带一路", [_span(text, "一带一路")]),
        ],
        events=[
            Event(
                ev_name,
                "2024-03-04",
                "中共青山市委外事工作委员会",
                presided_by=["林浩然"],
                attended_by=["周敏", "單磊"],
                initiatives=["习近平外交思想", "一带一路"],
                kind="meeting",
                span=_span(text, ev_name),
                role_spans={
                    "presided:林浩然": _span(text, "主持召开"),
                    "attended:周敏": _span(text, "出席会议"),
                    "attended:單磊": _span(text, "出席会议"),
                },
            )
        ],
    )


def homonym_release() -> Extraction:
    text = (
        "Date: 2024-05-10\n"
        "On May 9, Lin Haoran, Secretary of the CPC Baishui County Committee, presided over a plenary "
        "session of the CPC Baishui County Committee on the 14th Five-Year Plan."
    )
    r = Release(id="en-baishui-20240510-plenary", text=text, published="2024-05-10", language="en")
    ev_name = "plenary session of the CPC Baishui County Committee"
    return Extraction(
        release=r,
        language="en",
        locality="Baishui",
        persons=[
            Person(
                "Lin Haoran",
                [
                    Post(
                        "Secretary",
                        "CPC Baishui County Committee",
                        span=_span(text, "Secretary of the CPC Baishui County Committee"),
                    )
                ],
                [_span(text, "Lin Haoran")],
            )
        ],
        bodies=[Body("CPC Baishui County Committee", spans=[_span(text, "CPC Baishui County Committee")])],
        initiatives=[Initiative("14th Five-Year Plan", [_span(text, "14th Five-Year Plan")])],
        events=[
            Event(
                ev_name,
                "2024-05-09",
                "CPC Baishui County Committee",
                presided_by=["Lin Haoran"],
                initiatives=["14th Five-Year Plan"],
                kind="session",
                span=_span(text, ev_name),
            )
        ],
    )


def small_extractions() -> list[Extraction]:
    return [english_release(), chinese_release(), homonym_release()]
