"""`kg extract --trace` and `--format trace` through the real CLI: the provenance beside every item, and
the default JSONL contract unchanged (byte for byte once the trace fields are taken out)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

TRACE_KEYS = {"why", "relations", "role_why"}


def kg(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def untrace(d: dict) -> dict:
    """A traced release object back to the plain contract: trace keys dropped, bodies/initiatives names."""
    out = {k: v for k, v in d.items() if k != "untraced"}
    out["persons"] = [{k: v for k, v in p.items() if k not in TRACE_KEYS}
                      | {"posts": [{k: v for k, v in x.items() if k != "why"} for x in p["posts"]]}
                      for p in d["persons"]]
    for kind in ("bodies", "initiatives"):
        out[kind] = [x["name"] for x in d[kind]]
    out["events"] = [{k: v for k, v in e.items() if k not in TRACE_KEYS} for e in d["events"]]
    return out


@pytest.fixture(scope="module")
def releases() -> list[str]:
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    files += sorted(str(p) for p in (ROOT / "tests" / "blind").rglob("*.txt"))
    assert len(files) >= 10
    return files


def test_default_jsonl_is_the_trace_without_its_fields(releases: list[str]) -> None:
    plain = kg("extract", "--format", "jsonl", *releases).splitlines()
    traced = kg("extract", "--format", "jsonl", "--trace", *releases).splitlines()
    assert len(plain) == len(traced) == len(releases)
    for p, t in zip(plain, traced, strict=True):
        d = json.loads(t)
        assert all("why" in p and all("why" in x for x in p["posts"]) for p in d["persons"])
        assert all(set(e) >= TRACE_KEYS for e in d["events"])
        assert isinstance(d["untraced"], list)
        assert json.dumps(untrace(d), ensure_ascii=False) == p


def test_trace_listing_names_every_item(releases: list[str]) -> None:
    traced = kg("extract", "--format", "jsonl", "--trace", *releases)
    data = [json.loads(line) for line in traced.splitlines()]
    listing = kg("extract", "--format", "trace", *releases)
    blocks = listing.split("\n")
    heads = [b for b in blocks if b and not b.startswith(" ")]
    assert heads == [f"{d['id']} ({d['language']})" for d in data]
    for d in data:
        for p in d["persons"]:
            assert f"  person {p['name']} <- " in listing
        for e in d["events"]:
            assert f"  event {e['name']} <- " in listing
            for name in e["presided_by"]:
                assert f"    presided: {name} <- " in listing
    n_items = sum(len(d["persons"]) + sum(len(p["posts"]) for p in d["persons"]) + len(d["bodies"])
                  + len(d["initiatives"]) + len(d["events"]) + sum(len(e["role_why"]) for e in d["events"])
                  for d in data)
    assert sum(1 for b in blocks if " <- " in b) == n_items


def test_trace_json_format(tmp_path: Path) -> None:
    f = tmp_path / "en-linfeng.txt"
    f.write_text("LINFENG, May 3, 2024 -- Gao Ming, Secretary of the CPC Linfeng Municipal Committee, "
                 "presided over a meeting of the Standing Committee of the CPC Linfeng Municipal "
                 "Committee.\n",
                 encoding="utf-8")
    [d] = json.loads(kg("extract", "--format", "json", "--trace", str(f)))
    assert d["persons"][0]["name"] == "Gao Ming" and "spans" in d["persons"][0] and "why" in d["persons"][0]
    assert all("why" in b and "spans" in b for b in d["bodies"])


def test_every_item_of_every_release_is_traced(releases: list[str], corpus_dir: Path) -> None:
    """Full coverage: every item of every development, blind and sample release names its component
    and rule or data line (trace.untraced() is empty)."""
    files = releases + sorted(str(p) for p in corpus_dir.glob("*.txt"))
    missing = {}
    for line in kg("extract", "--format", "jsonl", "--trace", *files).splitlines():
        d = json.loads(line)
        if d["untraced"]:
            missing[d["id"]] = d["untraced"][:5]
    assert missing == {}
