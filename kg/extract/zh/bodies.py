"""Bodies: the national/international lexicon, local party and government bodies (implicit ones
qualified with the release's locality), leading groups, and the 党组 distributed over a list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.zh.dates import FURNITURE as _FURNITURE
from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.locality import Locality
from kg.extract.zh.script import View, to_traditional

# what follows a level word (省/市/县/区/自治区) in a local body
_ORGANS = (
    r"委(?:外事工作委员会(?:办公室)?|外办|外事办(?:公室)?|常委会|办公室|办公厅|组织部|宣传部|统战部|政法委|政研室|理论学习中心组|党校"
    r"|(?:(?![委会召开举的书记兼主任长在])[\u4e00-\u9fff]){2,10}?委员会(?!议)(?:办公室)?)?"
    r"|人民政府(?:党组(?:理论学习中心组)?|办公室|办公厅)?|政府(?:党组(?:理论学习中心组)?|办公室|办公厅)?"
    r"|人大常委会(?:党组|办公厅|(?:(?![委会召开举的书记兼主任长在和与及])[\u4e00-\u9fff]){2,10}?委员会(?!议))?|人大"
    r"|人民代表大会常务委员会|人民代表大会(?!常务)|政协(?:党组|常委会|办公室)?|纪委监委|纪律检查委员会|纪委|监察委员会|监委|外办|外事办公室|外事办"
    r"|中级人民法院|人民法院|法院|人民检察院|检察院"
)
# 地委 and its organs; not 当地委托, 各地委员 (the word before must end a clause or be a verb of the genre)
_PREFECTURE = re.compile(
    r"地委(?P<organ>常委会|组织部|宣传部|统战部|政法委|办公室)?(?:委员会(?=会议))?(?![托派员])")
_PREFECTURE_AFTER = ("召开", "主持", "中共", "出席", "参加", "传达")
_LEVEL = r"(?:自治区党|自治区|省市|省|市|县|区)"
_TERM = r"(?:第?[一二三四五六七八九十]+届)?"  # 市十七届人大常委会, 澜河市第十六届人民代表大会常务委员会
_LOCAL = re.compile(rf"(?P<level>{_LEVEL})(?P<term>{_TERM})(?P<organ>{_ORGANS})")
_CPPCC = re.compile(  # 政协青山市第十一届委员会(常务委员会)
    r"政协(?P<stem>[\u4e00-\u9fff]{2,3}?)(?P<level>省|市|县|区)(?:第?[一二三四五六七八九十]+届)?委员会(?P<sc>常务委员会)?"
)
_CONGRESS = re.compile(
    r"(?:中共)?(?P<stem>[\u4e00-\u9fff]{2})(?P<level>区|县|市)第[一二三四五六七八九十]+届委员会"
)
# 青原市第十六届人民代表大会第三次会议, 北原自治区政协第十二届委员会第三次会议: a session, named in full
_SESSION = re.compile(
    r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff]{2,10}?(?:省|市|县|区|自治区|自治州|州))"
    r"第[一二三四五六七八九十]+届(?:人民代表大会|委员会)第[一二三四五六七八九十]+次会议"
    r"|(?<=[，,。；\n\s])(?:[\u4e00-\u9fff]{2,10}?(?:省|市|县|区|自治区|自治州|州))"
    r"第[一二三四五六七八九十]+届(?:人民代表大会|委员会)第[一二三四五六七八九十]+次会议"
)
_PRESIDIUM = "主席团"


def find_session(v: View) -> tuple[str, str] | None:
    """The first congress (or CPPCC) session named in full: (simplified, as written)."""
    m = _SESSION.search(v.s)
    return (m.group(0), v.text(m.start(), m.end())) if m else None


def _presidia(v: View, loc: Locality) -> list[tuple[int, int, str, str]]:
    """主席团 of the release's session: (start, end, name as written, key), for 大会主席团 and 主席团 written
    alone and for the session's full name followed by 主席团."""
    if loc.session is None:
        return []
    key_s, written = loc.session
    s = v.s
    out = []
    word = to_traditional(_PRESIDIUM) if loc.trad else _PRESIDIUM
    for m in re.finditer(_PRESIDIUM, s):
        a = m.start()
        if s.startswith(key_s, a - len(key_s)):
            a -= len(key_s)
        elif s.startswith("大会", a - 2):
            a -= 2
        elif a and re.match(r"[\u4e00-\u9fff]", s[a - 1]) and s[a - 1] not in "的由和及、":
            continue  # 某某代表团主席团 ..., a presidium of something else
        out.append((a, m.end(), written + word, key_s + _PRESIDIUM))
    return out


