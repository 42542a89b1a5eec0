"""Persons and their posts: name mentions joined to the title chains around them.

A pre-nominal title ("Municipal Party Committee Secretary Cao Puhua"), an appositive chain
("Zhang Zhijun, Member of ... and Secretary of ..., presided"), a shared title over a name list
("Deputy directors A, B, C" / "A, B and C, vice chairmen of X") all give posts. Foreign names are
only accepted next to a title; pinyin names always.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.extract.en.bodies import clean as clean_body
from kg.extract.en.bodies import default_body, qualify, titlecase
from kg.extract.en.lexicon import lexicon
from kg.extract.en.locality import Locality
from kg.extract.en.names import Mention, syllable_count
from kg.extract.en.titles import Item, first_role_index, left_chain, parse_chain, predicate_chain, right_chain
from kg.extract.en.titles import _cut_body as cut_body
from kg.extract.trace import add, because, from_line
from kg.model import Post

_LIST_SEP = re.compile(r"\s*(?:,|，|、)?\s*(?:and\s+)?")


@dataclass
class Reading:
    """One accepted mention with the title items that apply to it."""

    mention: Mention
    items: list[Item] = field(default_factory=list)
    own: bool = False  # the items are written next to this very mention
    chain_start: int = 0  # where a pre-nominal title starts
    chain_end: int = 0  # where an appositive title ends
    shared: list[Item] = field(default_factory=list)  # a pre-nominal title the list shares


def _role_level(item: Item) -> str | None:
    c = item.role.canonical
    if "County" in c:
        return "county"
    if "District" in c:
        return "district"
    if "Governor" in c and "Lt" not in c and "Lieutenant" not in c:
        return "provincial"
    if "Mayor" in c:
        return "municipal"
    return None


_TITLE_COMMA_NAME = re.compile(
    r"(?:^|[.;:\n]\s*|\b(?:\d{4}|\d{1,2}|[Yy]esterday|[Rr]ecently|morning|afternoon|evening),\s*)$"
)
_VERB_AFTER = re.compile(r"\s+(?:also\s+)?(?!(?:and|or|of|in|at|on|to|for|with|from)\b)[a-z]{2,}\b")
_ROSTER_HEAD = re.compile(r"^[ \t]*(?:[-–—•*·][ \t]*)?([A-Z][^\n:]{2,150}?)[ \t]*[:：][ \t]*$", re.M)
_ROSTER_NAME = re.compile(r"[ \t]*(?:[-–—•*·][ \t]*)?([A-Z][\w’'\-]*(?:[ \u00a0]+[A-Z][\w’'\-]*){1,3})[ \t]*")


def roster(text: str) -> dict[tuple[int, int], list[Item]]:
    """A roster: a line that is only a title ("- Vice Chairpersons of the Standing Committee:") over lines
    that are only names; each name takes the title. A title line without a body ("- Secretary-General:")
    right after another one is in that one's body. Returns the span of each name -> its title items."""
    out: dict[tuple[int, int], list[Item]] = {}
    prev_body: tuple[str, tuple[int, int] | None] | None = None
    last_line_end = -1
    for h in _ROSTER_HEAD.finditer(text):
        seg = h.group(1)
        if first_role_index(seg) != 0:
            prev_body = None
            continue
        items, chain_end, _ = parse_chain(seg, h.start(1))
        if not items or text[chain_end : h.end(1)].strip():
            prev_body = None
            continue
        if items[-1].body_text is None and prev_body and not text[last_line_end : h.start()].strip():
            for it in items:
                it.body_text, it.body_span = prev_body
        elif items[-1].body_text:
            prev_body = (items[-1].body_text, items[-1].body_span)
        pos = h.end() + 1
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if line.strip():
                nm = _ROSTER_NAME.fullmatch(line)
                if not nm or first_role_index(nm.group(1)) is not None:
                    break
                out[(pos + nm.start(1), pos + nm.end(1))] = items
                last_line_end = line_end
            pos = line_end + 1
    return out


