"""The Chinese parser on the kinds of phrasing that unseen releases contain (issue 7): each test is an
invented sentence (invented people and places: 青禾, 澜河, 西原) for one rule or data line."""

from __future__ import annotations

from extraction import posts, run_text

from kg.model import Extraction

RID = "zh-lhrb-20240510-lanhe-huiyi"  # the file-name slug places the release in 澜河


def run(text: str, rid: str = RID, published: str | None = "2024-05-10") -> Extraction:
    return run_text(text, "zh", rid=rid, published=published)


def roles(x: Extraction) -> tuple[set[str], set[str]]:
    ev = x.events[0]
    return set(ev.presided_by), set(ev.attended_by)


# --- names in lists -------------------------------------------------------------------------------

def test_a_shared_title_list_reads_names_without_a_known_surname():
    x = run("5月9日，澜河市人大常委会召开主任会议。市人大常委会主任林浩然主持会议，"
            "副主任周文博、扎西次仁、巴特尔、阿依古丽·吐尔逊出席会议。")
    pre, att = roles(x)
    assert pre == {"林浩然"}
    assert att == {"周文博", "扎西次仁", "巴特尔", "阿依古丽·吐尔逊"}
    assert ("副主任", "澜河市人大常委会") in posts(x, "扎西次仁")


def test_a_list_name_is_not_a_title_a_body_or_a_place():
    x = run("5月9日，青禾市委召开常委会会议。市委书记林浩然主持会议，副书记周文博、市政府、青禾出席会议。")
    assert {p.name for p in x.persons} == {"林浩然", "周文博"}


def test_bare_list_after_an_attendance_cue():
    x = run("5月9日，青禾市委召开常委会会议，市委书记林浩然主持会议。"
            "出席会议的还有王建林、李秀梅、赵德明、扎西次仁、阿不都热合曼·买买提。")
    pre, att = roles(x)
    assert pre == {"林浩然"}
    assert att == {"王建林", "李秀梅", "赵德明", "扎西次仁", "阿不都热合曼·买买提"}


def test_rostrum_list_with_a_colon():
    x = run("澜河市第五届人民代表大会第三次会议5月9日开幕。在主席台就座的有：林浩然、周文博、洛桑多吉、韩冰。"
            "大会由周文博主持。")
    _, att = roles(x)
    assert {"林浩然", "洛桑多吉", "韩冰"} <= att


def test_a_cue_without_a_name_after_it_reads_nothing():
    x = run("5月9日，青禾市委召开常委会会议，市委书记林浩然主持会议。出席会议的还有市直有关部门负责同志。")
    assert {p.name for p in x.persons} == {"林浩然"}


# --- title chains ---------------------------------------------------------------------------------

def test_a_verb_of_election_is_not_part_of_the_body():
    x = run("5月9日，西原省人大代表团召开全体会议。会议推选青禾市委书记林浩然为代表团团长。")
    assert ("书记", "青禾市委") in posts(x, "林浩然")


def test_party_group_of_the_body_named_before_it():
    x = run("5月9日，澜河市政协召开常委会会议。市政协副主席、党组副书记周文博主持会议。")
    assert posts(x, "周文博") == {("副主席", "澜河市政协"), ("副书记", "澜河市政协党组")}


def test_government_role_after_the_committee_of_its_place():
    x = run("5月9日，会议在澜河召开。西原自治州党委副书记、州长阿力木·托合提出席会议。")
    assert posts(x, "阿力木·托合提") == {("副书记", "西原自治州党委"), ("州长", "西原自治州人民政府")}


def test_prefecture_committee_and_commissioner():
    x = run("5月9日，会议在澜河召开。青山地委书记支明远，青山地委副书记、地区行署专员韩冰出席会议。")
    assert posts(x, "支明远") == {("书记", "青山地委")}
    assert ("专员", "地区行署") in posts(x, "韩冰")


def test_later_titles_of_a_foreign_list_keep_the_country():
    x = run("5月9日，国务院副总理林浩然在青禾会见新加坡总统陈德明、总理黄文山、副总理李国安。")
    assert posts(x, "黄文山") == {("总理", "新加坡")}
    assert posts(x, "李国安") == {("副总理", "新加坡")}
    assert ("副总理", "国务院") in posts(x, "林浩然")


