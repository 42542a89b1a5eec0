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
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Line:
    """One entry of a table: its text (stripped of the line end), its tab-separated cells, its origin."""

    text: str
    source: str  # "en/roles.tsv:12" (bundled) or "/abs/path/mydata/en/roles.tsv:3"

    @property
    def cells(self) -> tuple[str, ...]:
        return tuple(c.strip() for c in self.text.split("\t"))


def data_path_value() -> str:
    """The current ``KG_DATA_PATH`` (the key of every cache that depends on the tables)."""
    return os.environ.get("KG_DATA_PATH", "")


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
    """The rows of table ``name`` (``"zh/verbs.tsv"``): the overlays' first, then the bundled ones.

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


def clear_caches() -> None:
    """Forget the tables read so far (tests that change files in place)."""
    _lines.cache_clear()
