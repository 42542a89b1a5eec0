"""Glue: run the stages over one release and fill the Extraction (see kg/model.py)."""

from __future__ import annotations

import re

from kg.extract.trace import add, because, from_line
from kg.extract.zh.appointments import appointed_title, appointment_verb_before
from kg.extract.zh.bodies import find_session, scan_bodies
from kg.extract.zh.dates import event_date
from kg.extract.zh.events import ORGAN_MEETINGS, find_meeting
from kg.extract.zh.headline import headline_roles
from kg.extract.zh.initiatives import find_initiatives
from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.locality import Locality, infer_locality
from kg.extract.zh.posts import ResolvedPost, resolve
from kg.extract.zh.script import View, make_view, to_simplified, to_traditional
from kg.extract.zh.titles import continues_list, cued_role, event_role, find_mentions
from kg.model import Body, Event, Extraction, Initiative, Person, Release, Span


def _places(loc_names: dict[str, str], lex: Lexicon) -> set[str]:
    out: set[str] = set()
    for p in lex.provinces:
        out.add(p.short)
        out.add(p.full)
        for c in p.cities:
            out.add(c.rstrip("市"))
            out.add(c.rstrip("市") + "市")
    for n in loc_names.values():
        out.add(n)
        out.add(n[:-1])
    return out


