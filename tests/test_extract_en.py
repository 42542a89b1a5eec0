"""The English release parser on invented sentences in the genre (names, places and bodies are made up)."""

from __future__ import annotations

from extraction import person, posts, run_text

from kg.extract.en.dates import DATE_RE, parse_ref, resolve
from kg.extract.en.names import find_mentions, syllable_count
from kg.model import Extraction


def run(text: str, published: str | None = "2023-05-12", hint: str | None = None) -> Extraction:
    return run_text(text, "en", published=published, hint=hint)




CHAIN = (
    "Bai Wenlong, Member of the Standing Committee of the CPC Hebing Provincial Committee and Secretary of "
    "the CPC Qinghe Municipal Committee, presided over the 3rd Meeting of the CPC Qinghe Municipal Foreign "
    "Affairs Working Committee held on March 4, 2023. Zhou Lanping, Mayor of Qinghe City, attended the "
    "meeting. "
    "The meeting called for implementing the 14th Five-Year Plan and the “Green Harbour” Initiative."
)


def test_appositive_chain_gives_two_posts_and_spans() -> None:
    x = run(CHAIN)
    assert posts(x, "Bai Wenlong") == {
        ("Member", "Standing Committee of the CPC Hebing Provincial Committee"),
        ("Secretary", "CPC Qinghe Municipal Committee"),
    }
    assert ("Mayor", "Qinghe City") in posts(x, "Zhou Lanping")
    p = person(x, "Bai Wenlong")
    s, e = p.spans[0]
    assert x.release.text[s:e] == "Bai Wenlong"
    for post in p.posts:
        assert post.span and x.release.text[post.span[0] : post.span[1]] in {"Member", "Secretary"}


def test_presided_attended_date_body_and_initiatives() -> None:
    x = run(CHAIN)
    [ev] = x.events
    assert ev.presided_by == ["Bai Wenlong"]
    assert ev.attended_by == ["Zhou Lanping"]
    assert ev.date == "2023-03-04"
    assert ev.body == "CPC Qinghe Municipal Foreign Affairs Working Committee"
    names = {i.name for i in x.initiatives}
    assert {"14th Five-Year Plan", "Green Harbour Initiative"} <= names
    assert set(ev.initiatives) == names
    s, e = ev.role_spans["presided:Bai Wenlong"]
    assert x.release.text[s:e] == "Bai Wenlong"
    for i in x.initiatives:
        s, e = i.spans[0]
        assert x.release.text[s:e].replace("“", "").replace("”", "") == i.name
    assert x.locality == "Qinghe"


def test_prenominal_titles_lists_and_generic_descriptors() -> None:
    text = (
        "Songling City News: On the morning of April 3, the Standing Committee of the Songling Municipal "
        "Party Committee held a meeting. Municipal Party Committee Secretary Tang Mingyuan presided over the "
        "meeting, Municipal Party Committee Deputy Secretary and Mayor Gao Ruiqi, city leaders Lin Xiaodong, "
        "Ma Tiesheng attended."
    )
    x = run(text)
    assert posts(x, "Tang Mingyuan") == {("Secretary", "CPC Songling Municipal Committee")}
    assert posts(x, "Gao Ruiqi") == {
        ("Deputy Secretary", "CPC Songling Municipal Committee"),
        ("Mayor", "Songling Municipal People's Government"),
    }
    # "city leaders" is no post
    assert posts(x, "Lin Xiaodong") == set()
    assert posts(x, "Ma Tiesheng") == set()
    [ev] = x.events
    assert ev.presided_by == ["Tang Mingyuan"]
    assert set(ev.attended_by) == {"Gao Ruiqi", "Lin Xiaodong", "Ma Tiesheng"}
    assert ev.date == "2023-04-03"
    assert ev.body == "Standing Committee of the CPC Songling Municipal Committee"


