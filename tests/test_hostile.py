"""Hostile input (issue 8): generated files that made extraction super-linear, broken text, the same
release under two names. Each file is extracted or rejected with a clear per-file message; the batch
goes on and stores the good releases. Outcomes are asserted, never times (benchmarks/ measures those)."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from hostile import SHAPES

from kg.cli import main
from kg.extract import extract
from kg.extract.budget import BudgetExceeded, time_budget
from kg.model import Release
from kg.read import iter_releases
from kg.store import Store

GOOD = ("Lanhe Holds River Forum\n\nOn October 7, Qiao Lina, Mayor of Lanhe, presided over the forum of "
        "the Lanhe Municipal People's Government. Wu Ping, Vice Mayor of Lanhe, attended the forum.\n")
GOOD_ZH = "青山市召开河长制工作会议\n\n10月7日，青山市市长乔丽娜主持召开会议。副市长吴平出席会议。\n"
GOOD_HANT = "青山市召開河長制工作會議\n\n10月7日，青山市市長喬麗娜主持召開會議。副市長吳平出席會議。\n"


def stored_ids(store: Path) -> list[str]:
    with Store(store, read_only=True) as s:
        rows = s.query("SELECT DISTINCT ?id WHERE { GRAPH ?g { ?r kgo:releaseId ?id } }")
        return sorted(str(r[0]) for r in rows)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_issue_checks_extract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The two checks of issue 8 extract (the default budget is not even needed)."""
    a = tmp_path / "n.txt"
    a.write_text("Liu " * 3000 + "presided over the meeting.\n")
    b = tmp_path / "t.txt"
    b.write_text("Liu Bo, " + "Director of the " * 2000 + "Office, attended the meeting.\n")
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(a), str(b))
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["n", "t"]
    # a 2,000-fold title is no post: "Director of the Director of ... Office" is not read as a body
    assert all(len(p["body"] or "") < 300 for r in rows for x in r["persons"] for p in x["posts"])


def test_a_repeated_former_title_is_read() -> None:
    """时任 ("then") repeated thousands of times before a title: read, not a RecursionError."""
    x = extract(Release(id="f", text=SHAPES["zh_former"](3000)))
    assert [p.name for p in x.persons] == ["刘波"]


def test_budget_stops_a_backtracking_regex_in_c() -> None:
    """The regex engine holds the GIL; the CPU-time signal still stops it (sre polls for signals)."""
    with pytest.raises(BudgetExceeded, match=r"extraction exceeded 0\.3 s"), time_budget(0.3):
        re.match(r"(a+)+$", "a" * 64 + "b")


def test_budget_in_another_thread() -> None:
    """Off the main thread (no signals) a watchdog raises in the working thread."""
    got: list[BaseException] = []

    def work() -> None:
        try:
            with time_budget(0.2):
                while True:
                    pass
        except BudgetExceeded as e:
            got.append(e)

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert not t.is_alive() and got and "exceeded 0.2 s" in str(got[0])


