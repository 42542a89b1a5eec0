"""Which province / city / county / district a release is about, so that the text's implicit bodies
(市委, 省政府, 县委外事工作委员会) can be qualified (包头市委, 山东省人民政府, 滨海县委...).

Evidence, weighed together: place names of the gazetteer (kg/data/zh/places.tsv, plus the identity
layer's places.tsv and KG_DATA_PATH tables, see lexicon.py) found in the text,
explicitly suffixed names (句容市, 中共临河区第十四届委员会, 璧山区委), source names (宜都融媒, X日报), and
the release's file-name slug, matched by pinyin against the text's own words (two-character words
only, and not those followed by 集团/公司/...: a slug also spells persons' and companies' names).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.zh.lexicon import Lexicon, Province

LEVELS = ("省", "市", "县", "区")
_STOP = set("全我本各该省市县区委副代常务和及与等、，,。；;：:“”《》()（）"
            "的在是从对向到为城地乡镇村街社一二三四五六七八九十")
# X市委, X县人民政府, ...; "X市长" only where X starts a word (霍夫曼市长 is a mayor called Hoffmann)
_EXPLICIT = re.compile(r"(?:中共)?([\u4e00-\u9fff]{2})(市|县|区)(?=委|人民政府|政府|人大|政协|第)"
                       r"|(?<![\u4e00-\u9fff·])([\u4e00-\u9fff]{2})(市|县|区)(?=长)")
_SOURCE = re.compile(r"([\u4e00-\u9fff]{2})(市|县|区)?(?:融媒|日报|新闻网|晚报|发布|广播电视台|电视台)")
# words of the genre that stand before 县委 / 区委 without being a place (召开县委常委会会议)
_NOT_STEMS = frozenset({
    "召开", "举行", "主持", "出席", "参加", "列席", "传达", "学习", "研究", "听取", "审议",
    "部署", "全体", "各级", "有关", "以及", "同时", "其他", "相关", "当选", "担任",
    "贯彻", "落实", "按照", "根据", "围绕", "推动", "推进", "深化", "服务", "支持", "配合", "会同", "向着",
    "代表", "报告", "提交", "通过", "经过", "新任", "原任", "时任", "关于", "对于",
})
# what follows a company's or institution's name, never a place's
_ORG_AFTER = r"(?:集团|公司|有限|控股|股份|银行|大学|学院|医院|国际|科技)"
# ... or heads a company's full name a few words later (驰远新能源科技有限公司), unless the text also
# writes it with a level word (X市, X县): a company may be named after its home town
_COMPANY_AFTER = r"(?:(?![与和及同的在对向为等])[\u4e00-\u9fff]){1,8}?(?:有限公司|有限责任公司|股份公司|集团)"
# 北原自治区人民政府, 《东岭省安全生产...》: a province-level place the gazetteer does not know
_PROVINCE = re.compile(r"(?<![\u4e00-\u9fff])(?:中共)?([\u4e00-\u9fff]{2})(省|自治区)"
                       r"|(?<=[《“「])([\u4e00-\u9fff]{2})(省|自治区)")
_OWN = re.compile(r"我(省|市|县|区)|(?<![\u4e00-\u9fff])(省|市|县|区)(?:委|政府|长|人大|政协)")


@dataclass
class Locality:
    province: Province | None = None
    names: dict[str, str] = field(default_factory=dict)  # level -> "包头市" / "山东省" / "滨海县"
    own_level: str | None = None  # the level the release itself speaks from (市 for a city paper)
    trad: bool = False  # the release is written in traditional characters
    # the congress session the release reports (青原市第十六届人民代表大会第三次会议): (simplified, as
    # written); 大会 / 主席团 / 大会主席团 written alone are that session and its presidium
    session: tuple[str, str] | None = None

    def qualify(self, level: str) -> str | None:
        return self.names.get(level)

    @property
    def main(self) -> str | None:
        if self.own_level and self.own_level in self.names:
            return self.names[self.own_level]
        for lv in ("区", "县", "市", "省"):
            if lv in self.names:
                return self.names[lv]
        return None


_DATE_PART = re.compile(r"^(?:\d{8}|s\d+|seq\d+|\d{1,4})$")


def _slug_tokens(release_id: str) -> list[str]:
    """The parts of a file name that may name the place: in `<lang>-<site>-<date|seq>-<slug...>` the
    site and the slug's first word (the topic words after it, 'xuexi', 'qianyue', 'huijian', spell
    activities, not places); in any other name, its first word."""
    parts = [t for t in re.split(r"[-_.\s]+", release_id.lower()) if t]
    dated = [i for i, t in enumerate(parts) if _DATE_PART.match(t)]
    if dated and dated[0] >= 1:
        i = dated[0]
        picked = parts[max(i - 1, 0):i] + parts[i + 1:i + 2]
    else:
        picked = parts[:1]
    return [t for t in picked if t.isalpha() and len(t) >= 4]


@lru_cache(maxsize=8192)
def _syllable(c: str) -> str:
    """Toneless pinyin of one character's first reading ('' when unknown)."""
    from pypinyin.pinyin_dict import pinyin_dict

    raw = pinyin_dict.get(ord(c))
    if not raw:
        return ""
    first = raw.split(",")[0]
    return "".join(ch for ch in unicodedata.normalize("NFD", first) if not unicodedata.combining(ch)).lower()


