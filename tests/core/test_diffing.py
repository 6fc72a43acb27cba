"""The engine's sequence matcher is difflib's algorithm compiled: the same opcodes and ratios."""

from __future__ import annotations

import difflib
import random

import pytest

from reader.core.text.diffing import SequenceMatcher


def test_the_engine_diffs_with_the_compiled_matcher() -> None:
    """cydifflib is a dependency: without it the checks fall back to difflib, twice as slow."""
    assert SequenceMatcher.__module__.split(".")[0] == "cydifflib"


def _words(rng: random.Random, vocabulary: list[str], low: int, high: int) -> tuple[str, ...]:
    return tuple(rng.choice(vocabulary) for _ in range(rng.randint(low, high)))


@pytest.mark.parametrize("autojunk", [False, True])
def test_it_gives_difflibs_opcodes_and_ratios(autojunk: bool) -> None:
    """On word sequences with repeated words and tied longest matches (a vocabulary of four
    words), and long enough for difflib's automatic junk (200 items or more), reusing one
    matcher as the checks do (the sentence as the second sequence, its versions set as the
    first one after another)."""
    rng = random.Random(11)
    for vocabulary in (["a", "b", "c", "d"], [f"w{k}" for k in range(40)]):
        for _ in range(60):
            mine = _words(rng, vocabulary, 0, 260 if autojunk else 30)
            ours = SequenceMatcher(None, (), mine, autojunk=autojunk)
            for _ in range(4):
                theirs = _words(rng, vocabulary, 0, 260 if autojunk else 30)
                ours.set_seq1(theirs)
                ref = difflib.SequenceMatcher(None, theirs, mine, autojunk=autojunk)
                assert ours.get_opcodes() == ref.get_opcodes()
                assert ours.ratio() == ref.ratio()
                assert ours.quick_ratio() == ref.quick_ratio()
                assert ours.real_quick_ratio() == ref.real_quick_ratio()


def test_it_diffs_letters_as_difflib_does() -> None:
    rng = random.Random(5)
    for _ in range(300):
        x = "".join(rng.choice("abcde ") for _ in range(rng.randint(0, 25)))
        y = "".join(rng.choice("abcde ") for _ in range(rng.randint(0, 25)))
        ours, ref = SequenceMatcher(None, x, y), difflib.SequenceMatcher(None, x, y)
        assert ours.get_opcodes() == ref.get_opcodes() and ours.ratio() == ref.ratio()