def test_budget_zero_and_a_finished_block_leave_no_timer() -> None:
    with time_budget(0):
        pass
    with time_budget(5):
        x = extract(Release(id="g", text=GOOD))
    assert x.persons
    import signal

    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_read_removes_lone_surrogates_and_control_characters(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    lines = [
        json.dumps({"id": "s\ud800x", "title": "T\udc00", "url": "http://x.test/\ud800",
                    "text": "Liu Bo\ud800, Mayor of Lanhe, presided over the meeting.\udfff"}),
        json.dumps({"id": "c", "text": "Liu\x00 Bo\x07, Mayor\x1b of Lanhe,\x0c presided\x85 over\x7f"
                    " the\u2028 meeting.\t\x9b"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(iter_releases([p]))
    assert all(isinstance(r, Release) for r in got), got
    for r in got:
        for value in (r.id, r.text, r.title or "", r.url or ""):
            value.encode("utf-8")  # no lone surrogate left
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", value)
    assert got[0].id == "s\ufffdx" and got[1].text.count("\n") == 3


def test_ingest_of_broken_jsonl_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Lone surrogates used to abort the whole batch in the RDF build and the store write."""
    p = tmp_path / "batch.jsonl"
    rows = [{"id": "bad\ud800", "text": "Liu Bo\udfff, Mayor of Lanhe, presided over the meeting."},
            {"id": "ok", "text": GOOD}, "not an object", {"id": "ctl", "text": "Wu Ping\x01 met Liu Bo.\x1b"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    store = tmp_path / "store"
    code, _, err = run(capsys, "ingest", str(p), "--store", str(store))
    assert code == 1 and "Traceback" not in err
    assert f"{p}:3: a release line must be a JSON object" in err and f"{p}:5: not valid JSON" in err
    ids = stored_ids(store)
    assert len(ids) == 3 and "ok" in ids and "bad\ufffd" in ids


def _hostile_folder(root: Path) -> dict[str, str]:
    """The files of the hostile suite, and the good releases' ids."""
    root.mkdir()
    for name, reps in (("caps", 60000), ("caps_mixed", 10000), ("title_chain", 10000), ("title_list", 10000),
                       ("name_list", 20000), ("no_stop", 60000), ("zh_title_chain", 10000),
                       ("zh_list", 60000), ("zh_body_chain", 10000), ("zh_former", 10000)):
        (root / f"{name}.txt").write_text(SHAPES[name](reps), encoding="utf-8")
    (root / "one_line.txt").write_text(SHAPES["one_line"](5_000_000 // 130), encoding="utf-8")
    (root / "controls.txt").write_text("\x01\x02 " + GOOD.replace(" ", "\x0b ", 3) + "\x7f", encoding="utf-8")
    (root / "surrogates.jsonl").write_text(
        json.dumps({"id": "sur", "text": "\ud800" + GOOD}) + "\n"
        + json.dumps({"text": "\udc80" * 100}) + "\n"
    )
    for enc in ("utf-8-sig", "utf-16", "utf-16-le", "utf-32", "gb18030", "big5"):
        text = GOOD_HANT if enc == "big5" else GOOD_ZH
        (root / f"zh-{enc}.txt").write_bytes(text.replace("青山", f"青山{enc}").encode(enc))
    (root / "en-cp1252.txt").write_bytes(GOOD.replace("Qiao", "Qiáo").encode("cp1252"))
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    return {"good": "en-cp1252"}


def test_hostile_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every file is stored or reported by name with a reason; the batch finishes with exit 1."""
    folder = tmp_path / "hostile"
    _hostile_folder(folder)
    store = tmp_path / "store"
    code, _, err = run(capsys, "ingest", str(folder), "--store", str(store), "--budget", "1.5")
    assert code == 1 and "Traceback" not in err
    stored = set(stored_ids(store))
    reported = {line.removeprefix("kg: skipped ").split(": ")[0] for line in err.splitlines()
                if line.startswith("kg: skipped ")}
    names = {p.stem for p in folder.iterdir() if p.suffix != ".jsonl"} | {"sur"}
    for name in names:
        assert name in stored or any(Path(r.split(":")[0]).stem == name for r in reported), err
    assert {"en-cp1252", "zh-utf-16", "zh-gb18030", "zh-big5", "zh-utf-8-sig", "controls", "sur"} <= stored
    for line in err.splitlines():
        if line.startswith("kg: skipped"):
            assert re.search(r"exceeded 1\.5 s|empty file|binary file|no text|same release", line), line


def test_same_release_under_another_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "en-lanhe-1.txt").write_text(GOOD)
    (tmp_path / "a" / "en-lanhe-copy.txt").write_text(GOOD.replace("\n\n", "\n \n") + "\n")
    store = str(tmp_path / "store")
    code, _, err = run(capsys, "ingest", str(tmp_path / "a"), "--store", store)
    assert code == 0, err
    assert "skipped " + str(tmp_path / "a" / "en-lanhe-copy.txt") + ": same release as en-lanhe-1" in err
    # a later run into the same store: the digest is kept in the store
    rows = [{"id": "third", "text": GOOD}, {"id": "u1", "text": GOOD_ZH, "url": "http://q.test/1"},
            {"id": "u2", "text": GOOD_ZH + "更新。", "url": "http://q.test/1"}]
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    code, _, err = run(capsys, "ingest", str(tmp_path / "b.jsonl"), "--store", store)
    assert code == 0, err
    assert "b.jsonl:1: same release as en-lanhe-1" in err and "b.jsonl:3: same release as u1" in err
    # re-ingesting the first file replaces it (it is not a duplicate of itself)
    code, _, err = run(capsys, "ingest", str(tmp_path / "a" / "en-lanhe-1.txt"), "--store", store)
    assert code == 0 and "same release" not in err
    assert stored_ids(Path(store)) == ["en-lanhe-1", "u1"]
