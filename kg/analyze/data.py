"""Read what the analyses and the explorer need out of the store, with plain SPARQL SELECT queries.

The result is a :class:`GraphData` of plain strings (IRIs, labels, dates), so that the graph
algorithms (:mod:`kg.analyze.graphs`, :mod:`kg.analyze.metrics`) and the explorer can be tested and
reused without a store. Node kinds are recognised both by their ``rdf:type`` and by the properties
they take part in, so that a meeting typed only ``kgo:Meeting`` still counts as an event.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import Literal

from kg.rdf.vocab import PREFIXES

_PREFIXES = {k: str(v) for k, v in PREFIXES.items()}

PERSON, BODY, EVENT, INITIATIVE, POST = "person", "body", "event", "initiative", "post"
KINDS = (PERSON, BODY, EVENT, INITIATIVE, POST)
PRESIDED, ATTENDED = "presided", "attended"


class QueryStore(Protocol):
    """What this module needs of :class:`kg.store.Store`."""

    def query(self, sparql: str) -> Any: ...


@dataclass(frozen=True)
class ReleaseInfo:
    iri: str
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass
class GraphData:
    """Everything about persons, bodies, events, initiatives and posts that the analyses use."""

    kinds: dict[str, str] = field(default_factory=dict)  # iri -> one of KINDS
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # iri -> lang ("" = none) -> label
    aliases: dict[str, set[str]] = field(default_factory=dict)  # iri -> every label and skos:altLabel
    participation: set[tuple[str, str, str]] = field(default_factory=set)  # (event, person, role)
    convened: set[tuple[str, str]] = field(default_factory=set)  # (event, body)
    endorses: set[tuple[str, str]] = field(default_factory=set)  # (event or body, initiative)
    holds: set[tuple[str, str]] = field(default_factory=set)  # (person, post)
    post_in: set[tuple[str, str]] = field(default_factory=set)  # (post, body)
    post_role: dict[str, str] = field(default_factory=dict)  # post -> role label
    dates: dict[str, str] = field(default_factory=dict)  # event -> YYYY-MM-DD
    sources: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # iri -> release IRIs
    releases: dict[str, ReleaseInfo] = field(default_factory=dict)
    # post -> its bodies, built on first use (post_label is asked once per edge of the explorer)
    _bodies_of: tuple[int, dict[str, list[str]]] | None = field(default=None, init=False, compare=False,
                                                                 repr=False)

    def of_kind(self, kind: str) -> list[str]:
        return sorted(iri for iri, k in self.kinds.items() if k == kind)

    def label(self, iri: str) -> str:
        """The display label: English, else untagged, else Chinese, else any, else the IRI's tail."""
        by_lang = self.labels.get(iri, {})
        for lang in ("en", ""):
            if lang in by_lang:
                return by_lang[lang]
        zh = self.label_zh(iri)
        if zh:
            return zh
        if by_lang:
            return by_lang[sorted(by_lang)[0]]
        return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def label_zh(self, iri: str) -> str | None:
        """The Chinese label when there is one (zh, zh-Hans, zh-Hant, ...)."""
        by_lang = self.labels.get(iri, {})
        for lang in sorted(by_lang):
            if lang == "zh" or lang.startswith("zh-"):
                return by_lang[lang]
        return None

    def display(self, iri: str) -> str:
        """``English (中文)`` when both exist, else the one label."""
        main, zh = self.label(iri), self.label_zh(iri)
        return f"{main} ({zh})" if zh and zh != main else main

    def post_label(self, post: str) -> str:
        """``Role, Body`` for a post (its own label when it has one)."""
        if post in self.labels:
            return self.label(post)
        role = self.post_role.get(post, "")
        if self._bodies_of is None or self._bodies_of[0] != len(self.post_in):
            index: dict[str, list[str]] = defaultdict(list)
            for p, b in self.post_in:
                index[p].append(b)
            self._bodies_of = (len(self.post_in), index)
        bodies = sorted(self.label(b) for b in self._bodies_of[1].get(post, ()))
        return ", ".join(x for x in [role, *bodies] if x) or self.label(post)


