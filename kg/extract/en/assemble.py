"""Put the stages together into an Extraction."""

from __future__ import annotations

import re

from kg.extract.en.bodies import _LEVEL_WORD, find_bodies, qualify, strip_non_body_prefix
from kg.extract.en.dates import parse_ref
from kg.extract.en.events import read_events
from kg.extract.en.initiatives import find_initiatives
from kg.extract.en.lexicon import lexicon
from kg.extract.en.locality import find_locality
from kg.extract.en.names import Mention, find_mentions
from kg.extract.en.persons import Reading, posts_of, read_mentions
from kg.extract.en.sentences import FURNITURE, sentences
from kg.extract.en.titles import first_role_index, parse_chain
from kg.model import Body, Event, Extraction, Initiative, Person, Post, Release


def _key(s: str) -> str:
    s = s.lower().replace("’", "'").replace("communist party of china", "cpc")
    s = re.sub(r"[^a-z0-9' ]", " ", s)
    words = sorted(w for w in s.split() if w not in {"the", "of", "and", "s", "for", "in", "on"})
    return " ".join(words)


def _acronyms(text: str) -> dict[str, str]:
    """ "National People's Congress (NPC)" -> {"NPC": "National People's Congress"}: the shortest run of
    capitalized words before the parenthesis whose initials spell the acronym."""
    out: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z]{2,8})\)", text):
        acro = m.group(1)
        words = text[max(0, m.start() - 120) : m.start()].split()
        for n in range(1, min(len(words), 12) + 1):
            cand = words[-n:]
            initials = "".join(w[0] for w in cand if w[:1].isupper() and w not in {"The"})
            if initials == acro and cand[0][:1].isupper():
                out.setdefault(acro, " ".join(cand))
                break
            if (
                initials == acro[1:]
                and cand[0][:1].isupper()
                and n < len(words)
                and words[-n - 1][:1].upper() == acro[0]
            ):
                out.setdefault(acro, " ".join(words[-n - 1 :]))
                break
    return out


def _expand(name: str, acronyms: dict[str, str], keep: frozenset[str]) -> str:
    return re.sub(
        r"\b[A-Z]{2,8}\b",
        lambda a: a.group(0) if a.group(0) in keep or a.group(0) not in acronyms else acronyms[a.group(0)],
        name,
    )


