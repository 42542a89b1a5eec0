"""Packaging: every declared dependency is used, and an installed kg finds its samples outside the
checkout (`kg demo` run from any folder)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT, SAMPLES

# distribution -> the module our code imports (scipy: networkx's PageRank imports it)
IMPORTED_AS = {"rdflib": "rdflib", "pyoxigraph": "pyoxigraph", "pyshacl": "pyshacl", "networkx": "networkx",
               "pypinyin": "pypinyin", "opencc-python-reimplemented": "opencc",
               "tqdm": "tqdm", "scipy": None, "matplotlib": "matplotlib"}


def test_every_dependency_is_imported() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kg").rglob("*.py"))
    for dep in deps:
        name = re.split(r"[<>=!~\[ ;]", dep, maxsplit=1)[0].lower()
        assert name in IMPORTED_AS, f"{name}: a declared dependency this test does not know"
        module = IMPORTED_AS[name]
        if module is not None:
            assert re.search(rf"^\s*(?:import|from) {module}\b", source, re.M), f"{name} is never imported"


def run_installed(prefix: Path, cwd: Path, *args: str) -> int:
    """`kg ARGS` as an installation under ``prefix`` would run it, in a process of its own (the demo
    sets KG_DATA_PATH and fills caches that must not leak into other tests)."""
    code = (f"import sys; sys.prefix = {str(prefix)!r}; from kg.cli import main; "
            f"sys.exit(main({list(args)!r}))")
    env = {k: v for k, v in os.environ.items() if k != "KG_DATA_PATH"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          timeout=600).returncode


def test_installed_demo_finds_its_samples(tmp_path: Path) -> None:
    prefix = tmp_path / "venv"
    shipped = prefix / "share" / "kg" / "samples"
    shipped.mkdir(parents=True)
    for f in sorted(SAMPLES.glob("en-*.txt"))[:2]:
        shutil.copy(f, shipped / f.name)
    shutil.copytree(SAMPLES / "data", shipped / "data")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert run_installed(prefix, elsewhere, "demo", "--store", "s", "--exports", "x") == 0
    assert (elsewhere / "x" / "kg.ttl").is_file()
    assert run_installed(tmp_path / "none", elsewhere, "demo", "--store", "s2", "--exports", "x2") == 2


def test_ingest_warns_when_a_folder_brings_tables_that_are_not_loaded(tmp_path: Path) -> None:
    releases = tmp_path / "mine"
    (releases / "data" / "aliases").mkdir(parents=True)
    shutil.copy(sorted(SAMPLES.glob("en-*.txt"))[0], releases)
    env = {k: v for k, v in os.environ.items() if k != "KG_DATA_PATH"}
    run = [sys.executable, "-m", "kg", "ingest", str(releases), "--store", str(tmp_path / "s")]
    err = subprocess.run(run, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT).stderr
    assert f"set KG_DATA_PATH={releases / 'data'}" in err
    env["KG_DATA_PATH"] = str(releases / "data")
    err = subprocess.run(run, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT).stderr
    assert "warning" not in err
