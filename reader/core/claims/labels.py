"""A claim's label: the words of one member that tell most of what the members share.

"forces entered the key city", not a list of keywords: a window of the seed sentence chosen by
the weight of the terms inside it that the other members also use, widened to whole words and
tidied into one line.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    members also use: "forces entered the key city", not a list of keywords.
    """
    others = [terms_of[m].keys for m in members if m != seed]
    terms = terms_of[seed].terms
    weights = vocab.weights
    value = {t.key: weights.get(t.key, 0.0) * (1 + sum(t.key in o for o in others)) for t in terms}
    inside: dict[str, int] = dict.fromkeys(value, 0)
    best, span, score, left = -1.0, (0, 0), 0.0, 0
    for t in terms:
        if inside[t.key] == 0:
            score += value[t.key]
        inside[t.key] += 1
        # A window wider than _LABEL_CHARS is too long whatever its words (no slice needed).
        while left < len(terms) and (
            t.end - terms[left].start > _LABEL_CHARS
            or _too_long(text[terms[left].start : t.end], words)
        ):
            inside[terms[left].key] -= 1
            if inside[terms[left].key] == 0:
                score -= value[terms[left].key]
            left += 1
        if left < len(terms) and terms[left].start < t.end and score > best + 1e-9:
            best, span = score, (terms[left].start, t.end)
    return _whole_words(text, *span)


_LABEL_CHARS = 60


def _too_long(text: str, words: int) -> bool:
    """Over `words` words, an ideograph counting as two thirds of one (Chinese words run to
    about one and a half characters)."""
    if len(text) > _LABEL_CHARS:
        return True  # the cheap test first: label_span asks at every step of its window
    ideographs = 0 if text.isascii() else sum(1 for c in text if c >= "\u3040" and c.isalpha())
    return len(text.split()) + ideographs * 2 / 3 > words


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
