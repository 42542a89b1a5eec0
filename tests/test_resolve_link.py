"""Identity over the whole batch (kg/resolve/link.py): careers, homonyms, unanchored names, written forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import OWL, RDFS

from kg.model import Event, Extraction, Initiative, Person, Post, Release
from kg.rdf.build import build_dataset
from kg.rdf.vocab import ID
from kg.resolve import aliases
from kg.resolve.link import link, link_stream, paired_forms
from kg.resolve.persons import english_name, is_transliterated, name_key

SAMPLES_DATA = Path(__file__).resolve().parent.parent / "samples" / "data"


@pytest.fixture
def xiyuan(monkeypatch):
    """The samples' invented geography (Qingshan and Lanhe in Xiyuan) on KG_DATA_PATH."""
    monkeypatch.setenv("KG_DATA_PATH", str(SAMPLES_DATA))
    _clear()
    yield
    monkeypatch.delenv("KG_DATA_PATH")
    _clear()


def _clear() -> None:
    for f in (aliases.places, aliases.bodies, aliases.initiatives, aliases.person_forms,
              aliases.fixed_persons, aliases.person_ids):
        f.cache_clear()


def rel(rid: str, date: str | None, persons: list[Person], *, locality: str | None = None,
        text: str = "", events: list[Event] | None = None, initiatives: list[str] | None = None,
        lang: str = "en") -> Extraction:
    return Extraction(
        Release(id=rid, text=text or " ".join(p.name for p in persons), published=date, language=lang),
        lang, persons=persons, events=events or [], locality=locality,
        initiatives=[Initiative(n) for n in initiatives or []],
    )


def p(name: str, *posts: tuple[str, str]) -> Person:
    return Person(name, [Post(r, b) for r, b in posts])


MAYOR_QS = ("Mayor", "Qingshan Municipal People's Government")
SEC_LH = ("Secretary", "CPC Lanhe Municipal Committee")
SEC_QS = ("Secretary", "CPC Qingshan Municipal Committee")
VICE_LH = ("Vice Mayor", "Lanhe Municipal People's Government")


def test_a_transfer_is_one_person_with_the_first_iri_and_the_other_as_same_as() -> None:
    xs = [
        rel("en-1", "2024-03-06", [p("Zhou Wenbo", MAYOR_QS)]),
        rel("zh-2", "2024-06-01", [p("周文博", ("市长", "青山市人民政府"))], lang="zh"),
        rel("en-3", "2025-03-14", [p("Zhou Wenbo", SEC_LH)]),
    ]
    ident = link(xs)
    assert ident.person("en-1", "Zhou Wenbo") == ("zhou-wenbo--qingshan", None)
    assert ident.person("zh-2", "周文博") == ("zhou-wenbo--qingshan", None)
    assert ident.person("en-3", "Zhou Wenbo") == ("zhou-wenbo--qingshan", "zhou-wenbo--lanhe")
    ds = build_dataset(xs)
    assert (ID["person/zhou-wenbo--qingshan"], OWL.sameAs, ID["person/zhou-wenbo--lanhe"]) in {
        (s, pr, o) for s, pr, o, _ in ds.quads((None, OWL.sameAs, None, None))}


def test_homonyms_holding_posts_at_the_same_time_in_two_places_are_two_people() -> None:
    xs = [
        rel("en-1", "2024-01-10", [p("Lin Haoran", SEC_QS)]),
        rel("en-2", "2024-03-10", [p("Lin Haoran", VICE_LH)]),
        rel("en-3", "2024-06-10", [p("Lin Haoran", SEC_QS)]),
    ]
    ident = link(xs)
    assert ident.person("en-1", "Lin Haoran")[0] == ident.person("en-3", "Lin Haoran")[0] == (
        "lin-haoran--qingshan")
    assert ident.person("en-2", "Lin Haoran")[0] == "lin-haoran--lanhe"


def test_a_member_that_fits_two_people_joins_neither() -> None:
    xs = [
        rel("en-1", "2024-01-10", [p("Lin Haoran", SEC_QS)]),
        rel("en-2", "2024-01-11", [p("Lin Haoran", VICE_LH)]),
        rel("en-3", "2024-01-12", [p("Lin Haoran", SEC_QS)]),
        rel("en-4", "2024-01-13", [p("Lin Haoran", VICE_LH)]),
        rel("en-5", "2025-06-01", [p("Lin Haoran", ("Director", "Baishui Municipal Bureau of Commerce"))]),
    ]
    ident = link(xs)
    assert ident.person("en-5", "Lin Haoran")[0] == "lin-haoran--baishui"


