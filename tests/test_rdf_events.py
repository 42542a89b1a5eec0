"""Event names that are names (not whole sentences, no numbered duplicates) and schema:location, on
invented releases."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.model import Event, Extraction, Person, Release
from kg.rdf.build import release_graph
from kg.rdf.vocab import ID, SDO
from kg.resolve.events import is_sentence, place_of, short_name


def _zh() -> Extraction:
    text = "5月19日，青山市委书记李明在北京人民大会堂会见原青山市市长周文博。时任青山市副市长王涛参加会见。"
    name = text[:text.index("。") + 1]
    return Extraction(Release(id="zh-t-huijian", text=text, published="2025-05-20", language="zh"), "zh",
                      persons=[Person("李明"), Person("周文博"), Person("王涛")],
                      events=[Event(name, "2025-05-19", None, [], ["李明", "周文博", "王涛"],
                                    span=(0, text.index("。") + 1))], locality="青山")


def _en() -> Extraction:
    text = ("Qingshan, April 12, 2024 - Lin Haoran met Henrik Aasland, Ambassador of Norway to China, in "
            "Beijing on April 11. The two sides held talks.")
    head = "Lin Haoran Meets with Ambassador of Norway to China"
    evs = [Event(head, "2024-04-11", None, [], ["Lin Haoran", "Henrik Aasland"], span=(27, 94)),
           Event(f"{head} (2)", "2024-04-11", None, [], ["Lin Haoran"],
                 span=(text.index("The two"), len(text)))]
    return Extraction(Release(id="en-t-norway", text=text, published="2024-04-12", language="en"), "en",
                      persons=[Person("Lin Haoran"), Person("Henrik Aasland")], events=evs,
                      locality="Qingshan")


def test_chinese_sentence_names_become_short_names_with_their_place() -> None:
    _, g = release_graph(_zh())
    [event] = g.subjects(RDF.type, SDO.Event)
    assert str(g.value(event, SDO.name)) == "李明会见周文博"  # 王涛 took part but was not met
    place = g.value(event, SDO.location)
    assert place == ID["place/bei-jing-ren-min-da-hui-tang"] and (place, RDF.type, SDO.Place) in g
    assert Literal("北京人民大会堂", lang="zh") in set(g.objects(place, RDFS.label))


def test_numbered_duplicates_are_one_event_in_beijing() -> None:
    _, g = release_graph(_en())
    [event] = g.subjects(RDF.type, SDO.Event)
    names = [str(n) for n in g.objects(event, SDO.name)]
    assert names == ["Lin Haoran Meets with Ambassador of Norway to China"]
    assert len(set(g.objects(event, SDO.attendee))) == 2
    place = g.value(event, SDO.location)
    assert place == ID["place/beijing"]  # 在北京 would meet it: the gazetteer gives the English form


def test_names_and_places_are_left_alone_when_unsure() -> None:
    assert not is_sentence("市委常委会会议", "zh") and is_sentence("5月19日，李明主持会议", "zh")
    assert short_name("市委常委会会议", ["李明"], [], "zh") is None
    assert short_name("5月19日，市委常委会召开会议，李明主持。", ["李明"], [], "zh") == "市委常委会召开会议"
    assert place_of("李明在会上强调。", "zh") is None  # 会上 is no place
    assert place_of("He spoke in Parliament on Tuesday.", "en") is None  # not a known place
    assert place_of("会议在北京举行。", "zh") == "北京"
