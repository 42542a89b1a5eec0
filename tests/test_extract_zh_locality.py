"""Where a Chinese release is from, when the text only says 市委 / 市长: the file name's site and slug
head may name the place, but topic words of the slug never do."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.zh.lexicon import lexicon
from kg.extract.zh.locality import _slug_tokens
from kg.model import Release

TEXT = (
    "松川新聞網 > 松川要聞 > 正文\n"
    "市委理論學習中心組舉行集體學習\n"
    "6月20日上午，市委理論學習中心組舉行集體學習，專題學習理論學習的重要論述。"
    "市委書記孟廣川主持並講話。市委副書記、市長葉青禾出席。理論學習要走深走實。"
)


def test_slug_tokens_are_the_site_and_the_slug_head() -> None:
    assert _slug_tokens("zh-songchuan-s11-lilun-xuexi-zhongxinzu") == ["songchuan", "lilun"]
    assert _slug_tokens("zh-qhnews-20240612-qingshan-huijian") == ["qhnews", "qingshan"]
    assert _slug_tokens("qingshan-report") == ["qingshan"]


def test_a_topic_word_of_the_slug_does_not_outvote_the_site() -> None:
    """理论 is frequent in the text and spelled by the slug; the site 松川 names the city."""
    x = extract(Release(id="zh-songchuan-s11-lilun-xuexi-zhongxinzu", text=TEXT, language="zh"))
    posts = {(p.name, post.role, post.body) for p in x.persons for post in p.posts}
    assert ("孟廣川", "書記", "松川市委") in posts, posts
    assert not any(b and "理論" in b and "中心組" not in b for _, _, b in posts), posts


# An invented province and city, known only from the analyst's own gazetteer (KG_DATA_PATH).
PROVINCE_TEXT = (
    "省委常委会召开会议\n"
    "9月2日，省委常委会召开会议，研究部署流域保护工作。省委书记柏云舟主持会议。"
    "会议指出，要把丹屏保护放在突出位置，丹屏各地要抓好落实。"
)


@pytest.fixture
def gazetteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from kg.resolve import aliases

    (tmp_path / "aliases").mkdir()
    (tmp_path / "aliases" / "places.tsv").write_text(
        "Tongyun\t彤云\tTongyun\nDanping\t丹屏\tTongyun\n", encoding="utf-8")
    aliases.places.cache_clear()
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    yield
    monkeypatch.delenv("KG_DATA_PATH")
    aliases.places.cache_clear()


def _province_release() -> Release:
    return Release(id="zh-test-s01-changweihui", text=PROVINCE_TEXT, language="zh")


def test_without_the_gazetteer_the_text_form_is_kept() -> None:
    x = extract(_province_release())
    assert not any(b.name.startswith("彤云") for b in x.bodies)
    assert any(b.name == "省委常委会" for b in x.bodies), [b.name for b in x.bodies]


def test_places_of_kg_data_path_tables_qualify_implicit_bodies(gazetteer) -> None:
    """`Danping 丹屏 Tongyun` + `Tongyun 彤云 Tongyun`: 丹屏 is a city of 彤云省, so 省委 is 彤云省委."""
    lex = lexicon()
    prov = next(p for p in lex.provinces if p.short == "彤云")
    assert (prov.full, prov.committee, prov.cities) == ("彤云省", "省委", ("丹屏",))
    x = extract(_province_release())
    assert "彤云省委常委会" in {b.name for b in x.bodies}, [b.name for b in x.bodies]
    posts = {(post.role, post.body) for p in x.persons for post in p.posts}
    assert ("书记", "彤云省委") in posts, posts


def test_a_province_level_row_without_cities_is_not_made_a_province(gazetteer, tmp_path: Path) -> None:
    """香港 / 澳门 are province-level without being 省: a lone self-row adds no 省."""
    (tmp_path / "aliases" / "places.tsv").write_text("Tongyun\t彤云\tTongyun\n", encoding="utf-8")
    from kg.resolve import aliases

    aliases.places.cache_clear()
    assert not any(p.short == "彤云" for p in lexicon().provinces)
