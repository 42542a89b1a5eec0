"""Exports are deterministic and valid; SHACL passes on built data and fails on broken data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.rdf_fixtures import small_extractions
from rdflib import Dataset, Literal
from rdflib.namespace import RDF, RDFS, XSD

from kg.export.serialize import FORMATS, export_store, serialize_dataset
from kg.export.validate import merged, validate_file, validate_graph, validate_store
from kg.rdf.build import build_dataset, release_graph
from kg.rdf.vocab import END, EVIDENCE, ORG, SDO, START
from kg.resolve.link import link
from kg.store import Store

PARSE = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
EXT = {"turtle": "ttl", "trig": "trig", "nquads": "nq", "jsonld": "jsonld"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exp") / "store"
    xs = small_extractions()
    identity = link(xs)  # as `kg ingest` does: identity over the batch, then one graph per release
    with Store(path) as s:
        for x in xs:
            s.replace_graph(*release_graph(x, identity))
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_serialization_is_byte_identical_and_order_independent(fmt: str) -> None:
    a = serialize_dataset(build_dataset(small_extractions()), fmt)
    b = serialize_dataset(build_dataset(small_extractions()[::-1]), fmt)
    assert a == b
    ds = Dataset()
    ds.parse(data=a, format=PARSE[fmt])
    assert len(merged(ds)) == len(merged(build_dataset(small_extractions())))


def test_serialization_does_not_depend_on_hash_seed() -> None:
    code = (
        f"import hashlib,sys;sys.path.insert(0,{str(Path(__file__).parent)!r});"
        "from kg.rdf.build import build_dataset;"
        "from fixtures.rdf_fixtures import small_extractions;"
        "from kg.export.serialize import serialize_dataset;ds=build_dataset(small_extractions());"
        "print(' '.join(hashlib.sha1(serialize_dataset(ds,f).encode()).hexdigest() for f in "
        "('turtle','trig','nquads','jsonld')))"
    )
    outs = set()
    for seed in ("1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(
            subprocess.run(
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout
        )
    assert len(outs) == 1


def test_trig_keeps_named_graphs() -> None:
    text = serialize_dataset(build_dataset(small_extractions()), "trig")
    ds = Dataset()
    ds.parse(data=text, format="trig")
    assert sum(1 for g in ds.graphs() if len(g)) == 3


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_store_files_validate(store_path: Path, tmp_path: Path, fmt: str) -> None:
    out1, out2 = tmp_path / f"a.{EXT[fmt]}", tmp_path / f"b.{EXT[fmt]}"
    with Store(store_path, read_only=True) as store:
        export_store(store, out1, fmt)
        export_store(store, out2, fmt)
    assert out1.read_bytes() == out2.read_bytes()
    assert out1.read_bytes() == serialize_dataset(build_dataset(small_extractions()), fmt).encode("utf-8")
    conforms, report = validate_file(out1)
    assert conforms, report


def test_validate_store_conforms(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        conforms, report = validate_store(store)
    assert conforms, report
    assert "conforms: yes" in report


def test_validation_fails_on_a_broken_graph() -> None:
    g = merged(build_dataset(small_extractions()))
    post = next(g.subjects(RDF.type, ORG.Post))
    g.remove((post, ORG.postIn, None))
    person = next(g.subjects(RDF.type, SDO.Person))
    g.remove((person, RDFS.label, None))
    ev = sorted(g.subjects(RDF.type, EVIDENCE))[0]
    g.set((ev, END, Literal(0, datatype=XSD.integer)))
    ev2 = sorted(g.subjects(RDF.type, EVIDENCE))[1]
    g.set((ev2, START, Literal("five")))
    ev3 = sorted(g.subjects(RDF.type, EVIDENCE))[2]
    g.set((ev3, END, Literal(10**6, datatype=XSD.integer)))
    event = next(g.subjects(RDF.type, SDO.Event))
    g.set((event, SDO.startDate, Literal("March 4")))
    conforms, report = validate_graph(g)
    assert not conforms
    for msg in ("org:postIn", "rdfs:label", "kgo:start", "startDate", "beyond the end of the release text"):
        assert msg in report, report


def test_validate_file_missing(tmp_path: Path) -> None:
    conforms, report = validate_file(tmp_path / "none.ttl")
    assert not conforms and "no such file" in report


def test_hostile_text_survives_every_format_exactly() -> None:
    from kg.model import Event, Extraction, Person, Post, Release

    evil = 'x"\'\\ <script>\n\r\t\x00\x07\x7f 😀 }} .\n  indented """ line' + "张" * 20
    x = Extraction(
        Release(id=evil, text=evil * 3, url=evil, title=evil, published="2024-02-30"),
        "en",
        persons=[Person(evil, [Post(evil, evil)])],
        events=[Event(evil, "2024-02-30", evil, [evil], [evil], [evil])],
    )
    ds = build_dataset([x])
    conforms, report = validate_graph(merged(ds))
    assert conforms, report
    for fmt in FORMATS:
        text = serialize_dataset(ds, fmt)
        back = Dataset()
        back.parse(data=text, format=PARSE[fmt])
        assert set(merged(back)) == set(merged(ds)), fmt
