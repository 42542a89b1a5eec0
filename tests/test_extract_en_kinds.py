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


def test_a_shared_plural_title_after_all() -> None:
    x = run(
        "The meeting was attended by Gao Ming, Luo Pingan, and Xu Lanfang, all members of the Standing "
        "Committee of the CPC Xiyuan Provincial Committee and deputy heads of the Xiyuan Provincial "
        "Leading Group for Rural Work."
    )
    for name in ("Gao Ming", "Luo Pingan", "Xu Lanfang"):
        got = posts(x, name)
        assert ("Member", "Standing Committee of the CPC Xiyuan Provincial Committee") in got, got
        assert any(r == "Deputy Head" and "Leading Group for Rural Work" in (b or "") for r, b in got), got


def test_a_plural_title_as_the_predicate_of_a_list() -> None:
    x = run(
        "The leaders — Gao Ming, Luo Pingan and Xu Lanfang — are all members of the Standing Committee "
        "of the CPC Xiyuan Provincial Committee. Tang Heping is a member of the CPC Lanhe Municipal "
        "Committee."
    )
    for name in ("Gao Ming", "Luo Pingan", "Xu Lanfang"):
        assert posts(x, name) == {("Member", "Standing Committee of the CPC Xiyuan Provincial Committee")}
    assert posts(x, "Tang Heping") == {("Member", "CPC Lanhe Municipal Committee")}


def test_no_predicate_title_when_the_sentence_goes_on() -> None:
    x = run("Tang Heping is a member of the delegation that toured Lanhe farms last week.")
    assert not any(p.posts for p in x.persons if p.name == "Tang Heping")


def test_visits_and_group_discussions_report_attendance() -> None:
    x = run(
        "Gao Ming, Secretary of the CPC Xiyuan Provincial Committee, visits deputies from Lanhe and joins "
        "a group discussion with them."
    )
    (ev,) = x.events
    assert ev.attended_by == ["Gao Ming"]


def test_he_before_a_full_name_is_the_pronoun() -> None:
    x = run("Ouyang Lin, Mayor of Qingshan, met the guests. He Ouyang Lin said that Qingshan welcomes them.")
    assert sorted(p.name for p in x.persons) == ["Ouyang Lin"]


def test_a_roster_of_title_lines_over_name_lines() -> None:
    x = run(
        "The Standing Committee of the Xiyuan Provincial People's Congress met on Monday.\n\n"
        "- Chairman of the Xiyuan Provincial People's Congress Standing Committee:\n\nGao Ming\n\n"
        "- Vice Chairpersons of the Xiyuan Provincial People's Congress Standing Committee:\n\n"
        "Luo Pingan\n\nDorje Tsering\n\n- Secretary-General:\n\nXu Lanfang\n\nAll rights reserved.\n"
    )
    body = "Standing Committee of the Xiyuan Provincial People's Congress"
    assert posts(x, "Gao Ming") == {("Chairman", body)}
    assert posts(x, "Luo Pingan") == {("Vice Chairperson", body)}
    assert posts(x, "Dorje Tsering") == {("Vice Chairperson", body)}
    assert posts(x, "Xu Lanfang") == {("Secretary-General", body)}


def test_a_title_line_over_prose_is_no_roster() -> None:
    x = run("Vice Chairpersons of the Lanhe Municipal Committee:\n\nBuilding Green Valleys Together\n")
    assert x.persons == []


def test_documents_the_meeting_adopted_are_its_initiatives() -> None:
    x = run(
        "On June 10, Gao Ming, Secretary of the CPC Qingshan Municipal Committee, presided over a meeting "
        "of the Standing Committee of the CPC Qingshan Municipal Committee. The meeting reviewed and "
        "adopted in principle the key work plan of the Qingshan Municipal Committee for 2024, along with "
        "a guideline for improving river patrols in Lanhe."
    )
    names = {i.name for i in x.initiatives}
    assert "Key work plan of the Qingshan Municipal Committee for 2024" in names
    assert "Guideline for improving river patrols in Lanhe" in names
    (ev,) = x.events
    assert "Guideline for improving river patrols in Lanhe" in ev.initiatives


def test_a_plan_without_an_adopting_verb_is_no_initiative() -> None:
    x = run("Gao Ming said that a plan for the new Qingshan bridge is still far away.")
    assert x.initiatives == []


