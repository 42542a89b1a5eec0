"""A killed `kg ingest` leaves a consistent store, and re-running converges to a clean ingest.

`kg ingest -v` prints `kg: extracted FILE` per release read, `kg: writing N releases` as a write
transaction begins and `kg: stored ID` per release once its transaction is committed; the test kills
the real CLI (SIGKILL) when it sees such a line: during extraction, as the second transaction is
being written (and a second later), between later transactions, and after the last one.
After each kill the store is reopened: the merged default graph must equal the union of the release
graphs (issue 8 item 5: before the fix it lacked the last release's facts, or kept stale facts of a
replaced release). Then a full re-run must give exactly the quads of a clean ingest. The same again while
the killed ingest replaces every release by an edited version (other facts under the same ids).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from synthetic import Corpus  # noqa: E402

from kg.store import Store  # noqa: E402

N = 150  # three transactions of Batch.per_transaction (64) releases
KG = [sys.executable, "-m", "kg"]


def _write(folder: Path, texts: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in texts:
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("atomic")
    first = Corpus(N, seed=7)
    stems = [stem for stem, _ in first.texts()]
    # the edited corpus: the same release ids saying other things (another world's releases)
    edited = [text for _, text in Corpus(N, seed=8).texts()]
    _write(root / "v1", list(first.texts()))
    _write(root / "v2", list(zip(stems, edited, strict=True)))
    data = root / "data"
    for rel, content in {**Corpus(N, seed=8).tables(), **first.tables()}.items():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(content, encoding="utf-8")
    return {"root": root, "v1": root / "v1", "v2": root / "v2", "data": data}


def _env(corpora: dict[str, Path]) -> dict[str, str]:
    return {**os.environ, "KG_DATA_PATH": str(corpora["data"])}


def _ingest(corpora: dict[str, Path], version: str, store: Path) -> None:
    proc = subprocess.run([*KG, "ingest", str(corpora[version]), "--store", str(store), "--jobs", "1"],
                          env=_env(corpora), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]


def _killed(corpora: dict[str, Path], version: str, store: Path, point: tuple[Callable[[str, int, int], bool],
            float]) -> bool:
    """Run ingest -v and SIGKILL it ``delay`` seconds after the first stderr line for which
    ``when(line, extracted, stored)`` holds; True when it was killed before it finished."""
    when, delay = point
    proc = subprocess.Popen([*KG, "ingest", "-v", str(corpora[version]), "--store", str(store),
                             "--jobs", "1"], env=_env(corpora), stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    extracted = stored = 0
    killed = False
    for line in proc.stderr:
        extracted += line.startswith("kg: extracted ")
        stored += line.startswith("kg: stored ")
        if when(line, extracted, stored):
            if delay:
                time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
    proc.stderr.close()
    proc.wait(timeout=900)
    return killed and proc.returncode == -signal.SIGKILL


def _quads(store: Path) -> set[str]:
    with Store(store) as s:  # opened writable, as the next ingest would
        return {str(q) for q in s.ox}


def _assert_merged_is_union(store: Path) -> None:
    import pyoxigraph as ox

    with Store(store) as s:
        merged, union = set(), set()
        for q in s.ox:
            t = (q.subject, q.predicate, q.object)
            (merged if isinstance(q.graph_name, ox.DefaultGraph) else union).add(t)
    missing, stale = len(union - merged), len(merged - union)
    assert (missing, stale) == (0, 0), f"merged graph: {missing} triples missing, {stale} stale"


@pytest.fixture(scope="module")
def clean(corpora: dict[str, Path]) -> dict[str, set[str]]:
    out = {}
    for version in ("v1", "v2"):
        store = corpora["root"] / f"clean-{version}"
        _ingest(corpora, version, store)
        out[version] = _quads(store)
    assert out["v1"] and out["v2"] and out["v1"] != out["v2"]
    return out


def _writing(line: str, x: int, s: int) -> bool:
    return line.startswith("kg: writing") and s > 0  # the second transaction begins


KILL_POINTS = {
    "during extraction": (lambda line, x, s: x == 20, 0.0),
    "as a write begins": (_writing, 0.0),
    # inside the write (any moment is safe after the fix; before it, the per-release steps of the
    # second batch were under way: the old code failed here)
    "mid-write": (_writing, 1.0),
    "between releases": (lambda line, x, s: s == 100, 0.0),
    "at the end": (lambda line, x, s: s == N, 0.0),
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_killed_fresh_ingest_is_consistent_and_converges(
    point: str, corpora: dict[str, Path], clean: dict[str, set[str]], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    assert _killed(corpora, "v1", store, KILL_POINTS[point])
    if store.exists() and any(store.iterdir()):
        _assert_merged_is_union(store)
    _ingest(corpora, "v1", store)
    assert _quads(store) == clean["v1"]


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_killed_replacement_leaves_no_stale_facts_and_converges(
    point: str, corpora: dict[str, Path], clean: dict[str, set[str]], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    _ingest(corpora, "v1", store)
    assert _killed(corpora, "v2", store, KILL_POINTS[point])
    _assert_merged_is_union(store)
    _ingest(corpora, "v2", store)
    assert _quads(store) == clean["v2"]
