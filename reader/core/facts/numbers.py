"""Amounts, days and dates in running text, with spans and comparable values.

News articles state the same figure in many guises ("580,000", "more than half a million",
"nearly one million", "15 km" / "9 miles", "Jan. 12" / "January 12"). Each mention becomes an
`Amount` (value in a base unit, the range of values its wording allows) or a `TimeRef`
(a weekday, a calendar date or a relative time), so that the discrepancy finder can tell a
different figure from the same figure in other words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from reader.core.facts.units import CURRENCY_SIGNS, UNITS, Unit
from reader.core.text.tokens import STOPWORDS

# --- words -------------------------------------------------------------------------------

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Attached to digits: "$5bn", "3.5m" (after a currency), "10k".
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

# Plural round numbers that name an order of magnitude, not a figure: (low, high).
_VAGUE_HEADS: dict[tuple[str, ...], tuple[float, float]] = {
    ("a", "few", "dozen"): (24, 60),
    ("several", "dozen"): (24, 96),
    ("dozens",): (24, 120),
    ("a", "dozen"): (12, 12),
    ("a", "few", "hundred"): (200, 500),
    ("several", "hundred"): (300, 900),
    ("hundreds", "of", "thousands"): (2e5, 999_999),
    ("tens", "of", "thousands"): (2e4, 99_999),
    ("hundreds", "of", "millions"): (2e8, 999_999_999),
    ("tens", "of", "millions"): (2e7, 99_999_999),
    ("hundreds",): (200, 999),
    ("a", "few", "thousand"): (2000, 5000),
    ("several", "thousand"): (3000, 9000),
    ("thousands",): (2000, 9999),
    ("millions",): (2e6, 9.99e6),
    ("billions",): (2e9, 9.99e9),
}

# Shares in words, as percentages: "two-thirds of", "half the", "one in five".
_FRACTIONS: dict[tuple[str, ...], float] = {
    ("half",): 50.0,
    ("a", "third"): 100 / 3,
    ("one", "third"): 100 / 3,
    ("two", "thirds"): 200 / 3,
    ("a", "quarter"): 25.0,
    ("one", "quarter"): 25.0,
    ("three", "quarters"): 75.0,
    ("a", "fifth"): 20.0,
    ("one", "fifth"): 20.0,
    ("one", "in", "three"): 100 / 3,
    ("one", "in", "four"): 25.0,
    ("one", "in", "five"): 20.0,
    ("one", "in", "ten"): 10.0,
    ("nine", "in", "ten"): 90.0,
}
FRACTION_SPREAD = 5.0  # percentage points a share in words may stand for either way

Qualifier = str  # "", "approx", "lower", "near", "upper", "vague"

_QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("about",): "approx",
    ("around",): "approx",
    ("some",): "approx",
    ("approximately",): "approx",
    ("roughly",): "approx",
    ("an", "estimated"): "approx",
    ("estimated",): "approx",
    ("circa",): "approx",
    ("approx",): "approx",
    ("more", "than"): "lower",
    ("over",): "lower",
    ("just", "over"): "lower",
    ("well", "over"): "lower",
    ("at", "least"): "lower",
    ("upwards", "of"): "lower",
    ("in", "excess", "of"): "lower",
    ("no", "fewer", "than"): "lower",
    ("no", "less", "than"): "lower",
    ("nearly",): "near",
    ("almost",): "near",
    ("close", "to"): "near",
    ("just", "under"): "near",
    ("as", "many", "as"): "near",
    ("less", "than"): "upper",
    ("fewer", "than"): "upper",
    ("under",): "upper",
    ("up", "to"): "upper",
    ("at", "most"): "upper",
    ("no", "more", "than"): "upper",
}


def is_number_word(word: str) -> bool:
    """Whether a lower-case word is a figure or a cardinal in words."""
    return word[:1].isdigit() or word in _SMALL or word in _TENS or word in _SCALES


# --- dates ---------------------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_RELATIVE = {
    ("earlier", "this", "week"): "this-week",
    ("later", "this", "week"): "this-week",
    ("this", "week"): "this-week",
    ("last", "week"): "last-week",
    ("earlier", "this", "month"): "this-month",
    ("this", "month"): "this-month",
    ("last", "month"): "last-month",
    ("last", "night"): "yesterday",
    ("yesterday",): "yesterday",
    ("today",): "today",
    ("tonight",): "today",
    ("this", "morning"): "today",
    ("tomorrow",): "tomorrow",
}


_MENTION_WORDS = (
    *_SMALL, *_TENS, *_SCALES, "half", "dozens?", "hundreds", "thousands", "millions",
    "billions", "tens", *WEEKDAYS, *_MONTHS, *_MONTH_ABBR, "today", "tonight", "tomorrow",
    "yesterday", "week", "month", "night", "morning", "thirds?", "quarters?", "fifth",
)  # fmt: skip
_MAY_MENTION = re.compile(r"\d|\b(?:" + "|".join(_MENTION_WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """A stated quantity: `value` and its compatible range `low..high` are in base units."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    step: float  # the rounding unit the wording implies, in base units
    qualifier: Qualifier
    qualifier_text: str  # as written, lower case: "more than", "nearly"
    unit: str  # as shown: "km", "%", "$"; "" for a plain count
    dimension: str  # "count", "length", "percent", "money:usd", ...
    spelled: bool  # written in words ("seven"), not digits

    @property
    def normalized(self) -> str:
        """Comparable form: qualifier, value in base units, dimension."""
        q = self.qualifier_text
        if self.qualifier == "vague":
            core = f"{_fmt(self.low)}-{_fmt(self.high)}"
        else:
            core = _fmt(self.value)
        dim = "" if self.dimension == "count" else f" {_BASE_NAMES.get(self.dimension, '')}"
        return f"{q} {core}{dim}".strip()


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A weekday ("wednesday"), a date ("01-12", "2020-02-06", "2020-02") or a relative time."""

    start: int
    end: int
    text: str
    kind: str  # "day", "date", "relative"
    normalized: str


_BASE_NAMES = {
    "length": "m",
    "mass": "kg",
    "area": "m²",
    "percent": "%",
    "points": "pp",
    "duration": "s",
    "speed": "m/s",
    "temperature-c": "°C",
}


def _fmt(x: float) -> str:
    if x == int(x):
        return str(int(x))
    return f"{x:.6g}"


# --- tokens --------------------------------------------------------------------------------

# Thousands grouped by commas ("580,000") or by spaces, as French and Russian texts and their
# translations write them ("580 000"); other digit groups side by side are phone numbers.
_TOKEN = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d|\s\d)(?:\.\d+)?"
    r"|\d+(?:\.\d+)?|[^\W\d_]+\.?|[$€£¥%²]"
)
_GROUPING = str.maketrans("", "", ", \u00a0\u202f")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    low: str  # lower case, a trailing full stop dropped
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, start, end):
        t = m.group(0)
        low = t.lower()
        e = m.end()
        if low.endswith(".") and len(low) > 1:
            abbrev = low[:-1]
            if abbrev not in _MONTH_ABBR:
                low, t, e = abbrev, t[:-1], e - 1
            else:
                low = abbrev
        out.append(_Tok(t, low, m.start(), e))
    return out


def _is_digits(tok: _Tok) -> bool:
    return tok.low[0].isdigit()


def _joined(text: str, a: _Tok, b: _Tok) -> bool:
    """Whether b follows a with nothing between them but at most one space or hyphen."""
    gap = text[a.end : b.start]
    return gap in ("", " ", "-", "\u00a0")


# --- amounts -------------------------------------------------------------------------------


def _digits_value(tok: _Tok) -> tuple[float, float]:
    """(value, rounding step) of "580,000" / "3.5"."""
    raw = tok.low.translate(_GROUPING)
    if "." in raw:
        decimals = len(raw.split(".")[1])
        return float(raw), 10.0**-decimals
    zeros = len(raw) - len(raw.rstrip("0")) if raw.strip("0") else 0
    return float(raw), 10.0**zeros


def _word_number(text: str, toks: list[_Tok], i: int) -> tuple[float, float, int] | None:
    """A cardinal in words starting at toks[i]: (value, step, tokens used)."""
    total = 0.0
    current = 0.0
    used = 0
    step = 1.0
    seen = False
    j = i
    while j < len(toks):
        w = toks[j].low
        if j > i and not _joined(text, toks[j - 1], toks[j]):
            break
        if w in _SMALL:
            current += _SMALL[w]
        elif w in _TENS:
            current += _TENS[w]
            if j + 1 >= len(toks) or toks[j + 1].low not in _SMALL:
                step = 10.0 if current % 10 == 0 and not seen else step
        elif w in _SCALES and (seen or w == "hundred"):
            scale = _SCALES[w]
            if current == 0:
                current = 1
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            step = scale / 10 if scale > 100 else step
        elif w == "and" and seen and j + 1 < len(toks) and toks[j + 1].low in (_SMALL | _TENS):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        used = j - i
    if not seen:
        return None
    return total + current, step, used


_V = TypeVar("_V")


def _by_first_word(table: dict[tuple[str, ...], _V]) -> dict[str, list[tuple[tuple[str, ...], _V]]]:
    """Phrases indexed by their first word, longest first, so a lookup tries only a few."""
    out: dict[str, list[tuple[tuple[str, ...], _V]]] = {}
    for phrase, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
        out.setdefault(phrase[0], []).append((phrase, value))
    return out


def _phrase_at(
    toks: list[_Tok], i: int, index: dict[str, list[tuple[tuple[str, ...], _V]]]
) -> tuple[tuple[str, ...], _V] | None:
    if i >= len(toks):
        return None
    for phrase, value in index.get(toks[i].low, ()):
        if _match_phrase(toks, i, phrase):
            return phrase, value
    return None


_QUALIFIER_INDEX = _by_first_word(_QUALIFIERS)
_VAGUE_INDEX = _by_first_word(_VAGUE_HEADS)
_FRACTION_INDEX = _by_first_word(_FRACTIONS)
_RELATIVE_INDEX = _by_first_word(_RELATIVE)


def _match_phrase(toks: list[_Tok], i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(toks) and all(toks[i + k].low == w for k, w in enumerate(phrase))


_TIME_OR_SCORE = re.compile(r"\d\s?[:/\-]\s?$|^\s?[:/\-]\s?\d|^\s?[ap]\.?m\b", re.IGNORECASE)
_LABELS = frozenset({"no", "nos", "number", "#", "article", "chapter", "section", "page", "route"})


# Written after a clock time: "at about 2045 GMT", "before 9 ET".
_TIME_ZONES = frozenset(
    "gmt utc bst cet cest eet eest msk ist jst est edt cst cdt mst mdt pst pdt et pt".split()
)


def _before_zone(text: str, tok: _Tok, nxt: _Tok | None) -> bool:
    """ "2045 GMT": a clock time, its zone right after it."""
    return (
        nxt is not None
        and nxt.low in _TIME_ZONES
        and nxt.text.isupper()
        and _joined(text, tok, nxt)
    )


def _not_an_amount(text: str, toks: list[_Tok], i: int) -> bool:
    """Times ("11:18 pm", "2045 GMT"), scores ("9-3"), labels ("No. 12"), model names
    ("FireWire 800") and phone numbers ("0845 125 2222": digit groups side by side)."""
    tok = toks[i]
    if _TIME_OR_SCORE.search(text[max(0, tok.start - 3) : tok.start]) or _TIME_OR_SCORE.search(
        text[tok.end : tok.end + 4]
    ):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if _before_zone(text, tok, nxt):
        return True
    if tok.low.isdigit() and len(tok.low) > 1 and tok.low[0] == "0":
        return True  # a leading zero: a code or a phone number, not a figure
    if any(
        other is not None and _is_digits(other) and "," not in other.low
        and text[min(tok.end, other.end) : max(tok.start, other.start)] == " "
        for other in (nxt, toks[i - 1] if i > 0 else None)
    ):  # fmt: skip
        return True
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.low in _LABELS:
        return True
    named = prev.text[:1].isupper() and prev.text.isalpha() and prev.low not in STOPWORDS
    before = text[max(0, prev.start - 2) : prev.start].strip()
    at_sentence_start = prev.start == 0 or before[-1:] in (".", "!", "?", '"', "“", "")
    return named and text[prev.end : tok.start] == " " and not at_sentence_start


def _number_at(text: str, toks: list[_Tok], i: int) -> tuple[float, float, int, bool] | None:
    """(value, step, tokens used, spelled) of a figure starting at toks[i]."""
    tok = toks[i]
    if _is_digits(tok):
        if i > 0 and toks[i - 1].end == tok.start and not _is_digits(toks[i - 1]):
            prev = toks[i - 1].low
            if prev not in CURRENCY_SIGNS:
                return None  # "M5" style codes
        if tok.start > 1 and text[tok.start - 1] == "-" and text[tok.start - 2].isalpha():
            return None  # "COVID-19" style codes
        if _not_an_amount(text, toks, i):
            return None
        value, step = _digits_value(tok)
        used = 1
        if i + 1 < len(toks) and toks[i + 1].low in _SCALES and _joined(text, tok, toks[i + 1]):
            scale = _SCALES[toks[i + 1].low]
            step = step * scale if "." in tok.low else scale
            value *= scale
            used = 2
        return value, step, used, False
    if tok.low == "half" and _match_phrase(toks, i + 1, ("a",)) and i + 2 < len(toks):
        half_of = _SCALES.get(toks[i + 2].low, 0.0)
        if half_of > 100:
            return half_of / 2, half_of / 10, 3, True
    if tok.low == "a" and i + 1 < len(toks) and toks[i + 1].low in _SCALES:
        scale = _SCALES[toks[i + 1].low]
        return scale, scale / 10, 2, True
    words = _word_number(text, toks, i)
    if words is None:
        return None
    value, step, used = words
    return value, step, used, True


def _unit_after(text: str, toks: list[_Tok], i: int) -> tuple[Unit, int] | None:
    """The unit written right after the figure (toks[i] is the first token after it)."""
    if i >= len(toks) or not _joined(text, toks[i - 1], toks[i]):
        return None
    for n in (3, 2, 1):
        if i + n <= len(toks):
            unit = UNITS.get(" ".join(t.low for t in toks[i : i + n]))
            if unit is not None:
                return unit, n
    return None


def _range(value: float, step: float, qualifier: Qualifier) -> tuple[float, float]:
    if qualifier == "approx":
        tol = max(0.15 * value, min(step, 0.25 * value))
        return value - tol, value + tol
    if qualifier == "lower":
        return value, max(value * 1.35, value + 3 * min(step, 1.0))
    if qualifier == "near":
        return value * 0.8, value
    if qualifier == "upper":
        return 0.0, value
    return value, value


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Amounts in text[start:end] with their spans (qualifier and unit included)."""
    return find_mentions(text, start, end)[0]


