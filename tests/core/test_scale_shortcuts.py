"""Shortcuts that spare work on large stories give what the plain computation gives.

A recurring sentence is read once, a line's words are counted only as far as any test asks:
each test here compares the shortcut with the same input made to defeat it.
"""

from __future__ import annotations

import random

from reader.core.claims import labels
from reader.core.claims.similarity import (
    SentenceTerms,
    Vocabulary,
    build_sentence_terms,
    extract_terms,
)
from reader.core.ingest import furniture
from reader.core.model import Article, Story
from reader.core.pipeline import segment
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
    # A word cut by a counting window's edge is one word, not two.
    for chars in furniture._ENOUGH_CHARS:
        edge = "a-" * (chars // 2 - 3) + "abcdefghij-klmnop" + " b" * 5
        assert count_words(edge, 0, len(edge)) == 6
        assert furniture._words(edge) == 6


def _label_by_slices(
    terms_of: list[SentenceTerms],
    vocab: Vocabulary,
    members: tuple[int, ...],
    seed: int,
    words: int,
    text: str,
) -> tuple[int, int]:
    """label_span as it was written first: each window sliced out of the text and split."""

    def too_long(window: str) -> bool:
        if len(window) > labels._LABEL_CHARS:
            return True
        ideographs = sum(1 for c in window if c >= "\u3040" and c.isalpha())
        return len(window.split()) + ideographs * 2 / 3 > words

    others = [terms_of[m].keys for m in members if m != seed]
    terms = terms_of[seed].terms
    value = {t.key: vocab.weight(t.key) * (1 + sum(t.key in o for o in others)) for t in terms}
    inside = dict.fromkeys(value, 0)
    best, span, score, left = -1.0, (0, 0), 0.0, 0
    for t in terms:
        if inside[t.key] == 0:
            score += value[t.key]
        inside[t.key] += 1
        while left < len(terms) and too_long(text[terms[left].start : t.end]):
            inside[terms[left].key] -= 1
            if inside[terms[left].key] == 0:
                score -= value[terms[left].key]
            left += 1
        if left < len(terms) and terms[left].start < t.end and score > best + 1e-9:
            best, span = score, (terms[left].start, t.end)
    return labels._whole_words(text, *span)


def test_a_labels_window_is_measured_as_slicing_it_would_measure_it() -> None:
    for seed in range(8):
        rng = random.Random(seed)
        texts = [
            text.replace(" ", rng.choice([" ", "  ", " \u00a0", "\n"]), rng.randint(0, 3))
            + rng.choice(["", " 10 000 dead", " 日本军队到达", " 1,500 x-ray"])
            for text in _story_texts(seed)
        ]
        terms, vocab = build_sentence_terms(texts)
        for _ in range(150):
            members = tuple(sorted(rng.sample(range(len(texts)), rng.randint(1, 4))))
            at, words = rng.choice(members), rng.randint(1, 10)
            assert labels.label_span(terms, vocab, members, at, words, texts[at]) == (
                _label_by_slices(terms, vocab, members, at, words, texts[at])
            ), (texts[at], words)


def test_the_sentence_at_an_offset_is_the_one_a_scan_finds() -> None:
    rng = random.Random(5)
    articles = [
        Article(id=f"a{k}", name="", path="", text=" ".join(_story_texts(k)) + "\n\nEnd here.")
        for k in range(3)
    ]
    sentences = segment(articles)
    story = Story(articles, rng.sample(sentences, len(sentences)))  # in no particular order
    found = 0
    for a in articles:
        for pos in [
            *range(-1, len(a.text) + 2, 7),
            *(rng.randrange(len(a.text)) for _ in range(50)),
        ]:
            scan = next((s for s in story.sentences_of(a.id) if s.start <= pos < s.end), None)
            assert story.sentence_at(a.id, pos) == scan, (a.id, pos)
            found += scan is not None
    assert story.sentence_at("a9", 0) is None
    assert found > 500
