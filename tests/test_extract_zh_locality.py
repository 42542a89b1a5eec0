"""Where a Chinese release is from, when the text only says 市委 / 市长: the file name's site and slug
head may name the place, but topic words of the slug never do."""

from __future__ import annotations

from kg.extract import extract
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
