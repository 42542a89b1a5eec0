"""The organ grammar (kg/data/organs.tsv, kg/organs.py) on invented names in both languages: each organ
type read as (organ, level, place), machine-translation variants, one house style that resolution
writes, and English and Chinese forms of one body meeting on one IRI."""

from __future__ import annotations

import pytest

from kg import organs
from kg.resolve.entities import normalize_body, resolve_body
from kg.resolve.persons import anchor

CASES = [  # (written, organ, level, place, canonical in its own language)
    ("CPC Linfeng Municipal Committee", "party_committee", "municipal", "Linfeng",
     "CPC Linfeng Municipal Committee"),
    ("the Linfeng Municipal Party Committee", "party_committee", "municipal", "Linfeng",
     "CPC Linfeng Municipal Committee"),
    ("linfeng municipal cpc committee", None, None, None, None),  # a place must be capitalised
    ("Standing Committee of the Yunxi Provincial Party Committee", "party_standing_committee", "provincial",
     "Yunxi", "Standing Committee of the CPC Yunxi Provincial Committee"),
    ("Permanent Commission of the CPC Yunxi Provincial Committee", "party_standing_committee", "provincial",
     "Yunxi", "Standing Committee of the CPC Yunxi Provincial Committee"),
    ("Beiyuan Autonomous Regional Discipline Inspection Commission", "discipline_commission",
     "autonomous_regional", "Beiyuan",
     "CPC Beiyuan Autonomous Regional Commission for Discipline Inspection"),
    ("Party Group of the Linfeng Municipal People's Government", "government_party_group", "municipal",
     "Linfeng", "Leading Party Members Group of the Linfeng Municipal People's Government"),
    ("Taixi County Government", "government", "county", "Taixi", "Taixi County People's Government"),
    ("Taixi County People's Assembly", "congress", "county", "Taixi", "Taixi County People's Congress"),
    ("Permanent Commission of the Taixi County People's Assembly", "congress_standing_committee", "county",
     "Taixi", "Standing Committee of the Taixi County People's Congress"),
    ("Presidium of the Taixi County People's Congress", "congress_presidium", "county", "Taixi",
     "Presidium of the Taixi County People's Congress"),
    ("the 9th Linfeng Municipal Committee of the CPPCC", "cppcc", "municipal", "Linfeng",
     "CPPCC Linfeng Municipal Committee"),
    ("Standing Committee of the Linfeng Municipal CPPCC", "cppcc_standing_committee", "municipal", "Linfeng",
     "Standing Committee of the CPPCC Linfeng Municipal Committee"),
    ("Foreign Affairs Working Committee of the CPC Lu'an District Committee", "foreign_affairs_committee",
     "district", "Lu'an", "CPC Lu'an District Foreign Affairs Working Committee"),
    ("中共临丰市委", "party_committee", "municipal", "临丰", "中共临丰市委"),
    ("中国共产党临丰市委员会", "party_committee", "municipal", "临丰", "中共临丰市委"),
    ("中共北原自治区党委", "party_committee", "autonomous_regional", "北原", "中共北原自治区党委"),
    ("云西省委常委会", "party_standing_committee", "provincial", "云西", "中共云西省委常委会"),
    ("临丰市纪委", "discipline_commission", "municipal", "临丰", "中共临丰市纪委"),
    ("临丰市政府党组", "government_party_group", "municipal", "临丰", "临丰市人民政府党组"),
    ("泰西县人民代表大会常务委员会", "congress_standing_committee", "county", "泰西", "泰西县人大常委会"),
    ("泰西县第十七届人民代表大会主席团", "congress_presidium", "county", "泰西", "泰西县人民代表大会主席团"),
    ("临丰市政协", "cppcc", "municipal", "临丰", "政协临丰市委员会"),
    ("临丰市外办", "foreign_affairs_office", "municipal", "临丰", "临丰市外事办公室"),
    ("市委", None, None, None, None),  # no place: a generic name, kept to its release elsewhere
    ("Municipal Party Committee", None, None, None, None),
    ("Linfeng Normal University", None, None, None, None),
]


@pytest.mark.parametrize(("written", "organ", "level", "place", "canon"), CASES)
def test_parse(written: str, organ: str | None, level: str | None, place: str | None,
               canon: str | None) -> None:
    m = organs.parse(written)
    if organ is None:
        assert m is None
        return
    assert m is not None and (m.organ, m.level, m.place) == (organ, level, place)
    assert organs.canonical(written) == canon
    assert m.row.source.startswith("organs.tsv:")


@pytest.mark.parametrize(("en", "zh"), [
    ("CPC Linfeng Municipal Committee", "中共临丰市委"),
    ("Linfeng Municipal CPPCC", "临丰市政协"),
    ("Standing Committee of the Linfeng Municipal Committee of the CPPCC", "政协临丰市委员会常务委员会"),
    ("Linfeng Municipal People's Congress Standing Committee", "临丰市人大常委会"),
    ("Linfeng Municipal Foreign Affairs Office", "临丰市外办"),
    ("Organization Department of the Linfeng Municipal Party Committee", "中共临丰市委组织部"),
    ("Propaganda Department of the CPC Linfeng Municipal Committee", "临丰市委宣传部"),
    ("Linfeng Municipal Commission of Supervision", "临丰市监委"),
    ("Political and Legal Affairs Commission of the CPC Taixi County Committee", "中共泰西县委政法委员会"),
    ("Party Group of the Linfeng Municipal Government", "临丰市政府党组"),
])
def test_both_languages_resolve_to_one_body(en: str, zh: str) -> None:
    """The Chinese name's place is translated (pinyin here: 临丰 -> Linfeng) into the English house style."""
    assert resolve_body(en).local == resolve_body(zh).local
    assert resolve_body(zh).en == organs.canonical(en) == normalize_body(en)


def test_house_style_is_what_extraction_writes() -> None:
    """Resolution keeps the names the parsers write (no rewrite to another style)."""
    for name in ("CPPCC Linfeng Municipal Committee",
                 "Standing Committee of the CPPCC Linfeng Municipal Committee",
                 "CPC Linfeng Municipal Committee",
                 "Standing Committee of the Linfeng Municipal People's Congress"):
        assert normalize_body(name) == name


def test_anchor_reads_the_organ_place() -> None:
    assert anchor(["Standing Committee of the CPC Inner Mongolia Autonomous Regional Committee"])[0] == \
        "inner-mongolia"
