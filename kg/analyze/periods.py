"""Time windows over the graph: the events of a period, and how centrality moved between two periods.

Only events carry dates (``schema:startDate``), so a window keeps the dated events inside it (both
bounds inclusive, ``YYYY-MM-DD`` or a prefix such as ``2024`` or ``2024-03``) with their presiders,
attendees, convening bodies and endorsements; an undated event is outside every window. A body's
endorsement of an initiative stays only when one of the body's events in the window endorsed it.
Persons, bodies, initiatives and posts stay known (with their labels) whatever the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.analyze.data import EVENT, GraphData


def in_window(date: str | None, since: str | None, until: str | None) -> bool:
    """Is ``date`` inside [since, until]? A prefix bound covers its whole year or month."""
    if date is None:
        return since is None and until is None
    if since is not None and date[: len(since)] < since:
        return False
    return not (until is not None and date[: len(until)] > until)


def restrict(data: GraphData, since: str | None = None, until: str | None = None) -> GraphData:
    """The graph seen through the window [since, until] (see the module doc); ``data`` itself when
    there is no bound."""
    if since is None and until is None:
        return data
    return keep_events(data, lambda d: in_window(d, since, until))


def split(data: GraphData, at: str) -> tuple[GraphData, GraphData]:
    """The two periods before ``at`` and from ``at`` on (a date or a prefix such as ``2024-07``)."""
    return (keep_events(data, lambda d: d[: len(at)] < at), keep_events(data, lambda d: d[: len(at)] >= at))


def keep_events(data: GraphData, keep: Callable[[str], bool]) -> GraphData:
    """The graph with only the dated events whose date satisfies ``keep``."""
    kept = {e for e in data.of_kind(EVENT) if e in data.dates and keep(data.dates[e])}
    kinds = {iri: k for iri, k in data.kinds.items() if k != EVENT or iri in kept}
    convened = {(e, b) for e, b in data.convened if e in kept}
    event_endorses = {(e, i) for e, i in data.endorses if e in kept}
    bodies_of: dict[str, set[str]] = {}
    for e, b in convened:
        bodies_of.setdefault(e, set()).add(b)
    body_endorses = {(b, i) for e, i in event_endorses for b in bodies_of.get(e, ())}
    return replace(
        data,
        kinds=kinds,
        participation={(e, p, r) for e, p, r in data.participation if e in kept},
        convened=convened,
        endorses=event_endorses | {(x, i) for x, i in data.endorses if (x, i) in body_endorses},
        dates={e: d for e, d in data.dates.items() if e in kept},
    )


def median_date(data: GraphData) -> str | None:
    """The median event date (the later of the two middle ones), the default split of two periods."""
    dates = sorted(data.dates[e] for e in data.of_kind(EVENT) if e in data.dates)
    return dates[len(dates) // 2] if dates else None
