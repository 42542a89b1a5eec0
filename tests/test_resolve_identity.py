"""Identity resolution: safe slugs, pinyin with surname readings, aliases, the person rule."""

from __future__ import annotations

import re

import pytest

from kg.rdf import iri
from kg.resolve.entities import is_governmental, resolve_body, resolve_initiative, resolve_role
from kg.resolve.persons import anchor, name_key, person_local
from kg.resolve.pinyin import person_name_en, place_en
from kg.resolve.slug import slugify

SAFE = re.compile(r"^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$")

HOSTILE = [
    "<script>alert('x')</script>",
    'He said "hello" & left',
    "line\nbreak\ttab\r\n",
    "emoji 😀🎉 only",
    "😀🎉",
    "",
    "   ",
    "x" * 5000,
    "张" * 300,
    "a/b\\c?d#e%20f{g}|h^i`j",
    "\u202eright-to-left override\u200b",
    "Ａｂｃ full width",
    "'; DROP TABLE persons; --",
    "> <http://evil/> .",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_slugs_are_safe_bounded_and_stable(text: str) -> None:
    s = slugify(text)
    assert SAFE.match(s), s
    assert len(s) <= 64 + 9
    assert slugify(text) == s


def test_distinct_lossy_inputs_do_not_collide() -> None:
    assert slugify("😀") != slugify("🎉")
    assert slugify("x" * 5000) != slugify("x" * 5001)
    assert iri.release_iri("a b") != iri.release_iri("a-b")


@pytest.mark.parametrize("text", HOSTILE)
def test_minted_iris_are_valid_for_hostile_names(text: str) -> None:
    for node in (
        iri.release_iri(text),
        iri.person_iri(person_local(text or "?", None)),
        iri.body_iri(resolve_body(text).local),
        iri.initiative_iri(resolve_initiative(text).local),
        iri.event_iri(text, "2024-01-01", None),
    ):
        assert re.fullmatch(r"https://w3id\.org/kg/id/[a-z]+/[a-z0-9/-]+", str(node)), node


def test_mint_refuses_unsafe_segments() -> None:
    with pytest.raises(ValueError):
        iri.mint("person", "a b")
    with pytest.raises(ValueError):
        iri.mint("person", "<x>")


@pytest.mark.parametrize(
    "zh,en",
    [
        ("张志军", "Zhang Zhijun"),
        ("單霽翔", "Shan Jixiang"),
        ("曾庆红", "Zeng Qinghong"),
        ("解振华", "Xie Zhenhua"),
        ("仇和", "Qiu He"),
        ("朴槿惠", "Piao Jinhui"),
        ("区伟", "Ou Wei"),
        ("查良镛", "Zha Liangyong"),
        ("欧阳坚", "Ouyang Jian"),
        ("吕欣", "Lü Xin"),
        ("林浩然", "Lin Haoran"),
    ],
)
def test_pinyin_names_with_surname_readings(zh: str, en: str) -> None:
    assert person_name_en(zh) == en
    assert name_key(zh) == name_key(en)


def test_name_key_normalizes_english_spellings() -> None:
    assert name_key("Zhang Zhijun") == name_key("ZHANG Zhijun") == name_key("Zhang Zhi-jun") == "zhang-zhijun"
    assert name_key("Lyu Xin") == name_key("Lü Xin") == name_key("吕欣") == "lv-xin"
    assert name_key("Jean-Pierre Martin") == "jean-pierre-martin"


def test_places() -> None:
    assert place_en("长春") == "Changchun"
    assert place_en("西安") == "Xi'an"


def test_body_aliases_and_normalization_meet_on_one_iri() -> None:
    forms = [
        "CPC Changchun Municipal Committee",
        "the CPC Changchun Municipal Committee",
        "Changchun Municipal Committee of the CPC",
        "Changchun Municipal Party Committee",
        "Changchun Municipal Committee of the Communist Party of China",
        "中共长春市委",
        "中國共產黨長春市委員會",
        "长春市委",
    ]
    locals_ = {resolve_body(f).local for f in forms}
    assert locals_ == {"cpc-changchun-municipal-committee"}
    r = resolve_body("長春市委")
    assert (r.en, r.zh) == ("CPC Changchun Municipal Committee", "中共长春市委")


def test_body_patterns_translate_unknown_chinese_bodies() -> None:
    assert resolve_body("中共青山市委").local == resolve_body("CPC Qingshan Municipal Committee").local
    assert resolve_body("青山市人民政府").en == "Qingshan Municipal People's Government"
    assert is_governmental(resolve_body("青山市人民政府"))
    assert not is_governmental(resolve_body("Qingshan Normal University"))


def test_initiative_aliases() -> None:
    for f in ("一带一路", "“一帶一路”", "Belt and Road", "the Belt and Road Initiative", "BRI"):
        assert resolve_initiative(f).local == "belt-and-road-initiative"
    r = resolve_initiative("習近平外交思想")
    assert (r.local, r.en, r.zh) == (
        "xi-jinping-thought-on-diplomacy",
        "Xi Jinping Thought on Diplomacy",
        "习近平外交思想",
    )
    assert "習近平外交思想" in r.alt
    assert resolve_initiative("“十四五”规划").local == "14th-five-year-plan"


def test_roles_are_language_independent() -> None:
    assert resolve_role("书记").local == resolve_role("Secretary").local == "secretary"
    assert resolve_role("副市长").local == resolve_role("Vice Mayor").local


def _place(bodies: list[str]) -> str | None:
    a = anchor(bodies)
    return a[0] if a else None


def test_anchor_is_the_place_written_in_the_body() -> None:
    """The anchor is the place the body names, not the province a gazetteer maps it to."""
    assert _place(["中共长春市委"]) == _place(["CPC Changchun Municipal Committee"]) == "changchun"
    assert _place(["青山市委"]) == _place(["CPC Qingshan Municipal Committee"]) == "qingshan"
    assert _place(["CPC Central Committee"]) == "china"
    assert _place(["Ministry of Foreign Affairs of Vietnam"]) is None  # no guessed nationality
    assert _place(["马恩霍尔姆市人民政府"]) is None  # a town abroad, transliterated
    assert _place(["内蒙古自治区党委"]) == "inner-mongolia"  # the bundled gazetteer's English name
    assert _place([]) is None
    assert _place(["Municipal Party Committee"]) is None  # a generic body names no place
    assert (
        person_local("林浩然", "qingshan") == person_local("Lin Haoran", "qingshan") == "lin-haoran--qingshan"
    )
    assert person_local("Lin Haoran", "qingshan") != person_local("Lin Haoran", "baishui")
    assert person_local("Lin Haoran", None) == "lin-haoran"


def test_anchor_does_not_change_with_kg_data_path(tmp_path, monkeypatch) -> None:
    from kg.resolve import aliases

    before = _place(["CPC Qingshan Municipal Committee"]), _place(["中共西原省委"])
    (tmp_path / "aliases").mkdir()
    (tmp_path / "aliases" / "places.tsv").write_text("Qingshan\t青山\tXiyuan\nXiyuan\t西原\tXiyuan\n",
                                                     encoding="utf-8")
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    aliases.places.cache_clear()
    try:
        assert (_place(["CPC Qingshan Municipal Committee"]), _place(["中共西原省委"])) == before
    finally:
        monkeypatch.delenv("KG_DATA_PATH")
        aliases.places.cache_clear()


def test_well_known_officials_have_a_fixed_iri() -> None:
    assert person_local("习近平", "jilin") == person_local("Xi Jinping", None) == "xi-jinping--china"
    assert person_local("習近平", "qingshan") == "xi-jinping--china"


def test_traditional_place_is_simplified_first() -> None:
    assert _place(["璧山區委"]) == _place(["璧山区委"]) == "bishan"
    assert _place(["陜西省人民政府"]) == _place(["陝西省人民政府"]) == _place(["陕西省人民政府"]) == "shaanxi"
    assert _place(["廣東省委"]) == "guangdong"


def test_the_most_local_post_decides_the_anchor() -> None:
    provincial_and_city = [
        "Standing Committee of the CPC Xiyuan Provincial Committee",
        "CPC Qingshan Municipal Committee",
    ]
    assert _place(provincial_and_city) == _place(["青山市委"]) == "qingshan"
    assert _place(["中共西园省委"]) == "xiyuan"
    assert _place(["CPC Central Committee", "CPC Qingshan Municipal Committee"]) == "qingshan"


@pytest.mark.parametrize(
    "forms",
    [
        [
            "青山市委外事工作委员会",
            "Foreign Affairs Working Committee of the CPC Qingshan Municipal Committee",
            "CPC Qingshan Municipal Foreign Affairs Working Committee",
            "中共青山市委外事委员会",
        ],
        [
            "澜河市委常委会",
            "Standing Committee of the Lanhe Municipal Party Committee",
            "Lanhe Municipal Party Committee Standing Committee",
            "Standing Committee of the CPC Lanhe Municipal Committee",
        ],
        [
            "青山市政協十一屆常委會",
            "青山市政协常委会",
            "Standing Committee of the 11th CPPCC Qingshan Municipal Committee",
        ],
        [
            "澜河市第十六届人民代表大会常务委员会",
            "澜河市人大常委会",
            "Standing Committee of the Lanhe Municipal People's Congress",
            "Lanhe Municipal People's Congress Standing Committee",
        ],
        [
            "青山市政府",
            "青山市人民政府",
            "Qingshan Municipal Government",
            "Qingshan Municipal People's Government",
        ],
        [
            "CPPCC Qingshan Municipal Committee",
            "Qingshan Municipal Committee of the CPPCC",
            "政协青山市委员会",
        ],
        ["Standing Committee of the 13th National People's Congress", "全国人大常委会"],
        ["青山市外事办公室", "Qingshan Municipal Foreign Affairs Office"],
    ],
)
def test_one_body_across_languages_terms_and_phrasings(forms: list[str]) -> None:
    """Regular phrasings, the term of a congress and the two languages meet on one body IRI."""
    assert len({resolve_body(f).local for f in forms}) == 1, [resolve_body(f).local for f in forms]


def test_standing_committee_of_a_city_keeps_its_cpc_once() -> None:
    r = resolve_body("Changchun Municipal Party Committee Standing Committee")
    assert r.en == "Standing Committee of the CPC Changchun Municipal Committee"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Changchun City", "changchun-municipal-people-s-government"),
        ("Changchun", "changchun-municipal-people-s-government"),  # known place
        ("长春市", "changchun-municipal-people-s-government"),
        ("Changchun Municipal People's Government", "changchun-municipal-people-s-government"),
        ("Jilin Province", "jilin-provincial-people-s-government"),
        ("北京", "beijing-municipal-people-s-government"),  # a province-level municipality
        ("Northeast Asia", "northeast-asia"),  # not a place the gazetteer knows: left alone
    ],
)
def test_a_place_standing_for_its_government(name: str, expected: str) -> None:
    """'Mayor of Changchun', 'Changchun City', 长春市: the post is in the city's people's government."""
    assert resolve_body(name).local == expected