def test_the_body_of_a_session_after_an_appositive() -> None:
    x = run(
        "The Standing Committee of the Xiyuan Provincial People's Congress, the provincial legislature, "
        "started its ninth session Monday in Lanhe. Gao Ming presided over the session."
    )
    (ev,) = x.events
    assert ev.body == "Standing Committee of the Xiyuan Provincial People's Congress"
    assert ev.presided_by == ["Gao Ming"]


def test_the_presidium_of_a_session_convenes_the_meeting() -> None:
    x = run(
        "Gao Ming, executive chairman of the presidium, presides over the meeting in Lanhe. "
        "LANHE, March 9 -- "
        "The presidium of the third session of the 9th Xiyuan Provincial People's Congress, the provincial "
        "legislature, held its second meeting Sunday. Gao Ming presided over the meeting. The meeting "
        "decided to submit the Forest Law of Xiyuan Province to the congress for vote."
    )
    (ev,) = x.events
    assert ev.body == "Presidium of the Third Session of the 9th Xiyuan Provincial People's Congress"
    assert "Forest Law of Xiyuan Province" in ev.initiatives


def test_a_title_keeps_to_before_a_verb() -> None:
    from kg.extract.en.initiatives import find_initiatives

    text = "Qingshan issued the Measures for Lanhe District to Support Rice."
    got = {n for _, _, n in find_initiatives(text)}
    assert got == {"Measures for Lanhe District to Support Rice"}


def test_civil_service_grades_and_one_post_for_a_title_and_its_office_word() -> None:
    x = run(
        "Foreign Minister Tao Lin attended the conference in Qingshan. Minister Tao Lin presented awards. "
        "Luo Pingan, deputy director general of the Xiyuan Provincial Foreign Affairs Office, and Xu "
        "Lanfang, assistant minister of foreign affairs, also attended."
    )
    assert posts(x, "Tao Lin") == {("Foreign Minister", "Ministry of Foreign Affairs")}
    assert posts(x, "Luo Pingan") == {("Deputy Director General", "Xiyuan Provincial Foreign Affairs Office")}
    assert posts(x, "Xu Lanfang") == {("Assistant Minister", "Ministry of Foreign Affairs")}


def test_foreign_names_with_particles_and_a_shared_nationality() -> None:
    x = run(
        "Visiting Xiyuan Governor Gao Ming on Monday attended a welcoming banquet held by Omani Crown Prince "
        "and Prime Minister Khalid bin Tariq Al Harthy on behalf of Sultan Faisal bin Nasser Al Harthy."
    )
    assert posts(x, "Khalid bin Tariq Al Harthy") == {("Crown Prince", "Oman"), ("Prime Minister", "Oman")}
    (ev,) = x.events
    assert ev.presided_by == ["Khalid bin Tariq Al Harthy"]
    assert ev.attended_by == ["Gao Ming"]  # the sultan on whose behalf the host acts is not present


def test_a_name_with_two_particles_in_a_row() -> None:
    x = run("Gao Ming, Mayor of Qingshan, met Maria van der Berg, Ambassador of Veldia to China.")
    assert posts(x, "Maria van der Berg") == {("Ambassador", "Veldia")}


def test_title_layouts_with_a_dash_and_in_parentheses() -> None:
    x = run(
        "Attendees: Gao Ming- Secretary of the CPC Qingshan Municipal Committee; Luo Pingan (Mayor of "
        "Lanhe) and Xu Lanfang (right) attended the signing ceremony."
    )
    assert posts(x, "Gao Ming") == {("Secretary", "CPC Qingshan Municipal Committee")}
    assert posts(x, "Luo Pingan") == {("Mayor", "Lanhe")}
    assert posts(x, "Xu Lanfang") == set()


def test_a_title_set_off_by_a_comma_before_the_name() -> None:
    x = run("On May 10, 2024, Mayor of Qingshan, Gao Ming met with the consuls from Veldia.")
    assert posts(x, "Gao Ming") == {("Mayor", "Qingshan")}
    y = run("Gao Ming, Secretary of the CPC Qingshan Municipal Committee, Luo Pingan met the guests.")
    assert posts(y, "Luo Pingan") == set()


