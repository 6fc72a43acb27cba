"""Tokens for the figure finders, and multi-word phrases looked up among them.

A token keeps its lower-case form without a trailing full stop ("Jan." stays an abbreviation);
digit groups ("580,000", "580 000") are one token.
"""

from __future__ import annotations

import re
from typing import NamedTuple, TypeVar

from reader.core.facts.figure_words import MONTH_ABBR
from reader.core.text.words import UNSPACED

# Thousands grouped by commas ("580,000") or by spaces, as French and Russian texts and their
# translations write them ("580 000"); other digit groups side by side are phone numbers.
# Chinese and Japanese characters are one token each (no spaces separate their words), as the
# engine's word pattern has them.
_TOKEN = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d|\s\d)(?:\.\d+)?"
    rf"|\d+(?:\.\d+)?|[{UNSPACED}]|[^\W\d_{UNSPACED}]+\.?|[$€£¥%²]"
)


class FigureToken(NamedTuple):
    """A named tuple, not a frozen dataclass: every sentence that may hold a figure is cut
    into these, and a tuple is made at C speed."""

    text: str
    low: str  # lower case, a trailing full stop dropped
    start: int
    end: int


def figure_tokens(text: str, start: int, end: int) -> list[FigureToken]:
    out = []
    new = tuple.__new__  # a named tuple made without its Python-level __new__
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        low = t.lower()
        e = m.end()
        if low[-1] == "." and len(low) > 1:
            abbrev = low[:-1]
            if abbrev not in MONTH_ABBR:
                low, t, e = abbrev, t[:-1], e - 1
            else:
                low = abbrev
        out.append(new(FigureToken, (t, low, m.start(), e)))
    return out


def is_digits(tok: FigureToken) -> bool:
    return tok.low[0].isdecimal()


def is_unspaced(tok: FigureToken) -> bool:
    """A Chinese or Japanese character: it follows a figure with no space ("8名")."""
    return _UNSPACED_CHAR.fullmatch(tok.text) is not None


_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")


def joined(text: str, a: FigureToken, b: FigureToken) -> bool:
    """Whether b follows a with nothing between them but at most one space or hyphen."""
    gap = text[a.end : b.start]
    return gap in ("", " ", "-", "\u00a0")


_V = TypeVar("_V")


def by_first_word(table: dict[tuple[str, ...], _V]) -> dict[str, list[tuple[tuple[str, ...], _V]]]:
    """Phrases indexed by their first word, longest first, so a lookup tries only a few."""
    out: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for phrase, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
        out.setdefault(phrase[0], []).append((phrase, value))
    return out


def phrase_at(
    toks: list[FigureToken], i: int, index: dict[str, list[tuple[tuple[str, ...], _V]]]
) -> tuple[tuple[str, ...], _V] | None:
    if i >= len(toks):
        return None
    for phrase, value in index.get(toks[i].low, ()):
        if match_phrase(toks, i, phrase):
            return phrase, value
    return None


def match_phrase(toks: list[FigureToken], i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(toks) and all(toks[i + k].low == w for k, w in enumerate(phrase))
