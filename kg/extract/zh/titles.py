"""Officials as the text names them: title chains (市委副书记、市长张某), shared titles over name lists
(副主任张某、王某), generic descriptors (市领导龙某、王某), and 习某某总书记.

Each Mention keeps the view offsets of its title items and names; posts are resolved to bodies in
posts.py, event roles in events.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.names import PUNCT, read_cn_name, read_foreign_name

_PREFIX_STOP_CHARS = set("受由同在的对向以经据是了被把将给从为及与和请")
_CLAUSE = set("，,。；;：:！!？?\n")
_SENTENCE = set("。；;！!？?\n")
_MET = ("会见", "会晤", "会谈", "接见")
_JOINERS = "、兼"  # 市委副书记、市长; 副总理兼外长


@dataclass
class TitleItem:
    r0: int  # role word
    r1: int
    p0: int  # prefix (body or place) before the role; p0 == r0 when none
    descriptor: bool = False  # 市领导: a generic descriptor, no post
    body: tuple[int, int] | None = None  # the body when it is not right before the role (使馆宋某公使)


@dataclass
class Mention:
    names: list[tuple[int, int]]
    items: list[TitleItem] = field(default_factory=list)
    start: int = 0  # start of the title chain (or of the first name)
    end: int = 0  # end of the last name
    kind: str = "title"  # title | descriptor | postfix | staff
    foreign: bool = False


def _role_at(s: str, i: int, lex: Lexicon) -> str | None:
    return lex.starting("roles", s, i)


def _role_ending(s: str, j: int, lex: Lexicon) -> str | None:
    return lex.ending("roles", s, j)


def _descriptor_ending(s: str, j: int, lex: Lexicon) -> str | None:
    d = lex.ending("descriptors", s, j)
    return d if d and len(d) > 2 else None


def is_country(p: str, lex: Lexicon) -> bool:
    return p in lex.countries


def valid_prefix(p: str, lex: Lexicon, places: set[str]) -> bool:
    if not p:
        return True
    if is_country(p, lex) or p in places:
        return True
    if p.startswith(("驻", "中国驻")) and len(p) >= 3:  # 中国驻日本 (大使)
        return True
    if len(p) >= 3 and p[-1] in "省市县区州" and p[-2] not in "全我本各":
        return True
    if p.endswith("自治区"):
        return True
    return any(p.endswith(h) for h in lex.body_heads) and len(p) >= 2


_FORMER = ("时任", "原", "前")
_EXTRA_STOPS = ("欢迎", "举行", "召开", "听取")


def _long(w: str | None) -> bool:
    return w is not None and len(w) > 1


def _prefix_start(s: str, r0: int, lex: Lexicon, places: set[str]) -> int:
    """Start of the body or place written before the role at s[r0] (r0 itself when none)."""
    for form in _body_forms(lex):  # a lexicon body or a country written right before the role wins
        if r0 >= len(form) and s.startswith(form, r0 - len(form)):
            if s[r0 - len(form) - 1:r0 - len(form)] == "驻":
                break  # 中国驻美国 (大使): the mission, read below
            return r0 - len(form)
    j = r0
    limit = max(0, r0 - 30)
    while j > limit:
        c = s[j - 1]
        if c in PUNCT or c in _PREFIX_STOP_CHARS or c.isdigit():
            break
        if _long(lex.ending("verbs", s, j)) or _long(lex.ending("boundaries", s, j)) or any(
                s.startswith(w, j - len(w)) for w in _EXTRA_STOPS):
            break
        j -= 1
    while j < r0 and (w := next((f for f in _FORMER if s.startswith(f, j)), None)):
        j += len(w)  # 原省委书记: the post is still named
    for k in range(j, r0 + 1):
        if valid_prefix(s[k:r0], lex, places):
            return k
    return r0


_FORMS: dict[int, list[str]] = {}


def _body_forms(lex: Lexicon) -> list[str]:
    if id(lex) not in _FORMS:
        forms = {f for g in lex.bodies for f in g if len(f) >= 3} | {c for c in lex.countries if len(c) >= 2}
        _FORMS[id(lex)] = sorted(forms, key=len, reverse=True)
    return _FORMS[id(lex)]


def _name_list(s: str, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    out = []
    while end < len(s) and s[end] == "、":
        e2 = read_cn_name(s, end + 1, lex)
        if e2 is None or _role_at(s, e2, lex):
            break
        out.append((end + 1, e2))
        end = e2
    return out


def find_mentions(s: str, lex: Lexicon, places: set[str]) -> list[Mention]:
    out: list[Mention] = []
    covered_until = 0
    i = 0
    while i < len(s):
        role = _role_at(s, i, lex)
        if not role:
            i += 1
            continue
        r0, r1 = i, i + len(role)
        if s.startswith("会", r1):  # 常委会, 委员会: part of a body's name, not a title
            i = r1
            continue
        p0 = _prefix_start(s, r0, lex, places)
        foreign = p0 < r0 and (lex.roles[role] == "foreign" or is_country(s[p0:r0], lex))
        n1 = read_foreign_name(s, r1, lex) if foreign else None
        if n1 is None:
            n1 = read_cn_name(s, r1, lex)
            foreign = False
        if n1 is None and "·" in s[r1 + 1:r1 + 8]:  # 艾尔肯·吐尼亚孜: a transcribed name after a title
            n1 = read_foreign_name(s, r1, lex)
            if n1 is not None and "·" not in s[r1:n1]:
                n1 = None
            foreign = n1 is not None
        if n1 is None or r0 < covered_until:
            i = r1
            continue
        items = [TitleItem(r0, r1, p0)]
        # walk back over the chain: X书记、Y主任、市领导、...
        j = p0
        while j > 0 and s[j - 1] in _JOINERS:
            prev = _role_ending(s, j - 1, lex)
            if prev:
                q1 = j - 1
                q0 = q1 - len(prev)
                items.insert(0, TitleItem(q0, q1, _prefix_start(s, q0, lex, places)))
                j = items[0].p0
                continue
            d = _descriptor_ending(s, j - 1, lex)
            if d:
                items.insert(0, TitleItem(j - 1 - len(d), j - 1, j - 1 - len(d), descriptor=True))
                j = items[0].p0
                continue
            break
        names = [(r1, n1)] + _name_list(s, n1, lex)
        m = Mention(names=names, items=items, start=j, end=names[-1][1], foreign=foreign)
        out.append(m)
        covered_until = m.end
        i = m.end
    out += _descriptor_mentions(s, lex, {x for m in out for x in m.names})
    out += _postfix_mentions(s, lex)
    out += _chaired_by(s, lex, {x for m in out for x in m.names})
    out += _staff_mentions(s, lex, {x for m in out for x in m.names})
    out.sort(key=lambda m: m.start)
    return out


def _descriptor_mentions(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    out = []
    for d in lex.descriptors:
        if len(d) < 3:
            continue
        start = 0
        while (k := s.find(d, start)) >= 0:
            start = k + len(d)
            e = read_cn_name(s, k + len(d), lex)
            if e is None or (k + len(d), e) in seen:
                continue
            names = [(k + len(d), e)] + _name_list(s, e, lex)
            out.append(Mention(names=names, start=k, end=names[-1][1], kind="descriptor"))
            seen.update(names)
    # 何某、欧某、敖某等区领导参加: a name list at a clause start, closed by 等 + descriptor
    for i in range(len(s)):
        if i and s[i - 1] not in _CLAUSE and s[i - 1] != " ":
            continue
        e = read_cn_name(s, i, lex)
        if e is None:
            continue
        names = [(i, e)] + _name_list(s, e, lex)
        end = names[-1][1]
        if s.startswith("等", end) and any(s.startswith(d, end + 1) for d in lex.descriptors):
            if not any(n in seen for n in names):
                out.append(Mention(names=names, start=i, end=end, kind="descriptor"))
                seen.update(names)
    return out


def _chaired_by(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    """会议由张某主持: a bare name between 由 and 主持."""
    out = []
    start = 0
    while (k := s.find("由", start)) >= 0:
        start = k + 1
        e = read_cn_name(s, k + 1, lex)
        if e is not None and s.startswith("主持", e) and (k + 1, e) not in seen:
            out.append(Mention(names=[(k + 1, e)], start=k + 1, end=e, kind="bare"))
    return out


def _postfix_mentions(s: str, lex: Lexicon) -> list[Mention]:
    """习某某总书记: a three-character name right before 总书记."""
    out = []
    start = 0
    while (k := s.find("总书记", start)) >= 0:
        start = k + 3
        a = k - 3
        if a < 0 or not lex.is_surname_start(s[a:a + 2]):
            continue
        if read_cn_name(s, a, lex) != k:
            continue
        out.append(Mention(names=[(a, k)], items=[TitleItem(k, k + 3, k)], start=a, end=k, kind="postfix"))
    return out


_MISSION = ("总领事馆", "大使馆", "领事馆", "使馆")


def _staff_at(s: str, i: int, lex: Lexicon) -> tuple[int, int, int] | None:
    """(name end, role start, role end) of 'NAME [modifier] ROLE' at s[i] (宋某经济商务公使), else None.
    A role right after the name wins; otherwise the three-character name."""
    k = lex.is_surname_start(s[i:i + 2])
    if not k:
        return None
    found = []
    for n in (1, 2):
        ne = i + k + n
        for r0 in range(ne, min(ne + 7, len(s))):
            if not ("\u4e00" <= s[r0] <= "\u9fff"):
                break
            role = _role_at(s, r0, lex)
            if role and (r0 + len(role) >= len(s) or s[r0 + len(role)] in "、，,。" or
                         lex.starting("verbs", s, r0 + len(role))):
                found.append((r0 - ne, -n, (ne, r0, r0 + len(role))))
                break
    return min(found)[2] if found else None


def _staff_mentions(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    """使馆宋某经济商务公使、张某公参陪同会见: names before their titles, after a mission's name."""
    out = []
    for mission in _MISSION:
        start = 0
        while (k := s.find(mission, start)) >= 0:
            start = k + len(mission)
            i = start
            while True:
                hit = _staff_at(s, i, lex)
                if hit is None or (i, hit[0]) in seen:
                    break
                ne, r0, r1 = hit
                item = TitleItem(ne, r1, ne, body=(k, k + len(mission)))  # role with its modifier
                out.append(Mention(names=[(i, ne)], items=[item], start=i, end=r1, kind="staff"))
                seen.add((i, ne))
                if r1 < len(s) and s[r1] == "、":
                    i = r1 + 1
                    continue
                break
    return out


def event_role(s: str, m: Mention, lex: Lexicon) -> str | None:
    """'presided' | 'attended' | None for the persons of a mention, from the words around it."""
    if m.kind == "postfix":
        return None
    j = m.end
    while j < len(s) and s[j] not in _SENTENCE:
        w = lex.starting("verbs", s, j)
        if w:
            kind = lex.verbs[w]
            if kind == "presided":
                return "presided"
            if kind in ("attended", "met"):
                return "attended"
            return None
        j += 1
    # object of a meeting: 黄某会见厄瓜多尔驻华大使拉某
    k = m.start
    while k > 0 and s[k - 1] not in _CLAUSE:
        k -= 1
    if any(w in s[k:m.start] for w in _MET):
        return "attended"
    # 出席会议的还有市领导张某、王某
    if re.search(r"(?:出席|参加|列席)[^，,。；]{0,8}的(?:还)?有$", s[k:m.start]):
        return "attended"
    return None
