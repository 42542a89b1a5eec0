"""A small lexer for SPARQL text: just enough to find the keywords that matter to the endpoint's
security and protocol handling, never fooled by strings, IRIs, comments, variables or prefixed names.

- :func:`service_targets`: the endpoints a query or update would call (``SERVICE <iri>``; a variable
  or a prefixed name is reported as such, since it cannot be checked against an allow-list).
- :func:`load_sources`: the IRIs of ``LOAD`` operations in an update (they make the server fetch URLs).
- :func:`with_protocol_dataset`: an update with the protocol's ``using-graph-uri`` /
  ``using-named-graph-uri`` written into it as ``USING`` / ``USING NAMED`` clauses.

Linear in the text length (one pass of anchored regular expressions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.DOTALL)
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_COMMENT = re.compile(r"#[^\n]*")
_VAR = re.compile(r"[?$][\w\u00b7-\uffff]*")
_WORD = re.compile(r"[^\W\d][\w\-\u00b7-\uffff]*(?:\.[\w\-\u00b7-\uffff]+)*")
_PNAME_LOCAL = re.compile(r":(?:[\w\-.:%\u00b7-\uffff]|\\.)*")
_NUMBER = re.compile(r"\d[\w.]*")
_LANG = re.compile(r"@[A-Za-z0-9\-]*")
_SPACE = re.compile(r"\s+")


class SparqlTextError(ValueError):
    """A request the endpoint refuses on the grounds of its text (e.g. USING with using-graph-uri)."""


@dataclass(frozen=True)
class Token:
    kind: str  # kw (a bare word, upper-cased), iri, pname, var, punct, string, number
    value: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text``; whitespace and comments are skipped."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
            continue
        if c == "#":
            i = _COMMENT.match(text, i).end()  # type: ignore[union-attr]
            continue
        if c in "\"'":
            m = _STRING.match(text, i)
            end = m.end() if m else n  # an unterminated string runs to the end
            yield Token("string", text[i:end], i, end)
            i = end
            continue
        if c == "<":
            m = _IRI.match(text, i)
            if m:
                yield Token("iri", m.group()[1:-1], i, m.end())
                i = m.end()
                continue
            yield Token("punct", c, i, i + 1)
            i += 1
            continue
        if c in "?$":
            m = _VAR.match(text, i)
            end = m.end() if m else i + 1  # type: ignore[union-attr]
            yield Token("var", text[i:end], i, end)
            i = end
            continue
        if c == "@":
            end = _LANG.match(text, i).end()  # type: ignore[union-attr]
            yield Token("lang", text[i:end], i, end)
            i = end
            continue
        if c == ":":
            end = _PNAME_LOCAL.match(text, i).end()  # type: ignore[union-attr]
            yield Token("pname", text[i:end], i, end)
            i = end
            continue
        if c.isdigit():
            end = _NUMBER.match(text, i).end()  # type: ignore[union-attr]
            yield Token("number", text[i:end], i, end)
            i = end
            continue
        m = _WORD.match(text, i)
        if m:
            end = m.end()
            if end < n and text[end] == ":":  # a prefixed name (or a blank node label _:b)
                end = _PNAME_LOCAL.match(text, end).end()  # type: ignore[union-attr]
                yield Token("pname", text[i:end], i, end)
            else:
                yield Token("kw", m.group().upper(), i, end)
            i = end
            continue
        yield Token("punct", c, i, i + 1)
        i += 1


def _following(toks: list[Token], i: int, skip: tuple[str, ...] = ("SILENT",)) -> Token | None:
    j = i + 1
    while j < len(toks) and toks[j].kind == "kw" and toks[j].value in skip:
        j += 1
    return toks[j] if j < len(toks) else None


def service_targets(text: str) -> list[str]:
    """What every ``SERVICE`` of ``text`` names: the IRI, or the variable / prefixed name as written."""
    toks = list(tokens(text))
    out = []
    for i, t in enumerate(toks):
        if t.kind == "kw" and t.value == "SERVICE":
            nxt = _following(toks, i)
            out.append(nxt.value if nxt is not None else "")
    return out


def load_sources(text: str) -> list[str]:
    """The source of every ``LOAD`` operation of an update."""
    toks = list(tokens(text))
    return [(_following(toks, i) or Token("punct", "", 0, 0)).value
            for i, t in enumerate(toks) if t.kind == "kw" and t.value == "LOAD"]


def check_service(text: str, allowed: frozenset[str] | set[str]) -> None:
    """Raise :class:`SparqlTextError` unless every SERVICE / LOAD target is an allowed IRI."""
    for target in service_targets(text):
        if target not in allowed:
            raise SparqlTextError(
                f"SERVICE {target or '?'} refused: this endpoint calls no other endpoint unless its "
                "operator allows it by name (kg serve --allow-service IRI)")
    for source in load_sources(text):
        if source not in allowed:
            raise SparqlTextError(
                f"LOAD {source or '?'} refused: this endpoint fetches no URL unless its operator "
                "allows it by name (kg serve --allow-service IRI)")


def with_protocol_dataset(update: str, using: list[str], using_named: list[str]) -> str:
    """``update`` with ``USING <g>`` / ``USING NAMED <g>`` clauses before the WHERE of every
    DELETE/INSERT ... WHERE operation (SPARQL 1.1 Protocol, section 2.2.3). An update that has its
    own USING or WITH clause, or a ``DELETE WHERE`` shorthand (which takes no USING), is refused."""
    if not using and not using_named:
        return update
    toks = list(tokens(update))
    clauses = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])
    inserts: list[int] = []
    depth = 0
    for i, t in enumerate(toks):
        if t.kind == "punct" and t.value in "{[(":
            depth += 1
        elif t.kind == "punct" and t.value in "}])":
            depth -= 1
        elif t.kind == "kw" and t.value in ("USING", "WITH") and depth == 0:
            raise SparqlTextError(
                "the update names its own dataset (USING/WITH) and the request gives "
                "using-graph-uri/using-named-graph-uri: give one or the other")
        elif t.kind == "kw" and t.value == "WHERE" and depth == 0:
            prev = toks[i - 1] if i else None
            if prev is not None and prev.kind == "kw" and prev.value == "DELETE":
                raise SparqlTextError(
                    "using-graph-uri/using-named-graph-uri cannot apply to DELETE WHERE { ... }: "
                    "write DELETE { ... } WHERE { ... }")
            inserts.append(t.start)
    out, last = [], 0
    for pos in inserts:
        out.append(update[last:pos])
        out.append(clauses + " ")
        last = pos
    out.append(update[last:])
    return "".join(out)


def split_update(update: str) -> list[str]:
    """The operations of an update request, each a complete update of its own (the PREFIX and BASE
    declarations made before it are repeated in front of it)."""
    toks = list(tokens(update))
    ops: list[tuple[int, int]] = []
    depth, start = 0, 0
    for t in toks:
        if t.kind == "punct" and t.value in "{[(":
            depth += 1
        elif t.kind == "punct" and t.value in "}])":
            depth -= 1
        elif t.kind == "punct" and t.value == ";" and depth == 0:
            ops.append((start, t.start))
            start = t.end
    ops.append((start, len(update)))
    out: list[str] = []
    prologue = ""
    for a, b in ops:
        text = update[a:b]
        body_at = 0
        seg = [t for t in tokens(text)]
        i = 0
        while i < len(seg) and seg[i].kind == "kw" and seg[i].value in ("PREFIX", "BASE"):
            i += 3 if seg[i].value == "PREFIX" else 2
            body_at = seg[min(i, len(seg)) - 1].end
        own_prologue, body = text[:body_at], text[body_at:]
        if body.strip():
            out.append(prologue + own_prologue + body)
        prologue += own_prologue + "\n"
    return out
