"""Title chains: "Member of the Standing Committee of X and Secretary of Y", "Municipal Party Committee
Deputy Secretary and Mayor", "U.S. Ambassador to China" -> a list of (role, body text) items.

``parse_chain`` reads one chain; ``left_chain``/``right_chain`` find the chain written before a name
(pre-nominal title) or after it (appositive, comma-separated pieces).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.en.lexicon import Role, lexicon

_TOKEN = re.compile(r"Lt\.|U\.S\.|H\.E\.|Hon\.|[A-Za-z][\w’'‘\-]*|\d+\w*|[(),;:&]")
_LEAD = {
    "and",
    "a",
    "an",
    "the",
    "also",
    "as",
    "who",
    "is",
    "was",
    ",",
    "both",
    "its",
    "his",
    "her",
    "while",
    "hon.",
    "h.e.",
    "comrade",
    "mr",
    "ms",
    "dr",
    "respectively",
    "all",
}
_BODYISH_LOWER = {
    "party",
    "committee",
    "people's",
    "people’s",
    "congress",
    "standing",
    "county",
    "municipal",
    "district",
    "provincial",
    "city",
    "government",
    "cppcc",
    "npc",
    "mpc",
    "of",
    "the",
    "and",
    "group",
    "political",
    "legal",
    "affairs",
    "commission",
    "work",
    "department",
    "front",
    "united",
    "presidium",
    "court",
    "procuratorate",
    "organization",
    "office",
    "cpc",
}
# lowercase words a machine-translated body name goes on with after a head ("Qingshan CPC committee",
# "Songtao CPC county committee")
_LOWER_BODY_WORDS = (
    "committee|party|government|congress|standing|commission|group|county|municipal|district|city"
)
_BODY_STOP = re.compile(
    r"\s+(?:on|at|during|(?<!Friendship )(?<!Cooperation )(?<!Exchanges )with|who|which|that|was|were|is|"
    r"has|have|to|for his|for her|from|after|before|"
    r"presided|attended|chaired|hosted|met|said|made|delivered|participated|in (?=[a-z]))\b.*$"
    r"|(?<=[a-z])\s+(?!united\b)[a-z]+ed\b.*$"
)


@dataclass
class Item:
    role: Role
    role_span: tuple[int, int]
    body_text: str | None = None
    body_span: tuple[int, int] | None = None
    level: str | None = (
        None  # administrative level written in the chain ("Provincial Deputy Party Secretary")
    )
    country: str | None = None  # nationality written before the role ("U.S. Ambassador")
    place: str | None = None  # a bare place the body names ("Mayor of Ningbo")


# a region a company officer is responsible for ("Vice President for Asia-Pacific of X"); a remit like
# "Minister for Foreign Affairs" names a ministry instead and is not skipped
_REGION_WORD = re.compile(
    r"(?:Asia|Pacific|Asia-Pacific|Europe|Africa|Americas|America|Latin|Middle|East|Eurasia|Oceania|"
    r"Greater|China|Global|International|Overseas|North|South|Northern|Southern|Western|Eastern|Central|"
    r"Nordic|Region|Markets?|APAC|EMEA)"
)


def _tokens(seg: str, offset: int) -> list[tuple[str, int, int]]:
    seg = re.sub(r"\([A-Z]{2,8}\)", lambda m: " " * len(m.group(0)), seg)
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(seg)]


def _role_at(toks: list[tuple[str, int, int]], i: int) -> tuple[Role, int] | None:
    roles = lexicon().roles
    for n in (4, 3, 2, 1):
        if i + n > len(toks):
            continue
        words = [t[0].lower() for t in toks[i : i + n]]
        if any(w in {",", ";", "(", ")", ":"} for w in words):
            continue
        key = " ".join(words)
        if key in roles:
            return roles[key], i + n
        if "-" in key and key.replace("-", " ") in roles:
            return roles[key.replace("-", " ")], i + n  # "vice-mayor", "Vice-Chairman"
    return None


def _is_level(word: str) -> str | None:
    return lexicon().levels.get(word.lower())


def _bodyish(tok: str) -> bool:
    return tok[:1].isupper() or tok.lower() in _BODYISH_LOWER or tok.isdigit()


def _cut_body(text: str) -> str:
    text = _BODY_STOP.sub("", text)
    text = re.sub(r"\b([A-Z][a-z]+)\s+and\s+[a-z].*$", r"\1", text)
    heads = "|".join(sorted(lexicon().body_heads))
    # "Aral Trans Logistics JSC of Kazakhstan": the country after a company's legal form is no part of it
    text = re.sub(
        r"\b(Ltd\.?|Limited|Inc\.?|Corp\.?|GmbH|AG|ASA|AS|JSC|LLC|PLC|SpA) of [A-Z][a-z]+$", r"\1", text
    )
    located = "|".join(sorted(lexicon().located_heads))
    text = re.sub(rf"\b(?!(?:{located})\b)({heads}) in [A-Z][\w’'\-]*(?: [A-Z][\w’'\-]*)*$", r"\1", text)
    # "the Party School of the X Committee gave a lecture": a verb after a capitalized head ends the body
    not_verb = rf"(?:of|and|for|the|on|in|at|to|{_LOWER_BODY_WORDS})\b"
    text = re.sub(rf"\b({heads})\s+(?!{not_verb})[a-z][\w’'\-]*\b.*$", r"\1", text)
    return text.strip(" ,;:")


MAX_BODY_TOKENS = 60  # the longest body of the development set has 21 words


def parse_chain(seg: str, offset: int = 0) -> tuple[list[Item], int, str]:
    """Items of the chain in ``seg`` and the offset where the chain's text ends (absolute), with the
    leftover text before the first role (absolute offset handled by callers)."""
    lex = lexicon()
    toks = _tokens(seg, offset)
    occ: list[tuple[int, int, Role]] = []
    i = 0
    while i < len(toks):
        got = _role_at(toks, i)
        if got:
            role, j = got
            prev = toks[i - 1][0].lower() if i else ""
            prev2 = toks[i - 2][0].lower() if i > 1 else ""
            internal = prev == "of" or (prev == "the" and prev2 == "of") or prev in {"'s", "’s"}
            # "the Leading Party Members Group": a capitalized role word between a capitalized word and a
            # body's head noun is part of the body's name
            inside_name = (
                0 < i
                and j < len(toks)
                and toks[j][0] in lex.body_heads
                and toks[i][0][:1].isupper()
                and toks[i - 1][0][:1].isupper()
            )
            internal = internal or inside_name
            if not internal:
                occ.append((i, j, role))
            i = j
            continue
        i += 1
    items: list[Item] = []
    end = offset
    for k, (s, e, role) in enumerate(occ):
        nxt = occ[k + 1][0] if k + 1 < len(occ) else len(toks)
        prev_end = occ[k - 1][1] if k else 0
        before = toks[prev_end:s]
        # the body of the previous item takes everything up to the separator before this role
        while before and before[0][0].lower() in _LEAD:
            before = before[1:]
        item = Item(role=role, role_span=(toks[s][1], toks[e - 1][2]))
        if k and before and before[0][0].lower() == "of":
            before = []
        ands = [x for x, t in enumerate(before) if t[0].lower() == "and"]
        if ands:
            before = before[ands[-1] + 1 :]
        if before:
            words = [t[0] for t in before]
            low = " ".join(words).lower()
            for n in (2, 1):
                if len(words) >= n and " ".join(words[:n]).lower() in lex.nationalities:
                    item.country = lex.nationalities[" ".join(words[:n]).lower()]
                    words, before = words[n:], before[n:]
                    break
            low = " ".join(words).lower()
            lv = [_is_level(w) for w in words if _is_level(w)]
            if lv:
                item.level = lv[0]
            if words and all(_bodyish(w) for w in words) and not (len(words) == 1 and _is_level(words[0])):
                if low not in {"party", "cpc"}:
                    item.body_text = seg[before[0][1] - offset : before[-1][2] - offset]
                    item.body_span = (before[0][1], before[-1][2])
        after = toks[e:nxt]
        # trailing separators belong to no item
        while (
            after
            and after[-1][0].lower() in {"and", ",", "also", "a", "an", "the", ";", "as", "both"}
            and after[-1][0] != "AS"  # "Fjell Energy AS": a company's legal form
        ):
            after = after[:-1]
        if after and after[0][0].lower() == "to" and role.canonical == "Ambassador":
            after = []
        if after and after[0][0] == "for":
            # "Vice President for Asia-Pacific of X", "Director for Europe of X": a remit before the body
            k = next((x for x, t in enumerate(after[:5]) if t[0] == "of"), None)
            if k and k > 1 and all(_REGION_WORD.fullmatch(t[0]) for t in after[1:k]):
                after = after[k:]
        of_like = bool(after) and after[0][0].lower() == "of"
        if (
            after
            and after[0][0].lower() == "at"
            and not role.default_body
            and any(t[0] in lex.body_heads for t in after[1:])
        ):
            # "a professor at the Moxi Party School", "a researcher at the X Institute": "at" names the body
            of_like = True
        if of_like:
            body_toks = after[1:]
            if len(body_toks) > MAX_BODY_TOKENS:
                body_toks = []  # no body's name is this long ("Director of the Director of the ..." spam)
            if role.canonical == "Ambassador":
                cut = [x for x, t in enumerate(body_toks) if t[0].lower() == "to"]
                if cut:
                    body_toks = body_toks[: cut[0]]
            if body_toks:
                raw = seg[body_toks[0][1] - offset : body_toks[-1][2] - offset]
                body = _cut_body(raw)
                cut_short = len(body) < len(raw.rstrip(" ,;:"))
                if body:
                    bstart = body_toks[0][1]
                    item.body_text, item.body_span = body, (bstart, bstart + len(body))
                    if (
                        not any(
                            w in lex.body_heads or w.lower() in _BODYISH_LOWER or w.lower() in lex.levels
                            for w in body.split()
                        )
                        and body[:1].isupper()
                    ):
                        item.place = body.split(" in ")[0]
                    end = bstart + len(body)
                else:
                    end = toks[e - 1][2]
            else:
                end = toks[e - 1][2]
        elif after:
            end = toks[e - 1][2]
            if k + 1 == len(occ):
                # text after the last role that is no "of BODY": the chain ended at the role
                pass
        else:
            end = toks[e - 1][2]
        items.append(item)
        if of_like and body_toks and cut_short:
            break
    # "Saudi Crown Prince and Prime Minister X": the nationality before the first title is the next one's too
    for a, b in zip(items, items[1:], strict=False):
        if (
            a.country
            and not (b.country or b.body_text or b.place)
            and re.fullmatch(r"\s+and\s+", seg[a.role_span[1] - offset : b.role_span[0] - offset])
        ):
            b.country = a.country
    # "Deputy Party Secretary and Mayor of Ningbo": a bare place distributes backwards
    for a, b in zip(items, items[1:], strict=False):
        if a.body_text is None and b.place and not a.place:
            a.place = b.place
        elif (
            a.body_text is None
            and not a.place
            and a.level is None
            and not a.country
            and a.role.default_body == "{party}"
            and b.body_text
            and not b.place
            and not b.country
        ):
            # "Party Secretary and Chairman of Moxi Investment Group": the party organization inside that
            # body (a party group in a government organ, a party committee in a company or university)
            org = re.sub(r"^(?:the|The)\s+", "", b.body_text)
            kind = "Party Group" if _GOV_ORGAN.search(org) else "Party Committee"
            a.body_text = f"{kind} of the {org}"
        elif (
            a.body_text is None
            and not a.place
            and not a.role.default_body
            and not a.country
            and b.body_text
            and not b.place
            and re.fullmatch(r"\s+and\s+", seg[a.role_span[1] - offset : b.role_span[0] - offset])
        ):
            # "Vice Chairman and Secretary-General of the Standing Committee of X": both titles are in X
            a.body_text, a.body_span = b.body_text, b.body_span
    return items, end, ""


_GOV_ORGAN = re.compile(
    r"\b(?:Bureau|Department|Commission|Office|Administration|Government|Congress|Committee|Court|"
    r"Procuratorate|CPPCC|Ministry)\b"
)


def first_role_index(seg: str) -> int | None:
    toks = _tokens(seg, 0)
    for i in range(len(toks)):
        if _role_at(toks, i):
            return i
    return None


_DELIM = re.compile(
    r"[,;:(\n“\"]|(?-i:(?<![A-Z])(?<!\bLt)(?<!\bHon))\.\s|(?-i:(?<=[a-z])\.(?=(?:and|while|at|on)\s))|\bwith\b|\bby\b|\bincluding\b|\bled\b|\bbetween\b|\bwhile\b|\bthat\b|"
    r"\bwhen\b|\bfrom\b|\bfor\b|\bvisiting\b|\bthe\s+(?=[a-z]+\s+(?:of|and)\b)",
    re.I,
)


def left_chain(text: str, start: int, floor: int) -> tuple[list[Item], int] | None:
    """The pre-nominal title chain ending right before ``start`` (not reaching before ``floor``)."""
    lo = max(floor, start - 200)
    window = re.sub(r"\([A-Z]{2,8}\)", lambda m: " " * len(m.group(0)), text[lo:start])
    cut = 0
    for m in _DELIM.finditer(window):
        if m.group(0).lower() == "for" and re.match(r"\s+(improving|the|promoting)", window[m.end() :]):
            continue
        if m.group(0).lower().startswith("the") and re.match(r"presidium\b", window[m.end() :], re.I):
            continue  # "executive chairmen of the presidium of the session A, B and C"
        cut = m.end()
    seg = window[cut:]
    if not seg.strip():
        return None
    toks = _tokens(seg, lo + cut)
    if not toks:
        return None
    # the chain must start with body-ish words, then a role; drop what comes before
    ri = None
    for i in range(len(toks)):
        if _role_at(toks, i):
            ri = i
            break
    if ri is None:
        return None
    s = ri
    while (
        s > 0
        and toks[s - 1][0].lower() != "and"
        and (_bodyish(toks[s - 1][0]) or toks[s - 1][0].lower() in lexicon().nationalities)
    ):
        s -= 1
    while s < ri and toks[s][0].lower() in _LEAD | {"of", "and"}:
        s += 1
    seg_start = toks[s][1]
    sub = text[seg_start:start]
    items, end, _ = parse_chain(sub, seg_start)
    if not items:
        return None
    # the chain must reach the name: what follows the last role is empty or its "of BODY"
    tail = text[end:start].strip(" \u00a0")
    if tail and not re.fullmatch(r"(\([A-Z]{2,8}\))?", tail):
        if not (items[-1].role.canonical == "Ambassador" and re.fullmatch(r"to (the )?[A-Z][\w .]*", tail)):
            return None
    # "county party committee deputy secretary, county magistrate NAME": comma-joined pre-nominal titles
    comma = re.search(r",[ \u00a0]*$", text[max(floor, seg_start - 3) : seg_start])
    if comma and not items[0].role.plural:
        cpos = max(floor, seg_start - 3) + comma.start()
        more = left_chain(text, cpos, floor)
        sc = _STANDING_MEMBER.search(text[max(floor, cpos - 60) : cpos])
        if not more and sc:
            # "Municipal standing committee, executive deputy mayor NAME": a member of the party standing
            # committee (machine translation of "市委常委")
            s0 = max(floor, cpos - 60) + sc.start(1)
            lvl = sc.group(2) or sc.group(3)
            member = Item(
                role=lexicon().roles["member"],
                role_span=(s0, max(floor, cpos - 60) + sc.end(1)),
                body_text=f"{lvl} party committee standing committee",
                body_span=(s0, max(floor, cpos - 60) + sc.end(1)),
            )
            more = ([member], s0)
        if (
            more
            and not any(i.role.plural for i in more[0])
            and text[more[0][-1].role_span[1] : cpos].strip() == ""
        ):
            return more[0] + items, more[1]
    return items, seg_start


_STANDING_MEMBER = re.compile(
    r"(?:^|[.;,:\n])\s*(?:(?i:with)\s+)?(?:(?i:the)\s+)?"
    r"((?i:((?:provincial|municipal|city|county|district))(?:\s+party\s+committee)?\s+standing\s+committee"
    r"(?:\s+member)?|standing\s+committee\s+of\s+(?:the\s+)?(?:cpc\s+)?"
    r"((?:provincial|municipal|city|county|district))(?:\s+party)?\s+committee))\s*$"
)

# what may follow a post-nominal title with no body in the same piece: a verb of the sentence
_AFTER_TITLE = re.compile(
    r"(?i:also|and|as well|both|respectively|who|has|had|was|were|is|are|will|would|on|in|at|during|to|of|"
    r"for|presided|presides|chaired|chairs|hosted|hosts|attended|attends|said|says|made|delivered|pointed|"
    r"stressed|noted|emphasi[sz]ed|spoke|gave|met|meets|took|called|urged|expressed|introduced|briefed|"
    r"reported|participated|accompanied|visited|signed|listened|read|announced|extended|hoped|thanked|"
    r"welcomed|agreed|asked|required|put|[a-z]+ed)\b"
)

_PIECE_END = re.compile(
    r"[,;]|(?<!\bLt)(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bHon)(?<!\.[A-Z])\.(?:\s|$)|\s\(|\)"
    r"|(?<=[a-z])\.(?=(?:and|while|at|on)\s)"  # "...Government.and X": a period that lost its space
)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(lexicon().nationalities.values())


def right_chain(text: str, end: int, starts: Sequence[int] = ()) -> tuple[list[Item], int] | None:
    """The appositive chain after the name ending at ``end``: ", Member of X and Secretary of Y, ...".
    ``starts`` are where other names begin, sorted: a piece holding a name is that name's title, not ours."""
    # ", Title", and the layouts "Name- Title" and "Name (Title of X)"
    m = re.match(
        r"\s*(?:(\((?:[RLC]|\d\w*\s+[RL]|center|centre|front|right|left|middle)\))?\s*,|[-–—](?=\s*[A-Za-z])"
        r"|\((?=[A-Za-z][a-z]))\s*",
        text[end : end + 16],
    )
    if not m:
        return None
    pos = end + m.end()
    items: list[Item] = []
    chain_end = None
    while True:
        stop = _PIECE_END.search(text, pos)
        piece_end = stop.start() if stop else len(text)
        # keep "(NPC)"-style glosses inside the piece
        while (
            stop
            and stop.group(0) == " ("
            and re.match(r"\s\([A-Z]{2,8}\)", text[stop.start() : stop.start() + 12])
        ):
            stop = _PIECE_END.search(text, text.index(")", stop.start()) + 1)
            piece_end = stop.start() if stop else len(text)
        piece = text[pos:piece_end]
        k = bisect_left(starts, pos)
        if k < len(starts) and starts[k] < piece_end:
            break
        if items and stop and stop.group(0) == "," and piece.strip() in _countries():
            pos = stop.end()  # "the governor of Miyagi, Japan, also head of ...": the country is no piece
            continue
        # after a first title, a plural one starts a list of other (unnamed) people: "X, Secretary-General
        # of Y, members of the committee and the heads of relevant departments attended"
        toks_p = _tokens(piece, 0)
        fr = next((_role_at(toks_p, x) for x in range(len(toks_p)) if _role_at(toks_p, x)), None)
        if items and fr and fr[0].plural:
            break
        if fr and fr[0].plural and re.match(r"\s*and\s", piece):
            break  # "Chief Procurator X, and heads of the County Finance Bureau attended": other people
        lead = re.match(
            r"\s*(?:(?:and|also|a|an|the|who is|who (?:also )?serves as|is|as|respectively|both|all)\s+)*",
            piece,
        )
        body_start = pos + (lead.end() if lead else 0)
        sub = text[body_start:piece_end]
        idx = first_role_index(sub)
        if idx is None or idx > 6:
            break
        got, chain_text_end, _ = parse_chain(sub, body_start)
        if not got:
            break
        toks = _tokens(sub, 0)
        pre = toks[:idx]
        if pre and not all(_bodyish(t[0]) or t[0].lower() in lexicon().nationalities for t in pre):
            break
        # the piece must be a title only: after the last role, nothing but its body
        tail = text[chain_text_end:piece_end].strip()
        if tail and chain_text_end == got[-1].role_span[1] and not _AFTER_TITLE.match(tail):
            break  # ", county cppcc chairman liu bin attended": the title of the next name, not ours
        items.extend(got)
        chain_end = piece_end if not tail or len(tail) < 3 else chain_text_end
        if tail and len(tail) >= 3:
            break
        if not stop or stop.group(0) not in {",", ";"}:
            break
        pos = stop.end()
    if not items:
        return None
    return items, chain_end or end


