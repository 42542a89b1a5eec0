"""Provenance of the Chinese parser's items (kg extract --trace) and its relation cues as data.

Every person, post, body, initiative and event of every Chinese development and blind release carries
at least one ``why`` entry naming its component (``zh.titles``, ``zh.posts``, ...), and every role of an
event (presided, attended, other relations, date, body, initiatives) its own.  Relation cues come from
kg/data/zh/relation_cues.tsv (``cue<TAB>relation<TAB>voice``): an analyst's row in KG_DATA_PATH changes
the roles without any Python code."""

from __future__ import annotations

from pathlib import Path

import pytest
from extraction import run_text

from kg.extract import extract
from kg.extract.trace import untraced
from kg.extract.zh.lexicon import lexicon
from kg.knowledge import lines
from kg.read import load_release

TESTS = Path(__file__).parent
CORPUS = TESTS.parents[1] / "shared" / "corpus"
RID = "zh-lhrb-20240510-lanhe-huiyi"


def _releases() -> list[Path]:
    out = sorted((TESTS / "blind" / "zh").glob("zh-*.txt"))
    out += [p for p in sorted((TESTS.parent / "samples").glob("*")) if p.suffix in (".txt", ".html")
            and p.name.startswith("zh")]
    if CORPUS.is_dir():
        out += sorted(CORPUS.glob("zh-*.txt"))
    return out


@pytest.mark.parametrize("path", _releases(), ids=lambda p: p.stem)
def test_every_item_of_every_chinese_release_is_traced(path: Path) -> None:
    x = extract(load_release(path))
    assert untraced(x) == []
    for entry in [w for p in x.persons for w in p.why] + [w for e in x.events for ws in e.role_why.values()
                                                          for w in ws]:
        assert entry.startswith("zh."), entry  # "COMPONENT: RULE"


def test_a_role_names_the_relation_cue_line_behind_it() -> None:
    x = run_text("5月9日，澜河市委召开常委会会议。市委书记林浩然主持会议，副书记周文博出席会议。",
                 "zh", rid=RID)
    ev = x.events[0]
    src = {r.cells[0] + "/" + r.cells[2]: r.source for r in lines("zh/relation_cues.tsv")}
    assert ev.role_why["presided:林浩然"] == [f"zh.events: {src['主持/active']} (主持)"]
    assert ev.role_why["attended:周文博"] == [f"zh.events: {src['出席/active']} (出席)"]
    post = next(p for p in x.persons if p.name == "林浩然").posts[0]
    assert any("zh/roles.tsv:" in w for w in post.why)


def test_the_passive_voice_row_decides_a_presider_after_you() -> None:
    x = run_text("5月9日，澜河市政府召开常务会议。会议由王建林主持，副市长周文博出席会议。", "zh", rid=RID)
    assert x.events[0].presided_by == ["王建林"]


def test_an_inspection_cue_fills_its_own_relation_not_attendance() -> None:
    x = run_text("5月9日，澜河市委召开常委会会议，市委书记林浩然主持会议。"
                 "会前，副市长周文博调研了城南新区。", "zh", rid=RID)
    ev = x.events[0]
    assert "周文博" not in ev.attended_by
    assert ev.relations.get("inspected") == ["周文博"]
    assert ev.role_why["inspected:周文博"][0].startswith("zh.events: zh/relation_cues.tsv:")


def test_relation_ids_are_those_of_the_shared_relations_table() -> None:
    known = {r.cells[0] for r in lines("relations.tsv")}
    if not known:
        pytest.skip("kg/data/relations.tsv not present yet")
    used = {r.cells[1] for r in lines("zh/relation_cues.tsv")}
    assert used <= known, used - known
    assert {r.cells[2] for r in lines("zh/relation_cues.tsv")} <= {"active", "passive"}


def test_an_analysts_relation_cue_row_needs_no_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "5月9日，澜河市委召开常委会会议，市委书记林浩然主持会议。副书记周文博莅临会议。"
    before = run_text(text, "zh", rid=RID)
    assert "周文博" not in before.events[0].attended_by
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "relation_cues.tsv").write_text("莅临\tattended\tactive\n", encoding="utf-8")
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    try:
        after = run_text(text, "zh", rid=RID)
        assert "周文博" in after.events[0].attended_by
        row = f"{tmp_path.resolve()}/zh/relation_cues.tsv:1"
        assert after.events[0].role_why["attended:周文博"] == [f"zh.events: {row} (莅临)"]
    finally:
        monkeypatch.delenv("KG_DATA_PATH")
    assert lexicon().verbs.get("莅临") is None