def read_mentions(text: str, mentions: list[Mention]) -> list[Reading]:
    lex = lexicon()
    readings: list[Reading] = []
    listed = roster(text)
    prev: Reading | None = None
    known = {m.name for m in mentions if m.kind == "pinyin"}
    starts = sorted({m.start for m in mentions})
    for idx, m in enumerate(mentions):
        nxt = mentions[idx + 1] if idx + 1 < len(mentions) else None
        floor = prev.mention.end if prev else 0
        r = Reading(m, chain_start=m.start, chain_end=m.end)
        left = left_chain(text, m.start, floor)
        right = right_chain(text, m.end, starts)
        if left:
            r.items.extend(left[0])
            r.chain_start = left[1]
            r.own = True
            r.shared = left[0]
            # "Director Bai Hong of the District People's Congress Standing Committee"
            tail = re.match(r"\s+of\s+((?:the\s+)?[A-Z][^,.;]*)", text[m.end : m.end + 150])
            if tail and not right and left[0][-1].body_text is None:
                body = cut_body(tail.group(1))
                left[0][-1].body_text = body
                bstart = m.end + tail.start(1)
                left[0][-1].body_span = (bstart, bstart + len(body))
        if not right:
            right = _bare_postnominal(text, m.end)
        if not right:
            right = _appointed(text, m.end, starts)
        if not right:
            right = predicate_chain(text, m.end)
        if right:
            r.items.extend(right[0])
            r.chain_end = right[1]
            r.own = True
        linked = prev is not None and _LIST_SEP.fullmatch(text[prev.mention.end : m.start]) is not None
        if linked and prev is not None and prev.chain_end > prev.mention.end:
            linked = False
        if not left and linked and prev is not None and prev.shared:
            sep = text[prev.mention.end : m.start]
            if "," in sep or "、" in sep or any(i.role.plural for i in prev.shared):
                r.shared = prev.shared
                if not right:
                    r.items.extend(prev.shared)
                    # "Deputy Director A, B and C of the X": the body after the list completes the title
                    tail = re.match(r"\s+of\s+((?:the\s+)?[A-Z][^,.;]*)", text[m.end : m.end + 150])
                    if tail and prev.shared[-1].body_text is None:
                        body = cut_body(tail.group(1))
                        prev.shared[-1].body_text = body
                        bstart = m.end + tail.start(1)
                        prev.shared[-1].body_span = (bstart, bstart + len(body))
        if not left and not linked:
            # "The executive chairmen of the presidium, A, B and C attended"
            before = re.search(r",\s*$", text[floor : m.start])
            if before:
                comma = floor + before.start()
                lc = left_chain(text, comma, floor)
                if lc and lc[0][0].role.plural and (prev is None or prev.chain_end < lc[1]):
                    r.items.extend(lc[0])
                    r.shared = lc[0]
                elif (
                    lc
                    and not right
                    and lc[0][-1].body_text
                    and (prev is None or prev.chain_end < lc[1])
                    and _TITLE_COMMA_NAME.search(text[max(0, lc[1] - 40) : lc[1]])
                    and _VERB_AFTER.match(text, m.end)
                ):
                    # "On May 10, Mayor of Qingshan, Gao Ming met ...": a title set off by a comma before the
                    # name it belongs to, where the sentence (or a date phrase) begins
                    r.items.extend(lc[0])
                    r.own = True
        if right and right[0] and right[0][0].role.plural:
            # "A, B and C, vice chairmen of X": the plural title distributes backwards over the list
            j = len(readings) - 1
            cur = m
            while j >= 0:
                p = readings[j]
                if _LIST_SEP.fullmatch(text[p.mention.end : cur.start]) is None or p.own:
                    break
                p.items.extend(right[0])
                cur = p.mention
                j -= 1
        if not r.items and (m.start, m.end) in listed:
            r.items.extend(listed[(m.start, m.end)])
            r.own = True
        if (
            m.kind == "foreign"
            and not r.items
            and m.name not in known
            and not _listed_with_person(text, m, prev, nxt)
        ):
            continue
        if m.kind == "cjk" and not r.items:
            continue
        if m.kind == "foreign":
            known.add(m.name)
        if lex and text[m.end : m.end + 3] in {"'s ", "’s "} and not r.items and m.kind == "foreign":
            continue
        readings.append(r)
        prev = r
    return readings


def _listed_with_person(text: str, m: Mention, prev: Reading | None, nxt: Mention | None) -> bool:
    """ "Leaders of the region, Jiare Lobsang Tenzing and Luo Mei, attended": a name that is no pinyin
    (Tibetan, Uyghur, foreign) is a person in a list, next to a Chinese name, joined by a comma or "and"."""

    def joined(a: int, b: int) -> bool:
        sep = text[a:b]
        return bool(re.fullmatch(r"\s*(?:,|，|、|,?\s*and)\s*", sep))

    if prev is not None and prev.mention.kind == "pinyin" and joined(prev.chain_end, m.start):
        return True
    return nxt is not None and nxt.kind == "pinyin" and joined(m.end, nxt.start)


_APPOINTED = re.compile(r"[ \u00a0]+(?:was|has been) (?:appointed|elected|named)(?: as)?[ \u00a0]+(?=[A-Z])")


def _appointed(text: str, end: int, starts: Sequence[int]) -> tuple[list[Item], int] | None:
    """ "X was appointed Director of the Y Bureau": the post the release reports X taking up."""
    m = _APPOINTED.match(text, end)
    if not m:
        return None
    stop = re.search(r"[,.;:()]|\s(?:to replace|in place of|replacing)\s", text[m.end() : m.end() + 200])
    k = bisect_right(starts, m.end())  # the next name after the verb (``starts`` is sorted)
    limit = min([m.end() + (stop.start() if stop else 200)] + list(starts[k : k + 1]))
    seg = re.sub(r"\s+(?:and|while|whereas)\s*$", "", text[m.end() : limit])
    if first_role_index(seg) != 0:
        return None
    items, seg_end, _ = parse_chain(seg, m.end())
    if not items or items[0].role.canonical.lower() in {"deputy", "deputies"}:
        return None
    return items, seg_end


