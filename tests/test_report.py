"""kg report: the offline HTML report and its plots, on stores built from invented extractions (the
numbers drawn are known by construction), on the samples (the README's images) and on the
development corpus."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from html import unescape
from pathlib import Path

import matplotlib.dates as mdates
import pytest
from conftest import ROOT, SAMPLES
from fixtures.network import XSS_SCRIPT, hostile_extraction, network_extractions
from stores import make_store

from kg.analyze.data import load
from kg.analyze.diffusion import active_bodies, adoptions
from kg.analyze.evidence import load_evidence
from kg.analyze.graphs import coattendance_graph
from kg.report import PersonNotFound, find_person, plots, report_files, write_report_dir
from kg.store import Store


def days(xs: object) -> list[date]:
    return [x if isinstance(x, date) else mdates.num2date(x).date() for x in xs]  # type: ignore[attr-defined]


README_PLOTS = ("officials.svg", "diffusion.svg")  # committed under docs/report/, shown in README.md


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = make_store(tmp_path_factory.mktemp("report") / "store",
                      [*network_extractions(), hostile_extraction()])
    with Store(path, read_only=True) as s:
        yield s


def test_report_has_every_plot_inlined_and_as_a_file(store: Store, tmp_path: Path) -> None:
    written = write_report_dir(store, tmp_path / "rep", persons=["Han Yunfei"])
    names = [p.name for p in written]
    assert names == ["activity.svg", "careers.svg", "coattendance.svg", "diffusion.svg", "officials.svg",
                     "index.html"]
    page = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert page.count('<img src="data:image/svg+xml;base64,') == 5
    for p in written[:-1]:
        assert p.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    # offline and inert: no script, no external reference, a policy that forbids both
    assert "<script" not in page.lower() and not re.search(r"\b(?:src|href)\s*=\s*['\"]?(?:https?:)?//", page)
    csp = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "img-src data:" in csp and "script-src" not in csp
    assert XSS_SCRIPT not in page and "&lt;script&gt;" in page  # untrusted names are escaped text
    for p in written[:-1]:
        svg = p.read_text(encoding="utf-8")
        assert "<script" not in svg and "<text" not in svg  # text drawn as paths: no markup from releases


def test_report_is_deterministic(store: Store, tmp_path: Path) -> None:
    one = report_files(load(store), load_evidence(store))
    path = make_store(tmp_path / "again", [hostile_extraction(), *reversed(network_extractions())])
    with Store(path, read_only=True) as s:
        two = report_files(load(s), load_evidence(s))
    assert one == two
    assert "Date" not in one["activity.svg"].split("<svg", 1)[1][:2000]  # no time stamp in the metadata


def test_top_officials_and_heat_map_show_newman_weights(store: Store) -> None:
    data = load(store)
    g = coattendance_graph(data)
    ranked = ["https://w3id.org/kg/id/person/fang-xiaoli", "https://w3id.org/kg/id/person/gao-mingyuan"]
    weight = {(a, b): w for a, b, w in g.edges(data="weight")}
    fig = plots.heat_map(data, ranked, weight)
    matrix = fig.axes[0].images[0].get_array()
    assert matrix[0][1] == matrix[1][0] == pytest.approx(1 / 3 + 1 / 3 + 1 / 4 + 1) and matrix[0][0] == 0
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Fang Xiaoli", "Gao Mingyuan"]
    strength = dict(g.degree(weight="weight"))
    bars = plots.top_officials(data, ranked, strength).axes[0].patches
    assert [round(b.get_width(), 6) for b in bars[:2]] == [4.0, 4.0]


def test_diffusion_curves_are_the_shares_reached(store: Store) -> None:
    data = load(store)
    found = adoptions(data)
    fig = plots.diffusion_curves(data, found, len(active_bodies(data)))
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    green = lines["Green Corridor Initiative (3)"]
    # seven bodies convened a dated event (the hostile release adds one); reached: one, two, three
    assert list(green.get_ydata()) == pytest.approx([1 / 7, 2 / 7, 3 / 7])
    assert days(green.get_xdata()) == [
        date(2024, 1, 10), date(2024, 4, 1), date(2024, 5, 1)]


def test_career_timeline_of_a_chosen_official(store: Store) -> None:
    data, evidence = load(store), load_evidence(store)
    han = find_person(data, "han yunfei")
    ax = plots.careers(data, evidence, [han]).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Han Yunfei", "   Secretary, CPC Hexi Municipal Committee"]
    bar = next(line for line in ax.get_lines() if line.get_linewidth() == 5)
    assert days(bar.get_xdata()) == [date(2024, 1, 10), date(2024, 4, 1)]
    markers = [line for line in ax.get_lines() if line.get_marker() in ("D", "o")]
    assert len(markers) == 4 and sum(1 for m in markers if m.get_marker() == "D") == 3  # presided 3 of 4
    with pytest.raises(PersonNotFound):
        find_person(data, "Nobody Atall")


def test_cli_report(store: Store, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "kg", "report", "--store", str(store.path)]
    proc = subprocess.run([*run, "-o", str(tmp_path / "r"), "--since", "2024-04", "--top", "5"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r" / "index.html").exists() and "plot(s)" in proc.stderr
    assert "events from 2024-04 to the end" in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    proc = subprocess.run([*run, "-o", str(tmp_path / "x"), "--person", "Nobody Atall"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "no person named 'Nobody Atall'" in proc.stderr


def test_readme_plots_are_the_samples_report(tmp_path: Path) -> None:
    """docs/report/ holds two plots of the samples' report, shown in README.md (regenerate: `make report`)."""
    kg = [sys.executable, "-m", "kg"]
    subprocess.run([*kg, "demo", "--samples", str(SAMPLES), "--store", str(tmp_path / "store"),
                    "--exports", str(tmp_path / "exports")], check=True, capture_output=True)
    subprocess.run([*kg, "report", "-o", str(tmp_path / "report"), "--store", str(tmp_path / "store")],
                   check=True, capture_output=True)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in README_PLOTS:
        committed = ROOT / "docs" / "report" / name
        assert committed.exists(), f"docs/report/{name} missing: run make report"
        assert committed.read_bytes() == (tmp_path / "report" / name).read_bytes(), (
            f"docs/report/{name} is stale: run make report")
        assert f"docs/report/{name}" in readme


@pytest.mark.corpus
def test_report_on_the_development_corpus(corpus_dir: Path, tmp_path: Path) -> None:
    kg = [sys.executable, "-m", "kg"]
    subprocess.run([*kg, "ingest", str(corpus_dir), "--store", str(tmp_path / "store")], capture_output=True)
    proc = subprocess.run([*kg, "report", "-o", str(tmp_path / "r"), "--store", str(tmp_path / "store")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        "activity.svg", "careers.svg", "coattendance.svg", "diffusion.svg", "index.html", "officials.svg"]
    assert "Warning" not in proc.stderr  # e.g. no glyph missing: every label is drawable
