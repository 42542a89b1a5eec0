"""Provenance of English extraction (for ``kg extract --trace``) and relation cues read as data.

Every item the English parser makes names the component and the rule or data line behind it; the rows of
kg/data/en/relation_cues.tsv (not regexes) decide who presided, who took part, and the relations beyond
those (inspected, accompanied, signed_with). Sentences are invented."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from extraction import run_text

from kg import knowledge
from kg.extract import extract
from kg.extract.en.lexicon import lexicon
from kg.model import Extraction
from kg.read import load_release

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "blind" / "en"
CORPUS = ROOT.parent / "shared" / "corpus"


def untraced(x: Extraction) -> list[str]:
    """Every item (person, post, body, initiative, event, event role) without a provenance entry."""
    out: list[str] = []
    for p in x.persons:
        out += [f"person {p.name}"] if not p.why else []
        out += [f"post {p.name}: {q.role} / {q.body}" for q in p.posts if not q.why]
    out += [f"body {b.name}" for b in x.bodies if not b.why]
    out += [f"initiative {i.name}" for i in x.initiatives if not i.why]
    for e in x.events:
        out += [f"event {e.name}"] if not e.why else []
        keys = [f"presided:{n}" for n in e.presided_by] + [f"attended:{n}" for n in e.attended_by]
        keys += [f"initiative:{n}" for n in e.initiatives]
        keys += [f"{rel}:{n}" for rel, names in e.relations.items() for n in names]
        keys += [k for k in ("date", "body") if getattr(e, k)]
        out += [f"event {e.name} role {k}" for k in keys if not e.role_why.get(k)]
    return out


def _releases() -> list[Path]:
    found = sorted(BLIND.glob("en-*.txt"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("en-*.txt"))
    return found


@pytest.mark.parametrize("path", _releases(), ids=lambda p: p.stem)
def test_every_item_of_a_release_is_traced(path: Path) -> None:
    x = extract(load_release(path))
    assert x.persons or x.bodies, "the release reads as empty: the check would prove nothing"
    assert untraced(x) == []


def test_a_post_names_its_role_row_and_an_attendee_the_cue_row() -> None:
    x = run_text(
        "On May 3, Gao Ming, Secretary of the CPC Linfeng Municipal Committee, presided over the meeting. "
        "Luo Ping attended the meeting.",
        "en",
        published="2024-05-04",
    )
    (gao,) = [p for p in x.persons if p.name == "Gao Ming"]
    assert any(w.startswith("en.titles: en/roles.tsv:") and "(secretary)" in w for w in gao.posts[0].why)
    (ev,) = x.events
    assert ev.role_why["presided:Gao Ming"] == ["en.events: " + _row("presided over")]
    assert ev.role_why["attended:Luo Ping"] == ["en.events: " + _row("attended")]


def _row(cue: str) -> str:
    (row,) = [r for r in knowledge.lines("en/relation_cues.tsv") if r.cells[0] == cue]
    return f"{row.source} ({cue})"


def test_relation_cues_have_the_shared_columns() -> None:
    rows = knowledge.lines("en/relation_cues.tsv", bundled_only=True)
    assert rows
    for row in rows:
        cue, relation, voice = row.cells
        assert cue == cue.lower() and relation and voice in {"active", "passive"}, row
    relations = {r.cells[0] for r in knowledge.lines("relations.tsv", bundled_only=True)}
    if relations:  # the shared relation schema (kg/data/relations.tsv)
        assert {r.cells[1] for r in rows} <= relations


def test_a_relation_beyond_attendance_is_kept_by_name_with_its_voice() -> None:
    x = run_text(
        "On May 3, Gao Ming inspected the Linfeng port, accompanied by Luo Ping and Tang Hui.",
        "en",
        published="2024-05-04",
    )
    (ev,) = x.events
    assert set(ev.attended_by) == {"Gao Ming", "Luo Ping", "Tang Hui"}
    assert ev.relations["inspected"] == ["Gao Ming"]
    assert ev.relations["accompanied"] == ["Luo Ping", "Tang Hui"]
    assert ev.role_why["accompanied:Tang Hui"] == ["en.events: " + _row("accompanied by")]


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An analyst's data folder on ``KG_DATA_PATH``; the caches are dropped before and after."""
    (tmp_path / "en").mkdir()
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    knowledge.clear_caches()
    lexicon.cache_clear()
    yield tmp_path
    monkeypatch.delenv("KG_DATA_PATH")
    knowledge.clear_caches()
    lexicon.cache_clear()


def test_a_new_cue_row_decides_presiding_without_code(overlay: Path) -> None:
    text = "On May 3, Gao Ming steered the plenary meeting. Luo Ping attended the meeting."
    (overlay / "en" / "relation_cues.tsv").write_text(
        "# an analyst's cues\nsteered\tpresided\tactive\nwas steered by\tpresided\tpassive\n",
        encoding="utf-8",
    )
    knowledge.clear_caches()
    lexicon.cache_clear()
    (ev,) = run_text(text, "en", published="2024-05-04").events
    assert ev.presided_by == ["Gao Ming"]
    source = (overlay / "en" / "relation_cues.tsv").resolve()
    assert ev.role_why["presided:Gao Ming"] == [f"en.events: {source}:2 (steered)"]
    passive = "The plenary meeting was steered by Gao Ming on May 3."
    (ev,) = run_text(passive, "en", published="2024-05-04").events
    assert ev.presided_by == ["Gao Ming"]


def test_a_new_relation_is_a_cue_row(overlay: Path) -> None:
    (overlay / "en" / "relation_cues.tsv").write_text("toured\tinspected\tactive\n", encoding="utf-8")
    knowledge.clear_caches()
    lexicon.cache_clear()
    (ev,) = run_text("On May 3, Gao Ming toured the Linfeng port.", "en", published="2024-05-04").events
    assert ev.attended_by == ["Gao Ming"]
    assert ev.relations == {"inspected": ["Gao Ming"]}
