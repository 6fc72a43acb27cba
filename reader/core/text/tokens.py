"""Words with offsets: the unit every matcher in core counts in."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
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


def words_of(tokens: Iterable[Token]) -> Iterator[str]:
    """The tokens' words as written, read at C speed (no attribute lookup per token): what a
    check filters a sentence's words with before it looks at any one of them."""
    return map(_TEXT, tokens)


_TEXT = itemgetter(0)  # a Token's text


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of text[start:end], offsets into the whole text."""
    return list(_tokenize(text, start, len(text) if end is None else end))


def norms(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The matching forms (`Token.norm`) of the words of text[start:end]: made once per text
    and sliced, where every check used to fold each word of each sentence again."""
    return list(_norms(text, start, len(text) if end is None else end))


@lru_cache(maxsize=32768)
def _tokenize(text: str, start: int, stop: int) -> tuple[Token, ...]:
    """Every check and matcher tokenizes the same sentences: do it once per span."""
    where = _slice(text, start, stop)
    if where is None:
        return _scan(text, start, stop)
    return _words(text)[0][where[0] : where[1]]


@lru_cache(maxsize=32768)
def _norms(text: str, start: int, stop: int) -> tuple[str, ...]:
    where = _slice(text, start, stop)
    if where is None:
        return tuple([normalize_word(t.text) for t in _scan(text, start, stop)])
    return _whole_norms(text)[where[0] : where[1]]


def _slice(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """Which of the whole text's words are the words of a span, or None where a word of the
    text crosses one of the span's ends (a span cut inside a word): then the span is scanned
    on its own. The word pattern looks at nothing outside the span it is given (no lookaround,
    no anchors), so otherwise a span's words are the text's words inside it.
    """
    whole, starts = _words(text)
    if start == 0 and stop == len(text):
        return 0, len(whole)
    i = bisect_left(starts, start)
    j = bisect_left(starts, stop, i)
    if (i > 0 and whole[i - 1].end > start) or (j > i and whole[j - 1].end > stop):
        return None
    return i, j


@lru_cache(maxsize=1024)  # a story's articles: their sentences are asked for one after another
def _words(text: str) -> tuple[tuple[Token, ...], list[int]]:
    """The words of a whole text and where each starts (for bisection)."""
    words = _scan(text, 0, len(text))
    return words, [t.start for t in words]


@lru_cache(maxsize=1024)
def _whole_norms(text: str) -> tuple[str, ...]:
    return tuple(map(normalize_word, [t.text for t in _words(text)[0]]))


def learn(text: str) -> None:
    """Tokenize a whole text now (its words and their matching forms), as its first sentence
    asked for would. Done before worker processes fork, they inherit the words instead of
    each finding them again for the stages it runs."""
    _whole_norms(text)


def _scan(text: str, start: int, stop: int) -> tuple[Token, ...]:
    new = tuple.__new__  # a named tuple made without its Python-level __new__: C speed
    return tuple(
        [new(Token, (m.group(), m.start(), m.end())) for m in WORD.finditer(text, start, stop)]
    )


def is_content(norm: str) -> bool:
    return norm not in STOPWORDS and not _letter(norm)


def content_words(forms: Iterable[str]) -> set[str]:
    """The distinct content words (is_content) among matching forms: the stopwords go in one
    set difference, and only the distinct words left are tested one by one."""
    return {w for w in set(forms).difference(STOPWORDS) if not _letter(w)}


def _letter(norm: str) -> bool:
    """A single Latin-like letter ("a", "s" of "it's"), not a Chinese or Japanese character."""
    return len(norm) == 1 and norm.isalpha() and norm < "\u3040"


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