# kind, priority (lower wins when a node looks like several kinds), query pattern binding ?x
_KIND_PATTERNS: list[tuple[str, str]] = [
    (EVENT, "{ ?x a schema:Event } UNION { ?x a kgo:Meeting } UNION { ?x kgo:presidedBy ?y } "
            "UNION { ?x schema:attendee ?y } UNION { ?x kgo:convenedBy ?y }"),
    (INITIATIVE, "{ ?x a kgo:Initiative } UNION { ?y kgo:endorses ?x }"),
    (PERSON, "{ ?x a schema:Person } UNION { ?x a foaf:Person } UNION { ?y kgo:presidedBy ?x } "
             "UNION { ?y schema:attendee ?x } UNION { ?x org:holds ?y } UNION { ?y org:heldBy ?x }"),
    (BODY, "{ ?x a org:Organization } UNION { ?x a schema:GovernmentOrganization } "
           "UNION { ?y kgo:convenedBy ?x } UNION { ?y org:postIn ?x } UNION { ?x org:subOrganizationOf ?y }"),
    (POST, "{ ?x a org:Post } UNION { ?y org:holds ?x } UNION { ?x org:heldBy ?y } "
           "UNION { ?x org:postIn ?y }"),
]

_LABELS = """SELECT DISTINCT ?x ?l ?rank WHERE {
  { ?x rdfs:label ?l BIND(1 AS ?rank) } UNION { ?x skos:prefLabel ?l BIND(2 AS ?rank) }
  UNION { ?x schema:name ?l BIND(3 AS ?rank) } UNION { ?x foaf:name ?l BIND(4 AS ?rank) }
}"""

_ALIASES = """SELECT DISTINCT ?x ?l WHERE {
  { ?x rdfs:label ?l } UNION { ?x skos:prefLabel ?l } UNION { ?x skos:altLabel ?l }
  UNION { ?x schema:name ?l } UNION { ?x foaf:name ?l }
}"""

_PARTICIPATION = """SELECT DISTINCT ?e ?p ?role WHERE {
  { ?e kgo:presidedBy ?p BIND("presided" AS ?role) } UNION { ?e schema:attendee ?p BIND("attended" AS ?role) }
}"""

_PAIRS = {
    "convened": "SELECT DISTINCT ?a ?b WHERE { ?a kgo:convenedBy ?b }",
    "endorses": "SELECT DISTINCT ?a ?b WHERE { ?a kgo:endorses ?b }",
    "holds": "SELECT DISTINCT ?a ?b WHERE { { ?a org:holds ?b } UNION { ?b org:heldBy ?a } }",
    "post_in": "SELECT DISTINCT ?a ?b WHERE { ?a org:postIn ?b }",
}

_ROLES = """SELECT DISTINCT ?post ?l WHERE {
  ?post org:role ?r . { ?r skos:prefLabel ?l } UNION { ?r rdfs:label ?l }
  FILTER(lang(?l) = "" || langMatches(lang(?l), "en"))
}"""

_DATES = "SELECT DISTINCT ?e ?d WHERE { ?e schema:startDate ?d }"

# Where each resource was read: the release named by the evidence of a triple it is the subject or
# object of, and the release graph(s) it is typed in (by a type other than evidence's own). Three
# queries: one UNION of the three costs Oxigraph about three times as much.
_SOURCES = (
    "SELECT DISTINCT ?x ?r WHERE { ?ev rdf:subject ?x ; prov:wasDerivedFrom ?r }",
    "SELECT DISTINCT ?x ?r WHERE { ?ev rdf:object ?x FILTER(isIRI(?x)) ?ev prov:wasDerivedFrom ?r }",
    "SELECT DISTINCT ?x ?r WHERE { GRAPH ?r { ?x a ?t FILTER(?t != kgo:Evidence && ?t != prov:Entity) } }",
)

