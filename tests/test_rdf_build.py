"""Building release graphs: cross-language identity, labels, posts, events, provenance on every fact."""

from __future__ import annotations

from fixtures.rdf_fixtures import chinese_release, english_release, homonym_release, small_extractions
from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, PROV, RDF, RDFS, SKOS, TIME, XSD

from kg.model import Event, Extraction, Person, Post, Release
from kg.rdf.build import build_dataset, release_graph
from kg.rdf.iri import selector_iris
from kg.rdf.vocab import AS_OF, END, ENDORSES, EVIDENCE, ID, KGO, OA, ORG, PRESIDED_BY, QUOTE, SDO, START

LIN_QS = ID["person/lin-haoran--qingshan"]


def test_one_person_across_english_and_chinese_with_both_labels() -> None:
    _, en = release_graph(english_release())
    _, zh = release_graph(chinese_release())
    assert (LIN_QS, RDF.type, SDO.Person) in en and (LIN_QS, RDF.type, SDO.Person) in zh
    labels = set(en.objects(LIN_QS, RDFS.label)) | set(zh.objects(LIN_QS, RDFS.label))
    assert Literal("Lin Haoran", lang="en") in labels and Literal("林浩然", lang="zh") in labels


def test_homonyms_in_different_places_stay_apart() -> None:
    _, g = release_graph(homonym_release())
    persons = set(g.subjects(RDF.type, SDO.Person))
    assert persons == {ID["person/lin-haoran--baishui"]}
    assert LIN_QS not in persons


def test_traditional_name_kept_as_alt_label() -> None:
    _, g = release_graph(chinese_release())
    shan = ID["person/shan-lei--qingshan"]
    assert Literal("单磊", lang="zh") in set(g.objects(shan, RDFS.label))
    assert Literal("Shan Lei", lang="en") in set(g.objects(shan, RDFS.label))
    assert Literal("單磊", lang="zh-hant") in set(g.objects(shan, SKOS.altLabel))


def test_posts_bodies_events_initiatives() -> None:
    rel, g = release_graph(chinese_release())
    assert rel == ID["release/zh-qingshan-20240306-wsw3"]
    post = ID["post/secretary--cpc-qingshan-municipal-committee"]  # one post per (role, body)
    body = ID["body/cpc-qingshan-municipal-committee"]
    assert (
        (post, ORG.postIn, body) in g and (post, ORG.heldBy, LIN_QS) in g and (LIN_QS, ORG.holds, post) in g
    )
    assert (post, ORG.role, ID["role/secretary"]) in g
    # the holding: an org:Membership with its time:Interval, attested on the release's date
    m = ID["membership/lin-haoran--qingshan/secretary--cpc-qingshan-municipal-committee"]
    assert (m, RDF.type, ORG.Membership) in g and (m, ORG.member, LIN_QS) in g
    assert (m, ORG.organization, body) in g and (m, ORG.role, ID["role/secretary"]) in g
    assert (m, KGO.post, post) in g
    interval = URIRef(f"{m}/interval")
    assert (m, ORG.memberDuring, interval) in g and (interval, RDF.type, TIME.Interval) in g
    assert (interval, AS_OF, Literal("2024-03-06", datatype=XSD.date)) in g
    assert (post, AS_OF, None) not in g  # a shared post carries no holder's dates
    assert (body, RDF.type, SDO.GovernmentOrganization) in g
    assert Literal("中共青山市委", lang="zh") in set(g.objects(body, RDFS.label))
    assert Literal("CPC Qingshan Municipal Committee", lang="en") in set(g.objects(body, RDFS.label))
    assert Literal("市委", lang="zh") in set(g.objects(body, SKOS.altLabel))  # the text's own form
    [event] = g.subjects(RDF.type, KGO.Meeting)
    assert (event, PRESIDED_BY, LIN_QS) in g
    assert (event, SDO.startDate, Literal("2024-03-04", datatype=XSD.date)) in g
    attendees = set(g.objects(event, SDO.attendee))
    assert attendees == {ID["person/zhou-min--qingshan"], ID["person/shan-lei--qingshan"]}
    bri = ID["initiative/belt-and-road-initiative"]
    fawc = ID["body/cpc-qingshan-municipal-foreign-affairs-working-committee"]
    assert (event, ENDORSES, bri) in g and (fawc, ENDORSES, bri) in g
    assert (fawc, ORG.subOrganizationOf, body) in g
    assert Literal("Belt and Road Initiative", lang="en") in set(g.objects(bri, SKOS.prefLabel))


def test_same_meeting_in_two_languages_is_one_event() -> None:
    _, en = release_graph(english_release())
    _, zh = release_graph(chinese_release())
    assert set(en.subjects(RDF.type, SDO.Event)) == set(zh.subjects(RDF.type, SDO.Event))


def _facts(g):  # every triple that is not a type, release metadata, or provenance (evidence, selectors,
    # the reading activity and its agent) or a day's definition (a time:Instant's date)
    release = next(g.subjects(RDF.type, SDO.NewsArticle))
    meta = set(g.subjects(RDF.type, EVIDENCE))
    for cls in (OA.TextQuoteSelector, OA.TextPositionSelector, PROV.Activity, PROV.SoftwareAgent,
                TIME.Instant):
        meta |= set(g.subjects(RDF.type, cls))
    return [(s, p, o) for s, p, o in g if p != RDF.type and s != release and s not in meta]


