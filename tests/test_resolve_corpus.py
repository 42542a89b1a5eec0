"""Identity on the development corpus (../shared/corpus; skipped where it is absent) and on samples/.

Checks of issue 10: no body node stands for bodies of two places; no initiative with a known
translation has two nodes; no person holds two posts with one canonical (role, body); hand-checked
pairs of mentions (release id, name as written) that are one person resolve together, and pairs that
are two people stay apart. The pairs were checked by reading the releases; only names and file ids
are written here.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS

from kg.extract import extract
from kg.rdf.build import build_dataset
from kg.rdf.vocab import INITIATIVE, ORG, SDO
from kg.read import ReadError, iter_releases
from kg.resolve import aliases
from kg.resolve.entities import is_generic_body
from kg.resolve.link import Identity, link
from kg.resolve.persons import body_anchor

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

SAME_PERSON = [
    # a provincial secretary (2020) later a vice-chair of the NPC Standing Committee (2023): a career
    [("zh-kbcmw-20200519-sichuan-swcwh", "彭清华"), ("zh-gmw-20230415-npc-chairpersons-council-2", "彭清华"),
     ("en-chinadaily-seq01-npcsc-6th-session", "Peng Qinghua")],
    [("en-chinadaily-seq01-npcsc-6th-session", "Cai Dafeng"),
     ("zh-gmw-20230415-npc-chairpersons-council-2", "蔡达峰")],
    [("en-chinadaily-seq01-npcsc-6th-session", "Wang Dongming"),
     ("zh-gmw-20230415-npc-chairpersons-council-2", "王东明")],
    # a governor (2018) and the same province's secretary (2022), in English both times
    [("en-investjilin-20180808-consultation", "Jing Junhai"),
     ("en-changchun-20220510-cr-group", "Jing Junhai")],
    # traditional and simplified characters
    [("zh-dezenewtech-s01-likeqiang-provincial-economy-symposium", "陳潤兒"),
     ("zh-hnxmsyzz-s10-henan-touqiahui-kaimu", "陈润儿")],
    [("zh-dezenewtech-s01-likeqiang-provincial-economy-symposium", "吳政隆"),
     ("en-ourjiangsu-20220516-virtual-signing", "Wu Zhenglong")],
    # a compound surname, traditional characters against English
    [("zh-b502-s01-shanghai-waishiwei", "諸葛宇杰"),
     ("en-shine-20171010-han-zheng-edwin-lee", "Zhuge Yujie")],
]
DIFFERENT_PERSONS = [
    # namesakes: a provincial CPPCC secretary-general in 2012 and a provincial governor of 2017 / 2020
    (("zh-jszx-20120109-jiangsu-zhengxie-zhuxi-46", "刘国中"),
     ("en-zhejiang-20170911-jilin-delegation", "Liu Guozhong")),
    (("zh-jszx-20120109-jiangsu-zhengxie-zhuxi-46", "刘国中"),
     ("zh-dezenewtech-s01-likeqiang-provincial-economy-symposium", "劉國中")),
    (("en-chinadaily-seq01-npcsc-6th-session", "Wang Dongming"),
     ("en-govcn-20210307-leaders-cppcc-discussions", "Wang Yang")),
]


def _load(folder: Path) -> list:
    out = []
    files = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    for item in iter_releases(files):
        if not isinstance(item, ReadError):
            out.append(extract(item))
    return out


def _graph(folder: Path) -> tuple[list, Identity, Dataset]:
    xs = _load(folder)
    return xs, link(xs), build_dataset(xs)


@pytest.fixture(scope="module")
def corpus(corpus_dir: Path) -> tuple[list, Identity, Dataset]:
    return _graph(corpus_dir)


@pytest.fixture(scope="module")
def samples() -> tuple[list, Identity, Dataset]:
    old = os.environ.get("KG_DATA_PATH")
    os.environ["KG_DATA_PATH"] = str(SAMPLES / "data")
    _clear()
    try:
        return _graph(SAMPLES)
    finally:
        if old is None:
            del os.environ["KG_DATA_PATH"]
        else:
            os.environ["KG_DATA_PATH"] = old
        _clear()


def _clear() -> None:
    for f in (aliases.places, aliases.bodies, aliases.initiatives, aliases.person_forms,
              aliases.fixed_persons, aliases.person_ids):
        f.cache_clear()


def _labels(ds: Dataset, node: URIRef) -> set[str]:
    return {str(o) for _, _, o, _ in ds.quads((node, RDFS.label, None, None))}


def check_bodies(ds: Dataset) -> None:
    graphs_of: dict[URIRef, set] = defaultdict(set)
    for s, _, _, g in ds.quads((None, RDF.type, ORG.Organization, None)):
        graphs_of[s].add(g)
    for body, graphs in graphs_of.items():
        labels = _labels(ds, body)
        places = {a[0] for a in (body_anchor(n) for n in labels) if a}
        assert len(places) <= 1, (body, labels, places)
        if labels and all(is_generic_body(n) for n in labels):
            assert len(graphs) == 1, (body, labels, "a body without its place in two releases")


def check_initiatives(ds: Dataset) -> None:
    nodes_of: dict[str, set] = defaultdict(set)
    for node, _, _, _ in ds.quads((None, RDF.type, INITIATIVE, None)):
        for label in _labels(ds, node):
            entry = aliases.initiatives().get(label)
            if entry is not None:
                nodes_of[entry.en].add(node)
    split = {en: nodes for en, nodes in nodes_of.items() if len(nodes) > 1}
    assert not split, split


def check_posts(ds: Dataset) -> None:
    seen: dict[tuple, URIRef] = {}
    for post, _, person, _ in ds.quads((None, ORG.heldBy, None, None)):
        roles = {o for _, _, o, _ in ds.quads((post, ORG.role, None, None))}
        bodies = {o for _, _, o, _ in ds.quads((post, ORG.postIn, None, None))}
        assert len(roles) == 1 and len(bodies) == 1, post
        k = (person, *roles, *bodies)
        assert seen.setdefault(k, post) == post, (k, post, seen[k])
        assert not str(next(iter(roles))).endswith("/member-of-the-standing-committee"), post


def test_corpus_bodies_initiatives_posts(corpus) -> None:
    _, _, ds = corpus
    check_bodies(ds)
    check_initiatives(ds)
    check_posts(ds)


def test_samples_bodies_initiatives_posts(samples) -> None:
    _, _, ds = samples
    check_bodies(ds)
    old = os.environ.get("KG_DATA_PATH")
    os.environ["KG_DATA_PATH"] = str(SAMPLES / "data")
    _clear()
    try:
        check_initiatives(ds)
    finally:
        if old is None:
            del os.environ["KG_DATA_PATH"]
        else:
            os.environ["KG_DATA_PATH"] = old
        _clear()
    check_posts(ds)


def test_corpus_same_person_pairs_resolve_together(corpus) -> None:
    xs, ident, ds = corpus
    ids = {x.release.id for x in xs}
    persons = {str(s) for s, _, _, _ in ds.quads((None, RDF.type, SDO.Person, None))}
    for group in SAME_PERSON:
        for rid, _ in group:
            assert rid in ids, rid
        iris = {ident.person(rid, name)[0] for rid, name in group}
        assert len(iris) == 1, (group, iris)
        assert any(p.endswith("/person/" + next(iter(iris))) for p in persons), iris


def test_corpus_different_person_pairs_stay_apart(corpus) -> None:
    _, ident, _ = corpus
    for a, b in DIFFERENT_PERSONS:
        assert ident.person(*a)[0] != ident.person(*b)[0], (a, b)


def test_samples_people_who_move_or_write_their_name_in_two_scripts_are_one(samples) -> None:
    _, ident, _ = samples
    zhou = {ident.person(rid, name)[0] for rid, name in [
        ("en-qingshan-20240306-fawc3", "Zhou Wenbo"), ("zh-qingshan-20240307-waishiwei-3", "周文博"),
        ("en-lanhe-20250314-fawc-1", "Zhou Wenbo")]}
    assert zhou == {"zhou-wenbo--qingshan"}
    astrid = {ident.person(rid, name)[0] for rid, name in [
        ("en-qingshan-seq01-marnholm-sister-city", "Astrid Lindqvist"),
        ("zh-qingshan-20250403-huijian", "阿斯特丽德·林奎斯特")]}
    assert astrid == {"astrid-lindqvist"}
