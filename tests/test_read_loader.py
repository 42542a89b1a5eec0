"""Files -> releases: per-file errors that say what is wrong, and a batch that never aborts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from kg.read import ReadError, iter_releases, load_release
from kg.read.loader import MAX_BYTES, date_hint

GOOD_EN = ("Lanhe Holds Forum on River Protection\n\nDate: 2024-10-08   Source: Lanhe Daily\n\n"
           "On October 7, Qiao Lina, Mayor of Lanhe, attended the forum.\r\n")


def write(tmp: Path, name: str, data: bytes | str) -> Path:
    p = tmp / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def reason(path: Path) -> str:
    with pytest.raises(ReadError) as e:
        load_release(path)
    assert e.value.path == str(path)
    return e.value.reason


def test_good_text_release(tmp_path: Path) -> None:
    r = load_release(write(tmp_path, "en-lanhe-20241008-forum.txt", GOOD_EN))
    assert r.id == "en-lanhe-20241008-forum"
    assert "\r" not in r.text
    assert r.published == "2024-10-08"
    assert r.source == "Lanhe Daily"
    assert r.title == "Lanhe Holds Forum on River Protection"
    assert r.date_hint == "2024-10-08"
    assert r.encoding == "utf-8"


def test_empty_whitespace_and_missing_files(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "a.txt", b"")) == "empty file"
    assert reason(write(tmp_path, "b.txt", " \n\t\r\n\u3000\n")).startswith("no text")
    assert reason(tmp_path / "absent.txt") == "no such file"


def test_html_without_text(tmp_path: Path) -> None:
    page = "<html><head><title>x</title><script>var a = 1;</script></head><body><img src=a.png></body></html>"
    assert reason(write(tmp_path, "c.html", page)) == "HTML page without any text"


def test_binary_and_undecodable(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "d.txt", b"\x89PNG\r\n\x1a\n" + bytes(300))).startswith("binary")
    assert reason(write(tmp_path, "e.txt", bytes(range(0x80, 0x100)) * 20)).startswith("undecodable")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs no disk and no time

    def no_read(self: Path) -> bytes:
        raise AssertionError("read the whole file")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    assert "too large" in reason(p)


def test_truncated_capture_is_normal_input(tmp_path: Path) -> None:
    text = "澜河市委常委会召开会议。市委书记许天翼主持会议。市长乔丽娜出席会议并"
    r = load_release(write(tmp_path, "zh-cut.txt", text.encode("gbk")[:-1]))
    assert r.text == text[:-1]


def test_gbk_big5_utf16_files(tmp_path: Path) -> None:
    zh = "青山市政协常委会召开会议。市政协主席杜晓川主持会议。"
    tw = "青山市政協常委會召開會議。市政協主席杜曉川主持會議。"
    assert load_release(write(tmp_path, "g.txt", zh.encode("gbk"))).text == zh
    assert load_release(write(tmp_path, "b.txt", tw.encode("big5"))).text == tw
    assert load_release(write(tmp_path, "u.txt", zh.encode("utf-16"))).text == zh


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    good = {"id": "r1", "url": "http://example.org/1", "title": "T", "published": "2024-11-08",
            "text": "On November 7, Qiao Lina met with guests."}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "r3"}), "", json.dumps([1, 2]),
             json.dumps({"id": "r6", "text": "<p>Lin Haoran attended.</p><p>Second.</p>",
                         "published": "2024/12/03"}),
             json.dumps({"id": "r7", "text": "   "})]
    p = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    items = list(iter_releases([p]))
    releases = [x for x in items if not isinstance(x, ReadError)]
    errors = [x for x in items if isinstance(x, ReadError)]
    assert [r.id for r in releases] == ["r1", "r6"]
    assert releases[0].published == "2024-11-08" and releases[0].url == "http://example.org/1"
    assert releases[1].text == "Lin Haoran attended.\n\nSecond." and releases[1].published == "2024-12-03"
    assert [e.path for e in errors] == [f"{p}:2", f"{p}:3", f"{p}:5", f"{p}:7"]
    assert "not valid JSON" in errors[0].reason and '"text"' in errors[1].reason


def test_jsonl_with_only_blank_lines(tmp_path: Path) -> None:
    p = write(tmp_path, "blank.jsonl", "\n  \n\n")
    [item] = list(iter_releases([p]))
    assert isinstance(item, ReadError) and item.reason.startswith("no text")
    [item] = list(iter_releases([write(tmp_path, "empty.jsonl", b"")]))
    assert isinstance(item, ReadError) and item.reason == "empty file"


def test_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    write(tmp_path, "a-empty.txt", b"")
    write(tmp_path, "b-good.txt", GOOD_EN)
    write(tmp_path, "c-image.txt", b"GIF89a" + bytes(100))
    write(tmp_path, "d-blank.html", "<html><body>  </body></html>")
    write(tmp_path, "e-good.html", "<html><body><h1>Qingshan</h1><p>Zhou Wenbo attended.</p>")
    write(tmp_path, "notes.md", "ignored: not a release suffix")
    items = list(iter_releases([tmp_path]))
    assert [type(x).__name__ for x in items] == ["ReadError", "Release", "ReadError", "ReadError", "Release"]


def test_kg_extract_reports_bad_files_and_prints_good_ones(tmp_path: Path) -> None:
    write(tmp_path, "a-empty.txt", b"")
    write(tmp_path, "b-good.txt", GOOD_EN)
    write(tmp_path, "c-noise.txt", bytes(range(0x80, 0x100)) * 20)
    write(tmp_path, "d-zip.txt", b"PK\x03\x04" + bytes(range(256)))
    proc = subprocess.run([sys.executable, "-m", "kg", "extract", str(tmp_path), "--format", "jsonl"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["b-good"]
    assert rows[0]["published"] == "2024-10-08"
    for name, why in (("a-empty.txt", "empty file"), ("c-noise.txt", "undecodable"), ("d-zip.txt", "binary")):
        assert any(name in line and why in line for line in proc.stderr.splitlines()), proc.stderr


def test_date_hint_from_stem() -> None:
    assert date_hint("en-changchun-20210907-fawc2") == "2021-09-07"
    assert date_hint("zh-linhe-s07-quwei") is None
    assert date_hint("x-20211340-y") is None


def test_a_reader_bug_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.read.loader as loader

    write(tmp_path, "a.txt", GOOD_EN)
    write(tmp_path, "b.html", "<html><body><p>Zhou Wenbo attended.</p></body></html>")

    def broken(page: str) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(loader, "html_to_text", broken)
    items = list(iter_releases([tmp_path]))
    assert items[0].id == "a"
    assert isinstance(items[1], ReadError) and "ValueError: boom" in items[1].reason