def test_the_source_site_names_the_release_own_city() -> None:
    text = (
        "Accompanied by Qingshan Municipal leaders, the Lanhe Municipal Party and Government Delegation led "
        "by Luo Pingan, Mayor of Lanhe, visited Qingshan. Lanhe Municipal officials toured the Lanhe City "
        "pavilion. On behalf of the Qingshan Municipal Party Committee, Party Secretary Gao Ming welcomed "
        "the Lanhe City guests."
    )
    x = run_text(text, "en", rid="en-qingshan-20240101-lanhe-delegation", published="2024-01-01")
    assert posts(x, "Gao Ming") == {("Secretary", "CPC Qingshan Municipal Committee")}
    # a site that names no place of the text decides nothing: the place written most wins
    y = run_text(text, "en", rid="en-newsdaily-20240101-lanhe-delegation", published="2024-01-01")
    assert posts(y, "Gao Ming") != posts(x, "Gao Ming")


def test_a_friendship_association_keeps_its_partners() -> None:
    x = run(
        "Gao Ming, president of the Xiyuan People's Association for Friendship with Foreign Countries, "
        "attended the Qingshan conference."
    )
    body = "Xiyuan People's Association for Friendship with Foreign Countries"
    assert posts(x, "Gao Ming") == {("President", body)}
    assert body in {b.name for b in x.bodies}


def test_a_later_short_reference_with_who_also_serves_as() -> None:
    x = run(
        "Xiyuan Governor Gao Ming on Thursday called for efforts in river protection. Gao, who also serves "
        "as the secretary of the CPC Lanhe Municipal Committee, spoke at the meeting."
    )
    assert ("Secretary", "CPC Lanhe Municipal Committee") in posts(x, "Gao Ming")


def test_a_party_group_whose_name_holds_a_role_word() -> None:
    x = run(
        "Gao Ming, Secretary of the Leading Party Members Group of the Xiyuan Provincial People's "
        "Government, presided over the meeting."
    )
    body = "Leading Party Members Group of the Xiyuan Provincial People's Government"
    assert posts(x, "Gao Ming") == {("Secretary", body)}
    assert x.events[0].presided_by == ["Gao Ming"]


def test_a_surname_in_capitals() -> None:
    x = run("ZHOU Lin, Mayor of Qingshan, met with GAO Ming on Monday.")
    assert posts(x, "Zhou Lin") == {("Mayor", "Qingshan")}
    assert sorted(x.events[0].attended_by) == ["Gao Ming", "Zhou Lin"]


def test_chaired_in_turn_by_a_list() -> None:
    x = run("The meeting was chaired in turn by Gao Ming and Luo Pingan. Xu Lanfang attended.")
    (ev,) = x.events
    assert ev.presided_by == ["Gao Ming", "Luo Pingan"]
    assert ev.attended_by == ["Xu Lanfang"]


def test_a_lowercase_title_of_a_place_party_committee() -> None:
    x = run(
        "On March 3, Gao Ming, the secretary of Qingshan CPC committee, presided over the meeting on the "
        "work of Qingshan City. Luo Pingan, the mayor of Qingshan City, attended."
    )
    assert posts(x, "Gao Ming") == {("Secretary", "CPC Qingshan Municipal Committee")}
    (ev,) = x.events
    assert ev.presided_by == ["Gao Ming"]


def test_machine_translation_variants_of_body_words() -> None:
    x = run(
        "Gao Ming, chairman of the permanent commission of the Qingshan Municipal People's Assembly, "
        "presided over the Forth meeting of the permanent commission of the Qingshan Municipal People's "
        "Assembly."
    )
    body = "Standing Committee of the Qingshan Municipal People's Congress"
    assert posts(x, "Gao Ming") == {("Chairman", body)}
    assert x.events[0].body == body


def test_a_period_that_lost_its_space_ends_a_title() -> None:
    x = run(
        "Gao Ming, Mayor of Qingshan, met the guests; Tang Heping, deputy director of the Foreign Affairs "
        "Office of the Lanhe SAR Government.and Qingshan Deputy Mayor Luo Pingan attended the ceremony."
    )
    assert posts(x, "Tang Heping") == {
        ("Deputy Director", "Foreign Affairs Office of the Lanhe SAR Government")
    }
    assert {b for r, b in posts(x, "Luo Pingan")} == {"Qingshan"}
    assert "Lanhe SAR Government" in {b.name for b in x.bodies}


def test_presiding_after_a_title_that_ends_in_an_acronym() -> None:
    x = run(
        "Gao Ming, chairman of the Xiyuan Provincial Committee of the Chinese People's Political "
        "Consultative Conference (CPPCC), presides over the meeting in Lanhe."
    )
    assert x.events[0].presided_by == ["Gao Ming"]


