"""Put the stages together into an Extraction."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from kg.extract.en.bodies import (
    _LEVEL_WORD,
    ADMIN_ZONE,
    find_bodies,
    find_delegations,
    find_lower_bodies,
    find_named_companies,
    qualify,
    strip_non_body_prefix,
)
from kg.extract.en.dates import parse_ref
from kg.extract.en.events import EventRead, read_events
from kg.extract.en.initiatives import traced_initiatives
from kg.extract.en.lexicon import lexicon
from kg.extract.en.locality import Locality, find_locality
from kg.extract.en.names import Mention, find_mentions
from kg.extract.en.persons import Reading, posts_of, read_mentions
from kg.extract.en.sentences import FURNITURE, sentences
from kg.extract.en.titles import first_role_index, parse_chain, right_chain
from kg.extract.trace import add, because, from_line
from kg.knowledge import lines
from kg.model import Body, Event, Extraction, Initiative, Person, Post, Release

_ORDINAL_WORD = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|[a-z]+teenth|twentieth)\b"
)


_ORGAN_OF_CPC = re.compile(
    r"(.+?) of (?:the )?((?:CPC )?[A-Z][a-z]+ (?:Municipal|County|District|Provincial))"
    r" (?:Party |CPC )?Committee"
)


def _key(s: str, body: bool = False) -> str:
    """One key for the phrasings of one body: word order, "of the", ordinals ("the 13th CPPCC X Committee")
    and "Foreign Affairs Working Committee of the CPC X Municipal Committee" = "CPC X Municipal Foreign
    Affairs Working Committee" do not count."""
    s = s.replace("’", "'").replace("Communist Party of China", "CPC")
    m = None if not body else _ORGAN_OF_CPC.fullmatch(s)
    if m and not re.search(r"\b(?:Meeting|Session|Plenary)\b", m.group(1)):
        s = f"{m.group(2)} {m.group(1)}"
    # the term of a congress or committee ("13th") is no part of its identity; "First Affiliated Hospital" is
    ordinal_is_term = body and re.search(r"\b(?:Congress|CPPCC|Committee|Government|NPC|MPC)\b", s)
    s = _ORDINAL_WORD.sub(" ", s.lower()) if ordinal_is_term else s.lower()
    if body:
        # "X Municipal Government" is the X Municipal People's Government
        s = re.sub(r"\b(municipal|county|district|provincial) people's government\b", r"\1 government", s)
        # "Theoretical Study Center Group" is the "Theory Study Center Group"
        s = re.sub(r"\btheoretical\b", "theory", s)
        # "CPC X Municipal Committee" = "X Municipal Party Committee", and "CPC X Municipal Foreign Affairs
        # Working Committee" = "X Municipal Foreign Affairs Working Committee" (a CPPCC says "CPPCC")
        s = re.sub(r"\b(municipal|county|district|provincial) (?:cpc|party) committee\b", r"\1 committee", s)
        s = re.sub(r"\bcpc (?=[a-z]+ (?:municipal|county|district|provincial)\b)", "", s)
        # "X Municipal Party Committee Theory Study Center Group" = "... Group of the X Municipal Committee"
        s = re.sub(r"\b(municipal|county|district|provincial) committee (?!of\b)(?=[a-z])", r"\1 ", s)
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
        words = re.findall(r"(?<![\w’'\-])[A-Za-z][\w’'\-]*", line)
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


class _SpanFinder:
    """Where the text writes a form (first occurrence, any case, any run of spaces). Each search reads the
    whole text, so one release gets at most ``limit`` of them (forms repeat and are remembered); past that
    the caller's own span stands: a text naming hundreds of bodies is spam, and searching each of them
    would make extraction quadratic."""

    def __init__(self, text: str, limit: int = 200) -> None:
        self.text, self.limit = text, limit
        self.memo: dict[str, tuple[int, int] | None] = {}

    def __call__(self, form: str) -> tuple[int, int] | None:
        if form not in self.memo:
            if len(self.memo) >= self.limit:
                return None
            self.memo[form] = _find_span(self.text, form)
        return self.memo[form]


def _find_span(text: str, form: str) -> tuple[int, int] | None:
    pat = r"\s+".join(re.escape(w) for w in form.replace("'", "’").split())
    pat = pat.replace("’", "['’]")
    m = re.search(pat, text, re.I)
    return (m.start(), m.end()) if m else None


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> int:
    """The index of the sentence holding ``pos`` (sentences are sorted and do not overlap), else -1."""
    i = bisect_right(sents, (pos, float("inf"))) - 1
    return i if i >= 0 and sents[i][0] <= pos < sents[i][1] else -1


