from __future__ import annotations

from typing import Any

import pytest
from checks_helpers import spans, story_of

from reader.core.checks import minority
from reader.core.checks.minority import check_minority
from reader.core.model import Story

TEXT = (
    "The harbour council approved a new budget for the old {place} on Monday evening. "
    "Repairs to the {part} will begin in spring and should take about six months. "
    "The mayor said the tower draws many {visitors} to the town every summer."
)


def version(place: str = "lighthouse", part: str = "roof", visitors: str = "visitors") -> str:
    return TEXT.format(place=place, part=part, visitors=visitors)


def four_versions() -> list[str]:
    """ "stairs" and "tourists" each in two of them: choices, not outliers."""
    return [
        version(),
        version(part="stairs"),
        version(visitors="tourists"),
        version(part="stairs", visitors="tourists"),
    ]


def test_a_word_no_other_version_uses_is_flagged_with_what_they_say() -> None:
    story = story_of(*four_versions(), version(place="submarine"))
    found = [w for w in check_minority(story) if w.article == "a5"]
    assert spans(story, found) == ["submarine"]
    w = found[0]
    assert (w.kind, w.severity, w.rule, w.suggestion) == (
        "wrong-word",
        "info",
        "minority-wording",
        "lighthouse",
    )
    assert (
        w.message
        == "“submarine”: in none of the 4 other versions of this sentence; 4 have “lighthouse”"
    )
    assert all(story.sentence(e).article != "a5" for e in w.evidence)


def test_a_wording_shared_by_half_the_versions_is_not_flagged() -> None:
    # "stairs" and "tourists" are each in two of the five versions: a choice, not an outlier.
    story = story_of(*four_versions(), version())
    assert check_minority(story) == []


def test_three_versions_are_too_few_for_a_minority() -> None:
    story = story_of(version(), version(), version(place="submarine"))
    assert check_minority(story) == []


def test_independent_reports_of_one_event_are_not_versions() -> None:
    # Each report shares its first sentence with the others and goes on in its own words.
    own = [
        "Fishermen who use the harbour every day welcomed the decision warmly.",
        "The council has argued about the cost for more than three years now.",
        "A local painter has offered to restore the old lamp for free.",
        "Opposition members voted against it, calling it a waste of public money.",
        "The last keeper of the tower left the island in the nineteen sixties.",
    ]
    story = story_of(
        *(
            TEXT.split(". ")[0].format(place=place) + ". " + extra
            for place, extra in zip(
                ["lighthouse", "lighthouse", "lighthouse", "lighthouse", "submarine"],
                own,
                strict=True,
            )
        )
    )
    assert check_minority(story) == []


def test_common_words_that_few_versions_put_together_are_flagged_as_one() -> None:
    # Every version has "mill" and "bridge"; only the last one joins them into a term.
    same = "The council will repair the bridge near the old mill next year."
    story = story_of(
        same,
        same,
        same,
        same,
        "The council will repair the mill bridge near the old mill next year.",
    )
    found = [w for w in check_minority(story) if w.article == "a5"]
    assert spans(story, found) == ["mill bridge"]
    assert found[0].message.startswith(
        "“mill bridge”: these words together in none of the 4 other versions of this sentence"
    )


def _costs(*figures: str) -> list[str]:
    return [
        f"The new bridge over the river will cost {f} and should open next spring." for f in figures
    ]


def test_a_figure_most_versions_state_otherwise_is_a_warning() -> None:
    story = story_of(
        *_costs("1,200 euros", "1200 euros", "1,200 euros", "1,200 euros", "12,000 euros")
    )
    found = [w for w in check_minority(story) if w.rule == "minority-number"]
    assert spans(story, found) == ["12,000 euros"]
    w = found[0]
    assert (w.article, w.severity, w.suggestion) == ("a5", "warning", "1,200 euros")
    assert w.message == (
        "“12,000 euros”: a figure in none of the 4 other versions of this sentence;"
        " 3 have “1,200 euros”"
    )


def test_figures_the_versions_scatter_on_are_only_contested() -> None:
    story = story_of(
        *_costs("1,200 euros", "1,200 euros", "12,000 euros", "120 euros", "2,100 euros")
    )
    found = {w.article: w for w in check_minority(story) if w.rule == "minority-number"}
    assert sorted(found) == ["a3", "a4", "a5"]  # "1,200" is in two of the five: a choice
    assert all(w.severity == "info" and w.suggestion is None for w in found.values())


def test_one_figure_in_digits_or_words_is_one_figure() -> None:
    story = story_of(*_costs("seven million euros", "7 million euros", "7,000,000 euros", "€7m"))
    assert [w for w in check_minority(story) if w.rule == "minority-number"] == []
    assert check_minority(story) == []  # nor is "seven" a word the digit versions lack


def test_an_odd_figure_is_flagged_whole_not_word_by_word() -> None:
    story = story_of(
        *_costs("1,200 euros", "1,200 euros", "1,200 euros", "1,200 euros", "1,200 dollars")
    )
    found = [w for w in check_minority(story) if w.article == "a5"]
    assert spans(story, found) == ["1,200 dollars"]
    assert found[0].rule == "minority-number"


def test_a_subject_pronoun_the_other_versions_lack_is_flagged() -> None:
    same = "The harbour mayor said the new bridge over the river would open in June."
    odd = "He said the new bridge over the river would open in June."
    story = story_of(same, same, same, same, odd)
    found = [w for w in check_minority(story) if w.article == "a5"]
    assert spans(story, found) == ["He"]
    assert (found[0].kind, found[0].severity) == ("pronoun", "info")


def test_what_the_others_say_is_quoted_as_they_write_it() -> None:
    story = story_of(*[version(place="Old Pier, lighthouse")] * 4, version(place="submarine"))
    found = [w for w in check_minority(story) if w.article == "a5"]
    assert spans(story, found) == ["submarine"]
    assert found[0].suggestion == "Old Pier, lighthouse"
    assert found[0].message.endswith("4 have “Old Pier, lighthouse”")


def test_the_flagged_words_are_quoted_as_this_version_writes_them() -> None:
    story = story_of(*four_versions(), version(place="sub-marine, base"))
    found = [w for w in check_minority(story) if w.article == "a5"]
    assert spans(story, found) == ["sub-marine, base"]
    assert found[0].message.startswith("“sub-marine, base”: in none of the 4 other versions")


def test_an_abbreviation_of_what_the_others_say_is_not_flagged() -> None:
    story = story_of(*[version(place="United Nations depot")] * 4, version(place="UN depot"))
    assert [w for w in check_minority(story) if w.article == "a5"] == []


def test_a_sentence_is_made_a_version_once_however_many_sentences_it_is_the_version_of(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Twelve copies of one text: each sentence is a version of the eleven others' sentences.
    story = story_of(*[version() for _ in range(11)], version(place="submarine"))
    made: list[str] = []
    real = minority._version

    def counted(story: Story, sentence_id: str, known: dict[str, minority._Version]) -> Any:
        made.append(sentence_id)
        return real(story, sentence_id, known)

    monkeypatch.setattr(minority, "_version", counted)
    found = [w for w in check_minority(story) if w.article == "a12"]
    assert "submarine" in {story.articles[11].text[w.start : w.end] for w in found}
    assert made and len(made) == len(set(made)) <= len(story.sentences)