def test_a_presiding_verb_after_a_list_of_executive_chairpersons() -> None:
    x = run(
        "The executive chairpersons of the presidium of the session Gao Ming, Luo Pingan and Xu Lanfang "
        "presided over the meeting."
    )
    assert x.events[0].presided_by == ["Gao Ming", "Luo Pingan", "Xu Lanfang"]
    assert {r for r, _ in posts(x, "Luo Pingan")} == {"Executive Chairperson"}


def test_a_video_conference_is_a_meeting_of_both_sides() -> None:
    x = run(
        "On June 2, Gao Ming, Mayor of Qingshan, held a video conference with Maria Kovacs, Mayor of Dravik."
    )
    (ev,) = x.events
    assert ev.attended_by == ["Gao Ming", "Maria Kovacs"]
    assert ev.date == "2024-06-02"


def test_an_embassy_keeps_where_it_sits() -> None:
    x = run("Gao Ming met with John Harlow, Charge d'Affaires of the Veldian Embassy in China, in Qingshan.")
    assert posts(x, "John Harlow") == {("Chargé d'Affaires", "Veldian Embassy in China")}


def test_a_leading_group_named_in_full_then_by_its_kind() -> None:
    x = run(
        "On May 6, the Qingshan Municipal Leading Group for Comprehensively Deepening Reform held its 5th "
        "meeting. Gao Ming, head of the leading group, presided."
    )
    body = "Qingshan Municipal Leading Group for Comprehensively Deepening Reform"
    assert posts(x, "Gao Ming") == {("Head", body)}
    assert [b.name for b in x.bodies] == [body]
    assert x.events[0].body == body


def test_corps_and_divisions_are_bodies() -> None:
    from kg.extract.en.bodies import find_bodies

    text = (
        "Directors of foreign affairs offices of the Xiyuan Reclamation Corps and the Liaison Division of "
        "the Qingshan Municipal Foreign Affairs Office attended."
    )
    forms = {f for _, _, f in find_bodies(text)}
    assert "Xiyuan Reclamation Corps" in forms
    assert "Liaison Division of the Qingshan Municipal Foreign Affairs Office" in forms


def test_the_presider_before_an_unread_appositive_and_after_attending() -> None:
    x = run(
        "Gao Ming, who has long led the river chief work of the whole region and of Lanhe, presided over "
        "the meeting. Luo Pingan attended and chaired the afternoon session."
    )
    (ev,) = x.events
    assert ev.presided_by == ["Gao Ming", "Luo Pingan"]
    y = run(
        "Gao Ming, Luo Pingan and the heads of Lanhe departments attended the meeting chaired by Xu Lanfang."
    )
    assert y.events[0].presided_by == ["Xu Lanfang"]


def test_a_meeting_of_the_party_group_is_the_presider_party_group() -> None:
    x = run(
        "On May 6, Gao Ming, Secretary of the Party Group of the Standing Committee of the Xiyuan Provincial "
        "People's Congress, presided over a meeting of the party group."
    )
    body = "Party Group of the Standing Committee of the Xiyuan Provincial People's Congress"
    assert x.events[0].body == body


def test_convened_a_meeting_presides() -> None:
    x = run("On May 6, Gao Ming convened a meeting of the Qingshan Municipal Leading Group for Rural Work.")
    (ev,) = x.events
    assert ev.presided_by == ["Gao Ming"]
    assert ev.body == "Qingshan Municipal Leading Group for Rural Work"


def test_a_body_ends_before_to_the_recipient() -> None:
    from kg.extract.en.bodies import find_bodies

    text = "The meeting decided to submit the Forest Law of the Xiyuan Provincial Government to the congress."
    assert [f for _, _, f in find_bodies(text)] == ["Xiyuan Provincial Government"]


def test_names_that_are_no_pinyin_in_a_list_with_chinese_names() -> None:
    x = run(
        "Leaders of the autonomous region Dorje Tsering, Gao Ming and Erkin Tursun attended the event. "
        "Lanhe Grand Hotel and Xiyuan Airlines sponsored it."
    )
    assert sorted(p.name for p in x.persons) == ["Dorje Tsering", "Erkin Tursun", "Gao Ming"]
    assert x.events[0].attended_by == ["Dorje Tsering", "Gao Ming", "Erkin Tursun"]