_GROUP = re.compile(r"[\u4e00-\u9fff]{2,24}?领导小组(?:办公室)?")
_GROUP_STOPS = (
    "传达学习", "学习", "传达", "以及", "按照", "听取", "召开", "参加", "出席", "研究", "审议", "及",
    "的", "、", "，", ",", "。", "；", "：", "\n", " ", "精神", "了", "在", "由", "向", "对", "与",
    "邀请", "希望", "欢迎", "成为", "为", "率", "把", "将", "并", "来到", "走进", "走访", "深入",
)
# 市场, 市民, 区域 ...: a level word that is the start of another word, not of a body's name
_NOT_AFTER_LEVEL = set("场民级直属域外内县区")
_NOT_BEFORE_IMPLICIT = set("全我本各城该两每跨地分副代外内")
_CENTRAL_NOT = re.compile(
    r"企业|财政|空调|广播|电视|媒体|预算|决算|资金|投资|厨房|民族|音乐|美术|戏剧|银行|大街|公园|商场|区域"
)
_MEETING_NAME = re.compile(r"[\u4e00-\u9fff]{0,8}?会议")  # 中央外事工作会议: a meeting, not the CC
_ORGS = re.compile(
    r"(?:师范大学|大学|学院|议会|(?:集团)?(?:股份)?有限(?:责任)?公司|集团(?:公司)?|公司|银行|商会|开发区管委会|开发区管理委员会|高新区管委会)"
    r"(?!生|城|路|街|站|园|区|校区)"
)
_TEAMS = re.compile(r"(?:督导组|巡视组|检查组|工作组|调研组|代表团|考察团)")
_TITLE = re.compile(r"《[^》]{1,80}》")
# what a delegation may be called without naming whose it is (率领的友好代表团): no body
_GENERIC_TEAMS = frozenset(
    {"友好", "经贸", "商务", "访问", "友好访问", "高级别", "企业家", "联合", "考察", "政府"}
)


@dataclass
class BodyHit:
    name: str  # preferred (qualified) form, in the text's script
    text_form: str  # as written
    start: int  # offsets in the view
    end: int
    key: str = ""  # simplified identity for de-duplication


def _team_owner(prefix: str, lex: Lexicon) -> str:
    """日本友好 (代表团) -> 友好: what is left of a delegation's prefix after its country."""
    c = next((c for c in sorted(lex.countries, key=len, reverse=True) if prefix.startswith(c)), "")
    return prefix[len(c):] if c and len(prefix) > len(c) else prefix


def in_titles(s: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TITLE.finditer(s)]


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x <= a and b <= y for x, y in spans)


_LEVEL_WORDS = (("省", "自治区党"), ("省", "自治区"), ("省", "省"), ("市", "市"), ("县", "县"), ("区", "区"))


def qualify_local(form_s: str, written: str, loc: Locality) -> tuple[str, str]:
    """('市委外事工作委员会', as written) -> ('包头市委外事工作委员会' in the text's script, simplified key).
    Leaves the form as written when the locality of that level is unknown."""
    for lv, word in _LEVEL_WORDS:
        if not form_s.startswith(word):
            continue
        place = loc.qualify(lv)
        suffix = "自治区" if word.startswith("自治区") else word
        if not place or not place.endswith(suffix):
            return written, form_s
        cut = len("自治区") if word == "自治区党" else len(word)
        rest_s, rest_w = form_s[cut:], written[cut:]
        # 市法院 stays 某某市法院: a prefecture city's court is an intermediate court, a county-level
        # city's a people's court
        if rest_s.startswith(("政府", "检察院")) \
                or (rest_s.startswith("法院") and lv != "市"):  # 区法院 -> 某某区人民法院
            rest_s, rest_w = "人民" + rest_s, "人民" + rest_w
        if rest_s == "人大":
            rest_s, rest_w = "人大常委会", rest_w + ("常委會" if loc.trad else "常委会")
        out_w = (to_traditional(place) if loc.trad else place) + rest_w
        return out_w, place + rest_s
    return written, form_s


_FOREIGN_ORGAN = re.compile(r"(?:外交部|外交与贸易部|外交和贸易部|政府|议会|国防部|经济部|财政部)(?![门长])")
_HOME = ("中国", "中华人民共和国", "中方", "我国")