def find_mentions(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[Amount], list[TimeRef]]:
    """Amounts, and days and dates, of text[start:end]: one pass for callers wanting both."""
    stop = len(text) if end is None else end
    if not _MAY_MENTION.search(text, start, stop):
        return [], []  # most sentences: no figure, no day, no date
    toks = _tokens(text, start, stop)
    dates = _time_refs(text, toks, start, stop)
    return _amounts(text, toks, dates), dates


def _amounts(text: str, toks: list[_Tok], dates: list[TimeRef]) -> list[Amount]:
    out: list[Amount] = []
    i = 0
    while i < len(toks):
        found = _amount_at(text, toks, i)
        if found is None:
            i += 1
            continue
        amount, nxt = found
        if not any(d.start < amount.end and amount.start < d.end for d in dates):
            out.append(amount)
        i = nxt
    return out


_PERSONS = frozenset(
    "girl girls boy boys man men woman women teenager teen child mother father son daughter "
    "wife husband victim suspect driver resident".split()
)


def _is_age(text: str, toks: list[_Tok], j: int, k: int) -> bool:
    """ "Yvonne Hiller, 43, ...", "a girl, 10, ...": a bare number set off by commas right
    after a name or a person."""
    if j == 0 or k != j + 1 or not toks[j].low.isdigit():
        return False
    prev = toks[j - 1]
    return (
        (prev.text[:1].isupper() or prev.low in _PERSONS)
        and text[prev.end : toks[j].start] == ", "
        and text[toks[j].end : toks[j].end + 1] == ","
    )


