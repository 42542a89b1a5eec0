"""The named queries of ontology/queries/ on a small hand-built store, and result writing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fixtures.rdf_fixtures import small_extractions

from kg.rdf.build import release_graph
from kg.store import Store
from kg.store.queries import QueryNotFound, named_queries, resolve_query, set_values, write_result


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("q") / "store"
    with Store(path) as s:
        for x in small_extractions():
            s.replace_graph(*release_graph(x))
    with Store(path, read_only=True) as s:
        yield s


def rows(store: Store, name: str, *cols: str) -> list[tuple]:
    return [
        tuple(None if r[c] is None else str(r[c]) for c in cols) for r in store.query(resolve_query(name))
    ]


def test_named_queries_are_documented() -> None:
    names = named_queries()
    for required in (
        "presided",
        "co-attendance",
        "posts-of-person",
        "initiative-endorsers",
        "events-of-body",
        "career-track",
    ):
        assert required in names
    for path in names.values():
        header = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
        assert len(header) >= 2, path


def test_presided(store: Store) -> None:
    assert rows(store, "presided", "person_name", "person_zh", "date", "body_name", "releases") == [
        ("Lin Haoran", None, "2024-05-09", "CPC Baishui County Committee", "1"),
        (
            "Lin Haoran",
            "林浩然",
            "2024-03-04",
            "CPC Qingshan Municipal Foreign Affairs Working Committee",
            "2",
        ),
    ]


def test_co_attendance(store: Store) -> None:
    got = sorted(rows(store, "co-attendance", "a_name", "b_name", "events"))
    assert got == [
        ("Lin Haoran", "Shan Lei", "1"),
        ("Lin Haoran", "Zhou Min", "1"),
        ("Shan Lei", "Zhou Min", "1"),
    ]


def test_posts_of_person_all_and_filtered(store: Store) -> None:
    all_rows = rows(
        store, "posts-of-person", "person_name", "role_name", "body_name", "first_seen", "last_seen"
    )
    assert (
        "Zhou Min",
        "Mayor",
        "Qingshan Municipal People's Government",
        "2024-03-05",
        "2024-03-06",
    ) in all_rows
    assert len(all_rows) == 5
    q = set_values(resolve_query("posts-of-person"), "wanted", ["林浩然"])
    got = sorted(tuple(str(r[c]) for c in ("person", "body_name")) for r in store.query(q))
    assert got == [("https://w3id.org/kg/id/person/lin-haoran--qingshan", "CPC Qingshan Municipal Committee")]
    q = resolve_query("posts-of-person").replace('VALUES ?wanted { "" }', 'VALUES ?wanted { "lin haoran" }')
    assert len(list(store.query(q))) == 2  # both homonyms, told apart by their IRIs


def test_initiative_endorsers(store: Store) -> None:
    assert rows(store, "initiative-endorsers", "initiative_name", "body_name", "events") == [
        ("14th Five-Year Plan", "CPC Baishui County Committee", "1"),
        ("Belt and Road Initiative", "CPC Qingshan Municipal Foreign Affairs Working Committee", "1"),
        ("Xi Jinping Thought on Diplomacy", "CPC Qingshan Municipal Foreign Affairs Working Committee", "1"),
    ]


def test_events_of_body(store: Store) -> None:
    got = rows(store, "events-of-body", "body_name", "date", "presided_by", "attendees")
    assert got == [
        ("CPC Baishui County Committee", "2024-05-09", "Lin Haoran", "0"),
        ("CPC Qingshan Municipal Foreign Affairs Working Committee", "2024-03-04", "Lin Haoran", "2"),
    ]
    q = resolve_query("events-of-body").replace(
        'VALUES ?wanted { "" }', 'VALUES ?wanted { "中共青山市委外事工作委员会" }'
    )
    assert len(list(store.query(q))) == 1


def test_career_track(store: Store) -> None:
    got = rows(store, "career-track", "person_name", "asOf", "role_name", "release")
    assert got[:3] == [
        ("Lin Haoran", "2024-05-10", "Secretary", "en-baishui-20240510-plenary"),
        ("Lin Haoran", "2024-03-05", "Secretary", "en-qingshan-20240305-fawc3"),
        ("Lin Haoran", "2024-03-06", "Secretary", "zh-qingshan-20240306-wsw3"),
    ]
    assert len(got) == 7


def test_summary_and_evidence_run(store: Store) -> None:
    counts = {
        str(r["class"]).rsplit("/", 1)[-1].rsplit("#", 1)[-1]: int(r["count"])
        for r in store.query(resolve_query("summary"))
    }
    assert counts["Person"] == 4 and counts["Event"] == 2 and counts["NewsArticle"] == 3
    assert len(list(store.query(resolve_query("evidence-of")))) > 10


def test_resolve_query_forms(tmp_path: Path) -> None:
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }").startswith("SELECT")
    assert resolve_query("# c\nprefix x: <urn:x>\nASK {}").startswith("# c")
    f = tmp_path / "mine.rq"
    f.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(f)) == "ASK { ?s ?p ?o }"
    assert "co-attendance" in resolve_query("co-attendance")
    assert resolve_query("presided.rq") == resolve_query("presided")
    with pytest.raises(QueryNotFound, match="presided"):
        resolve_query("no-such-query")
    with pytest.raises(QueryNotFound, match="no such query file"):
        resolve_query(str(tmp_path / "missing.rq"))


def test_write_result_formats(store: Store) -> None:
    r = store.query(resolve_query("presided"))
    out = io.StringIO()
    write_result(r, "table", out)
    table = out.getvalue().splitlines()
    assert table[0].split()[:2] == ["person_name", "person_zh"]  # IRI columns with a _name twin hidden
    assert "https://" not in out.getvalue()
    assert table[-1] == "(2 rows)"
    out = io.StringIO()
    write_result(r, "csv", out)
    parsed = list(csv.reader(io.StringIO(out.getvalue())))
    assert parsed[0][0] == "person" and parsed[1][0].startswith("https://w3id.org/kg/id/person/")
    out = io.StringIO()
    write_result(r, "json", out)
    doc = json.loads(out.getvalue())
    assert doc["head"]["vars"][0] == "person"
    b = doc["results"]["bindings"][1]
    assert b["person"]["type"] == "uri" and b["person_zh"] == {
        "type": "literal",
        "value": "林浩然",
        "xml:lang": "zh",
    }
    assert b["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    out = io.StringIO()
    write_result(store.query("ASK { ?s a schema:Person }"), "json", out)
    assert json.loads(out.getvalue()) == {"head": {}, "boolean": True}


def test_set_values_quotes_safely(store: Store) -> None:
    q = set_values(resolve_query("posts-of-person"), "wanted", ['x" } ; DROP ALL ; #', "Zhou Min"])
    got = {str(r["person_name"]) for r in store.query(q)}
    assert got == {"Zhou Min"}
    with pytest.raises(ValueError):
        set_values("SELECT * {}", "wanted", ["a"])