def _country_before(s: str, a: int, lex: Lexicon) -> str | None:
    """The foreign country written right before s[a] (longest of countries.txt), else None."""
    for k in range(min(a, 10), 1, -1):
        c = s[a - k:a]
        if c in lex.countries and lex.countries[c][0] not in _HOME and c not in _HOME:
            return c
    return None


def scan_bodies(v: View, loc: Locality, lex: Lexicon) -> list[BodyHit]:
    s = v.s
    titles = in_titles(s)
    hits: list[BodyHit] = []
    taken = [False] * len(s)

    def add(a: int, b: int, name: str, key: str, titled: bool = False) -> None:
        """titled: a local body may be named inside a document's title (《中共某市委外办工作细则》)."""
        if (_inside(a, b, titles) and not titled) or any(taken[a:b]):
            return
        for i in range(a, b):
            taken[i] = True
        hits.append(BodyHit(name=name, text_form=v.text(a, b), start=a, end=b, key=key))

    for m in _CPPCC.finditer(s):
        key = m.group("stem") + m.group("level") + "政协" + ("常委会" if m.group("sc") else "")
        add(m.start(), m.end(), v.text(m.start(), m.end()), key)
    for a, b, name, key in _presidia(v, loc):  # 大会主席团: the presidium of the session
        add(a, b, name, key, titled=b - a > len("大会主席团"))  # named in full even in a document title
    # 中共临河区第十四届委员会
    for m in _CONGRESS.finditer(s):
        add(m.start(), m.end(), v.text(m.start(), m.end()), f"{m.group('stem')}{m.group('level')}委")
    # teams and delegations (国务院安全生产督导组, 青海代表团), found before the lexicon claims their head
    for m in _TEAMS.finditer(s):
        a, b = _extend_left(s, m.start(), m.end(), lex)
        if b - a > len(m.group(0)) + 1 and not s[a:b].startswith(("全国两会",)) \
                and _team_owner(s[a:m.start()], lex) not in _GENERIC_TEAMS:
            add(a, b, v.text(a, b), s[a:b])
    # universities, parliaments, companies: a head noun and the name written before it
    for m in _ORGS.finditer(s):
        if s.startswith(("党", "委"), m.end()):
            continue
        a, b = _extend_left(s, m.start(), m.end(), lex)
        if b - a >= len(m.group(0)) + 2 and not s[a:b].startswith(lex.generic_bodies):  # 有关商会: a kind
            add(a, b, v.text(a, b), s[a:b])
    # national / international lexicon, longest forms first
    # 法国外交部, 新加坡政府: a foreign country's ministry or government (not China's 外交部)
    for m in _FOREIGN_ORGAN.finditer(s):
        c = _country_before(s, m.start(), lex)
        if c:
            a = m.start() - len(c)
            add(a, m.end(), v.text(a, m.end()), s[a:m.end()])
    forms = sorted(((f, g) for g in lex.bodies for f in g), key=lambda x: -len(x[0]))
    for f, g in forms:
        for m in re.finditer(re.escape(f), s):
            if s.startswith("门", m.end()) and f.endswith("部"):
                continue  # 民政部门, 财政部门: a kind of department, not the ministry
            add(m.start(), m.end(), v.text(m.start(), m.end()), g[0])
    # 中央 standing alone (中央统一部署, 中央、省委): the Party Central Committee
    central = next((g for g in lex.bodies if g[0] == "中共中央"), None)
    if central:
        for m in re.finditer("中央", s):
            a, b = m.start(), m.end()
            if any(taken[a:b]) or _inside(a, b, titles) or _CENTRAL_NOT.match(s, b) \
                    or _MEETING_NAME.match(s, b):
                continue
            add(a, b, central[0], "中共中央")
    # associations and foreign missions (org_heads.txt): 县个体劳动者协会, 奥斯特瓦驻华大使馆
    for m in _org_heads(lex).finditer(s):
        if s.startswith(("党", "委", "会", "长"), m.end()):
            continue  # 协会党委, 商会会长: the head is part of a longer name or a title
        a, b = _extend_left(s, m.start(), m.end(), lex)
        form = s[a:b]
        if _FURNITURE.search(s, s.rfind("\n", 0, a) + 1, m.start()):
            continue  # 来源:中国驻某国大使馆: the page's source line, no actor of the release
        owner = re.sub(r"^(?:全[省市县区国]|[省市县区])", "", form)  # 全县各行业协会: still a kind
        if m.start() - a < 2 or form[0] == "全" or owner.startswith(lex.generic_bodies) or any(taken[a:b]):
            continue
        if form[0] in "省市县区" and form[1:2] not in _NOT_AFTER_LEVEL:
            name, key = qualify_local(form, v.text(a, b), loc)
        else:
            name, key = v.text(a, b), form
        add(a, b, name, key)
    # leading groups
    for m in _GROUP.finditer(s):
        head = len("领导小组办公室") if m.group().endswith("办公室") else len("领导小组")
        a, b = _extend_left(s, m.end() - head, m.end(), lex)
        if b - a <= head + 1:
            continue
        written = v.text(a, b)
        form = s[a:b]
        if form.startswith("全省") and loc.qualify("省"):
            name, key = qualify_local("省" + form[2:], written[1:], loc)
        elif form.startswith("全市") and loc.qualify("市"):
            name, key = qualify_local("市" + form[2:], written[1:], loc)
        elif form[0] in "省市县区" and form[1:2] not in _NOT_AFTER_LEVEL:  # 县委某某领导小组, 市某某领导小组
            name, key = qualify_local(form, written, loc)
        else:
            name, key = written, form
        add(a, b, name, key)
    # local bodies, with an explicit place before them or implicit; then government departments
    local = list(_LOCAL.finditer(s)) + list(_departments(lex).finditer(s))
    for m in local:
        a, b = m.start(), m.end()
        if any(taken[a:b]):
            continue
        level, organ = m.group("level"), m.group("organ")
        place = _explicit_place_start(s, a, loc, lex)
        if level == "省市":
            for lv in ("省", "市"):
                written = lv + v.text(a + 2, b)
                name, key = qualify_local(lv + organ, written, loc)
                hits.append(BodyHit(name=name, text_form=v.text(a, b), start=a, end=b, key=key))
            for i in range(a, b):
                taken[i] = True
            continue
        if place is not None:
            outer, inner = place
            if s.startswith("中共", outer - 2):
                outer -= 2
            t0, t1 = m.span("term")
            key = _organ_key(s[inner:t0] + s[t1:b])
            add(outer, b, v.text(outer, b), key, titled=True)
        elif a > 0 and (s[a - 1] in _NOT_BEFORE_IMPLICIT or (s[a - 1] in "省市县区" and m.re is not _LOCAL)):
            continue  # 全市政府..., 城市委..., 各市县财政局: not a body here
        else:
            t0, t1 = m.span("term")
            name, key = qualify_local(s[a:t0] + s[t1:b], v.text(a, t0) + v.text(t1, b), loc)
            add(a, b, name, _organ_key(key))
    # 地委 (a prefecture's party committee), 地委常委会, 地委组织部; 地委委员会会议 is a meeting of 地委
    for m in _PREFECTURE.finditer(s):
        a, b = m.start(), m.end()
        if any(taken[a:b]) or (a and re.match(r"[\u4e00-\u9fff]", s[a - 1])
                               and not s.startswith(_PREFECTURE_AFTER, a - 2)):
            continue
        place = _explicit_place_start(s, a, loc, lex)
        organ = m.group("organ") or ""
        if place is not None:
            written = v.text(place[0], a) + v.text(a, a + 2 + len(organ))
            add(place[0], b, written, s[place[1]:a] + "地委" + organ, titled=True)
        else:
            add(a, b, v.text(a, a + 2 + len(organ)), "地委" + organ)
    # bare 人民政府 after a term number (第十六届人民政府): the release's own government
    for m in re.finditer(r"第[一二三四五六七八九十]+届人民政府", s):
        lv = loc.own_level or "市"
        written = v.text(m.start(), m.end())
        name, key = qualify_local(lv + "人民政府", lv + "人民政府", loc)
        if name != lv + "人民政府":
            add(m.start(), m.end(), name, key)
        else:
            add(m.start(), m.end(), written, s[m.start():m.end()])
    # 全国人大常委会、国务院、...最高人民检察院党组: the 党组 belongs to every body of the list
    hits.sort(key=lambda h: h.start)
    extra: list[BodyHit] = []
    for i, h in enumerate(hits):
        if not s.startswith("党组", h.end) or h.key.endswith("党组"):
            continue
        run = [h]
        j = i
        while j > 0 and hits[j - 1].end + 1 == hits[j].start and s[hits[j - 1].end] == "、":
            run.append(hits[j - 1])
            j -= 1
        for x in run:
            extra.append(BodyHit(name=x.name + v.text(h.end, h.end + 2), text_form=x.text_form + "党组",
                                 start=x.start, end=x.end, key=x.key + "党组"))
    return hits + extra


