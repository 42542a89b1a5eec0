"""The Chinese parser on invented releases (invented people and places), plus a regression gate on the
Chinese development set when ../shared/corpus is present."""

from __future__ import annotations

import time

from kg.extract import extract
from kg.model import Extraction, Release


def run(text: str, rid: str = "zh-test-s01-x", published: str | None = None,
        hint: str | None = None, title: str | None = None) -> Extraction:
    r = Release(id=rid, text=text, published=published, date_hint=hint, title=title, language="zh")
    return extract(r)


def person(x: Extraction, name: str):
    found = [p for p in x.persons if p.name == name]
    assert found, f"{name} not among {[p.name for p in x.persons]}"
    return found[0]


def posts(x: Extraction, name: str) -> set[tuple[str, str | None]]:
    return {(p.role, p.body) for p in person(x, name).posts}


CITY = (
    "青禾日报讯 3月8日上午，市委外事工作委员会召开第二次全体会议。"
    "市委书记、市委外事工作委员会主任周立群主持会议并讲话。"
    "市委副书记、市长、市委外事工作委员会副主任欧阳明远出席。\n"
    "会议强调，要坚决做到“两个维护”，服务好“一带一路”建设，深入学习习近平外交思想，"
    "不断扩大青禾对外交往“朋友圈”。\n"
    "会议审议通过了《中共青禾市委外事工作委员会2023年工作要点》和《市委外事工作委员会工作规则》。\n"
    "市委外事工作委员会副主任宋雨桐、孔令辉，市人大常委会副主任闵佳出席会议。\n"
    "市领导郑晓东、韩冰等出席会议。\n（记者 李小红）"
)


def city() -> Extraction:
    return run(CITY, rid="zh-qhrb-20230309-qinghe-waishiwei", published="2023-03-09")


def test_title_chain_gives_one_post_per_title_with_qualified_bodies():
    x = city()
    assert x.locality == "青禾市"
    assert posts(x, "欧阳明远") == {
        ("副书记", "青禾市委"), ("市长", "青禾市人民政府"), ("副主任", "青禾市委外事工作委员会")}
    assert posts(x, "周立群") == {("书记", "青禾市委"), ("主任", "青禾市委外事工作委员会")}
    chain = person(x, "欧阳明远").posts
    assert [p.body_text for p in chain] == ["市委", None, "市委外事工作委员会"]


def test_spans_point_at_the_text():
    x = city()
    for p in x.persons:
        for a, b in p.spans:
            assert CITY[a:b] == p.name
        for post in p.posts:
            a, b = post.span
            assert CITY[a:b].endswith(post.role)
    for i in x.initiatives:
        for a, b in i.spans:
            assert CITY[a:b] == i.name
    ev = x.events[0]
    for key, (a, b) in ev.role_spans.items():
        assert CITY[a:b] == key.split(":", 1)[1]


def test_shared_title_distributes_over_a_name_list():
    x = city()
    for n in ("宋雨桐", "孔令辉"):
        assert posts(x, n) == {("副主任", "青禾市委外事工作委员会")}
    assert posts(x, "闵佳") == {("副主任", "青禾市人大常委会")}


def test_generic_descriptor_gives_persons_without_posts():
    x = city()
    assert person(x, "郑晓东").posts == [] and person(x, "韩冰").posts == []
    assert "郑晓东" in x.events[0].attended_by
    assert all(p.role != "市领导" for q in x.persons for p in q.posts)


def test_reporters_titles_and_bodies_are_never_persons():
    names = {p.name for p in city().persons}
    assert "李小红" not in names
    assert not any(w in n for n in names for w in ("市委", "市长", "领导", "青禾"))