def test_a_new_clause_after_a_foreign_guest_is_not_of_that_country():
    x = run("5月9日，林浩然在青禾会见新加坡总统陈德明，国务院副总理周文博参加会见。")
    assert posts(x, "周文博") == {("副总理", "国务院")}


# --- meetings and roles ---------------------------------------------------------------------------

def test_guests_met_one_after_another_attend_and_a_co_chair_presides():
    x = run("5月8日至9日，国务院副总理林浩然访问新加坡，分别会见新加坡总统陈德明、总理黄文山，"
            "并同黄文山共同主持两国合作委员会第三次会议。")
    pre, att = roles(x)
    assert "陈德明" in att and "陈德明" not in pre
    assert "黄文山" in pre  # co-chair of the commission's meeting


def test_a_name_before_a_postposed_title_is_a_person():
    x = run("5月9日，林浩然在青禾会见新加坡总统陈德明。林浩然首先转达周文博主席对陈德明总统的问候。")
    assert "周文博" in {p.name for p in x.persons}
    assert posts(x, "周文博") == set()  # 主席 after a name does not say whose chairman


def test_a_postposed_title_does_not_read_the_end_of_another_title():
    x = run("5月9日，青禾市工商联副主席陈德明出席会议。国家主席新加坡总统黄文山致信祝贺。")
    assert {p.name for p in x.persons} == {"陈德明", "黄文山"}  # not 商联副, 席新加


def test_a_former_title_keeps_its_country():
    x = run("5月9日，林浩然在青禾会见新加坡总统陈德明。"
            "去年，周文博同新加坡时任总理黄文山共同宣布两国伙伴关系。")
    assert posts(x, "黄文山") == {("总理", "新加坡")}


def test_deputies_after_a_chain_take_the_body_of_the_matching_title():
    x = run("5月9日，澜河市政协召开常委会会议。市政协副主席、党组副书记周文博主持会议，"
            "副主席韩冰、陈立，秘书长赵明出席会议。")
    assert posts(x, "韩冰") == {("副主席", "澜河市政协")}
    assert posts(x, "赵明") == {("秘书长", "澜河市政协")}


# --- bodies ---------------------------------------------------------------------------------------

def test_a_city_court_keeps_the_text_s_name():
    # a prefecture city's court is an intermediate court, a county-level city's a people's court
    x = run("5月9日，澜河市人大常委会举行会议。副市长周文博、市法院院长韩冰列席会议。")
    assert posts(x, "韩冰") == {("院长", "澜河市法院")}


def test_committees_of_a_congress_standing_committee_and_the_congress_itself():
    x = run("5月9日，澜河市人大常委会举行会议，听取了市人大常委会代表资格审查委员会关于"
            "澜河市第九届人民代表大会个别代表资格的报告。")
    names = {b.name for b in x.bodies}
    assert "澜河市人大常委会代表资格审查委员会" in names
    assert "澜河市第九届人民代表大会" in names


def test_a_meeting_numbered_without_di_and_dated_by_a_bare_day():
    x = run("西原省政协九届三十二次主席会议9日上午在青禾举行，省政协主席林浩然主持会议。",
            published="2024-05-10")
    ev = x.events[0]
    assert ev.body is not None and ev.body.endswith("省政协主席会议")
    assert ev.date == "2024-05-09"


def test_a_date_glued_to_furniture_digits():
    x = run(" date2024-05-108月18日，国务院总理林浩然主持召开国务院第九次全体会议。", published="2024-08-19")
    assert x.events[0].date == "2024-08-18"


def test_yesterday_before_the_meeting_word_keeps_the_convening_body():
    x = run("中共中央政治局常委会昨召开会议，林浩然主持会议。", published="2024-05-10")
    assert x.events[0].body == "中共中央政治局常委会"


# --- initiatives ----------------------------------------------------------------------------------

def inits(x: Extraction) -> set[str]:
    return {i.name for i in x.initiatives}


