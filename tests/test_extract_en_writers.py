"""The English parser on phrasings of other writers (second round of issue 7): invented sentences, every
name, place, body and programme made up, each rule with what it must read and what it must not."""

from __future__ import annotations

from extraction import posts, run_text

from kg.extract.en.initiatives import find_initiatives
from kg.model import Extraction


def run(text: str, published: str | None = "2023-07-12") -> Extraction:
    return run_text(text, "en", published=published)


def inits(text: str) -> set[str]:
    return {n for _, _, n in find_initiatives(text)}


def test_a_programme_keeps_the_aim_after_for() -> None:
    got = inits(
        "The meeting studied the Eighth Five-Year Plan for Law Popularization and the Project for Forging a "
        "Strong Sense of Community for the Chinese Nation."
    )
    assert "Eighth Five-Year Plan for Law Popularization" in got
    assert "Eighth Five-Year Plan for Law" not in got
    assert "Project for Forging a Strong Sense of Community for the Chinese Nation" in got


def test_the_aim_stops_where_the_name_ends_and_never_names_a_body() -> None:
    got = inits("They launched the Campaign for Clean Water by Yanhe Villages.")
    assert "Campaign for Clean Water" in got
    assert not any("Yanhe" in n for n in got)
    # a campaign "for" a body: the body is no part of a programme's name
    assert not any("Bureau" in n for n in inits("He praised the Campaign for the Yanhe Water Bureau."))


def test_one_word_minority_names_after_a_title_and_in_its_list() -> None:
    x = run(
        "On June 3, 2023, the Standing Committee of the Hulanbuhe Municipal People's Congress held its 12th "
        "meeting. Director Tegusi presided over the meeting. Deputy directors Wuyunqimuge, Siqinbilige and "
        "Bayaertu attended."
    )
    assert {p.name for p in x.persons} == {"Tegusi", "Wuyunqimuge", "Siqinbilige", "Bayaertu"}
    [ev] = x.events
    assert ev.presided_by == ["Tegusi"]
    assert ev.attended_by == ["Wuyunqimuge", "Siqinbilige", "Bayaertu"]


def test_one_word_that_is_a_surname_a_place_or_a_plain_word_is_no_name() -> None:
    x = run(
        "Director Wang presided over the meeting in Hulanbuhe City. Secretary Hulanbuhe was not named. "
        "Deputy directors Zhao Minghua and Attendance were there. Chairman Jianguo spoke."
    )
    assert {p.name for p in x.persons} <= {"Zhao Minghua"}


def test_a_chairpersons_meeting_is_a_body_and_the_event_body() -> None:
    x = run(
        "On May 10, 2023, the 12th Chairpersons' Meeting of the Dongshui Municipal Committee of the CPPCC "
        "was held. Wu Chenglin, Chairman of the CPPCC Dongshui Municipal Committee, presided."
    )
    names = {b.name for b in x.bodies}
    assert "Chairpersons' Meeting of the Dongshui Municipal Committee of the CPPCC" in names
    assert not any(n.startswith("12th") for n in names)
    [ev] = x.events
    assert ev.body == "Chairpersons' Meeting of the Dongshui Municipal Committee of the CPPCC"
    assert ev.presided_by == ["Wu Chenglin"]


def test_a_meeting_of_people_who_hold_no_office_is_no_organ() -> None:
    x = run(
        "The farmers' meeting of the Dongshui Municipal Federation was held on May 10, 2023. Wu Chenglin "
        "presided over the meeting."
    )
    assert not any("meeting" in b.name.lower() for b in x.bodies)
    [ev] = x.events
    assert ev.body == "Dongshui Municipal Federation"


def test_the_host_of_a_conference_is_its_body() -> None:
    x = run(
        "The Moxi Trade Fair, co-hosted by the Moxi Municipal People's Government and the Yanhe Chamber of "
        "Commerce, opened on June 5, 2023. Mayor Sun Jiahe attended."
    )
    [ev] = x.events
    assert ev.body == "Moxi Municipal People's Government"
    assert ev.attended_by == ["Sun Jiahe"]


def test_a_person_hosting_is_no_body() -> None:
    x = run("A dinner hosted by Mayor Sun Jiahe was held on June 5, 2023 in Moxi. Tao Lin attended.")
    [ev] = x.events
    assert ev.body is None


def test_a_list_of_tibetan_names_takes_the_plural_title_after_it() -> None:
    x = run(
        "On May 4, 2023, the Standing Committee of the CPC Lhanang County Committee held a meeting. Tenzin "
        "Norbu, Gesang Zhuoma and Dawa Tsering, members of the Standing Committee of the CPC Lhanang County "
        "Committee, attended the meeting."
    )
    member = ("Member", "Standing Committee of the CPC Lhanang County Committee")
    for name in ("Tenzin Norbu", "Gesang Zhuoma", "Dawa Tsering"):
        assert posts(x, name) == {member}
    [ev] = x.events
    assert ev.attended_by == ["Tenzin Norbu", "Gesang Zhuoma", "Dawa Tsering"]


def test_a_list_of_places_before_a_title_stays_places() -> None:
    x = run(
        "Visitors from Green Valley, Blue Harbor and Dawa Tsering, members of the Standing Committee of the "
        "CPC Lhanang County Committee, attended the meeting held on May 4, 2023."
    )
    assert {p.name for p in x.persons} == {"Dawa Tsering"}


def test_chaired_by_says_a_name_follows() -> None:
    x = run(
        "The meeting was chaired by Tegusi, Director of the Standing Committee of the Hulanbuhe Municipal "
        "People's Congress, on May 4, 2023. Another meeting was chaired by Abdukerim Tursun on May 6, 2023."
    )
    sc = "Standing Committee of the Hulanbuhe Municipal People's Congress"
    assert posts(x, "Tegusi") == {("Director", sc)}
    assert "Abdukerim Tursun" in {p.name for p in x.persons}
    # a one-word place is no name, even after "chaired by"
    y = run("The meeting was chaired by Hulanbuhe on May 4, 2023 in Hulanbuhe City.")
    assert not y.persons


def test_a_host_further_down_a_visit_is_not_the_visits_body() -> None:
    x = run(
        "A delegation led by Mayor Sun Jiahe visited Norvania from June 1 to 4, 2023. Sun Jiahe met with "
        "Governor Erik Strand. The delegation toured a port. During the visit, the delegation attended the "
        "Moxi-Norvania Trade Conference hosted by the Norvania Chamber of Commerce and Industry."
    )
    assert all(ev.body is None for ev in x.events)
    assert "Norvania Chamber of Commerce" not in {b.name for b in x.bodies}


def test_a_one_word_name_in_a_list_with_its_own_title() -> None:
    x = run(
        "On May 4, 2023, Luo Ping, Secretary of the CPC Lhanang County Committee, Zhao Min, County "
        "Magistrate of Lhanang County, and Danke, Deputy Secretary of the CPC Lhanang County Committee, "
        "met the guests."
    )
    assert posts(x, "Danke") == {("Deputy Secretary", "CPC Lhanang County Committee")}
    # a place in a list, with no title after it, is no name
    y = run("Visitors came from Qinghe, Sanya, and Danke, Secretary Luo Ping said on May 4, 2023.")
    assert {p.name for p in y.persons} == {"Luo Ping"}
