"""Initiative diffusion: when each body (and each place) first endorsed each initiative.

A body adopts an initiative on the date of the first dated event it convened that endorsed it; the
bodies of an initiative are ordered by that date (then by label). An adopter's *position* is one plus
the number of bodies that adopted strictly earlier, so bodies adopting on the same day share it. The
*share reached* on a date is the fraction of the *active bodies* (bodies that convened at least one
dated event) that have adopted by then. A body adopts *early* when its position is within the first
third (rounded up) of the initiative's adopters; only initiatives with two or more adopters count.
The *place* of a body is the jurisdiction its name points to (kg.resolve.persons.body_locality: a
known place's province, a place read from the name, or China for national bodies).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kg.analyze.data import EVENT, GraphData


@dataclass(frozen=True)
class Adoption:
    initiative: str
    body: str
    date: str
    event: str  # the first endorsing event
    position: int  # 1 = among the first adopters
    place: str | None
    first_in_place: bool  # no body of the same place adopted earlier


@cache
def _place_of_name(name: str) -> str | None:
    from kg.resolve.persons import body_locality

    found = body_locality(name)
    return found[0] if found else None


def place_of(data: GraphData, body: str) -> str | None:
    """The jurisdiction slug of a body ("qingshan", "china"), or None when its name names no place."""
    for name in (data.labels.get(body, {}).get("en"), data.label_zh(body), data.label(body)):
        if name and (place := _place_of_name(name)):
            return place
    return None


def place_name(slug: str | None) -> str:
    return slug.replace("-", " ").title() if slug else ""


def active_bodies(data: GraphData) -> set[str]:
    return {b for e, b in data.convened if e in data.dates}


def adoptions(data: GraphData) -> dict[str, list[Adoption]]:
    """initiative -> the first adoption by each body, in time order (initiatives without any dated,
    convened endorsement are left out)."""
    bodies_of: dict[str, set[str]] = defaultdict(set)
    for event, body in data.convened:
        bodies_of[event].add(body)
    first: dict[tuple[str, str], tuple[str, str]] = {}  # (initiative, body) -> (date, event)
    for x, initiative in data.endorses:
        if data.kinds.get(x) != EVENT or x not in data.dates:
            continue
        for body in bodies_of[x]:
            cand = (data.dates[x], x)
            if (initiative, body) not in first or cand < first[(initiative, body)]:
                first[(initiative, body)] = cand
    by_initiative: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (initiative, body), (date, event) in first.items():
        by_initiative[initiative].append((date, body, event))
    out: dict[str, list[Adoption]] = {}
    for initiative in sorted(by_initiative):
        rows = sorted(by_initiative[initiative], key=lambda r: (r[0], data.label(r[1]).casefold(), r[1]))
        seen_places: set[str] = set()
        adopted: list[Adoption] = []
        for date, body, event in rows:
            place = place_of(data, body)
            position = 1 + sum(1 for d, _b, _e in rows if d < date)
            adopted.append(Adoption(initiative, body, date, event, position, place,
                                    place is not None and place not in seen_places))
            if place is not None:
                seen_places.add(place)
        out[initiative] = adopted
    return out


def curve(adopted: list[Adoption], population: int) -> list[tuple[str, float]]:
    """(date, share of the ``population`` reached by that date), one point per adoption date."""
    points: dict[str, int] = {}
    for i, a in enumerate(adopted, 1):
        points[a.date] = i
    return [(d, n / population if population else 0.0) for d, n in sorted(points.items())]


@dataclass(frozen=True)
class Adopter:
    body: str
    adopted: int  # initiatives adopted
    early: int  # of which early (first third)
    first: int  # of which at position 1
    mean_position: float | None  # 0 = always first, 1 = always last; None when never compared


def early_adopters(data: GraphData, found: dict[str, list[Adoption]]) -> list[Adopter]:
    """Every adopting body, earliest adopters first (early, then first, then adopted, then label)."""
    adopted: dict[str, int] = defaultdict(int)
    early: dict[str, int] = defaultdict(int)
    first: dict[str, int] = defaultdict(int)
    positions: dict[str, list[float]] = defaultdict(list)
    for initiative in sorted(found):
        rows = found[initiative]
        n = len(rows)
        for a in rows:
            adopted[a.body] += 1
            if n < 2:
                continue
            if a.position <= math.ceil(n / 3):
                early[a.body] += 1
            if a.position == 1:
                first[a.body] += 1
            positions[a.body].append((a.position - 1) / (n - 1))
    out = [Adopter(b, adopted[b], early[b], first[b],
                   sum(positions[b]) / len(positions[b]) if positions[b] else None) for b in adopted]
    return sorted(out, key=lambda a: (-a.early, -a.first, -a.adopted,
                                      a.mean_position if a.mean_position is not None else 2.0,
                                      data.label(a.body).casefold(), a.body))