_DEPTS: dict[int, re.Pattern[str]] = {}
_HEADS: dict[int, re.Pattern[str]] = {}


def _org_heads(lex: Lexicon) -> re.Pattern[str]:
    """协会, 商会, 大使馆 ... (org_heads.txt), longest first."""
    if id(lex) not in _HEADS:
        _HEADS[id(lex)] = re.compile("|".join(re.escape(h) for h in lex.org_heads) or "(?!)")
    return _HEADS[id(lex)]


def _departments(lex: Lexicon) -> re.Pattern[str]:
    """市住建局, 县财政局: a level word and a government department (departments.txt)."""
    if id(lex) not in _DEPTS:
        alt = "|".join(re.escape(d) for d in lex.departments) or "(?!)"
        _DEPTS[id(lex)] = re.compile(rf"(?P<level>省|市|县|区)(?P<term>)(?P<organ>{alt})")
    return _DEPTS[id(lex)]


_ORGAN_KEYS = (
    ("人民代表大会常务委员会", "人大常委会"), ("人民代表大会", "人大"), ("纪律检查委员会", "纪委"),
    ("外事工作委员会办公室", "外办"),
    ("外事办公室", "外办"), ("外事办", "外办"),
)


def _organ_key(key: str) -> str:
    """One identity for the spellings of an organ: 政府 = 人民政府, 人民代表大会常务委员会 = 人大常委会."""
    for long, short in _ORGAN_KEYS:
        if key.endswith(long):
            return key[: -len(long)] + short
    if "人民政府" not in key and "政府" in key:
        key = key.replace("政府", "人民政府", 1)
    return key