@lru_cache(maxsize=4096)
def _body_key(body: str, acronyms: tuple[tuple[str, str], ...]) -> str:
    return _key(_expand(body, dict(acronyms), frozenset()), body=True)


_WHICH_HE = re.compile(r",\s*which\s+(?:he|she)\s+(?:also\s+)?([a-z]+)\b")
_NAME_BEFORE = re.compile(r"([A-Z][\w’'\-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w’'\-]*))*)\s*$")


def _which_he_heads(text: str, readings: list[Reading], loc: Locality) -> list[tuple[str, Post]]:
    """ "Xi ... the sixth meeting of the Central Commission for X, which he heads": the subject (the last
    name before it, no sentence end between) holds the role leading_verbs.tsv gives the verb in that body."""
    out: list[tuple[str, Post]] = []
    verbs = lexicon().leading_verbs
    ordered = sorted(readings, key=lambda r: r.mention.start)
    for m in _WHICH_HE.finditer(text):
        role = verbs.get(m.group(1))
        named = _NAME_BEFORE.search(text, max(0, m.start() - 150), m.start())
        if not role or not named:
            continue
        words = named.group(1).split()
        if not any(w in lexicon().body_heads for w in words):
            continue
        subject = [r for r in ordered if r.mention.end <= named.start(1)]
        if not subject or re.search(r"[.;!?]\s", text[subject[-1].mention.end : named.start(1)]):
            continue
        body = qualify(named.group(1), loc).name
        row = next((x for x in lines("en/leading_verbs.tsv") if x.cells[0].lower() == m.group(1)), None)
        why = [from_line(_C, row) if row else because(_C, "which he heads")]
        post = Post(role=role, body=body, body_text=None, span=named.span(1), why=why)
        out.append((subject[-1].mention.name, post))
    return out


def _is_bare_kind(name: str) -> bool:
    """ "Party Group", "the leading group", "Standing Committee": a body's kind without whose it is."""
    words = re.sub(r"^the\s+", "", name, flags=re.I).split()
    heads = lexicon().body_heads
    kinds = {"party", "leading", "standing", "members"}
    return 0 < len(words) <= 4 and all(w in heads or w.title() in heads or w.lower() in kinds for w in words)


def _named_before(post: Post, body_hits: list[tuple[int, int, str]], loc: Locality) -> str | None:
    """The full name of a body a title calls by its bare kind ("head of the leading group", "Director of the
    Working Committee"): the one body the release named earlier whose name holds that kind. A kind is
    at most three words, all of them capitalized organ words."""
    kind = re.sub(r"^the\s+", "", post.body or "", flags=re.I)
    words = kind.split()
    if not 1 < len(words) <= 3 or any(w.lower() in {"cpc", "party", "cppcc", "npc"} for w in words):
        return None
    if not all(w in lexicon().body_heads or w.title() in lexicon().body_heads or w.lower() == "leading"
               for w in words):
        return None
    before = post.span[0] if post.span else 10**9
    pat = re.compile(rf"\b{re.escape(kind)}\b(?: (?:for|of|on) .+)?$", re.I)
    found = {qualify(form, loc).name for s, _e, form in body_hits if s < before and pat.search(form)}
    found = {f for f in found if f.lower() != kind.lower()}
    longest = max(found, key=len, default=None)
    # one body, maybe written shorter once ("X Leading Group" and "X Leading Group for Y")
    return longest if longest and all(longest.startswith(f) for f in found) else None


class _PostIndex:
    """Where each body key sits in a person's posts, so that adding a post compares it with the posts of
    the same body only (a person given thousands of titles is not rescanned for each). Rebuilt for a
    person whose posts changed behind its back."""

    def __init__(self, acronyms: dict[str, str]) -> None:
        self.acros = tuple(sorted(acronyms.items()))
        self.by_person: dict[int, tuple[int, dict[str, list[int]]]] = {}

    def key(self, post: Post) -> str:
        return _body_key(post.body or "", self.acros)

    def same_body(self, p: Person, key: str) -> list[int]:
        known = self.by_person.get(id(p))
        if known is None or known[0] != len(p.posts):
            table: dict[str, list[int]] = {}
            for n, x in enumerate(p.posts):
                table.setdefault(self.key(x), []).append(n)
            known = (len(p.posts), table)
            self.by_person[id(p)] = known
        return known[1].get(key, [])

    def appended(self, p: Person, key: str) -> None:
        size, table = self.by_person[id(p)]
        table.setdefault(key, []).append(size)
        self.by_person[id(p)] = (size + 1, table)


