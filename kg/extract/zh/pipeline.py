"""Glue: run the stages over one release and fill the Extraction (see kg/model.py)."""

from __future__ import annotations

from kg.extract.zh.bodies import scan_bodies
from kg.extract.zh.dates import event_date
from kg.extract.zh.events import find_meeting
from kg.extract.zh.headline import headline_roles
from kg.extract.zh.initiatives import find_initiatives
from kg.extract.zh.lexicon import Lexicon
from kg.extract.zh.locality import infer_locality
from kg.extract.zh.posts import ResolvedPost, resolve
from kg.extract.zh.script import make_view, to_simplified, to_traditional
from kg.extract.zh.titles import event_role, find_mentions
from kg.model import Body, Event, Extraction, Initiative, Person, Release


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


def run(release: Release, lex: Lexicon) -> Extraction:
    v = make_view(release.text)
    s = v.s
    head = to_simplified(" ".join(x for x in (release.title, release.source) if x))
    loc = infer_locality(s, head, release.id, lex)
    loc.trad = v.trad_share > 0.02
    alias = {f: g[0] for g in lex.bodies for f in g}

    body_hits = scan_bodies(v, loc, lex)
    bodies: dict[str, Body] = {}

    def add_body(key: str, name: str, text_form: str | None, span: tuple[int, int] | None) -> None:
        key = body_key(alias.get(key, key))
        if key not in bodies:
            bodies[key] = Body(name=name, text_form=text_form if text_form != name else None)
        if span and span not in bodies[key].spans:
            bodies[key].spans.append(span)

    for h in body_hits:
        add_body(h.key, h.name, h.text_form, v.span(h.start, h.end))

    # persons and posts
    persons: dict[str, Person] = {}
    post_keys: dict[str, set[tuple[str, str]]] = {}
    roles: dict[str, tuple[str, tuple[int, int]]] = {}  # person key -> (role, span)
    mentions = find_mentions(s, lex, _places(loc.names, lex))
    for m in mentions:
        resolved: list[ResolvedPost] = []
        prev: ResolvedPost | None = None
        for it in m.items:
            if it.descriptor:
                continue
            rp = resolve(v, it, prev, loc, lex)
            if rp is not None and it.body is not None:
                rp = _full_mission(rp, bodies)
            if rp is not None:
                resolved.append(rp)
                prev = rp
                if rp.explicit and rp.body_span:
                    add_body(rp.key, rp.post.body or "", None, v.span(*rp.body_span))
                elif rp.state:
                    add_body(rp.key, rp.post.body or "", None, None)
        role = event_role(s, m, lex)
        for a, b in m.names:
            key = s[a:b]
            p = persons.get(key)
            if p is None:
                p = persons[key] = Person(name=v.text(a, b))
                post_keys[key] = set()
            sp = v.span(a, b)
            if sp not in p.spans:
                p.spans.append(sp)
            for rp in resolved:
                pk = (to_simplified(rp.post.role), body_key(alias.get(rp.key, rp.key)))
                if not any(pk[0] == r and (pk[1].endswith(k) or k.endswith(pk[1]))
                           for r, k in post_keys[key]):
                    post_keys[key].add(pk)
                    p.posts.append(rp.post)
            if role and (key not in roles or role == "presided"):
                if not (key in roles and roles[key][0] == "presided"):
                    roles[key] = (role, sp)
    for key, role, (a, b) in headline_roles(s, list(persons)):
        if key not in roles:
            roles[key] = (role, v.span(a, b))
    _merge_transcriptions(persons, roles)

    initiatives = find_initiatives(v, lex)
    inits = [Initiative(name=h.name, spans=[v.span(a, b) for a, b in h.spans]) for h in initiatives]

    events: list[Event] = []
    meeting = find_meeting(s, body_hits)
    date, _ = event_date(s, release.published, release.date_hint)
    if meeting or roles:
        ev = Event(name=release.title or "", date=date, kind="meeting" if meeting else None)
        if meeting:
            b = meeting.body
            name = body_key(alias.get(b.key, b.key))
            body = bodies[name].name if name in bodies else b.name
            if meeting.standing:
                suffix = to_traditional("常委会") if loc.trad else "常委会"
                body = body + suffix
                add_body(name + "常委会", body, None, v.span(b.start, b.end))
            ev.body = body
            ev.name = v.text(meeting.start, meeting.end)
            ev.span = v.span(meeting.start, meeting.end)
        for key, (role, sp) in roles.items():
            name = persons[key].name
            (ev.presided_by if role == "presided" else ev.attended_by).append(name)
            ev.role_spans[f"{role}:{name}"] = sp
        ev.initiatives = [i.name for i in inits]
        events.append(ev)

    return Extraction(
        release=release,
        language="zh",
        persons=list(persons.values()),
        bodies=list(bodies.values()),
        initiatives=inits,
        events=events,
        locality=(to_traditional(loc.main) if loc.trad and loc.main else loc.main),
    )


def body_key(key: str) -> str:
    """One identity for the forms of a body: 中国驻日本使馆 = 驻日本使馆, 中共包头市委 = 包头市委."""
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


