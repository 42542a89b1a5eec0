"""Officials as the text names them: title chains (市委副书记、市长张某), shared titles over name lists
(副主任张某、王某), generic descriptors (市领导龙某、王某), and 习某某总书记.

Each Mention keeps the view offsets of its title items and names; posts are resolved to bodies in
posts.py, event roles in events.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.trace import because, from_line
from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.names import PUNCT, ok_chars, read_cn_name, read_foreign_name, read_list_name

_PREFIX_STOP_CHARS = set("受由同在的对向以经据是了被把将给从为及与和请")
_CLAUSE = set("，,。；;：:！!？?\n")
_SENTENCE = set("。；;！!？?\n")
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
    kind: str = "title"  # title | descriptor | postfix | staff | bare | companion
    foreign: bool = False
    host: tuple[int, int] | None = None  # companion: the person named before (甲和夫人乙 -> 甲)


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
    k = p.find("驻")
    if k >= 2 and len(p) - k >= 3 and is_country(p[:k], lex):  # 新加坡驻青禾 (总领事)
        return True
    if len(p) >= 3 and p[-1] in "省市县区州" and p[-2] not in "全我本各":
        return True
    if p.endswith("自治区"):
        return True
    return any(p.endswith(h) for h in lex.body_heads) and len(p) >= 2


# words that open with a stop character but are part of a body's name (禾阳经济技术开发区, 对外友协)
_STOP_CHAR_WORDS = ("经济", "对外")
_FORMER = ("时任", "原", "前")
_DASHES = "—－-"
_HOME_NAMES = ("中国", "中华")
_HEADS_WITH_WORDS = ("代表团", "考察团", "访问团")
_EXTRA_STOPS = ("欢迎", "举行", "召开", "听取", "还有")


def _long(w: str | None) -> bool:
    return w is not None and len(w) > 1


def _prefix_start(s: str, r0: int, lex: Lexicon, places: set[str]) -> int:
    """Start of the body or place written before the role at s[r0] (r0 itself when none)."""
    r = r0
    while r >= 2 and s.startswith("时任", r - 2):  # 新加坡时任总理: the country still names the post
        r -= 2  # (a loop, not recursion: "时任" repeated a thousand times is no stack overflow)
    if r < r0:
        p = _prefix_start(s, r, lex, places)
        return p if p < r else r0
    for form in _body_forms(lex).get(s[r0 - 1:r0], ()):  # a lexicon body or country wins
        if r0 >= len(form) and s.startswith(form, r0 - len(form)):
            if s[r0 - len(form) - 1:r0 - len(form)] == "驻":
                break  # 中国驻美国 (大使): the mission, read below
            return r0 - len(form)
    # a head noun right before the role is part of the body, even when it holds a word (代表团团长)
    j = r0 - len(next((h for h in _HEADS_WITH_WORDS if s.startswith(h, r0 - len(h))), ""))
    limit = max(0, r0 - 30)
    while j > limit:
        c = s[j - 1]
        if c in _DASHES and j >= 2 and "\u4e00" <= s[j - 2] <= "\u9fff" \
                and (s.startswith(_HOME_NAMES, j) or s.endswith(_HOME_NAMES, 0, j - 1)):
            j -= 1  # 奥斯特瓦—中国友好协会, 中国—东盟商会: two countries joined by a dash in one name
            continue
        if c in PUNCT or c.isdigit():
            break
        if c in _PREFIX_STOP_CHARS and not s.startswith(_STOP_CHAR_WORDS, j - 1):
            break
        if _long(lex.ending("verbs", s, j)) or _long(lex.ending("boundaries", s, j)) or any(
                s.startswith(w, j - len(w)) for w in _EXTRA_STOPS):
            break
        j -= 1
    while j < r0 and (w := next((f for f in _FORMER if s.startswith(f, j)), None)):
        j += len(w)  # 原省委书记: the post is still named
    j = _joined_name_start(s, j, r0, lex, places)
    for k in range(j, r0 + 1):
        if valid_prefix(s[k:r0], lex, places):
            return k
    return r0


def _foreign_start(p: str, lex: Lexicon) -> bool:
    """日本东京都议会代表团 (团长): a prefix that opens with a foreign country."""
    return any(p.startswith(c) for c in lex.countries if len(c) >= 2 and lex.countries[c][0] != "中国")


def _foreign_place_start(s: str, r0: int, lex: Lexicon) -> int:
    """日本大阪府 (知事): a foreign title's prefix that opens with a country; r0 when none."""
    for k in range(max(0, r0 - 12), r0 - 2):
        seg = s[k:r0]
        if any(c in PUNCT or c in _PREFIX_STOP_CHARS or not ("\u4e00" <= c <= "\u9fff") for c in seg):
            continue
        if any(seg.startswith(c) for c in lex.countries if len(c) >= 2) and not is_country(seg, lex):
            return k
    return r0


