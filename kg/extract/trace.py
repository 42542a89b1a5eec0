"""Provenance of extracted items, for ``kg extract --trace``.

Every item the parsers produce (a person, a post, a body, an initiative, an event, and each role of an
event: presided, attended, endorsed initiative, date, body, other relations) carries a ``why`` list of
strings ``"COMPONENT: RULE"``: the component that made it (``en.titles``, ``zh.events``) and the rule
or the data line behind it (a rule's name, or a ``kg.knowledge.Line.source`` such as
``en/roles.tsv:12``).

>>> because("en.titles", "appositive title")
'en.titles: appositive title'
>>> from kg.knowledge import Line
>>> from_line("zh.events", Line("主持\\tpresided", "zh/verbs.tsv:4"))
'zh.events: zh/verbs.tsv:4 (主持)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.knowledge import Line
    from kg.model import Extraction


def because(component: str, rule: str) -> str:
    """A provenance entry: ``component`` (``"en.titles"``) made the item by ``rule``."""
    return f"{component}: {rule}"


def from_line(component: str, line: Line) -> str:
    """A provenance entry naming the data line (and its first cell) behind an item."""
    return f"{component}: {line.source} ({line.cells[0]})"


def add(why: list[str], entry: str) -> None:
    """Append ``entry`` to a ``why`` list once (items met twice keep one entry per reason)."""
    if entry not in why:
        why.append(entry)


def untraced(extraction: Extraction) -> list[str]:
    """Every item of ``extraction`` that has no ``why`` entry, named so that a reader can find it.

    Items: persons, their posts, bodies, initiatives, events, and each role of an event (presided,
    attended, initiative, the date and the body when set, each person of each other relation), whose
    provenance is ``Event.role_why`` under the keys of ``Event.role_spans`` (``"presided:NAME"``,
    ``"date"``, ``"inspected:NAME"``). A complete trace gives ``[]``.

    >>> from kg.model import Event, Extraction, Person, Post, Release
    >>> x = Extraction(Release("r", "text"), "en")
    >>> x.persons.append(Person("Gao Ming", [Post("Mayor", "Linfeng Municipal People's Government")],
    ...                         why=["en.persons: name before a title"]))
    >>> x.events.append(Event("Meeting", date="2024-05-01", presided_by=["Gao Ming"],
    ...                       relations={"inspected": ["Gao Ming"]}, why=["en.events: meeting noun"],
    ...                       role_why={"presided:Gao Ming": ["en.events: en/relation_cues.tsv:3"]}))
    >>> for item in untraced(x):
    ...     print(item)
    post of 'Gao Ming': Mayor / Linfeng Municipal People's Government
    event 'Meeting' date: 2024-05-01
    event 'Meeting' inspected: Gao Ming
    """
    out: list[str] = []
    for p in extraction.persons:
        if not p.why:
            out.append(f"person {p.name!r}")
        for post in p.posts:
            if not post.why:
                out.append(f"post of {p.name!r}: {post.role} / {post.body}")
    out.extend(f"body {b.name!r}" for b in extraction.bodies if not b.why)
    out.extend(f"initiative {i.name!r}" for i in extraction.initiatives if not i.why)
    for e in extraction.events:
        if not e.why:
            out.append(f"event {e.name!r}")
        roles: list[tuple[str, str]] = [("presided", n) for n in e.presided_by]
        roles += [("attended", n) for n in e.attended_by]
        roles += [("initiative", n) for n in e.initiatives]
        for rel in sorted(e.relations):
            roles += [(rel, n) for n in e.relations[rel]]
        keys = [(f"{kind}:{name}", f"{kind}: {name}") for kind, name in roles]
        if e.date:
            keys.insert(0, ("date", f"date: {e.date}"))
        if e.body:
            keys.insert(0, ("body", f"body: {e.body}"))
        out.extend(f"event {e.name!r} {label}" for key, label in keys if not e.role_why.get(key))
    return out
