"""A pattern's matches read line by line, in only the lines that hold one of its literals.

A calque is a case-insensitive regex opening on a word boundary: `re` can skip nowhere and
tries it at every character of an article (6 ms a pattern on a 600 KB text), though most
lines hold none of its words. Where nothing in a pattern can match a line break (the parse
tree below says so; anything it does not know counts as a line break), every match lies
inside one line, and matching a line alone, `finditer(text, start, end)` with `end` on its
line break, finds what the whole-text scan finds there: `re` still reads the text before
`start` (word boundaries, lookbehinds), and after `end` it sees an end of text, which fails
every element just as the line break it stands for does. A line holding none of a
requirement's literals (prefilter.py) then holds no match. Any other pattern runs over the
whole text, as does one whose literals are so frequent that looking them up costs more.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reader.core.checks.prefilter import Requirements

BREAK = "\n"
SCAN_COST = 200  # characters of the whole text a line looked up must save to pay its way

# Whether each category of a character set (\w, \s, \d, negated or not) holds a line break.
_BREAK_IN = {
    "CATEGORY_SPACE": True,
    "CATEGORY_NOT_DIGIT": True,
    "CATEGORY_NOT_WORD": True,
    "CATEGORY_DIGIT": False,
    "CATEGORY_WORD": False,
    "CATEGORY_NOT_SPACE": False,
}


def matches(
    pattern: re.Pattern[str], required: Requirements, text: str, folded: str
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, in order; `folded` is prefilter.fold(text)."""
    lines = _lines_holding(_rarest(required), folded, len(text) // SCAN_COST)
    if lines is None or not line_bound(pattern):
        yield from pattern.finditer(text)
        return
    breaks = _breaks(text)
    for k in lines:
        start = breaks[k - 1] + 1 if k else 0
        end = breaks[k] if k < len(breaks) else len(text)
        yield from pattern.finditer(text, start, end)


def _rarest(required: Requirements) -> tuple[str, ...]:
    """The requirement likely found in fewest lines: longest shortest literal, then fewest
    literals (no count: counting reads the whole text once a literal)."""
    return max(required, key=lambda r: (min(map(len, r)), -len(r)), default=())


def _lines_holding(literals: tuple[str, ...], folded: str, most: int) -> list[int] | None:
    """Indexes of the lines that hold one of the literals, in order; None when there are no
    literals or more than `most` lines hold one. A literal holds no line break (a pattern
    with one is not line-bound), so after a hit the search goes on at the next line."""
    if not literals:
        return None
    breaks = _breaks(folded)
    lines: set[int] = set()
    for w in literals:
        at = folded.find(w)
        while at >= 0:
            k = bisect_right(breaks, at)
            lines.add(k)
            if len(lines) > most:
                return None
            if k == len(breaks):
                break
            at = folded.find(w, breaks[k] + 1)
    return sorted(lines)


@lru_cache(maxsize=1024)  # a story's articles and their folded texts, once for all patterns
def _breaks(text: str) -> list[int]:
    """Offsets of the line breaks: lines are counted alike in a text and its folded form."""
    out = []
    at = text.find(BREAK)
    while at >= 0:
        out.append(at)
        at = text.find(BREAK, at + 1)
    return out


@lru_cache(maxsize=512)  # the calques are read again for every story
def line_bound(pattern: re.Pattern[str]) -> bool:
    """Whether every match of the pattern is inside one line and none is empty, read from its
    parse tree (re's private parser: if it changes, no pattern is line-bound)."""
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern.pattern, pattern.flags)
        return bool(tree.getwidth()[0] >= 1) and _no_break(
            parser, tree, bool(pattern.flags & re.DOTALL)
        )
    except Exception:
        return False


def _no_break(p: Any, items: Any, dotall: bool) -> bool:
    """Whether no element of a sequence, looking around included, can match a line break;
    the only zero-width assertions allowed are word boundaries."""
    for op, av in items:
        if op is p.LITERAL:
            ok = av != ord(BREAK)
        elif op is p.ANY:
            ok = not dotall
        elif op is p.IN:
            ok = _set_without_break(p, av)
        elif op is p.AT:
            ok = av in (p.AT_BOUNDARY, p.AT_NON_BOUNDARY)
        elif op is p.SUBPATTERN:  # flags set for the group alone ("(?s:.)") are not read
            ok = not av[1] and not av[2] and _no_break(p, av[-1], dotall)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT):
            ok = _no_break(p, av[2], dotall)
        elif op is p.BRANCH:
            ok = all(_no_break(p, branch, dotall) for branch in av[1])
        elif op in (p.ASSERT, p.ASSERT_NOT):
            ok = _no_break(p, av[1], dotall)
        else:
            ok = False  # anything else (back references, anchors, ...) is not known safe
        if not ok:
            return False
    return True


def _set_without_break(p: Any, items: Any) -> bool:
    """Whether a character set ([...], \\w, \\s, \\d) leaves out the line break; a set with
    an item not known here is taken to hold it."""
    holds, negated = False, False
    for op, av in items:
        if op is p.NEGATE:
            negated = True
        elif op is p.LITERAL:
            holds = holds or av == ord(BREAK)
        elif op is p.RANGE:
            holds = holds or av[0] <= ord(BREAK) <= av[1]
        elif op is p.CATEGORY and str(av) in _BREAK_IN:
            holds = holds or _BREAK_IN[str(av)]
        else:
            return False
    return holds == negated