def test_every_asserted_triple_has_evidence_with_span_and_quote() -> None:
    for x in small_extractions():
        rel, g = release_graph(x)
        facts = _facts(g)
        assert len(facts) > 20
        for s, p, o in facts:
            evs = [
                e
                for e in g.subjects(RDF.subject, s)
                if (e, RDF.predicate, p) in g and (e, RDF.object, o) in g
            ]
            assert len(evs) == 1, (s, p, o)
            e = evs[0]
            assert (e, PROV.wasDerivedFrom, rel) in g
            start, end = g.value(e, START).toPython(), g.value(e, END).toPython()
            assert 0 <= start < end <= len(x.release.text)
            quote = str(g.value(e, QUOTE))
            assert x.release.text[start:end] in quote
            # the Web Annotation selectors say the same span
            quote_sel, pos = selector_iris(x.release.id, (start, end))
            assert set(g.objects(e, OA.hasSelector)) == {quote_sel, pos} and (e, OA.hasSource, rel) in g
            assert (g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython()) == (start, end)
            exact = str(g.value(quote_sel, OA.exact))
            assert exact == x.release.text[start:end]
            assert g.value(e, PROV.wasGeneratedBy) == next(g.subjects(RDF.type, PROV.Activity))


def test_evidence_iris_are_stable() -> None:
    _, g1 = release_graph(english_release())
    _, g2 = release_graph(english_release())
    assert set(g1.subjects(RDF.type, EVIDENCE)) == set(g2.subjects(RDF.type, EVIDENCE))
    assert set(g1) == set(g2)


def test_spans_missing_are_found_in_text_or_left_out() -> None:
    text = "Wang Qiang, Director of the Qingshan Municipal Bureau of Commerce, met guests."
    x = Extraction(
        Release(id="en-x", text=text),
        "en",
        locality="Qingshan",
        persons=[
            Person("Wang Qiang", [Post("Director", "Qingshan Municipal Bureau of Commerce")]),
            Person("Nobody Here"),
        ],
    )
    _, g = release_graph(x)
    person = ID["person/wang-qiang--qingshan"]
    [ev] = [e for e in g.subjects(RDF.subject, person) if (e, RDF.predicate, RDFS.label) in g]
    assert (g.value(ev, START).toPython(), g.value(ev, END).toPython()) == (0, 10)
    nobody = [e for e in g.subjects(RDF.subject, ID["person/nobody-here"])]
    assert nobody and all(g.value(e, START) is None for e in nobody)


def test_hostile_input_builds_a_valid_graph() -> None:
    evil = '<script>"x"\n😀 ' + "y" * 3000
    x = Extraction(
        Release(
            id='../../etc/passwd "x"',
            text=evil,
            url='javascript:alert("x")',
            title=evil,
            published="not-a-date",
        ),
        "en",
        persons=[Person(evil, [Post(evil, evil)])],
        events=[Event(evil, "2024-13-99", evil, [evil], [evil])],
    )
    rel, g = release_graph(x)
    for s, p, o in g:
        for t in (s, p, o):
            if isinstance(t, URIRef):
                assert all(c not in str(t) for c in '<>" {}|\\^`\n'), t
    data = g.serialize(format="nt")
    from rdflib import Graph

    assert len(Graph().parse(data=data, format="nt")) == len(g)
    assert (rel, SDO.datePublished, None) not in g


def test_foaf_name_and_types() -> None:
    _, g = release_graph(english_release())
    assert (LIN_QS, FOAF.name, Literal("Lin Haoran", lang="en")) in g
    assert (LIN_QS, RDF.type, FOAF.Person) in g


def test_build_dataset_one_graph_per_release() -> None:
    ds = build_dataset(small_extractions())
    names = sorted(str(c.identifier) for c in ds.graphs() if len(c))
    assert names == sorted(str(ID[f"release/{x.release.id}"]) for x in small_extractions())


def test_meeting_type_follows_the_event_kind() -> None:
    text = "Lin Haoran held talks with the visiting delegation. The plenary session opened."
    x = Extraction(
        Release(id="en-kinds", text=text),
        "en",
        locality="Qingshan",
        events=[
            Event(
                "talks with the visiting delegation", "2024-01-02", kind="talks", presided_by=["Lin Haoran"]
            ),
            Event("plenary session", "2024-01-02"),
        ],
    )
    _, g = release_graph(x)
    names = {
        str(g.value(e, SDO.name)): (e, KGO.Meeting) in {(e, t) for t in g.objects(e, RDF.type)}
        for e in g.subjects(RDF.type, SDO.Event)
    }
    assert names == {"talks with the visiting delegation": False, "plenary session": True}


def test_literals_not_read_off_their_span_are_marked() -> None:
    _, g = release_graph(chinese_release())
    en = Literal("Lin Haoran", lang="en")  # romanized from 林浩然: not the span's words
    zh = Literal("林浩然", lang="zh")
    def verbatim(o: Literal) -> bool:
        [e] = [e for e in g.subjects(RDF.object, o) if (e, RDF.predicate, RDFS.label) in g]
        return g.value(e, KGO.verbatim).toPython()
    assert verbatim(zh) is True and verbatim(en) is False


def test_the_reading_is_an_activity_with_version_and_tables_digest() -> None:
    from kg import __version__, knowledge

    rel, g = release_graph(english_release())
    [act] = g.subjects(RDF.type, PROV.Activity)
    assert (act, PROV.used, rel) in g
    assert str(g.value(act, KGO.kgVersion)) == __version__
    assert str(g.value(act, KGO.dataDigest)) == f"sha256:{knowledge.digest()}"
    assert (act, PROV.startedAtTime, None) not in g  # no clock time: exports stay byte-identical
