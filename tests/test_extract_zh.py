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


# --- generalization rules (invented sentences) ---

def names(x: Extraction) -> set[str]:
    return {p.name for p in x.persons}


def bodies(x: Extraction) -> set[str]:
    return {b.name for b in x.bodies}


def test_name_before_its_title_at_a_clause_start():
    x = run("十四届全国人大常委会第九次委员长会议举行。钱光明委员长主持。会上，罗一平市长作了讲话。")
    assert posts(x, "钱光明") == {("委员长", "全国人大常委会")}
    assert posts(x, "罗一平") == {("市长", "市政府")}
    assert x.events[0].presided_by == ["钱光明"]
    assert x.events[0].body == "全国人大常委会委员长会议"
    assert "全国人大常委会委员长会议" in bodies(x)


def test_name_before_关于_and_以及():
    x = run("会议听取了市发展改革委副主任高志关于项目进展的汇报。副市长王琳以及市政府秘书长赵宇出席。")
    assert {"高志", "王琳", "赵宇"} <= names(x)
    assert not names(x) & {"高志关", "王琳以"}


def test_list_closed_by_和_and_body_carried_over_和():
    x = run("副委员长甲文华、乙晓明和秘书长丙国强出席会议。副市长陈立、林涛和赵文出席会议。".replace(
        "甲", "王").replace("乙", "刘").replace("丙", "郭"))
    assert posts(x, "刘晓明") == {("副委员长", "全国人大常委会")}
    assert posts(x, "郭国强") == {("秘书长", "全国人大常委会")}
    assert posts(x, "赵文") == {("副市长", "市政府")}


def test_deputy_title_takes_the_body_of_the_head_in_the_same_sentence():
    x = run("市人大常委会召开第12次主任会议。市人大常委会主任高远主持会议，副主任钱进、孙立出席。")
    assert posts(x, "孙立") == {("副主任", "市人大常委会")}
    assert x.events[0].body == "市人大常委会主任会议"
    y = run("市委书记周海主持会议，副主任钱进出席。")
    assert posts(y, "钱进") == set()


def test_standing_committee_meeting_right_after_the_body():
    x = run("5月9日，县委书记江佩瑶主持召开县委常委会会议。县长马骏出席。", published="2024-05-10")
    assert x.events[0].body == "县委常委会"
    assert posts(x, "江佩瑶") == {("书记", "县委")}  # 区长江… / 县委书记江…: the title ends before 江


def test_committee_commissions_and_study_groups_are_bodies():
    x = run("3月5日，市委全面深化改革委员会召开第五次会议。", published="2024-03-06")
    assert x.events[0].body == "市委全面深化改革委员会"
    y = run("市委理论学习中心组举行2024年第3次集体学习。市委书记周海主持。")
    assert y.events[0].body == "市委理论学习中心组"
    z = run("市委召开全体委员会议。")
    assert not any(b.endswith("委员会") for b in bodies(z))


def test_national_ministries_and_not_a_kind_of_department():
    x = run("会议要求工业和信息化部、审计署加强协调，各地民政部门抓好落实，严格执行中央决算。")
    assert {"工业和信息化部", "审计署"} <= bodies(x)
    assert "民政部" not in bodies(x) and "中共中央" not in bodies(x)


def test_body_names_holding_与_and_和():
    x = run("市长高原会见新加坡贸易与工业部部长陈文杰。市住房和城乡建设局局长唐宁陪同。")
    assert posts(x, "陈文杰") == {("部长", "新加坡贸易与工业部")}
    assert posts(x, "唐宁") == {("局长", "市住房和城乡建设局")}
    y = run("市委和市政府领导出席。市政府与市委宣传部部长钟华座谈。")
    assert not any("和市政府" in b or "与市委" in b for b in bodies(y))


def test_embassy_staff_and_foreign_places():
    x = run("市长高原会见英国驻华大使馆公使约翰·史密斯。市长高原与日本大阪府知事山田太郎举行会谈。")
    assert posts(x, "约翰·史密斯") == {("公使", "英国驻华大使馆")}
    assert posts(x, "山田太郎") == {("知事", "大阪府")}


def test_laws_and_plans_with_their_period():
    x = run("会议审议了生态保护法草案、乡村促进法修订草案，通过《青禾市老旧小区改造实施方案（2023—2025年）》"
            "和《中华人民共和国某某法（修正草案）》，听取《政府工作报告》。")
    got = {i.name for i in x.initiatives}
    assert {"生态保护法", "乡村促进法", "中华人民共和国某某法"} <= got
    assert "青禾市老旧小区改造实施方案（2023—2025年）" in got
    assert "政府工作报告" not in got


def test_weekday_datelines():
    x = run("上周五，区委常委会召开会议。区委书记江海生主持。", published="2024-05-10")
    assert x.events[0].date == "2024-05-03"
    y = run("周二上午，区委常委会召开会议。区委书记江海生主持。", published="2024-05-10")
    assert y.events[0].date == "2024-05-07"
    z = run("周一鸣主持召开区委常委会会议。", published="2024-05-10")
    assert z.events[0].date is None


def test_bare_names_at_a_clause_start_before_a_verb():
    x = run("昨日，司马光明主持召开县政府常务会议。诸葛明亮、欧阳晓、司徒文出席会议。师生参加。王强出席。",
            published="2024-05-10")
    assert {"司马光明", "诸葛明亮", "欧阳晓", "司徒文"} <= names(x)
    assert not names(x) & {"师生", "王强"}  # a single two-character bare name is not trusted
    assert x.events[0].presided_by == ["司马光明"]


