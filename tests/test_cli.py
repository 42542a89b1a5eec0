"""Every command end to end, as a user runs it, on the bundled samples and a persistent store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="samples/ is missing")


def kg(*args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html", ".htm", ".jsonl"})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kg-store"
    kg("ingest", str(SAMPLES), "--store", str(path))
    return path


def test_career_track_across_cities_is_one_person(tmp_path: Path) -> None:
    """With the samples' gazetteer (KG_DATA_PATH, as `kg demo` sets it) Zhou Wenbo, Mayor of Qingshan
    in 2024 and Secretary in Lanhe in 2025, is one person with both posts, in date order."""
    kg("demo", "--samples", str(SAMPLES), "--store", str(tmp_path / "s"), "--exports", str(tmp_path / "x"))
    out = kg("query", "posts-of-person", "--values", "wanted=Zhou Wenbo", "--store", str(tmp_path / "s"),
             "--format", "json").stdout
    rows = json.loads(out)["results"]["bindings"]
    assert len({r["person"]["value"] for r in rows}) == 1
    posts = [(r["role_name"]["value"], r["body_name"]["value"], r["first_seen"]["value"]) for r in rows]
    mayor = [seen for role, body, seen in posts if role == "Mayor" and "Qingshan" in body]
    secretary = [seen for role, body, seen in posts if role == "Secretary" and "Lanhe" in body]
    assert mayor and secretary, posts
    assert min(mayor) < min(secretary)


def test_help_does_not_import_heavy_libraries() -> None:
    heavy = "('rdflib', 'networkx', 'numpy', 'matplotlib', 'pyoxigraph', 'pyshacl')"
    code = ("import sys, kg.cli; kg.cli.build_parser().format_help(); "
            f"print(sorted(m for m in {heavy} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert "ingest" in kg("--help").stdout


def test_extract_jsonl_contract() -> None:
    out = kg("extract", str(SAMPLES), "--format", "jsonl").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    stems = {p.stem for p in sample_files() if p.suffix != ".jsonl"}
    ids = {r["id"] for r in rows}
    assert stems <= ids
    assert len(rows) > len(stems)  # the .jsonl sample adds releases of its own
    for r in rows:
        assert set(r) >= {"id", "language", "published", "persons", "bodies", "initiatives", "events"}
        assert r["language"] in {"en", "zh"}
        for p in r["persons"]:
            assert isinstance(p["name"], str) and p["name"]
            for post in p["posts"]:
                assert isinstance(post["role"], str)
        for e in r["events"]:
            assert set(e) >= {"name", "date", "body", "presided_by", "attended_by", "initiatives"}
    assert any(r["language"] == "zh" for r in rows) and any(r["language"] == "en" for r in rows)
    assert sum(len(r["persons"]) for r in rows) > 10
    assert sum(len(e["presided_by"]) for r in rows for e in r["events"]) > 3


def test_extract_json_has_spans_pointing_into_the_text() -> None:
    first = sample_files()[0]
    data = json.loads(kg("extract", str(first), "--format", "json").stdout)
    from kg.read import load_release

    text = load_release(first).text
    persons = data[0]["persons"]
    assert persons, "the first sample names officials"
    for p in persons:
        assert p["spans"], p
        for start, end in p["spans"]:
            assert 0 <= start < end <= len(text)


def test_extract_turtle_parses() -> None:
    from rdflib import Graph

    ttl = kg("extract", str(sample_files()[0]), "--format", "turtle").stdout
    g = Graph().parse(data=ttl, format="turtle")
    assert len(g) > 20


def test_ingest_is_idempotent(store: Path, tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = json.loads(kg("query", count, "--store", str(store), "--format", "json").stdout)
    kg("ingest", str(SAMPLES), "--store", str(store))
    after = json.loads(kg("query", count, "--store", str(store), "--format", "json").stdout)
    assert before == after
    n = int(after["results"]["bindings"][0]["n"]["value"])
    assert n > 500


def test_ingest_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-good.txt").write_text((sample_files()[0]).read_text(encoding="utf-8"), encoding="utf-8")
    (batch / "b-empty.txt").write_bytes(b"")
    (batch / "c-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (batch / "d-nohtml.html").write_text("<html><head><script>x=1</script></head><body></body></html>")
    proc = kg("ingest", str(batch), "--store", str(tmp_path / "s"), check=False)
    assert proc.returncode == 1
    for name in ("b-empty.txt", "c-binary.txt", "d-nohtml.html"):
        assert name in proc.stderr
    assert "ingested 1 releases" in proc.stderr


@pytest.mark.parametrize("name", ["presided", "co-attendance", "initiative-endorsers", "events-of-body"])
def test_named_queries(store: Path, name: str) -> None:
    out = kg("query", name, "--store", str(store), "--format", "json").stdout
    rows = json.loads(out)["results"]["bindings"]
    assert rows, f"named query {name} found nothing in the samples"
    table = kg("query", name, "--store", str(store)).stdout
    assert len(table.splitlines()) >= 3
    text = kg("query", name, "--store", str(store), "--format", "csv").stdout
    assert len(list(csv.reader(io.StringIO(text)))) == len(rows) + 1


def test_query_from_file_and_unknown_name(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "persons.rq"
    rq.write_text("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }")
    rows = json.loads(kg("query", str(rq), "--store", str(store), "--format", "json").stdout)
    assert int(rows["results"]["bindings"][0]["n"]["value"]) > 5
    bad = kg("query", "no-such-query", "--store", str(store), check=False)
    assert bad.returncode != 0 and "presided" in bad.stderr  # lists the names it knows


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_analyze(store: Path, fmt: str) -> None:
    out = kg("analyze", "--store", str(store), "--format", fmt).stdout
    assert out.strip()
    if fmt == "json":
        report = json.loads(out)
        assert report


def test_explore_and_focus(store: Path, tmp_path: Path) -> None:
    html = tmp_path / "x.html"
    kg("explore", "-o", str(html), "--store", str(store))
    page = html.read_text(encoding="utf-8")
    assert "vis" in page and "<script src=\"http" not in page
    name = json.loads(kg("query", "presided", "--store", str(store), "--format", "json").stdout)
    first = next(iter(name["results"]["bindings"][0].values()))["value"]
    focus = tmp_path / "f.html"
    kg("explore", "-o", str(focus), "--focus", first, "--depth", "1", "--store", str(store))
    assert focus.stat().st_size > 0
    nobody = kg("explore", "-o", str(tmp_path / "n.html"), "--focus", "No Such Official", "--store",
                str(store), check=False)
    assert nobody.returncode == 2 and "No Such Official" in nobody.stderr and "Traceback" not in nobody.stderr


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_export_and_validate(store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"kg.{fmt}"
    kg("export", "-o", str(out), "--format", fmt, "--store", str(store))
    assert out.stat().st_size > 1000
    if fmt in {"turtle", "trig"}:
        proc = kg("validate", str(out), check=False)
        assert proc.returncode == 0, proc.stdout[-3000:]


def test_validate_store(store: Path) -> None:
    assert kg("validate", "--store", str(store), check=False).returncode == 0


def test_query_on_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    proc = kg("query", "presided", "--store", str(tmp_path / "nothing"), check=False)
    assert proc.returncode != 0
    assert "kg ingest" in proc.stderr
    assert not (tmp_path / "nothing").exists()


def test_demo_is_deterministic(tmp_path: Path) -> None:
    outs = []
    for run in ("one", "two"):
        exports = tmp_path / run
        proc = kg("demo", "--samples", str(SAMPLES), "--store", str(tmp_path / f"store-{run}"),
                  "--exports", str(exports))
        assert "Presided most" in proc.stdout
        outs.append({p.name: p.read_bytes() for p in sorted(exports.iterdir())})
    assert set(outs[0]) == {"kg.ttl", "kg.trig", "explorer.html"}
    for name in outs[0]:
        assert outs[0][name] == outs[1][name], f"{name} differs between two demo runs"


def test_committed_exports_are_current(tmp_path: Path) -> None:
    """exports/ holds what `make demo` writes from samples/ (regenerate with `make demo`)."""
    exports = tmp_path / "exports"
    kg("demo", "--samples", str(SAMPLES), "--store", str(tmp_path / "store"), "--exports", str(exports))
    for name in ("kg.ttl", "kg.trig"):
        committed = ROOT / "exports" / name
        assert committed.exists(), f"exports/{name} missing: run make demo"
        fresh = (exports / name).read_bytes()
        assert committed.read_bytes() == fresh, f"exports/{name} is stale: run make demo"


def test_version_and_typed_package(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.resources

    from kg import __version__
    from kg.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"kg {__version__}"
    assert importlib.resources.files("kg").joinpath("py.typed").is_file()
