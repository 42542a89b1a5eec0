"""The vocabulary every stage agrees on. Standard terms first (W3C ORG, schema.org, PROV-O, FOAF, SKOS,
OWL-Time); ``KGO`` adds only what they lack. ontology/kg.ttl declares all of it.

The graph, in short (one named graph per release, IRI = the release IRI):

  release  a schema:NewsArticle, prov:Entity ; schema:url ; schema:headline ; schema:datePublished ;
           schema:inLanguage ; kgo:releaseId ; kgo:text (the full decoded text, for spans)
  person   a schema:Person, foaf:Person ; rdfs:label "Zhang Zhijun"@en, "张志军"@zh ; foaf:name ;
           skos:altLabel "張志軍"@zh-hant (traditional forms; language tags are lower case)
  body     a org:Organization (schema:GovernmentOrganization where governmental) ; rdfs:label ;
           skos:altLabel (texts' own and alias forms) ; org:subOrganizationOf body
  post     a org:Post ; org:postIn body ; org:role role ; org:heldBy person ; rdfs:label
           (person org:holds post). One post per (role, body), shared by its successive holders:
           kgid:post/<role>--<body>
  membership a org:Membership ; org:member person ; org:organization body ; org:role role ;
           kgo:post post ; org:memberDuring interval. One per (holder, post):
           kgid:membership/<person>/<role>--<body>
  interval a time:Interval ; kgo:asOf xsd:date (each date a release attests the holding) ;
           time:hasBeginning / time:hasEnd instant (the release says it began / ended) ;
           kgo:endedBy xsd:date (the release calls the holder "former": ended by then).
           kgid:membership/<person>/<role>--<body>/interval
  instant  a time:Instant ; time:inXSDDate xsd:date.  kgid:instant/<YYYY-MM-DD>
  role     a org:Role, skos:Concept ; skos:prefLabel "Secretary"@en
  event    a schema:Event (kgo:Meeting for meetings) ; schema:name ; schema:startDate xsd:date ;
           kgo:convenedBy body ; kgo:presidedBy person ; schema:attendee person (attended, not presided) ;
           kgo:endorses initiative
  body     kgo:endorses initiative (derived from the events it convened)
  initiative a kgo:Initiative (skos:Concept) ; skos:prefLabel ; skos:altLabel
  evidence every asserted triple of a release is reified as a kgo:Evidence node in that release's
           graph: rdf:subject/rdf:predicate/rdf:object, prov:wasDerivedFrom release, kgo:start,
           kgo:end (character offsets into the release text), kgo:quote (the sentence)
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
KGO = Namespace("https://w3id.org/kg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")  # W3C Web Annotation (text selectors of evidence)
ID = Namespace("https://w3id.org/kg/id/")  # minted resources: ID["person/zhang-zhijun"], ...

PREFIXES = {
    "kgo": KGO,
    "kgid": ID,
    "org": ORG,
    "schema": SDO,
    "prov": PROV,
    "oa": OA,
    "foaf": FOAF,
    "skos": SKOS,
    "time": TIME,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "dcterms": DCTERMS,
}

SPARQL_PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

# The KGO terms (declared in ontology/kg.ttl)
MEETING = KGO.Meeting
INITIATIVE = KGO.Initiative
EVIDENCE = KGO.Evidence
PRESIDED_BY = KGO.presidedBy
CONVENED_BY = KGO.convenedBy
ENDORSES = KGO.endorses
RELEASE_ID = KGO.releaseId
TEXT = KGO.text
TEXT_DIGEST = KGO.textDigest
START = KGO.start
END = KGO.end
QUOTE = KGO.quote
AS_OF = KGO.asOf
POST = KGO.post  # membership -> the org:Post it is the holding of
ENDED_BY = KGO.endedBy
VERBATIM = KGO.verbatim  # evidence -> false when a literal fact is not the span's own words
KG_VERSION = KGO.kgVersion  # activity -> the kg version that read the release
LINKER_RECORD = KGO.linkerRecord  # release -> what the identity linker read from it (JSON)
DATA_DIGEST = KGO.dataDigest  # activity -> kg.knowledge.digest() of the tables in effect
