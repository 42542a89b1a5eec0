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