def test_event_body_date_roles_and_initiatives():
    x = city()
    (ev,) = x.events
    assert ev.body == "青禾市委外事工作委员会"
    assert ev.date == "2023-03-08"
    assert ev.presided_by == ["周立群"]
    assert set(ev.attended_by) == {"欧阳明远", "宋雨桐", "孔令辉", "闵佳", "郑晓东", "韩冰"}
    names = {i.name for i in x.initiatives}
    assert {"两个维护", "一带一路", "习近平外交思想", "中共青禾市委外事工作委员会2023年工作要点"} <= names
    assert "朋友圈" not in names  # a figure of speech
    assert "市委外事工作委员会工作规则" not in names  # procedural rules are not a programme
    assert set(ev.initiatives) == names


def test_trailing_descriptor_list_and_entrusted_presider():
    text = ("1月12日上午，受县委书记钱永福委托，县委副书记、县长司马青主持召开十四届县委第8次常委会会议。"
            "县委副书记田甜等县委常委会组成人员出席会议。\n何山、欧冬等县领导参加会议。")
    x = run(text)
    (ev,) = x.events
    assert ev.presided_by == ["司马青"]
    assert "钱永福" not in ev.attended_by + ev.presided_by
    assert posts(x, "钱永福") == {("书记", "县委")}  # locality unknown: the text's own form
    assert {"田甜", "何山", "欧冬"} <= set(ev.attended_by)
    assert ev.body == "县委常委会"
    assert ev.date is None  # neither a publication date nor a file-name date


def test_meeting_with_a_foreign_guest():
    text = ("5月6日，省委副书记、省长许文杰在云州会见智利驻华大使卡洛斯·佩雷斯一行。\n"
            "许文杰欢迎佩雷斯大使来访。\n省政府秘书长黄一鸣参加会见。")
    x = run(text, hint="2023-05-07")
    (ev,) = x.events
    assert set(ev.attended_by) == {"许文杰", "卡洛斯·佩雷斯", "黄一鸣"}
    assert ev.presided_by == [] and ev.body is None
    assert posts(x, "卡洛斯·佩雷斯") == {("驻华大使", "智利")}
    assert ev.date == "2023-05-06"


def test_traditional_text_keeps_its_script():
    text = ("4月2日，省委常委會召開會議。省委書記林海濤主持會議並講話。\n"
            "省委副書記、省長許文傑，省政協主席馬志遠參加會議。\n"
            "會議指出，要增強“四個意識”，推進“十四五”規劃落實。\n我省要走在前列，雲南各級要抓好落實。")
    x = run(text, published="2023-04-03")
    assert {p.name for p in x.persons} == {"林海濤", "許文傑", "馬志遠"}
    assert ("省長", "雲南省人民政府") in posts(x, "許文傑")
    assert ("書記", "雲南省委") in posts(x, "林海濤")
    (ev,) = x.events
    assert ev.body == "雲南省委常委會" and ev.presided_by == ["林海濤"]
    assert {i.name for i in x.initiatives} == {"四個意識", "十四五"}
    for p in x.persons:
        assert all(text[a:b] == p.name for a, b in p.spans)


def test_government_standing_meeting_and_day_only_dateline():
    text = ("市政府召开第20次常务会议\n时间：2022年12月15日 来源：云川市人民政府\n"
            "14日，市长王建国主持召开市政府第20次常务会议。副市长李伟、张敏出席会议。\n"
            "会议审议并原则通过《云川市“十四五”综合交通发展规划》。")
    x = run(text, published="2022-12-15")
    (ev,) = x.events
    assert ev.body == "云川市人民政府"
    assert ev.date == "2022-12-14"
    assert posts(x, "李伟") == {("副市长", "云川市人民政府")}
    assert {i.name for i in x.initiatives} == {"云川市“十四五”综合交通发展规划"}


def test_dates_resolve_against_publication_and_year_turn():
    from kg.extract.zh.dates import event_date

    assert event_date("昨天下午，会议召开。", "2021-06-04", None)[0] == "2021-06-03"
    assert event_date("12月30日，会议召开。", "2022-01-02", None)[0] == "2021-12-30"
    assert event_date("时间：2022年03月15日\n会议召开。", "2022-03-15", None)[0] is None
    assert event_date("6月3日，会议召开。", None, None)[0] is None


