"""General rules of the English parser, on invented sentences (names, places and bodies are made up)."""

from __future__ import annotations

from extraction import posts, run_text

from kg.extract.en.bodies import find_bodies
from kg.extract.en.names import find_mentions
from kg.model import Extraction


def run(text: str, published: str | None = "2023-05-12") -> Extraction:
    return run_text(text, "en", published=published)



def test_company_and_academy_words_are_no_foreign_names() -> None:
    text = (
        "Zhao Minyu met with Lars Brekke, Chairman of Norvik Cargo Lines AS of Norway, and Ines Varga, "
        "President of the Danube Academy of Marine Studies."
    )
    names = {m.name for m in find_mentions(text)}
    assert {"Lars Brekke", "Ines Varga"} <= names
    assert "Cargo Lines" not in names and "Marine Studies" not in names
    x = run(text)
    assert ("President", "Danube Academy of Marine Studies") in posts(x, "Ines Varga")


def test_a_remit_after_for_stays_in_the_body_name() -> None:
    text = "Hou Jiarui, Secretary of the CPC Beiling Provincial Committee and Director of the Provincial "
    text += "Commission for Comprehensively Deepening Reform, presided over the meeting. The meeting studied "
    text += "the spirit of the Central Commission for Comprehensively Deepening Reform. Tan Yiwen, Deputy "
    text += "Director of the commission, attended."
    forms = {f for _, _, f in find_bodies(text)}
    assert "Central Commission for Comprehensively Deepening Reform" in forms
    x = run(text)
    assert ("Director", "Beiling Provincial Commission for Comprehensively Deepening Reform") in posts(
        x, "Hou Jiarui"
    )
    # "the commission" is the one whose Director the release named
    assert posts(x, "Tan Yiwen") == {
        ("Deputy Director", "Beiling Provincial Commission for Comprehensively Deepening Reform")
    }
    assert x.events[0].presided_by == ["Hou Jiarui"]


def test_level_and_place_prefixes_distribute_over_a_list() -> None:
    text = (
        "Leaders of the Songyuan Municipal Party Committee, People's Congress, Government and CPPCC came. "
        "The Provincial and Municipal Commission for Discipline Inspection sent officials."
    )
    forms = [f for _, _, f in find_bodies(text)]
    assert "Songyuan Municipal People's Congress" in forms
    assert "Songyuan Municipal Government" in forms
    assert "Songyuan Municipal CPPCC" in forms
    assert "Provincial Commission for Discipline Inspection" in forms
    assert "Municipal Commission for Discipline Inspection" in forms
    # a single "X Committee and Y Government" is no list
    assert len(find_bodies("The Songyuan Municipal Party Committee and Government met.")) <= 2


def test_lowercase_machine_translation_names_titles_and_bodies() -> None:
    text = (
        "Lanxi County Party Committee Standing Committee held a meeting\n\n"
        "On the afternoon of 3 May, the county party committee secretary fang jianlin presided the meeting. "
        "county party committee deputy secretary, county magistrate qiu yaoming attended. "
        "fang jianlin emphasized that the county discipline inspection commission and the county party "
        "committee organization department should check the work style, and the county people's court "
        "should serve the people."
    )
    x = run(text)
    assert {p.name for p in x.persons} == {"Fang Jianlin", "Qiu Yaoming"}
    assert x.events[0].presided_by == ["Fang Jianlin"]
    assert ("Deputy Secretary", "CPC Lanxi County Committee") in posts(x, "Qiu Yaoming")
    assert ("County Magistrate", "Lanxi County People's Government") in posts(x, "Qiu Yaoming")
    bodies = {b.name for b in x.bodies}
    assert "Lanxi County Commission for Discipline Inspection" in bodies
    assert "Organization Department of the CPC Lanxi County Committee" in bodies
    assert "Lanxi County People's Court" in bodies


def test_vice_chairpersons_inherit_the_chairmans_body() -> None:
    text = (
        "Gao Renwei, chairman of the Standing Committee of the Yunling Provincial People's Congress, "
        "presided over the meeting. Vice chairpersons Fu Lihua and Jiang Wenhai, and Secretary-General "
        "Kang Zhiyuan attended the meeting."
    )
    x = run(text)
    body = "Standing Committee of the Yunling Provincial People's Congress"
    assert ("Vice Chairperson", body) in posts(x, "Fu Lihua")
    assert ("Vice Chairperson", body) in posts(x, "Jiang Wenhai")
    assert ("Secretary-General", body) in posts(x, "Kang Zhiyuan")


