"""Invented releases about one post held in turn (no real release text): the invented city of Qichuan
(栖川), its Mayor Gao Ming (高明) until 2022, then Fan Qing (樊青), Vice Mayor in 2022 and appointed Mayor
in 2023; Xu Lan (许兰), Secretary of the CPC Qichuan Municipal Committee throughout.

The answers the tenure queries must give (tests/test_queries_tenure.py):
- Mayor of Qichuan on 2022-01-01: Gao Ming (attested 2021-03-02 .. 2022-06-10); on 2023-06-01: Fan Qing
  (appointed 2023-01-15); on 2020-01-01: nobody.
- the Mayor's succession: Gao Ming, then Fan Qing; Gao Ming is "former" (原) by 2023-09-08.
- served together in Qichuan Municipal People's Government: Gao Ming (Mayor) and Fan Qing (Vice Mayor),
  2022-06-10.
"""

from __future__ import annotations

from kg.model import Event, Extraction, Person, Post, Release, Span

GOV = "Qichuan Municipal People's Government"
CPC = "CPC Qichuan Municipal Committee"
GOV_ZH = "栖川市人民政府"
SECRETARY = "Secretary of the CPC Qichuan Municipal Committee"


def _span(text: str, s: str) -> Span:
    i = text.index(s)
    return (i, i + len(s))


def _post(text: str, role: str, body: str, title: str) -> Post:
    return Post(role, body, span=_span(text, title))


def _x(rid: str, day: str, text: str, persons: list[Person], events: list[Event],
       lang: str = "en") -> Extraction:
    return Extraction(Release(id=rid, text=text, published=day, language=lang), lang, persons=persons,
                      events=events, locality="Qichuan")


def releases() -> list[Extraction]:
    t1 = ("Qichuan, March 2, 2021 - Gao Ming, Mayor of Qichuan, attended the Qichuan Spring Trade Fair "
          "in Qichuan on March 1.")
    t2 = ("Qichuan, June 10, 2022 - Gao Ming, Mayor of Qichuan, presided over the 9th Executive Meeting of "
          "the Qichuan Municipal People's Government. Fan Qing, Vice Mayor of Qichuan, attended. Xu Lan, "
          "Secretary of the CPC Qichuan Municipal Committee, spoke.")
    t3 = ("Qichuan, January 15, 2023 - Fan Qing was appointed Mayor of Qichuan at a session of the city "
          "congress.")
    t4 = "2023年9月8日，栖川市市长樊青在栖川会见原栖川市市长高明。"
    t5 = ("Qichuan, May 20, 2024 - Fan Qing, Mayor of Qichuan, and Xu Lan, Secretary of the CPC Qichuan "
          "Municipal Committee, met a business delegation in Qichuan.")
    return [
        _x("en-qichuan-20210302-fair", "2021-03-02", t1,
           [Person("Gao Ming", [_post(t1, "Mayor", GOV, "Mayor of Qichuan")], [_span(t1, "Gao Ming")])],
           [Event("Qichuan Spring Trade Fair", "2021-03-01", None, [], ["Gao Ming"], kind="fair")]),
        _x("en-qichuan-20220610-exec-9", "2022-06-10", t2,
           [Person("Gao Ming", [_post(t2, "Mayor", GOV, "Mayor of Qichuan")], [_span(t2, "Gao Ming")]),
            Person("Fan Qing", [_post(t2, "Vice Mayor", GOV, "Vice Mayor of Qichuan")],
                   [_span(t2, "Fan Qing")]),
            Person("Xu Lan", [_post(t2, "Secretary", CPC, SECRETARY)],
                   [_span(t2, "Xu Lan")])],
           [Event("9th Executive Meeting of the Qichuan Municipal People's Government", "2022-06-10", GOV,
                  ["Gao Ming"], ["Fan Qing", "Xu Lan"], kind="meeting")]),
        _x("en-qichuan-20230115-appointment", "2023-01-15", t3,
           [Person("Fan Qing", [_post(t3, "Mayor", GOV, "Mayor of Qichuan")], [_span(t3, "Fan Qing")])], []),
        _x("zh-qichuan-20230908-huijian", "2023-09-08", t4,
           [Person("樊青", [_post(t4, "市长", GOV_ZH, "栖川市市长")], [_span(t4, "樊青")]),
            Person("高明", [Post("市长", GOV_ZH, span=(t4.index("原") + 1, t4.index("高明")))],
                   [_span(t4, "高明")])],
           [Event("樊青会见高明", "2023-09-08", None, ["樊青"], ["高明"], kind="meeting")], lang="zh"),
        _x("en-qichuan-20240520-delegation", "2024-05-20", t5,
           [Person("Fan Qing", [_post(t5, "Mayor", GOV, "Mayor of Qichuan")], [_span(t5, "Fan Qing")]),
            Person("Xu Lan", [_post(t5, "Secretary", CPC, SECRETARY)],
                   [_span(t5, "Xu Lan")])],
           [Event("Meeting with a business delegation", "2024-05-20", None, ["Fan Qing"], ["Xu Lan"],
                  kind="meeting")]),
    ]
