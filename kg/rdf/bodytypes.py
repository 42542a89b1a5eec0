"""The RDF classes of a body node, beside org:Organization: the class organs.tsv gives the body's organ
type (kg/organs.py), else schema:GovernmentOrganization for a party or state body by its words.

>>> from kg.resolve.entities import resolve_body
>>> [str(c) for c in body_classes(resolve_body("政协临丰市委员会"))]
['https://schema.org/GovernmentOrganization']
>>> body_classes(resolve_body("Linfeng Normal University"))
[]
"""

from __future__ import annotations

from rdflib import URIRef

from kg import organs
from kg.rdf.relations import expand
from kg.rdf.vocab import ORG, SDO
from kg.resolve.entities import Resolved, is_governmental


def body_classes(r: Resolved) -> list[URIRef]:
    """The classes of the body ``r`` other than org:Organization (which every body has)."""
    for name in (r.en, r.zh):
        cls = organs.rdf_class(name) if name else None
        if cls is not None:
            c = expand(cls)
            return [] if c == ORG.Organization else [c]
    return [SDO.GovernmentOrganization] if is_governmental(r) else []
