from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.casing import check_casing


def test_country_in_lower_case_after_a_motion_verb() -> None:
    story = story_of(
        "Thousands of families have fled turkey since the spring.",
        "Thousands of families have fled to Turkey since the spring, officials said.",
    )
    found = check_casing(story)
    assert spans(story, found) == ["fled turkey"]
    assert found[0].kind == "casing"
    assert found[0].suggestion == "Turkey"
    assert found[0].evidence == ("a2:s1",)


def test_the_bird_in_a_recipe_is_not_a_country() -> None:
    story = story_of(
        "Roast the turkey for three hours. Serve roast turkey with gravy.",
        "Leftover turkey sandwiches are a tradition. Slice the turkey thinly.",
        "We drove to Turkey last year.",
    )
    assert check_casing(story) == []


def test_turkey_sandwich_after_a_preposition_is_still_food() -> None:
    story = story_of("He came back from turkey farms in the valley.", "Turkey is a country.")
    assert check_casing(story) == []


def test_weekday_in_lower_case() -> None:
    story = story_of("The talks resumed on thursday in the capital.")
    assert spans(story, check_casing(story)) == ["thursday"]