def test_foreign_guests_after_an_organization_and_no_local_default_body() -> None:
    text = (
        "Mayor Xia Jinglong met with the delegation of Orvieto City, Italy, led by mayor Marco Bellini. "
        "Chairman of Orvieto City Council Giulia Ferri and President of the Orvieto Chamber of Commerce and "
        "Industry Paolo Conti attended."
    )
    x = run(text)
    assert ("Chairman", "Orvieto City Council") in posts(x, "Giulia Ferri")
    assert ("President", "Orvieto Chamber of Commerce and Industry") in posts(x, "Paolo Conti")
    # the guest's bare title is in the delegation's city, not in the host city's government
    assert posts(x, "Marco Bellini") == {("Mayor", "Orvieto City")}
    assert set(x.events[0].attended_by) >= {"Giulia Ferri", "Paolo Conti", "Marco Bellini"}
    y = run("Mayor Xia Jinglong met with Marco Bellini, mayor of Orvieto. Mayor Marco Bellini spoke highly.")
    assert all("People's Government" not in (b or "") for _, b in posts(y, "Marco Bellini"))


def test_a_country_piece_does_not_end_an_appositive_chain() -> None:
    x = run(
        "Mayor Xia Jinglong met with Haruto Mizuno, the governor of Akita, Japan, also head of the Akita "
        "delegation, on Monday."
    )
    assert {r for r, _ in posts(x, "Haruto Mizuno")} == {"Governor", "Head"}


def test_seats_on_the_rostrum_count_as_attending() -> None:
    text = (
        "On the morning of January 9, the session opened. Lu Jianguo presided over the meeting. "
        "District party committee secretary Meng Qinghua, district CPPCC chairman Wei Donglin took seats "
        "on the rostrum."
    )
    x = run(text)
    assert set(x.events[0].attended_by) == {"Meng Qinghua", "Wei Donglin"}


def test_quoted_programmes_with_a_cue_and_quoted_attitudes() -> None:
    from kg.extract.en.initiatives import find_initiatives

    text = (
        "The county will carry out the “hundred schools linking hundred farms for common prosperity” action, "
        "deepen the reform of “simplifying approvals, sharing data, and serving firms better”, and "
        "investigate the phenomenon of “sitting idle”. Officials studied Xi Jinping's important thoughts "
        "on strengthening the rule of law. Lawmakers deliberated a draft law on the protection of wetland "
        "birds, as well as the draft Coastal Environment Code."
    )
    names = {n for _, _, n in find_initiatives(text)}
    assert "hundred schools linking hundred farms for common prosperity" in names
    assert "simplifying approvals, sharing data, and serving firms better" in names
    assert "sitting idle" not in names
    assert "Xi Jinping's important thoughts on strengthening the rule of law" in names
    assert "law on the protection of wetland birds" in names
    assert "Coastal Environment Code" in names


def test_an_attendee_who_presides_later_starts_another_gathering() -> None:
    text = (
        "On March 3, Li Hua, Secretary of the CPC Nanhe Municipal Committee, presided over the meeting "
        "of the Standing Committee of the CPC Nanhe Municipal Committee. Wang Min, Mayor of Nanhe, attended "
        "the meeting.\n\nLater that day, Li Hua also attended the opening ceremony of the Nanhe Trade Fair, "
        "which was presided over by Wang Min."
    )
    x = run(text)
    assert [(e.presided_by, e.attended_by) for e in x.events] == [
        (["Li Hua"], ["Wang Min"]),
        (["Wang Min"], ["Li Hua"]),
    ]


def test_plural_county_titles_distribute_and_sitting_in_counts() -> None:
    x = run(
        "Qinghe County Holds Meeting\n\nOn March 3, the Qinghe County People's Government held an executive "
        "meeting. County magistrate Wang Xiaomei presided over the meeting. Vice county magistrates "
        "Tan Qiang, Gao Ling and Hu Jun attended. Vice chairmen of the county CPPCC Xie Ping and Luo Min "
        "sat in."
    )
    for name in ("Tan Qiang", "Gao Ling", "Hu Jun"):
        assert ("Vice County Magistrate", "Qinghe County People's Government") in posts(x, name)
    assert set(x.events[0].attended_by) == {"Tan Qiang", "Gao Ling", "Hu Jun", "Xie Ping", "Luo Min"}


def test_led_by_its_title_gives_a_post_in_the_visiting_organization() -> None:
    x = run(
        "Zhao Qiming met with a delegation from Helvetia Robotics AG led by its chief executive Anna Keller, "
        "and a delegation of the Nanhe Chamber of Commerce led by its chairman Liu Guohua."
    )
    assert posts(x, "Anna Keller") == {("Chief Executive", "Helvetia Robotics AG")}
    assert posts(x, "Liu Guohua") == {("Chairman", "Nanhe Chamber of Commerce")}


