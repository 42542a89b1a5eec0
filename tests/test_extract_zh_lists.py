"""The Chinese parser on attendance lists in the layouts real releases use (issue 7, third Chinese round):
a cue's list running over titles and commas, 他们是：, rosters of the minutes, lists split over lines.
Every sentence is invented (invented people and places: 青禾, 澜河)."""

from __future__ import annotations

from extraction import posts, run_text

from kg.model import Extraction

RID = "zh-lhrb-20240510-lanhe-huiyi"  # the file-name slug places the release in 澜河


def run(text: str, published: str | None = "2024-05-10") -> Extraction:
    return run_text(text, "zh", rid=RID, published=published)


def roles(x: Extraction) -> tuple[set[str], set[str]]:
    ev = x.events[0]
    return set(ev.presided_by), set(ev.attended_by)


def test_a_cued_list_runs_over_titles_between_the_names():
    x = run("5月9日，市委常委会召开会议，市委书记周立群主持会议。\n"
            "参加会议的有：市委常委、秘书长孙国强，副市长钱文华；市政协副主席刘海燕。")
    pre, att = roles(x)
    assert pre == {"周立群"}
    assert att == {"孙国强", "钱文华", "刘海燕"}
    assert {r for r, _ in posts(x, "刘海燕")} == {"副主席"}


def test_a_cued_list_stops_at_the_end_of_its_sentence():
    # the names of the next sentence are not in the list: 冯一凡 only spoke
    x = run("5月9日，市委常委会召开会议，市委书记周立群主持会议。\n"
            "出席会议的有：副市长钱文华。市政协副主席冯一凡介绍了情况。")
    _, att = roles(x)
    assert att == {"钱文华"}


def test_a_list_after_they_are():
    x = run("5月9日，县委召开全体会议，县委书记周立群主持。\n"
            "县领导出席会议，他们是：王建林、李秀梅、赵德明、扎西次仁等。")
    _, att = roles(x)
    assert att == {"王建林", "李秀梅", "赵德明", "扎西次仁"}


def test_they_are_without_a_verb_before_it_is_no_list():
    x = run("5月9日，县委召开全体会议，县委书记周立群主持。\n"
            "全县涌现出一批先进典型，他们是：王建林、李秀梅、赵德明。")
    _, att = roles(x)
    assert att == set()


def test_a_roster_of_the_minutes():
    x = run("5月9日，市委常委会召开会议。市委书记周立群主持会议。\n"
            "列席会议：市人大常委会副主任冯一凡，副市长陈卫东\n")
    pre, att = roles(x)
    assert pre == {"周立群"}
    assert att == {"冯一凡", "陈卫东"}


def test_a_list_split_over_lines_before_its_verb():
    x = run("5月9日上午，市政府召开常务会议，市长欧阳明远主持会议。\n副市长王建林、李秀梅，\n"
            "市政府秘书长赵德明\n出席会议。")
    pre, att = roles(x)
    assert pre == {"欧阳明远"}
    assert att == {"王建林", "李秀梅", "赵德明"}


def test_a_line_break_after_a_name_is_no_list_when_nothing_continues_it():
    # a paragraph that ends without a separator, and a next one that is no attendance verb
    x = run("5月9日上午，市政府召开常务会议，市长欧阳明远主持会议。\n副市长王建林介绍情况\n"
            "会议强调，要抓好安全生产。副市长李秀梅出席会议。")
    _, att = roles(x)
    assert att == {"李秀梅"}


def test_an_aside_and_a_line_break_between_the_cue_and_its_list():
    x = run("5月9日，市委常委会召开会议，市委书记周立群主持。"
            "出席会议的有（按姓氏笔画为序）：王建林、李秀梅、赵德明。")
    assert roles(x)[1] == {"王建林", "李秀梅", "赵德明"}
    x = run("5月9日，市委常委会召开会议，市委书记周立群主持。\n出席会议的还有：\n王建林、李秀梅、赵德明\n")
    assert roles(x)[1] == {"王建林", "李秀梅", "赵德明"}


def test_an_aside_that_ends_the_sentence_opens_no_list():
    x = run("5月9日，市委常委会召开会议，市委书记周立群主持。出席会议的有（略）。王建林介绍情况。")
    assert roles(x)[1] == set()


def test_both_sides_of_talks_and_a_phone_call():
    x = run("5月9日，周立群同奥斯特瓦总统马诺斯举行会谈。")
    assert roles(x)[1] == {"周立群", "马诺斯"}
    x = run("5月9日，周立群与奥斯特瓦总理马诺斯通电话。")
    assert roles(x)[1] == {"周立群", "马诺斯"}


def test_ambassadors_presenting_credentials_take_part():
    x = run("5月9日，国家主席周立群在人民大会堂接受奥斯特瓦新任驻华大使马诺斯、"
            "贝拉尼亚新任驻华大使库列托递交国书。")
    assert {"马诺斯", "库列托"} <= roles(x)[1]


def test_a_name_joined_by_with_but_no_talks_is_no_participant():
    x = run("5月9日，市委常委会召开会议，市委书记周立群主持。王建林与李秀梅交流工作体会。")
    assert roles(x)[1] == set()