def _joined_name_start(s: str, j: int, r0: int, lex: Lexicon, places: set[str]) -> int:
    """A body whose name holds 与 / 和 (新加坡贸易与工业部, 市住房和城乡建设局): the prefix walk stopped
    at the joiner; go on to the start of the name when the part before it opens like a body (a
    country, a place, a level word) and is not itself a body, and the part after it ends a body."""
    if j < 2 or s[j - 1] not in "与和" or j >= r0:
        return j
    right = s[j:r0]
    if not any(right.endswith(h) for h in lex.body_heads) or right[0] in "省市县区中" \
            or any(right.startswith(x) for x in places if len(x) >= 2) or is_country(right[:2], lex):
        return j
    k = j - 1
    while k > 0 and j - 1 - k < 8 and s[k - 1] not in PUNCT and s[k - 1] not in _PREFIX_STOP_CHARS \
            and not s[k - 1].isdigit() and not _long(lex.ending("verbs", s, k)) \
            and not _long(lex.ending("boundaries", s, k)):
        k -= 1
    left = s[k:j - 1]
    if len(left) < 2 or "人" in left or "的" in left or any(left.endswith(h) for h in lex.body_heads):
        return j
    if any(_role_at(left, i, lex) for i in range(len(left))):
        return j  # 市长甲与某集团 (总裁乙): two persons, not one body
    opens = left[0] in "省市县区" or any(left.startswith(c) for c in lex.countries if len(c) >= 2) \
        or any(left.startswith(x) for x in places if len(x) >= 2)
    return k if opens and len(left) > 1 else j


_FORMS: dict[int, dict[str, list[str]]] = {}


def _body_forms(lex: Lexicon) -> dict[str, list[str]]:
    """Lexicon bodies and countries by their last character, longest first."""
    if id(lex) not in _FORMS:
        forms = {f for g in lex.bodies for f in g if len(f) >= 3} | {c for c in lex.countries if len(c) >= 2}
        by_last: dict[str, list[str]] = {}
        for f in sorted(forms, key=lambda f: (-len(f), f)):
            by_last.setdefault(f[-1], []).append(f)
        _FORMS[id(lex)] = by_last
    return _FORMS[id(lex)]


