"""Identity across separate ingests (kg ingest run twice into one store): the batch linker's decisions
extended to what is already stored, on invented releases (no real release text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.store import Store

QICHUAN = ("Qichuan, March 10, 2023 - Gao Ming, Secretary of the CPC Qichuan Municipal Committee, "
           "presided over the 5th Meeting of the Standing Committee of the CPC Qichuan Municipal Committee "
           "on March 9.")
MINGTAI = ("Mingtai, June 12, 2024 - Gao Ming, Secretary of the CPC Mingtai Municipal Committee, "
           "presided over the 8th Meeting of the Standing Committee of the CPC Mingtai Municipal Committee "
           "on June 11.")
ATTENDED = ("Mingtai, July 2, 2024 - The Mingtai Investment Fair opened on July 1. Gao Ming and Wu Lei "
            "attended the opening ceremony.")


def fengyuan(day: int) -> str:
    return (f"Fengyuan, June {day}, 2024 - Gao Ming, Secretary of the CPC Fengyuan Municipal Committee, "
            f"presided over a meeting of the Standing Committee of the CPC Fengyuan Municipal Committee on "
            f"June {day - 1}.")


def ingest(store: Path, tmp: Path, **releases: str) -> None:
    for name, text in releases.items():
        (tmp / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    assert main(["ingest", *(str(tmp / f"{n}.txt") for n in releases), "--store", str(store)]) == 0


def persons(store: Path) -> dict[str, tuple[str, set[str]]]:
    """release id -> (Gao Ming's IRI in that release's graph, its owl:sameAs)."""
    q = """SELECT ?id ?p ?same WHERE { GRAPH ?g { ?g kgo:releaseId ?id . ?p a schema:Person ; foaf:name ?n .
             FILTER (STR(?n) = "Gao Ming") OPTIONAL { ?p owl:sameAs ?same } } }"""
    out: dict[str, tuple[str, set[str]]] = {}
    with Store(store, read_only=True) as s:
        for row in s.query(q):
            rid, p, same = (None if v is None else str(v) for v in row)
            out.setdefault(rid, (p, set()))[1].update({same} if same else set())
    return out


@pytest.mark.parametrize("first, second", [("qichuan", "mingtai"), ("mingtai", "qichuan")])
def test_a_transfer_ingested_in_two_runs_is_one_person(tmp_path: Path, first: str, second: str) -> None:
    texts = {"en-qichuan-20230310-sc-5": QICHUAN, "en-mingtai-20240612-sc-8": MINGTAI}
    by = {k.split("-")[1]: k for k in texts}
    store = tmp_path / "store"
    ingest(store, tmp_path, **{by[first]: texts[by[first]]})
    ingest(store, tmp_path, **{by[second]: texts[by[second]]})
    got = persons(store)
    iris = {p for p, _ in got.values()}
    assert len(iris) == 1, got  # one node in both release graphs, whichever came first
    # the IRI of the first run is kept: the second run's own reading is its owl:sameAs
    stored = f"https://w3id.org/kg/id/person/gao-ming--{first}"
    assert iris == {stored}
    assert got[by[second]][1] == {f"https://w3id.org/kg/id/person/gao-ming--{second}"}


def test_a_name_without_post_stored_first_gets_a_same_as(tmp_path: Path) -> None:
    store = tmp_path / "store"
    ingest(store, tmp_path, **{"en-mingtai-20240702-fair": ATTENDED})
    ingest(store, tmp_path, **{"en-mingtai-20240612-sc-8": MINGTAI})
    got = persons(store)
    assert got["en-mingtai-20240702-fair"][0] == "https://w3id.org/kg/id/person/gao-ming"
    assert got["en-mingtai-20240612-sc-8"] == ("https://w3id.org/kg/id/person/gao-ming--mingtai",
                                               {"https://w3id.org/kg/id/person/gao-ming"})


def test_homonyms_at_the_same_time_stay_two_across_runs(tmp_path: Path) -> None:
    store = tmp_path / "store"
    ingest(store, tmp_path, **{"en-mingtai-20240612-sc-8": MINGTAI})
    ingest(store, tmp_path, **{"en-fengyuan-20240601-sc": fengyuan(1),
                               "en-fengyuan-20240630-sc": fengyuan(30)})
    got = persons(store)
    assert got["en-mingtai-20240612-sc-8"][0].endswith("gao-ming--mingtai")
    for rid in ("en-fengyuan-20240601-sc", "en-fengyuan-20240630-sc"):
        p, same = got[rid]
        assert p.endswith("gao-ming--fengyuan") and not any("mingtai" in s for s in same)
