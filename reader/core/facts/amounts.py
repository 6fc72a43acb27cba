"""Amounts in running text: a stated quantity with its span and the values its wording allows.

News articles state the same figure in many guises ("580,000", "more than half a million",
"nearly one million", "15 km" / "9 miles"). Each becomes an `Amount`: its value in a base unit
and the range of values its wording allows, so that the discrepancy finder can tell a different
figure from the same figure in other words. Days and dates are `dates.py`'s; `find_mentions`
finds both in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.facts.dates import TimeRef, time_refs_in
from reader.core.facts.figure_tokens import (
    FigureToken,
    by_first_word,
    figure_tokens,
    is_digits,
    is_unspaced,
    joined,
    phrase_at,
)
from reader.core.facts.figure_values import number_at
from reader.core.facts.figure_words import (
    CJK_NUMERALS,
    FRACTION_SPREAD,
    FRACTIONS,
    QUALIFIERS,
    SMALL,
    SUFFIX_SCALES,
    TENS,
    VAGUE_HEADS,
    Qualifier,
    may_mention,
)
from reader.core.facts.pickled_fields import pickled_as_fields
from reader.core.facts.units import CURRENCY_SIGNS, UNITS, Unit


@pickled_as_fields
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


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Amounts in text[start:end] with their spans (qualifier and unit included)."""
    return find_mentions(text, start, end)[0]


def find_mentions(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[Amount], list[TimeRef]]:
    """Amounts, and days and dates, of text[start:end]: one pass for callers wanting both."""
    stop = len(text) if end is None else end
    if not may_mention(text, start, stop):
        return [], []  # most sentences: no figure, no day, no date
    toks = figure_tokens(text, start, stop)
    dates = time_refs_in(text, toks, start, stop)
    return amounts_in(text, toks, dates), dates


def amounts_in(text: str, toks: list[FigureToken], dates: list[TimeRef]) -> list[Amount]:
    """The amounts of a sentence's tokens, left to right, none inside a day or date.

    An amount is looked for only at a token that can start one (`may_start_amount`): the
    others, most of a sentence, would each cost a failed `_amount_at`. Reading resumes after
    each amount found, as a scan of every token would."""
    out: list[Amount] = []
    nxt = 0
    for i, tok in enumerate(toks):
        if i < nxt or not may_start_amount(tok):
            continue
        found = _amount_at(text, toks, i)
        if found is None:
            continue
        amount, nxt = found
        if not any(d.start < amount.end and amount.start < d.end for d in dates):
            out.append(amount)
    return out


_QUALIFIER_INDEX = by_first_word(QUALIFIERS)
_VAGUE_INDEX = by_first_word(VAGUE_HEADS)
_FRACTION_INDEX = by_first_word(FRACTIONS)

# The words `_amount_at` can begin with: a qualifier, a vague head or a share in words, a
# currency sign ("us" of "US$"), and what `number_at` reads (the cardinals `_word_number`
# takes first, "half a million", "a thousand"). Digits and Chinese numerals are tested apart.
_AMOUNT_FIRST_WORDS = frozenset(
    [*_QUALIFIER_INDEX, *_VAGUE_INDEX, *_FRACTION_INDEX, *CURRENCY_SIGNS, "us", "half", "a"]
).union(SMALL, TENS, ["hundred"])


def may_start_amount(tok: FigureToken) -> bool:
    """Whether `_amount_at` can find an amount at this token; where it cannot, it returns None
    without fail, so the amount finder skips the token."""
    return tok.low in _AMOUNT_FIRST_WORDS or is_digits(tok) or tok.text in CJK_NUMERALS


def _unit_after(text: str, toks: list[FigureToken], i: int) -> tuple[Unit, int] | None:
    """The unit written right after the figure (toks[i] is the first token after it)."""
    if i >= len(toks) or not joined(text, toks[i - 1], toks[i]):
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


_PERSONS = frozenset(
    "girl girls boy boys man men woman women teenager teen child mother father son daughter "
    "wife husband victim suspect driver resident".split()
)


def _is_age(text: str, toks: list[FigureToken], j: int, k: int) -> bool:
    """ "Yvonne Hiller, 43, ...", "a girl, 10, ...": a bare number set off by commas right
    after a name or a person."""
    if j == 0 or k != j + 1 or not toks[j].low.isdecimal():
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


def _counts_one(toks: list[FigureToken], j: int) -> bool:
    """Whether "one" counts something ("one Turkish civilian"), not a pronoun ("one of them")."""
    if j > 0 and toks[j - 1].low in ("the", "no", "any", "every", "this", "that", "each"):
        return False
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1].low
    return nxt.isalpha() and nxt not in _NOT_AFTER_ONE and not nxt.endswith("ing")


def _qualifier_at(toks: list[FigureToken], i: int) -> tuple[Qualifier, int]:
    found = phrase_at(toks, i, _QUALIFIER_INDEX)
    return ("", 0) if found is None else (found[1], len(found[0]))


def _share_at(text: str, toks: list[FigureToken], first: int, j: int) -> tuple[Amount, int] | None:
    """A share in words at toks[j] ("two-thirds of", "half the"; not "a third worker", an
    ordinal, nor "half a million"), as a range of percentages, and the token after it."""
    found = phrase_at(toks, j, _FRACTION_INDEX)
    if found is None:
        return None
    phrase, value = found
    after = j + len(phrase)
    if any(not joined(text, toks[k - 1], toks[k]) for k in range(j + 1, after)):
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


def _amount_at(text: str, toks: list[FigureToken], i: int) -> tuple[Amount, int] | None:
    first = i
    qualifier, n = _qualifier_at(toks, i)
    j = i + n
    vague = phrase_at(toks, j, _VAGUE_INDEX)
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
    number = number_at(text, toks, j)
    if number is None:
        return None
    value, step, used, spelled = number
    if not spelled and currency is None and n == 0:
        raw = toks[j].low
        if len(raw) == 4 and raw.isdecimal() and 1800 <= int(raw) <= 2100:
            return None  # a year
    k = j + used
    # "$5bn", "3.5m": a scale glued to the digits or right after a currency figure
    if k < len(toks) and toks[k].low in SUFFIX_SCALES and toks[k - 1].end == toks[k].start:
        if currency is not None or toks[k].low not in ("m", "b"):
            scale = SUFFIX_SCALES[toks[k].low]
            value, step = value * scale, step * scale if step < 1 else scale
            k += 1
    elif (
        k < len(toks)
        and toks[k - 1].end == toks[k].start
        and not is_digits(toks[k])
        and not is_unspaced(toks[k])  # "8名": Chinese writes the measure word right after
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
