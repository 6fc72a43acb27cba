from __future__ import annotations

import random
import re

from checks_helpers import spans, story_of

from reader.core.checks import quotes
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


def test_the_words_round_a_mark_are_found_by_walking_from_it() -> None:
    """The word before a mark and the words after it, as the patterns "(\\S+\\s*)$" on the
    text before it and "^(\\s*\\S+){1,3}" on the text after it found them, without slicing
    the paragraph at every mark (a million-character paragraph took seconds)."""
    before, after = re.compile(r"(\S+\s*)$"), re.compile(r"^(\s*\S+){1,3}")
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice("ab ”’.\u00a0\u2003\n\t") for _ in range(rng.randint(0, 12)))
        p0 = rng.randint(0, len(text))
        p1 = rng.randint(p0, len(text))
        i = rng.randint(p0, p1)
        m = before.search(text[p0:i])
        assert quotes._left(text, p0, i) == (p0 + m.start() if m else i)
        m = after.match(text[i:p1])
        assert quotes._right(text, i, p1) == (i + m.end() if m else i)
