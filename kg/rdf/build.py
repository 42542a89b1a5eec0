"""Extraction -> RDF: one named graph per release (graph IRI = release IRI), see vocab.py for the shape.

Every fact triple (all but rdf:type, the release's own metadata and the evidence nodes themselves) is
written through an EvidenceWriter, so it has a kgo:Evidence node with offsets and the quoted sentence.
Identity comes from kg.resolve: the same official, body or initiative in two releases (and two
languages) gets the same IRI, so the merged default graph of the store joins them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from kg import knowledge
from kg.model import Event, Extraction, Post, Span
from kg.rdf import iri
from kg.rdf.bodytypes import body_classes
from kg.rdf.evidence import EvidenceWriter, find_span, sentence_around, valid_span
from kg.rdf.relations import write_relations
from kg.rdf.vocab import (
    AS_OF,
    CONVENED_BY,
    DATA_DIGEST,
    ENDED_BY,
    ENDORSES,
    INITIATIVE,
    KG_VERSION,
    LINKER_RECORD,
    MEETING,
    ORG,
    POST,
    PREFIXES,
    PRESIDED_BY,
    RELEASE_ID,
    SDO,
    TEXT,
    TEXT_DIGEST,
)
from kg.read.normalize import text_digest
from kg.resolve.aliases import external_iri, places
from kg.resolve.entities import (
    Resolved,
    canonical_post,
    parent_body,
    resolve_body,
    resolve_role,
)
from kg.resolve.events import base_name, place_of, short_name
from kg.resolve.link import Identity, Linker, link
from kg.resolve.persons import english_name, external_ids_of
from kg.resolve.slug import slugify
from kg.resolve.tenure import tenure_of
from kg.resolve.text import clean, display, has_han, to_simplified

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MEETING = re.compile(r"meeting|session|conference|plenary|congress|symposium|forum|会议|会|座谈|论坛", re.I)


def lang_of(s: str) -> str:
    return "zh" if has_han(s) else "en"


def valid_date(s: str | None) -> str | None:
    """``s`` when it is a real YYYY-MM-DD date, else None."""
    if not s or not _DATE.match(s):
        return None
    try:
        date.fromisoformat(s)
    except ValueError:
        return None
    return s


def _date(s: str | None) -> Literal | None:
    d = valid_date(s)
    return Literal(d, datatype=XSD.date) if d else None


def new_graph() -> Graph:
    g = Graph()
    for k, v in PREFIXES.items():
        g.bind(k, v, override=True)
    return g


KG_AGENT = iri.mint("agent", "kg")


@cache
def _reader(_data_path: str) -> tuple[str, str]:
    """(kg version, digest of the knowledge tables in effect): what decides how a release is read."""
    from kg import __version__

    return __version__, knowledge.digest()


def reader() -> tuple[str, str]:
    return _reader(knowledge.data_path_value())


class _ReleaseBuilder:
    def __init__(self, x: Extraction, identity: Identity) -> None:
        self.x = x
        self.identity = identity
        r = x.release
        self.text = r.text or ""
        self.release = iri.release_iri(r.id)
        self.g = new_graph()
        self.version, self.data_digest = reader()
        self.activity = iri.activity_iri(r.id, self.version)
        self.ev = EvidenceWriter(self.g, self.release, r.id, self.text, self.activity)
        self.persons: dict[str, URIRef] = {}
        self.events_per_body_date: Counter[tuple[URIRef, str | None]] = Counter(
            (iri.body_iri(resolve_body(e.body, r.id).local), e.date)
            for e in x.events if e.body and clean(e.body)
        )
        self.date = valid_date(r.published) or next((e.date for e in x.events if valid_date(e.date)), None)

    # -- helpers -----------------------------------------------------------------------------
    def span(self, given: Span | None, *surface: str | None) -> Span | None:
        return valid_span(self.text, given) or find_span(self.text, *surface)

    def labels(self, node: URIRef, r: Resolved, span: Span | None, pref: bool = False) -> None:
        """rdfs:label (and skos:prefLabel) @en/@zh from the canonical forms; skos:altLabel the others."""
        for name, lang in ((r.en, "en"), (r.zh, "zh")):
            if name:
                self.ev.add(node, RDFS.label, Literal(display(name), lang=lang), span)
                if pref:
                    self.ev.add(node, SKOS.prefLabel, Literal(display(name), lang=lang), span)
        for alt in r.alt:
            tag = ("zh-hant" if to_simplified(alt) != alt else "zh") if has_han(alt) else "en"
            self.ev.add(node, SKOS.altLabel, Literal(display(alt), lang=tag), span)

    def same_as(self, node: URIRef, ids: Iterable[str], span: Span | None) -> None:
        """owl:sameAs to the external ids an alias table gives (Wikidata QIDs, registry IRIs)."""
        for ident in ids:
            self.ev.add(node, OWL.sameAs, URIRef(external_iri(ident)), span)

    # -- the release ---------------------------------------------------------------------------
    def release_node(self) -> None:
        r, g, node = self.x.release, self.g, self.release
        g.add((node, RDF.type, SDO.NewsArticle))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, RELEASE_ID, Literal(r.id)))
        g.add((node, TEXT, Literal(self.text)))
        g.add((node, TEXT_DIGEST, Literal(text_digest(self.text))))
        if r.url:
            g.add((node, SDO.url, Literal(clean(r.url), datatype=XSD.anyURI)))
        if r.title:
            g.add((node, SDO.headline, Literal(display(r.title), lang=lang_of(r.title))))
        d = _date(r.published)
        if d is not None:
            g.add((node, SDO.datePublished, d))
        lang = self.x.language or r.language
        if lang:
            g.add((node, SDO.inLanguage, Literal(lang)))
        self.activity_node()
        g.add((node, LINKER_RECORD, Literal(Linker.record(self.x, self.identity))))

    def activity_node(self) -> None:
        """The reading of this release (prov:Activity): which kg version and which tables. No time:
        the same inputs give the same activity and byte-identical exports (README, "Provenance")."""
        g, act = self.g, self.activity
        g.add((act, RDF.type, PROV.Activity))
        g.add((act, RDFS.label, Literal(f"kg {self.version} reading {self.x.release.id}")))
        g.add((act, PROV.used, self.release))
        g.add((act, PROV.wasAssociatedWith, KG_AGENT))
        g.add((act, KG_VERSION, Literal(self.version)))
        g.add((act, DATA_DIGEST, Literal(f"sha256:{self.data_digest}")))
        g.add((KG_AGENT, RDF.type, PROV.SoftwareAgent))
        g.add((KG_AGENT, RDFS.label, Literal("kg")))

    # -- entities -----------------------------------------------------------------------------
    def person(self, name: str, posts: list[Post], spans: list[Span]) -> URIRef:
        key = clean(name)
        if key in self.persons:
            return self.persons[key]
        local, member = self.identity.person(self.x.release.id, name)
        node = iri.person_iri(local)
        self.persons[key] = node
        g = self.g
        g.add((node, RDF.type, SDO.Person))
        g.add((node, RDF.type, FOAF.Person))
        span = self.span(spans[0] if spans else None, name)
        written = display(name)
        if has_han(written):
            simp = to_simplified(written)
            self.ev.add(node, RDFS.label, Literal(simp, lang="zh"), span)
            self.ev.add(node, FOAF.name, Literal(simp, lang="zh"), span)
            if simp != written:
                self.ev.add(node, SKOS.altLabel, Literal(written, lang="zh-hant"), span)
            en = english_name(written) or self.identity.english_form(written)
            if en:
                self.ev.add(node, RDFS.label, Literal(en, lang="en"), span)
        else:
            self.ev.add(node, RDFS.label, Literal(written, lang="en"), span)
            self.ev.add(node, FOAF.name, Literal(written, lang="en"), span)
        if member:  # the IRI this release alone would give: kept as another name of the person
            self.ev.add(node, OWL.sameAs, iri.person_iri(member), span)
        for earlier in self.identity.earlier_iris(local):  # IRIs stored releases gave the person
            self.ev.add(node, OWL.sameAs, iri.person_iri(earlier), span)
        self.same_as(node, external_ids_of(written), span)
        return node

    def body(self, name: str, span: Span | None, text_form: str | None = None) -> URIRef:
        r = resolve_body(name, self.x.release.id)
        node = iri.body_iri(r.local)
        g = self.g
        g.add((node, RDF.type, ORG.Organization))
        for cls in body_classes(r):  # from organs.tsv (kg/rdf/bodytypes.py)
            g.add((node, RDF.type, cls))
        self.labels(node, r, span)
        self.same_as(node, r.same_as, span)
        if text_form and clean(text_form) and clean(text_form) not in (r.en, r.zh, clean(name)):
            self.ev.add(node, SKOS.altLabel, Literal(display(text_form), lang=lang_of(text_form)), span)
        parent = parent_body(r)
        if parent:
            pr = resolve_body(parent, self.x.release.id)
            pnode = iri.body_iri(pr.local)
            if pnode != node:
                g.add((pnode, RDF.type, ORG.Organization))
                for cls in body_classes(pr):
                    g.add((pnode, RDF.type, cls))
                self.labels(pnode, Resolved(pr.local, pr.en, pr.zh), span)
                self.ev.add(node, ORG.subOrganizationOf, pnode, span)
        return node

    def initiative(self, name: str, span: Span | None) -> URIRef:
        r = self.identity.initiative(name)
        node = iri.initiative_iri(r.local)
        self.g.add((node, RDF.type, INITIATIVE))
        self.g.add((node, RDF.type, SKOS.Concept))
        self.labels(node, r, span, pref=True)
        self.same_as(node, r.same_as, span)
        return node

    def role(self, name: str, span: Span | None) -> tuple[URIRef, Resolved]:
        r = resolve_role(name)
        node = iri.role_iri(r.local)
        self.g.add((node, RDF.type, ORG.Role))
        self.g.add((node, RDF.type, SKOS.Concept))
        self.labels(node, Resolved(r.local, r.en, r.zh), span, pref=True)
        return node, r

    def post(self, person: URIRef, p: Post, person_span: Span | None) -> None:
        if not p.body or not clean(p.body) or not clean(p.role):
            return  # a post needs a body and a role (documented limit)
        span = self.span(p.span, p.body_text, p.body) or person_span
        role_name, body_name = canonical_post(p.role, p.body, self.x.release.id)
        body = self.body(body_name, span, p.body_text if body_name == p.body else None)
        role, rr = self.role(role_name, span)
        br = resolve_body(body_name, self.x.release.id)
        node = iri.post_iri(role, body)
        self.g.add((node, RDF.type, ORG.Post))
        self.ev.add(node, ORG.postIn, body, span)
        self.ev.add(node, ORG.role, role, span)
        self.ev.add(node, ORG.heldBy, person, span)
        self.ev.add(person, ORG.holds, node, span)
        if rr.en and br.en:
            self.ev.add(node, RDFS.label, Literal(f"{rr.en}, {br.en}", lang="en"), span)
        if rr.zh and br.zh:
            self.ev.add(node, RDFS.label, Literal(f"{br.zh}{rr.zh}", lang="zh"), span)
        if not (rr.en and br.en) and not (rr.zh and br.zh):
            label = f"{display(role_name)}, {display(body_name)}"
            self.ev.add(node, RDFS.label, Literal(label, lang=lang_of(label)), span)
        self.membership(person, node, role, body, tenure_of(self.text, valid_span(self.text, p.span),
                                                            self.x.language), span)

    def membership(self, person: URIRef, post: URIRef, role: URIRef, body: URIRef, kind: str | None,
                   span: Span | None) -> None:
        """The person's holding of the post (org:Membership) and its time:Interval: the release's date
        as an attested date, as the beginning or the end where the words before the title say so
        (kg/resolve/tenure.py), or as the date by which a "former" holding had ended."""
        m = iri.membership_iri(person, role, body)
        g = self.g
        g.add((m, RDF.type, ORG.Membership))
        self.ev.add(m, ORG.member, person, span)
        self.ev.add(m, ORG.organization, body, span)
        self.ev.add(m, ORG.role, role, span)
        self.ev.add(m, POST, post, span)
        day = valid_date(self.date)
        if day is None:
            return
        interval = iri.interval_iri(m)
        g.add((interval, RDF.type, TIME.Interval))
        self.ev.add(m, ORG.memberDuring, interval, span)
        d = Literal(day, datatype=XSD.date)
        if kind == "former":
            self.ev.add(interval, ENDED_BY, d, span)
            return
        if kind in ("start", "end"):
            instant = iri.instant_iri(day)
            g.add((instant, RDF.type, TIME.Instant))
            g.add((instant, TIME.inXSDDate, d))
            self.ev.add(interval, TIME.hasBeginning if kind == "start" else TIME.hasEnd, instant, span)
            if kind == "end":
                return
        self.ev.add(interval, AS_OF, d, span)

    def event(self, e: Event) -> None:
        if not clean(e.name):
            return
        span = self.span(e.span, e.name)
        body = self.body(e.body, span) if e.body and clean(e.body) else None
        by_body = body is not None and self.events_per_body_date.get((body, e.date), 0) == 1
        base = base_name(clean(e.name))  # "X (2)": another reading of the same reported event
        node = iri.event_iri(to_simplified(base).lower(), e.date, body, by_body=by_body)
        g = self.g
        g.add((node, RDF.type, SDO.Event))
        if _MEETING.search(e.kind) if e.kind else _MEETING.search(e.name):
            g.add((node, RDF.type, MEETING))
        lang = "zh" if self.x.language == "zh" else lang_of(base)
        name = short_name(base, e.presided_by, e.attended_by, lang) or base
        self.ev.add(node, SDO.name, Literal(display(name), lang=lang_of(name)), span)
        self.location(node, span)
        d = _date(e.date)
        if d is not None:
            self.ev.add(node, SDO.startDate, d, span)
        if body is not None:
            self.ev.add(node, CONVENED_BY, body, span)
        for name in e.presided_by:
            if clean(name):
                p = self.person(name, [], [])
                self.ev.add(
                    node, PRESIDED_BY, p, self.span(e.role_spans.get(f"presided:{name}"), None) or span
                )
        presiders = {clean(n) for n in e.presided_by}
        for name in e.attended_by:
            if clean(name) and clean(name) not in presiders:
                p = self.person(name, [], [])
                self.ev.add(
                    node, SDO.attendee, p, self.span(e.role_spans.get(f"attended:{name}"), None) or span
                )
        for name in e.initiatives:
            if clean(name):
                ini = self.initiative(name, self.span(None, name))
                self.ev.add(node, ENDORSES, ini, span)
                if body is not None:
                    self.ev.add(body, ENDORSES, ini, span)
        write_relations(e, node, lambda n: self.person(n, [], []) if clean(n) else None,
                        lambda s, p, o, k: self.ev.add(s, p, o, self.span(e.role_spans.get(k), None) or span))

    def location(self, event: URIRef, span: Span | None) -> None:
        """schema:location: the place the event's sentence gives ("in Beijing", 在北京人民大会堂)."""
        if span is None:
            return
        lang = "zh" if self.x.language == "zh" else "en"
        place = place_of(sentence_around(self.text, span), lang, self.x.locality)
        if not place:
            return
        en = place if lang == "en" else next((p.en for p in places() if p.zh == place), None)
        node = iri.mint("place", slugify(en or place))
        self.g.add((node, RDF.type, SDO.Place))
        self.ev.add(node, RDFS.label, Literal(place, lang=lang), span)
        if en and lang == "zh":
            self.ev.add(node, RDFS.label, Literal(en, lang="en"), span)
        self.ev.add(event, SDO.location, node, span)

    def build(self) -> Graph:
        self.release_node()
        x = self.x
        for p in x.persons:  # persons with posts first, so event references find them
            if clean(p.name):
                node = self.person(p.name, p.posts, p.spans)
                pspan = self.span(p.spans[0] if p.spans else None, p.name)
                for post in p.posts:
                    self.post(node, post, pspan)
        for b in x.bodies:
            if clean(b.name):
                self.body(
                    b.name, self.span(b.spans[0] if b.spans else None, b.text_form, b.name), b.text_form
                )
        for i in x.initiatives:
            if clean(i.name):
                self.initiative(i.name, self.span(i.spans[0] if i.spans else None, i.name))
        for e in x.events:
            self.event(e)
        return self.g


def release_graph(x: Extraction, identity: Identity | None = None) -> tuple[URIRef, Graph]:
    """The named graph of one release: (release IRI, graph). ``identity`` is the batch's (see
    kg.resolve.link); without it the release is linked on its own."""
    b = _ReleaseBuilder(x, identity if identity is not None else link([x]))
    return b.release, b.build()


def build_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """All release graphs in one Dataset (a release id seen twice: the later extraction wins)."""
    xs = list(extractions)
    identity = link(xs)
    return dataset_of(release_graph(x, identity) for x in xs)


def dataset_of(graphs_in: Iterable[tuple[URIRef, Graph]]) -> Dataset:
    """(release IRI, graph) pairs in one Dataset, sorted by IRI (a release seen twice: the later wins)."""
    graphs: dict[URIRef, Graph] = dict(graphs_in)
    ds = Dataset()
    for k, v in PREFIXES.items():
        ds.bind(k, v, override=True)
    for node in sorted(graphs):
        target = ds.graph(node)
        for t in graphs[node]:
            target.add(t)
    return ds
