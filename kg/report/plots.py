"""The report's figures, drawn with matplotlib (Agg backend, no display) as SVG.

Every figure is deterministic: a fixed ``svg.hashsalt``, no date or tool in the metadata, text
drawn as paths (so no font is needed to view it and no release text is ever SVG markup), and the
data sorted before drawing. Labels are Latin (the English label, else the pinyin of the Chinese
one): the bundled DejaVu font has no Chinese glyphs; the HTML tables keep both scripts.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from kg.analyze.data import EVENT, PRESIDED, GraphData  # noqa: E402
from kg.analyze.diffusion import Adoption, curve  # noqa: E402
from kg.analyze.evidence import Evidence  # noqa: E402

LABEL_MAX = 38
POST_MAX = 56
STYLE: dict[str, Any] = {
    "svg.hashsalt": "kg-report", "svg.fonttype": "path", "font.family": "DejaVu Sans", "font.size": 9,
    "axes.spines.top": False, "axes.spines.right": False, "figure.dpi": 100,
}


def latin(data: GraphData, iri: str) -> str:
    """A Latin label: English, else the pinyin of the Chinese label, cut to LABEL_MAX characters."""
    from kg.resolve.pinyin import person_name_en
    from kg.resolve.text import has_han

    text = data.labels.get(iri, {}).get("en") or data.label(iri)
    if has_han(text) and data.kinds.get(iri) == "person":
        text = person_name_en(text) or text
    return latin_text(text)


def latin_text(text: str, limit: int = LABEL_MAX) -> str:
    """``text`` with its Chinese characters read as pinyin, cut to ``limit`` characters."""
    from kg.resolve.pinyin import syllables
    from kg.resolve.text import has_han

    if has_han(text):
        text = " ".join(syllables(text)).title()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def svg(fig: Figure) -> str:
    """The figure as deterministic SVG text (and the figure closed)."""
    buf = io.StringIO()
    with plt.rc_context(STYLE):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _figure(width: float, height: float) -> tuple[Figure, Any]:
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height))
    return fig, ax


def _day(d: str) -> date:
    return date.fromisoformat(d[:10])


def activity(data: GraphData) -> Figure | None:
    """Events and releases per month."""
    events = Counter(data.dates[e][:7] for e in data.of_kind(EVENT) if e in data.dates)
    releases = Counter(r.published[:7] for r in data.releases.values() if r.published)
    months = sorted(set(events) | set(releases))
    if not months:
        return None
    with plt.rc_context(STYLE):
        fig, ax = _figure(8, 3)
        x = [_day(m + "-01") for m in months]
        ax.bar(x, [events[m] for m in months], width=20, color="#4e79a7", label="events")
        ax.plot(x, [releases[m] for m in months], "o-", color="#e15759", markersize=3, linewidth=1,
                label="releases")
        ax.set_title("Activity over time (per month)")
        ax.set_ylabel("count")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        fig.autofmt_xdate()
        ax.legend(frameon=False)
    return fig


def top_officials(data: GraphData, ranked: list[str], strength: dict[str, float]) -> Figure | None:
    """Weighted degree (Newman) of the most central officials, with how many events they presided."""
    if not ranked:
        return None
    presided = Counter(p for _e, p, r in data.participation if r == PRESIDED)
    with plt.rc_context(STYLE):
        fig, ax = _figure(7, 0.8 + 0.28 * len(ranked))
        y = list(range(len(ranked)))[::-1]
        ax.barh(y, [strength[p] for p in ranked], color="#4e79a7", label="weighted degree (events shared)")
        ax.barh(y, [presided[p] for p in ranked], height=0.35, color="#f28e2b", label="events presided")
        ax.set_yticks(y, [latin(data, p) for p in ranked])
        ax.set_title("Most central officials (co-attendance, Newman-weighted)")
        ax.legend(frameon=False, loc="lower right")
    return fig


def heat_map(data: GraphData, ranked: list[str], weight: dict[tuple[str, str], float]) -> Figure | None:
    """Newman co-attendance weights between the most central officials."""
    if len(ranked) < 2:
        return None
    n = len(ranked)
    m = [[weight.get((a, b), weight.get((b, a), 0.0)) if a != b else 0.0 for b in ranked] for a in ranked]
    with plt.rc_context(STYLE):
        fig, ax = _figure(1.5 + 0.36 * n, 1.0 + 0.34 * n)
        im = ax.imshow(m, cmap="Blues", interpolation="nearest")
        names = [latin(data, p) for p in ranked]
        ax.set_xticks(range(n), names, rotation=60, ha="right")
        ax.set_yticks(range(n), names)
        ax.spines[:].set_visible(False)
        fig.colorbar(im, ax=ax, fraction=0.04, label="co-attendance weight")
        ax.set_title("Co-attendance of the most central officials")
    return fig


def diffusion_curves(data: GraphData, found: dict[str, list[Adoption]], population: int,
                     limit: int = 8) -> Figure | None:
    """Share of the active bodies reached by each initiative over time (the most adopted ones)."""
    ranked = sorted(found, key=lambda i: (-len(found[i]), found[i][0].date, data.label(i).casefold(), i))
    ranked = [i for i in ranked if len(found[i]) >= 2][:limit] or ranked[:limit]
    if not ranked:
        return None
    with plt.rc_context(STYLE):
        fig, ax = _figure(8, 3.6)
        for ini in ranked:
            points = curve(found[ini], population)
            xs = [_day(d) for d, _s in points]
            ys = [s for _d, s in points]
            ax.step(xs, ys, where="post", marker="o", markersize=3, linewidth=1.2,
                    label=f"{latin(data, ini)} ({len(found[ini])})")
        ax.set_ylim(0, None)
        ax.set_ylabel("share of active bodies")
        ax.set_title("Initiative diffusion: bodies reached over time")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        fig.autofmt_xdate()
        ax.legend(frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def careers(data: GraphData, evidence: Evidence, persons: list[str]) -> Figure | None:
    """Each chosen official's posts as bars from first to last attested date, and their events."""
    held: dict[str, list[str]] = defaultdict(list)
    for person, post in sorted(data.holds):
        held[person].append(post)
    events: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for e, p, role in sorted(data.participation):
        if e in data.dates:
            events[p].append((data.dates[e], role == PRESIDED))
    rows: list[tuple[str, str | None, str | None, str | None]] = []  # (label, first, last, person)
    for person in persons:
        rows.append((latin(data, person), None, None, person))
        spans = sorted((evidence.tenure(post, person) or ("", ""), data.post_label(post))
                       for post in held[person])
        for (first, last), label in spans:
            if first:
                rows.append(("   " + latin_text(label, POST_MAX), first, last, None))
    if not any(r[1] for r in rows) and not any(events[p] for p in persons):
        return None
    with plt.rc_context(STYLE):
        fig, ax = _figure(8, 0.8 + 0.3 * len(rows))
        y = list(range(len(rows)))[::-1]
        for yy, (_label, first, last, person) in zip(y, rows, strict=True):
            if person is not None:
                for d, presided in events[person]:
                    ax.plot([_day(d)], [yy], marker="D" if presided else "o", markersize=4,
                            color="#e15759" if presided else "#59a14f", linestyle="none")
            elif first and last:
                a, b = _day(first), _day(last)
                ax.plot([a, b], [yy, yy], color="#4e79a7", linewidth=5, solid_capstyle="butt")
                ax.plot([a, b], [yy, yy], "|", color="#4e79a7", markersize=8)
        ax.set_yticks(y, [r[0] for r in rows])
        for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
            if row[3] is not None:
                tick.set_fontweight("bold")
        ax.set_title("Career timelines: posts (attested first–last) and events (◆ presided, ● attended)")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        fig.autofmt_xdate()
    return fig