def _long(w: str | None) -> bool:
    return w is not None and len(w) > 1


# the last character of a body's head noun: 代表团和某商会 joins two bodies (工业和信息化局 is one);
# so does a transcribed name before 和 (马丁·费舍尔和某代表团)
_HEAD_LAST = frozenset("团会委局厅部院组所署办")


def _extend_left(s: str, head_start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    a = head_start
    while a > 0 and end - a < 30:
        if (s[a - 1] in "和及与" and a >= 2 and (s[a - 2] in _HEAD_LAST or "·" in s[max(0, a - 8):a - 1])) \
                or s[a - 1].isdigit() or any(s.startswith(st, a - len(st)) for st in _GROUP_STOPS) \
                or lex.ending("roles", s, a) \
                or _long(lex.ending("verbs", s, a)) or _long(lex.ending("boundaries", s, a)):
            break
        a -= 1
    return a, end


def _explicit_place_start(s: str, a: int, loc: Locality, lex: Lexicon) -> tuple[int, int] | None:
    """(outer, inner) starts of the place names written right before s[a]: 包头|市委 -> both at 包头;
    中共重庆市璧山|区委 -> outer at 重庆, inner at 璧山.  None when no known place is written there."""
    stems = _stems(loc, lex)
    outer = inner = None
    j = a
    for _ in range(3):
        found = next((j - k for k in (5, 4, 3, 2) if j >= k and s[j - k:j] in stems), None)
        if found is None:
            break
        if inner is None:
            inner = found
        outer = found
        if found > 0 and s[found - 1] in "市省":
            j = found - 1
        else:
            break
    return (outer, inner) if inner is not None else None


def _stems(loc: Locality, lex: Lexicon) -> set[str]:
    stems = {n[:-1] for n in loc.names.values() if n[-1] in "市县区省"}
    stems |= {n[:-3] for n in loc.names.values() if n.endswith("自治区")}
    return {x for x in stems | _gazetteer_stems(lex) if len(x) >= 2}


_GAZ: dict[int, frozenset[str]] = {}


def _gazetteer_stems(lex: Lexicon) -> frozenset[str]:
    if id(lex) not in _GAZ:
        out: set[str] = set()
        for p in lex.provinces:
            out.add(p.short)
            out.update(c.rstrip("市") for c in p.cities)
        _GAZ[id(lex)] = frozenset(out)
    return _GAZ[id(lex)]
