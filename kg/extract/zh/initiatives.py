"""Initiatives: quoted slogans and programmes (“一带一路”, “两个维护”), named doctrines and strategies
from the lexicon (习近平外交思想, 长江经济带), and 《...》 policy documents (plans, opinions, regulations;
not reports or procedural rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.script import View

_QUOTE = re.compile(r"[“\"「]([^“”\"「」\n]{2,24})[”\"」]")
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_DRAFT = re.compile(r"[（(][^()（）]{1,8}[)）]$")
_YEARS = re.compile(r"[（(]\d{4}\s*[—–\-－~～至]+\s*\d{4}年?[)）]$")  # 实施方案(2023—2025年)
# a law under review, named without quotes: 审议某某法草案、某某法修订草案 -> 某某法
_LAW_DRAFT = re.compile(
    r"(?:(?<=[、，,：:；;])|(?<=审议)|(?<=讨论)|(?<=通过)|(?<=关于)|(?<=修改)|(?<=了))"
    r"((?:(?![的、和与及关于审议了])[\u4e00-\u9fff]){2,16}?法典?)(?:修正|修订|修改)?草案"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# bilateral flagship projects named by the one-character forms of China and its partners: 中巴经济走廊,
# 中老铁路, 孟中印缅经济走廊, 中吉乌铁路
_INNER_QUOTE = re.compile(r"[‘『]([^‘’『』]{2,20})[’』]")
_PLAN_AFTER = ("规划纲要", "规划")  # longest first
_PARTNER = "巴蒙俄老缅尼印孟泰越柬哈吉塔乌土阿伊新马欧非日韩朝匈塞"
_FLAGSHIP = re.compile(rf"(?:[{_PARTNER}]{{0,1}}中[{_PARTNER}]{{1,3}})(?:经济走廊|铁路)")


@dataclass
class InitiativeHit:
    name: str  # as written
    key: str  # simplified identity
    spans: list[tuple[int, int]] = field(default_factory=list)  # view offsets


_PROGRAMME_RUN = r"[\u4e00-\u9fff]{3,14}?"  # the programme's words before its head (bounded: linear)
_PROGRAMME_END = r"(?=[，,。；;、和为及与\s]|$)"
_PROGRAMME_BAD = re.compile(r"[的等这该各此其]")  # a description, not a name (推进全市的各项工程)


def _programme_patterns(cues: dict[str, list[str]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    key = (tuple(cues.get("programme_verbs", [])), tuple(cues.get("programme_heads", [])))
    if key not in _PROGRAMME_CACHE:
        verbs = "|".join(re.escape(w) for w in sorted(key[0], key=len, reverse=True)) or "(?!)"
        heads = "|".join(re.escape(w) for w in sorted(key[1], key=len, reverse=True)) or "(?!)"
        _PROGRAMME_CACHE[key] = (
            re.compile(rf"(?:{verbs})(?:好|了)?({_PROGRAMME_RUN}(?:{heads})){_PROGRAMME_END}"),
            re.compile(rf"(?:和|及|、)({_PROGRAMME_RUN}(?:{heads})){_PROGRAMME_END}"))
    return _PROGRAMME_CACHE[key]


_PROGRAMME_CACHE: dict[tuple, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _verb_programmes(s: str, cues: dict[str, list[str]]) -> list[tuple[int, int]]:
    """Spans of unquoted programmes right after a programme verb, and of those joined to them."""
    first, joined = _programme_patterns(cues)
    out = []
    for m in first.finditer(s):
        if _PROGRAMME_BAD.search(m.group(1)):
            continue
        out.append(m.span(1))
        j = joined.match(s, m.end())
        while j is not None and not _PROGRAMME_BAD.search(j.group(1)):
            out.append(j.span(1))
            j = joined.match(s, j.end())
    return out


def find_initiatives(v: View, lex: Lexicon) -> list[InitiativeHit]:
    s = v.s
    cues = lex.cues
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(s)]
    found: dict[str, InitiativeHit] = {}
    taken = [False] * len(s)
    alias = {f: g[0] for g in lex.initiatives for f in g}

    def add(a: int, b: int, key: str) -> None:
        key = alias.get(key, key)
        if key in found:
            found[key].spans.append((a, b))
        else:
            found[key] = InitiativeHit(v.text(a, b), key, [(a, b)])
        for i in range(a, b):
            taken[i] = True

    def in_title(a: int, b: int) -> bool:
        return any(x < a and b < y for x, y in titles)

    # 《...》 documents
    for m in _TITLE.finditer(s):
        years = _YEARS.search(m.group(1))
        t = m.group(1)[:years.start()] if years else _DRAFT.sub("", m.group(1)).strip()
        drafts = ("送审稿", "讨论稿")
        if any(t.endswith(w) for w in cues.get("doc_drop", [])) or any(w in m.group(1) for w in drafts) \
                or any(w in t for w in cues.get("doc_procedural", [])):
            continue
        if any(t.endswith(w) for w in cues.get("doc_keep", [])):
            n = len(m.group(1)) if years else len(t)  # the plan keeps its period: 方案(2023—2025年)
            add(m.start(1), m.start(1) + n, s[m.start(1):m.start(1) + n])
    # laws under review
    for m in _LAW_DRAFT.finditer(s):
        if not any(taken[m.start(1):m.end(1)]) and not in_title(m.start(1), m.end(1)):
            add(m.start(1), m.end(1), m.group(1))
    # quoted slogans
    quoted: list[str] = []
    for m in _QUOTE.finditer(s):
        q = m.group(1).strip()
        a, b = m.start(1), m.end(1)
        if not _CJK.search(q) or in_title(a, b) or q in cues.get("quote_drop", []):
            continue
        if any(s.endswith(w, 0, m.start()) for w in cues.get("theme_before", [])) and any(
                s.startswith(w, m.end()) for w in cues.get("theme_after", [])):
            continue
        if any(s.startswith(w, m.end()) for w in cues.get("quote_drop_after", [])):
            continue
        if re.search(r"[。！？!?，,：:；;]", q):  # a quoted sentence, not a name
            continue
        if len(q) <= 4 and q.endswith("式"):  # “保姆式”服务, “一站式”: a manner, not a programme
            continue
        inner = _INNER_QUOTE.search(q)
        if inner:  # “推进‘数字某城’建设”: a theme phrase around a name; the inner quote is the name
            add(a + inner.start(1), a + inner.end(1), inner.group(1))
            continue
        longer = next((k for k in quoted if len(q) >= 3 and q in k and q != k), None)
        if longer:  # “高效办成一件事” ... “一件事”清单: the short form of a programme already named
            add(a, b, longer)
            continue
        quoted.append(q)
        plan = next((w for w in _PLAN_AFTER if s.startswith(w, m.end())), None)
        if plan:  # “十四五”规划纲要: the plan is the name
            add(m.start(), m.end() + len(plan), q)  # one identity with a bare “十四五”
            continue
        add(a, b, q)
    # 八大发展战略, 十大行动: a numbered programme, unquoted
    heads = "|".join(re.escape(h) for h in cues.get("programme_heads", [])) or "(?!)"
    for m in re.finditer(rf"(?<![一二三四五六七八九十百千两\d])[一二三四五六七八九十百千两]+大"
                         rf"[\u4e00-\u9fff]{{0,6}}?(?:{heads})", s):
        if m.group().startswith("一大") or re.search(r"[批项个些类件]", m.group()):
            continue  # 一大批重点工程: a quantity of projects, not a numbered programme
        if not any(taken[m.start():m.end()]) and not in_title(m.start(), m.end()):
            add(m.start(), m.end(), m.group())
    # 深入实施兴边富民行动, 以城市更新行动和县域商业建设行动为牵引: a programme after a verb, unquoted
    for a, b in _verb_programmes(s, cues):
        if not any(taken[a:b]) and not in_title(a, b):
            add(a, b, s[a:b])
    for m in _FLAGSHIP.finditer(s):
        if not any(taken[m.start():m.end()]) and not in_title(m.start(), m.end()):
            add(m.start(), m.end(), m.group())
    # lexicon, longest forms first, outside quotes and titles already taken
    forms = sorted(alias, key=len, reverse=True)
    for f in forms:
        for m in re.finditer(re.escape(f), s):
            if any(taken[m.start():m.end()]) or in_title(m.start(), m.end()):
                continue
            add(m.start(), m.end(), f)
    return sorted(found.values(), key=lambda h: h.spans[0][0])
