"""Provenance: every asserted triple of a release is reified as a kgo:Evidence node in the release's graph.

  <evidence/HASH> a kgo:Evidence, prov:Entity, oa:SpecificResource ; rdf:subject S ; rdf:predicate P ;
      rdf:object O ; prov:wasDerivedFrom <release> ; prov:wasGeneratedBy <activity> ;
      kgo:start 120 ; kgo:end 132 ; kgo:quote "the sentence" ;
      oa:hasSource <release> ; oa:hasSelector <selector/R-120-132/quote>, <selector/R-120-132/position> ;
      kgo:verbatim false .          (a literal that is not the text's own words at the span)
  <selector/R-120-132/quote> a oa:TextQuoteSelector ; oa:exact "..." ; oa:prefix "..." ; oa:suffix "..." .
  <selector/R-120-132/position> a oa:TextPositionSelector ; oa:start 120 ; oa:end 132 .
  (R: a hash of the release id; the facts read from one span share its selectors)

The selectors are the W3C Web Annotation ones (offsets in characters of the release's kgo:text). A
literal fact (a label, a name, a date) whose words are not those of its span (an English label
translated or romanized from a Chinese span, a canonical or alias-table name, a date from the page's
furniture) is marked ``kgo:verbatim false``: the span is what it was derived from, not its words.
The node IRI is a hash of the release id and the triple, so re-building gives the same IRIs.

>>> text = "On May 2 the Mayor of Qingshan met guests."
>>> q = quote_selector(text, (13, 30))
>>> q["exact"], q["prefix"], q["suffix"]
('Mayor of Qingshan', 'On May 2 the ', ' met guests.')
>>> verbatim(text, (13, 30), "mayor of  qingshan"), verbatim(text, (13, 30), "Qingshan Municipal Government")
(True, False)
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from kg.model import Span
from kg.rdf.iri import evidence_iri, selector_iris
from kg.rdf.vocab import END, EVIDENCE, OA, QUOTE, START, VERBATIM
from kg.resolve.text import to_simplified

_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s)")
MAX_QUOTE = 400
AFFIX = 32  # characters of oa:prefix / oa:suffix
_WS = re.compile(r"\s+")


def _fold(s: str) -> str:
    return _WS.sub(" ", to_simplified(s)).strip().casefold()


def quote_selector(text: str, span: Span) -> dict[str, str]:
    """The oa:TextQuoteSelector of ``span``: the exact words and up to AFFIX characters either side."""
    s, e = span
    return {"exact": text[s:e], "prefix": text[max(0, s - AFFIX):s], "suffix": text[e:e + AFFIX]}


def verbatim(text: str, span: Span, value: str) -> bool:
    """Whether ``value`` is the text's own words at ``span`` (white space, case and traditional
    characters aside): a literal read off the span, not translated, romanized or normalized."""
    v = _fold(value)
    return bool(v) and v in _fold(text[span[0]:span[1]])


def sentence_around(text: str, span: Span) -> str:
    """The sentence that contains ``span`` (bounded by 。！？!? newline or ". "), at most MAX_QUOTE chars."""
    start, end = max(0, span[0]), min(len(text), span[1])
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - MAX_QUOTE), start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m and m.end() - end <= MAX_QUOTE else min(len(text), end + MAX_QUOTE // 2)
    left = min(max(left, start - MAX_QUOTE // 2), start)  # the quote always holds the whole span
    return _WS.sub(" ", text[left:max(right, end)]).strip()


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

    def __init__(self, graph: Graph, release: URIRef, release_id: str, text: str,
                 activity: URIRef | None = None) -> None:
        self.g = graph
        self.release = release
        self.release_id = release_id
        self.text = text
        self.activity = activity  # the prov:Activity that read the release (prov:wasGeneratedBy)
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
        if self.activity is not None:
            g.add((ev, PROV.wasGeneratedBy, self.activity))
        span = valid_span(self.text, span)
        if span is not None:
            g.add((ev, START, Literal(span[0], datatype=XSD.integer)))
            g.add((ev, END, Literal(span[1], datatype=XSD.integer)))
            q = sentence_around(self.text, span)
            if q:
                g.add((ev, QUOTE, Literal(q)))
            self.selectors(ev, span)
            if isinstance(o, Literal):
                g.add((ev, VERBATIM, Literal(verbatim(self.text, span, str(o)))))
        elif isinstance(o, Literal):
            g.add((ev, VERBATIM, Literal(False)))

    def selectors(self, ev: URIRef, span: Span) -> None:
        """The W3C Web Annotation selectors of the span: its words in context, its offsets."""
        g = self.g
        g.add((ev, RDF.type, OA.SpecificResource))
        g.add((ev, OA.hasSource, self.release))
        quote, position = selector_iris(self.release_id, span)
        g.add((ev, OA.hasSelector, quote))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        for k, v in quote_selector(self.text, span).items():
            g.add((quote, OA[k], Literal(v)))
        g.add((ev, OA.hasSelector, position))
        g.add((position, RDF.type, OA.TextPositionSelector))
        # xsd:integer, not the spec's xsd:nonNegativeInteger: Oxigraph stores integer subtypes as
        # xsd:integer, and a graph must read back from the store as it was written (the value is >= 0)
        g.add((position, OA.start, Literal(span[0], datatype=XSD.integer)))
        g.add((position, OA.end, Literal(span[1], datatype=XSD.integer)))
