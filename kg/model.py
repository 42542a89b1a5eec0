"""The data that flows through the pipeline: a Release read from disk, and the Extraction read from it.

read -> Release -> extract -> Extraction -> resolve/rdf -> store

Every extracted item keeps the character spans (offsets into ``Release.text``) it was read from, so
that each RDF assertion can point back to its release and sentence. ``Extraction.to_json()`` gives the
JSON Lines contract of ``kg extract --format jsonl`` (the fields of ../shared/corpus/GUIDELINES.md,
plain strings), with spans and extra fields only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]
"""Half-open character offsets [start, end) into Release.text."""


@dataclass
class Release:
    """One published release, decoded to text, with what its page furniture says about it."""

    id: str  # file stem, or the "id" field of a .jsonl line
    text: str  # the full decoded text (HTML already turned into text)
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD stated by the page, else None
    source: str | None = None  # "来源: CCFAO", "Source: Foreign Affairs Office of ..."
    language: str | None = None  # "en" | "zh", detected when None
    path: str | None = None  # where it was read from
    encoding: str | None = None  # the encoding the bytes were decoded with
    date_hint: str | None = None  # YYYY-MM-DD from outside the text (e.g. a file name); year fallback only


@dataclass
class Post:
    role: str  # office word as the analyst wants it: "Secretary", "Deputy Secretary", "书记", "常委"
    body: str | None  # the body, locally qualified where the text leaves it implicit
    body_text: str | None = None  # the text's own form of the body, when it differs ("市委")
    span: Span | None = None
    why: list[str] = field(default_factory=list)  # provenance for --trace: "component: rule or data line"


@dataclass
class Person:
    name: str  # as written (Chinese characters for Chinese text)
    posts: list[Post] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    why: list[str] = field(default_factory=list)


@dataclass
class Body:
    name: str  # the preferred (qualified) form
    text_form: str | None = None  # the text's own form when it differs
    spans: list[Span] = field(default_factory=list)
    why: list[str] = field(default_factory=list)


@dataclass
class Initiative:
    name: str
    spans: list[Span] = field(default_factory=list)
    why: list[str] = field(default_factory=list)


@dataclass
class Event:
    name: str
    date: str | None = None  # YYYY-MM-DD
    body: str | None = None  # the convening body (a Body.name)
    presided_by: list[str] = field(default_factory=list)  # Person.name values
    attended_by: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)  # Initiative.name values
    kind: str | None = None  # "meeting", "session", "talks", "visit", "conference", ...
    span: Span | None = None  # where the event is reported
    role_spans: dict[str, Span] = field(default_factory=dict)  # "presided:NAME"/"attended:NAME" -> span
    # Relations beyond presided/attended, by relation id of kg/data/relations.tsv ("inspected": [names]).
    relations: dict[str, list[str]] = field(default_factory=dict)
    why: list[str] = field(default_factory=list)  # provenance of the event itself (and its date, body)
    # Provenance of each role, keyed like role_spans: "presided:NAME", "attended:NAME",
    # "initiative:NAME", "date", "body", "RELATION:NAME".
    role_why: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Extraction:
    release: Release
    language: str
    persons: list[Person] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    locality: str | None = None  # the locality the release is about ("Changchun", "包头市")

    def to_json(self, spans: bool = False) -> dict[str, Any]:
        """The GUIDELINES.md shape; with ``spans`` also character offsets and the texts' own forms."""
        r = self.release

        def post(p: Post) -> dict[str, Any]:
            d: dict[str, Any] = {"role": p.role, "body": p.body}
            if spans:
                d["body_text"] = p.body_text
                d["span"] = list(p.span) if p.span else None
            return d

        def person(p: Person) -> dict[str, Any]:
            d: dict[str, Any] = {"name": p.name, "posts": [post(x) for x in p.posts]}
            if spans:
                d["spans"] = [list(s) for s in p.spans]
            return d

        def named(x: Body | Initiative) -> Any:
            if not spans:
                return x.name
            d: dict[str, Any] = {"name": x.name, "spans": [list(s) for s in x.spans]}
            if isinstance(x, Body):
                d["text_form"] = x.text_form
            return d

        def event(e: Event) -> dict[str, Any]:
            d: dict[str, Any] = {
                "name": e.name,
                "date": e.date,
                "body": e.body,
                "presided_by": list(e.presided_by),
                "attended_by": list(e.attended_by),
                "initiatives": list(e.initiatives),
            }
            if spans:
                d["kind"] = e.kind
                d["span"] = list(e.span) if e.span else None
                d["role_spans"] = {k: list(v) for k, v in sorted(e.role_spans.items())}
            return d

        out: dict[str, Any] = {
            "id": r.id,
            "url": r.url,
            "title": r.title,
            "language": self.language,
            "published": r.published,
            "persons": [person(p) for p in self.persons],
            "bodies": [named(b) for b in self.bodies],
            "initiatives": [named(i) for i in self.initiatives],
            "events": [event(e) for e in self.events],
        }
        if spans:
            out["locality"] = self.locality
            out["source"] = r.source
            out["path"] = r.path
        return out
