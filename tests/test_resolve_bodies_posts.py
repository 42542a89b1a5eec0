"""Bodies whose place is implicit stay in their release; one canonical (role, body) per post; external ids."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from kg.model import Extraction, Person, Post, Release
from kg.rdf.build import build_dataset
from kg.rdf.vocab import ID, ORG
from kg.resolve import aliases
from kg.resolve.aliases import external_ids
from kg.resolve.entities import (
    canonical_post,
    is_generic_body,
    resolve_body,
    resolve_initiative,
    resolve_role,
)


@pytest.mark.parametrize(
    "name",
    [
        "Municipal Party Committee",
        "the Municipal Party Committee",
        "Standing Committee of the Municipal Party Committee",
        "Municipal Government",
        "Standing Committee of the Municipal People's Congress",
        "Provincial People's Government",
        "the city's Foreign Affairs Office",
        "市委",
        "县委常委会",
        "省政协",
        "县人大",
        "市委外事工作委员会",
    ],
)
def test_generic_names_are_recognized(name: str) -> None:
    assert is_generic_body(name)


@pytest.mark.parametrize(
    "name",
    [
        "CPC Qingshan Municipal Committee",
        "青山市委",
        "Standing Committee of the Lanhe Municipal People's Congress",
        "State Council",
        "Municipal Bank of Lanhe",  # a place is named: not generic
        "市长",
        "Qingshan Normal University",
    ],
)
def test_named_places_are_not_generic(name: str) -> None:
    assert not is_generic_body(name)


def test_a_generic_body_is_scoped_to_its_release() -> None:
    a = resolve_body("Municipal Party Committee", "en-qingshan-1")
    b = resolve_body("Municipal Party Committee", "en-lanhe-2")
    assert a.scoped and b.scoped
    assert a.local != b.local
    assert a.local == "municipal-committee--in-en-qingshan-1"
    # the same generic body twice in one release is one body
    assert resolve_body("the Municipal Party Committee", "en-qingshan-1").local == a.local
    # a body that names its place is not scoped
    assert resolve_body("CPC Qingshan Municipal Committee", "en-qingshan-1").local == (
        "cpc-qingshan-municipal-committee"
    )
    # a table entry is never scoped even when its words look generic
    assert not resolve_body("State Council", "en-qingshan-1").scoped


def test_standing_committee_of_a_generic_committee_is_not_mangled() -> None:
    r = resolve_body("Standing Committee of the Municipal Party Committee")
    assert r.en == "Standing Committee of the Municipal Committee"


def _release(rid: str, body: str, person: str) -> Extraction:
    text = f"{person}, Secretary of the {body}, presided."
    return Extraction(
        release=Release(id=rid, text=text, published="2024-05-01", language="en"),
        language="en",
        persons=[Person(person, [Post("Secretary", body)])],
    )


def test_generic_bodies_of_two_releases_are_two_nodes_in_the_graph() -> None:
    ds = build_dataset([
        _release("en-qingshan-a", "Municipal Party Committee", "Lin Haoran"),
        _release("en-lanhe-b", "Municipal Party Committee", "Zhou Wenbo"),
    ])
    bodies = {str(o) for _, _, o, _ in ds.quads((None, ORG.postIn, None, None))}
    assert len(bodies) == 2, bodies
    assert all("--in-" in b for b in bodies)


@pytest.mark.parametrize(
    ("role", "body"),
    [
        ("Member of the Standing Committee", "CPC Xiyuan Provincial Committee"),
        ("Standing Committee Member", "the CPC Xiyuan Provincial Committee"),
        ("常委", "中共西原省委"),
        ("常委", "西原省委"),
        ("Member", "Standing Committee of the CPC Xiyuan Provincial Committee"),
        ("委员", "西原省委常委会"),
    ],
)
def test_one_canonical_post_for_a_standing_committee_seat(role: str, body: str) -> None:
    r, b = canonical_post(role, body)
    assert resolve_role(r).local == "member"
    assert resolve_body(b).local == "standing-committee-of-the-cpc-xiyuan-provincial-committee"


def test_other_posts_are_unchanged_and_heads_of_state_meet_across_languages() -> None:
    assert canonical_post("Secretary", "CPC Qingshan Municipal Committee") == (
        "Secretary", "CPC Qingshan Municipal Committee")
    en = canonical_post("President", "People's Republic of China")
    zh = canonical_post("国家主席", "中華人民共和國")
    assert {resolve_role(en[0]).local, resolve_role(zh[0]).local} == {"president"}
    assert resolve_body(en[1]).local == resolve_body(zh[1]).local == "people-s-republic-of-china"


def test_standing_committee_seat_of_a_generic_committee_stays_in_its_release() -> None:
    r, b = canonical_post("常委", "市委", "zh-lanhe-1")
    assert resolve_body(b, "zh-lanhe-1").local.endswith("--in-zh-lanhe-1")


def test_two_phrasings_of_one_seat_are_one_post_in_the_graph() -> None:
    text = "Lin Haoran, member of the Standing Committee of the CPC Xiyuan Provincial Committee, spoke."
    x1 = Extraction(Release(id="en-1", text=text, published="2024-05-01", language="en"), "en",
                    persons=[Person("Lin Haoran", [Post("Member of the Standing Committee",
                                                        "CPC Xiyuan Provincial Committee")])])
    zh = "西原省委常委林浩然讲话。"
    x2 = Extraction(Release(id="zh-2", text=zh, published="2024-05-02", language="zh"), "zh",
                    persons=[Person("林浩然", [Post("常委", "中共西原省委")])])
    ds = build_dataset([x1, x2])
    posts = {s for s, _, _, _ in ds.quads((None, RDF.type, ORG.Post, None))}
    assert len(posts) == 1, posts


def test_external_ids_column() -> None:
    assert external_ids("Q42 | wikidata:Q7 | junk | https://example.org/id/9") == (
        "Q42", "Q7", "https://example.org/id/9")
    assert external_ids("") == ()
    assert external_ids("Q0|<script>|javascript:alert(1)") == ()


def test_external_ids_reach_the_resolution_and_the_graph(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "aliases"
    folder.mkdir()
    (folder / "initiatives.tsv").write_text(
        "# en\tzh\taliases\tids\nLanhe River Ecological Corridor Project\t澜河生态廊道工程\t\tQ123456\n",
        encoding="utf-8")
    (folder / "bodies.tsv").write_text(
        "CPC Qingshan Municipal Committee\t中共青山市委\t\tQ987\n", encoding="utf-8")
    monkeypatch.setenv("KG_DATA_PATH", str(tmp_path))
    aliases.initiatives.cache_clear()
    aliases.bodies.cache_clear()
    try:
        r = resolve_initiative("澜河生态廊道工程")
        assert r.same_as == ("Q123456",)
        assert resolve_body("青山市委").same_as == ("Q987",)
        x = _release("en-q", "CPC Qingshan Municipal Committee", "Lin Haoran")
        ds = build_dataset([x])
        body = ID["body/cpc-qingshan-municipal-committee"]
        assert (body, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q987")) in set(
            (s, p, o) for s, p, o, _ in ds.quads((body, OWL.sameAs, None, None)))
    finally:
        aliases.initiatives.cache_clear()
        aliases.bodies.cache_clear()


def test_chinese_places_translate_by_the_gazetteer_before_pinyin() -> None:
    assert resolve_body("陕西省人民政府").en == "Shaanxi Provincial People's Government"
    shaanxi = resolve_body("Shaanxi Provincial People's Government").local
    assert resolve_body("陜西省人民政府").local == shaanxi
    assert resolve_body("山西省人民政府").en == "Shanxi Provincial People's Government"
    assert resolve_body("中共内蒙古自治区委员会").local != resolve_body("中共山西省委").local
