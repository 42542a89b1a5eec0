"""Read what the explorer and the report show beside the graph: where each relation was read (the
release and the quoted sentence of its ``kgo:Evidence`` node) and the dates each holding of a post is
attested on (its membership's interval: ``kgo:asOf``, the dates of the releases that name the holder in
the post, and the beginning and end the releases report).

Kept apart from :mod:`kg.analyze.data` (the graph itself) so that the analyses that need no evidence
never pay for reading it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kg.analyze.data import QueryStore

# relation name of each predicate whose evidence is shown (kg.analyze.graphs' edge labels)
RELATIONS = {
    "https://w3id.org/kg/ontology#presidedBy": "presided",
    "https://schema.org/attendee": "attended",
    "https://w3id.org/kg/ontology#convenedBy": "convened",
    "https://w3id.org/kg/ontology#endorses": "endorses",
    "http://www.w3.org/ns/org#holds": "holds",
    "http://www.w3.org/ns/org#postIn": "post in",
}

_EVIDENCE = """SELECT ?s ?p ?o ?r ?q WHERE {
  VALUES ?p { kgo:presidedBy schema:attendee kgo:convenedBy kgo:endorses org:holds org:postIn }
  ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?r .
  OPTIONAL { ?ev kgo:quote ?q }
}"""

_POST_DATES = """SELECT DISTINCT ?person ?post ?d WHERE {
  ?m kgo:post ?post ; org:member ?person ; org:memberDuring ?i .
  { ?i kgo:asOf ?d } UNION { ?i time:hasBeginning/time:inXSDDate ?d }
  UNION { ?i time:hasEnd/time:inXSDDate ?d }
}"""


@dataclass
class Evidence:
    # (subject, relation, object) as in the store (event presided person, person holds post, ...)
    # -> sorted [(release IRI, quoted sentence or "")]
    quotes: dict[tuple[str, str, str], list[tuple[str, str]]] = field(default_factory=dict)
    post_dates: dict[str, list[str]] = field(default_factory=dict)  # post -> sorted dates (all holders)
    # (person, post) -> sorted dates of that person's holding (a post is shared by successive holders)
    holder_dates: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def dates_of(self, post: str, person: str | None = None) -> list[str]:
        """The dates ``person``'s holding of ``post`` is attested on (every holder's without ``person``)."""
        if person is None:
            return self.post_dates.get(post, [])
        return self.holder_dates.get((person, post), [])

    def tenure(self, post: str, person: str | None = None) -> tuple[str, str] | None:
        """(first, last) attested date of a post (of ``person``'s holding of it, when given)."""
        dates = self.dates_of(post, person)
        return (dates[0], dates[-1]) if dates else None


def _text(term: Any) -> str | None:
    """The IRI or lexical form of a result term (rdflib terms are strings; pyoxigraph's have .value)."""
    if term is None:
        return None
    return str(term) if isinstance(term, str) else str(term.value)


def load_evidence(store: QueryStore) -> Evidence:
    quotes: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    row: Any
    for row in store.query(_EVIDENCE):
        s, p, o, r, q = (_text(x) for x in row)
        if s is None or p not in RELATIONS or o is None or r is None:
            continue
        quotes[(s, RELATIONS[p], o)].add((r, q or ""))
    dates: dict[str, set[str]] = defaultdict(set)
    held: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person, post, d in store.query(_POST_DATES):
        dates[_text(post) or ""].add(_text(d) or "")
        held[(_text(person) or "", _text(post) or "")].add(_text(d) or "")
    return Evidence({k: sorted(v) for k, v in sorted(quotes.items())},
                    {k: sorted(v) for k, v in sorted(dates.items())},
                    {k: sorted(v) for k, v in sorted(held.items())})
