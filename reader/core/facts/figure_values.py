"""One figure at a token: its value and rounding step, from digits ("580,000", "3.5") or words
("twenty-five", "half a million", "a thousand"), and the digit strings that are no figure
(times, scores, labels, codes, phone numbers). `amounts.py` adds qualifiers and units.
"""

from __future__ import annotations

import re

from reader.core.facts.figure_tokens import FigureToken, is_digits, joined, match_phrase
from reader.core.facts.figure_words import CJK_NUMERALS, SCALES, SMALL, TENS, cjk_number
from reader.core.facts.units import CURRENCY_SIGNS
from reader.core.text.tokens import STOPWORDS

_GROUPING = str.maketrans("", "", ", \u00a0\u202f")


def _digits_value(tok: FigureToken) -> tuple[float, float]:
    """(value, rounding step) of "580,000" / "3.5"."""
    raw = tok.low.translate(_GROUPING)
    if "." in raw:
        decimals = len(raw.split(".")[1])
        return float(raw), 10.0**-decimals
    zeros = len(raw) - len(raw.rstrip("0")) if raw.strip("0") else 0
    return float(raw), 10.0**zeros


def _word_number(text: str, toks: list[FigureToken], i: int) -> tuple[float, float, int] | None:
    """A cardinal in words starting at toks[i]: (value, step, tokens used)."""
    total = 0.0
    current = 0.0
    used = 0
    step = 1.0
    seen = False
    j = i
    while j < len(toks):
        w = toks[j].low
        if j > i and not joined(text, toks[j - 1], toks[j]):
            break
        if w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
            if j + 1 >= len(toks) or toks[j + 1].low not in SMALL:
                step = 10.0 if current % 10 == 0 and not seen else step
        elif w in SCALES and (seen or w == "hundred"):
            scale = SCALES[w]
            if current == 0:
                current = 1
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            step = scale / 10 if scale > 100 else step
        elif w == "and" and seen and j + 1 < len(toks) and toks[j + 1].low in (SMALL | TENS):
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


_TIME_OR_SCORE = re.compile(r"\d\s?[:/\-]\s?$|^\s?[:/\-]\s?\d|^\s?[ap]\.?m\b", re.IGNORECASE)
_LABELS = frozenset({"no", "nos", "number", "#", "article", "chapter", "section", "page", "route"})


# Written after a clock time: "at about 2045 GMT", "before 9 ET".
_TIME_ZONES = frozenset(
    "gmt utc bst cet cest eet eest msk ist jst est edt cst cdt mst mdt pst pdt et pt".split()
)


def _before_zone(text: str, tok: FigureToken, nxt: FigureToken | None) -> bool:
    """ "2045 GMT": a clock time, its zone right after it."""
    return (
        nxt is not None and nxt.low in _TIME_ZONES and nxt.text.isupper() and joined(text, tok, nxt)
    )


# A Chinese numeral is a figure when a measure word follows it ("七名士兵", "三架飞机"): the
# same characters also write words ("一些" some, "统一" unify) that are no figure.
CJK_MEASURES = frozenset("名个位人架辆艘座栋间家条枚颗头只起次天年岁周倍元吨米所")


def _cjk_number(
    text: str, toks: list[FigureToken], i: int
) -> tuple[float, float, int, bool] | None:
    j = i
    while (
        j < len(toks)
        and toks[j].text in CJK_NUMERALS
        and (j == i or joined(text, toks[j - 1], toks[j]))
    ):
        j += 1
    if j >= len(toks) or toks[j].text not in CJK_MEASURES or toks[j - 1].end != toks[j].start:
        return None
    if i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].text in CJK_NUMERALS:
        return None  # inside a longer run
    value = cjk_number("".join(t.text for t in toks[i:j]))
    return None if value is None else (value, 1.0, j - i, True)


def _not_an_amount(text: str, toks: list[FigureToken], i: int) -> bool:
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
    if tok.low.isdecimal() and len(tok.low) > 1 and tok.low[0] == "0":
        return True  # a leading zero: a code or a phone number, not a figure
    if any(
        other is not None and is_digits(other) and "," not in other.low
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


def number_at(text: str, toks: list[FigureToken], i: int) -> tuple[float, float, int, bool] | None:
    """(value, step, tokens used, spelled) of a figure starting at toks[i]."""
    tok = toks[i]
    if is_digits(tok):
        if i > 0 and toks[i - 1].end == tok.start and not is_digits(toks[i - 1]):
            prev = toks[i - 1].low
            if prev not in CURRENCY_SIGNS:
                return None  # "M5" style codes
        if tok.start > 1 and text[tok.start - 1] == "-" and text[tok.start - 2].isalpha():
            return None  # "COVID-19" style codes
        if _not_an_amount(text, toks, i):
            return None
        value, step = _digits_value(tok)
        used = 1
        if i + 1 < len(toks) and toks[i + 1].low in SCALES and joined(text, tok, toks[i + 1]):
            scale = SCALES[toks[i + 1].low]
            step = step * scale if "." in tok.low else scale
            value *= scale
            used = 2
        return value, step, used, False
    if tok.text in CJK_NUMERALS:
        return _cjk_number(text, toks, i)
    if tok.low == "half" and match_phrase(toks, i + 1, ("a",)) and i + 2 < len(toks):
        half_of = SCALES.get(toks[i + 2].low, 0.0)
        if half_of > 100:
            return half_of / 2, half_of / 10, 3, True
    if tok.low == "a" and i + 1 < len(toks) and toks[i + 1].low in SCALES:
        scale = SCALES[toks[i + 1].low]
        return scale, scale / 10, 2, True
    words = _word_number(text, toks, i)
    if words is None:
        return None
    value, step, used = words
    return value, step, used, True
