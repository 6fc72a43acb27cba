"""British and American spellings share one comparison key; other words keep theirs."""

from __future__ import annotations

import pytest

from reader.core.text.spelling import american, undoubled
from reader.core.text.stemming import stem


@pytest.mark.parametrize(
    ("british", "us"),
    [("centre", "center"), ("metres", "meters"), ("labour", "labor"), ("favourite", "favorite"),
     ("organised", "organized"), ("realisation", "realization"), ("analyse", "analyze"),
     ("defence", "defense"), ("licence", "license")],
)  # fmt: skip
def test_british_endings_become_american(british: str, us: str) -> None:
    assert american(british) == us


@pytest.mark.parametrize("word", ["four", "hour", "your", "are", "more", "there", "science"])
def test_other_words_are_unchanged(word: str) -> None:
    assert american(word) == word


def test_doubled_letters_are_single() -> None:
    assert undoubled("travelled") == undoubled("traveled") == "traveled"


@pytest.mark.parametrize(
    ("british", "us"), [("centre", "center"), ("theatres", "theaters"), ("rumours", "rumors")]
)
def test_claims_see_one_term_for_both_spellings(british: str, us: str) -> None:
    assert stem(british) == stem(us)
