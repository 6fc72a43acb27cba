"""Shortcuts that spare work on large stories give what the plain computation gives.

A recurring sentence is read once, a line's words are counted only as far as any test asks:
each test here compares the shortcut with the same input made to defeat it.
"""

from __future__ import annotations

import random

from reader.core.claims.similarity import build_sentence_terms, extract_terms
from reader.core.ingest import furniture
from reader.core.text.words import count_words


def _story_texts(seed: int) -> list[str]:
    """Sentences with names, numbers, hyphens and ideographs, many of them repeated."""
    rng = random.Random(seed)
    words = (
        "Assad forces entered Saraqeb the town rebel-held 12 1,500 Turkish soldiers said".split()
    )
    words += ["Peskov", "peskov", "U.S.", "土耳其", "军队", "Monday", "monday"]
    own = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 14))) + "." for _ in range(40)]
    return [rng.choice(own) for _ in range(120)]


def test_a_recurring_text_gets_the_terms_and_weights_of_every_occurrence() -> None:
    for seed in range(5):
        texts = _story_texts(seed)
        assert len(set(texts)) < len(texts)
        # Trailing spaces change no word, but make every text distinct: nothing is shared.
        distinct = [text + " " * k for k, text in enumerate(texts)]
        assert extract_terms(texts) == extract_terms(distinct)
        shared, vocab = build_sentence_terms(texts)
        plain, plain_vocab = build_sentence_terms(distinct)
        assert vocab == plain_vocab
        assert [(t.terms, t.keys, t.weight, t.name_weight) for t in shared] == [
            (t.terms, t.keys, t.weight, t.name_weight) for t in plain
        ]


def test_a_lines_words_are_counted_as_far_as_any_test_asks() -> None:
    rng = random.Random(3)
    pieces = ["word", "U.S.", "co-workers", "日本", "—", "  ", "\n", "x" * 30, "it's", "…"]
    cap = furniture._ENOUGH_WORDS
    for _ in range(600):
        line = "".join(
            rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 160))
        )
        full = count_words(line, 0, len(line))
        assert furniture._words(line) == min(full, cap), line
    # A word cut by the counting window's edge is one word, not two.
    edge = "a " * (furniture._ENOUGH_CHARS // 2 - 3) + "abcdefghij-klmnop" + " b" * 5
    assert furniture._words(edge) == min(count_words(edge, 0, len(edge)), cap)
