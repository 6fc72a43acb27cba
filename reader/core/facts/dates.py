"""Days and dates in running text: a weekday, a calendar date or a relative time, with its span.

"Jan. 12" and "January 12", "Wednesday", "earlier this week": each becomes a `TimeRef` with a
comparable form ("01-12", "wednesday", "this-week").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.facts.figure_tokens import FigureToken, by_first_word, figure_tokens, phrase_at
from reader.core.facts.figure_words import MONTH_ABBR, MONTHS, RELATIVE, WEEKDAYS
from reader.core.facts.pickled_fields import pickled_as_fields


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class TimeRef:
    """A weekday ("wednesday"), a date ("01-12", "2020-02-06", "2020-02") or a relative time."""

    start: int
    end: int
    text: str
    kind: str  # "day", "date", "relative"
    normalized: str


_RELATIVE_INDEX = by_first_word(RELATIVE)


def _month_of(tok: FigureToken) -> int | None:
    if tok.low in MONTHS:
        return MONTHS[tok.low]
    if tok.low in MONTH_ABBR and tok.text[:1].isupper():
        return MONTH_ABBR[tok.low]
    return None


def _day_number(tok: FigureToken) -> int | None:
    if tok.low.isdecimal() and 1 <= int(tok.low) <= 31 and len(tok.low) <= 2:
        return int(tok.low)
    return None


def _year(tok: FigureToken) -> int | None:
    if tok.low.isdecimal() and len(tok.low) == 4 and 1800 <= int(tok.low) <= 2100:
        return int(tok.low)
    return None


def _year_after(toks: list[FigureToken], j: int) -> int | None:
    if j < len(toks) and toks[j].start - toks[j - 1].end <= 2:
        return _year(toks[j])
    return None


def _date_at(text: str, toks: list[FigureToken], i: int) -> tuple[TimeRef, int] | None:
    """ "January 12", "Jan. 12, 2020", "12 January", "06 February, 2020", "January 2020"."""
    tok = toks[i]
    month = _month_of(tok)
    if month is not None and tok.text[:1].isupper():
        day = _day_number(toks[i + 1]) if i + 1 < len(toks) else None
        j = i + 1 if day is None else i + 2
        year = _year_after(toks, j)
        j += year is not None
        if day is None and year is None and (tok.low in ("may", "march") or tok.low not in MONTHS):
            return None  # the verb, the noun, an abbreviation standing alone
        return _ref(text, tok.start, toks[j - 1].end, "date", _date_norm(year, month, day)), j
    day = _day_number(tok)
    if day is not None and i + 1 < len(toks):
        month = _month_of(toks[i + 1])
        if month is not None and toks[i + 1].text[:1].isupper():
            j = i + 2
            year = _year_after(toks, j)
            j += year is not None
            return _ref(text, tok.start, toks[j - 1].end, "date", _date_norm(year, month, day)), j
    return None


def _date_norm(year: int | None, month: int, day: int | None) -> str:
    md = f"{month:02d}" if day is None else f"{month:02d}-{day:02d}"
    return md if year is None else f"{year}-{md}"


def _ref(text: str, s: int, e: int, kind: str, norm: str) -> TimeRef:
    return TimeRef(s, e, text[s:e], kind, norm)


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_time_refs(text: str, start: int = 0, end: int | None = None) -> list[TimeRef]:
    """Weekdays, calendar dates and relative times ("earlier this week") in text[start:end]."""
    stop = len(text) if end is None else end
    return time_refs_in(text, figure_tokens(text, start, stop), start, stop)


# The words a day, a date or a relative time can begin with (digits, a date's day, apart).
_TIME_FIRST_WORDS = frozenset([*WEEKDAYS, *_RELATIVE_INDEX, *MONTHS, *MONTH_ABBR])


def may_start_time(tok: FigureToken) -> bool:
    """Whether a weekday, a relative time or a date can begin at this token; at any other,
    `time_refs_in` finds none, so it skips the token."""
    return tok.low in _TIME_FIRST_WORDS or tok.low.isdecimal()


def time_refs_in(text: str, toks: list[FigureToken], start: int, stop: int) -> list[TimeRef]:
    out: list[TimeRef] = []
    nxt = 0  # reading resumes after each day or date found
    for i, tok in enumerate(toks):
        if i < nxt or not may_start_time(tok):
            continue
        if tok.low in WEEKDAYS and tok.text[:1].isupper():
            out.append(_ref(text, tok.start, tok.end, "day", tok.low))
            continue
        rel = phrase_at(toks, i, _RELATIVE_INDEX)
        if rel is not None:
            phrase, norm = rel
            last = toks[i + len(phrase) - 1]
            out.append(_ref(text, tok.start, last.end, "relative", norm))
            nxt = i + len(phrase)
            continue
        date = _date_at(text, toks, i)
        if date is not None:
            out.append(date[0])
            nxt = date[1]
    for m in _ISO_DATE.finditer(text, start, stop):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(_ref(text, m.start(), m.end(), "date", f"{y}-{mo:02d}-{d:02d}"))
    out.sort(key=lambda r: r.start)
    return out
