"""SHACL Core validation as SPARQL over the store, in bounded memory (no copy into pyshacl).

The shapes are read from ontology/shapes.ttl (nothing here knows today's shapes): for every node
shape, its targets (``sh:targetClass`` with subclasses, ``sh:targetNode``, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``, SPARQL-based ``sh:target [ sh:select ... ]``) become one focus pattern, and
every constraint of the shape and of its property shapes (a predicate path or ``sh:inversePath``)
becomes one SELECT that returns exactly the violating (focus, value) pairs over the merged default
graph, so cardinalities hold across releases as with pyshacl over the merged graph. Each query is an
aggregate or a filter run by Oxigraph; Python only sees the violations.

Supported components: minCount, maxCount, datatype (with ill-formed literals of the castable XSD
types), class, nodeKind, min/maxInclusive, min/maxExclusive, lessThan, lessThanOrEquals, in,
hasValue, pattern, minLength, maxLength. A shape using anything else raises :class:`Unsupported`
(the caller then falls back to pyshacl). tests/test_validate_sparql.py checks the results are
pyshacl's on the samples and on deliberately broken graphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD

from kg.rdf.oxterms import to_rdflib

_SKIP = {RDF.type, SH.property, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
         SH.target, SH.path, SH.message, SH.severity, SH.name, SH.description, SH.deactivated, SH.order,
         SH.group, SH.prefixes, SH["or"]}
_CASTABLE = {str(XSD[t]) for t in ("integer", "decimal", "double", "float", "boolean", "date", "dateTime",
                                   "time", "int", "long", "short", "byte", "nonNegativeInteger",
                                   "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                   "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_NODE_KIND = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_COMPARE = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=", SH.maxExclusive: "<"}


class Unsupported(ValueError):
    """A shape uses a SHACL feature this translation does not handle."""


@dataclass(frozen=True, order=True)
class Violation:
    focus: str  # N-Triples form of the focus node
    path: str  # N-Triples form of the path ("" for a node shape's own constraint)
    component: str  # local name of the constraint component, e.g. "MinCountConstraintComponent"
    value: str  # N-Triples form of the value node ("" when none)
    message: str
    severity: str  # Violation, Warning, Info
    # the rdflib focus, path and value (for display)
    terms: tuple[Any, Any, Any] = field(default=(None, None, None), compare=False)


def _n3(term: Any) -> str:
    return term.n3() if isinstance(term, URIRef | Literal) else f"_:{term}"


class _Shape:
    def __init__(self, sg: Graph, node: Any) -> None:
        self.sg, self.node = sg, node

    def values(self, p: URIRef) -> list[Any]:
        return sorted(self.sg.objects(self.node, p), key=str)

    def one(self, p: URIRef) -> Any:
        return self.sg.value(self.node, p)


def _prefix_lines(sg: Graph, select_node: Any) -> str:
    lines = []
    for decl_owner in sg.objects(select_node, SH.prefixes):
        for decl in sg.objects(decl_owner, SH.declare):
            lines.append(f"PREFIX {sg.value(decl, SH.prefix)}: <{sg.value(decl, SH.namespace)}>")
    return "\n".join(sorted(set(lines)))


def _targets(shape: _Shape) -> tuple[str, str]:
    """(prologue, group pattern binding ?this) of a node shape's focus nodes; ("", "") without targets."""
    parts, prologue = [], []
    for c in shape.values(SH.targetClass):
        parts.append(f"?this <{RDF.type}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_n3(c)} .")
    for n in shape.values(SH.targetNode):
        parts.append(f"BIND({_n3(n)} AS ?this)")
    for p in shape.values(SH.targetSubjectsOf):
        parts.append(f"?this {_n3(p)} [] .")
    for p in shape.values(SH.targetObjectsOf):
        parts.append(f"[] {_n3(p)} ?this .")
    for t in shape.values(SH.target):
        select = shape.sg.value(t, SH.select)
        if select is None:
            raise Unsupported(f"target {t} of {shape.node} is not a SPARQL-based target (sh:select)")
        prologue.append(_prefix_lines(shape.sg, t))
        parts.append("{ " + str(select) + " }")
    if not parts:
        return "", ""
    return "\n".join(p for p in prologue if p), " UNION ".join("{ " + p + " }" for p in parts)


def _path(shape: _Shape) -> tuple[str, str]:
    """(SPARQL path, N-Triples form reported as the result path)."""
    path = shape.one(SH.path)
    if isinstance(path, URIRef):
        return _n3(path), _n3(path)
    inverse = shape.sg.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^{_n3(inverse)}", f"^{_n3(inverse)}"
    raise Unsupported(f"property path {path} of {shape.node}: only predicates and sh:inversePath")


