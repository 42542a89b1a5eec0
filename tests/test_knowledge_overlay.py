"""KG_DATA_PATH overlays every table through the one loader (kg.knowledge): a row in an analyst's folder
changes what the real CLI extracts and ingests, in English, in Chinese and in the alias tables; each
KG_DATA_PATH value has its own lexicon in one process. Releases invented for the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from kg import knowledge
from kg.extract.en.lexicon import lexicon as en_lexicon
from kg.extract.zh.lexicon import lexicon as zh_lexicon
from kg.resolve import aliases

EN = """Linfeng holds meeting on river protection

LINFENG, May 3, 2024 -- The Standing Committee of the CPC Linfeng Municipal Committee held a meeting on
May 3. Gao Ming, Secretary of the CPC Linfeng Municipal Committee, presided over the meeting. Lu Wenqing,
Chief Ranger of the Linfeng Municipal People's Government, attended the meeting.
"""

ZH = """临丰市召开河湖保护工作会议

5月3日，市委常委会召开会议。市委书记高明主持会议。市政府总林长卢文清出席会议。
"""


def kg(*args: str, data: Path | None = None, cwd: Path | None = None) -> str:
    env = dict(os.environ)
    env.pop("KG_DATA_PATH", None)
    if data is not None:
        env["KG_DATA_PATH"] = str(data)
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env,
                          cwd=cwd or ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def table(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return folder


def extract(path: Path, data: Path | None = None, *extra: str) -> dict:
    return json.loads(kg("extract", "--format", "jsonl", *extra, str(path), data=data))


def posts(x: dict, name: str) -> list[dict]:
    return next(p["posts"] for p in x["persons"] if p["name"] == name)


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    (tmp_path / "en-linfeng.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "zh-linfeng.txt").write_text(ZH, encoding="utf-8")
    return tmp_path


def test_english_table_row_changes_extraction(releases: Path, tmp_path: Path) -> None:
    before = extract(releases / "en-linfeng.txt")
    assert posts(before, "Lu Wenqing") == []
    data = table(tmp_path / "mydata", "en/roles.tsv", "chief ranger\tChief Ranger\t{gov}\n")
    after = extract(releases / "en-linfeng.txt", data)
    want = [{"role": "Chief Ranger", "body": "Linfeng Municipal People's Government"}]
    assert posts(after, "Lu Wenqing") == want


def test_chinese_table_row_changes_extraction(releases: Path, tmp_path: Path) -> None:
    before = extract(releases / "zh-linfeng.txt")
    assert "卢文清" not in [p["name"] for p in before["persons"]]
    data = table(tmp_path / "mydata", "zh/roles.tsv", "总林长\t-\n")
    after = extract(releases / "zh-linfeng.txt", data)
    assert posts(after, "卢文清") == [{"role": "总林长", "body": "市政府"}]
    assert after["events"][0]["attended_by"] == ["卢文清"]


def test_alias_tables_change_extraction_and_ingest(releases: Path, tmp_path: Path) -> None:
    """aliases/places.tsv is read by the Chinese parser too (the release's place); aliases/bodies.tsv
    decides identity in `kg ingest` (an external id becomes owl:sameAs)."""
    before = extract(releases / "zh-linfeng.txt", None, "--spans")
    assert before["locality"] is None and before["bodies"][1]["name"] == "市委"
    data = table(tmp_path / "mydata", "aliases/places.tsv", "Linfeng\t临丰市\tHebei\n")
    after = extract(releases / "zh-linfeng.txt", data, "--spans")
    assert after["locality"] == "临丰市" and after["bodies"][1]["name"] == "临丰市委"

    table(data, "aliases/bodies.tsv", "CPC Linfeng Municipal Committee\t中共临丰市委\t\tQ99999901\n")
    quads = {}
    for name, folder in (("without", None), ("with", data)):
        store = tmp_path / f"store-{name}"
        kg("ingest", str(releases / "en-linfeng.txt"), "--store", str(store), data=folder)
        quads[name] = kg("export", "-o", "-", "--format", "nquads", "--store", str(store), data=folder)
    assert "Q99999901" not in quads["without"]
    assert "<http://www.wikidata.org/entity/Q99999901>" in quads["with"]


def test_each_data_path_has_its_own_lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = table(tmp_path / "a", "en/roles.tsv", "chief ranger\tChief Ranger\t{gov}\n")
    table(a, "zh/roles.tsv", "总林长\t-\n")
    table(a, "aliases/places.tsv", "Linfeng\t临丰市\tHebei\n")
    b = table(tmp_path / "b", "en/roles.tsv", "grand steward\tGrand Steward\t\n")
    monkeypatch.setenv("KG_DATA_PATH", str(a))
    en_a, zh_a, places_a = en_lexicon(), zh_lexicon(), aliases.places()
    monkeypatch.setenv("KG_DATA_PATH", str(b))
    en_b, zh_b, places_b = en_lexicon(), zh_lexicon(), aliases.places()
    assert "chief ranger" in en_a.roles and "chief ranger" not in en_b.roles
    assert "grand steward" in en_b.roles and "grand steward" not in en_a.roles
    assert "总林长" in zh_a.roles and "总林长" not in zh_b.roles
    assert "临丰" in zh_a.place_names and "临丰" not in zh_b.place_names
    assert any(p.zh == "临丰市" for p in places_a) and not any(p.zh == "临丰市" for p in places_b)
    monkeypatch.setenv("KG_DATA_PATH", str(a))
    assert en_lexicon() is en_a and zh_lexicon() is zh_a  # kept: caches elsewhere key on their id
    monkeypatch.delenv("KG_DATA_PATH")
    assert "chief ranger" not in en_lexicon().roles


def test_rows_keep_their_source_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = table(tmp_path / "d", "zh/roles.tsv", "# mine\n总林长\t-\n")
    monkeypatch.setenv("KG_DATA_PATH", str(data))
    first = knowledge.lines("zh/roles.tsv")[0]
    assert first.cells == ("总林长", "-") and first.source == f"{(data / 'zh/roles.tsv').resolve()}:2"
    assert knowledge.lines("zh/roles.tsv")[1].source.startswith("zh/roles.tsv:")


SHARED_KINDS = ("surnames.txt", "not_names.txt", "relation_cues.tsv", "body_heads.txt", "party_organs.txt",
                "initiative_cues.txt")


def _columns(name: str) -> set[int]:
    return {len(row.cells) for row in knowledge.lines(name, bundled_only=True)}


def test_language_packs_share_file_names_and_columns() -> None:
    """kg/data/en and kg/data/zh use the same file name and column count for the kinds they share.
    roles.tsv has the same name in both; its columns still differ (en: surface, canonical role, default
    body; zh: role, implied body), see the README."""
    for name in (*SHARED_KINDS, "roles.tsv"):
        for lang in ("en", "zh"):
            assert (knowledge.BUNDLED / lang / name).is_file(), f"{lang}/{name}"
    for name in SHARED_KINDS:
        en, zh = _columns(f"en/{name}"), _columns(f"zh/{name}")
        assert en and en == zh, (name, en, zh)
    assert _columns("en/relation_cues.tsv") == {3}