_NOT_AFTER_ONE = frozenset(
    "of by another is was has had who that which the a an day time way point thing".split()
)


def _counts_one(toks: list[_Tok], j: int) -> bool:
    """Whether "one" counts something ("one Turkish civilian"), not a pronoun ("one of them")."""
    if j > 0 and toks[j - 1].low in ("the", "no", "any", "every", "this", "that", "each"):
        return False
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1].low
    return nxt.isalpha() and nxt not in _NOT_AFTER_ONE and not nxt.endswith("ing")


def _qualifier_at(toks: list[_Tok], i: int) -> tuple[Qualifier, int]:
    found = _phrase_at(toks, i, _QUALIFIER_INDEX)
    return ("", 0) if found is None else (found[1], len(found[0]))


def _share_at(text: str, toks: list[_Tok], first: int, j: int) -> tuple[Amount, int] | None:
    """A share in words at toks[j] ("two-thirds of", "half the"; not "a third worker", an
    ordinal, nor "half a million"), as a range of percentages, and the token after it."""
    found = _phrase_at(toks, j, _FRACTION_INDEX)
    if found is None:
        return None
    phrase, value = found
    after = j + len(phrase)
    if any(not _joined(text, toks[k - 1], toks[k]) for k in range(j + 1, after)):
        return None
    nxt = toks[after].low if after < len(toks) else ""
    if not (nxt == "of" or (phrase == ("half",) and nxt == "the") or "in" in phrase):
        return None
    s, e = toks[first].start, toks[after - 1].end
    spread = FRACTION_SPREAD
    amount = Amount(
        s, e, text[s:e], value, value - spread, value + spread, 2 * spread, "vague",
        " ".join(t.low for t in toks[first:j]), "%", "percent", True,
    )  # fmt: skip
    return amount, after


