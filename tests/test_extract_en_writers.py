"""The English parser on phrasings of other writers (second round of issue 7): invented sentences, every
name, place, body and programme made up, each rule with what it must read and what it must not."""

from __future__ import annotations

from extraction import run_text

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