def test_procedural_documents_are_not_initiatives():
    x = run("5月9日，澜河市政协召开常委会会议，审议通过《关于表彰优秀提案的决定》《市政协九届三次会议方案》"
            "《澜河市促进数字经济发展的决定》。")
    assert inits(x) == {"澜河市促进数字经济发展的决定"}


def test_numbered_programmes_without_quotes():
    x = run("5月9日，青禾市委召开常委会会议，研究深入实施八大发展战略、推进十大民生工程，"
            "谋划一大批重点工程。")
    assert {"八大发展战略", "十大民生工程"} <= inits(x)
    assert not any("一大批" in i for i in inits(x))


def test_doctrines_named_without_quotes():
    x = run("5月9日，青禾市委召开常委会会议，强调要全面从严治党，以中国式现代化全面推进强国建设。")
    assert {"全面从严治党", "中国式现代化"} <= inits(x)


def test_a_footer_of_other_stories_is_not_read():
    x = run("5月9日，青禾市委召开常委会会议，市委书记林浩然主持会议。\n新闻推荐\n"
            "本报讯 “青苗成长”读书活动在澜河启动，副市长周文博出席。")
    assert inits(x) == set()
    assert {p.name for p in x.persons} == {"林浩然"}


def test_a_two_character_name_alone_when_the_release_titled_it_before():
    x = run("5月9日，国务院副总理林浩然会见新加坡总理黄文山。国务委员兼外交部长王毅介绍了情况。\n"
            "王毅出席签字仪式。周明出席。")
    _, att = roles(x)
    assert "王毅" in att
    assert "周明" not in {p.name for p in x.persons}  # never titled: a two-character name stays unread


def test_a_list_of_unknown_surnames_right_after_a_title():
    x = run("5月9日，澜河市人大常委会召开主任会议。副主任扎西次仁、巴特尔出席会议。")
    assert {"扎西次仁", "巴特尔"} <= {p.name for p in x.persons}


def test_a_single_unknown_name_after_a_title_is_not_guessed():
    x = run("5月9日，澜河市人大常委会召开主任会议。市长助理陈立出席会议。")
    assert "助理陈立" not in {p.name for p in x.persons}


def test_a_leading_group_its_office_and_a_level_word_before_it():
    x = run("5月9日，澜河市数字经济发展领导小组召开会议。市长、市数字经济发展领导小组组长韩冰主持会议，"
            "听取了市数字经济发展领导小组办公室的汇报。市场监管领导小组有关同志参加。")
    names = {b.name for b in x.bodies}
    assert {"澜河市数字经济发展领导小组", "澜河市数字经济发展领导小组办公室"} <= names
    assert "市数字经济发展领导小组" not in names
    assert not any(n.startswith("澜河市场") for n in names)


# --- appointments ---------------------------------------------------------------------------------

def test_an_election_gives_the_post_after_the_names():
    x = run("5月9日，西原省人大代表团召开全体会议。会议推选青禾市委书记林浩然为西原代表总团团长；"
            "青禾市委副书记、市长周文博，澜河市委书记巴特尔为总团副团长。")
    assert ("团长", "西原代表总团") in posts(x, "林浩然")
    assert ("副团长", "西原代表总团") in posts(x, "周文博")
    assert ("副团长", "西原代表总团") in posts(x, "巴特尔")


def test_elected_as_and_a_bare_wei_without_an_appointment_verb():
    x = run("5月9日，澜河市政协召开全体会议，韩冰洁当选为澜河市政协主席。周文博为会议作报告。")
    assert ("主席", "澜河市政协") in posts(x, "韩冰洁")
    x = run("5月9日，澜河市委召开会议。市委书记林浩然为青禾市委组织部部长颁发证书。")
    assert posts(x, "林浩然") == {("书记", "澜河市委")}


def test_a_companion_named_after_a_person_takes_part():
    x = run("5月9日，国家主席林浩然出席欢迎仪式。9时许，林浩然和夫人宋雨桐乘车抵达会场。")
    _, att = roles(x)
    assert "宋雨桐" in att
    assert posts(x, "宋雨桐") == set()


