"""The Chinese parser on invented releases (invented people and places), plus a regression gate on the
Chinese development set when ../shared/corpus is present."""

from __future__ import annotations

from extraction import person, posts, run_text

from kg.model import Extraction


def run(text: str, rid: str = "zh-test-s01-x", published: str | None = None,
        hint: str | None = None, title: str | None = None) -> Extraction:
    return run_text(text, "zh", rid=rid, published=published, hint=hint, title=title)




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
    assert {i.name for i in x.initiatives} == {"四個意識", "“十四五”規劃"}  # the plan, not the period
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


def test_deterministic():
    """Same input, same output (speed is measured by benchmarks/bench_extract.py)."""
    x1, x2 = city().to_json(spans=True), city().to_json(spans=True)
    assert x1 == x2


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
    x = run("副区长欧阳婷、阿依古丽·买买提和汪海出席会议。")
    assert {n for n in names(x)} == {"欧阳婷", "阿依古丽·买买提", "汪海"}
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


def test_company_titles_and_development_zone_bodies():
    text = ("6月3日，青禾市人民政府与松润集团有限公司合作项目签约仪式举行。签约前，市委书记章明远会见了"
            "松润集团董事局主席、总裁欧阳建一行。副市长高一帆主持签约仪式。松润集团副总裁何一鸣与"
            "青禾经济技术开发区管委会主任郝子明代表双方签约。欧阳建表示，将把产业园建设成为集团的重要基地。"
            "希望松润集团用好政策优势。")
    x = run(text, rid="zh-qhnews-20240604-songrun", published="2024-06-04")
    co = "松润集团有限公司"  # named in full once: the short form 松润集团 is the same company
    assert posts(x, "欧阳建") == {("董事局主席", co), ("总裁", co)}
    assert posts(x, "郝子明") == {("主任", "青禾经济技术开发区管委会")}
    found = bodies(x)
    assert "青禾经济技术开发区管委会" in found
    assert not any(b.endswith("成为集团") or b.startswith("希望") for b in found), found
    assert "松润集团" not in found and "松润集团有限公司" in found  # one company, its full name kept
    ev = x.events[0]
    assert {"何一鸣", "郝子明"} <= set(ev.attended_by)


def test_a_guest_travelling_with_a_delegation_is_named_without_the_verb():
    text = ("市委书记章明远会见了德国施泰因堡市市长卡尔·霍兰德率领的代表团，并邀请青禾市代表团回访。"
            "施泰因堡市议会议员玛丽亚·施密特随团来访。")
    x = run(text, published="2024-06-12")
    assert "玛丽亚·施密特" in names(x)
    assert "玛丽亚·施密特" in x.events[0].attended_by
    assert not any(b.startswith("并邀请") for b in bodies(x))


def test_departments_courts_and_offices_after_a_level_word():
    text = ("青禾日报讯 4月2日，市委常委会召开会议。市委书记章明远主持。副市长、市法院院长、市检察院检察长"
            "列席会议。市住建局要会同有关部门抓好落实，市委外事办要履行好职责。")
    x = run(text, rid="zh-qhrb-20240403-changweihui", published="2024-04-03")
    found = bodies(x)
    assert {"青禾市法院", "青禾市人民检察院", "青禾市住建局", "青禾市委外事办"} <= found, found
    assert not any("场监" in b for b in found)


def test_figures_of_speech_and_proposals_among_initiatives():
    text = ("会议要求，把抓项目作为稳增长的“牛鼻子”，形成全市工作“一盘棋”格局，提供“保姆式”服务，"
            "树牢“外事无小事”的意识，抓好“六稳”工作。会议协商讨论了《关于推进青禾县“全域旅游”发展的建议案》。")
    x = run(text)
    got = {i.name for i in x.initiatives}
    assert "六稳" in got and "关于推进青禾县“全域旅游”发展的建议案" in got
    assert not got & {"牛鼻子", "一盘棋", "保姆式", "外事无小事", "全域旅游"}


def test_enterprise_chairs_belong_to_the_company_not_its_party_committee():
    text = ("11月7日，省长孙立平会见了中远能源集团股份有限公司党委书记、董事长何志远，总经理梁文斌一行。"
            "随后会见了宏达国际集团有限公司董事局主席兼行政总裁陈家辉、副总裁黄诗雅一行。"
            "新加坡驻青禾总领事陈立德陪同。")
    x = run(text, published="2023-11-08")
    co = "中远能源集团股份有限公司"
    assert posts(x, "何志远") == {("书记", co + "党委"), ("董事长", co)}
    assert posts(x, "梁文斌") == {("总经理", co)}
    hd = "宏达国际集团有限公司"
    assert posts(x, "陈家辉") == {("董事局主席", hd), ("行政总裁", hd)}
    assert posts(x, "黄诗雅") == {("副总裁", hd)}
    assert posts(x, "陈立德") == {("总领事", "新加坡驻青禾总领事馆")}


