"""Words with offsets: the unit every matcher in core counts in."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from reader.core.text.words import WORD

# Function words carry no content: they are ignored when weighing what two sentences share.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told according also already still yet however since while amid among""".split()
)


class Token(NamedTuple):
    """A word and its offsets. A named tuple, not a frozen dataclass: every stage tokenizes
    every sentence, and a tuple is made at C speed (a third of a token's cost saved)."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return normalize_word(self.text)  # cached


@lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """Case-, accent- and apostrophe-folded form used for matching."""
    word = word.replace("’", "'").lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of text[start:end], offsets into the whole text."""
    return list(_tokenize(text, start, len(text) if end is None else end))


@lru_cache(maxsize=32768)
def _tokenize(text: str, start: int, stop: int) -> tuple[Token, ...]:
    """Every check and matcher tokenizes the same sentences: do it once per span."""
    new = tuple.__new__
    return tuple(
        [new(Token, (m.group(), m.start(), m.end())) for m in WORD.finditer(text, start, stop)]
    )


def is_content(norm: str) -> bool:
    return norm not in STOPWORDS and not (len(norm) == 1 and norm.isalpha() and norm < "\u3040")


def runs(flags: Sequence[bool], joins: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Ranges of items: each starts at a flagged item and goes on while `joins(j)` holds."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i + 1
        while j < len(flags) and joins(j):
            j += 1
        out.append((i, j))
        i = j
    return out