_RELEASES = """SELECT ?r ?id ?url ?title ?published WHERE {
  ?r kgo:releaseId ?id .
  OPTIONAL { ?r schema:url ?url } OPTIONAL { ?r schema:headline ?title }
  OPTIONAL { ?r schema:datePublished ?published }
}"""


class Text(str):
    """A literal's lexical form with its language tag (``""`` when none): what the analyses keep of a
    literal, without rdflib's term conversion."""

    language: str

    def __new__(cls, value: str, language: str | None = None) -> Text:
        t = super().__new__(cls, value)
        t.language = language or ""
        return t


def _plain(term: Any) -> Any:
    """A result term as a plain value: an IRI or blank node as its string, a literal as :class:`Text`."""
    if term is None:
        return None
    if isinstance(term, Literal):
        return Text(str(term), term.language)
    if isinstance(term, ox.Literal):
        return Text(term.value, term.language)
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def rows(store: QueryStore, sparql: str) -> list[tuple[Any, ...]]:
    """The rows of a SELECT as tuples of plain values (:func:`_plain`). A :class:`kg.store.Store` is
    asked through pyoxigraph directly (its ``ox``), so no row goes through rdflib's terms; any other
    ``QueryStore`` through its ``query``."""
    ox_store = getattr(store, "ox", None)
    if isinstance(ox_store, ox.Store):
        res = ox_store.query(sparql, prefixes=_PREFIXES)
        names = [v.value for v in res.variables]
        return [tuple(_plain(sol[n]) for n in names) for sol in res]
    return [tuple(_plain(t) for t in row) for row in store.query(sparql)]


_rows = rows


def _s(term: Any) -> str | None:
    return None if term is None else str(term)


def load(store: QueryStore) -> GraphData:
    """Read a :class:`GraphData` from the store (a handful of SELECT queries)."""
    data = GraphData()
    for kind, pattern in reversed(_KIND_PATTERNS):  # higher-priority kinds overwrite lower ones
        for (x,) in _rows(store, f"SELECT DISTINCT ?x WHERE {{ {pattern} FILTER(isIRI(?x)) }}"):
            data.kinds[str(x)] = kind

    best: dict[tuple[str, str], tuple[int, str]] = {}
    for x, lit, rank in _rows(store, _LABELS):
        iri = str(x)
        if iri not in data.kinds or not isinstance(lit, Text):
            continue
        key = (iri, lit.language.lower())
        cand = (int(rank), str(lit))
        if key not in best or cand < best[key]:
            best[key] = cand
    for (iri, lang), (_, text) in sorted(best.items()):
        data.labels.setdefault(iri, {})[lang] = text

    for x, lit in _rows(store, _ALIASES):
        if str(x) in data.kinds:
            data.aliases.setdefault(str(x), set()).add(str(lit))

    for e, p, role in _rows(store, _PARTICIPATION):
        data.participation.add((str(e), str(p), str(role)))
    # a person who both presided and attended an event counts as presiding
    presided = {(e, p) for e, p, r in data.participation if r == PRESIDED}
    data.participation = {(e, p, r) for e, p, r in data.participation
                          if r == PRESIDED or (e, p) not in presided}

    for name, sparql in _PAIRS.items():
        target: set[tuple[str, str]] = getattr(data, name)
        target.update((str(a), str(b)) for a, b in _rows(store, sparql))

    for post, role in sorted(_rows(store, _ROLES), key=lambda r: (str(r[0]), str(r[1]))):
        data.post_role.setdefault(str(post), str(role))
    for e, d in sorted(_rows(store, _DATES), key=lambda r: (str(r[0]), str(r[1]))):
        data.dates.setdefault(str(e), str(d))

    for r, rid, url, title, published in _rows(store, _RELEASES):
        data.releases[str(r)] = ReleaseInfo(str(r), str(rid), _s(url), _s(title), _s(published))
    for sparql in _SOURCES:
        for x, r in _rows(store, sparql):
            if x in data.kinds and r in data.releases:
                data.sources[x].add(r)
    return data