def test_a_dateline_without_a_day_gives_no_date():
    x = run("西原省委书记林浩然日前在青禾会见新加坡总理黄文山。双方同意于6月3日签署合作协议。",
            published="2024-05-10")
    assert x.events[0].date is None


def test_the_head_of_a_delegation_named_with_it():
    x = run("5月9日，青禾市委书记林浩然会见了以陈德明为团长的新加坡经贸代表团一行。")
    assert posts(x, "陈德明") == {("团长", "新加坡经贸代表团")}
    _, att = roles(x)
    assert "陈德明" in att


def test_an_organ_meeting_without_its_body_is_the_presider_s():
    x = run("5月9日，中共中央政治局常委、全国人大常委会委员长周文博主持召开委员长会议。"
            "全国人大常委会副委员长韩明杰出席会议。")
    assert x.events[0].body == "全国人大常委会委员长会议"


def test_a_rostrum_cue_naming_the_kind_of_persons_listed():
    x = run("西原省第五届人民代表大会第三次会议5月9日开幕。"
            "在主席台前排就座的省领导有林浩然、周文博、洛桑多吉。")
    _, att = roles(x)
    assert {"林浩然", "周文博", "洛桑多吉"} <= att


# --- round 2 (issue 7): kinds of the blind set written before tuning -----------------------------

def test_a_date_in_chinese_numerals():
    x = run("二〇二四年五月九日，澜河市委召开常委会会议，市委书记林浩然主持会议。", published=None)
    assert x.events[0].date == "2024-05-09"
    x = run("五月二十三日，澜河市委召开常委会会议，市委书记林浩然主持会议。", published="2024-05-24")
    assert x.events[0].date == "2024-05-23"


def test_a_province_the_gazetteer_does_not_know_qualifies_its_implicit_bodies():
    x = run("5月9日，苍梧省委召开常委会会议，省委书记林浩然主持会议。《苍梧省乡村建设行动实施方案》"
            "经会议审议通过。副省长周文博出席会议。", rid="zh-test-20240510-changweihui")
    assert ("书记", "苍梧省委") in posts(x, "林浩然")
    assert ("副省长", "苍梧省人民政府") in posts(x, "周文博")


def test_a_once_named_province_like_word_is_not_a_locality():
    x = run("5月9日，省委召开常委会会议，省委书记林浩然主持会议，会议听取了赴苍梧省考察情况的汇报。",
            rid="zh-test-20240510-changweihui")
    assert ("书记", "省委") in posts(x, "林浩然")


def test_the_chairman_of_an_autonomous_region_heads_its_government():
    x = run("5月9日，北漠自治区人民政府召开常务会议，自治区主席巴图孟和主持会议。会议研究了"
            "《北漠自治区草原保护实施方案》。自治区副主席努尔兰·哈山出席会议。",
            rid="zh-test-20240510-changwu")
    pre, att = roles(x)
    assert pre == {"巴图孟和"} and att == {"努尔兰·哈山"}
    assert posts(x, "巴图孟和") == {("主席", "北漠自治区人民政府")}
    assert posts(x, "努尔兰·哈山") == {("副主席", "北漠自治区人民政府")}


def test_a_name_without_a_known_surname_before_a_presence_cue():
    x = run("6月10日，地委书记扎西平措主持召开地委委员会会议。地委副书记、行署专员次仁央宗，"
            "地委常委、组织部部长司马晓川出席会议。")
    pre, att = roles(x)
    assert pre == {"扎西平措"}
    assert att == {"次仁央宗", "司马晓川"}
    assert ("专员", "行署") in posts(x, "次仁央宗")


def test_a_place_before_a_meeting_cue_is_not_a_name():
    x = run("5月9日，林浩然强调，这是我同奥斯特瓦总统海湖庄园会晤时作出的决定。")
    assert "海湖庄园" not in {p.name for p in x.persons}


def test_a_five_character_mongolian_name_in_a_bare_list():
    x = run("5月9日，澜河市委召开常委会会议，市委书记林浩然主持会议。"
            "出席会议的还有乌云其其格、阿依古丽·买买提、王志刚。")
    _, att = roles(x)
    assert att == {"乌云其其格", "阿依古丽·买买提", "王志刚"}