def test_a_city_official_seen_with_a_provincial_seat_is_one_person_when_the_city_lies_in_the_province(
        xiyuan) -> None:
    seat = ("Member of the Standing Committee", "CPC Xiyuan Provincial Committee")
    xs = [
        rel("en-1", "2024-01-10", [p("Lin Haoran", SEC_QS, seat)]),
        rel("en-2", "2024-03-10", [p("Lin Haoran", seat)]),
        rel("en-3", "2024-06-10", [p("Lin Haoran", SEC_QS)]),
    ]
    ident = link(xs)
    assert {ident.person(f"en-{i}", "Lin Haoran")[0] for i in (1, 2, 3)} == {"lin-haoran--qingshan"}


def test_without_the_gazetteer_overlapping_city_and_province_stay_apart() -> None:
    seat = ("Member of the Standing Committee", "CPC Xiyuan Provincial Committee")
    xs = [
        rel("en-1", "2024-01-10", [p("Lin Haoran", SEC_QS)]),
        rel("en-2", "2024-03-10", [p("Lin Haoran", seat)]),
        rel("en-3", "2024-06-10", [p("Lin Haoran", SEC_QS)]),
    ]
    ident = link(xs)
    assert ident.person("en-2", "Lin Haoran")[0] == "lin-haoran--xiyuan"  # precision first


def test_person_iris_do_not_change_with_kg_data_path(monkeypatch) -> None:
    xs = [rel("en-1", "2024-01-10", [p("Lin Haoran", SEC_QS)], locality="Qingshan"),
          rel("en-2", "2024-02-10", [p("Han Mingjie")], locality="Qingshan")]
    before = [link(xs).person(x.release.id, x.persons[0].name) for x in xs]
    monkeypatch.setenv("KG_DATA_PATH", str(SAMPLES_DATA))
    _clear()
    try:
        assert [link(xs).person(x.release.id, x.persons[0].name) for x in xs] == before
    finally:
        monkeypatch.delenv("KG_DATA_PATH")
        _clear()
    assert before[1] == ("han-mingjie", None)  # no post: no place in the IRI, no guessed locality


def test_an_unanchored_name_joins_the_one_person_of_its_place(xiyuan) -> None:
    attend = Event("meeting", "2024-05-01", attended_by=["Lin Haoran"])
    xs = [
        rel("en-1", "2024-01-10", [p("Lin Haoran", SEC_QS)]),
        rel("en-2", "2024-01-12", [p("Lin Haoran", VICE_LH)]),
        rel("en-0", "2024-01-14", [p("Lin Haoran", SEC_QS)]),  # the two overlap in time: homonyms
        rel("en-3", "2024-05-01", [], locality="Qingshan", events=[attend]),
        rel("en-4", "2024-05-01", [], locality="Lanhe", events=[attend]),
        rel("en-5", "2024-05-01", [], locality=None, events=[attend]),
        rel("en-6", "2024-05-01", [], locality="Changchun", events=[attend]),
        rel("en-7", "2024-05-01", [], locality="Baishui", events=[attend]),
    ]
    ident = link(xs)
    assert ident.person("en-3", "Lin Haoran")[0] == "lin-haoran--qingshan"
    assert ident.person("en-4", "Lin Haoran")[0] == "lin-haoran--lanhe"
    assert ident.person("en-5", "Lin Haoran")[0] == "lin-haoran--in-en-5"  # two candidates: kept apart
    assert ident.person("en-6", "Lin Haoran")[0] == "lin-haoran"  # a known place where neither serves
    # a place the gazetteer does not know may lie anywhere: both remain candidates, so it stays apart
    assert ident.person("en-7", "Lin Haoran")[0] == "lin-haoran--in-en-7"


def test_an_unanchored_name_with_one_candidate_and_no_locality_joins_it() -> None:
    xs = [
        rel("en-1", "2024-01-10", [p("Song Yalan", ("Deputy Secretary", SEC_QS[1]))]),
        rel("en-2", "2024-02-10", [p("Song Yalan")]),
        rel("en-3", "2024-02-10", [p("Song Yalan", ("Secretary", "Municipal Party Committee"))]),
    ]
    ident = link(xs)
    assert ident.person("en-2", "Song Yalan")[0] == ident.person("en-3", "Song Yalan")[0] == (
        "song-yalan--qingshan")


def test_foreign_names_keep_their_written_form() -> None:
    zh = "阿斯特丽德·林奎斯特"
    assert is_transliterated(zh) and not is_transliterated("林浩然")
    assert english_name(zh) is None  # never "Asitelide Linkuisite"
    assert name_key(zh) != name_key("Asitelide Linkuisite")
    assert name_key(zh) == name_key("阿斯特麗德·林奎斯特")  # traditional and simplified meet
    x = rel("zh-1", "2025-04-01", [p(zh)], lang="zh")
    ds = build_dataset([x])
    labels = {o for _, _, o, _ in ds.quads((None, RDFS.label, None, None))}
    assert Literal(zh, lang="zh") in labels
    assert not any(getattr(o, "language", None) == "en" for o in labels)