def test_a_country_name_before_a_title_is_its_nationality() -> None:
    x = run("Gao Ming met with Laos Ambassador to China Khamsay Vongsa in Qingshan.")
    assert posts(x, "Khamsay Vongsa") == {("Ambassador", "Laos")}


def test_attendance_cues_of_inspections_signings_keynotes_and_present_were() -> None:
    cases = {
        "Gao Ming presided over the meeting. Also present were Luo Pingan and Xu Lanfang.": [
            "Luo Pingan",
            "Xu Lanfang",
        ],
        "Gao Ming was joined by Luo Pingan at the talks.": ["Gao Ming", "Luo Pingan"],
        "Gao Ming delivered a keynote speech at the opening ceremony of the forum.": ["Gao Ming"],
        "Gao Ming conducted an inspection tour of Lanhe County on May 6.": ["Gao Ming"],
        "Gao Ming and Maria Kovacs, Mayor of Dravik, signed a memorandum of understanding.": [
            "Gao Ming",
            "Maria Kovacs",
        ],
    }
    for text, attended in cases.items():
        assert run(text).events[0].attended_by == attended, text


def test_which_he_heads_gives_the_subject_the_lead_of_that_body() -> None:
    x = run(
        "Xiyuan Governor Gao Ming on Thursday called for reform. Gao made the remarks while presiding over "
        "the third meeting of the Xiyuan Provincial Commission for Deepening Reform, which he heads."
    )
    assert ("Head", "Xiyuan Provincial Commission for Deepening Reform") in posts(x, "Gao Ming")
    # the subject is in another sentence: no post
    y = run("Gao Ming visited the Lanhe Museum. He praised the Qingshan Rowing Association, which he chairs.")
    assert ("Chairman", "Qingshan Rowing Association") not in posts(y, "Gao Ming")


def test_presiding_after_a_photo_position_and_presided_by_without_over() -> None:
    x = run("Gao Ming (center), Secretary of the CPC Qingshan Municipal Committee, presides over it.")
    assert x.events[0].presided_by == ["Gao Ming"]
    y = run("The meeting was presided by Gao Ming, Mayor of Qingshan. Luo Pingan attended.")
    assert y.events[0].presided_by == ["Gao Ming"]


def test_a_bracketed_title_stands_between_the_presider_and_the_verb() -> None:
    x = run(
        "On June 10, the Leading Party Members Group of Lanhe Municipal People's Government held a meeting. "
        "Qiu Tianming (Secretary of the Leading Party Members Group and Mayor of Lanhe) presided over the "
        "meeting. Dai Xiulan attended."
    )
    (ev,) = x.events
    assert ev.presided_by == ["Qiu Tianming"]
    assert ev.attended_by == ["Dai Xiulan"]


def test_attendance_cue_ending_in_a_colon_covers_the_list_lines_under_it() -> None:
    x = run(
        "On June 10, the CPC Lanhe County Committee held a meeting. Gao Ming presided over the meeting.\n"
        "Attending the meeting were:\n"
        "Luo Pingan- Deputy Secretary of the CPC Lanhe County Committee;\n"
        "Tang Heping- Member of the Standing Committee of the CPC Lanhe County Committee.\n"
        "Wu Jianguo sent a letter."
    )
    (ev,) = x.events
    assert ev.presided_by == ["Gao Ming"]
    assert ev.attended_by == ["Luo Pingan", "Tang Heping"]


def test_a_given_name_before_bin_stays_after_and() -> None:
    x = run(
        "Gao Ming met with Salim Haddad, Minister of Trade of Norvania, and Omar bin Khalid, Chairman of "
        "the Norvania Chamber of Commerce."
    )
    assert {p.name for p in x.persons} == {"Gao Ming", "Salim Haddad", "Omar bin Khalid"}
    assert ("Chairman", "Norvania Chamber of Commerce") in posts(x, "Omar bin Khalid")


def test_a_party_group_of_a_body_named_by_its_kind_is_qualified_by_the_release_s_place() -> None:
    x = run(
        "On June 10, the Leading Party Members Group of Lanhe Municipal People's Government held a meeting. "
        "Luo Pingan and Tang Heping, members of the Leading Party Members Group of the Municipal Government, "
        "attended the meeting."
    )
    group = "Leading Party Members Group of Lanhe Municipal People's Government"
    assert ("Member", group) in posts(x, "Tang Heping")
    names = {b.name for b in x.bodies}
    assert "Leading Party Members Group of the Municipal Government" not in names
    assert "Leading Party Members Group" not in names