def test_a_five_character_body_in_a_list_is_not_a_name():
    x = run("5月9日，澜河市委召开常委会会议，市委书记林浩然主持会议。出席会议的还有王志刚、市发展改革委。")
    assert {p.name for p in x.persons} == {"林浩然", "王志刚"}


def test_the_presidium_of_the_session_the_release_reports():
    x = run("1月7日上午，澜河市第十六届人民代表大会第三次会议举行预备会议。预备会议结束后，大会主席团举行"
            "第一次会议。会议由主席团常务主席林浩然主持，大会秘书长周文博出席会议。")
    session = "澜河市第十六届人民代表大会第三次会议"
    assert session + "主席团" in {b.name for b in x.bodies}
    assert ("常务主席", session + "主席团") in posts(x, "林浩然")
    assert ("秘书长", session) in posts(x, "周文博")
    assert "大会" not in {b.name for b in x.bodies}


def test_a_presidium_named_in_full_inside_a_document_title_is_a_body():
    x = run("1月18日，代表团召开全体会议。会议审议了《西原省第十四届人民代表大会第三次会议主席团和秘书长名单"
            "（草案）》。团长林浩然主持会议。")
    assert "西原省第十四届人民代表大会第三次会议主席团" in {b.name for b in x.bodies}


def test_a_body_does_not_reach_back_over_a_name_and_wei():
    x = run("1月18日，会议推选市委书记林浩然为澜河市代表团团长。")
    assert not any("林浩然" in b.name for b in x.bodies)


def test_an_unquoted_programme_after_a_programme_verb_and_the_one_joined_to_it():
    x = run("5月9日，澜河市政府召开常务会议，市长林浩然主持会议。会议要求，深入实施青禾山区振兴行动，"
            "以老城改造工程和滨江生态修复工程为牵引，推进全市的各项工程。")
    names = {i.name for i in x.initiatives}
    assert {"青禾山区振兴行动", "老城改造工程", "滨江生态修复工程"} <= names
    assert not any("各项" in n for n in names)


def test_the_general_secretary_of_a_foreign_party_is_in_that_party():
    x = run("5月9日，市委书记周文博在澜河会见由奥斯特瓦人民党总书记托马什·诺瓦克率领的代表团。")
    assert posts(x, "托马什·诺瓦克") == {("总书记", "奥斯特瓦人民党")}


def test_a_delegation_led_by_a_person_does_not_take_the_leader_s_name():
    x = run("5月9日，省委书记林浩然率西原省代表团在奥斯特瓦访问。")
    assert not any("林浩然" in b.name for b in x.bodies)


def test_a_local_time_dateline_is_not_page_furniture():
    x = run("当地时间5月8日，省委书记林浩然率西原省代表团在奥斯特瓦首都访问期间，会见了奥斯特瓦外交部副部长"
            "安娜·科瓦奇，双方就深化地方经贸合作、扩大人文交流、推进友好省州关系深入交换意见。",
            published="2024-05-10")
    assert x.events[0].date == "2024-05-08"


def test_province_departments_are_bodies():
    x = run("5月9日，山东省政府召开常务会议，省长林浩然主持会议。"
            "省应急管理厅、省交通运输厅负责同志列席会议。",
            rid="zh-test-20240510-changwu")
    names = {b.name for b in x.bodies}
    assert {"山东省应急管理厅", "山东省交通运输厅"} <= names


def test_a_session_of_the_congress_is_not_a_standing_committee_meeting():
    x = run("市十六届人大三次会议举行预备会议\n1月7日上午，澜河市第十六届人民代表大会第三次会议举行预备会议。"
            "市人大常委会主任林浩然主持会议。")
    assert x.events[0].body == "澜河市第十六届人民代表大会第三次会议"


def test_bare_names_elected_to_a_post():
    x = run("1月7日，澜河市第十六届人民代表大会第三次会议主席团举行第一次会议。会议推选林浩然、周文博、"
            "图尔荪·艾则孜为主席团常务主席。")
    presidium = "澜河市第十六届人民代表大会第三次会议主席团"
    for name in ("林浩然", "周文博", "图尔荪·艾则孜"):
        assert ("常务主席", presidium) in posts(x, name)