def test_a_discipline_commission_written_in_full():
    x = run("區委書記陳志強主持會議。中共青山區紀律檢查委員會派員列席。", rid="zh-qs-s01-x")
    assert any(b.endswith("區紀律檢查委員會") for b in bodies(x)), bodies(x)


def test_a_welcome_ceremony_hosted_before_talks_is_an_event_of_its_own():
    text = ("11月9日，国家主席林国安在人民大会堂东门外广场举行欢迎仪式，欢迎阿尔登共和国总统马库斯·韦伯"
            "对中国进行国事访问。\n国家主席林国安9日在人民大会堂同阿尔登总统韦伯举行会谈。")
    x = run(text, published="2025-11-10")
    talks = x.events[0]
    assert "林国安" in talks.attended_by and "林国安" not in talks.presided_by
    assert [e.presided_by for e in x.events[1:]] == [["林国安"]]
    assert x.events[1].name == "欢迎仪式"


def test_a_visit_route_does_not_become_part_of_a_company_name():
    text = ("9月11日，县委书记王浩到松溪经济开发区调研，县委常委、常务副县长刘一帆陪同。王浩先后来到"
            "华兴新能源科技有限公司、松溪智能装备产业园。市监委、县工信局负责同志参加。")
    x = run(text, rid="zh-sxnews-20230912-diaoyan", published="2023-09-12")
    found = bodies(x)
    assert "华兴新能源科技有限公司" in found
    assert not any(b.startswith("王浩") for b in found), found
    assert any(b.endswith("县工信局") for b in found) and any(b.endswith("市监委") for b in found)


def test_figures_of_speech_in_quotes_are_not_programmes():
    x = run("会议要求，跑出项目建设“加速跑”，明确“时间表”“路线图”，打好“组合拳”，深入推进“放管服”改革。")
    assert {i.name for i in x.initiatives} == {"放管服"}


def test_a_couple_and_an_unnamed_friendship_delegation():
    text = ("10月15日，市长欧阳明远会见了日本山川县知事田中一郎夫妇率领的友好代表团。"
            "欧阳明远会见日本友好代表团时说，两地合作成果丰硕。")
    x = run(text, published="2024-10-16")
    assert "田中一郎" in names(x)
    assert not any("友好代表团" in b for b in bodies(x)), bodies(x)


def test_departments_of_every_county_are_not_the_release_own():
    text = ("青禾日报讯 市委书记章明远主持会议。会议要求，各市县财政局、市县住建局要加强统筹，"
            "市商务局牵头落实。")
    x = run(text, rid="zh-qhrb-20240403-x", published="2024-04-03")
    found = bodies(x)
    assert not any(b.endswith(("县财政局", "县住建局")) for b in found), found
    assert "青禾市商务局" in found


def test_a_foreign_mission_seat_is_not_the_release_locality():
    """芬兰驻上海总领事 visits a city paper: 上海 is where the consulate sits, not where the release is;
    the implicit bodies keep the text's own form rather than a wrong place."""
    text = ("9月19日，市委书记章明远会见了芬兰驻上海总领事马蒂·科斯基一行。"
            "市政府党组成员、秘书长韩冰参加会见。")
    x = run(text, rid="zh-qhrb-20240920-finland", published="2024-09-20")
    assert x.locality != "上海市"
    assert posts(x, "章明远") == {("书记", "市委")}
    assert posts(x, "马蒂·科斯基") == {("总领事", "芬兰驻上海总领事馆")}
    assert posts(x, "韩冰") == {("成员", "市政府党组"), ("秘书长", "市政府")}


def test_courtesy_words_after_a_foreign_name():
    x = run("市长欧阳明远会见了德国施泰因堡市市长卡尔·霍兰德先生一行。德国驻华大使安娜·贝克尔女士参加会见。")
    assert {"卡尔·霍兰德", "安娜·贝克尔"} <= names(x)


def test_fixed_political_formulas_without_quotes():
    x = run("会议强调，要增强四个意识、坚定四个自信、做到两个维护，深刻领悟“两个确立”的决定性意义。")
    assert [i.name for i in x.initiatives] == ["四个意识", "四个自信", "两个维护", "两个确立"]


