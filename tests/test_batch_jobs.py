"""`kg extract/ingest --jobs N`: the same output, errors and store content as `--jobs 1`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from synthetic import Corpus  # noqa: E402

from kg.store import Store  # noqa: E402

KG = [sys.executable, "-m", "kg"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("jobs")
    corpus = Corpus(40, seed=11)
    rel = root / "releases"
    rel.mkdir()
    for stem, text in corpus.texts():
        (rel / f"{stem}.txt").write_text(text, encoding="utf-8")
    (rel / "en-broken-1.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)  # a per-file error
    (rel / "en-copy.txt").write_text(next(iter(corpus.texts()))[1], encoding="utf-8")  # a duplicate
    for path, content in corpus.tables().items():
        (root / "data" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "data" / path).write_text(content, encoding="utf-8")
    return root


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_DATA_PATH": str(folder / "data")}
    return subprocess.run([*KG, *args], env=env, capture_output=True, text=True, timeout=600)


def test_extract_output_and_errors_do_not_depend_on_jobs(folder: Path) -> None:
    one = _run(folder, "extract", "--format", "jsonl", "--jobs", "1", str(folder / "releases"))
    two = _run(folder, "extract", "--format", "jsonl", "--jobs", "2", str(folder / "releases"))
    assert one.returncode == two.returncode == 1  # the binary file
    assert one.stdout.count("\n") == 41 and one.stdout == two.stdout
    assert "en-broken-1.txt" in one.stderr and one.stderr == two.stderr


def test_ingest_store_does_not_depend_on_jobs(folder: Path, tmp_path: Path) -> None:
    quads = []
    for jobs in ("1", "2"):
        store = tmp_path / f"store-{jobs}"
        proc = _run(folder, "ingest", "--jobs", jobs, "--store", str(store), str(folder / "releases"))
        assert proc.returncode == 1, proc.stderr
        assert "ingested 40 releases" in proc.stderr and "1 duplicates skipped" in proc.stderr
        with Store(store, read_only=True) as s:
            quads.append({str(q) for q in s.ox})
    assert quads[0] and quads[0] == quads[1]


def test_jobs_must_be_positive(folder: Path) -> None:
    proc = _run(folder, "extract", "--jobs", "0", str(folder / "releases"))
    assert proc.returncode == 2 and "--jobs" in proc.stderr