_BARE_AFTER = re.compile(
    r"[ \u00a0]+((?:(?!and\b|also\b)[a-z][a-z’'\-]*[ \u00a0]+){1,7}?)"
    r"(?=(?:also[ \u00a0]+)?(?:presided|chaired|hosted|attended|delivered|made|said|stressed|pointed)\b)"
)


def _bare_postnominal(text: str, end: int) -> tuple[list[Item], int] | None:
    """ "li dahai county party committee secretary presided": a lowercase title written after the name
    without a comma (machine translation); it must end in an office word."""
    m = _BARE_AFTER.match(text, end)
    if not m:
        return None
    seg = m.group(1).rstrip()
    if seg.split()[-1] not in lexicon().role_words:
        return None
    items, _end, _ = parse_chain(seg, m.start(1))
    if not items:
        return None
    return items, m.start(1) + len(seg)


def posts_of(
    items: list[Item], loc: Locality, acronyms: dict[str, str], memory: dict[str, str] | None = None
) -> list[Post]:
    """Posts for the title items of one person; ``memory`` carries bodies resolved earlier in the release."""
    memory = {} if memory is None else memory
    out: list[Post] = []
    chain_level = next((i.level for i in items if i.level), None)
    # "Party Secretary and Mayor of Moxi": for an implied body, the level another role of the chain implies
    role_level = next((_role_level(i) for i in items if _role_level(i)), None)
    resolved: dict[int, str] = {}
    for n, it in enumerate(items):
        body: str | None = None
        body_text: str | None = None
        level = it.level or _role_level(it) or chain_level
        demonym = _DEMONYM.fullmatch(it.body_text.strip()) if it.body_text else None
        if demonym and not syllable_count(demonym.group(0)) and it.role.default_body in {"", "{gov}"}:
            # "Valdonian President X": a nationality the table does not know, not a pinyin place
            # ("Dalian Mayor"): the post is in that country
            body = demonym.group(1)
            resolved[n] = body
            why = _post_why(it)
            add(why, because("en.titles", "a nationality adjective before the role"))
            out.append(Post(role=it.role.canonical, body=body, body_text=None, span=it.role_span, why=why))
            continue
        if it.body_text:
            bt = it.body_text.strip()
            key = re.sub(r"^the\s+", "", bt, flags=re.I)
            bt = re.sub(r"\s*\([A-Z]{2,8}\)", "", bt)
            if key in acronyms:
                bt = acronyms[key]
            else:
                bt = re.sub(
                    r"\b[A-Z]{2,8}\b",
                    lambda a: (
                        acronyms.get(a.group(0), a.group(0))
                        if a.group(0) not in lexicon().keep_acronyms
                        else a.group(0)
                    ),
                    bt,
                )
            # "Chairperson of (the) Board of Directors of X Group": the post is in the company
            bt = re.sub(r"^(?:the\s+)?Board(?:\s+of\s+Directors)?\s+of\s+(?:the\s+)?(?=[A-Z])", "", bt)
            wrap = lexicon().body_wrappers.get(it.role.canonical)
            if wrap and not any(w.strip("’'") in lexicon().body_heads for w in bt.split()):
                # "Deputy Minister of Foreign Affairs" -> the Ministry of Foreign Affairs (of Vietnam)
                inner = clean_body(bt)
                bt = wrap.format(body=titlecase(inner) if inner.islower() else inner)
                if it.country and it.country != "China" and " of " not in clean_body(it.body_text or ""):
                    bt = f"{bt} of {it.country}"
            q = qualify(bt, loc, level)
            body, body_text = q.name, q.text_form
            if body.lower() in {"party group", "leading party group"}:
                other = next(
                    (o for o in items if o is not it and o.body_text and "group" not in o.body_text.lower()),
                    None,
                )
                if other:
                    body = f"Party Group of the {qualify(other.body_text or '', loc, level).name}"
                elif "party group" in memory:
                    body = memory["party group"]
            if body.lower().startswith("party group of"):
                memory["party group"] = body
        elif it.country and not (it.country == "China" and it.role.default_body):
            body = lexicon().country_roles.get((it.country, it.role.canonical), it.country)
        elif it.role.default_body:
            body = default_body(it.role.default_body, level or role_level, loc, it.place)
        resolved[n] = body or ""
        out.append(
            Post(role=it.role.canonical, body=body, body_text=body_text, span=it.role_span, why=_post_why(it))
        )
    return out


_DEMONYM = re.compile(r"([A-Z][a-z]{3,}(?:i|e)a)n")


def _post_why(it: Item) -> list[str]:
    """The role's row of roles.tsv, and how the body was found."""
    row = lexicon().role_lines.get(it.role.surface)
    why = [from_line("en.titles", row) if row else because("en.titles", f"role {it.role.canonical}")]
    if it.body_text:
        add(why, because("en.titles", "body written in the title"))
    elif it.country and not (it.country == "China" and it.role.default_body):
        add(why, because("en.titles", "country written before the role (country_roles.tsv)"))
    elif it.role.default_body:
        add(why, because("en.titles", f"the role's default body {it.role.default_body} (roles.tsv)"))
    return why
