"""Chinese event dates (issue 7, third Chinese round): a wire's filing date gives way to the date of
the sentence after it; a date only in the headline dates the event. Invented sentences and people."""

from __future__ import annotations

from extraction import run_text

from kg.extract.zh.dates import event_date


def date_of(text: str, title: str | None = None) -> str | None:
    x = run_text(text, "zh", rid="zh-lhrb-20240510-lanhe-huiyi", published="2024-05-10", title=title)
    return x.events[0].date


def test_the_sentence_after_a_wire_dateline_dates_the_event():
    assert date_of("新华社澜河5月9日电 市委常委会8日召开会议，市委书记周立群主持会议。") == "2024-05-08"
    assert date_of("新华社北京5月9日电 中共中央政治局5月7日召开会议，总书记周立群主持会议。") == "2024-05-07"


def test_a_wire_dateline_alone_dates_the_event():
    assert date_of("新华社澜河5月9日电 市委常委会召开会议，市委书记周立群主持会议。") == "2024-05-09"


def test_a_deadline_after_the_wire_date_is_not_the_event_date():
    text = "新华社澜河5月9日电 市委常委会召开会议，要求20日前完成整改，市委书记周立群主持。"
    assert date_of(text) == "2024-05-09"


def test_a_date_only_in_the_headline():
    text = "本报讯 市委常委会召开会议，市委书记周立群主持会议。"
    assert date_of(text, title="市委常委会5月8日召开会议") == "2024-05-08"
    assert date_of(text) is None


def test_a_vague_dateline_is_not_overridden_by_the_headline():
    text = "本报讯 日前，市委常委会召开会议，市委书记周立群主持。"
    assert date_of(text, title="市委常委会5月8日召开会议") is None


def test_the_wire_year_resolves_the_day():
    assert event_date("新华社北京2023年12月31日电 政治局30日召开会议。", None, None)[0] == "2023-12-30"