def _checks(shape: _Shape, path: str | None) -> list[tuple[str, str]]:
    """(component, query body selecting ?this ?v of the violations) for each constraint of ``shape``;
    ``path`` None: the node shape's own constraints on the focus node."""
    vals = f"?this {path} ?v ." if path else "BIND(?this AS ?v)"
    out: list[tuple[str, str]] = []
    for p in sorted(set(shape.sg.predicates(shape.node, None)), key=str):
        if p in _SKIP or not str(p).startswith(str(SH)):
            continue
        for rule in shape.values(p):
            out.append(_check(shape, p, rule, vals, path))
    return out


def _check(shape: _Shape, p: URIRef, rule: Any, vals: str, path: str | None) -> tuple[str, str]:
    name = str(p)[len(str(SH)):]
    component = name[0].upper() + name[1:] + "ConstraintComponent"
    if p in (SH.minCount, SH.maxCount) and path:
        n = int(rule)
        if p == SH.minCount:
            return component, (f"{{ SELECT ?this (COUNT(DISTINCT ?x) AS ?n) WHERE {{ FOCUS "
                               f"OPTIONAL {{ ?this {path} ?x }} }}"
                               f" GROUP BY ?this HAVING (COUNT(DISTINCT ?x) < {n}) }}")
        return component, (f"{{ SELECT ?this (COUNT(DISTINCT ?x) AS ?n) WHERE {{ FOCUS ?this {path} ?x }}"
                           f" GROUP BY ?this HAVING (COUNT(DISTINCT ?x) > {n}) }}")
    if p == SH.datatype:
        ok = f"isLiteral(?v) && DATATYPE(?v) = {_n3(rule)}"
        if str(rule) in _CASTABLE:  # ill-formed literals (e.g. "2024-02-30"^^xsd:date) fail too
            ok += f" && COALESCE(sameTerm(<{rule}>(STR(?v)), ?v) || <{rule}>(STR(?v)) = ?v, false)"
        return component, f"FOCUS {vals} FILTER (!({ok}))"
    if p == SH["class"]:
        sub = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
        return component, f"FOCUS {vals} FILTER NOT EXISTS {{ ?v <{RDF.type}>/{sub}* {_n3(rule)} }}"
    if p == SH.nodeKind and rule in _NODE_KIND:
        return component, f"FOCUS {vals} FILTER (!{_NODE_KIND[rule].format(v='?v')})"
    if p in _COMPARE:
        return component, f"FOCUS {vals} FILTER (!COALESCE(?v {_COMPARE[p]} {_n3(rule)}, false))"
    if p in (SH.lessThan, SH.lessThanOrEquals) and path:
        op = "<" if p == SH.lessThan else "<="
        return component, f"FOCUS {vals} ?this {_n3(rule)} ?w . FILTER (!COALESCE(?v {op} ?w, false))"
    if p == SH["in"]:
        members = ", ".join(_n3(m) for m in Collection(shape.sg, rule))
        return component, f"FOCUS {vals} FILTER (!COALESCE(sameTerm(?v, ?v) && ?v IN ({members}), false))"
    if p == SH.hasValue:
        if path:
            return component, f"FOCUS FILTER NOT EXISTS {{ ?this {path} {_n3(rule)} }}"
        return component, f"FOCUS FILTER (!sameTerm(?this, {_n3(rule)}))"
    if p == SH.pattern:
        flags = shape.one(SH.flags)
        args = f"{Literal(str(rule)).n3()}" + (f", {Literal(str(flags)).n3()}" if flags else "")
        return component, f"FOCUS {vals} FILTER (isBlank(?v) || !COALESCE(REGEX(STR(?v), {args}), false))"
    if p in (SH.minLength, SH.maxLength):
        op = "<" if p == SH.minLength else ">"
        return component, f"FOCUS {vals} FILTER (isBlank(?v) || STRLEN(STR(?v)) {op} {int(rule)})"
    if p == SH.flags:
        return "", ""
    raise Unsupported(f"{shape.node} uses sh:{name}, which the SPARQL validation does not translate")


def _messages(shape: _Shape, component: str, rule_text: str) -> str:
    msgs = shape.values(SH.message)
    return str(msgs[0]) if msgs else f"{component.removesuffix('ConstraintComponent')} {rule_text}".strip()


