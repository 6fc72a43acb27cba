"""Whether two mentions of a fact can both be true, and how surely they speak of one thing.

Values agree when one true figure (or day, or date) fits both wordings: 15 km and 9 miles do,
"more than 580,000" and "nearly one million" do not. Mentions are comparable when they are of
one kind and dimension and nothing sets them apart (other people, another event); their
affinity weighs the counted thing (head noun or its class: people, military...), its modifiers
and the words around them.
"""

from __future__ import annotations

from functools import lru_cache

from reader.core.facts.amounts import Amount
from reader.core.facts.dates import TimeRef
from reader.core.facts.mentions import Mention

# Head nouns that count the same kind of thing under different words.
_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "person": "people person civilian resident inhabitant individual villager citizen refugee "
    "migrant child woman man victim patient passenger worker protester family household",
    "military": "soldier troop personnel serviceman servicemember officer fighter militant "
    "rebel insurgent marine guard specialist army",
}.items():
    for _w in _words.split():
        _CLASSES[_w] = _cls
_GENERAL = {"people": "person", "person": "person"}  # also covers the military
STRICT = 5  # the affinity asked of two counted figures that no claim holds together


@lru_cache(maxsize=4096)
def _kin(head: str) -> frozenset[str]:
    """The classes a counted thing belongs to; a general one ("people") to every class.
    (Asked for every pair of counted figures scored: 210,000 times at 500 articles.)"""
    if head in _GENERAL:
        return frozenset(_CLASSES.values())
    cls = _CLASSES.get(head)
    return frozenset((cls,)) if cls is not None else frozenset()


def _amounts_agree(a: Amount, b: Amount) -> bool:
    """Whether both wordings can describe one true figure."""
    if a.dimension != b.dimension:
        return True  # not comparable: never a discrepancy
    if a.qualifier == b.qualifier and a.qualifier != "vague":
        if a.unit == b.unit:
            return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))
        return abs(a.value - b.value) <= _rounding(a, b)
    tol = _rounding(a, b) if a.unit != b.unit else 0.0
    return a.low <= b.high + tol and b.low <= a.high + tol


def _rounding(a: Amount, b: Amount) -> float:
    """How far a converted figure may stray: half its rounding step ("9 miles" for 15 km), but
    no more than a tenth of it, so that 100 km and 100 miles still differ."""
    return min(max(a.step, b.step) / 2, 0.1 * max(abs(a.value), abs(b.value)))


def _times_agree(a: TimeRef, b: TimeRef) -> bool:
    if a.kind == "relative" or b.kind == "relative":
        return True  # "earlier this week" fits any weekday
    if a.kind != b.kind:
        return True  # a weekday and a date cannot be compared without a calendar
    if a.kind == "day":
        return a.normalized == b.normalized
    x, y = a.normalized.split("-"), b.normalized.split("-")
    if len(x[0]) == 4 and len(y[0]) == 4 and x[0] != y[0]:
        return False
    x = x[1:] if len(x[0]) == 4 else x
    y = y[1:] if len(y[0]) == 4 else y
    return all(p == q for p, q in zip(x, y, strict=False))


def agree(a: Mention, b: Mention) -> bool:
    if a.amount is not None and b.amount is not None:
        return _amounts_agree(a.amount, b.amount)
    if a.time is not None and b.time is not None:
        return _times_agree(a.time, b.time)
    return True


def comparable(a: Mention, b: Mention) -> bool:
    if a.article == b.article or a.dimension != b.dimension:
        return False
    if a.proper and b.proper and not a.proper & b.proper:
        return False  # "13 Syrian soldiers" and "eight Turkish soldiers" count different people
    if a.action and b.action and a.action != b.action:
        return False  # "shot three" and "killed two" of them: both can be true
    if a.amount is not None and b.amount is not None and a.amount.unit != b.amount.unit:
        small, large = sorted((abs(a.amount.value), abs(b.amount.value)))
        if large >= 10 * small:
            return False  # "15 years" at the plant and "two months" suspended: other facts
    return a.kind == b.kind


def same_value(a: Mention, b: Mention) -> bool:
    """Both say one definite value: an amount the other allows, or the same day or date."""
    if not comparable(a, b) or not agree(a, b):
        return False
    if a.amount is not None and b.amount is not None:
        return "vague" not in (a.amount.qualifier, b.amount.qualifier)
    if a.time is None or b.time is None:
        return False
    return "relative" not in (a.time.kind, b.time.kind)


def affinity(a: Mention, b: Mention) -> int:
    """How surely two mentions speak of the same thing."""
    score = min(len(a.context & b.context), 3)
    if a.rank == b.rank and a.rank[1] > 1:
        score += 1  # lists of figures keep their order across versions
    if a.kind != "number":
        return score
    if a.dimension != "count":
        if a.head and b.head and a.head != b.head:
            score -= 2  # a "17-inch notebook" is not "0.98 inches thick"
        return score  # else the unit says what is measured
    related = bool(a.head) and a.head == b.head
    if related:
        score += 3
    elif a.head and b.head:
        related = not _kin(a.head).isdisjoint(_kin(b.head))
        score += 2 if related else -2
    if not related:
        score -= 1  # a figure without its counted thing needs much shared wording
    if a.modifiers & b.modifiers:
        score += 2
    elif a.modifiers and b.modifiers:
        score -= 2
    return score


def threshold(m: Mention, alone: bool, strict: bool) -> int:
    if strict:
        return STRICT
    if m.kind == "number":
        return (2 if alone else 3) + (m.dimension != "count")
    return 1 if alone else 2  # a day or date: some shared wording around it


def strict_keys(m: Mention) -> frozenset[tuple[str, str, str]]:
    """Keys that two counted figures share whenever their affinity reaches STRICT, so that an
    index of them finds every such pair without scoring all pairs.

    Reaching STRICT takes a related counted thing (the same head, +3, or one class, +2: any
    other pair scores 3 at most) and then a shared modifier or a shared context word (the
    context counts 3 at most and the list order 1). So the keys are the head and its classes,
    each with every modifier and every context word.
    """
    return _strict_keys(m.head, m.modifiers, m.context)


@lru_cache(maxsize=1 << 16)  # as many wordings as discrepancies._word_stem keeps words
def _strict_keys(
    head: str, modifiers: frozenset[str], context: frozenset[str]
) -> frozenset[tuple[str, str, str]]:
    """strict_keys of a figure's words, made once for the copies of a wording."""
    if not head:
        return frozenset()
    kin = [("head", head), *(("class", c) for c in _kin(head))]
    return frozenset(
        [(f"{k}-modifier", name, w) for k, name in kin for w in modifiers]
        + [(f"{k}-context", name, w) for k, name in kin for w in context]
    )
