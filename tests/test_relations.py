"""The relation schema (kg/data/relations.tsv) and its loader; relation cue rows are checked against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import knowledge


def test_schema_has_the_relations_the_parsers_name() -> None:
    rel = knowledge.relations()
    for rid in ("presided", "attended", "met_with", "other", "inspected", "accompanied", "signed_with"):
        assert rid in rel, rid
    assert rel["presided"].field == "presided_by" and rel["presided"].predicate == "kgo:presidedBy"
    assert rel["attended"].field == rel["met_with"].field == "attended_by"
    assert rel["other"].field is None and rel["other"].predicate is None
    assert rel["inspected"].source.startswith("relations.tsv:")


def test_overlay_adds_and_replaces_relations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "relations.tsv").write_text(
        "reported\t-\tkgo:reporter\tdelivered a report at the event\n"
        "inspected\t-\tkgo:inspectorElsewhere\tan analyst's reading\n", encoding="utf-8")
    before = knowledge.relations()
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    after = knowledge.relations()
    assert "reported" in after and "reported" not in before
    assert after["inspected"].predicate == "kgo:inspectorElsewhere"
    assert after["inspected"].source == f"{(tmp_path / 'relations.tsv').resolve()}:2"
    assert after["presided"] == before["presided"]


def test_relation_cue_rows_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    cues = tmp_path / "en" / "relation_cues.tsv"
    cues.write_text("toured\tinspected\tactive\nescorted by\taccompanied\tpassive\n", encoding="utf-8")
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    got = [(c.cue, c.relation, c.voice) for c in knowledge.relation_cues("en")[:2]]
    assert got == [("toured", "inspected", "active"), ("escorted by", "accompanied", "passive")]
    cues.write_text("toured\tinspectd\tactive\n", encoding="utf-8")
    knowledge.clear_caches()
    with pytest.raises(ValueError, match=r"relation_cues.tsv:1: relation 'inspectd'"):
        knowledge.relation_cues("en")
    knowledge.clear_caches()
