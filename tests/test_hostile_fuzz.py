"""Property-based: random and mutated releases through read -> extract -> RDF -> store (issue 8).

Every release ends stored, skipped as a duplicate, or rejected by the reader with its reason (or by the
time budget); an error of a later stage ("extraction failed: TypeError ...", "RDF build failed",
"store write failed") is a bug that this test reports with the input that caused it. The number of
examples is bounded (KG_FUZZ_EXAMPLES, default 40 per test) to keep the suite quick.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.batch import Batch
from kg.extract.en.names import _BYLINE, BylineIndex
from kg.read import load_release
from kg.store import Store

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

_SEEDS = [load_release(p).text[:1500] for p in sorted(SAMPLES.glob("*.txt"))] or [
    "On October 7, Qiao Lina, Mayor of Lanhe, presided over the forum. Wu Ping attended the forum.\n",
]
_PIECES = ["Director of the ", "Liu ", "、", "刘波", "主持召开", ", ", " and ", "\n", "(", ")", "Editor: ",
           "Secretary of the CPC Qingshan Municipal Committee", "出席会议。",
           "\ud800", "\x00", "\x1b", "\u2028"]
_ANY_CHAR = st.characters(blacklist_categories=())  # surrogates and control characters included


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_SEEDS))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "repeat", "piece"]))
        if op == "insert":
            text = text[:at] + draw(st.text(_ANY_CHAR, max_size=30)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(0, 200)):]
        elif op == "repeat":
            text = text[:at] + text[at : at + draw(st.integers(1, 40))] * draw(st.integers(1, 50)) + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from(_PIECES)) * draw(st.integers(1, 300)) + text[at:]
    return text


_HOSTILE_CHAR = st.sampled_from(list("Liu Bo, 刘波、\ud800\udfff\udc80\x00\x01\x1b\x7f\x85\u2028\x0b\r\n.()"))
releases = st.one_of(mutated(), st.text(_ANY_CHAR, max_size=400), st.text(_HOSTILE_CHAR, max_size=400))


@st.composite
def files(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """A small batch: .txt/.html in various encodings, .jsonl lines with odd fields, raw bytes."""
    out: list[tuple[str, bytes]] = []
    for n in range(draw(st.integers(1, 4))):
        text = draw(releases)
        kind = draw(st.sampled_from(["txt", "html", "jsonl", "bytes"]))
        enc = draw(st.sampled_from(["utf-8", "utf-16", "gb18030", "big5", "cp1252"]))
        if kind == "txt":
            errors = "surrogatepass" if enc.startswith("utf") else "replace"
            out.append((f"r{n}.txt", text.encode(enc, errors)))
        elif kind == "html":
            page = f"<html><head><title>{text[:40]}</title></head><body><p>{text}</p></body></html>"
            out.append((f"r{n}.html", page.encode("utf-8", "surrogatepass")))
        elif kind == "jsonl":
            keys = st.sampled_from(["id", "url", "title", "published", "language", "source"])
            values = st.one_of(st.text(_ANY_CHAR, max_size=20), st.text(_HOSTILE_CHAR, max_size=20),
                               st.integers(), st.none(), st.lists(st.integers(), max_size=2))
            extra = draw(st.dictionaries(keys, values, max_size=4))
            line = json.dumps({"text": text, **extra})
            out.append((f"r{n}.jsonl", (line + "\n" + draw(st.text(_ANY_CHAR, max_size=30))).encode(
                "utf-8", "surrogatepass")))
        else:
            out.append((f"r{n}.txt", draw(st.binary(min_size=1, max_size=300))))
    return out


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as d, Store(Path(d) / "store") as s:
        yield s


_STAGE_BUG = re.compile(r"(?:extraction|RDF build|store write|reading) failed: ")


@FUZZ
@given(batch=files())
def test_no_release_breaks_the_pipeline(store: Store, batch: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as d:
        for name, data in batch:
            (Path(d) / name).write_bytes(data)
        run = Batch([d], budget=2.0)
        run.ingest(store)
    bugs = [str(e) for e in run.errors if _STAGE_BUG.search(str(e))]
    assert not bugs, bugs


@FUZZ
@given(text=st.text(st.sampled_from("ab (/)[]\nEditor Xinhua By Reporter:Liu"), max_size=120),
       start=st.integers(0, 120))
def test_byline_index_agrees_with_the_pattern(text: str, start: int) -> None:
    """The indexed byline check answers what _BYLINE answers on the line's prefix (its old definition)."""
    start = min(start, len(text))
    line_start = max(text.rfind("\n", 0, start), text.rfind("(", 0, start), text.rfind("[", 0, start)) + 1
    assert BylineIndex(text).byline_before(start) == bool(_BYLINE.search(text[line_start:start]))

