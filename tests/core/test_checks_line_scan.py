"""Running a calque line by line, in the lines holding its literals, finds what running it
over the whole text finds.

`line_scan.matches` is compared with `finditer` over the whole text on random multi-line
texts, for every bundled calque and for patterns that can cross a line break, look at one or
anchor on one (those must fall back to the whole-text scan). The line path is forced (every
line worth looking up) as well as left to its own budget.
"""

from __future__ import annotations

import random
import re

import pytest

from reader.core.checks import line_scan
from reader.core.checks.lexicon import load_calques
from reader.core.checks.line_scan import line_bound, matches
from reader.core.checks.prefilter import fold, may_match, required_literals

_CROSSING = [
    r"\bfighters\s+group\b",  # \s takes a line break
    r"\bgroup\W+rebels\b",
    r"(?s)side.{0,3}party",
    r"\bside(?s:.)party",
    r"rebels$",  # $ is the end of the window, not of the text
    r"(?m)^rebels\b",
    r"(?<=\n)side\b",
    r"side(?=\s)",
    r"(?:the )?rebels(?:\n| )group",
    r"\brebels[^a-z]group",
    r"(side)\W+\1",
]
_BOUND = [
    r"\bthe (?:syrian|iraqi) (?:side|party)\b",
    r"(?<![\w-])rebels(?![\w-])",
    r"\bsince (?:\d+|two) (?:years|months)\b",
    r"(?:\w+ )?group\b",
    r"\bside\B",
    r"\bgroup[\d-]",
]
_WORDS = "the a of side party group rebels fighters since two years Syrian İraqi KELVIN".split()


def _texts(n: int, seed: int) -> list[str]:
    """Lines of random words, calque phrases among them, joined by \\n or \\r\\n, blank lines,
    lines that open or close on a phrase, with or without a last line break."""
    rng = random.Random(seed)
    phrases = [
        "the Syrian side",
        "since two years",
        "embedded in the rebels",
        "despite the fact that",
        "rebel-held",
        "terrorist elements",
        "the iraqi party",
    ]
    out = []
    for _ in range(n):
        lines = []
        for _ in range(rng.randint(1, 12)):
            items = [
                rng.choice(phrases) if rng.random() < 0.25 else rng.choice(_WORDS)
                for _ in range(rng.randint(0, 14))
            ]
            lines.append(" ".join(items))
        text = "".join(line + rng.choice(["\n", "\r\n", "\n\n", " \n"]) for line in lines)
        out.append(text if rng.random() < 0.5 else text.rstrip("\n"))
    return out


def _found(ms: object) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in ms]  # type: ignore[attr-defined]


@pytest.mark.parametrize("forced", [True, False])
def test_line_by_line_is_the_whole_text_scan(forced: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if forced:
        monkeypatch.setattr(line_scan, "SCAN_COST", 1)
    patterns = [c.pattern for c in load_calques(None)]
    patterns += [re.compile(p, re.IGNORECASE) for p in _CROSSING + _BOUND]
    hits = 0
    for text in _texts(150, seed=3):
        folded = fold(text)
        for pattern in patterns:
            required = required_literals(pattern)
            if not may_match(required, folded):
                continue  # the calques check never asks: the text has none of its words
            expected = _found(pattern.finditer(text))
            assert _found(matches(pattern, required, text, folded)) == expected, pattern.pattern
            hits += len(expected)
    assert hits > 500


@pytest.mark.parametrize("pattern", _CROSSING)
def test_a_pattern_that_can_take_or_see_a_line_break_is_not_line_bound(pattern: str) -> None:
    assert not line_bound(re.compile(pattern, re.IGNORECASE))


@pytest.mark.parametrize("pattern", _BOUND)
def test_a_pattern_of_words_and_boundaries_is_line_bound(pattern: str) -> None:
    assert line_bound(re.compile(pattern, re.IGNORECASE))


def test_every_bundled_calque_is_line_bound() -> None:
    """Else it would scan whole texts again: not wrong, only slow."""
    assert all(line_bound(c.pattern) for c in load_calques(None))