def test_a_bare_list_seated_in_the_front_row_of_the_rostrum():
    x = run("3月5日上午，澜河市第十届人民代表大会第三次会议开幕。"
            "林浩然、周文博、韩明杰、宋雨桐在主席台前排就座。"
            "大会由市人大常委会主任林浩然主持。")
    pre, att = roles(x)
    assert pre == {"林浩然"} and att == {"周文博", "韩明杰", "宋雨桐"}
    assert {p.name for p in x.persons} == {"林浩然", "周文博", "韩明杰", "宋雨桐"}  # not 台前排


def test_a_bare_list_closed_by_deng_before_the_cue():
    x = run("5月9日，澜河市委召开常委会会议。王建林、李秀梅、扎西次仁等出席会议。")
    _, att = roles(x)
    assert att == {"王建林", "李秀梅", "扎西次仁"}


def test_a_prefecture_committee_convenes_its_meeting():
    x = run("6月10日，地委书记扎西平措主持召开地委委员会会议，传达学习上级有关会议精神。"
            "地委副书记格桑多吉出席会议。")
    assert x.events[0].body == "地委"
    assert "地委" in {b.name for b in x.bodies}


def test_local_words_with_di_wei_are_not_a_prefecture_committee():
    x = run("5月9日，澜河市委召开常委会会议，市委书记林浩然主持会议，听取了受当地委托开展评估的情况汇报。"
            "各地委员会要抓好落实。")
    assert not any(b.name.startswith("地委") for b in x.bodies)


def test_a_title_inside_a_list_of_transcribed_names_is_not_part_of_a_name():
    x = run("5月9日，国家主席林浩然在人民大会堂接受新任驻华大使递交国书。"
            "他们是：奥斯特瓦驻华大使伊万·彼得罗夫、"
            "法国驻华大使马克·杜邦。")
    names = {p.name for p in x.persons}
    assert "马克·杜邦" in names
    assert not any("大使" in n for n in names)


def test_a_friendship_association_joining_two_countries_by_a_dash():
    x = run("5月9日，市长林浩然会见了奥斯特瓦—中国友好协会会长伊万·彼得罗夫率领的代表团和奥斯特瓦中华总商会"
            "会长黄锦添一行。")
    assert posts(x, "伊万·彼得罗夫") == {("会长", "奥斯特瓦—中国友好协会")}
    assert not any(b.name.startswith("团和") for b in x.bodies)


def test_a_body_with_he_inside_its_name_stays_whole():
    x = run("5月9日，澜河市委召开常委会会议，市委书记林浩然主持会议。市工业和信息化局、市住房和城乡建设局"
            "负责同志列席会议。")
    names = {b.name for b in x.bodies}
    assert {"澜河市工业和信息化局", "澜河市住房和城乡建设局"} <= names


def test_a_delegation_after_a_transcribed_name_and_he():
    x = run("5月9日，市委书记林浩然分别会见了奥地利驻华大使马丁·费舍尔和德国巴伐利亚州议会代表团。")
    names = {b.name for b in x.bodies}
    assert "德国巴伐利亚州议会代表团" in names
    assert not any("费舍尔" in n for n in names)


def test_a_stationed_discipline_inspection_group_keeps_its_commission():
    x = run("5月9日，澜河市政府党组召开会议，市政府党组书记、市长林浩然主持会议。"
            "市纪委监委驻市政府办公室纪检监察组组长周文博列席会议。")
    assert posts(x, "周文博") == {("组长", "澜河市纪委监委驻市政府办公室纪检监察组")}


def test_a_foreign_ministry_or_government_is_that_country_s():
    x = run("5月9日，林浩然表示，新加坡政府支持两地加强往来，法国外交部和德国联邦议院代表团也将来访。"
            "外交部副部长周文博出席。")
    names = {b.name for b in x.bodies}
    assert {"新加坡政府", "法国外交部", "外交部"} <= names
    assert posts(x, "周文博") == {("副部长", "外交部")}
