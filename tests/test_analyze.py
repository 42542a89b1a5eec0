"""kg analyze on real stores built from invented extractions (fixtures.network: the answers are
known by construction)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.network import network_extractions
from fixtures.rdf_fixtures import small_extractions
from stores import make_store

from kg.analyze import analyze, write_report
from kg.analyze.data import ATTENDED, PRESIDED, GraphData
from kg.analyze.graphs import coattendance_graph
from kg.analyze.metrics import build_report, weighted_pagerank
from kg.analyze.report import Report
from kg.model import Extraction, Release
from kg.store import Store


@pytest.fixture(scope="module")
def network_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = make_store(tmp_path_factory.mktemp("analyze") / "store", network_extractions())
    with Store(path, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def report(network_store: Store) -> Report:
    return analyze(network_store, top=20)


def column(report: Report, section: str, name: str) -> list:
    s = report.section(section)
    return [r[name] for r in s.records()]


def test_most_central_official_is_the_bridge(report: Report) -> None:
    central = report.section("central").records()
    assert central[0]["person"] == "Han Yunfei"
    top = central[0]
    for other in central[1:]:
        assert top["degree"] > other["degree"]
        assert top["weighted_degree"] >= other["weighted_degree"]
        assert top["betweenness"] > other["betweenness"]
        assert top["pagerank"] > other["pagerank"]
    # Newman weighting: a person's weighted degree is the number of events shared with anybody
    assert top["degree"] == 6 and top["weighted_degree"] == pytest.approx(4.0) and top["events"] == 4
    assert [r["person"] for r in central[1:3]] == ["Fang Xiaoli", "Gao Mingyuan"]  # also 4 events
    assert sum(r["pagerank"] for r in central) == pytest.approx(1.0)


def test_strongest_pair(report: Report) -> None:
    pairs = report.section("pairs").records()
    assert (pairs[0]["person_a"], pairs[0]["person_b"], pairs[0]["shared_events"]) == (
        "Fang Xiaoli", "Gao Mingyuan", 4)
    assert pairs[0]["events"] == ["Hexi Budget Session", "Hexi Planning Meeting", "Hexi Trade Forum",
                                  "Hexi Youth Exchange"]
    # 1/3 + 1/3 (four persons) + 1/4 (five) + 1 (two): the two-person Youth Exchange weighs most
    assert pairs[0]["weight"] == pytest.approx(1 / 3 + 1 / 3 + 1 / 4 + 1)
    weights = [p["weight"] for p in pairs]
    assert weights == sorted(weights, reverse=True)


def test_community_split(report: Report) -> None:
    groups = [set(r["members"]) for r in report.section("communities").records()]
    assert groups == [{"Han Yunfei", "Gao Mingyuan", "Fang Xiaoli", "Du Wenbo", "Qiu Lanting"},
                      {"Meng Zhiyuan", "Tang Yifan", "Luo Qinghe", "Xue Ruolan"}]


def test_initiatives_ranked_by_endorsing_bodies(report: Report) -> None:
    rows = report.section("initiatives").records()
    assert [(r["initiative"], r["bodies"], r["events"]) for r in rows] == [
        ("Green Corridor Initiative", 3, 4), ("Blue Harbour Plan", 2, 2), ("Silk Thread Programme", 1, 1)]
    assert "Provincial Foreign Affairs Office" in rows[0]["endorsing_bodies"]


def test_presiders(report: Report) -> None:
    rows = report.section("presiders").records()
    assert (rows[0]["person"], rows[0]["presided"], rows[0]["attended"]) == ("Han Yunfei", 3, 1)
    assert sum(r["presided"] for r in rows) == 7  # one presider per event


def test_summary(report: Report) -> None:
    summary = {r["metric"]: r["value"] for r in report.section("summary").records()}
    assert summary["releases"] == 3 and summary["events"] == 7 and summary["persons"] == 9
    assert summary["co-attendance links"] == 18  # 10 in Hexi, 6 in Nanshan, 2 across


def test_top_limits_every_ranking(network_store: Store) -> None:
    small = analyze(network_store, top=2)
    for name in ("central", "pairs", "initiatives", "presiders", "communities", "adopters"):
        assert len(small.section(name).rows) == 2
    directions = [r["direction"] for r in small.section("change").records()]
    assert directions.count("gained") <= 2 and directions.count("lost") <= 2
    assert len({r["initiative"] for r in small.section("diffusion").records()}) == 2


def test_chinese_labels_are_shown(tmp_path: Path) -> None:
    path = make_store(tmp_path / "store", small_extractions())
    with Store(path, read_only=True) as store:
        rep = analyze(store)
    central = [(r["person"], r["person_zh"]) for r in rep.section("central").records()]
    assert ("Lin Haoran", "林浩然") in central  # the Qingshan one, read in both languages
    assert ("Lin Haoran", None) in central  # the Baishui homonym, a different person
    members = rep.section("communities").records()[0]["members"]
    assert "Lin Haoran (林浩然)" in members


def test_same_answer_whatever_the_ingest_order(tmp_path: Path, report: Report) -> None:
    path = make_store(tmp_path / "store", list(reversed(network_extractions())))
    with Store(path, read_only=True) as store:
        again = analyze(store, top=20)
    assert json.dumps(again.to_json()) == json.dumps(report.to_json())


def test_empty_store_gives_empty_sections(tmp_path: Path) -> None:
    empty = Extraction(release=Release(id="nothing", text="Nothing happened."), language="en")
    path = make_store(tmp_path / "store", [empty])
    with Store(path, read_only=True) as store:
        rep = analyze(store)
    assert all(not s.rows for s in rep.sections if s.name != "summary")
    out = io.StringIO()
    write_report(rep, "table", out)
    assert "(none)" in out.getvalue()


# -- the algorithmic core without a store -------------------------------------------------------

def test_coattendance_uses_newman_weights() -> None:
    data = GraphData(kinds={"e1": "event", "e2": "event", "a": "person", "b": "person", "c": "person"},
                     participation={("e1", "a", PRESIDED), ("e1", "b", ATTENDED), ("e2", "a", ATTENDED),
                                    ("e2", "b", ATTENDED), ("e2", "c", PRESIDED)})
    g = coattendance_graph(data)
    # e1 has two participants (adds 1 to a-b), e2 three (adds 1/2 to each of its pairs)
    assert g["a"]["b"]["weight"] == pytest.approx(1.5) and g["a"]["b"]["events"] == ["e1", "e2"]
    assert g["a"]["b"]["shared"] == 2
    assert g["a"]["c"]["weight"] == pytest.approx(0.5) and g.number_of_edges() == 3
    assert g.degree("a", weight="weight") == pytest.approx(2.0)  # strength = events shared with anybody
    rep = build_report(data)
    assert rep.section("pairs").records()[0]["shared_events"] == 2


def test_one_large_meeting_does_not_dominate() -> None:
    """Thirteen persons meeting once do not outrank an official seen in three small meetings."""
    big = {("big", f"m{i}", ATTENDED) for i in range(13)}
    small = {(f"s{i}", "busy", PRESIDED) for i in range(3)} | {(f"s{i}", f"guest{i}", ATTENDED)
                                                               for i in range(3)}
    data = GraphData(kinds={"big": "event", **{f"s{i}": "event" for i in range(3)}},
                     participation=big | small)
    central = build_report(data, top=3).section("central").records()
    assert central[0]["iri"] == "busy" and central[0]["weighted_degree"] == pytest.approx(3.0)
    assert central[0]["degree"] == 3  # against 12 co-attendees for each member of the large meeting


def test_pagerank_is_a_distribution_favouring_hubs() -> None:
    data = GraphData(participation={(f"e{i}", "hub", PRESIDED) for i in range(4)}
                     | {(f"e{i}", f"leaf{i}", ATTENDED) for i in range(4)})
    g = coattendance_graph(data)
    g.add_node("alone")
    pr = weighted_pagerank(g)
    assert sum(pr.values()) == pytest.approx(1.0)
    assert pr["hub"] > pr["leaf0"] > pr["alone"]
    assert pr["leaf0"] == pytest.approx(pr["leaf3"])


# -- renderings --------------------------------------------------------------------------------

def test_table_is_aligned(report: Report) -> None:
    out = io.StringIO()
    write_report(report, "table", out)
    text = out.getvalue()
    for s in report.sections:
        assert f"{s.title}\n{'=' * len(s.title)}\n" in text
    block = text.split("Strongest co-attendance pairs (Newman weight)\n")[1].split("\n\n")[0].splitlines()[1:]
    header, rule, first = block[0], block[1], block[2]
    assert rule.split("  ")[0] == "-" * len("rank")
    # every column starts where its rule starts
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    assert header[starts[1]:].startswith("person_a") and first[starts[1]:].startswith("Fang Xiaoli")


def test_csv_blocks_name_their_section(report: Report) -> None:
    out = io.StringIO()
    write_report(report, "csv", out)
    blocks = out.getvalue().split("\n\n")
    assert len(blocks) == len(report.sections)
    for block, section in zip(blocks, report.sections, strict=True):
        rows = list(csv.reader(io.StringIO(block)))
        assert rows[0] == ["section", *section.columns]
        assert all(r[0] == section.name for r in rows[1:]) and len(rows) - 1 == len(section.rows)
    pairs = [r for r in csv.reader(io.StringIO(out.getvalue())) if r and r[0] == "pairs"]
    assert pairs[0][2:6] == ["Fang Xiaoli", "Gao Mingyuan", "1.916667", "4"]
    assert pairs[0][6] == "Hexi Budget Session; Hexi Planning Meeting; Hexi Trade Forum; Hexi Youth Exchange"


def test_json_round_trips(report: Report) -> None:
    out = io.StringIO()
    write_report(report, "json", out)
    data = json.loads(out.getvalue())
    assert list(data["sections"]) == [
        "summary", "central", "communities", "pairs", "initiatives", "presiders", "change", "diffusion",
        "adopters"]
    assert data["sections"]["central"][0]["person"] == "Han Yunfei"
    assert isinstance(data["sections"]["communities"][0]["members"], list)


def test_unknown_format_is_refused(report: Report) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(report, "xml", io.StringIO())


# -- time windows, change between periods, diffusion --------------------------------------------

def test_window_keeps_the_events_of_a_period(network_store: Store) -> None:
    late = analyze(network_store, top=20, since="2024-04")
    summary = {r["metric"]: r["value"] for r in late.section("summary").records()}
    assert summary["events"] == 3 and summary["window"] == "2024-04 to …"
    assert late.section("central").records()[0]["person"] == "Meng Zhiyuan"
    assert {r["initiative"] for r in late.section("initiatives").records()} == {
        "Green Corridor Initiative", "Blue Harbour Plan"}
    early = analyze(network_store, top=20, until="2024-03")  # a month bound covers the whole month
    summary = {r["metric"]: r["value"] for r in early.section("summary").records()}
    assert summary["events"] == 4
    assert {r["person"] for r in early.section("central").records()} == {
        "Han Yunfei", "Gao Mingyuan", "Fang Xiaoli", "Du Wenbo", "Qiu Lanting"}
    one_day = analyze(network_store, since="2024-03-01", until="2024-03-01")
    assert {r["metric"]: r["value"] for r in one_day.section("summary").records()}["events"] == 1


def test_who_gained_and_who_lost(network_store: Store) -> None:
    rows = analyze(network_store, top=20, split_at="2024-04").section("change").records()
    gained = [r for r in rows if r["direction"] == "gained"]
    lost = [r for r in rows if r["direction"] == "lost"]
    assert (gained[0]["person"], gained[0]["before"], gained[0]["after"]) == ("Meng Zhiyuan", 0.0, 3.0)
    assert [r["person"] for r in lost[:2]] == ["Fang Xiaoli", "Gao Mingyuan"]
    assert lost[0]["change"] == pytest.approx(-4.0)
    han = next(r for r in lost if r["person"] == "Han Yunfei")
    assert (han["before"], han["after"]) == (pytest.approx(3.0), pytest.approx(1.0))
    assert "before 2024-04 vs from 2024-04 on" in analyze(network_store, split_at="2024-04").section(
        "change").title


def test_initiative_diffusion_in_time(report: Report) -> None:
    green = [r for r in report.section("diffusion").records()
             if r["initiative"] == "Green Corridor Initiative"]
    assert [(r["order"], r["date"], r["body"]) for r in green] == [
        (1, "2024-01-10", "CPC Hexi Municipal Committee"),
        (2, "2024-04-01", "CPC Nanshan Municipal Committee"),
        (3, "2024-05-01", "Provincial Foreign Affairs Office")]
    assert [r["place"] for r in green[:2]] == ["Hexi", "Nanshan"]
    assert [r["first_in_place"] for r in green[:2]] == ["yes", "yes"]
    # six bodies convened a dated event; the initiative reaches one, two, then three of them
    assert [r["share_reached"] for r in green] == pytest.approx([1 / 6, 2 / 6, 3 / 6])


def test_early_adopters(report: Report) -> None:
    rows = report.section("adopters").records()
    assert [(r["body"], r["adopted"], r["early"], r["first"]) for r in rows[:2]] == [
        ("CPC Nanshan Municipal Committee", 2, 1, 1), ("CPC Hexi Municipal Committee", 1, 1, 1)]
    assert rows[0]["mean_position"] == pytest.approx(0.25)  # first of two, second of three


def test_cli_window_and_split(network_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    store = str(network_store.path)
    assert main(["analyze", "--store", store, "--since", "2024-04", "--split", "2024-04-20",
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {r["metric"]: r["value"] for r in out["sections"]["summary"]}["events"] == 3
    with pytest.raises(SystemExit):
        main(["analyze", "--store", store, "--since", "April"])
    assert "not a date" in capsys.readouterr().err