def test_shared_title_distributes_over_list_both_ways() -> None:
    text = (
        "Vice Chairmen of the CPPCC Dongyu Municipal Committee Fan Jiaming, Qiu Xiaoyan and Shen Guoliang "
        "attended. "
        "Wei Haotian, Kong Dexin and Lu Yuhua, members of the Standing Committee of the CPC Dongyu Municipal "
        "Committee, were present."
    )
    x = run(text)
    for n in ("Fan Jiaming", "Qiu Xiaoyan", "Shen Guoliang"):
        assert posts(x, n) == {("Vice Chairman", "CPPCC Dongyu Municipal Committee")}, n
    for n in ("Wei Haotian", "Kong Dexin", "Lu Yuhua"):
        assert posts(x, n) == {("Member", "Standing Committee of the CPC Dongyu Municipal Committee")}, n


def test_singular_title_does_not_spread_over_bare_and() -> None:
    x = run("Vice Mayor Ding Yaqin and Pan Shiwei attended the signing ceremony in Hualin City.")
    assert ("Vice Mayor", "Hualin Municipal People's Government") in posts(x, "Ding Yaqin")
    assert posts(x, "Pan Shiwei") == set()


def test_implicit_body_qualified_with_locality_and_text_form_kept() -> None:
    x = run(
        "The Yuelan Municipal People's Government held a meeting. Wang Xiaobo, secretary of the municipal "
        "party committee, chaired the meeting on Friday."
    )
    [post] = person(x, "Wang Xiaobo").posts
    assert post.body == "CPC Yuelan Municipal Committee"
    assert post.body_text == "Municipal Party Committee"
    assert x.events[0].date == "2023-05-12"  # Friday on or before Friday 2023-05-12
    assert x.events[0].presided_by == ["Wang Xiaobo"]


def test_met_with_both_sides_and_foreign_names_with_titles() -> None:
    text = (
        "Yesterday, Secretary of the CPC Lanshan Municipal Committee Zheng Yuhang met with Ambassador of "
        "Norland to China Erik Sandvold and Consul General of Norland in Shanghai Maria Lindqvist. "
        "Sandvold said Norland is willing to expand cooperation."
    )
    x = run(text, published="2023-06-02")
    assert posts(x, "Erik Sandvold") == {("Ambassador", "Norland")}
    assert ("Secretary", "CPC Lanshan Municipal Committee") in posts(x, "Zheng Yuhang")
    [ev] = x.events
    assert set(ev.attended_by) == {"Zheng Yuhang", "Erik Sandvold", "Maria Lindqvist"}
    assert ev.presided_by == []
    assert ev.date == "2023-06-01"


def test_passive_chairing_and_speakers() -> None:
    text = (
        "The plenary session, chaired by Qian Junhui, heard a report. Du Mingxia delivered a speech at the "
        "session. Qian Junhui stressed that reform must go on."
    )
    x = run(text)
    [ev] = x.events
    assert ev.presided_by == ["Qian Junhui"]
    assert ev.attended_by == ["Du Mingxia"]


def test_names_versus_titles_places_and_bylines() -> None:
    text = (
        "Hong Kong delegates visited Mayor Yan Dehai in Changping District. Li demanded faster work. "
        "(Xinhua/Zhao Minghui) Editor: Sun Qiang"
    )
    names = [m.name for m in find_mentions(text)]
    assert names == ["Yan Dehai"]
    assert syllable_count("Zhiliang") == 2
    assert syllable_count("Xin’e") == 2
    assert syllable_count("Burns") == 0


def test_lowercase_machine_translation_names_are_capitalized() -> None:
    x = run(
        "County people's congress standing committee director huang dalin, deputy director xiong ping, "
        "wu jianfei attended the meeting."
    )
    names = {p.name for p in x.persons}
    assert {"Huang Dalin", "Xiong Ping", "Wu Jianfei"} <= names
    assert posts(x, "Xiong Ping") == posts(x, "Wu Jianfei")
    assert {r for r, _b in posts(x, "Xiong Ping")} == {"Deputy Director"}


