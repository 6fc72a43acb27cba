from __future__ import annotations

from checks_helpers import spans, story_of

from reader.core.checks.syntax import check_syntax


def test_clause_translated_twice() -> None:
    story = story_of(
        "Two engineers from the eastern river district were hurt along with three workers "
        "from the eastern river district, the company said."
    )
    found = [w for w in check_syntax(story) if w.rule == "repeated-phrase"]
    assert spans(story, found) == ["the eastern river district"]
    assert found[0].severity == "warning"


def test_the_repeated_phrase_is_quoted_as_written() -> None:
    story = story_of(
        "Two engineers from the St. Mary river district were hurt along with three workers "
        "from the St. Mary river district, the company said."
    )
    found = [w for w in check_syntax(story) if w.rule == "repeated-phrase"]
    assert found[0].message.startswith("“the St. Mary river district” appears twice")


def test_repetition_the_other_versions_share_is_info() -> None:
    text = (
        "The price of a basic river ferry ticket and the price of a basic river ferry pass "
        "will both fall next month."
    )
    story = story_of(text, text.replace("will both fall", "are both falling"))
    found = [w for w in check_syntax(story) if w.rule == "repeated-phrase"]
    assert found and all(w.severity == "info" for w in found)


def test_ordinary_sentences_are_clean() -> None:
    story = story_of(
        "The mayor opened the new bridge on Monday. They decide the budget in June. "
        "Crowds of residents from every district of the old town gathered along the river."
    )
    assert check_syntax(story) == []


def test_a_word_written_twice_in_a_row() -> None:
    story = story_of("The fee covers the dental implant implant and the crown, the clinic said.")
    found = [w for w in check_syntax(story) if w.rule == "doubled-word"]
    assert spans(story, found) == ["implant implant"]
    assert (found[0].suggestion, found[0].severity) == ("implant", "warning")


def test_words_that_may_double_on_purpose_are_left_alone() -> None:
    story = story_of(
        "What he had had was enough. She said that that was all. The band played in Walla Walla "
        "on Friday. It was a long, long road."
    )
    assert [w for w in check_syntax(story) if w.rule == "doubled-word"] == []
