"""The knowledge tables: one loader for every data file under ``kg/data/`` and the analyst's overlays.

Every table is a UTF-8 text file, one entry a line, ``#`` starts a comment line; TSV files split on
tabs. A table is named by its path relative to a data folder (``"en/roles.tsv"``, ``"zh/roles.tsv"``,
``"aliases/bodies.tsv"``). The folders of ``KG_DATA_PATH`` (separated like ``PATH``) are laid out like
``kg/data/``; each table's rows are theirs first (in the order of the path), then the bundled rows.
Each row remembers where it came from (``Line.source``: ``"en/roles.tsv:12"``, or the analyst's file
path and line), so that ``kg extract --trace`` can name the data line behind an extracted item.

>>> from kg.knowledge import lines
>>> row = next(r for r in lines("en/roles.tsv") if r.cells[0].lower() == "mayor")
>>> row.source.startswith("en/roles.tsv:")
True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, update_wrapper
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

BUNDLED = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Line:
    """One entry of a table: its text (stripped of the line end), its tab-separated cells, its origin."""

    text: str
    source: str  # "en/roles.tsv:12" (bundled) or "/abs/path/mydata/en/roles.tsv:3"

    @property
    def cells(self) -> tuple[str, ...]:
        return tuple(c.strip() for c in self.text.split("\t"))


# os.environ.get decodes the key and the value on every call (~2 us); the lexicons are asked for tens of
# thousands of times per batch, so the raw value is read from os.environ's own store (which
# os.environ[...] = ..., monkeypatch.setenv and del keep current) and decoded once per distinct value.
_ENV_STORE = getattr(os.environ, "_data", None)
_ENV_KEY: object = None
if _ENV_STORE is not None and hasattr(os.environ, "encodekey"):
    _ENV_KEY = os.environ.encodekey("KG_DATA_PATH")
_decoded: dict[object, str] = {}


def data_path_value() -> str:
    """The current ``KG_DATA_PATH`` (the key of every cache that depends on the tables)."""
    if _ENV_KEY is None:
        return os.environ.get("KG_DATA_PATH", "")
    raw = _ENV_STORE.get(_ENV_KEY)  # type: ignore[union-attr]
    if raw is None:
        return ""
    value = _decoded.get(raw)
    if value is None:
        value = _decoded[raw] = os.environ.get("KG_DATA_PATH", "")
    return value


def overlay_dirs(value: str | None = None) -> tuple[Path, ...]:
    """The analyst's data folders named by ``KG_DATA_PATH``, in order."""
    value = data_path_value() if value is None else value
    return tuple(Path(d) for d in value.split(os.pathsep) if d)


def _read(path: Path, label: str) -> tuple[Line, ...]:
    out: list[Line] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(Line(line.rstrip(), f"{label}:{n}"))
    return tuple(out)


@cache
def _lines(name: str, value: str, bundled_only: bool) -> tuple[Line, ...]:
    rows: list[Line] = []
    if not bundled_only:
        for d in overlay_dirs(value):
            f = d / name
            if f.is_file():
                rows.extend(_read(f, str(f.resolve())))
    f = BUNDLED / name
    if f.is_file():
        rows.extend(_read(f, name))
    return tuple(rows)


def lines(name: str, bundled_only: bool = False) -> tuple[Line, ...]:
    """The rows of table ``name`` (``"zh/relation_cues.tsv"``): the overlays' first, then the bundled ones.

    A table that exists nowhere is empty (a language pack may leave a table out)."""
    return _lines(name, data_path_value(), bundled_only)


