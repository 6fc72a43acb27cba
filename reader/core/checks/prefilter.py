"""The words a pattern cannot match without: a cheap test before a battery of regexes.

Each calque is a case-insensitive regex run over every article, about 1 s per MB for the lot,
and most articles hold none of a pattern's words. A pattern's required literals (one of "in
the framework of", or one of "informations" / "advices" / ...) are read from its parse tree,
and the pattern runs only on a text that holds one of them: a substring test on the text,
folded once, at C speed. Skipping a text is safe because the fold maps every character that a
case-insensitive `re` matches to an ASCII letter onto that letter's lower case, and literals
keep only ASCII characters. A pattern whose literals cannot be read (the private parser
changed, a pattern of character classes only) always runs.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

MIN_LITERAL = 3  # a shorter literal is in nearly every text: no filter
# Non-ASCII characters that `re.IGNORECASE` matches to an ASCII letter (a test checks this
# against every code point): the fold turns each into that letter.
TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}  # İ ı ſ, Kelvin

Literals = tuple[str, ...]  # at least one of them is in any match (folded)
Requirements = tuple[Literals, ...]  # every one of them is met by any match


def fold(text: str) -> str:
    """Lower case, with the few non-ASCII letters `re` matches to ASCII ones made ASCII."""
    for c, ascii_letter in TO_ASCII.items():
        if c in text:  # rare: replace (C speed) where translate would walk every character
            text = text.replace(c, ascii_letter)
    return text.lower()


def may_match(required: Requirements, folded: str) -> bool:
    """False only where the pattern cannot match: a requirement has none of its literals in
    the folded text."""
    return all(any(w in folded for w in literals) for literals in required)


@lru_cache(maxsize=512)  # the calques are read again for every story
def required_literals(pattern: re.Pattern[str]) -> Requirements:
    """What every match of `pattern` holds: for each part of its top-level sequence that has
    literals, one of them (folded). Empty when nothing is known: then the pattern always runs."""
    try:
        parser: Any = importlib.import_module("re._parser")
        tree = parser.parse(pattern.pattern, pattern.flags)
        found = _requirements(parser, tree)
    except Exception:  # a private module: if it changes, filter nothing
        return ()
    return tuple(r for r in found if min(map(len, r)) >= MIN_LITERAL)


def _best(p: Any, items: Any) -> Literals | None:
    """The most selective requirement of a sequence: the one whose shortest literal is
    longest, then the one with fewest alternatives."""
    found = [r for r in _requirements(p, items) if min(map(len, r)) >= MIN_LITERAL]
    return max(found, key=lambda r: (min(map(len, r)), -len(r)), default=None)


def _requirements(p: Any, items: Any) -> list[Literals]:
    """What each part of a sequence requires: every part of a sequence is in its match."""
    out: list[Literals] = []
    run: list[str] = []

    def close() -> None:
        if run:
            out.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is p.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        close()
        if op is p.SUBPATTERN:  # a group is matched whole: its parts are required too
            out += _requirements(p, av[-1])
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT) and av[0] >= 1:
            out += _requirements(p, av[2])
        elif op is p.BRANCH:  # one alternative is matched: one of theirs is required
            alternatives = [_best(p, branch) for branch in av[1]]
            if all(a is not None for a in alternatives):
                out.append(tuple(sorted({w for a in alternatives if a for w in a})))
    close()
    return out