class _Bodies:
    """The release's bodies, one per identity, in the order first met."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.alias = {f: g[0] for g in lex.bodies for f in g}
        self.items: dict[str, Body] = {}
        self.seen: set[tuple[str, Span]] = set()  # (key, span) pairs already listed: no rescan of spans

    def key(self, key: str) -> str:
        return body_key(self.alias.get(key, key))

    def add(self, key: str, name: str, text_form: str | None, span: Span | None,
            component: str = "zh.bodies") -> None:
        key = self.key(key)
        if key not in self.items:
            self.items[key] = Body(name=name, text_form=text_form if text_form != name else None,
                                   why=[_body_why(self.lex, key, component)])
        if span and (key, span) not in self.seen:
            self.seen.add((key, span))
            self.items[key].spans.append(span)


def _persons(v: View, loc: Locality, lex: Lexicon, bodies: _Bodies
             ) -> tuple[dict[str, Person], dict[str, tuple[str, Span, str]], dict[str, tuple[int, int]]]:
    """Persons with their posts (keyed by simplified name), each one's role at the event (role or
    other relation, span, provenance), and the hosts of a welcome ceremony (name -> view offsets of
    the ceremony's words)."""
    s = v.s
    persons: dict[str, Person] = {}
    hosts: dict[str, tuple[int, int]] = {}
    post_keys: dict[str, set[tuple[str, str]]] = {}
    span_seen: set[tuple[str, Span]] = set()
    roles: dict[str, tuple[str, Span, str]] = {}
    # end of the previous mention, its last post, all its posts
    last: tuple[int, ResolvedPost, list[ResolvedPost]] | None = None
    places = _places(loc.names, lex)
    run_names: list[tuple[int, int]] = []  # names of the mentions joined by commas up to this one
    run_end = -1
    cue_run: tuple[int, tuple[str, str]] | None = None  # end and role of a list opened by a cue
    for m in find_mentions(s, lex, places):
        run_names = (run_names if s[run_end:m.start] in ("，", ",", "、") else []) + m.names
        run_end = m.end
        resolved: list[ResolvedPost] = []
        prev: ResolvedPost | None = None
        listed = bool(last and s[last[0]:m.start] in ("、", "和", "及", "以及"))
        if last and s[last[0]:m.start] in ("，", ",", "、", "和", "及", "以及"):
            prev = last[1]  # 副主任甲、乙，秘书长丙 / 甲和秘书长丙: the body carries over
        elif last and m.items and m.items[0].p0 == m.items[0].r0 \
                and not any(c in "。；;！？\n" for c in s[last[0]:m.start]):
            base = _base(s[m.items[0].r0:m.items[0].r1])
            # 主任甲主持会议，副主任乙、丙出席: the deputies of the same body (any title of the chain)
            prev = next((rp for rp in reversed(last[2]) if _base(to_simplified(rp.post.role)) == base), None)
        for it in m.items:
            if it.descriptor:
                continue
            rp = resolve(v, it, prev, loc, lex, listed=listed and it is m.items[0])
            if rp is None:
                continue
            _post_why(rp, lex)
            if it.body is not None:
                rp = _full_mission(rp, bodies.items)
            resolved.append(rp)
            prev = rp
            if rp.explicit and rp.body_span:
                bodies.add(rp.key, rp.post.body or "", None, v.span(*rp.body_span), "zh.posts")
            elif rp.state:
                bodies.add(rp.key, rp.post.body or "", None, None, "zh.posts")
        last = (m.end, resolved[-1], resolved) if resolved else None
        # 推选甲为代表团团长 / 乙、丙为副团长 / 丁当选为主席: the post after the names
        appointed = appointed_title(s, m.end, lex, places, appointment_verb_before(s, m.start, lex))
        if appointed is not None and (rp := resolve(v, appointed, None, loc, lex)) is not None:
            rp = _post_why(_full_mission(rp, bodies.items), lex)
            add(rp.post.why, because("zh.appointments", "post named after the names (推选甲为团长)"))
            if rp.explicit and rp.body_span:
                bodies.add(rp.key, rp.post.body or "", None, v.span(*rp.body_span), "zh.appointments")
            for a, b in run_names[: -len(m.names)]:
                _add_post(persons, post_keys, v, s[a:b], (a, b), rp, bodies)
            resolved = resolved + [rp]
            run_names = []
        found = event_role(s, m, lex)
        inherited = found is None and cue_run is not None and continues_list(s, cue_run[0], m.start)
        if inherited and cue_run is not None:
            found = cue_run[1]  # 参加会议的有：常委、秘书长甲，副市长乙: the list's cue carries over
        cue_run = (m.end, found) if found and (inherited or cued_role(s, m.start, lex)) else None
        role, role_why = found if found else (None, "")
        if m.host and role is None and roles.get(s[m.host[0]:m.host[1]], ("",))[0] in _ROLES:
            # 甲和夫人乙乘车抵达: the companion takes part where the person does
            role, role_why = "attended", because("zh.titles", "companion of a participant")
        for a, b in m.names:
            key = s[a:b]
            if key not in persons:
                persons[key] = Person(name=v.text(a, b))
                post_keys[key] = set()
            p = persons[key]
            add(p.why, _mention_why(s, m, lex))
            sp = v.span(a, b)
            if (key, sp) not in span_seen:  # a set: a name repeated n times is not rescanned n times
                span_seen.add((key, sp))
                p.spans.append(sp)
            for rp in resolved:
                _add_post(persons, post_keys, v, key, (a, b), rp, bodies)
            if role in _ROLES and roles.get(key, ("",))[0] != "presided":
                roles[key] = (role, sp, role_why)
            elif role and key not in roles:  # inspected, signed_with: a relation of its own
                roles[key] = (role, sp, role_why)
            if len(m.names) == 1 and (c := _CEREMONY.match(s, m.end)):
                hosts.setdefault(key, c.span(1))
    for key, role, (a, b) in headline_roles(s, list(persons)):
        roles.setdefault(key, (role, v.span(a, b), because("zh.headline", "summary line of names")))
    _merge_transcriptions(persons, roles)
    return persons, roles, hosts


def _add_post(persons: dict[str, Person], post_keys: dict[str, set[tuple[str, str]]], v: View, key: str,
              span: tuple[int, int], rp: ResolvedPost, bodies: _Bodies) -> None:
    """Give the person ``key`` (created when new) the post ``rp`` unless it holds it already, whatever
    the writing of its body (a body's short and full forms are one)."""
    if key not in persons:
        persons[key] = Person(name=v.text(*span), why=[because("zh.appointments", "name before a post")])
        post_keys[key] = set()
    pk = (to_simplified(rp.post.role), bodies.key(rp.key))
    if not any(pk[0] == r and (pk[1].endswith(k) or k.endswith(pk[1])) for r, k in post_keys[key]):
        post_keys[key].add(pk)
        persons[key].posts.append(rp.post)


# 习某在某地举行欢迎仪式，欢迎某国总统...: the person hosts (presides over) a ceremony of their own
_CEREMONY = re.compile(r"[^。；;！？!?\n，,]{0,24}?举行(?:隆重的|盛大的)?(欢迎(?:仪式|宴会))")


def _ceremony(v: View, hosts: dict[str, tuple[int, int]], persons: dict[str, Person],
              roles: dict[str, tuple[str, Span, str]], main: Event | None) -> Event | None:
    """A welcome ceremony hosted by someone who otherwise only met or talked with the guest: an
    event of its own, presided by the host (the talks stay the main event)."""
    for key, (a, b) in hosts.items():
        if key in persons and roles.get(key, ("",))[0] == "attended":
            name = persons[key].name
            ev = Event(name=v.text(a, b), date=main.date if main else None, kind="ceremony",
                       presided_by=[name], span=v.span(a, b),
                       why=[because("zh.events", "welcome ceremony of its host")])
            ev.role_why[f"presided:{name}"] = [because("zh.events", "host of the welcome ceremony")]
            if main and main.date:
                ev.role_why["date"] = list(main.role_why.get("date", []))
            return ev
    return None


def _event(release: Release, v: View, loc: Locality, bodies: _Bodies, body_hits: list,
           persons: dict[str, Person], roles: dict[str, tuple[str, Span, str]],
           inits: list[Initiative]) -> Event | None:
    """The reported event: its convening body, date, who presided and attended, what it endorsed."""
    meeting = find_meeting(v.s, body_hits)
    if not (meeting or any(r[0] in _ROLES for r in roles.values())):
        return None
    date, at = event_date(v.s, release.published, release.date_hint)
    if date is None and at < 0 and release.title:  # a date only in the headline (市委常委会5月8日召开会议)
        date, _ = event_date(to_simplified(release.title), release.published, release.date_hint)
    first = next((ln.strip() for ln in release.text.splitlines() if ln.strip()), "")
    ev = Event(name=release.title or first[:60], date=date, kind="meeting" if meeting else None,
               why=[because("zh.events", "meeting of a body" if meeting else "roles of the release")])
    if date:
        ev.role_why["date"] = [because("zh.dates", "first date of the text (year from publication)")]
    if meeting:
        b = meeting.body
        key = bodies.key(b.key)
        body = bodies.items[key].name if key in bodies.items else b.name
        if meeting.standing:
            body += to_traditional("常委会") if loc.trad else "常委会"
            bodies.add(key + "常委会", body, None, v.span(b.start, b.end), "zh.events")
        if meeting.organ:  # 全国人大常委会 + 委员长会议: the meeting is a body of its own
            body += to_traditional(meeting.organ) if loc.trad else meeting.organ
            bodies.add(key + meeting.organ, body, None, v.span(b.start, meeting.end), "zh.events")
        ev.body = body
        ev.role_why["body"] = [because("zh.events", "body before the meeting word")]
        if loc.session and _SESSION_MEETING.search(v.s[meeting.start:meeting.end]):
            # 市十六届人大三次会议: the session of the congress, not a meeting of its standing committee
            ev.body = loc.session[1]
            bodies.add(loc.session[0], loc.session[1], None, None, "zh.events")
            ev.role_why["body"] = [because("zh.events", "the congress session the release reports")]
        ev.name = v.text(meeting.start, meeting.end)
        ev.span = v.span(meeting.start, meeting.end)
    for key, (role, sp, why) in roles.items():
        name = persons[key].name
        if role in _ROLES:
            (ev.presided_by if role == "presided" else ev.attended_by).append(name)
        else:
            ev.relations.setdefault(role, []).append(name)
        ev.role_spans[f"{role}:{name}"] = sp
        ev.role_why[f"{role}:{name}"] = [why]
    if ev.body is None:
        _organ_meeting_of_presider(v, ev, persons, roles, bodies, loc)
    ev.initiatives = [i.name for i in inits]
    for i in inits:
        ev.role_why[f"initiative:{i.name}"] = [because("zh.events", "initiative named in the release")]
    return ev


_ROLES = ("presided", "attended")
_SESSION_MEETING = re.compile(r"届(?:人大|人民代表大会)第?[一二三四五六七八九十\d]+次会议$")


def _mention_why(s: str, m, lex: Lexicon) -> str:
    """Provenance of a person: the kind of mention, and the title word's data line when it has one."""
    for it in m.items:
        line = lex.rows.get("roles.tsv", {}).get(s[it.r0:it.r1])
        if line is not None and not it.descriptor:
            return from_line("zh.titles", line).replace(": ", f": {m.kind} mention, ", 1)
    return because("zh.titles", f"{m.kind} mention")


def _post_why(rp: ResolvedPost, lex: Lexicon) -> ResolvedPost:
    """Provenance of a post: the roles.tsv line of its title word (or of the word it ends with)."""
    written = rp.post.role
    role = to_simplified(written)
    rows = lex.rows.get("roles.tsv", {})
    line = rows.get(role) or next((rows[role[k:]] for k in range(1, len(role)) if role[k:] in rows), None)
    how = "written body" if rp.explicit else "body implied by the title"
    if line is None:
        add(rp.post.why, because("zh.posts", f"title {written}, {how}"))
    else:
        add(rp.post.why, from_line("zh.posts", line).replace(": ", f": {how}, ", 1))
    return rp


def _body_why(lex: Lexicon, key: str, component: str) -> str:
    """Provenance of a body: its bodies.txt / departments.txt line, else the head noun's line."""
    for table in ("bodies.txt", "departments.txt"):
        line = lex.rows.get(table, {}).get(key)
        if line is not None:
            return from_line(component, line)
    heads = lex.rows.get("body_heads.txt", {})
    head = next((h for h in lex.body_heads if key.endswith(h) and h in heads), None)
    if head is not None:
        return from_line(component, heads[head]).replace(": ", ": head noun, ", 1)
    return because(component, "named body")


def _organ_meeting_of_presider(v: View, ev: Event, persons: dict[str, Person],
                               roles: dict[str, tuple[str, Span]], bodies: _Bodies, loc: Locality) -> None:
    """委员长周某主持召开委员长会议: a meeting that is an organ of a body (委员长会议, 主任会议, 主席会议)
    written without its body is the meeting of the presider's body."""
    s = v.s
    for kind, owners in ORGAN_MEETINGS.items():
        k = s.find(kind)
        if k < 0:
            continue
        for key, (role, _, _) in roles.items():
            if role != "presided":
                continue
            for post in persons[key].posts:
                body = post.body or ""
                if any(to_simplified(body).endswith(o) for o in owners):
                    ev.body = body + (to_traditional(kind) if loc.trad else kind)
                    ev.kind = "meeting"
                    bodies.add(to_simplified(ev.body), ev.body, None, v.span(k, k + len(kind)), "zh.events")
                    ev.role_why["body"] = [because("zh.events", f"organ meeting {kind} of the presider")]
                    return


_FOOTER_LINE_MAX = 12


def body_end(text: str, lex: Lexicon) -> int:
    """Where the release ends: before a footer line of other stories (新闻推荐, 相关阅读 ...), which
    the capture may keep below the text; the whole text when there is none."""
    pos = 0
    for line in text.splitlines(keepends=True):
        if pos and len(line) <= 3 * _FOOTER_LINE_MAX:  # only short lines are converted and looked at
            t = "".join(to_simplified(line).split()).strip("【】[]：:>》·|")
            if t and len(t) <= _FOOTER_LINE_MAX and t.startswith(lex.footer_cues):
                return pos
        pos += len(line)
    return len(text)


def run(release: Release, lex: Lexicon) -> Extraction:
    v = make_view(release.text[: body_end(release.text, lex)])
    head = to_simplified(" ".join(x for x in (release.title, release.source) if x))
    loc = infer_locality(v.s, head, release.id, lex)
    loc.trad = v.trad_share > 0.02
    loc.session = find_session(v)

    bodies = _Bodies(lex)
    body_hits = scan_bodies(v, loc, lex)
    for h in body_hits:
        bodies.add(h.key, h.name, h.text_form, v.span(h.start, h.end))
    persons, roles, hosts = _persons(v, loc, lex, bodies)
    _merge_company_short_forms(bodies, persons)
    inits = [Initiative(name=h.name, spans=[v.span(a, b) for a, b in h.spans],
                        why=[_initiative_why(v.s, h, lex)]) for h in find_initiatives(v, lex)]
    ev = _event(release, v, loc, bodies, body_hits, persons, roles, inits)
    extra = _ceremony(v, hosts, persons, roles, ev)
    return Extraction(
        release=release,
        language="zh",
        persons=list(persons.values()),
        bodies=list(bodies.items.values()),
        initiatives=inits,
        events=([ev] if ev else []) + ([extra] if extra else []),
        locality=(to_traditional(loc.main) if loc.trad and loc.main else loc.main),
    )


def _initiative_why(s: str, h, lex: Lexicon) -> str:
    """Provenance of an initiative: its initiatives.txt line, else how the text marks it."""
    line = lex.rows.get("initiatives.txt", {}).get(h.key)
    if line is not None:
        return from_line("zh.initiatives", line)
    a = h.spans[0][0] if h.spans else 0
    mark = s[a - 1:a] if a else ""
    if mark == "《" or s[a:a + 1] == "《":
        return because("zh.initiatives", "document title in 《》")
    if mark in "“‘「『\"" and mark:
        return because("zh.initiatives", "quoted name")
    return because("zh.initiatives", "programme word or number phrase")


def _base(role: str) -> str:
    """主任 for 副主任 / 常务副主任: the office a deputy title belongs to."""
    for w in ("常务副", "副", "常务", "代"):
        if role.startswith(w):
            return role[len(w):]
    return role


def body_key(key: str) -> str:
    """One identity for the forms of a body: 中国驻日本使馆 = 驻日本使馆, 中共包头市委 = 包头市委."""
    if key.endswith("政府") and not key.endswith("人民政府"):
        key = key[:-2] + "人民政府"  # 省政府 = 省人民政府
    if key.startswith("中国驻"):
        return key[2:]
    if key.startswith("中共") and not key.startswith("中共中央"):
        return key[2:]
    return key


def _full_mission(rp: ResolvedPost, bodies: dict[str, Body]) -> ResolvedPost:
    """使馆 after 中国驻日本使馆 was named: the post is in that mission."""
    for key, b in bodies.items():
        if key != body_key(rp.key) and key.endswith(rp.key):
            rp.post.body = b.name
            rp.key = key
            break
    return rp


_COMPANY_HEADS = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司")


def _merge_company_short_forms(bodies: _Bodies, persons: dict[str, Person]) -> None:
    """恒昇集团 after 恒昇国际控股有限公司 (or 华屹集团 after 华屹集团有限公司): one company, named in
    full once and by its short form afterwards; keep the full name (posts too)."""
    renamed: dict[str, str] = {}
    keys = list(bodies.items)
    for short in keys:
        head = next((h for h in _COMPANY_HEADS if short.endswith(h)), None)
        if head is None or len(short) - len(head) < 2:
            continue
        stem = short[: -len(head)]
        full = next((k for k in keys if k != short and k in bodies.items and len(k) > len(short)
                     and k.startswith(stem) and k.endswith(_COMPANY_HEADS)), None)
        if full is not None:
            gone = bodies.items.pop(short)
            bodies.items[full].spans += [x for x in gone.spans if x not in bodies.items[full].spans]
            renamed[gone.name] = bodies.items[full].name
    for p in persons.values():
        for post in p.posts:
            if post.body in renamed:
                post.body = renamed[post.body]


def _merge_transcriptions(persons: dict[str, Person], roles: dict) -> None:
    """特朗普 and 唐纳德·特朗普 are one person: keep the full transcription."""
    for short in list(persons):
        for full in list(persons):
            if full != short and "·" in full and full.endswith("·" + short):
                pf, ps = persons[full], persons.pop(short)
                pf.spans += [x for x in ps.spans if x not in pf.spans]
                for post in ps.posts:
                    if all(post.role != q.role for q in pf.posts):
                        pf.posts.append(post)
                if short in roles:
                    r = roles.pop(short)
                    if full not in roles or r[0] == "presided":
                        roles[full] = r
                break