_C = "en.assemble"


def _repost(post: Post, body: str | None, body_text: str | None, rule: str) -> Post:
    """The post with another body, its provenance plus the rule that chose the body."""
    why = list(post.why)
    add(why, because("en.posts", rule))
    return Post(role=post.role, body=body, body_text=body_text, span=post.span, why=why)


_NAME_RULES = {
    "pinyin": "pinyin name (surnames.txt, pinyin_syllables.txt)",
    "foreign": "foreign name next to a title",
    "cjk": "Chinese characters name",
}
_POST_BODY = because("en.bodies", "the body of a post")
_INNER = because("en.bodies", "the body an organ belongs to (X of the Y)")


def _organ_why(form: str) -> str:
    """The body head word (body_heads.txt) that made ``form`` an organization's name."""
    heads = lexicon().body_head_lines
    for w in reversed(form.split()):
        row = heads.get(w.strip("’'.,()"))
        if row:
            return from_line("en.bodies", row)
    return because("en.bodies", "organization name")


def _merge_why(into: list[str], other: list[str]) -> None:
    for w in other:
        add(into, w)


def _add_post(p: Person, post: Post, acronyms: dict[str, str], index: _PostIndex | None = None) -> None:
    """One post per role and body: "Chairman of the 14th National Committee of the CPPCC" and "Chairman of
    the CPPCC National Committee" are one post (the term, acronyms and word order do not count); the
    fuller writing is kept. Only posts of the same body key are compared (``index``)."""
    index = index or _PostIndex(acronyms)
    key = index.key(post)
    for n in index.same_body(p, key):
        x = p.posts[n]
        if x.role == post.role:
            if post.body and x.body and len(post.body) > len(x.body) and post.body[:1].isupper():
                p.posts[n] = post  # the same body key: the index stands
                _merge_why(post.why, x.why)
            else:
                _merge_why(x.why, post.why)
            return
        # "Foreign Minister Wang ... Minister Wang": the bare office word is the fuller title's
        if x.role.endswith(f" {post.role}"):
            _merge_why(x.why, post.why)
            return
        if post.role.endswith(f" {x.role}"):
            p.posts[n] = post
            _merge_why(post.why, x.why)
            return
    p.posts.append(post)
    index.appended(p, key)