def test_foreign_names_meet_their_latin_form_through_an_alias_row(xiyuan) -> None:
    xs = [rel("zh-1", "2025-04-01", [p("阿斯特丽德·林奎斯特")], lang="zh"),
          rel("en-2", "2025-04-02", [p("Astrid Lindqvist")])]
    ident = link(xs)
    zh, en = ident.person("zh-1", "阿斯特丽德·林奎斯特")[0], ident.person("en-2", "Astrid Lindqvist")[0]
    assert zh == en == "astrid-lindqvist"
    assert english_name("阿斯特丽德·林奎斯特") == "Astrid Lindqvist"


def test_foreign_names_meet_their_latin_form_when_one_release_writes_both() -> None:
    text = "韩明杰会见了埃琳娜·马尔凯蒂（Elena Marchetti）一行。"
    xs = [rel("zh-1", "2025-04-01", [p("埃琳娜·马尔凯蒂")], text=text, lang="zh"),
          rel("zh-2", "2025-05-01", [p("埃琳娜·马尔凯蒂")], lang="zh"),
          rel("en-3", "2025-04-02", [p("Elena Marchetti")])]
    ident = link(xs)
    assert {ident.person(x.release.id, x.persons[0].name)[0] for x in xs} == {"elena-marchetti"}
    assert ident.english_form("埃琳娜·马尔凯蒂") == "Elena Marchetti"
    # without that release, no link: pinyin never links a transliterated name
    assert link(xs[1:]).person("zh-2", "埃琳娜·马尔凯蒂")[0] != "elena-marchetti"


def test_paired_forms() -> None:
    text = ('Yan Shouyi pushed the "Baishui Delta Greenway Plan" (白水三角洲绿道计划) forward, '
            "and 白水港开放计划（Baishui Port Opening Plan）was named.")
    got = paired_forms(text, ["Baishui Delta Greenway Plan", "白水港开放计划", "Yan Shouyi"])
    assert got == [("Baishui Delta Greenway Plan", "白水三角洲绿道计划"),
                   ("白水港开放计划", "Baishui Port Opening Plan")]


def test_one_initiative_across_languages_through_evidence_in_one_release() -> None:
    en_text = 'The meeting studied the "Baishui Delta Greenway Plan" (白水三角洲绿道计划).'
    xs = [rel("en-1", "2024-01-01", [], text=en_text, initiatives=["Baishui Delta Greenway Plan"]),
          rel("zh-2", "2024-02-01", [], text="会议研究了白水三角洲绿道计划。",
              initiatives=["白水三角洲绿道计划"], lang="zh")]
    ident = link(xs)
    a, b = ident.initiative("Baishui Delta Greenway Plan"), ident.initiative("“白水三角洲绿道计划”")
    assert a.local == b.local == "baishui-delta-greenway-plan"
    assert (b.en, b.zh) == ("Baishui Delta Greenway Plan", "白水三角洲绿道计划")
    # without the evidence the two forms stay two
    assert link(xs[1:]).initiative("白水三角洲绿道计划").local != a.local


def test_one_initiative_across_languages_through_the_alias_table(xiyuan) -> None:
    ident = link([])
    for zh, en in [("澜河生态廊道工程", "Lanhe River Ecological Corridor Project"),
                   ("青山英才汇聚计划", "Qingshan Talent Gathering Plan"),
                   ("一带一路", "Belt and Road Initiative")]:
        assert ident.initiative(zh).local == ident.initiative(en).local


def test_link_stream_gives_back_every_extraction_in_order() -> None:
    xs = [rel(f"en-{i}", "2024-01-01", [p("Lin Haoran", SEC_QS)]) for i in range(5)]
    ident, back = link_stream(iter(xs))
    got = list(back)
    assert [x.release.id for x in got] == [x.release.id for x in xs]
    assert ident.person("en-3", "Lin Haoran")[0] == "lin-haoran--qingshan"


def test_well_known_officials_keep_their_fixed_iri() -> None:
    xs = [rel("zh-1", "2024-01-01", [p("习近平", ("总书记", "中共中央"))], lang="zh"),
          rel("en-2", "2024-01-01", [p("Xi Jinping")], locality="Qingshan")]
    ident = link(xs)
    assert ident.person("zh-1", "习近平")[0] == ident.person("en-2", "Xi Jinping")[0] == "xi-jinping--china"


def test_a_step_down_from_a_city_to_a_county_elsewhere_is_a_homonym() -> None:
    county = ("Secretary", "CPC Baishui County Committee")
    xs = [rel("en-1", "2024-03-05", [p("Lin Haoran", SEC_QS)]),
          rel("en-2", "2024-05-10", [p("Lin Haoran", county)])]
    assert link(xs).person("en-2", "Lin Haoran")[0] == "lin-haoran--baishui"
    # the other way round (a county secretary promoted to a city elsewhere) is one career
    xs = [rel("en-1", "2024-03-05", [p("Lin Haoran", county)]),
          rel("en-2", "2024-05-10", [p("Lin Haoran", SEC_QS)])]
    assert link(xs).person("en-2", "Lin Haoran")[0] == "lin-haoran--baishui"
