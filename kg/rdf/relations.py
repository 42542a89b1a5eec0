"""The relations of kg/data/relations.tsv as RDF: each person of ``Event.relations[ID]`` becomes a triple
``event PREDICATE person`` (the predicate the table names, declared in ontology/kg.ttl), with evidence like
kgo:presidedBy. presided and attended are written from the event's own lists; "other" has no predicate.

>>> expand("kgo:inspector")
rdflib.term.URIRef('https://w3id.org/kg/ontology#inspector')
>>> expand("schema:attendee")
rdflib.term.URIRef('https://schema.org/attendee')
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef

from kg import knowledge
from kg.model import Event
from kg.rdf.vocab import PREFIXES

_FROM_LISTS = {"presided", "attended"}  # written from Event.presided_by / attended_by


def expand(curie: str) -> URIRef:
    """The IRI of a predicate cell of relations.tsv: ``prefix:name`` (prefixes of kg.rdf.vocab) or a
    full ``http(s)`` IRI."""
    if curie.startswith(("http://", "https://")):
        return URIRef(curie)
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise ValueError(f"relations.tsv: predicate {curie!r} is neither a known prefix:name nor an IRI")
    return URIRef(str(PREFIXES[prefix]) + local)


def relation_triples(e: Event) -> list[tuple[URIRef, str, str]]:
    """(predicate, person name, role key) for each person of each relation of ``e`` that has a predicate,
    in the table's order of relations; the role key (``"inspected:NAME"``) finds its span and provenance."""
    table = knowledge.relations()
    out: list[tuple[URIRef, str, str]] = []
    for rid, rel in table.items():
        if rid in _FROM_LISTS or rel.predicate is None:
            continue
        for name in e.relations.get(rid, ()):
            out.append((expand(rel.predicate), name, f"{rid}:{name}"))
    return out


def write_relations(e: Event, node: URIRef, person: Callable[[str], URIRef | None],
                    add: Callable[[URIRef, URIRef, URIRef, str], None]) -> None:
    """Write ``e``'s relations: ``person(name)`` gives the person's node (None: skip the name),
    ``add(event, predicate, person, role_key)`` writes the triple with its evidence."""
    for predicate, name, key in relation_triples(e):
        p = person(name)
        if p is not None:
            add(node, predicate, p, key)