def _pinyin_matches(s: str, tokens: list[str]) -> Counter:
    """Text words (2-4 CJK characters) whose toneless pinyin spells a slug token."""
    found: Counter = Counter()
    toks = set(tokens)
    if not toks:
        return found
    for a in range(len(s)):
        if not ("\u4e00" <= s[a] <= "\u9fff"):
            continue
        acc = _syllable(s[a])
        if not acc or not any(t.startswith(acc) for t in toks):
            continue
        for b in range(a + 1, min(a + 4, len(s))):
            if not ("\u4e00" <= s[b] <= "\u9fff"):
                break
            acc += _syllable(s[b])
            if acc in toks:
                found[s[a:b + 1]] += 1
            if not any(t.startswith(acc) for t in toks):
                break
    return found


_COMMON: dict[int, frozenset[str]] = {}


def _common_words(lex: Lexicon) -> frozenset[str]:
    """Two- and three-character pieces of the genre's own words (verbs, titles, body names)."""
    if id(lex) not in _COMMON:
        words = list(lex.verbs) + lex.boundaries + list(lex.roles) + lex.descriptors + lex.body_heads
        words += sorted(lex.genre_words)
        words += [f for g in lex.bodies for f in g]
        out = set()
        for w in words:
            for n in (2, 3):
                out.update(w[i:i + n] for i in range(len(w) - n + 1))
        _COMMON[id(lex)] = frozenset(out)
    return _COMMON[id(lex)]


# a foreign mission's seat (芬兰驻上海总领事, 驻广州办事处) says where the guest comes from, not where
# the release is: masked before places are counted
_MISSION_SEAT = re.compile(r"驻([\u4e00-\u9fff]{2,4}?)(?=总领事|领事|大使|使馆|办事处|代表处|联络处)")


def _mask_mission_seats(s: str) -> str:
    return _MISSION_SEAT.sub(lambda m: "驻" + "□" * len(m.group(1)), s)


def _count(memo: dict[str, int], s: str, stem: str) -> int:
    if stem not in memo:
        memo[stem] = s.count(stem)
    return memo[stem]


def _unknown_province(s: str, head: str, pin: Counter, lex: Lexicon) -> Province | None:
    """A province or autonomous region the gazetteer does not know, written in full (北原自治区) at the
    start of a word more than once, or once and also in the headline, source or file-name slug."""
    seen: Counter = Counter()
    for m in _PROVINCE.finditer(s):
        stem, level = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if not (set(stem) & _STOP) and stem not in _NOT_STEMS and stem not in _common_words(lex):
            seen[stem, level] += 1
    ok = [(n + 2 * (k[0] in head or k[0] in pin), k) for k, n in seen.items()
          if n >= 2 or k[0] in head or k[0] in pin]
    if not ok:
        return None
    _, (stem, level) = max(sorted(ok, key=lambda x: x[1]), key=lambda x: x[0])
    return Province(stem + level, stem, "自治区党委" if level == "自治区" else "省委", ())


