"""A relation of kg/data/relations.tsv end to end: Event.relations -> RDF triple with evidence -> SHACL;
every relation of the table has its ontology term and its shape (adding one needs no Python)."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg import knowledge
from kg.export.validate import merged, validate_graph
from kg.model import Event, Extraction, Person, Post, Release
from kg.rdf.build import build_dataset
from kg.rdf.paths import ontology_dir
from kg.rdf.relations import expand
from kg.rdf.vocab import KGO, SDO


def _graph(name: str) -> Graph:
    return Graph().parse(ontology_dir() / name, format="turtle")


def test_every_relation_has_its_term_and_shape() -> None:
    onto, shapes = _graph("kg.ttl"), _graph("shapes.ttl")
    event_paths = {shapes.value(prop, SH.path) for shape in shapes.subjects(SH.targetClass, SDO.Event)
                   for prop in shapes.objects(shape, SH.property)}
    with_predicate = [r for r in knowledge.relations().values() if r.predicate]
    assert len(with_predicate) >= 6
    for rel in with_predicate:
        term = expand(rel.predicate)
        assert (term, RDF.type, OWL.ObjectProperty) in onto, f"{rel.source}: {term} not declared in kg.ttl"
        if str(term).startswith(str(KGO)):
            assert onto.value(term, RDFS.label) and onto.value(term, RDFS.comment), term
        assert term in event_paths, f"{rel.source}: {term} has no property in kgsh:EventShape"


TEXT = ("On June 2, 2024, Gao Ming, Secretary of the CPC Linfeng Municipal Committee, inspected the Linfeng "
        "river works, accompanied by Lu Wenqing.")


def _extraction() -> Extraction:
    r = Release("en-linfeng-inspection", TEXT, published="2024-06-02", language="en")
    x = Extraction(r, "en")
    x.persons = [Person("Gao Ming", [Post("Secretary", "CPC Linfeng Municipal Committee", span=(27, 77))],
                        spans=[(17, 25)]),
                 Person("Lu Wenqing", spans=[(TEXT.index("Lu Wenqing"), TEXT.index("Lu Wenqing") + 10)])]
    start = TEXT.index("inspected")
    x.events = [Event("Inspection of the Linfeng river works", date="2024-06-02", span=(start, len(TEXT)),
                      relations={"inspected": ["Gao Ming"], "accompanied": ["Lu Wenqing"],
                                 "other": ["Gao Ming"]},
                      role_spans={"accompanied:Lu Wenqing": x.persons[1].spans[0]})]
    return x


def test_relations_become_triples_with_evidence_and_conform() -> None:
    ds = build_dataset([_extraction()])
    g = merged(ds)
    event = next(g.subjects(RDF.type, SDO.Event))
    inspector = list(g.objects(event, KGO.inspector))
    companion = list(g.objects(event, KGO.accompanyingPerson))
    assert len(inspector) == 1 and len(companion) == 1 and inspector != companion
    assert "gao-ming" in str(inspector[0]) and "lu-wenqing" in str(companion[0])
    ev = [e for e in g.subjects(RDF.predicate, KGO.accompanyingPerson) if (e, RDF.subject, event) in g]
    assert len(ev) == 1
    start = int(g.value(ev[0], KGO.start))
    assert TEXT[start:int(g.value(ev[0], KGO.end))] == "Lu Wenqing"
    assert not any(isinstance(p, URIRef) and p.endswith("other") for p in g.predicates(event, None))
    ok, report = validate_graph(g)
    assert ok, report
