"""The ontology declares every kgo: term the data uses; the shapes cover every class the data uses."""

from __future__ import annotations

from fixtures.rdf_fixtures import small_extractions
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.rdf import vocab
from kg.rdf.build import build_dataset
from kg.rdf.paths import ontology_dir

KGO = str(vocab.KGO)


def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def _data() -> Graph:
    g = Graph()
    for ctx in build_dataset(small_extractions()).graphs():
        for t in ctx:
            g.add(t)
    return g


def test_every_kgo_term_used_is_declared_with_label_and_comment() -> None:
    onto = _ontology()
    data = _data()
    used = {t for triple in data for t in triple if isinstance(t, URIRef) and str(t).startswith(KGO)}
    used |= {v for v in vars(vocab).values() if isinstance(v, URIRef) and str(v).startswith(KGO)}
    assert len(used) >= 10
    for term in sorted(used):
        kinds = set(onto.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        assert onto.value(term, RDFS.label) is not None and onto.value(term, RDFS.comment) is not None, term


def test_shapes_target_every_class_emitted() -> None:
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    targets = set(shapes.objects(None, SH.targetClass))
    primary = {
        vocab.SDO.Person,
        vocab.ORG.Organization,
        vocab.ORG.Post,
        vocab.ORG.Membership,
        vocab.TIME.Interval,
        vocab.TIME.Instant,
        vocab.OA.TextQuoteSelector,
        vocab.OA.TextPositionSelector,
        vocab.PROV.Activity,
        vocab.PROV.SoftwareAgent,
        vocab.SDO.Place,
        vocab.ORG.Role,
        vocab.SDO.Event,
        vocab.INITIATIVE,
        vocab.EVIDENCE,
        vocab.SDO.NewsArticle,
    }
    assert primary <= targets
    data = _data()
    for cls in set(data.objects(None, RDF.type)):
        # every typed node has at least one primary (shape-targeted) type
        for node in data.subjects(RDF.type, cls):
            assert set(data.objects(node, RDF.type)) & primary, (node, cls)