def assemble(release: Release) -> Extraction:
    # "Co., Ltd." is one word of a company name: no comma or period of it ends a title or a sentence
    text = _CO_LTD.sub(lambda m: "Co" + "_" * (len(m.group(0)) - 5) + "Ltd", release.text)
    span_of = _SpanFinder(text)
    lex = lexicon()
    parts = (release.id or "").split("-")
    loc = find_locality(text, release.title, parts[1].lower() if len(parts) > 2 else None)
    sents = sentences(text)
    mentions = find_mentions(text)
    readings = read_mentions(text, mentions)
    skip = _skip_spans(text, release, [r.mention for r in readings])
    body_hits = find_bodies(text, skip)
    acronyms = _acronyms(text)
    post_index = _PostIndex(acronyms)

    persons: dict[str, Person] = {}
    memory: dict[str, str] = {}
    last_body_by_head: dict[str, str] = {}
    last_post_in_sent: dict[int, Post] = {}
    for r in readings:
        name = r.mention.name
        p = persons.setdefault(name, Person(name=name))
        add(p.why, because("en.names", _NAME_RULES.get(r.mention.kind, f"{r.mention.kind} name")))
        p.spans.append((r.mention.start, r.mention.end))
        sid = _sentence_of(sents, r.mention.start)
        for item, post in zip(r.items, posts_of(r.items, loc, acronyms, memory), strict=True):
            org = _delegation_org(text, r.chain_start) if not item.body_text and not item.country else None
            if org:
                post = _repost(post, org, None, "the organization whose delegation the person leads")
            elif r.mention.kind == "foreign" and not item.body_text and not item.country:
                # a foreign guest's bare "mayor" is no post in the local government; "the delegation of
                # Orvieto City, Italy, led by mayor X" names the place whose mayor X is
                place = _delegation_place(text, r.chain_start)
                if place and item.role.default_body in {"{gov}", "{party}"}:
                    post = _repost(post, place, None, "the place whose delegation a foreign guest leads")
                else:
                    continue
            head = post.role.split()[-1].lower()
            head = {"chairperson": "chairman", "chairwoman": "chairman"}.get(head, head)
            if post.body and _PRESIDIUM.fullmatch(post.body):
                session = _session_name(text)
                if session:
                    body = f"Presidium of the {session}"
                    post = _repost(post, body, post.body_text, "the presidium of the session named")
            full = _named_before(post, body_hits, loc) if post.body else None
            if full:
                # "head of the leading group": the leading group the release named in full before
                post = _repost(post, full, None, "the body of that kind named earlier in full")
            elif post.body and post.body in lex.body_heads:
                # "Deputy Director of the commission": the body whose Director the release named before
                earlier = last_body_by_head.get(head)
                if earlier and re.search(rf"\b{re.escape(post.body)}\b", earlier):
                    post = _repost(post, earlier, None, "the body of the same head named before")
            if post.body is None:
                inherited = last_body_by_head.get(head)
                prev_post = last_post_in_sent.get(sid)
                if inherited is None and prev_post and post.role.startswith("Secretary-General"):
                    inherited = prev_post.body
                    # "Member of the Standing Committee of the CPC X Committee and Secretary-General": the
                    # secretary-general of the party committee (a standing committee of the party has none)
                    sc = re.fullmatch(r"Standing Committee of (?:the )?(CPC .+ Committee)", inherited or "")
                    if sc:
                        inherited = sc.group(1)
                if inherited is None:
                    continue
                post = _repost(post, inherited, None, "body inherited from the title before")
            last_body_by_head[head] = post.body or ""
            last_post_in_sent[sid] = post
            _add_post(p, post, acronyms, post_index)

    bodies: dict[str, Body] = {}

    def add_body(
        name: str, form: str | None, span: tuple[int, int] | None, why: str, named: bool = False
    ) -> None:
        name = _expand(name, acronyms, lex.keep_acronyms)
        name = " ".join(strip_non_body_prefix(name.split()))
        name = re.sub(r"\bCommunist Party of China (?=Central Committee)", "CPC ", name)
        # "Political Bureau of the Central Committee of the CPC", "Beijing Municipal Committee of the CPC"
        name = re.sub(
            r"(?<=.)\bCentral Committee of (?:the )?(?:CPC|Communist Party of China)$",
            "CPC Central Committee",
            name,
        )
        name = re.sub(
            r"^([A-Z][a-z]+ (?:Municipal|Provincial|County|District)) Committee of (?:the )?"
            r"(?:CPC|Communist Party of China)$",
            r"CPC \1 Committee",
            name,
        )
        name = re.sub(
            r"^(?:\d+(?:st|nd|rd|th) )?(?:Party Central Committee|CPC Central Committee)$"
            r"|^Central Committee of (?:the )?(?:CPC|Communist Party of China)$",
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
        if not named and not any(
            w.strip("’'.,") in lex.body_heads
            or _CO_LTD_MASKED.fullmatch(w)
            or w.lower() in {"cpc", "cppcc", "npc", "government"}
            for w in name.split()
        ) and not ADMIN_ZONE.search(name):
            return
        k = _key(_expand(name, acronyms, frozenset()), body=True)
        b = bodies.setdefault(k, Body(name=name, text_form=form if form != name else None))
        add(b.why, why)
        if span and span not in b.spans:
            b.spans.append(span)

    for s, e, form in body_hits:
        q = qualify(form, loc)
        add_body(q.name, q.text_form, (s, e), _organ_why(form))
    for s, e, form in find_named_companies(text, skip) + find_delegations(text, skip):
        add_body(form, None, (s, e), because("en.bodies", "named company or delegation"), named=True)
    for s, e, form in find_lower_bodies(text, skip):
        q = qualify(form, loc)
        if loc.main and q.name != q.text_form:
            add_body(q.name, q.text_form, (s, e), because("en.bodies", "lower-case local body"))
    for p in persons.values():
        for post in p.posts:
            if post.body and post.body_text:
                add_body(post.body, post.body_text, span_of(post.body_text) or post.span, _POST_BODY)
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
                add_body(post.body, None, post.span, because("en.bodies", "implicit local body of a title"))
    # "Standing Committee of the CPC X Committee" also names the CPC X Committee (and "Standing Committee of
    # the Political Bureau of the CPC Central Committee" both the Political Bureau and the Central Committee)
    work = list(bodies.values())
    seen_inner: set[str] = set()
    while work:
        b = work.pop(0)
        m = re.match(r".+? of (?:the )?(.+)$", b.name)
        if m and b.spans:
            inner = m.group(1)
            if (
                any(w in lex.body_heads for w in inner.split()[-1:])
                and inner.lower() not in lex.generic_bodies
                and (
                    re.search(r"\b(CPC|Central|National|State|SAR)\b", inner)
                    or qualify(inner, loc).name != inner
                    or re.search(r"\b[A-Z][a-z]+ (Municipal|County|District|Provincial)\b", inner)
                )
                and not re.match(
                    r"\d|(?:First|Second|Third|[A-Z][a-z]+(?:teenth|tieth|fth|xth|nth|hth|rth)) ", inner
                )
            ):
                if inner in seen_inner:
                    continue
                seen_inner.add(inner)
                before = set(bodies)
                add_body(inner, None, span_of(inner) or (b.spans[0] if b.spans else None), _INNER)
                work.extend(b2 for k2, b2 in bodies.items() if k2 not in before)

    # "the embassy is willing to ...": the embassy of the ambassador's country is an actor of the release
    if re.search(r"\b(?:the|its|his|her|their) embassy\b", text, re.I):
        for p in persons.values():
            for post in p.posts:
                if (
                    post.role == "Ambassador"
                    and post.body
                    and post.body != "China"
                    and not any(w in lex.body_heads for w in post.body.split())
                ):
                    the = "the " if re.search(r"\b(?:Republic|Kingdom|States|Emirates)\b", post.body) else ""
                    embassy = f"Embassy of {the}{post.body} in China"
                    why = because("en.bodies", "the ambassador's embassy")
                    add_body(embassy, None, None, why, named=True)
    inits: dict[str, Initiative] = {}
    for s, e, name, why in traced_initiatives(text):
        k = _key(name)
        it = inits.setdefault(k, Initiative(name=name))
        it.spans.append((s, e))
        add(it.why, why)

    ref = parse_ref(release.published) or parse_ref(release.date_hint)
    refs = _short_refs(text, readings)
    starts = sorted({r.mention.start for r in readings})
    for name, post in _which_he_heads(text, readings + refs, loc):
        if name in persons:
            _add_post(persons[name], post, acronyms)
            add_body(post.body or "", None, post.span, _POST_BODY)
    for r in refs:
        # "Xi, who also serves as general secretary of X and chairman of Y, ...": a later short reference
        # with an appositive title
        rc = right_chain(text, r.mention.end, starts) if r.mention.name in persons else None
        if rc:
            p = persons[r.mention.name]
            for post in posts_of(rc[0], loc, acronyms, memory):
                if post.body:
                    _add_post(p, post, acronyms, post_index)
                    if post.body_text:
                        add_body(post.body, post.body_text, span_of(post.body_text) or post.span, _POST_BODY)
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
                        add_body(post.body, post.body_text, span_of(post.body_text) or post.span, _POST_BODY)
    events: list[Event] = []
    for n, ev in enumerate(read_events(text, readings, sents, ref, refs)):
        if not (ev.presided or ev.attended or ev.body_text):
            continue
        body = _expand(qualify(ev.body_text, loc).name, acronyms, lex.keep_acronyms) if ev.body_text else None
        if body and _is_bare_kind(body):
            # "presided over a meeting of the party group": the party group the presider's title names
            kind = re.sub(r"^the\s+", "", body, flags=re.I).lower()
            named = [
                post.body
                for r in ev.presided + ev.attended
                for post in (persons[r.mention.name].posts if r.mention.name in persons else [])
                if post.body and kind in post.body.lower() and post.body.lower() != kind
            ]
            body = named[0] if named else body
        if body:
            add_body(body, ev.body_text, ev.span, because("en.events", "the event's convening body"))
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
        _trace_event(ev_obj, ev)
        events.append(ev_obj)

    # a bare head noun ("Presidium", "Commission") when the release names that body in full
    for k, b in list(bodies.items()):
        bare = re.compile(rf"\b{re.escape(b.name)}\b", re.I) if _is_bare_kind(b.name) else None
        if (b.name in lex.body_heads or bare) and any(
            o is not b and (o.name.startswith(f"{b.name} of ") or bare and bare.search(o.name))
            for o in bodies.values()
        ):
            del bodies[k]
    _restore_co_ltd(persons, bodies, events)
    return Extraction(
        release=release,
        language="en",
        persons=list(persons.values()),
        bodies=sorted(bodies.values(), key=lambda b: (b.spans[0][0] if b.spans else 10**9, b.name)),
        initiatives=list(inits.values()),
        events=events,
        locality=loc.main,
    )


def _trace_event(event: Event, read: EventRead) -> None:
    """The event's provenance and each role's, keyed like ``Event.role_spans``; the relations beyond
    presided/attended (relation_cues.tsv) by name."""
    add(event.why, because("en.events", "persons named with relation cues (relation_cues.tsv)"))
    if event.body:
        add(event.why, because("en.events", "meeting of its convening body"))
    keys = [f"presided:{n}" for n in event.presided_by] + [f"attended:{n}" for n in event.attended_by]
    for rel, rs in read.relations.items():
        event.relations[rel] = _names(rs)
        keys += [f"{rel}:{n}" for n in event.relations[rel]]
    for key in keys:
        event.role_why[key] = list(read.why.get(key) or [because("en.events", "named in its sentences")])
    for key in ("date", "body"):
        if getattr(event, key):
            event.role_why[key] = list(read.why.get(key) or [because("en.events", key)])
    for name in event.initiatives:
        event.role_why[f"initiative:{name}"] = [because("en.events", "an initiative the release names")]


_CO_LTD = re.compile(r"\bCo\.,? ?Ltd(?=\.|\b)")
_CO_LTD_MASKED = re.compile(r"\bCo_+Ltd\b")


def _restore_co_ltd(persons: dict[str, Person], bodies: dict[str, Body], events: list[Event]) -> None:
    def fix(s: str | None) -> str | None:
        return _CO_LTD_MASKED.sub("Co., Ltd.", s) if s and "_" in s else s

    for p in persons.values():
        p.posts = [
            Post(role=x.role, body=fix(x.body), body_text=fix(x.body_text), span=x.span, why=x.why)
            for x in p.posts
        ]
    for b in bodies.values():
        b.name = fix(b.name) or b.name
        b.text_form = fix(b.text_form)
    for ev in events:
        ev.body = fix(ev.body)
        ev.name = fix(ev.name) or ev.name


_PRESIDIUM = re.compile(r"(?i:(?:the )?presidium(?: of the (?:conference|session|meeting|congress))?)")
_SESSION = re.compile(
    r"(?i:\b(\w+) session of the (\d+(?:st|nd|rd|th)|\w+) )"
    r"((?:[A-Z][a-z]+ (?:District |County |City |Municipal |Provincial )?)?)(?i:people[’']s congress)"
    r"(?: of ([A-Z][a-z]+ (?:District|County|City|Province)))?"
)


def _session_name(text: str) -> str | None:
    """ "the fifth session of the 17th Songbei District People's Congress" -> its capitalized name."""
    m = _SESSION.search(text)
    if not m:
        return None
    place = (m.group(3) or "").strip() or (m.group(4) or "")
    if not place:
        return None
    place = re.sub(r" City$", " Municipal", place)
    return f"{m.group(1).capitalize()} Session of the {m.group(2)} {place} People's Congress"


_DELEGATION_OF = re.compile(
    r"\bdelegation (?:of|from) (?:the )?([A-Z][\w\-]*(?: [A-Z][\w\-]*){0,2})(?:, [A-Z][a-z]+)?,? "
    r"(?:which was |that was )?(?:led|headed) by (?:its )?$"
)


def _delegation_place(text: str, start: int) -> str | None:
    m = _DELEGATION_OF.search(text[max(0, start - 150) : start])
    if not m or any(w in lexicon().body_heads for w in m.group(1).split()):
        return None
    return m.group(1)


_DELEGATION_ITS = re.compile(
    r"\bdelegation (?:of|from) (?:the )?([A-Z][\w\-’']*(?: (?:of |and |for |the |& )*[A-Z][\w\-’']*){0,9})"
    r"(?: \([A-Z]{2,8}\))?,? (?:which was |that was )?(?:led|headed) by its $"
)


def _delegation_org(text: str, start: int) -> str | None:
    """ "a delegation of the Orvieto Chamber of Commerce led by its President X": X's post is in it."""
    m = _DELEGATION_ITS.search(text[max(0, start - 200) : start])
    return m.group(1) if m else None


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