_COPULA = re.compile(
    r"[ \u00a0]*(?:[—–][ \u00a0]*)?(?:(are|were)[ \u00a0]+(?:all[ \u00a0]+|both[ \u00a0]+)?"
    r"|(is|was)[ \u00a0]+(?:also[ \u00a0]+)?(?:a[ \u00a0]+|an[ \u00a0]+|the[ \u00a0]+)?)(?=[A-Za-z])"
)


def predicate_chain(text: str, end: int) -> tuple[list[Item], int] | None:
    """ "The leaders, A, B and C, are all members of X." / "A is a member of X.": a title given as the
    predicate of the sentence. The title must fill the rest of the sentence; "are" takes a plural title
    (it then distributes over the list before it), "is" a singular one."""
    m = _COPULA.match(text, end)
    if not m:
        return None
    stop = re.search(r"[.;:\n]|$", text[m.end() : m.end() + 300])
    sub = text[m.end() : m.end() + (stop.start() if stop else 300)]
    if first_role_index(sub) != 0:
        return None
    items, chain_end, _ = parse_chain(sub, m.end())
    if not items or items[0].role.plural != bool(m.group(1)):
        return None
    if text[chain_end : m.end() + len(sub)].strip(" ,\u00a0"):
        return None
    return items, chain_end
