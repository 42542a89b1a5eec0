"""Kinds of phrasing met in unseen English releases (issue 7), one invented sentence each: every name,
place, body and programme here is made up."""

from __future__ import annotations

from extraction import posts, run_text

from kg.model import Extraction


def run(text: str, published: str | None = "2024-06-12") -> Extraction:
    return run_text(text, "en", published=published)


def test_moderated_presides_and_the_cue_table_decides() -> None:
    x = run(
        "On June 10, the Qingshan Municipal People's Government held an executive meeting. Gao Ming, "
        "Mayor of Qingshan, moderated the meeting. Luo Pingan attended."
    )
    (ev,) = x.events
    assert ev.presided_by == ["Gao Ming"]
    assert ev.attended_by == ["Luo Pingan"]


def test_moderated_by_names_the_presider_after_the_verb() -> None:
    x = run("The Lanhe forum on river ecology was moderated by Xu Lanfang. Tang Heping attended the forum.")
    (ev,) = x.events
    assert ev.presided_by == ["Xu Lanfang"]
    assert ev.attended_by == ["Tang Heping"]


def test_one_post_for_two_writings_of_one_body() -> None:
    x = run(
        "Gao Ming, chairman of the 9th Xiyuan Provincial Committee of the Chinese People's Political "
        "Consultative Conference (CPPCC), attended the meeting. Gao Ming, chairman of the CPPCC Xiyuan "
        "Provincial Committee, delivered a speech."
    )
    chair = [b for r, b in posts(x, "Gao Ming") if r == "Chairman"]
    assert len(chair) == 1, chair
