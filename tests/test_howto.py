"""README "Language knowledge is data": each how-to done as an analyst does it, in a fresh KG_DATA_PATH
folder, through the real CLI, with no Python: a title word, an organ type, a relation cue (both
languages) and a new relation. Releases invented for the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EN_TITLE = """Linfeng holds meeting on river protection

LINFENG, May 3, 2024 -- The Standing Committee of the CPC Linfeng Municipal Committee held a meeting on
May 3. Gao Ming, Secretary of the CPC Linfeng Municipal Committee, presided over the meeting. Lu Wenqing,
Chief Ranger of the Linfeng Municipal People's Government, attended the meeting.
"""
ZH_TITLE = """临丰市召开河湖保护工作会议

5月3日，市委常委会召开会议。市委书记高明主持会议。市政府总林长卢文清出席会议。
"""
EN_PROC = """Linfeng procuratorate holds work meeting

LINFENG, June 5, 2024 -- The Linfeng Municipal Procuratorate held a work meeting on June 5. Zhao Liang,
Chief Procurator of the Linfeng Municipal Procuratorate, presided over the meeting.
"""
ZH_PROC = """临丰市检察院召开工作会议

6月5日，临丰市检察院召开工作会议。临丰市检察院检察长赵亮主持会议。
"""
EN_TOUR = """Linfeng leaders tour river works

LINFENG, June 2, 2024 -- Gao Ming, Secretary of the CPC Linfeng Municipal Committee, toured the Linfeng
river works on June 2. Lu Wenqing, Vice Mayor of Linfeng, accompanied him. At a meeting held afterwards,
Gao Ming delivered a report on flood control.
"""
ZH_TOUR = """临丰市委召开常委会会议

发布时间：2025-06-12 09:20  来源：临丰日报

6月11日下午，市委书记高明主持召开市委常委会会议。副市长卢文清走访河道工程，市委副书记孙立作报告。
"""


def kg(*args: str, data: Path | None = None) -> str:
    env = dict(os.environ)
    env.pop("KG_DATA_PATH", None)
    if data is not None:
        env["KG_DATA_PATH"] = str(data)
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def traced(release: Path, data: Path | None = None) -> dict:
    return json.loads(kg("extract", "--format", "jsonl", "--trace", str(release), data=data))


def person(x: dict, name: str) -> dict | None:
    return next((p for p in x["persons"] if p["name"] == name), None)


def test_add_a_title_word(tmp_path: Path) -> None:
    en, zh = write(tmp_path, "en-linfeng.txt", EN_TITLE), write(tmp_path, "zh-linfeng.txt", ZH_TITLE)
    assert person(traced(en), "Lu Wenqing")["posts"] == []
    assert person(traced(zh), "卢文清") is None
    data = tmp_path / "mydata"
    en_rows = write(data, "en/roles.tsv", "chief ranger\tChief Ranger\t{gov}\n")
    zh_rows = write(data, "zh/roles.tsv", "总林长\tgov:市\n")
    [post] = person(traced(en, data), "Lu Wenqing")["posts"]
    assert (post["role"], post["body"]) == ("Chief Ranger", "Linfeng Municipal People's Government")
    assert any(f"{en_rows.resolve()}:1" in w for w in post["why"]), post["why"]
    [post] = person(traced(zh, data), "卢文清")["posts"]
    assert (post["role"], post["body"]) == ("总林长", "市政府")
    assert any(f"{zh_rows.resolve()}:1" in w for w in post["why"]), post["why"]


def _body_iris(releases: list[Path], data: Path | None) -> dict[str, set[str]]:
    """The body IRIs of each release's graph (kg extract --format turtle), but those kept to the release
    (a generic name without its place, 市检察院)."""
    out: dict[str, set[str]] = {}
    for r in releases:
        ttl = kg("extract", "--format", "turtle", str(r), data=data)
        out[r.stem] = {w.strip("<>;., ") for w in ttl.split() if "/id/body/" in w and "--in-" not in w}
    return out


def test_add_an_organ_type(tmp_path: Path) -> None:
    en, zh = write(tmp_path, "en-proc.txt", EN_PROC), write(tmp_path, "zh-proc.txt", ZH_PROC)
    before = _body_iris([en, zh], None)
    assert before["en-proc"] and before["zh-proc"] and not before["en-proc"] & before["zh-proc"]
    data = tmp_path / "mydata"
    write(data, "organs.tsv", "procuratorate\tmunicipal\t{P} Municipal People's Procuratorate\t"
          "{地}市人民检察院\t{P} Municipal Procuratorate|{地}市检察院\tschema:GovernmentOrganization\n")
    after = _body_iris([en, zh], data)
    want = "https://w3id.org/kg/id/body/linfeng-municipal-people-s-procuratorate"
    assert after["en-proc"] == after["zh-proc"] == {want}


def test_add_a_relation_cue(tmp_path: Path) -> None:
    en, zh = write(tmp_path, "en-tour.txt", EN_TOUR), write(tmp_path, "zh-tour.txt", ZH_TOUR)
    assert "inspected" not in traced(en)["events"][0]["relations"]
    assert "inspected" not in traced(zh)["events"][0]["relations"]
    data = tmp_path / "mydata"
    en_rows = write(data, "en/relation_cues.tsv", "toured\tinspected\tactive\n")
    zh_rows = write(data, "zh/relation_cues.tsv", "走访\tinspected\tactive\n")
    for release, name, rows in ((en, "Gao Ming", en_rows), (zh, "卢文清", zh_rows)):
        [event] = traced(release, data)["events"]
        assert event["relations"]["inspected"] == [name]
        assert any(f"{rows.resolve()}:1" in w for w in event["role_why"][f"inspected:{name}"])


def test_add_a_relation(tmp_path: Path) -> None:
    en, zh = write(tmp_path, "en-tour.txt", EN_TOUR), write(tmp_path, "zh-tour.txt", ZH_TOUR)
    data = tmp_path / "mydata"
    write(data, "relations.tsv", "reported\t-\tkgo:reporter\tdelivered a report at the event\n")
    write(data, "en/relation_cues.tsv", "delivered a report\treported\tactive\n")
    write(data, "zh/relation_cues.tsv", "作报告\treported\tactive\n")
    for release, name in ((en, "Gao Ming"), (zh, "孙立")):
        assert "reported" not in traced(release)["events"][0]["relations"]
        [event] = traced(release, data)["events"]
        assert event["relations"]["reported"] == [name]
        nq = kg("extract", "--format", "trig", str(release), data=data)
        assert "kgo:reporter" in nq and "kgo:reporter" not in kg("extract", "--format", "trig", str(release))