def _amount_at(text: str, toks: list[_Tok], i: int) -> tuple[Amount, int] | None:
    first = i
    qualifier, n = _qualifier_at(toks, i)
    j = i + n
    vague = _phrase_at(toks, j, _VAGUE_INDEX)
    if vague is not None:
        phrase, (low, high) = vague
        end_tok = toks[j + len(phrase) - 1]
        value = (low + high) / 2
        s = toks[first].start
        amount = Amount(
            s,
            end_tok.end,
            text[s : end_tok.end],
            low if low == high else value,
            low,
            high,
            high - low or 1.0,
            "vague" if low != high else qualifier,
            " ".join(t.low for t in toks[first:j]),
            "",
            "count",
            True,
        )
        return amount, j + len(phrase)
    share = _share_at(text, toks, first, j)
    if share is not None:
        return share
    currency: Unit | None = None
    if j < len(toks) and toks[j].low in CURRENCY_SIGNS:
        currency = CURRENCY_SIGNS[toks[j].low]
        j += 1
    elif (
        j + 1 < len(toks)
        and toks[j].low == "us"
        and toks[j + 1].low == "$"
        and toks[j].end == toks[j + 1].start
    ):
        currency = CURRENCY_SIGNS["$"]
        j += 2
    if j >= len(toks):
        return None
    number = _number_at(text, toks, j)
    if number is None:
        return None
    value, step, used, spelled = number
    if not spelled and currency is None and n == 0:
        raw = toks[j].low
        if len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100:
            return None  # a year
    k = j + used
    # "$5bn", "3.5m": a scale glued to the digits or right after a currency figure
    if k < len(toks) and toks[k].low in _SUFFIX_SCALES and toks[k - 1].end == toks[k].start:
        if currency is not None or toks[k].low not in ("m", "b"):
            scale = _SUFFIX_SCALES[toks[k].low]
            value, step = value * scale, step * scale if step < 1 else scale
            k += 1
    elif (
        k < len(toks)
        and toks[k - 1].end == toks[k].start
        and not _is_digits(toks[k])
        and toks[k].low not in UNITS
    ):
        return None  # an ordinal ("12th") or a code ("3D")
    unit = currency
    if unit is None and _is_age(text, toks, j, k):
        unit = UNITS["years old"]
    if unit is None:
        after = _unit_after(text, toks, k)
        if after is not None:
            unit, extra = after
            k += extra
    elif k < len(toks) and toks[k].low in ("dollars", "euros"):
        k += 1
    if n == 0 and spelled and value == 1 and unit is None and not _counts_one(toks, j):
        return None
    factor = unit.factor if unit else 1.0
    low, high = _range(value * factor, step * factor, qualifier)
    s, e = toks[first].start, toks[k - 1].end
    if e < toks[j].end:
        e = toks[j].end
    amount = Amount(
        start=s,
        end=e,
        text=text[s:e],
        value=value * factor,
        low=low,
        high=high,
        step=step * factor,
        qualifier=qualifier,
        qualifier_text=" ".join(t.low for t in toks[first : first + n]),
        unit=unit.name if unit else "",
        dimension=unit.dimension if unit else "count",
        spelled=spelled,
    )
    return amount, k