def test_machine_translated_standing_committee_member_title() -> None:
    x = run(
        "Qinghe County Holds Meeting\n\nOn March 3, the Qinghe County People's Government held an executive "
        "meeting. County standing committee, executive deputy county magistrate Tan Qiang attended."
    )
    assert ("Member", "Standing Committee of the CPC Qinghe County Committee") in posts(x, "Tan Qiang")


def test_city_and_municipal_forms_of_one_body_are_one_body() -> None:
    x = run(
        "Qinghe City People's Congress Holds Meeting\n\nOn March 3, the 8th Standing Committee of "
        "Qinghe City people's Congress held a meeting. Lu Jian, director of the Standing Committee of "
        "the Qinghe Municipal People's Congress, presided over the meeting."
    )
    names = [b.name for b in x.bodies if "Standing Committee" in b.name]
    assert names == ["Standing Committee of the Qinghe Municipal People's Congress"]


def test_a_lecturer_title_and_a_verb_after_the_body() -> None:
    x = run(
        "On March 3, the Theoretical Study Center Group of the Qinghe Municipal Party Committee held a study "
        "session. Professor Ma Lihua of the Party School of the CPC Beiling Provincial Committee gave a "
        "special lecture."
    )
    assert posts(x, "Ma Lihua") == {("Professor", "Party School of the CPC Beiling Provincial Committee")}
    assert "Ma Lihua" in x.events[0].attended_by


def test_executive_chairmen_of_the_presidium_of_the_session() -> None:
    x = run(
        "On the morning of January 9, the third session of the 12th Lanxi District People's Congress opened. "
        "The executive chairmen of the presidium of the conference Kong Lihua, Pan Jie and Yao Min sat in "
        "the front row of the rostrum, Kong Lihua presided over the meeting."
    )
    body = "Presidium of the Third Session of the 12th Lanxi District People's Congress"
    for name in ("Kong Lihua", "Pan Jie", "Yao Min"):
        assert posts(x, name) == {("Executive Chairman", body)}
    assert body in {b.name for b in x.bodies} and "Presidium" not in {b.name for b in x.bodies}
    assert x.events[0].presided_by == ["Kong Lihua"]
    assert set(x.events[0].attended_by) == {"Pan Jie", "Yao Min"}


def test_title_after_the_name_without_a_comma_and_mixed_case_bodies() -> None:
    x = run(
        "Qinghe County Holds Meeting\n\nOn March 3, the Qinghe county party committee held a meeting. "
        "Li Dahai county party committee secretary presided over the meeting. Wang Xiaomei county magistrate "
        "attended. The meeting studied the spirit of the Fourth Plenary Session of the 20th CPC Central "
        "Committee."
    )
    assert posts(x, "Li Dahai") == {("Secretary", "CPC Qinghe County Committee")}
    assert posts(x, "Wang Xiaomei") == {("County Magistrate", "Qinghe County People's Government")}
    assert x.events[0].presided_by == ["Li Dahai"]
    assert x.events[0].body == "CPC Qinghe County Committee"
    assert "CPC Central Committee" in {b.name for b in x.bodies}


def test_descriptive_quotes_are_no_initiatives() -> None:
    from kg.extract.en.initiatives import find_initiatives

    text = (
        "Qinghe, known as the “City of Springs”, will solve the “last mile” problem, oppose “formalism” "
        "and carry out the “Qinghe Talent” program."
    )
    names = {n for _, _, n in find_initiatives(text)}
    assert names == {"Qinghe Talent"}


def test_a_body_named_before_a_comma_is_no_standing_committee_title() -> None:
    x = run(
        "Qinghe County Holds Meeting\n\nOn March 3, Li Dahai attended the meeting of the county standing "
        "committee, vice county magistrate Tan Qiang also attended."
    )
    assert {r for r, _ in posts(x, "Tan Qiang")} == {"Vice County Magistrate"}


def test_united_is_no_past_tense_verb_in_a_body() -> None:
    x = run(
        "Qinghe County Holds Meeting\n\nOn March 3, Wang Lin, deputy secretary of the county party committee "
        "and director of the united front work department; Mo Jia, vice county magistrate, attended."
    )
    assert ("Director", "United Front Work Department of the CPC Qinghe County Committee") in posts(
        x, "Wang Lin"
    )


def test_standing_committee_of_the_municipal_committee_before_a_title() -> None:
    x = run(
        "Nanhe Leader Meets Guests\n\nFan Jun, Secretary of the CPC Nanhe Municipal Committee, met with the "
        "guests, with the standing committee of municipal committee, Deputy Mayor Lu Qiang, present."
    )
    assert ("Member", "Standing Committee of the CPC Nanhe Municipal Committee") in posts(x, "Lu Qiang")
