"""Provenance: every asserted triple of a release is reified as a kgo:Evidence node in the release's graph.

  <evidence/HASH> a kgo:Evidence, prov:Entity ; rdf:subject S ; rdf:predicate P ; rdf:object O ;
      prov:wasDerivedFrom <release> ; kgo:start 120 ; kgo:end 132 ; kgo:quote "the sentence" .

The node IRI is a hash of the release id and the triple, so re-building gives the same IRIs.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from kg.model import Span
from kg.rdf.iri import evidence_iri
from kg.rdf.vocab import END, EVIDENCE, QUOTE, START

_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s)")
MAX_QUOTE = 400


def sentence_around(text: str, span: Span) -> str:
    """The sentence that contains ``span`` (bounded by 。！？!? newline or ". "), at most MAX_QUOTE chars."""
    start, end = max(0, span[0]), min(len(text), span[1])
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - MAX_QUOTE), start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m and m.end() - end <= MAX_QUOTE else min(len(text), end + MAX_QUOTE // 2)
    left = max(left, start - MAX_QUOTE // 2)
    return re.sub(r"\s+", " ", text[left:right]).strip()


def valid_span(text: str, span: Span | None) -> Span | None:
    if span is None:
        return None
    s, e = int(span[0]), int(span[1])
    return (s, e) if 0 <= s < e <= len(text) else None


def find_span(text: str, *surface: str | None) -> Span | None:
    """The first occurrence of the first surface form found in ``text`` (a fallback when the
    extraction gave no span)."""
    for s in surface:
        if s:
            i = text.find(s)
            if i >= 0:
                return (i, i + len(s))
    return None


class EvidenceWriter:
    """Adds triples to a release graph together with their evidence nodes."""

    def __init__(self, graph: Graph, release: URIRef, release_id: str, text: str) -> None:
        self.g = graph
        self.release = release
        self.release_id = release_id
        self.text = text
        self._seen: set[tuple[Node, Node, Node]] = set()

    def add(self, s: URIRef, p: URIRef, o: Node, span: Span | None) -> None:
        """Assert (s, p, o) with evidence; a triple asserted again keeps its first evidence."""
        self.g.add((s, p, o))
        if (s, p, o) in self._seen:
            return
        self._seen.add((s, p, o))
        ev = evidence_iri(self.release_id, s, p, o)
        g = self.g
        g.add((ev, RDF.type, EVIDENCE))
        g.add((ev, RDF.type, PROV.Entity))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, PROV.wasDerivedFrom, self.release))
        span = valid_span(self.text, span)
        if span is not None:
            g.add((ev, START, Literal(span[0], datatype=XSD.integer)))
            g.add((ev, END, Literal(span[1], datatype=XSD.integer)))
            q = sentence_around(self.text, span)
            if q:
                g.add((ev, QUOTE, Literal(q)))
