"""The analysis report and its three renderings: aligned text tables, CSV and JSON.

A report is a list of :class:`Section` blocks, each a small table (a name, column names, rows).
Cells are strings, ints, floats, ``None`` or lists of strings (e.g. community members).

CSV layout (``--format csv``): one block per section, blocks separated by one empty line. Every
block starts with a header row whose first cell is ``section`` followed by the section's column
names; every data row starts with the section name (``summary``, ``central``, ``communities``,
``pairs``, ``initiatives``, ``presiders``, ``change``, ``diffusion``, ``adopters``). List cells are
joined with ``"; "``; floats have six decimals. So ``grep '^pairs,'`` gives one section's rows, and
each block reads as its own CSV.

JSON layout: ``{"sections": {"summary": [{column: value}, ...], "central": [...], ...}}`` with
lists kept as JSON arrays and floats rounded to six decimals.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any, TextIO

Cell = str | int | float | None | list[str]
FORMATS = ("table", "csv", "json")


@dataclass
class Section:
    name: str  # machine name: "central"
    title: str  # heading in the table rendering
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)

    def records(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass
class Report:
    sections: list[Section]

    def section(self, name: str) -> Section:
        for s in self.sections:
            if s.name == name:
                return s
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {"sections": {s.name: [{k: _json_cell(v) for k, v in r.items()} for r in s.records()]
                             for s in self.sections}}


def _json_cell(v: Cell) -> Cell:
    return round(v, 6) if isinstance(v, float) else v


def _text(v: Cell, float_digits: int) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.{float_digits}f}"
    if isinstance(v, list):
        return "; ".join(v)
    return str(v)


def _width(s: str) -> int:
    """Display width in a terminal: CJK wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in s)


def _cut(s: str, width: int) -> str:
    """``s`` cut to ``width`` display columns, with an ellipsis when cut."""
    if _width(s) <= width:
        return s
    out, used = [], 0
    for c in s:
        w = _width(c)
        if used + w > width - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def _pad(s: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(s))
    return fill + s if right else s + fill


def write_table(report: Report, out: TextIO, max_cell: int = 80) -> None:
    """Aligned, human-readable sections; numbers right-aligned, long cells cut with an ellipsis."""
    for i, s in enumerate(report.sections):
        if i:
            out.write("\n")
        out.write(f"{s.title}\n{'=' * _width(s.title)}\n")
        if not s.rows:
            out.write("(none)\n")
            continue
        cells = [[_text(v, 4) for v in row] for row in s.rows]
        cells = [[_cut(c, max_cell) for c in row] for row in cells]
        numeric = [all(isinstance(row[j], int | float) for row in s.rows) for j in range(len(s.columns))]
        widths = [max([_width(col)] + [_width(row[j]) for row in cells]) for j, col in enumerate(s.columns)]
        lines = [[_pad(col, widths[j], numeric[j]) for j, col in enumerate(s.columns)],
                 ["-" * w for w in widths]]
        lines += [[_pad(c, widths[j], numeric[j]) for j, c in enumerate(row)] for row in cells]
        out.write("".join("  ".join(line).rstrip() + "\n" for line in lines))


def write_csv(report: Report, out: TextIO) -> None:
    """See the module docstring for the layout."""
    w = csv.writer(out, lineterminator="\n")
    for i, s in enumerate(report.sections):
        if i:
            out.write("\n")
        w.writerow(["section", *s.columns])
        for row in s.rows:
            w.writerow([s.name, *(_text(v, 6) for v in row)])


def write_json(report: Report, out: TextIO) -> None:
    json.dump(report.to_json(), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_report(report: Report, fmt: str, out: TextIO) -> None:
    """Write ``report`` to ``out`` as ``table``, ``csv`` or ``json``."""
    writers = {"table": write_table, "csv": write_csv, "json": write_json}
    if fmt not in writers:
        raise ValueError(f"unknown report format {fmt!r} (expected one of {', '.join(FORMATS)})")
    writers[fmt](report, out)