def _skip_spans(text: str, release: Release, mentions: list) -> list[tuple[int, int]]:
    """Headlines in title case, menu lines and person names: no organization names are read there."""
    out = [(m.start, m.end) for m in mentions]
    pos = 0
    for line in text.split("\n"):
        if FURNITURE.match(line):
            out.append((pos, pos + len(line)))
        words = re.findall(r"[A-Za-z][\w’'\-]*", line)
        content = [
            w for w in words if w.lower() not in {"of", "the", "and", "for", "on", "in", "to", "a", "an"}
        ]
        if (
            len(content) >= 4
            and sum(w[:1].isupper() for w in content) / len(content) > 0.8
            and not line.rstrip().endswith(".")
        ):
            out.append((pos, pos + len(line)))
        elif re.search(r"\S {3,}\S", line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _short_refs(text: str, readings: list[Reading]) -> list[Reading]:
    """Later mentions by surname ("Wang", "Burns") of a person named in full, when only one person fits."""
    by_short: dict[str, set[str]] = {}
    for r in readings:
        words = r.mention.name.split()
        if len(words) < 2:
            continue
        short = words[0] if r.mention.kind == "pinyin" else words[-1]
        by_short.setdefault(short, set()).add(r.mention.name)
    taken = [(r.mention.start, r.mention.end) for r in readings]
    out: list[Reading] = []
    for short, names in sorted(by_short.items()):
        if len(names) != 1:
            continue
        (full,) = names
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(short)}(?![\w’'-])(?!\s+[A-Z])", text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            out.append(
                Reading(Mention(m.start(), m.end(), full, "ref"), chain_start=m.start(), chain_end=m.end())
            )
    return out


def _find_span(text: str, form: str) -> tuple[int, int] | None:
    """Where the text writes ``form`` (first occurrence, any case, any run of spaces), if it does."""
    pat = r"\s+".join(re.escape(w) for w in form.replace("'", "’").split())
    pat = pat.replace("’", "['’]")
    m = re.search(pat, text, re.I)
    return (m.start(), m.end()) if m else None


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if s <= pos < e:
            return i
    return -1


def assemble(release: Release) -> Extraction:
    text = release.text
    lex = lexicon()
    loc = find_locality(text, release.title)
    sents = sentences(text)
    mentions = find_mentions(text)
    readings = read_mentions(text, mentions)
    body_hits = find_bodies(text, _skip_spans(text, release, [r.mention for r in readings]))
    acronyms = _acronyms(text)

    persons: dict[str, Person] = {}
    memory: dict[str, str] = {}
    last_body_by_head: dict[str, str] = {}
    last_post_in_sent: dict[int, Post] = {}
    for r in readings:
        name = r.mention.name
        p = persons.setdefault(name, Person(name=name))
        p.spans.append((r.mention.start, r.mention.end))
        sid = _sentence_of(sents, r.mention.start)
        for post in posts_of(r.items, loc, acronyms, memory):
            head = post.role.split()[-1].lower()
            if post.body is None:
                inherited = last_body_by_head.get(head)
                prev_post = last_post_in_sent.get(sid)
                if inherited is None and prev_post and post.role.startswith("Secretary-General"):
                    inherited = prev_post.body
                if inherited is None:
                    continue
                post = Post(role=post.role, body=inherited, body_text=None, span=post.span)
            last_body_by_head[head] = post.body or ""
            last_post_in_sent[sid] = post
            if not any(x.role == post.role and x.body == post.body for x in p.posts):
                p.posts.append(post)

    bodies: dict[str, Body] = {}

    def add_body(name: str, form: str | None, span: tuple[int, int] | None) -> None:
        name = _expand(name, acronyms, lex.keep_acronyms)
        name = " ".join(strip_non_body_prefix(name.split()))
        name = re.sub(
            r"^Party Central Committee$|^Central Committee of (?:the )?(?:CPC|Communist Party of China)$",
            "CPC Central Committee",
            name,
        )
        pm = re.match(r"^([A-Z][a-z]+)['’]s (.+)$", name)
        if pm:
            lvl = next((lv for lv, pl in loc.by_level.items() if pl == pm.group(1)), None)
            if lvl:
                name = f"{pm.group(1)} {_LEVEL_WORD[lvl]} {pm.group(2)}"
        if not name or name.lower() in lex.generic_bodies:
            return
        if not any(
            w.strip("’'") in lex.body_heads or w.lower() in {"cpc", "cppcc", "npc", "government"}
            for w in name.split()
        ):
            return
        k = _key(_expand(name, acronyms, frozenset()))
        b = bodies.setdefault(k, Body(name=name, text_form=form if form != name else None))
        if span and span not in b.spans:
            b.spans.append(span)

    for s, e, form in body_hits:
        q = qualify(form, loc)
        add_body(q.name, q.text_form, (s, e))
    for p in persons.values():
        for post in p.posts:
            if post.body and post.body_text:
                add_body(post.body, post.body_text, _find_span(text, post.body_text) or post.span)
            elif (
                post.body
                and loc.main
                and re.match(
                    rf"(?:CPC )?{re.escape(loc.main)} (?:Municipal|County|District|Provincial) "
                    r"(?:Committee|People's Government)$",
                    post.body,
                )
            ):
                # an implicit local body the title names ("Party Secretary", "county magistrate")
                add_body(post.body, None, post.span)
    # "Standing Committee of the CPC X Committee" also names the CPC X Committee
    for b in list(bodies.values()):
        m = re.match(r".+? of (?:the )?(.+)$", b.name)
        if m and b.spans:
            inner = m.group(1)
            if (
                any(w in lex.body_heads for w in inner.split()[-1:])
                and inner.lower() not in lex.generic_bodies
                and (
                    re.search(r"\b(CPC|Central|National|State)\b", inner)
                    or qualify(inner, loc).name != inner
                    or re.search(r"\b[A-Z][a-z]+ (Municipal|County|District|Provincial)\b", inner)
                )
                and not re.match(
                    r"\d|(?:First|Second|Third|[A-Z][a-z]+(?:teenth|tieth|fth|xth|nth|hth|rth)) ", inner
                )
            ):
                add_body(inner, None, _find_span(text, inner) or (b.spans[0] if b.spans else None))

    inits: dict[str, Initiative] = {}
    for s, e, name in find_initiatives(text):
        k = _key(name)
        inits.setdefault(k, Initiative(name=name)).spans.append((s, e))

    ref = parse_ref(release.published) or parse_ref(release.date_hint)
    refs = _short_refs(text, readings)
    for r in refs:
        # "As a member of the Political Bureau of X, Wang also briefed ..."
        m = re.search(
            r"\bAs (?:a |an |the )?([^,.;]+),\s*$", text[max(0, r.mention.start - 200) : r.mention.start]
        )
        if not m or r.mention.name not in persons:
            continue
        seg_start = r.mention.start - (
            len(text[max(0, r.mention.start - 200) : r.mention.start]) - m.start(1)
        )
        items, _end, _ = parse_chain(m.group(1), seg_start)
        if items and first_role_index(m.group(1)) == 0:
            p = persons[r.mention.name]
            for post in posts_of(items, loc, acronyms, memory):
                if post.body and not any(x.role == post.role and x.body == post.body for x in p.posts):
                    p.posts.append(post)
                    if post.body_text:
                        add_body(post.body, post.body_text, _find_span(text, post.body_text) or post.span)
    events: list[Event] = []
    for n, ev in enumerate(read_events(text, readings, sents, ref, refs)):
        if not (ev.presided or ev.attended or ev.body_text):
            continue
        body = _expand(qualify(ev.body_text, loc).name, acronyms, lex.keep_acronyms) if ev.body_text else None
        if body:
            add_body(body, ev.body_text, ev.span)
        ev_obj = Event(
            name=_event_name(release, body) if n == 0 else f"{_event_name(release, body)} ({n + 1})",
            date=ev.date.isoformat() if ev.date else None,
            body=body,
            presided_by=_names(ev.presided),
            attended_by=_names(ev.attended),
            initiatives=[i.name for i in inits.values()] if n == 0 else [],
            kind="meeting",
            span=ev.span,
        )
        for r in ev.presided:
            ev_obj.role_spans[f"presided:{r.mention.name}"] = (r.mention.start, r.mention.end)
        for r in ev.attended:
            ev_obj.role_spans[f"attended:{r.mention.name}"] = (r.mention.start, r.mention.end)
        events.append(ev_obj)

    return Extraction(
        release=release,
        language="en",
        persons=list(persons.values()),
        bodies=sorted(bodies.values(), key=lambda b: (b.spans[0][0] if b.spans else 10**9, b.name)),
        initiatives=list(inits.values()),
        events=events,
        locality=loc.main,
    )


def _names(rs: list[Reading]) -> list[str]:
    out: list[str] = []
    for r in rs:
        if r.mention.name not in out:
            out.append(r.mention.name)
    return out


def _event_name(release: Release, body: str | None) -> str:
    if body:
        return f"Meeting of the {body}"
    title = (release.title or "").strip()
    return title or "Meeting"
