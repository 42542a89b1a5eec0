"""Named SPARQL queries (ontology/queries/NAME.rq) and the writing of results as table, CSV or JSON.

``resolve_query(arg)``: ``arg`` is inline SPARQL, a path to a .rq file, or the NAME of a named query.
``write_result(result, fmt, out)``: ``table`` (aligned columns; an IRI column is hidden when the query
also selects ``<column>_name``, so people read labels, not IRIs), ``csv``, ``json`` (the W3C SPARQL
1.1 Query Results JSON format).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from pathlib import Path
from typing import IO, Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf.paths import ontology_dir
from kg.rdf.vocab import PREFIXES

_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE
)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MAX_CELL = 70


class QueryNotFound(LookupError):
    """An argument that is neither SPARQL, nor a .rq file, nor a known query name."""


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def named_queries() -> dict[str, Path]:
    """NAME -> path of every ontology/queries/NAME.rq."""
    try:
        d = queries_dir()
    except FileNotFoundError:
        return {}
    return {p.stem: p for p in sorted(d.glob("*.rq"))}


def describe(path: Path) -> str:
    """The first comment line of a .rq file (its one-line description)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def resolve_query(arg: str) -> str:
    """The SPARQL text for ``arg`` (inline SPARQL, FILE.rq, or a query NAME)."""
    if _SPARQL_START.match(arg) or ("{" in arg and "\n" in arg):
        return arg
    p = Path(arg)
    if p.is_file():
        return p.read_text(encoding="utf-8")
    available = named_queries()
    name = arg[:-3] if arg.endswith(".rq") else arg
    if _NAME.match(name) and name in available:
        return available[name].read_text(encoding="utf-8")
    if p.suffix == ".rq":
        raise QueryNotFound(f"no such query file: {arg}")
    listing = "\n".join(f"  {n:22s} {describe(path)}" for n, path in available.items()) or "  (none found)"
    raise QueryNotFound(f"unknown query {arg!r}: give SPARQL text, a .rq file, or one of:\n{listing}")


def set_values(sparql: str, var: str, values: list[str]) -> str:
    """The query with its (first, uncommented) ``VALUES ?var { ... }`` line replaced by the given
    string values (JSON-quoted, which is valid SPARQL string syntax), e.g.
    ``set_values(resolve_query("posts-of-person"), "wanted", ["林浩然"])``."""
    rx = re.compile(rf"^(\s*)VALUES\s+\?{re.escape(var)}\s*\{{[^}}\n]*\}}", re.MULTILINE)
    if not rx.search(sparql):
        raise ValueError(f"the query has no VALUES ?{var} {{ ... }} line")
    literals = " ".join(json.dumps(v, ensure_ascii=False) for v in values)
    return rx.sub(lambda m: f"{m.group(1)}VALUES ?{var} {{ {literals} }}", sparql, count=1)


# -- writing results -------------------------------------------------------------------------------


_LOCAL = re.compile(r"^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?$")


def _compact(iri: str) -> str:
    """``prefix:local`` when that is valid SPARQL (and so can be pasted back into a query), else
    ``<iri>`` (e.g. kgid: IRIs, whose local parts contain '/')."""
    for k, v in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(v)) and _LOCAL.match(iri[len(str(v)) :]):
            return f"{k}:{iri[len(str(v)) :]}"
    return f"<{iri}>"


def _text(term: Any, compact: bool) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return _compact(str(term)) if compact else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cut(s: str, limit: int) -> str:
    s = re.sub(r"\s+", " ", s)
    if _width(s) <= limit:
        return s
    out, w = "", 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > limit - 1:
            break
        out, w = out + c, w + cw
    return out + "…"


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    d = {"type": "literal", "value": str(term)}
    if term.language:
        d["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        d["datatype"] = str(term.datatype)
    return d


def _rows(result: Any) -> tuple[list[str], list[list[Any]]]:
    names = [str(v) for v in (result.vars or [])]
    rows = [[b.get(v) for v in result.vars] for b in result.bindings] if names else []
    return names, rows


def write_result(result: Any, fmt: str, out: IO[str]) -> None:
    """Write a query result (rdflib Result: SELECT, ASK or CONSTRUCT) to ``out`` as table, csv or json."""
    rtype = getattr(result, "type", "SELECT")
    if rtype == "ASK":
        answer = bool(result.askAnswer)
        if fmt == "json":
            out.write(json.dumps({"head": {}, "boolean": answer}) + "\n")
        else:
            out.write(("true" if answer else "false") + "\n")
        return
    if rtype in ("CONSTRUCT", "DESCRIBE"):
        g = result.graph
        out.write(g.serialize(format="json-ld" if fmt == "json" else "nt" if fmt == "csv" else "turtle"))
        return
    names, rows = _rows(result)
    if fmt == "json":
        doc = {
            "head": {"vars": names},
            "results": {
                "bindings": [
                    {n: _json_term(t) for n, t in zip(names, r, strict=True) if t is not None} for r in rows
                ]
            },
        }
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow([_text(t, compact=False) for t in r])
    elif fmt == "table":
        _table(names, rows, out)
    else:
        raise ValueError(f"unknown result format {fmt!r}: use table, csv or json")


def _table(names: list[str], rows: list[list[Any]], out: IO[str]) -> None:
    keep = [i for i, n in enumerate(names) if f"{n}_name" not in names]
    heads = [names[i] for i in keep]
    # IRIs are never shortened: a cell can be pasted back into a query
    cells = [[_text(r[i], compact=True) if isinstance(r[i], URIRef)
              else _cut(_text(r[i], compact=True), MAX_CELL) for i in keep] for r in rows]
    widths = [max([_width(h)] + [_width(c[j]) for c in cells]) for j, h in enumerate(heads)]
    out.write("  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for c in cells:
        out.write("  ".join(_pad(x, w) for x, w in zip(c, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