def validate(store: ox.Store, shapes: Graph) -> list[Violation]:
    """Every violation of ``shapes`` by the default graph of ``store``, sorted."""
    found: set[Violation] = set()
    for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        shape = _Shape(shapes, node)
        if shape.one(SH.deactivated) == Literal(True):
            continue
        prologue, focus = _targets(shape)
        if not focus:
            continue
        severity = str(shape.one(SH.severity) or SH.Violation).rsplit("#", 1)[-1]
        jobs: list[tuple[_Shape, str, str, str, str]] = []
        for component, body in _checks(shape, None):
            if component:
                jobs.append((shape, "", component, body, severity))
        for prop in shape.values(SH.property):
            ps = _Shape(shapes, prop)
            if ps.one(SH.deactivated) == Literal(True):
                continue
            sparql_path, shown = _path(ps)
            psev = str(ps.one(SH.severity) or SH.Violation).rsplit("#", 1)[-1]
            for component, body in _checks(ps, sparql_path):
                if component:
                    jobs.append((ps, shown, component, body, psev))
        for members in shape.values(SH["or"]):
            found.update(_or_violations(store, shapes, shape, prologue, focus, members, severity))
        for s, shown, component, body, sev in jobs:
            where = body.replace("FOCUS", "{ " + focus + " }", 1)
            has_value = component not in _NO_VALUE
            sparql = f"{prologue}\nSELECT DISTINCT ?this {'?v' if has_value else ''} WHERE {{ {where} }}"
            rule = next(iter(s.values(_component_predicate(component))), "")
            message = _messages(s, component, _n3(rule) if rule != "" else "")
            for row in store.query(sparql):
                focus_t = to_rdflib(row["this"])
                value_t = to_rdflib(row["v"]) if has_value and row["v"] is not None else None
                found.add(Violation(_n3(focus_t), shown, component, "" if value_t is None else _n3(value_t),
                                    message, sev, (focus_t, s.one(SH.path), value_t)))
    return sorted(found)


def _failing(store: ox.Store, shapes: Graph, member: Any, prologue: str, focus: str) -> set[str]:
    """The focus nodes (N-Triples) that do not conform to the shape ``member`` of an sh:or."""
    ms = _Shape(shapes, member)
    if ms.one(SH["or"]) is not None or ms.values(SH.property) or ms.values(SH.node):
        raise Unsupported(f"nested shapes inside sh:or of {member}")
    path = _path(ms)[0] if ms.one(SH.path) is not None else None
    out: set[str] = set()
    for component, body in _checks(ms, path):
        if not component:
            continue
        where = body.replace("FOCUS", "{ " + focus + " }", 1)
        for row in store.query(f"{prologue}\nSELECT DISTINCT ?this WHERE {{ {where} }}"):
            out.add(_n3(to_rdflib(row["this"])))
    return out


def _or_violations(store: ox.Store, shapes: Graph, shape: _Shape, prologue: str, focus: str,
                   members: Any, severity: str) -> set[Violation]:
    """sh:or on a node shape: the focus nodes failing every member shape (the value is the focus)."""
    failing: set[str] | None = None
    for member in Collection(shapes, members):
        f = _failing(store, shapes, member, prologue, focus)
        failing = f if failing is None else failing & f
        if not failing:
            return set()
    message = _messages(shape, "OrConstraintComponent", "")
    out = set()
    for n3 in failing or ():
        term = URIRef(n3[1:-1]) if n3.startswith("<") else BNode(n3[2:])
        out.add(Violation(n3, "", "OrConstraintComponent", n3, message, severity, (term, None, term)))
    return out


_NO_VALUE = {"MinCountConstraintComponent", "MaxCountConstraintComponent", "HasValueConstraintComponent"}


def _component_predicate(component: str) -> URIRef:
    name = component.removesuffix("ConstraintComponent")
    return SH[name[0].lower() + name[1:]]


def pyshacl_violations(data: Graph, shapes: Graph) -> list[Violation]:
    """pyshacl's results in the same form (for tests and for the fallback)."""
    from pyshacl import validate as py_validate

    _, results, _ = py_validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                allow_warnings=True)
    out = set()
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        comp = results.value(r, SH.sourceConstraintComponent)
        focus = results.value(r, SH.focusNode)
        out.add(Violation(
            _n3(focus),
            "" if path is None else (_n3(path) if not isinstance(path, BNode)
                                     else "^" + _n3(results.value(path, SH.inversePath))),
            str(comp).rsplit("#", 1)[-1], "" if value is None else _n3(value),
            str(results.value(r, SH.resultMessage) or ""),
            str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1], (focus, path, value)))
    return sorted(out)
