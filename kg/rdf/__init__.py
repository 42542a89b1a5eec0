"""RDF: the shared vocabulary (vocab), IRI minting (iri), provenance (evidence), Extraction -> named
graph (build), term conversion for the Oxigraph store (oxterms), and the ontology folder
(paths). Invented test data lives in tests/fixtures/."""
