from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.names import check_names, check_organisation_names, explain, patterns


def test_explain_names_the_german_pattern() -> None:
    found = explain("Markow", "Markov", patterns())
    assert found is not None and found[0].language == "German" and found[0].kind == "foreign"
    assert explain("Markow", "Morkel", patterns()) is None


def test_german_transliteration_against_consensus() -> None:
    story = story_of(
        "Spokesman Boris Markow said the plant would reopen.",
        "Spokesman Boris Markov said the plant would reopen soon.",
        "Boris Markov, the spokesman, said the plant would reopen.",
    )
    found = check_names(story)
    assert spans(story, found) == ["Markow"]
    assert found[0].kind == "transliteration" and found[0].severity == "warning"
    assert found[0].suggestion == "Markov"


def test_correct_spelling_is_not_flagged() -> None:
    story = story_of(
        "Boris Markov said the plant would reopen.",
        "Boris Markov said the plant would reopen soon.",
    )
    assert check_names(story) == []


def test_romanisation_variant_is_info() -> None:
    story = story_of(
        "Shelling hit the village of Kafranbel on Monday.",
        "Shelling hit the village of Kafranbel again on Monday.",
        "Shelling hit Kafrinbel on Monday, residents said.",
    )
    found = check_names(story)
    assert spans(story, found) == ["Kafrinbel"]
    assert found[0].severity == "info" and found[0].kind == "spelling-variant"


def test_everyday_country_names_are_not_variants() -> None:
    story = story_of("Iran and Iraq signed a deal.", "Iraq and Iran signed a trade deal.")
    assert check_names(story) == []


def test_garbled_organisation_name() -> None:
    story = story_of("Associate press writer Tom Lee reported from the capital.")
    found = check_organisation_names(story)
    assert spans(story, found) == ["Associate press"]
    assert found[0].suggestion == "Associated Press"