# --- days and dates ------------------------------------------------------------------------


def _month_of(tok: _Tok) -> int | None:
    if tok.low in _MONTHS:
        return _MONTHS[tok.low]
    if tok.low in _MONTH_ABBR and tok.text[:1].isupper():
        return _MONTH_ABBR[tok.low]
    return None


def _day_number(tok: _Tok) -> int | None:
    if tok.low.isdigit() and 1 <= int(tok.low) <= 31 and len(tok.low) <= 2:
        return int(tok.low)
    return None


def _year(tok: _Tok) -> int | None:
    if tok.low.isdigit() and len(tok.low) == 4 and 1800 <= int(tok.low) <= 2100:
        return int(tok.low)
    return None


def _year_after(toks: list[_Tok], j: int) -> int | None:
    if j < len(toks) and toks[j].start - toks[j - 1].end <= 2:
        return _year(toks[j])
    return None


def _date_at(text: str, toks: list[_Tok], i: int) -> tuple[TimeRef, int] | None:
    """ "January 12", "Jan. 12, 2020", "12 January", "06 February, 2020", "January 2020"."""
    tok = toks[i]
    month = _month_of(tok)
    if month is not None and tok.text[:1].isupper():
        day = _day_number(toks[i + 1]) if i + 1 < len(toks) else None
        j = i + 1 if day is None else i + 2
        year = _year_after(toks, j)
        j += year is not None
        if day is None and year is None and (tok.low in ("may", "march") or tok.low not in _MONTHS):
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
    return _time_refs(text, _tokens(text, start, stop), start, stop)


def _time_refs(text: str, toks: list[_Tok], start: int, stop: int) -> list[TimeRef]:
    out: list[TimeRef] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.low in WEEKDAYS and tok.text[:1].isupper():
            out.append(_ref(text, tok.start, tok.end, "day", tok.low))
            i += 1
            continue
        rel = _phrase_at(toks, i, _RELATIVE_INDEX)
        if rel is not None:
            phrase, norm = rel
            last = toks[i + len(phrase) - 1]
            out.append(_ref(text, tok.start, last.end, "relative", norm))
            i += len(phrase)
            continue
        date = _date_at(text, toks, i)
        if date is not None:
            out.append(date[0])
            i = date[1]
            continue
        i += 1
    for m in _ISO_DATE.finditer(text, start, stop):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(_ref(text, m.start(), m.end(), "date", f"{y}-{mo:02d}-{d:02d}"))
    out.sort(key=lambda r: r.start)
    return out
