from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.quotes import check_quotes


def test_balanced_quotes_are_clean() -> None:
    story = story_of(
        "“We will stay,” the mayor said. She called it ‘a duty’ and left.\n\n"
        "The council’s members didn’t agree."
    )
    assert check_quotes(story) == []


def test_mismatched_pair() -> None:
    story = story_of("‘The river is rising fast, ” the engineer warned.")
    found = check_quotes(story)
    rules = {w.rule for w in found}
    assert "quote-mismatch" in rules
    assert "quote-attached" not in rules  # the closer is followed by a space here


def test_closer_glued_to_the_next_word() -> None:
    story = story_of("“The river is rising fast, ”warned the engineer.")
    found = check_quotes(story)
    assert [w.rule for w in found] == ["quote-attached"]
    assert "”warned" in spans(story, found)[0]


def test_opening_mark_used_as_closer_and_dangling_mark() -> None:
    story = story_of(
        "The engineer called the dam “unsafe “. The work goes on.\n\n"
        "He said the levels were “worrying”. “\n\nNext paragraph."
    )
    rules = sorted(w.rule for w in check_quotes(story))
    assert rules == ["quote-dangling", "quote-wrong-way"]
    assert all(w.end - w.start < 30 for w in check_quotes(story))