def test_locality_from_the_file_name_slug():
    text = "11月12日，县委召开常委会会议。县委书记向东方主持会议。推动青溪高质量发展。"
    x = run(text, rid="zh-src-s02-qingxi-xianwei")
    assert x.locality == "青溪县"
    assert posts(x, "向东方") == {("书记", "青溪县委")}


def test_deterministic_and_fast():
    x1, x2 = city().to_json(spans=True), city().to_json(spans=True)
    assert x1 == x2
    t = time.perf_counter()
    city()
    assert time.perf_counter() - t < 0.05


def test_joined_titles_party_organs_and_late_attendance():
    text = ("3月5日，市委常委、宣传部部长刘晓燕，市委常委、秘书长冯国强出席活动。\n"
            "国务院副总理兼外交部部长马天明会见泰国总理颂猜·威拉。\n"
            "出席会议的还有市领导陈志刚、吴莉。市商务局党组书记、局长孙浩然参加会议。")
    x = run(text)
    assert ("部长", "市委宣传部") in posts(x, "刘晓燕")
    assert ("秘书长", "市委") in posts(x, "冯国强")
    assert posts(x, "马天明") == {("副总理", "国务院"), ("部长", "外交部")}
    assert posts(x, "孙浩然") == {("书记", "市商务局党组"), ("局长", "市商务局")}
    assert {"陈志刚", "吴莉", "颂猜·威拉"} <= set(x.events[0].attended_by)


def test_words_after_titles_are_not_names():
    text = "总书记强调，要坚持党的领导。市委常委马上就到。市委书记调研组赴县区检查。市委副书记王明主持会议。"
    x = run(text)
    assert {p.name for p in x.persons} == {"王明"}
    assert x.events[0].presided_by == ["王明"]


def test_headline_summary_gives_roles_only_to_persons_the_body_names():
    text = ("江州市委外事工作委员会召开会议\n柯文达主持 司徒雷鸣甘露出席 无名氏出席\n"
            "本报讯 9月9日，江州市委外事工作委员会召开会议。市委书记柯文达讲话。"
            "市委副书记司徒雷鸣、市委常委甘露也在会上发言。\n会议由岳鹏主持。")
    x = run(text, published="2023-09-10")
    (ev,) = x.events
    assert set(ev.presided_by) == {"柯文达", "岳鹏"}
    assert set(ev.attended_by) == {"司徒雷鸣", "甘露"}
    assert "无名氏" not in {p.name for p in x.persons}
    assert posts(x, "甘露") == {("常委", "江州市委")}
    a, b = ev.role_spans["attended:甘露"]
    assert text[a:b] == "甘露"


def test_transcribed_minority_name_after_a_title():
    x = run("9月2日，市十七届人大常委会第十次会议召开。市人大常委会主任艾尔肯·吐尼亚孜主持会议。")
    assert posts(x, "艾尔肯·吐尼亚孜") == {("主任", "市人大常委会")}
    assert x.events[0].body == "市人大常委会"


def test_state_and_diplomatic_titles():
    text = ("5月8日，中共中央政治局委员、外交部长王明远会见美国国务卿约翰·史密斯。"
            "国务院副总理兼外交部长秦立，中国驻美国大使谢远出席。")
    x = run(text)
    assert posts(x, "王明远") == {("委员", "中共中央政治局"), ("外交部长", "外交部")}
    assert posts(x, "约翰·史密斯") == {("国务卿", "美国")}
    assert posts(x, "秦立") == {("副总理", "国务院"), ("外交部长", "外交部")}
    assert posts(x, "谢远") == {("大使", "中国驻美国大使馆")}
    assert set(x.events[0].attended_by) == {"王明远", "约翰·史密斯", "秦立", "谢远"}


def test_honours_and_former_titles():
    x = run("原省委书记张建出席。该市获得“全国文明城市”称号，推进“放管服”改革。")
    assert posts(x, "张建") == {("书记", "省委")}
    assert {i.name for i in x.initiatives} == {"放管服"}
