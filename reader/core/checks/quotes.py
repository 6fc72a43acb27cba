"""Quotation marks that do not pair up: MT and copy-editing damage the reader notices first.

Handled per paragraph (news quotes do not cross lines, except a quote continued in the next
paragraph, which by convention reopens with a new opening mark).
"""

from __future__ import annotations

import re

from reader.core.checks.common import PAIRS, paragraphs, warn
from reader.core.model import Story, Warning

_DOUBLE_OPEN = "“„«"
_SINGLE_OPEN = "‘‚‹"
_CLOSE = "”’»›"
_MARKS = re.compile(f"[{re.escape(_DOUBLE_OPEN + _SINGLE_OPEN + _CLOSE)}]")
_WORDS_AFTER = re.compile(r"(\s*\S+){1,3}")


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, Assad’s
    return text[i] == "’" and before in "sS" and not after.isalnum()  # plural possessive


def _spaced_apostrophe(text: str, i: int) -> bool:
    """Tokenised text writes "it ’ s": an apostrophe with spaces round it."""
    return re.match(r"’ (?:s|t|ll|re|ve|d|m)\b", text[i : i + 5]) is not None


def _left(text: str, p0: int, i: int) -> int:
    """Where the last word before i (after p0) starts, the spaces after it included; i where
    there is none. Walked back from i: a search anchored at the end, or a slice up to i, costs
    the whole paragraph at every mark (a paragraph of a million characters took seconds)."""
    j = i
    while j > p0 and text[j - 1].isspace():
        j -= 1
    if j == p0:
        return i
    while j > p0 and not text[j - 1].isspace():
        j -= 1
    return j


def _right(text: str, i: int, p1: int) -> int:
    """Where the (up to) three words after i end, within the paragraph."""
    m = _WORDS_AFTER.match(text, i, p1)
    return m.end() if m else i


def _paragraph(story: Story, article: str, text: str, p0: int, p1: int) -> list[Warning]:
    out: list[Warning] = []
    open_at: int | None = None
    end = p0 + len(text[p0:p1].rstrip())  # past the paragraph's last visible character
    last_close = text.rfind("”", p0, p1)
    for m in _MARKS.finditer(text, p0, p1):  # the marks only: every other character is passed
        i = m.start()
        c = text[i]
        if _is_apostrophe(text, i):
            continue
        before = text[i - 1] if i > p0 else " "
        after = text[i + 1] if i + 1 < p1 else ""
        if c in _DOUBLE_OPEN + _SINGLE_OPEN and i + 1 >= end:  # nothing visible after it
            out.append(
                warn(
                    article,
                    _left(text, p0, i),
                    i + 1,
                    "quotes",
                    f"Stray opening quote mark {c} at the end of the paragraph: nothing follows it",
                    "quote-dangling",
                    suggestion="remove it or close the quotation before the full stop",
                )
            )
            continue
        if c in _DOUBLE_OPEN + _SINGLE_OPEN and before.isspace() and after in ".,;:!?":
            out.append(
                warn(
                    article,
                    _left(text, p0, i - 1),
                    i + 2,
                    "quotes",
                    f"Opening quote mark {c} used to close a quotation, detached from its word",
                    "quote-wrong-way",
                    suggestion=f"{_closer(c)}{after}" if after else _closer(c),
                )
            )
            open_at = None
            continue
        if c in _CLOSE and before.isspace() and after.isalpha():
            out.append(
                warn(
                    article,
                    _left(text, p0, i - 1),
                    _right(text, i + 1, p1) if after else i + 1,
                    "quotes",
                    f"Closing quote mark {c} after a space and glued to the next word",
                    "quote-attached",
                    suggestion=f"{c} followed by a space",
                )
            )
        if c in _DOUBLE_OPEN + _SINGLE_OPEN and (before.isspace() or i == p0 or before in "(["):
            if open_at is None:
                open_at = i
            continue
        if c in _CLOSE and open_at is not None:
            opener = text[open_at]
            if c == "’" and (_spaced_apostrophe(text, i) or last_close >= i):
                continue  # an apostrophe, or a quote inside the quotation
            if c not in PAIRS.get(opener, ""):
                out.append(
                    warn(
                        article,
                        open_at,
                        _right(text, open_at + 1, p1),
                        "quotes",
                        f"Quotation opened with {opener} but closed with {c}",
                        "quote-mismatch",
                        suggestion=f"{opener}…{_closer(opener)}",
                    )
                )
            open_at = None
    return out


def _closer(opener: str) -> str:
    return PAIRS.get(opener, "”")[-1] if opener != "„" else "“"


def check_quotes(story: Story) -> list[Warning]:
    out: list[Warning] = []
    for a in story.articles:
        for p0, p1 in paragraphs(a.text):
            if a.is_hidden(p0):
                continue
            out.extend(_paragraph(story, a.id, a.text, p0, p1))
    return out