def infer_locality(s: str, head: str, release_id: str, lex: Lexicon) -> Locality:
    """s: simplified text; head: simplified title + source line."""
    loc = Locality()
    s = _mask_mission_seats(s)
    own = Counter(m.group(1) or m.group(2) for m in _OWN.finditer(s))
    if own:
        # the most specific level the text speaks from, among those it uses often enough
        used = [lv for lv in LEVELS if own[lv]]
        loc.own_level = used[-1] if used else None
    slug = _slug_tokens(release_id)
    pin = _pinyin_matches(s, slug)

    # candidate stems: level -> Counter
    cand: dict[str, Counter] = {lv: Counter() for lv in LEVELS}
    prov_score: Counter = Counter()
    for p in lex.provinces:
        n = s.count(p.short) + 2 * (p.short in pin)
        if n:
            prov_score[p.full] += n
            if p.full.endswith("市"):  # municipality: also the city
                cand["市"][p.short] += n
        for c in p.cities:
            need_suffix = c.endswith("市")
            stem = c[:-1] if need_suffix else c
            m = s.count(stem + "市") if need_suffix else s.count(stem)
            m += 2 * (stem in pin)
            if m and stem != p.short:
                cand["市"][stem] += m
                prov_score[p.full] += m
    counted: dict[str, int] = {}  # s.count per stem, once (a place named n times is not counted n times)
    for m in _EXPLICIT.finditer(s):
        stem, level = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        # an unknown place must be named more than once (or in the headline / file name): 紧扣县委 is not one
        if not (set(stem) & _STOP) and stem not in _NOT_STEMS and stem not in _common_words(lex) \
                and (_count(counted, s, stem) >= 2 or stem in head or stem in pin):
            cand[level][stem] += 1
    for m in _SOURCE.finditer(head + "\n" + s[:300]):
        stem = m.group(1)
        if m.group(2) and not (set(stem) & _STOP) and stem not in _NOT_STEMS:  # 松溪县融媒体中心
            cand[m.group(2)][stem] += 2
            continue
        if not (set(stem) & _STOP):
            for lv in ("市", "县", "区"):
                if cand[lv][stem]:
                    cand[lv][stem] += 1
                    break
            else:
                if loc.own_level in ("市", "县", "区"):
                    cand[loc.own_level][stem] += 1 + s.count(stem)
    common = _common_words(lex)
    for stem in pin:
        if any(stem in cand[lv] for lv in LEVELS) or any(stem == p.short for p in lex.provinces):
            continue
        if stem in common and not re.search(re.escape(stem) + "[市县区]", s):
            continue  # 会见, 人大, 政协: words of the genre that happen to spell a slug
        esc = re.escape(stem)
        if len(stem) != 2 or re.search(esc + _ORG_AFTER, s) or (
                re.search(esc + _COMPANY_AFTER, s) and not re.search(esc + "[省市县区]", s)):
            continue  # 陆承平 (a person), 华屹集团 (a company): a slug spells many things besides places
        if loc.own_level in ("市", "县", "区") and not (set(stem) & _STOP):
            cand[loc.own_level][stem] += 2  # a bonus, not the word count: topic words are frequent
    if prov_score:
        best = max(sorted(prov_score), key=lambda k: prov_score[k])
        loc.province = next(p for p in lex.provinces if p.full == best)
        loc.names["省"] = best
    elif (found := _unknown_province(s, head, pin, lex)) is not None:
        loc.province = found
        loc.names["省"] = found.full
    for lv in ("市", "县", "区"):
        if cand[lv]:
            stem = max(sorted(cand[lv]), key=lambda k: cand[lv][k])
            loc.names[lv] = stem + lv
    if loc.province and loc.province.full.endswith("市"):
        loc.names["市"] = loc.province.full
    return loc