def test_page_furniture_is_not_read() -> None:
    text = (
        "Home > News\nDate: 2024-02-01\nSource: Foreign Affairs Office of Qinghe City\n"
        "【Fonts: A+ A A- Print\n\n"
        "On January 30, Mayor Liu Chengzhi attended the forum."
    )
    x = run(text, published="2024-02-01")
    assert [p.name for p in x.persons] == ["Liu Chengzhi"]
    assert x.events[0].date == "2024-01-30"


def test_date_resolution_year_inference() -> None:
    def one(s: str, ref: str) -> str | None:
        m = DATE_RE.search(s)
        assert m
        d = resolve(m, parse_ref(ref))
        return d.isoformat() if d else None

    assert one("On the morning of December 28", "2022-01-03") == "2021-12-28"
    assert one("on September 2, 2021", "2021-09-07") == "2021-09-02"
    assert one("BEIJING, Oct. 16", "2020-10-17") == "2020-10-16"
    assert one("on Friday", "2022-10-29") == "2022-10-28"
    assert one("yesterday", "2007-11-29") == "2007-11-28"
    assert one("On January 5th", "2020-01-06") == "2020-01-05"
    assert one("on Friday", "") is None


def test_generic_phrases_are_not_initiatives_but_quoted_names_are() -> None:
    x = run(
        "The meeting called for high-quality development, rural revitalization and the “Clear Water” "
        "campaign."
    )
    names = {i.name for i in x.initiatives}
    assert "Clear Water" in names
    assert not any("revitalization" in n.lower() or "high-quality" in n.lower() for n in names)


def test_deterministic_output() -> None:
    a = run(CHAIN).to_json(spans=True)
    b = run(CHAIN).to_json(spans=True)
    assert a == b


def test_a_new_dated_paragraph_starts_a_second_event() -> None:
    text = (
        "From May 3 to 4, a delegation of Hebing Province led by Yao Shengli, Secretary of the CPC Hebing "
        "Provincial Committee, made an inspection trip to Qinghe. Ren Xiaolu, Mayor of Qinghe, accompanied "
        "the delegation.\n\nOn the afternoon of May 4, Yao Shengli presided over a symposium in Qinghe. "
        "Ren Xiaolu attended the symposium."
    )
    x = run(text, published="2023-05-06")
    assert [e.date for e in x.events] == ["2023-05-03", "2023-05-04"]
    first, second = x.events
    assert set(first.attended_by) == {"Yao Shengli", "Ren Xiaolu"}
    assert second.presided_by == ["Yao Shengli"]
    assert second.attended_by == ["Ren Xiaolu"]


def test_as_a_member_title_on_a_surname_reference() -> None:
    text = (
        "Foreign Minister Tang Weiming met with Ambassador of Norland to China Erik Sandvold on Monday. "
        "As a member of the Political Bureau of the CPC Central Committee, Tang also briefed Sandvold."
    )
    x = run(text)
    assert ("Member", "Political Bureau of the CPC Central Committee") in posts(x, "Tang Weiming")
    assert ("Foreign Minister", "Ministry of Foreign Affairs") in posts(x, "Tang Weiming")
    names = {b.name for b in x.bodies}
    assert {"Political Bureau of the CPC Central Committee", "CPC Central Committee"} <= names


def test_acronyms_bodies_and_minister_of() -> None:
    text = (
        "The Standing Committee of the National People's Congress (NPC) held a meeting. Qi Hongtao, chairman "
        "of the NPC Legal Affairs Committee, attended. Norland Deputy Minister of Trade Ola Berg and the "
        "Qinghe Municipal Bureau of Commerce and the Qinghe Development and Reform Commission took part."
    )
    x = run(text)
    assert posts(x, "Qi Hongtao") == {("Chairman", "National People's Congress Legal Affairs Committee")}
    names = {b.name for b in x.bodies}
    assert "Qinghe Municipal Bureau of Commerce" in names
    assert "Qinghe Development and Reform Commission" in names
    assert "Standing Committee of the National People's Congress" in names
    for b in x.bodies:
        assert b.spans, b.name
