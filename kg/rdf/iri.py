"""Minting of the IRIs of the ID namespace (kgid:). Every path segment is a slug (kg.resolve.slug), so
IRIs never contain characters that break Turtle, N-Triples, JSON-LD or HTML.

  kgid:release/<id>                 kgid:person/<name>[--<jurisdiction>]
  kgid:body/<canonical-name>        kgid:initiative/<canonical-name>      kgid:role/<role>
  kgid:post/<role>--<body>          kgid:membership/<person>/<role>--<body>[/interval]
  kgid:instant/<YYYY-MM-DD>         kgid:event/<date>-<name>-<hash>       kgid:evidence/<hash>
  kgid:activity/<release>/kg-<version>                                   kgid:agent/kg
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kg.rdf.vocab import ID
from kg.resolve.slug import MAX_LEN, short_hash, slugify

_SAFE = re.compile(r"^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*(?:/[a-z0-9]+(?:-{1,2}[a-z0-9]+)*)*$")


def mint(kind: str, local: str) -> URIRef:
    """ID[kind/local] after checking that ``local`` is made of safe slugs."""
    if not _SAFE.match(kind) or not _SAFE.match(local):
        raise ValueError(f"unsafe IRI segment: {kind}/{local!r}")
    return ID[f"{kind}/{local}"]


def release_iri(release_id: str) -> URIRef:
    return mint("release", slugify(release_id, max_len=96, exact=True))


def person_iri(local: str) -> URIRef:
    return mint("person", local)


def body_iri(local: str) -> URIRef:
    return mint("body", local)


def initiative_iri(local: str) -> URIRef:
    return mint("initiative", local)


def role_iri(local: str) -> URIRef:
    return mint("role", local)


def _post_tail(role: URIRef, body: URIRef) -> str:
    r = str(role).rsplit("/", 1)[1]
    b = str(body).rsplit("/", 1)[1]
    tail = f"{r}--{b}"
    if len(tail) > MAX_LEN:
        tail = f"{r[:24].strip('-')}--{b[:32].strip('-')}-{short_hash(tail)}"
    return tail


def post_iri(role: URIRef, body: URIRef) -> URIRef:
    """One org:Post per (role, body), shared by its successive holders: kgid:post/<role>--<body>."""
    return mint("post", _post_tail(role, body))


def membership_iri(person: URIRef, role: URIRef, body: URIRef) -> URIRef:
    """A person's holding of a post (org:Membership): kgid:membership/<person>/<role>--<body>.
    (Before posts were shared, this was the post's IRI, kgid:post/<person>/<role>--<body>.)"""
    p = str(person).rsplit("/", 1)[1]
    return mint("membership", f"{p}/{_post_tail(role, body)}")


def interval_iri(membership: URIRef) -> URIRef:
    """The time:Interval of a membership: its IRI plus ``/interval``."""
    return URIRef(f"{membership}/interval")


def instant_iri(day: str) -> URIRef:
    """A day as a time:Instant: kgid:instant/2024-03-06 (one node per day, shared)."""
    return mint("instant", day)


def event_iri(name_key: str, date: str | None, body: URIRef | None, by_body: bool = False) -> URIRef:
    """An event. With ``by_body`` (a dated event whose body convened nothing else that day in the
    release) the key is (convening body, date), so the English and the Chinese report of one meeting
    meet on one IRI: kgid:event/2024-03-04-<body>-<hash>. Otherwise the key is (name, date, body):
    kgid:event/<date>-<name>-<hash>, which still joins reports of one meeting in one language."""
    d = date if date and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", date) else "undated"
    if by_body and body is not None and d != "undated":
        local = str(body).rsplit("/", 1)[1]
        readable = local[:40].rsplit("-", 1)[0].strip("-") if len(local) > 40 else local
        return mint("event", f"{d}-{readable}-{short_hash(f'{body}|{d}')}")
    h = short_hash(f"{name_key}|{d}|{body or ''}")
    readable = slugify(name_key, max_len=400)[:40].rsplit("-", 1)[0].strip("-") or "event"
    return mint("event", f"{d}-{readable}-{h}")


def activity_iri(release_id: str, version: str) -> URIRef:
    """The reading of one release by one kg version: kgid:activity/<release>/kg-<version>. The digest of
    the tables in effect is a property of the activity (kgo:dataDigest), not part of its IRI, so that an
    edit of one table changes one triple per release in an export, not every evidence node's link."""
    v = slugify(version, max_len=24) or "unknown"
    return mint("activity", f"{slugify(release_id, max_len=96, exact=True)}/kg-{v}")


def selector_iris(release_id: str, span: tuple[int, int]) -> tuple[URIRef, URIRef]:
    """The Web Annotation selectors of a span of a release, shared by the facts read from it:
    kgid:selector/<release hash>-<start>-<end>/quote and .../position."""
    base = mint("selector", f"{short_hash(release_id, 12)}-{int(span[0])}-{int(span[1])}")
    return URIRef(f"{base}/quote"), URIRef(f"{base}/position")


def evidence_iri(release_id: str, s: URIRef, p: URIRef, o: object) -> URIRef:
    """A stable evidence node: hash of the release id and the N-Triples form of the triple."""
    from rdflib.term import Node

    obj = o.n3() if isinstance(o, Node) else str(o)
    digest = hashlib.sha1(f"{release_id}\n{s.n3()} {p.n3()} {obj}".encode()).hexdigest()[:20]
    return mint("evidence", digest)
