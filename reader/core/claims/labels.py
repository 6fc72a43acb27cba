"""A claim's label: the words of one member that tell most of what the members share.

"forces entered the key city", not a list of keywords: a window of the seed sentence chosen by
the weight of the terms inside it that the other members also use, widened to whole words and
tidied into one line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from reader.core.claims.similarity import SentenceTerms, Vocabulary


def label_span(
    terms_of: Sequence[SentenceTerms],
    vocab: Vocabulary,
    members: tuple[int, ...],
    seed: int,
    words: int,
    text: str,
) -> tuple[int, int]:
    """Where the seed's words that tell most of what the members share are (a claim's label).

    A window of at most `words` words (and _LABEL_CHARS characters, for scripts without spaces)
    of the seed sentence `text`, chosen by the weight of the terms inside it that the other
    members also use: "forces entered the key city", not a list of keywords. A window is too
    long over `words` words, an ideograph counting as two thirds of one (Chinese words run to
    about one and a half characters).
    """
    terms = terms_of[seed].terms
    others = [terms_of[m].keys for m in members if m != seed]
    weights = vocab.weights
    value = {t.key: weights.get(t.key, 0.0) for t in terms}
    if others:  # a claim of one sentence, as most are where copies follow their roots
        value = {key: w * (1 + sum(key in o for o in others)) for key, w in value.items()}
    inside: dict[str, int] = dict.fromkeys(value, 0)
    keys = [t.key for t in terms]
    starts = [t.start for t in terms]
    ends = [t.end for t in terms]
    # The words of a window are the text's runs between spaces (what str.split() gives) that
    # end after its start and begin before its end: counted by bisection once per term, where
    # slicing and splitting each window at every step was a third of the labels' cost.
    runs = [m.span() for m in _RUN.finditer(text)]
    run_ends, run_starts = [b for _, b in runs], [a for a, _ in runs]
    ended = [bisect_right(run_ends, s) for s in starts]  # runs ended by a start
    begun = [bisect_left(run_starts, e) for e in ends]  # runs begun before an end
    marks = _ideographs(text)
    n = len(terms)
    best, span, score, left = -1.0, (0, 0), 0.0, 0
    for right in range(n):
        key, end = keys[right], ends[right]
        if inside[key] == 0:
            score += value[key]
        inside[key] += 1
        while left < n:  # the window from term `left` to this one: too long?
            start = starts[left]
            if end - start <= _LABEL_CHARS:
                count: float = begun[right] - ended[left]
                if marks is not None:
                    count += (marks[end] - marks[start]) * 2 / 3
                if count <= words:
                    break
            gone = keys[left]
            inside[gone] -= 1
            if inside[gone] == 0:
                score -= value[gone]
            left += 1
        if left < n and starts[left] < end and score > best + 1e-9:
            best, span = score, (starts[left], end)
    return _whole_words(text, *span)


_LABEL_CHARS = 60
_RUN = re.compile(r"\S+")


def _ideographs(text: str) -> list[int] | None:
    """How many ideographs (and kana) stand before each offset of the text; None for none."""
    if not text or max(text) < "\u3040":
        return None
    return [0, *accumulate(c >= "\u3040" and c.isalpha() for c in text)]


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words ("UK-based", not "based"; "U.S."): over letters, digits
    and the marks inside words, not brackets or quotes. Ideographs (from U+3000) are words of
    their own."""

    def inside(c: str) -> bool:
        return (c.isalnum() or c in "-'’.%&") and c < "\u3000"

    while start > 0 and inside(text[start - 1]) and end - start < _LABEL_CHARS:
        start -= 1
    while end < len(text) and inside(text[end]) and end - start < _LABEL_CHARS:
        end += 1
    return start, end


def tidy(text: str) -> str:
    """One line without a dangling comma, a full stop or a quote mark whose partner is outside."""
    label = " ".join(text.split()).strip(",;:–—-")
    for opening, closing in ("“”", "()", "[]"):
        if label.count(opening) != label.count(closing):
            label = label.replace(opening, "").replace(closing, "")
    if label.count("‘") > label.count("’"):  # ’ is an apostrophe too ("Assad’s")
        label = label.replace("‘", "")
    if label.count('"') % 2:
        label = label.replace('"', "")
    label = label.strip(",;: ")
    return label[:-1] if label.endswith(".") and not label.endswith("..") else label
