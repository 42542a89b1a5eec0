"""Provenance of extracted items, for ``kg extract --trace``.

Every item the parsers produce (a person, a post, a body, an initiative, an event, and each role of an
event: presided, attended, endorsed initiative, date, body, other relations) carries a ``why`` list of
strings ``"COMPONENT: RULE"``: the component that made it (``en.titles``, ``zh.events``) and the rule
or the data line behind it (a rule's name, or a ``kg.knowledge.Line.source`` such as
``en/roles.tsv:12``).

>>> because("en.titles", "appositive title")
'en.titles: appositive title'
>>> from kg.knowledge import Line
>>> from_line("zh.events", Line("主持\\tpresided", "zh/relation_cues.tsv:4"))
'zh.events: zh/relation_cues.tsv:4 (主持)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.model import Event, Extraction

if TYPE_CHECKING:
    from kg.knowledge import Line


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
        keys = _roles(e)
        out.extend(f"event {e.name!r} {label}" for key, label in keys if not e.role_why.get(key))
    return out


def _roles(e: Event) -> list[tuple[str, str]]:
    """(role key, label) of each role of ``e``, in the order ``untraced`` and the listing give them."""
    keys: list[tuple[str, str]] = []
    if e.body:
        keys.append(("body", f"body: {e.body}"))
    if e.date:
        keys.append(("date", f"date: {e.date}"))
    keys += [(f"presided:{n}", f"presided: {n}") for n in e.presided_by]
    keys += [(f"attended:{n}", f"attended: {n}") for n in e.attended_by]
    keys += [(f"initiative:{n}", f"initiative: {n}") for n in e.initiatives]
    for rel in sorted(e.relations):
        keys += [(f"{rel}:{n}", f"{rel}: {n}") for n in e.relations[rel]]
    return keys


def traced_json(extraction: Extraction, spans: bool = False) -> dict[str, Any]:
    """``Extraction.to_json`` with the provenance beside every item (``kg extract --trace``): a ``why``
    list on each person, post, body, initiative and event (bodies and initiatives become objects with a
    ``name``), each event's other ``relations`` and the ``why`` of each of its roles (``role_why``, keyed
    like ``role_spans``), and the release's ``untraced`` items.

    >>> from kg.model import Body, Extraction, Release
    >>> x = Extraction(Release("r", "text"), "en", bodies=[Body("State Council", why=["en.bodies: x"])])
    >>> traced_json(x)["bodies"]
    [{'name': 'State Council', 'why': ['en.bodies: x']}]
    """
    out = extraction.to_json(spans=spans)
    for p, d in zip(extraction.persons, out["persons"], strict=True):
        d["why"] = list(p.why)
        for post, pd in zip(p.posts, d["posts"], strict=True):
            pd["why"] = list(post.why)
    for kind, items in (("bodies", extraction.bodies), ("initiatives", extraction.initiatives)):
        out[kind] = [(d if isinstance(d, dict) else {"name": d}) | {"why": list(item.why)}
                     for item, d in zip(items, out[kind], strict=True)]
    for e, d in zip(extraction.events, out["events"], strict=True):
        d["why"] = list(e.why)
        d["relations"] = {k: list(v) for k, v in sorted(e.relations.items())}
        d["role_why"] = {key: list(e.role_why.get(key, [])) for key, _ in _roles(e)}
    out["untraced"] = untraced(extraction)
    return out


def listing(extraction: Extraction) -> str:
    """A readable trace of one release (``kg extract --format trace``): each item, then ``<-`` and the
    component and data line or rule behind it (``<- ?`` where nothing is recorded).

    >>> from kg.model import Extraction, Person, Release
    >>> x = Extraction(Release("r", "text"), "en", persons=[Person("Gao Ming", why=["en.names: pinyin"])])
    >>> print(listing(x), end="")
    r (en)
      person Gao Ming <- en.names: pinyin
    """
    lines = [f"{extraction.release.id} ({extraction.language})"]

    def item(indent: int, label: str, why: list[str]) -> None:
        lines.append(f"{'  ' * indent}{label} <- {'; '.join(why) if why else '?'}")

    for p in extraction.persons:
        item(1, f"person {p.name}", p.why)
        for post in p.posts:
            item(2, f"post {post.role} / {post.body}", post.why)
    for b in extraction.bodies:
        item(1, f"body {b.name}", b.why)
    for i in extraction.initiatives:
        item(1, f"initiative {i.name}", i.why)
    for e in extraction.events:
        item(1, f"event {e.name}", e.why)
        for key, label in _roles(e):
            item(2, label, e.role_why.get(key, []))
    return "\n".join(lines) + "\n"