def test_transcribed_name_inside_a_list():
    x = run("副区长欧阳婷、阿依古丽·买买提和汪洋出席会议。")
    assert {n for n in names(x)} == {"欧阳婷", "阿依古丽·买买提", "汪洋"}
    assert posts(x, "阿依古丽·买买提") == {("副区长", "区政府")}


def test_short_and_full_government_forms_are_one_body():
    x = run("副省长王琳以及省政府秘书长赵宇出席会议。")
    assert len([b for b in x.bodies if "政府" in b.name]) == 1


def test_guest_met_then_an_agreement_signed():
    x = run("4月19日，市长龙海会见了德国汉斯堡市市长克劳斯·迈尔一行，"
            "双方签署了《青禾市与汉斯堡市友好城市协议书》。", published="2024-04-20")
    assert set(x.events[0].attended_by) == {"龙海", "克劳斯·迈尔"}
    assert "青禾市与汉斯堡市友好城市协议书" in {i.name for i in x.initiatives}
    y = run("受市长刘海委托，副市长孙杰主持会议。")
    assert y.events[0].presided_by == ["孙杰"] and y.events[0].attended_by == []


def test_traditional_implicit_government_keeps_the_script():
    x = run("縣委副書記、縣長馬駿出席會議。")
    assert posts(x, "馬駿") == {("副書記", "縣委"), ("縣長", "縣政府")}


def test_a_space_between_title_and_name():
    text = "市委书记　常青主持会议。副市长 王来出席。"
    x = run(text)
    assert posts(x, "常青") == {("书记", "市委")}
    assert x.events[0].presided_by == ["常青"] and x.events[0].attended_by == ["王来"]
    for p in x.persons:
        assert all(text[a:b] == p.name for a, b in p.spans)


def test_county_locality_from_the_source_line_and_not_from_verbs():
    text = ("县委常委会召开第45次会议\n来源：松溪县融媒体中心\n"
            "5月9日，县委书记江佩瑶主持召开县委常委会第45次会议。县长马骏出席。")
    x = run(text, published="2024-05-10")
    assert x.locality == "松溪县"
    assert posts(x, "江佩瑶") == {("书记", "松溪县委")}
    assert posts(x, "马骏") == {("县长", "松溪县人民政府")}
    y = run("5月9日，县委书记江佩瑶主持召开县委常委会会议。县长马骏出席。")
    assert y.locality is None


def test_transcribed_names_with_other_middle_dots():
    x = run("縣委副書記艾爾肯‧吐爾遜出席。副县长阿依古丽・买买提出席。")
    assert {"艾爾肯‧吐爾遜", "阿依古丽・买买提"} <= names(x)


def test_foreign_delegations_full_country_names_and_more_titles():
    x = run("俄罗斯联邦总统弗拉基米尔·伊万诺夫同国家主席钱光明举行会谈。"
            "市长高原会见了日本东京都议会代表团团长山本一郎一行。外交部部长助理雷明、外交部发言人白雪出席。"
            "市委书记、市委全面深化改革领导小组组长周海主持。该市担任组长单位。")
    assert posts(x, "弗拉基米尔·伊万诺夫") == {("总统", "俄罗斯联邦")}
    assert posts(x, "山本一郎") == {("团长", "日本东京都议会代表团")}
    assert posts(x, "白雪") == {("发言人", "外交部")}
    assert ("组长", "市委全面深化改革领导小组") in posts(x, "周海")
    assert "单位" not in names(x)


def test_leading_groups_and_foreign_affairs_offices():
    text = ("农村工作会议\n来源：松溪县融媒体中心\n"
            "3月5日，县委农村工作领导小组召开第一次会议。县委书记王浩主持。"
            "会议审议了《中共松溪县委外事工作委员会办公室工作细则》。")
    x = run(text, published="2024-03-06")
    assert x.events[0].body == "松溪县委农村工作领导小组"
    assert "中共松溪县委外事工作委员会办公室" in bodies(x)
    y = run("市委外事工作委员会办公室召开会议。市委外办主任邓超主持。")
    assert len([b for b in y.bodies if "外" in b.name]) == 1


def test_names_end_before_common_adverbs_and_verbs():
    x = run("副市长王刚围绕项目建设作了部署。市委书记周海深入企业调研。副市长欧阳一首先发言。")
    assert {"王刚", "周海", "欧阳一"} == names(x)
    y = run("市重点项目办公室主任邓超出席。")
    assert posts(y, "邓超") == {("主任", "市重点项目办公室")}


def test_a_file_name_that_spells_an_activity_or_a_guest_never_makes_a_place() -> None:
    """The slug "qianyue" spells 签约 and a foreign mayor 霍兰德市长 ends in 市长: neither is a locality;
    the implicit bodies keep the text's own form rather than a wrong place."""
    text = (
        "6月12日，青禾市与德国施泰因堡市友好城市签约仪式举行。市委书记章明远会见了施泰因堡市市长"
        "卡尔·霍兰德率领的代表团。霍兰德市长表示，签约是两市交往的新起点。副市长高一帆参加会见。"
    )
    x = run(text, rid="zh-qhnews-20240612-qianyue", published="2024-06-12")
    bodies = {b for p in x.persons for _, b in posts(x, p.name)}
    assert not any(b and ("签约" in b or "兰德" in b) for b in bodies), bodies
    assert posts(x, "章明远") & {("书记", "青禾市委"), ("书记", "市委")}
