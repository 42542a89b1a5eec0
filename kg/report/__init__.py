"""``kg report -o DIR``: a self-contained, offline HTML report with plots of the store.

    with Store("kg-store", read_only=True) as store:
        written = write_report_dir(store, Path("report"), persons=["Li Wei"])

DIR gets ``index.html`` (every plot inlined as a ``data:`` SVG image, the key tables of ``kg
analyze`` as escaped HTML, a Content-Security-Policy that forbids scripts and any network access)
and each plot as its own SVG file: ``activity.svg`` (events and releases per month),
``officials.svg`` (the most central officials), ``coattendance.svg`` (heat map of their Newman
co-attendance weights), ``diffusion.svg`` (share of active bodies each initiative reached over
time), ``careers.svg`` (posts with their attested intervals, and events, of chosen officials).
The same store gives byte-identical files.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from kg.analyze.data import PERSON, GraphData, QueryStore, load
from kg.analyze.diffusion import active_bodies, adoptions
from kg.analyze.evidence import Evidence, load_evidence
from kg.analyze.graphs import coattendance_graph
from kg.analyze.metrics import build_report, centrality, ranked_officials
from kg.analyze.periods import restrict
from kg.analyze.report import Section

PLOTS = ("activity", "officials", "coattendance", "diffusion", "careers")
CAREERS_DEFAULT = 5


class PersonNotFound(LookupError):
    """``--person NAME`` names no official of the store."""


def find_person(data: GraphData, name: str) -> str:
    """The person whose IRI, label or alternative label is ``name`` (case-insensitive); the most
    frequent participant when several share the name."""
    wanted = name.strip().casefold()
    def names(p: str) -> set[str]:
        return {x.casefold() for x in (data.label(p), *data.labels.get(p, {}).values(),
                                       *data.aliases.get(p, ()))}

    found = [p for p in data.of_kind(PERSON) if p == name or wanted in names(p)]
    if not found:
        raise PersonNotFound(f"no person named {name!r} in the store")
    seen = {p: sum(1 for _e, q, _r in data.participation if q == p) for p in found}
    return min(found, key=lambda p: (-seen[p], p))


def _table(section: Section, limit: int = 15) -> str:
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in section.columns if c != "iri")
    rows = []
    for row in section.rows[:limit]:
        cells = []
        for c, v in zip(section.columns, row, strict=True):
            if c == "iri":
                continue
            text = "" if v is None else "; ".join(v) if isinstance(v, list) else (
                f"{v:.3f}" if isinstance(v, float) else str(v))
            cells.append(f"<td>{e(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    body = "".join(rows) or f'<tr><td colspan="{len(section.columns)}">(none)</td></tr>'
    return f"<h3>{e(section.title)}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_files(data: GraphData, evidence: Evidence, top: int = 15, persons: list[str] | None = None,
                 since: str | None = None, until: str | None = None) -> dict[str, str]:
    """file name -> content: the SVG plots that have something to show, and index.html."""
    from kg.report import plots

    window = restrict(data, since, until)
    g = coattendance_graph(window)
    cent = centrality(g)
    ranked = ranked_officials(window, cent)[:top]
    strength = {p: cent[p]["weighted_degree"] for p in cent}
    weight = {(a, b): w for a, b, w in g.edges(data="weight")}
    found = adoptions(window)
    if persons:
        chosen = [find_person(data, name) for name in persons]
    else:
        holders = {p for p, _post in data.holds}
        chosen = [p for p in ranked if p in holders][:CAREERS_DEFAULT] or ranked[:CAREERS_DEFAULT]
    figures = {
        "activity": plots.activity(window),
        "officials": plots.top_officials(window, ranked, strength),
        "coattendance": plots.heat_map(window, ranked, weight),
        "diffusion": plots.diffusion_curves(window, found, len(active_bodies(window))),
        "careers": plots.careers(window, evidence, chosen),
    }
    files = {f"{name}.svg": plots.svg(fig) for name, fig in figures.items() if fig is not None}
    report = build_report(data, top=top, since=since, until=until)
    e = html.escape
    summary = ", ".join(f"{v} {k}" for k, v in report.section("summary").rows)
    parts = []
    captions = {
        "activity": "Events (bars) and releases (line) per month.",
        "officials": "Weighted degree on the co-attendance graph: each event of n participants adds 1/(n-1) "
                     "to each of its pairs (Newman), so a person's weighted degree is the number of events "
                     "shared with anybody.",
        "coattendance": "Newman co-attendance weights between the officials above.",
        "diffusion": "For each initiative, the share of active bodies (bodies that convened a dated event) "
                     "that had endorsed it by each date; in brackets, the number of adopting bodies.",
        "careers": "Posts from first to last attested date (the dates of the releases naming them) and "
                   "the events each official presided (◆) or attended (●).",
    }
    for name in PLOTS:
        key = f"{name}.svg"
        if key not in files:
            continue
        data_uri = "data:image/svg+xml;base64," + base64.b64encode(files[key].encode("utf-8")).decode()
        parts.append(f'<figure id="{name}"><img src="{data_uri}" alt="{e(name)}"><figcaption>'
                     f'{e(captions[name])} <span class="file">{e(key)}</span></figcaption></figure>')
    tables = "".join(_table(report.section(s)) for s in ("central", "change", "diffusion", "adopters"))
    window_text = f" — events from {since or 'the start'} to {until or 'the end'}" if since or until else ""
    csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    files["index.html"] = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{e(csp)}">
<meta name="referrer" content="no-referrer">
<title>kg report</title>
<style>
body {{ font-family: sans-serif; font-size: 14px; color: #222; max-width: 1100px; margin: 16px auto;
        padding: 0 12px; }}
figure {{ margin: 24px 0; }} figure img {{ max-width: 100%; }}
figcaption {{ color: #555; font-size: 13px; }} .file {{ color: #888; font-family: monospace; }}
table {{ border-collapse: collapse; margin: 8px 0 20px 0; font-size: 13px; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }}
</style>
</head>
<body>
<h1>kg report</h1>
<p>{e(summary)}{e(window_text)}</p>
{"".join(parts)}
<h2>Tables</h2>
{tables}
</body>
</html>
"""
    return files


def write_report_dir(store: QueryStore, out: Path, top: int = 15, persons: list[str] | None = None,
                     since: str | None = None, until: str | None = None) -> list[Path]:
    """Write the report into ``out``; the files written (index.html last)."""
    files = report_files(load(store), load_evidence(store), top=top, persons=persons, since=since,
                         until=until)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(files, key=lambda n: (n == "index.html", n)):
        path = out / name
        path.write_text(files[name], encoding="utf-8")
        written.append(path)
    return written
