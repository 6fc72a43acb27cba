"""British and American spellings of one word (centre / center, organise / organize).

Outlets on both sides of the Atlantic report the same facts: claims must match their words,
and a reworded sentence must not be flagged for a spelling. Both compare words through this
one normaliser. It maps lower-case words to a comparison key, never to text that is shown.
"""

from __future__ import annotations

import re

_ENDINGS = (
    (re.compile(r"(?<=[^aeiou])re(s?)$"), r"er\1"),  # centre, theatre, metres
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able|ful)?$"), r"or\1"),  # labour, favourite
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, realisation
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"(?<=fen|ten|cen)ce(s?)$"), r"se\1"),  # defence, pretence, licence
)
_DOUBLED = re.compile(r"(.)\1")


def american(word: str) -> str:
    """The American ending of a British-spelled word; other words unchanged."""
    for pattern, repl in _ENDINGS:
        word = pattern.sub(repl, word)
    return word


def undoubled(word: str) -> str:
    """Doubled letters single (travelled / traveled, programme / program).

    Claims apply it to stems, not words: their stemmer's length guards need the word as
    written ("killed" keeps its "ed" only while it has five letters)."""
    return _DOUBLED.sub(r"\1", word)
