"""The words figures, days and dates are written in: cardinals, scales, vague heads ("dozens"),
shares ("two-thirds"), qualifiers ("more than"), weekdays, months and relative times.

Plain tables for the amount and date finders (`amounts.py`, `dates.py`), and the cheap test
that tells most sentences hold none of them.
"""

from __future__ import annotations

import re

from reader.core.facts.word_trie import trie_pattern

SMALL = {
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
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Attached to digits: "$5bn", "3.5m" (after a currency), "10k".
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

# Plural round numbers that name an order of magnitude, not a figure: (low, high).
VAGUE_HEADS: dict[tuple[str, ...], tuple[float, float]] = {
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
FRACTIONS: dict[tuple[str, ...], float] = {
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

QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
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


def cjk_number(chars: str) -> float | None:
    """The value of a run of Chinese numerals ("七" 7, "十五" 15, "两百" 200, "三万五千"
    35,000), or None when the run is not a number (a lone unit such as "万" in a name)."""
    total = section = 0.0
    digit: float | None = None
    for ch in chars:
        if ch in CJK_DIGITS:
            digit = CJK_DIGITS[ch]
        elif ch in CJK_UNITS:
            section += (1 if digit is None else digit) * CJK_UNITS[ch]
            digit = None
        elif ch in CJK_MYRIADS:
            if digit is None and section == 0:
                return None
            total += (section + (digit or 0)) * CJK_MYRIADS[ch]
            section, digit = 0.0, None
        else:
            return None
    value = total + section + (digit or 0)
    return value if chars and (value > 0 or chars in ("零", "〇")) else None


def is_number_word(word: str) -> bool:
    """Whether a lower-case word is a figure or a cardinal in words."""
    return word[:1].isdecimal() or word in SMALL or word in TENS or word in SCALES


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
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
MONTH_ABBR = {
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
RELATIVE = {
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


MENTION_WORDS = (
    *SMALL, *TENS, *SCALES, "half", "dozen", "dozens", "hundreds", "thousands", "millions",
    "billions", "tens", *WEEKDAYS, *MONTHS, *MONTH_ABBR, "today", "tonight", "tomorrow",
    "yesterday", "week", "month", "night", "morning", "third", "thirds", "quarter", "quarters",
    "fifth",
)  # fmt: skip
# Chinese numerals, written without spaces: 七 (7), 十五 (15), 两百 (200), 三万 (30,000).
CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
CJK_MYRIADS = {"万": 1e4, "亿": 1e8}
CJK_NUMERALS = frozenset(CJK_DIGITS) | frozenset(CJK_UNITS) | frozenset(CJK_MYRIADS)
# A digit, a Chinese numeral or one of the words, whole. The words go in as a trie: every
# sentence of a story is searched, and as a plain alternation they cost more than cutting
# the sentences that hold a figure into tokens.
_MAY_MENTION = re.compile(
    r"\d|[" + "".join(sorted(CJK_NUMERALS)) + r"]|\b(?:" + trie_pattern(MENTION_WORDS) + r")\b",
    re.IGNORECASE,
)


def may_mention(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] may hold a figure, a day or a date (false for most sentences)."""
    return _MAY_MENTION.search(text, start, stop) is not None
