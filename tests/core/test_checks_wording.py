from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.wording import check_wording


def test_majority_of_versions_decides_the_odd_word() -> None:
    base = "The rebels {} the army out of the northern hill villages on Tuesday night."
    story = story_of(base.format("pushed"), base.format("pushed"), base.format("launched"))
    found = check_wording(story)
    assert spans(story, found) == ["launched"]
    assert found[0].suggestion == "pushed"
    assert set(found[0].evidence) == {"a1:s1", "a2:s1"}


def test_two_versions_pronoun_swap_shows_both_as_info() -> None:
    story = story_of(
        "The farmers are protesting against his decision to close the mill.",
        "The farmers are protesting against its decision to close the mill.",
    )
    found = check_wording(story)
    assert sorted(spans(story, found)) == ["his", "its"]
    assert all(w.severity == "info" and w.kind == "pronoun" for w in found)


def test_two_versions_with_synonyms_are_not_flagged() -> None:
    story = story_of(
        "The town lies at the junction of two old trade roads near the coast.",
        "The town lies at the crossroads of two old trade roads near the coast.",
    )
    assert check_wording(story) == []


def test_british_and_american_spellings_are_not_flagged() -> None:
    us = "The army said the defense minister would analyze the attack at the center."
    story = story_of(
        us, us, "The army said the defence minister would analyse the attack at the centre."
    )
    assert check_wording(story) == []


def test_a_function_word_alternative_is_style_not_a_wrong_word() -> None:
    quote = "We talked about the new school plan and I thanked her for the time she gave."
    story = story_of(
        quote,
        quote,
        "We talked about the new school plan and even thanked her for the time she gave.",
    )
    assert check_wording(story) == []
    said = "The mayor {} that the new school plan would be ready for the council in May."
    story = story_of(said.format("stated"), said.format("said"), said.format("said"))
    assert check_wording(story) == []


def test_the_suggestion_is_written_as_the_other_versions_write_it() -> None:
    base = "Neighbours said the family had celebrated {} together at the house every year."
    story = story_of(base.format("Easter"), base.format("Easter"), base.format("holidays"))
    found = check_wording(story)
    assert spans(story, found) == ["holidays"]
    assert found[0].suggestion == "Easter"
    assert "“Easter”" in found[0].message


def test_an_abbreviation_of_the_others_name_is_the_same_name() -> None:
    base = "Exports to the {} fell by a fifth last year, the trade ministry said on Friday."
    us = base.format("United States")
    story = story_of(us, us, base.format("U.S."))
    assert check_wording(story) == []