def digest() -> str:
    """SHA-256 over every table in effect (bundled and overlays): which knowledge produced a graph."""
    h = hashlib.sha256()
    roots = [BUNDLED, *overlay_dirs()]
    for root in roots:
        if not root.is_dir():
            continue
        for f in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".txt", ".tsv"}):
            h.update(str(f.relative_to(root)).encode("utf-8") + b"\0")
            h.update(f.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class Relation:
    """One row of ``relations.tsv``: how persons relate to an event, from cue to JSONL field and RDF."""

    id: str  # "presided", "inspected": what the cue tables and Event.relations name
    field: str | None  # the JSONL field listing the persons ("presided_by"), None: the event's `relations`
    predicate: str | None  # a CURIE ("kgo:presidedBy"), None: no triple ("other")
    label: str
    source: str  # the data line: "relations.tsv:14"


def _dash(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


@cache
def _relations(value: str) -> dict[str, Relation]:
    out: dict[str, Relation] = {}
    for row in _lines("relations.tsv", value, False):
        c = row.cells + ("",) * 4
        if not c[0] or c[0] in out:  # an overlay's row replaces the bundled row of its id
            continue
        out[c[0]] = Relation(c[0], _dash(c[1]), _dash(c[2]), c[3], row.source)
    return out


def relations() -> dict[str, Relation]:
    """The relation schema (``relations.tsv``, overlays first), by id, in the order of the table.

    >>> r = relations()
    >>> r["presided"].field, r["presided"].predicate
    ('presided_by', 'kgo:presidedBy')
    >>> r["inspected"].field is None, r["other"].predicate is None
    (True, True)
    """
    return _relations(data_path_value())


@dataclass(frozen=True)
class RelationCue:
    """One row of a language's ``relation_cues.tsv``: ``cue<TAB>relation<TAB>voice``."""

    cue: str  # "presided over", "主持"
    relation: str  # an id of relations.tsv
    voice: str  # "active": the person before the cue holds the relation; "passive": after it ("chaired by")
    line: Line


VOICES = ("active", "passive")


def relation_cues(lang: str) -> tuple[RelationCue, ...]:
    """The relation cues of language ``lang`` (``"en"``, ``"zh"``), overlays first.

    A row naming a relation that ``relations.tsv`` lacks, or a voice other than active/passive, is an
    error that names its line (an analyst's typo must not silently drop a cue).

    >>> all(c.relation in relations() for c in relation_cues("en"))
    True
    """
    return _relation_cues(lang, data_path_value())


@cache
def _relation_cues(lang: str, value: str) -> tuple[RelationCue, ...]:
    known = _relations(value)
    out: list[RelationCue] = []
    for row in _lines(f"{lang}/relation_cues.tsv", value, False):
        c = row.cells + ("", "")
        voice = c[2] or "active"
        if c[1] not in known:
            raise ValueError(f"{row.source}: relation {c[1]!r} is not in relations.tsv")
        if voice not in VOICES:
            raise ValueError(f"{row.source}: voice {voice!r} is neither active nor passive")
        out.append(RelationCue(c[0], c[1], voice, row))
    return tuple(out)


class Keyed(Protocol[T_co]):
    """What ``keyed`` returns: the function, and ``cache_clear()``."""

    def __call__(self, *args: Any) -> T_co: ...

    def cache_clear(self) -> None: ...


_KEYED: list[Keyed[object]] = []


def keyed(fn: Callable[..., T]) -> Keyed[T]:
    """A cache for what is built from the tables: one value per ``KG_DATA_PATH`` (and arguments).

    Decorate the function that builds a lexicon or an index from ``lines()``; it is built once for each
    ``KG_DATA_PATH`` value met in the process and kept (callers may key their own caches on its
    ``id``). ``cache_clear()`` forgets one function's values, ``clear_caches()`` every one's. A call
    with the same value as the last costs about as much as a ``functools.cache`` hit.

    >>> @keyed
    ... def roles_count() -> int:
    ...     return len(lines("en/roles.tsv"))
    >>> roles_count() == roles_count() > 0
    True
    """
    values: dict[object, T] = {}
    unset = object()
    last: list[Any] = [unset, None]  # [raw KG_DATA_PATH of the last call, its no-argument result]
    store, env_key = _ENV_STORE, _ENV_KEY

    def cached(*args: Any) -> T:
        raw = store.get(env_key) if env_key is not None else unset  # type: ignore[union-attr]
        if not args and raw is last[0]:
            return last[1]  # type: ignore[no-any-return]
        k = (data_path_value(), args)
        try:
            v = values[k]
        except KeyError:
            v = values[k] = fn(*args)
        if not args and raw is not unset:
            last[0], last[1] = raw, v
        return v

    def cache_clear() -> None:
        values.clear()
        last[0], last[1] = unset, None

    cached.cache_clear = cache_clear  # type: ignore[attr-defined]
    update_wrapper(cached, fn)
    _KEYED.append(cached)  # type: ignore[arg-type]
    return cached  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget the tables read so far and everything built from them (tests that change files in place)."""
    for fn in _KEYED:
        fn.cache_clear()
    _lines.cache_clear()
    _relations.cache_clear()
    _relation_cues.cache_clear()