def _name_list(s: str, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    out = []
    while end < len(s) and s[end] == "、":
        e2 = read_cn_name(s, end + 1, lex)
        if e2 is None or "·" in s[e2:e2 + 6]:  # 阿依古丽·买买提: a transcribed name in the list
            f = read_foreign_name(s, end + 1, lex)
            if f is not None and any(lex.starting("roles", s, k) for k in range(end + 1, f)):
                f = None  # 法国驻华大使马克·杜邦: a title and a name, read as a mention of its own
            e2 = f if f is not None and "·" in s[end + 1:f] else e2
        if e2 is None:  # 洛桑江村, 仰某: a list of persons names them even without a known surname
            e2 = read_list_name(s, end + 1, lex)
        if e2 is None or _role_at(s, e2, lex):
            break
        out.append((end + 1, e2))
        end = e2
    # 副市长甲、乙和丙: the last name of the list after 和 / 及 / 以及
    j = next((w for w in _LAST_JOINERS if s.startswith(w, end)), None)
    if j is not None:
        e2 = read_cn_name(s, end + len(j), lex)
        if e2 is not None and not _role_at(s, e2, lex) and _closes_list(s, e2, lex):
            out.append((end + len(j), e2))
    return out


_LAST_JOINERS = ("以及", "和", "及")


_WEAK_JOINERS = ("和", "及", "与")
_ROLE_RELATIONS = ("presided", "attended", "met_with")
_PRESENCE = ("presided", "attended")


def _role_cue_at(s: str, e: int, lex: Lexicon, relations: tuple[str, ...] = _ROLE_RELATIONS) -> bool:
    """A relation cue that gives a role (presided, attended, met_with) starts at s[e]."""
    w = lex.starting("verbs", s, e)
    return w is not None and lex.verbs.get(w) in relations


def _attendance_follows(s: str, e: int, lex: Lexicon) -> bool:
    """After a name without a known surname: a role cue right after it, or a comma and, later in the
    same sentence, a role cue (专员甲，副书记乙出席会议: the list of participants).  Not a meeting cue:
    总统海湖庄园会晤 names the place of the meeting there."""
    if _role_cue_at(s, e, lex, _PRESENCE):
        return True
    if s[e:e + 1] not in ("，", ","):
        return False
    j = e + 1
    while j < len(s) and j - e <= 120 and s[j] not in _SENTENCE:
        if _role_cue_at(s, j, lex, _PRESENCE):
            return True
        j += 1
    return False


def _closes_list(s: str, e: int, lex: Lexicon) -> bool:
    """After the last name of a list: punctuation, 等, or a verb (出席, 参加 ...)."""
    return e >= len(s) or s[e] in PUNCT or s.startswith("等", e) or lex.starting("verbs", s, e) is not None


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
        if s.startswith(("会", "馆", "台"), r1):  # 常委会, 大使馆, 主席台: part of a name, not a title
            i = r1
            continue
        p0 = _prefix_start(s, r0, lex, places)
        if p0 == r0 and lex.roles[role] == "foreign":
            p0 = _foreign_place_start(s, r0, lex)
        foreign = p0 < r0 and (lex.roles[role] == "foreign" or is_country(s[p0:r0], lex)
                               or _foreign_start(s[p0:r0], lex))
        n1 = read_foreign_name(s, r1, lex) if foreign else None
        if n1 is None:
            n1 = read_cn_name(s, r1, lex)
            foreign = False
        if n1 is None and "·" in s[r1 + 1:r1 + 8]:  # 艾尔肯·吐尼亚孜: a transcribed name after a title
            n1 = read_foreign_name(s, r1, lex)
            if n1 is not None and "·" not in s[r1:n1]:
                n1 = None
            foreign = n1 is not None
        if n1 is not None and not foreign and n1 - r1 == 3 and s[n1:n1 + 1] in _WEAK_JOINERS \
                and _role_cue_at(s, n1 + 1, lex) and ok_chars(s[r1:n1 + 1]):
            n1 += 1  # 主席巴图孟和主持: a four-character name ending in 和, not 巴图孟 + 和
        if n1 is None and not foreign:  # 副主任巴特尔、扎西次仁出席: a list of names, no known surname
            e = read_list_name(s, r1, lex)
            if e is not None and s.startswith("、", e) and read_list_name(s, e + 1, lex) is not None:
                n1 = e  # only where the list goes on: alone, 市长助理某某出席 would read as a name
            elif e is not None and (e - r1 >= 3 or "·" in s[r1:e]) and _attendance_follows(s, e, lex):
                n1 = e  # 书记扎西平措主持 / 专员次仁央宗，副书记乙出席: a role cue closes the name
        ns = r1
        if n1 is None and s[r1:r1 + 1] in (" ", "\u3000") and not foreign:  # 市委书记 张某: a space between
            n1 = read_cn_name(s, r1 + 1, lex)
            ns = r1 + 1
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
        names = [(ns, n1)] + _name_list(s, n1, lex)
        m = Mention(names=names, items=items, start=j, end=names[-1][1], foreign=foreign)
        out.append(m)
        covered_until = m.end
        i = m.end
    out += _descriptor_mentions(s, lex, {x for m in out for x in m.names})
    out += _postfix_mentions(s, lex, set(), posts=True)
    out += _name_then_role(s, lex, {x for m in out for x in m.names})
    out += _bare_names(s, lex, out)
    out += _chaired_by(s, lex, {x for m in out for x in m.names})
    out += _cued_lists(s, lex, out)
    out += _appointed_lists(s, lex, out)
    out += _companions(s, lex, {x for m in out for x in m.names})
    out += _delegation_heads(s, lex, {x for m in out for x in m.names})
    out += _postfix_mentions(s, lex, {x for m in out for x in m.names}, posts=False)
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


_CUE_RX: dict[int, re.Pattern[str]] = {}


def cue_regex(lex: Lexicon) -> re.Pattern[str]:
    """VERB [OBJECT] TAIL of list_cues.txt: 出席会议的还有, 在主席台就座的有; group 'verb' is the verb.
    A short aside (（按姓氏笔画为序）), the colon and a line break may follow before the list."""
    if id(lex) not in _CUE_RX:
        def alt(ws: list[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True)) or "(?!)"
        c = lex.list_cues
        verbs = alt(c.get("attended", []) + c.get("presided", []))
        # ... 的有 / 的还有, or 的 + a generic descriptor + (还)有: 在主席台就座的党和国家领导人有
        tails = rf"(?:{alt(c.get('tails', []))}|的(?:{alt(lex.descriptors + c.get('descriptors', []))})还?有)"
        _CUE_RX[id(lex)] = re.compile(
            rf"(?P<verb>{verbs})(?:{alt(c.get('objects', []))})?{tails}"
            r"(?:[（(][^（()）\n]{1,16}[）)])?[：:]?[ \u3000]*\n?[ \u3000]*")  # （按姓氏笔画为序）：\n
    return _CUE_RX[id(lex)]


def _cued_lists(s: str, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """出席会议的还有甲、乙、扎西次仁: a bare list of names after a cue of list_cues.txt.  The first name
    needs a known surname or the form of a list name; the list then runs over 、 and 和."""
    out = []
    taken = {i for m in found for i in range(m.start, m.end)}
    for m in cue_regex(lex).finditer(s):
        i = m.end()
        if i in taken:
            continue
        e = read_cn_name(s, i, lex)
        if e is None or _role_at(s, e, lex):
            e = read_list_name(s, i, lex)
        if e is None or _role_at(s, e, lex) or any(k in taken for k in range(i, e)):
            continue
        names = [(i, e)] + _name_list(s, e, lex)
        if len(names) == 1 and not _closes_list(s, e, lex):
            continue
        names = [n for n in names if not any(k in taken for k in range(*n))]
        out.append(Mention(names=names, start=i, end=names[-1][1], kind="bare"))
        taken.update(range(i, names[-1][1]))
    return out


def _appointed_lists(s: str, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """推选甲、乙、丙为主席团常务主席: the bare names between an appointment verb and the 为 that gives
    them their post (appointment_cues.txt); the post itself is read after them (appointments.py)."""
    out = []
    taken = {i for m in found for i in range(m.start, m.end)}
    after = lex.appointment_cues.get("after", [])
    for verb in lex.appointment_cues.get("verbs", []):
        k = s.find(verb)
        while k >= 0:
            i = k + len(verb)
            k = s.find(verb, i)
            if i in taken:
                continue
            e = read_cn_name(s, i, lex)
            if e is None or _role_at(s, e, lex):
                e = read_list_name(s, i, lex)
            if e is None or _role_at(s, e, lex) or any(j in taken for j in range(i, e)):
                continue
            names = [(i, e)] + _name_list(s, e, lex)
            end = names[-1][1]
            if not any(s.startswith(c, end) for c in after) or any(j in taken for j in range(i, end)):
                continue
            out.append(Mention(names=names, start=i, end=end, kind="appointed"))
            taken.update(range(i, end))
    return out


_TEAM_HEADS = ("代表团", "访问团", "考察团", "友好团", "经贸团", "商务团", "工作组")


def _delegation_heads(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    """以甲为团长的某国某代表团: the head of a delegation named with the delegation after 的; the post
    is in that delegation."""
    out = []
    start = 0
    while (k := s.find("以", start)) >= 0:
        start = k + 1
        e = read_cn_name(s, k + 1, lex)
        if (e is None or not s.startswith("为", e)) and "·" in s[k + 1:k + 10]:
            e = read_foreign_name(s, k + 1, lex)
        if e is None or not s.startswith("为", e) or (k + 1, e) in seen:
            continue
        role = _role_at(s, e + 1, lex)
        if not role or not s.startswith("的", e + 1 + len(role)):
            continue
        b0 = e + 2 + len(role)
        team = None
        for j in range(b0, min(len(s), b0 + 24)):
            if s[j] in PUNCT:
                break
            if (h := next((t for t in _TEAM_HEADS if s.startswith(t, j)), None)) is not None:
                team = j + len(h)
        if team is None or team - b0 < 3:
            continue
        item = TitleItem(e + 1, e + 1 + len(role), e + 1, body=(b0, team))
        out.append(Mention(names=[(k + 1, e)], items=[item], start=k + 1, end=e, kind="title"))
    return out


def _companions(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    """甲和夫人乙 / 甲偕夫人乙: the companion of a person already named (companion_words.txt)."""
    out = []
    known = sorted({s[a:b] for a, b in seen}, key=len, reverse=True)  # persons the release names
    for word in lex.companion_words:
        start = 0
        while (k := s.find(word, start)) >= 0:
            start = k + len(word)
            if k < 2 or s[k - 1] not in "和偕及与":
                continue
            host = next((n for n in known if s.startswith(n, k - 1 - len(n))), None)
            if host is None:
                continue
            i = k + len(word)
            e = read_cn_name(s, i, lex)
            if e is None and "·" in s[i:i + 8]:
                e = read_foreign_name(s, i, lex)
            if e is None and _clean_name(s, i, i + 3, lex):  # 夫人某某乘车抵达: the cue says a name follows
                e = i + 3
            if e is None or (i, e) in seen:
                continue
            out.append(Mention(names=[(i, e)], start=i, end=e, kind="companion",
                               host=(k - 1 - len(host), k - 1)))
    return out


def _chaired_by(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    """会议由张某主持: a bare name between 由 and 主持; 同张某共同主持: a co-chair (a presided verb
    other than a bare 主持 after 同 / 与 / 和)."""
    out = []
    for k, c in enumerate(s):
        if c not in "由同与和":
            continue
        e = read_cn_name(s, k + 1, lex)
        if e is None and "·" in s[k + 1:k + 8]:
            e = read_foreign_name(s, k + 1, lex)
        if e is None or (k + 1, e) in seen:
            continue
        w = lex.starting("verbs", s, e)
        if w and ((c == "由" and lex.passive.get(w) == "presided")
                  or (c != "由" and lex.verbs.get(w) == "presided" and not w.startswith("主持"))):
            out.append(Mention(names=[(k + 1, e)], start=k + 1, end=e, kind="bare"))
    return out


def _postfix_mentions(s: str, lex: Lexicon, seen: set[tuple[int, int]], posts: bool) -> list[Mention]:
    """习某某总书记, 李某某总理: a three-character name right before a title that the genre writes after
    the name (postfix_roles.txt).  The title gives a post only where it names its body unambiguously
    (总书记 -> 中共中央); otherwise the name is read as a person without a post."""
    out = []
    taken = {i for a, b in seen for i in range(a, b)}
    for role, gives_post in lex.postfix_roles.items():
        if gives_post != posts:
            continue
        start = 0
        while (k := s.find(role, start)) >= 0:
            start = k + len(role)
            a = k - 3
            if a < 0 or not lex.is_surname_start(s[a:a + 2]) or _role_at(s, k, lex) != role:
                continue
            if not _clean_name(s, a, k, lex) or is_country(s[a:k], lex) \
                    or (a > 0 and lex.is_surname_start(s[a - 1:a + 1]) == 2):  # 欧阳某某: not 阳某某
                continue
            if _role_ending(s, k + len(role), lex) != role or any(
                    len(r) > j - a for j in range(a + 1, k + 1) if (r := _role_ending(s, j, lex))):
                continue  # 副主席 / 国家主席美国总统: the three characters hold or end another title
            if any(s.startswith(c, a + 1) for c in lex.countries if len(c) >= 2) or a in taken:
                continue
            items = [TitleItem(k, k + len(role), k)] if gives_post else []
            out.append(Mention(names=[(a, k)], items=items, start=a, end=k, kind="postfix"))
    return out


# roles that may follow a name at a clause start (赵某委员长主持, 王某书记出席)
_AFTER_NAME = ("委员长", "副委员长", "总理", "副总理", "书记", "副书记", "省长", "市长", "县长", "区长",
               "主席", "主任", "部长", "局长")


_AFTER_ROLE = ("在", "作", "作了", "代表", "对", "向", "就", "为")


def _name_then_role(s: str, lex: Lexicon, seen: set[tuple[int, int]]) -> list[Mention]:
    """NAME + ROLE at a clause start, the role followed by what the person did (委员长主持, 书记出席)
    or by a clause end: the name precedes its title.  Only clean names (no function characters)."""
    out = []
    taken = {i for a, b in seen for i in range(a, b)}
    for role in _AFTER_NAME:
        start = 0
        while (k := s.find(role, start)) >= 0:
            start = k + len(role)
            if _role_at(s, k, lex) != role:
                continue  # 书记处, 副书记 read as 书记 ...
            after = k + len(role)
            if not (after >= len(s) or s[after] in _CLAUSE or lex.starting("verbs", s, after)
                    or lex.starting("boundaries", s, after) in _AFTER_ROLE):
                continue
            for a in (k - 2, k - 3, k - 4):
                if a < 0 or not (a == 0 or s[a - 1] in _CLAUSE or s[a - 1] in " \u3000"):
                    continue
                if (a, k) in seen or any(i in taken for i in range(a, k)) or not _clean_name(s, a, k, lex):
                    continue
                out.append(Mention(names=[(a, k)], items=[TitleItem(k, after, k)], start=a, end=after,
                                   kind="name_role"))
                seen.add((a, k))
                break
    return out


# what may stand between a bare name and its verb: 王某某5月8日在北京会见...
_BARE_GAP = re.compile(  # 甲、乙等出席: 等 (人 / 同志) may close the list before the cue
    r"(?:等(?:人|同志|领导同志)?)?(?:\d{1,2}月\d{1,2}日|\d{1,2}日|上午|下午|晚上|晚|在[^，,。；;：:、\n]{1,12}?(?=会见|会晤|主持|出席|参加))*"
    # 甲同某国总统乙举行会谈 / 甲与乙通电话: the other side stands between the name and the cue
    r"(?:(?:同|与)[^，,。；;：:、\n]{2,24}?(?=举行会谈|举行会晤|会谈|会晤|通电话))?"
)


def _bare_names(s: str, lex: Lexicon, found: list[Mention]) -> list[Mention]:
    """张某某主持 / 甲、乙和丙出席 at a clause start, without a title: names read only when what
    follows says they presided or attended.  A single name must be three characters (or start
    with a compound surname), a list needs clean names throughout."""
    out = []
    taken = {i for m in found for i in range(m.start, m.end)}
    known = {s[a:b] for m in found if m.items for a, b in m.names}
    for i in range(len(s)):
        if i in taken or (i and s[i - 1] not in _CLAUSE and s[i - 1] not in " \u3000"):
            continue
        e = read_cn_name(s, i, lex)
        if e is None or not (_clean_name(s, i, e, lex) or s[i:e] in known):
            continue
        names = [(i, e)] + _name_list(s, e, lex)
        end = names[-1][1]
        gap = _BARE_GAP.match(s, end)
        w = lex.starting("verbs", s, gap.end() if gap else end)
        elected = s.startswith("当选", end)  # 甲当选为市政协主席: the post follows (appointments.py)
        if not elected and (not w or lex.verbs.get(w) not in ("presided", "attended", "met_with")):
            continue
        if len(names) == 1 and e - i < 3 and s[i:e] not in known:
            continue  # 王某出席: a two-character name alone only when the release titled it before
        # a list of three or more may hold names read by their place in the list (扎西次仁)
        if any(not _clean_name(s, a, b, lex) and s[a:b] not in known and len(names) < 3 for a, b in names) \
                or any(k in taken for k in range(i, end)):
            continue
        out.append(Mention(names=names, start=i, end=end, kind="bare"))
        taken.update(range(i, end))
    return out


def _clean_name(s: str, a: int, k: int, lex: Lexicon) -> bool:
    n = lex.is_surname_start(s[a:a + 2])
    if not n or not 1 <= k - a - n <= 2:
        return False
    name = s[a:k]
    if not ok_chars(name):
        return False
    if any(lex.starting("boundaries", s, i) or lex.starting("verbs", s, i) for i in range(a + n, k)):
        return False
    return not any(name.startswith(w) for w in lex.not_names) and name not in lex.place_names


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


def event_role(s: str, m: Mention, lex: Lexicon) -> tuple[str, str] | None:
    """The event role of the persons of a mention, from the words around it, with its provenance:
    ('presided' | 'attended', why), or (RELATION, why) for a relation cue of another relation
    (inspected, signed_with: relation_cues.tsv), or None."""
    if m.kind == "postfix":
        return None
    k = m.start
    while k > 0 and s[k - 1] not in _CLAUSE:
        k -= 1
    # 黄某会见厄瓜多尔驻华大使拉某: the object of a met_with cue
    met = next((w for w in lex.met_cues if w in s[k:m.start]), None)
    j = m.end
    crossed = False  # a clause ended between the names and the verb
    other: tuple[str, str] | None = None
    while j < len(s) and (s[j] not in _SENTENCE or (j - m.end < 160 and soft_break(s, j, lex))):
        crossed = crossed or s[j] in "，,"
        w = lex.starting("verbs", s, j)
        if w and w in lex.verbs:
            if met and crossed:
                return "attended", _cue_why(lex, met, "object of")  # 分别会见甲、乙，并同乙共同主持...
            kind = lex.verbs[w]
            if kind == "presided":
                return "presided", _cue_why(lex, w)
            if kind in ("attended", "met_with"):
                return "attended", _cue_why(lex, w)
            if kind != "other":
                other = (kind, _cue_why(lex, w))
            break  # 陈某调研 / 某某一行，双方签署: not a participant, unless the object of a meeting
        j += 1
    if met:
        return "attended", _cue_why(lex, met, "object of")
    return cued_role(s, m.start, lex) or other


def soft_break(s: str, j: int, lex: Lexicon) -> bool:
    """A line break at s[j] inside one sentence: the line ends with a list separator (副市长甲、乙，) or
    the next line starts with an attendance verb (市政府秘书长丙 / 出席会议。): a list split over lines."""
    if s[j] != "\n":
        return False
    k = j
    while k > 0 and s[k - 1] in " \u3000\t\r":
        k -= 1
    if k > 0 and s[k - 1] in "，,、":
        return True
    n = j + 1
    while n < len(s) and s[n] in " \u3000\t\r":
        n += 1
    return _role_cue_at(s, n, lex, _PRESENCE)


def cued_role(s: str, start: int, lex: Lexicon) -> tuple[str, str] | None:
    """出席会议的还有市领导张某、王某 / 在主席台就座的有: the role given by a cue of list_cues.txt that
    ends right at s[start], with its provenance, else None."""
    cue = None
    for c in cue_regex(lex).finditer(s, max(0, start - 24), start):
        cue = c
    if cue is None or cue.end() != start:
        return None
    verb = cue.group("verb")
    why = _list_cue_why(lex, verb)
    return ("presided" if verb in lex.list_cues.get("presided", []) else "attended"), why


def continues_list(s: str, end: int, start: int) -> bool:
    """Between two mentions s[end:start] is only a list separator (，、；, a line break): 参加会议的有：
    市委常委、秘书长甲，副市长乙；\n市政协副主席丙 is one list, so the cue's role carries over."""
    gap = s[end:start]
    if not gap or len(gap) > 4 or any(c in gap for c in "。！!？?"):
        return False
    core = gap.strip()
    return core == "" and "\n" in gap or core in ("，", ",", "、", "；", ";")


def _cue_why(lex: Lexicon, cue: str, how: str = "") -> str:
    """Provenance of a role decided by a relation cue: its data line of relation_cues.tsv."""
    line = lex.cue_lines.get((cue, "active"))
    if line is None:
        return because("zh.events", f"{how} cue {cue}".strip())
    entry = from_line("zh.events", line)
    return entry.replace(": ", f": {how} ", 1) if how else entry


def _list_cue_why(lex: Lexicon, verb: str) -> str:
    """Provenance of a role given by the cue that opens a bare name list (list_cues.txt)."""
    line = lex.rows.get("list_cues.txt", {}).get(verb)
    return from_line("zh.events", line) if line else because("zh.events", f"list cue {verb}")