def test_place_cpc_level_committee_is_the_cpc_committee_of_the_place() -> None:
    from kg.extract.en.bodies import qualify
    from kg.extract.en.locality import find_locality

    loc = find_locality("Lanhe County held a meeting.", None, "lanhe")
    assert qualify("Lanhe CPC county committee", loc).name == "CPC Lanhe County Committee"
    assert qualify("Lanhe CPC City Committee", loc).name == "CPC Lanhe Municipal Committee"


def test_the_programme_a_document_serves_is_an_initiative_too() -> None:
    x = run(
        "The meeting studied the Implementation Plan for the Lanhe Riverside Renewal Initiative and the "
        "Work Plan for Building Lanhe Into a Garden City."
    )
    names = {i.name for i in x.initiatives}
    assert "Implementation Plan for the Lanhe Riverside Renewal Initiative" in names
    assert "Lanhe Riverside Renewal Initiative" in names
    assert "Lanhe Into a Garden City" not in names  # no programme word: the document only


def test_a_bare_party_group_kind_gives_way_to_the_full_name_in_any_word_order() -> None:
    x = run(
        "Lanhe Municipal Government Leading Party Members Group holds meeting\n"
        "On June 10, the Leading Party Members Group of Lanhe Municipal People's Government held a meeting. "
        "Gao Ming presided over the meeting. The meeting said the Leading Party Members Group must lead."
    )
    names = {b.name for b in x.bodies}
    assert "Leading Party Members Group" not in names
    assert any(n.startswith("Leading Party Members Group of Lanhe") or n.startswith("Lanhe") for n in names)


def test_a_lowercase_level_word_goes_on_with_a_machine_translated_body() -> None:
    x = run(
        "On June 10, Gao Ming, the secretary of Lanhe CPC county committee, presided over the meeting. "
        "Luo Pingan attended."
    )
    assert ("Secretary", "CPC Lanhe County Committee") in posts(x, "Gao Ming")


def test_met_respectively_with_foreign_guests_and_a_surname_in_capitals() -> None:
    x = run(
        "On June 10, QIU Lan, Vice Governor of Lanhe Province, met respectively with Maria Kovacs, Minister "
        "of Energy of the Republic of Norvania, and Tran Van Minh, Vice Chairman of the People's Committee "
        "of Hoa Binh Province of Sonvia."
    )
    people = {p.name for p in x.persons}
    assert {"Qiu Lan", "Maria Kovacs", "Tran Van Minh"} <= people or {"QIU Lan", "Maria Kovacs"} <= people
    attended = {n for e in x.events for n in e.attended_by}
    assert {"Maria Kovacs", "Tran Van Minh"} <= attended


def test_a_shared_title_after_a_name_list_goes_to_each_name() -> None:
    x = run(
        "On June 10, the CPC Lanhe Municipal Committee held a meeting. Gao Ming presided over the meeting. "
        "Luo Pingan, Tang Heping and Wu Jianguo, vice mayors of Lanhe, attended the meeting."
    )
    for name in ("Luo Pingan", "Tang Heping", "Wu Jianguo"):
        assert any(r == "Vice Mayor" for r, _b in posts(x, name)), name


def test_a_title_with_an_unknown_nationality_before_a_foreign_name() -> None:
    x = run(
        "On June 10, Gao Ming held talks with Norvanian President Stefan Horvath in Lanhe. Dalian Mayor "
        "Luo Pingan attended the talks."
    )
    assert posts(x, "Stefan Horvath") == {("President", "Norvania")}
    assert {"Gao Ming", "Stefan Horvath", "Luo Pingan"} <= {n for e in x.events for n in e.attended_by}
    assert not any(b == "Dalia" for _r, b in posts(x, "Luo Pingan"))


def test_diplomatic_ranks_make_a_foreign_name_a_person() -> None:
    x = run(
        "On June 10, Gao Ming met with a delegation from Norvania. Ilse Marten, Minister-Counsellor of the "
        "Embassy of Norvania in China, and Pieter Hols, Chief Representative of the Norvania Trade Council "
        "in Shanghai, were present."
    )
    assert ("Minister Counsellor", "Embassy of Norvania in China") in posts(x, "Ilse Marten")
    assert any(r == "Chief Representative" for r, _b in posts(x, "Pieter Hols"))
    assert {"Ilse Marten", "Pieter Hols"} <= {n for e in x.events for n in e.attended_by}
