"""Chinese bodies named in lists (issue 7, third Chinese round): associations and chambers of commerce,
a level's people's organizations, foreign missions of any country, judicial organs and a county's
departments. Every sentence is invented (invented people, places and country: 澜河, 奥斯特瓦)."""

from __future__ import annotations

from extraction import posts, run_text

from kg.model import Extraction


def run(text: str) -> Extraction:
    return run_text(text, "zh", rid="zh-lhrb-20240510-lanhe-huiyi", published="2024-05-10")


def names(x: Extraction) -> set[str]:
    return {b.name for b in x.bodies}


def test_associations_and_people_s_organizations_in_a_list():
    x = run("5月9日，县委召开会议。县自然资源局、县卫生健康委员会、县人民法院、县人民检察院、县监察委员会、"
            "县个体劳动者协会、澜河市浙江商会、县工商联、县总工会、县妇联负责同志参加会议。")
    county = {"澜河县" + n for n in ("自然资源局", "卫生健康委员会", "人民法院", "人民检察院", "监察委员会",
                                    "个体劳动者协会", "工商联", "总工会", "妇联")}
    assert county | {"澜河市浙江商会"} <= names(x)


def test_a_kind_of_association_is_no_body():
    x = run("5月9日，全县各行业协会、相关协会和有关商会积极参与乡村建设。")
    assert not any(n.endswith(("协会", "商会")) for n in names(x))


def test_a_mission_of_a_country_not_in_the_table():
    x = run("5月9日，县委书记周立群会见了奥斯特瓦驻华大使馆公使衔参赞马克·杜邦，"
            "奥斯特瓦驻上海总领事馆领事李安娜陪同。")
    assert {"奥斯特瓦驻华大使馆", "奥斯特瓦驻上海总领事馆"} <= names(x)


def test_a_consul_general_of_a_named_consulate_keeps_one_mission_word():
    x = run("5月9日，法国驻上海总领事馆总领事马克·杜邦出席活动。")
    assert posts(x, "马克·杜邦") == {("总领事", "法国驻上海总领事馆")}
    assert "法国驻上海总领事馆总领事馆" not in names(x)


def test_a_mission_named_as_the_page_s_source_is_no_body():
    x = run("2024年05月09日10:20  来源:奥斯特瓦驻华大使馆\n5月9日，县委书记周立群会见客人。")
    assert not any("大使馆" in n for n in names(x))
