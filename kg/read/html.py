"""HTML page -> text and what the page's own markup says about it (title, date, url, source).

The standard library's tolerant parser copes with malformed pages (unclosed tags, stray end tags).
Scripts, styles and the navigation furniture of government sites (nav/aside/footer elements and
blocks whose class or id says menu, breadcrumb, share bar...) are dropped; block elements become
line breaks so paragraphs stay paragraphs; entities are decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kg.read.cues import cues

_ALWAYS_SKIP = {"script", "style", "noscript", "template", "svg", "head", "select", "button",
                "iframe", "object", "canvas", "map", "textarea"}
_FURNITURE_TAGS = {"nav", "aside", "footer"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr",
         "param", "track"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "header", "footer", "table", "ul", "ol", "blockquote", "title", "dd", "dt", "dl", "hr",
          "pre", "figure", "figcaption", "main", "form", "center", "td", "th", "caption"}
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class PageMeta:
    """What the markup states; None where it states nothing."""

    title: str | None = None  # <h1>, else an ArticleTitle/og:title meta, else <title>
    published: str | None = None  # raw meta value (article:published_time, PubDate...)
    url: str | None = None  # og:url or <link rel=canonical>
    source: str | None = None  # ContentSource / source meta
    meta: dict[str, str] = field(default_factory=dict)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in <meta charset> or http-equiv Content-Type."""
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body)\b", head))


def _is_furniture_block(attrs: dict[str, str]) -> bool:
    tokens = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower().split()
    words = [w for t in tokens for w in (t, re.sub(r"[_-]", "", t), *re.split(r"[_-]+", t)) if w]
    return any(w in cues().html_furniture_classes for w in words)


class _PageParser(HTMLParser):
    def __init__(self, drop_furniture: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_furniture = drop_furniture
        self.parts: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self._skip_stack: list[str] = []  # tag names of the open skipped elements
        self._depth: dict[str, int] = {}  # open count per tag name inside the skipped element
        self._in_title = False
        self._in_h1 = 0

    def _skipping(self) -> bool:
        return bool(self._skip_stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _VOID:
            if tag in {"br", "hr"} and not self._skipping():
                self.parts.append("\n")
            return
        if self._skipping():
            if tag == self._skip_stack[-1]:
                self._depth[tag] = self._depth.get(tag, 0) + 1
            return
        furniture = self.drop_furniture and (tag in _FURNITURE_TAGS or _is_furniture_block(a))
        if tag in _ALWAYS_SKIP or furniture:
            self._skip_stack.append(tag)
            self._depth[tag] = 0
            return
        if tag == "h1":
            self._in_h1 += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._skipping():
            top = self._skip_stack[-1]
            if tag == top:
                if self._depth.get(tag, 0) > 0:
                    self._depth[tag] -= 1
                else:
                    self._skip_stack.pop()
            elif tag in {"body", "html"}:  # an unclosed skipped element ends with the page
                self._skip_stack.clear()
            return
        if tag == "h1" and self._in_h1:
            self._in_h1 -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skipping():
            self.parts.append(data)
            if self._in_h1:
                self.h1.append(data)


def _clean(s: str) -> str:
    return " ".join(s.replace("\xa0", " ").split())


def _title_from_head(title: str) -> str | None:
    """<title> often reads "Headline_Site name" or "Headline - Site": keep the headline."""
    title = _clean(title)
    if not title:
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:_|\s[-|–—]\s|\|)\s*", title) if p.strip()]
    if len(parts) < 2:
        return title
    return parts[0] if len(parts[0]) >= 6 else max(parts, key=len)


def _parse(page: str, drop_furniture: bool) -> _PageParser:
    p = _PageParser(drop_furniture)
    p.feed(page)
    p.close()
    return p


def html_to_text(page: str) -> tuple[str, PageMeta]:
    """The page's visible text (one paragraph a line) and its metadata."""
    p = _parse(page, drop_furniture=True)
    text = _lines("".join(p.parts))
    if not text:  # the furniture heuristics ate everything: keep it all rather than nothing
        p = _parse(page, drop_furniture=False)
        text = _lines("".join(p.parts))
    names = cues()
    meta = p.meta

    def pick(keys: tuple[str, ...]) -> str | None:
        return next((meta[k] for k in keys if meta.get(k)), None)

    h1 = _clean("".join(p.h1))
    info = PageMeta(
        title=h1 or _clean(pick(names.meta_title) or "") or _title_from_head("".join(p.title)),
        published=pick(names.meta_published),
        url=_clean(pick(names.meta_url) or p.canonical or "") or None,
        source=_clean(pick(names.meta_source) or "") or None,
        meta=dict(meta),
    )
    return text, info


def _lines(raw: str) -> str:
    lines = [_clean(line) for line in raw.splitlines()]
    return "\n\n".join(line for line in lines if line)
