"""HTML pages as saved from government sites: furniture out, paragraphs kept, metadata read."""

from __future__ import annotations

from pathlib import Path

from kg.read import load_release
from kg.read.html import declared_charset, html_to_text

PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>澜河市召开港口开放工作会议_澜河市人民政府</title>
<meta name="PubDate" content="2024-11-20 09:12">
<meta name="ContentSource" content="澜河日报">
<link rel="canonical" href="http://www.lanhe.example.gov.cn/art/2024/11/20/1.html">
<style>p { color: red }</style><script>document.write("<p>统计</p>");</script></head>
<body><div class="top-nav"><ul><li>首页<li>政务公开<li>新闻中心</ul></div>
<div class="bread-crumb">首页 &gt; 新闻中心 &gt; 本地要闻</div>
<nav><a>English</a></nav>
<h1>澜河市召开港口开放工作会议</h1>
<div class="content"><p>11月19日，市委书记周文博主持召开会议&nbsp;并讲话。
<p>市长乔丽娜&amp;副市长苏晨出席会议。<br>会议强调……
<div id="share_bar">分享到：微信</div>
<footer>版权所有 澜河市人民政府</footer></body></html>"""


def test_furniture_is_dropped_and_paragraphs_kept() -> None:
    text, meta = html_to_text(PAGE)
    assert text.split("\n\n") == [
        "澜河市召开港口开放工作会议",
        "11月19日，市委书记周文博主持召开会议 并讲话。",
        "市长乔丽娜&副市长苏晨出席会议。",
        "会议强调……",
    ]
    assert meta.title == "澜河市召开港口开放工作会议"
    assert meta.published == "2024-11-20 09:12"
    assert meta.url == "http://www.lanhe.example.gov.cn/art/2024/11/20/1.html"
    assert meta.source == "澜河日报"


def test_gbk_page_with_meta_charset(tmp_path: Path) -> None:
    p = tmp_path / "zh-lanhe-port.html"
    p.write_bytes(PAGE.encode("gbk"))
    assert declared_charset(p.read_bytes()) == "gb2312"
    r = load_release(p)
    assert r.encoding == "gb18030"
    assert r.title == "澜河市召开港口开放工作会议"
    assert r.published == "2024-11-20"
    assert r.source == "澜河日报"
    assert r.url.endswith("/1.html")
    assert "统计" not in r.text and "版权所有" not in r.text and "首页" not in r.text


def test_open_graph_meta_and_title_suffix() -> None:
    page = ("<html><head><title>Qingshan Mayor Meets Guests - Qingshan Foreign Affairs Office</title>"
            '<meta property="og:url" content="http://en.qingshan.example.gov.cn/a/1.html">'
            '<meta property="article:published_time" content="2025-04-02T08:00:00+08:00"></head>'
            "<body><p>On April 1, Han Mingjie met with guests.</p></body></html>")
    text, meta = html_to_text(page)
    assert text == "On April 1, Han Mingjie met with guests."
    assert meta.title == "Qingshan Mayor Meets Guests"
    assert meta.url == "http://en.qingshan.example.gov.cn/a/1.html"
    assert meta.published == "2025-04-02T08:00:00+08:00"


def test_malformed_html_still_reads(tmp_path: Path) -> None:
    page = ("<html><body><div class='menu'><ul><li>Home<li>News</div>"
            "<p>Lin Haoran presided over the meeting.<p>Zhou Wenbo attended.<table><tr><td>Date: 2024-03-06"
            "</b></i></span><div><p>Song Yalan attended")  # unclosed everything, stray end tags
    p = tmp_path / "broken.html"
    p.write_text(page, encoding="utf-8")
    r = load_release(p)
    assert r.text.split("\n\n") == ["Lin Haoran presided over the meeting.", "Zhou Wenbo attended.",
                                    "Date: 2024-03-06", "Song Yalan attended"]
    assert r.published == "2024-03-06"


def test_page_that_is_all_furniture_keeps_its_text() -> None:
    text, _ = html_to_text("<html><body><div class='nav'>Qingshan news in brief</div></body></html>")
    assert text == "Qingshan news in brief"


def test_txt_file_holding_html_is_read_as_html(tmp_path: Path) -> None:
    p = tmp_path / "saved.txt"
    p.write_text("<!DOCTYPE html><html><body><h1>Headline Of The Page</h1>"
                 "<p>Body &amp; more.</p></body></html>")
    r = load_release(p)
    assert r.text == "Headline Of The Page\n\nBody & more."
    assert r.title == "Headline Of The Page"
