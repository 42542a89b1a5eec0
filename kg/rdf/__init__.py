"""RDF: the shared vocabulary (vocab), IRI minting (iri), provenance (evidence), Extraction -> named
graph (build), term conversion for the Oxigraph store (oxterms), the ontology folder (paths), and
invented test data (fixtures)."""
