"""The SPARQL translation of the SHACL shapes (kg.export.shacl) reports what pyshacl reports: on the
built data, on deliberately broken graphs, and for shapes other than today's (read from the file,
never hard-coded)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.export import shacl
from kg.export.validate import merged, shapes_graph, validate_file, validate_store
from kg.rdf.build import build_dataset
from kg.rdf.fixtures import small_extractions
from kg.rdf.oxterms import to_ox
from kg.rdf.vocab import END, EVIDENCE, ORG, SDO, START
from kg.store import Store


def _ox(g: Graph) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in g)
    return store


def _same(g: Graph, shapes: Graph) -> list[shacl.Violation]:
    ours = shacl.validate(_ox(g), shapes)
    theirs = shacl.pyshacl_violations(g, shapes)

    def key(v: shacl.Violation) -> tuple[str, ...]:
        return v.focus, v.path, v.component, v.value, v.severity

    assert sorted(map(key, ours)) == sorted(map(key, theirs))
    # a shape's own sh:message is reported as pyshacl reports it
    theirs_msg = {key(v): v.message for v in theirs}
    for v in ours:
        if not v.message.startswith(v.component.removesuffix("ConstraintComponent")):
            assert v.message == theirs_msg[key(v)]
    return ours


@pytest.fixture()
def data() -> Graph:
    return merged(build_dataset(small_extractions()))


def test_built_data_conforms_as_with_pyshacl(data: Graph) -> None:
    assert _same(data, shapes_graph()) == []


def test_broken_graph_reports_what_pyshacl_reports(data: Graph) -> None:
    g = data
    post = sorted(g.subjects(RDF.type, ORG.Post))[0]
    g.remove((post, ORG.postIn, None))  # missing property
    person = sorted(g.subjects(RDF.type, SDO.Person))[0]
    g.remove((person, RDFS.label, None))
    evs = sorted(g.subjects(RDF.type, EVIDENCE))
    g.set((evs[0], END, Literal(0, datatype=XSD.integer)))  # start not < end
    g.set((evs[1], START, Literal("five")))  # wrong datatype
    g.set((evs[2], END, Literal(10**6, datatype=XSD.integer)))  # beyond the text (SPARQL target)
    g.set((evs[3], START, Literal(-4, datatype=XSD.integer)))  # below minInclusive
    g.add((evs[4], START, Literal(1, datatype=XSD.integer)))  # too many values
    event = sorted(g.subjects(RDF.type, SDO.Event))[0]
    g.set((event, SDO.startDate, Literal("March 4")))
    g.add((event, SDO.attendee, post))  # wrong class
    g.add((event, SDO.startDate, Literal("2024-02-30", datatype=XSD.date)))  # ill-formed, and a 2nd date
    g.add((URIRef("urn:x:odd"), RDF.type, SDO.Person))  # a person without label
    found = _same(g, shapes_graph())
    comps = {v.component for v in found}
    assert {"MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
            "ClassConstraintComponent", "LessThanConstraintComponent",
            "MinInclusiveConstraintComponent"} <= comps


OTHER_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <urn:ex:> .
@prefix schema: <https://schema.org/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:A a sh:NodeShape ; sh:targetSubjectsOf org:heldBy ; sh:nodeKind sh:BlankNode ;
  sh:property [ sh:path org:heldBy ; sh:nodeKind sh:Literal ; sh:severity sh:Warning ] ;
  sh:property [ sh:path [ sh:inversePath org:holds ] ; sh:maxCount 0 ; sh:message "no holder" ] .
ex:B a sh:NodeShape ; sh:targetClass schema:Person ;
  sh:property [ sh:path rdfs:label ; sh:pattern "^Z" ; sh:flags "i" ; sh:maxLength 8 ] ;
  sh:property [ sh:path rdfs:label ; sh:in ( "Zhou Wenbo"@en "x" ) ] ;
  sh:property [ sh:path rdfs:label ; sh:hasValue "Lin Haoran"@en ] .
ex:C a sh:NodeShape ; sh:targetObjectsOf org:postIn ; sh:targetNode ex:nothing ;
  sh:property [ sh:path rdfs:label ; sh:minLength 30 ; sh:minCount 3 ] .
ex:D a sh:NodeShape ; sh:targetClass org:Post ; sh:message "held or in a body" ;
  sh:or ( [ sh:path org:heldBy ; sh:minCount 1 ] [ sh:path ex:none ; sh:minCount 1 ]
          [ sh:nodeKind sh:BlankNode ] ) .
"""


def test_other_shapes_are_translated_generically(data: Graph) -> None:
    shapes = Graph().parse(data=OTHER_SHAPES, format="turtle")
    post = sorted(data.subjects(RDF.type, ORG.Post))[0]
    data.remove((post, ORG.heldBy, None))
    found = _same(data, shapes)
    assert len({v.component for v in found}) >= 9
    assert [v.focus for v in found if v.component == "OrConstraintComponent"] == [post.n3()]


def test_unsupported_feature_is_refused(data: Graph) -> None:
    shapes = Graph().parse(data=OTHER_SHAPES.replace("sh:maxLength 8", "sh:uniqueLang true"), format="turtle")
    with pytest.raises(shacl.Unsupported):
        shacl.validate(_ox(data), shapes)


def test_store_and_file_validate_through_sparql(tmp_path: Path) -> None:
    from stores import make_store

    from kg.export.serialize import export_store

    path = make_store(tmp_path / "store", small_extractions())
    with Store(path, read_only=True) as store:
        conforms, report = validate_store(store)
        assert conforms, report
        export_store(store, tmp_path / "kg.trig", "trig")
    conforms, report = validate_file(tmp_path / "kg.trig")
    assert conforms, report
    text = (tmp_path / "kg.trig").read_text(encoding="utf-8")
    (tmp_path / "bad.trig").write_text(text.replace("kgo:releaseId", "kgo:releaseIdent"), encoding="utf-8")
    conforms, report = validate_file(tmp_path / "bad.trig")
    assert not conforms and "kgo:releaseId" in report, report
