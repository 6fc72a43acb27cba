from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.pronoun import check_pronoun


def test_you_said_in_reporting_is_flagged() -> None:
    story = story_of(
        "The two ministers met in the port city. You said that the talks would go on next week."
    )
    found = check_pronoun(story)
    assert spans(story, found) == ["You said that"]
    assert found[0].kind == "pronoun"
    assert found[0].suggestion is not None and found[0].suggestion.startswith("They said")


def test_you_inside_quotes_is_fine() -> None:
    story = story_of(
        "“You said that the bridge would be rebuilt,” a farmer told the mayor.\n\n"
        "‘You stressed it last year,’ she added."
    )
    assert check_pronoun(story) == []


def test_you_without_a_reporting_verb_is_fine() -> None:
    story = story_of("If you travel to the region, you need a permit.")
    assert check_pronoun(story) == []