def test_two_signatories_joined_by_yu_are_two_persons():
    text = ("1月17日，澳江市人民政府與港聯集團有限公司簽約儀式舉行。"
            "市長陳家輝與港聯集團行政總裁何嘉欣代表雙方簽約。")
    x = run(text, rid="zh-ajrb-20240118-ganglian", published="2024-01-18")
    assert posts(x, "何嘉欣") == {("行政總裁", "港聯集團有限公司")}
    assert not any("陳家輝" in b for b in bodies(x))
    assert {"陳家輝", "何嘉欣"} <= set(x.events[0].attended_by)


# --- rules generalized from invented releases of the genre ---------------------------------------

def _initiatives(text: str) -> list[str]:
    return [i.name for i in run(text).initiatives]


def test_study_group_leader_is_a_post_of_the_study_group():
    x = run("青禾日报讯 6月20日上午，市委理论学习中心组举行集体学习。"
            "市委书记、市委理论学习中心组组长潘若川主持并讲话。", rid="zh-qinghe-s11-lilun")
    assert ("组长", "青禾市委理论学习中心组") in posts(x, "潘若川"), posts(x, "潘若川")


def test_professor_is_a_post_of_the_university():
    x = run("会议邀请青禾师范大学文学院教授梁一舟作专题辅导报告。市委书记周立群主持。")
    assert posts(x, "梁一舟") == {("教授", "青禾师范大学文学院")}


def test_shi_is_a_surname_but_not_when_it_closes_a_clause():
    x = run("副县长时雨岚与青禾新能源有限公司副总裁郝明哲分别代表双方签约。")
    assert posts(x, "时雨岚") == {("副县长", "县政府")}
    y = run("周立群在会见市长时表示，要加强合作。会见大使时强调，双方要加强合作。")
    assert not any(p.name.startswith("时") for p in y.persons), [p.name for p in y.persons]


def test_slug_word_heading_a_company_name_is_not_the_place():
    """The slug spells the company (恒岳新能源科技有限公司), the text's own 枫溪县 is the place."""
    x = run("枫溪县与恒岳新能源科技有限公司签署战略合作协议\n"
            "昨天，枫溪县人民政府与恒岳新能源科技有限公司举行签约仪式。县委书记唐启明出席。恒岳新能源科技有限公司董事长童光远出席。",
            rid="zh-fxrmt-s09-hengyue-qianyue")
    assert ("书记", "枫溪县委") in posts(x, "唐启明"), posts(x, "唐启明")


def test_attending_verbs_to_the_meeting_and_by_invitation():
    x = run("6月3日，市政协常务委员会会议召开。市政协主席周立群主持会议，"
            "市委常委、统战部部长欧阳明远到会讲话。副市长何文静应邀通报有关情况。")
    assert set(x.events[0].attended_by) == {"欧阳明远", "何文静"}


def test_flagship_bilateral_projects_and_rcep():
    names = _initiatives("中老铁路开通以来运量攀升。要用好区域全面经济伙伴关系协定(RCEP)红利，"
                         "推动中老经济走廊和孟中印缅经济走廊建设，开行中欧班列。集中力量建设中部铁路。")
    assert names == ["中老铁路", "区域全面经济伙伴关系协定", "中老经济走廊", "孟中印缅经济走廊", "中欧班列"]


def test_quoted_plan_keeps_its_plan_word_and_one_identity():
    assert _initiatives("会议听取了市人民政府关于“十四五”规划纲要实施情况的报告。") == ["“十四五”规划纲要"]
    assert _initiatives("要把握“十四五”目标任务，抓好“十四五”规划的实施。") == ["十四五"]


def test_inner_quote_of_a_theme_phrase_is_the_name():
    assert _initiatives("会议围绕“推进‘数字青禾’建设”开展专题协商。") == ["数字青禾"]


def test_short_quoted_form_of_a_programme_already_named_is_the_same():
    x = run("会议指出，要持续推进“高效办成一件事”，扩大“一件事”清单覆盖面。")
    assert [(i.name, len(i.spans)) for i in x.initiatives] == [("高效办成一件事", 2)]


def test_without_a_publication_date_the_meetings_year_count_gives_the_year():
    x = run("市委理论学习中心组举行2024年第5次集体学习\n6月20日上午，市委理论学习中心组举行集体学习。"
            "市委书记周立群主持。")
    assert x.events[0].date == "2024-06-20"
    y = run("市委理论学习中心组举行集体学习\n"
            "6月20日上午，市委理论学习中心组举行集体学习。市委书记周立群主持。")
    assert y.events[0].date is None


def test_less_common_surnames_are_read():
    x = run("副市长金立夫，市中级人民法院院长傅山青，市人民检察院检察长严秋列席会议。")
    assert posts(x, "傅山青") == {("院长", "市中级人民法院")}
