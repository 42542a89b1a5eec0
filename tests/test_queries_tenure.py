"""Tenures as W3C ORG memberships with OWL-Time intervals, and the named queries over them (tenures,
holder-on-date, succession, served-together), on invented releases with known answers (tests/tenures.py)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, TIME, XSD
from tenures import releases

from kg.export.validate import validate_graph
from kg.rdf.build import build_dataset
from kg.rdf.vocab import ENDED_BY, ID, ORG
from kg.resolve.tenure import tenure_of
from kg.store import Store
from kg.store.queries import resolve_query, set_values

MAYOR = "Mayor, Qichuan Municipal People's Government"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("tenure") / "store"
    ds = build_dataset(releases())
    with Store(path) as s:
        for g in ds.graphs():
            if len(g):
                s.replace_graph(g.identifier, g)
    with Store(path, read_only=True) as s:
        yield s


def run(store: Store, name: str, cols: tuple[str, ...], **values: str) -> list[tuple[str | None, ...]]:
    q = resolve_query(name)
    for var, value in values.items():
        q = set_values(q, var, [value])
    return [tuple(None if r[c] is None else str(r[c]) for c in cols) for r in store.query(q)]


def merged() -> Graph:
    g = Graph()
    for ctx in build_dataset(releases()).graphs():
        for t in ctx:
            g.add(t)
    return g


def test_one_post_shared_by_successive_holders() -> None:
    g = merged()
    post = ID["post/mayor--qichuan-municipal-people-s-government"]
    holders = {ID["person/gao-ming--qichuan"], ID["person/fan-qing--qichuan"]}
    assert set(g.objects(post, ORG.heldBy)) == holders
    assert len(set(g.subjects(RDF.type, ORG.Post))) == 3  # Mayor, Vice Mayor, Secretary
    memberships = set(g.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 4 and all(not str(m).startswith("_:") for m in memberships)


def test_interval_reads_appointment_and_former() -> None:
    g = merged()
    fan = ID["membership/fan-qing--qichuan/mayor--qichuan-municipal-people-s-government/interval"]
    [begin] = g.objects(fan, TIME.hasBeginning)
    assert begin == ID["instant/2023-01-15"] and (begin, RDF.type, TIME.Instant) in g
    assert g.value(begin, TIME.inXSDDate) == Literal("2023-01-15", datatype=XSD.date)
    gao = ID["membership/gao-ming--qichuan/mayor--qichuan-municipal-people-s-government/interval"]
    assert set(g.objects(gao, ENDED_BY)) == {Literal("2023-09-08", datatype=XSD.date)}  # 原栖川市市长


def test_shapes_pass_and_catch_a_broken_membership() -> None:
    g = merged()
    ok, report = validate_graph(g)
    assert ok, report
    m = ID["membership/fan-qing--qichuan/mayor--qichuan-municipal-people-s-government"]
    g.remove((m, ORG.member, None))
    g.remove((ID["instant/2023-01-15"], TIME.inXSDDate, None))
    ok, report = validate_graph(g)
    assert not ok
    assert "org:member" in report and "time:inXSDDate" in report


def test_tenures(store: Store) -> None:
    cols = ("role_name", "began", "first_attested", "last_attested", "ended", "ended_by")
    assert run(store, "tenures", cols, wanted="Fan Qing") == [
        ("Vice Mayor", None, "2022-06-10", "2022-06-10", None, None),
        ("Mayor", "2023-01-15", "2023-01-15", "2024-05-20", None, None),
    ]
    assert run(store, "tenures", cols, wanted="高明") == [
        ("Mayor", None, "2021-03-02", "2022-06-10", None, "2023-09-08"),
    ]


@pytest.mark.parametrize("day, holders", [
    ("2020-01-01", []),
    ("2022-01-01", [("Gao Ming", "attested")]),
    ("2023-06-01", [("Fan Qing", "attested")]),
    ("2026-01-01", [("Fan Qing", "appointed")]),  # appointed in 2023, no end or successor reported
])
def test_holder_on_date(store: Store, day: str, holders: list[tuple[str, str]]) -> None:
    assert run(store, "holder-on-date", ("person_name", "basis"), post=MAYOR, on=day) == holders
    zh = "栖川市人民政府市长"
    assert run(store, "holder-on-date", ("person_name", "basis"), post=zh, on=day) == holders


def test_succession(store: Store) -> None:
    cols = ("person_name", "first", "last", "ended_by", "predecessors", "successors")
    assert run(store, "succession", cols, wanted=MAYOR) == [
        ("Gao Ming", "2021-03-02", "2022-06-10", "2023-09-08", None, "Fan Qing"),
        ("Fan Qing", "2023-01-15", "2024-05-20", None, "Gao Ming", None),
    ]


def test_served_together(store: Store) -> None:
    cols = ("body_name", "a_name", "a_role", "b_name", "b_role", "from", "to")
    assert run(store, "served-together", cols) == [
        ("Qichuan Municipal People's Government", "Fan Qing", "Vice Mayor", "Gao Ming", "Mayor",
         "2022-06-10", "2022-06-10"),
    ]
    assert run(store, "served-together", cols, body="CPC Qichuan Municipal Committee") == []


@pytest.mark.parametrize("lang, text, title, kind", [
    ("en", "Wang Tao was appointed Mayor of Qingshan.", "Mayor of Qingshan", "start"),
    ("en", "He met former Mayor of Qingshan Zhou.", "Mayor of Qingshan", "former"),
    ("en", "He met the then Mayor of Qingshan.", "Mayor of Qingshan", "then"),
    ("en", "Chen retired as Director of the Bureau.", "Director of the Bureau", "end"),
    ("en", "Li Ming, Mayor of Qingshan, spoke.", "Mayor of Qingshan", None),
    ("en", "He was reappointed Mayor of Qingshan.", "Mayor of Qingshan", None),  # a whole word only
    ("zh", "会见原青山市市长周文博", "青山市市长", "former"),
    ("zh", "时任青山市副市长王涛参加", "青山市副市长", "then"),
    ("zh", "会议决定任命陈刚为青山市商务局局长", "青山市商务局局长", "start"),
    ("zh", "免去赵强的青山市商务局局长职务", "青山市商务局局长", "end"),
    ("zh", "青山市市长周文博出席", "青山市市长", None),
])
def test_tenure_cues(lang: str, text: str, title: str, kind: str | None) -> None:
    i = text.index(title)
    assert tenure_of(text, (i, i + len(title)), lang) == kind
