"""The reader's navigation rules as plain data: the cursor, the selection and column paging.

No Textual here (a test checks it): the screen applies these rules and draws what they say, and
they are unit-tested without an app.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal

from reader.core.model import Location, Sentence, Story
from reader.display.counts import counted
from reader.display.warning_tally import warning_tally, warnings_phrase

MIN_COLUMN_WIDTH = 38

StopKind = Literal["warning", "discrepancy", "hit"]


class Cursor:
    """An article and a sentence index within it (a plain class: a dataclass costs ~1 ms of
    start-up to create, and a named tuple's `index` is taken)."""

    __slots__ = ("article", "index")

    def __init__(self, article: str, index: int) -> None:
        self.article = article
        self.index = index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cursor):
            return NotImplemented
        return (self.article, self.index) == (other.article, other.index)

    def __hash__(self) -> int:
        return hash((self.article, self.index))

    def __repr__(self) -> str:
        return f"Cursor({self.article!r}, {self.index})"


class Selection:
    """The place the cursor was sent to: a stop walked to (`kind` and its number in that walk),
    or, with `kind` None, a place another screen asked for (the overview, the notes list).
    A plain class, as `Cursor` is: it is created at start-up."""

    __slots__ = ("index", "kind", "stop")

    def __init__(self, stop: Location, kind: StopKind | None = None, index: int = 0) -> None:
        self.stop = stop
        self.kind = kind
        self.index = index

    def is_a(self, kind: StopKind) -> bool:
        return self.kind == kind

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return (self.stop, self.kind, self.index) == (other.stop, other.kind, other.index)

    def __hash__(self) -> int:
        return hash((self.stop, self.kind, self.index))

    def __repr__(self) -> str:
        return f"Selection({self.stop!r}, {self.kind!r}, {self.index})"


def clamp(cursor: Cursor, count: int) -> Cursor:
    """The cursor kept inside an article of `count` sentences."""
    index = max(0, min(cursor.index, count - 1))
    return cursor if index == cursor.index else Cursor(cursor.article, index)


def columns_for(width: int, articles: int) -> int:
    return max(1, min(articles, width // MIN_COLUMN_WIDTH))


def page_first(first: int, position: int, shown: int, total: int) -> int:
    """The leftmost article shown when `shown` columns fit and the cursor is at `position`.

    The view pages sideways a whole screen at a time: the columns stay put while the cursor
    walks across them, instead of every column sliding on every key.
    """
    if not first <= position < first + shown:
        first = (position // shown) * shown
    return max(0, min(first, total - shown))


def visible_window(
    order: Sequence[str], first: int, cursor: str, shown: int
) -> tuple[int, list[str]]:
    """(the new leftmost position, the articles in the columns) for a width of `shown`."""
    first = page_first(first, order.index(cursor) if cursor in order else 0, shown, len(order))
    return first, list(order[first : first + shown])


def page_text(order: Sequence[str], visible: Sequence[str], first: int, zoom: bool) -> str:
    """The top bar's position: 'zoom: a1 + a2', '◀ 3–4 of 6 ▶', or '6 articles'."""
    if zoom:
        return f"zoom: {' + '.join(visible)} (z: all)"
    if len(visible) < len(order):
        left = "◀ " if first > 0 else "  "
        right = " ▶" if first + len(visible) < len(order) else "  "
        return f"{left}{first + 1}–{first + len(visible)} of {len(order)}{right}"
    return counted(len(order), "article")


def sentence_near(sentences: Sequence[Sentence], starts: Sequence[int], pos: int) -> int:
    """Where a position lands: the index of the sentence holding it, else of the nearest one
    before it (a blank line, hidden furniture), else the first. `Story.sentence_at` answers the
    other question (which sentence holds it, if any); this one always lands somewhere."""
    if not sentences:
        return 0
    return max(0, bisect.bisect_right(starts, pos) - 1)


def titles(story: Story) -> tuple[str, ...]:
    """The top bar's wordings, longest first; narrower ones keep every count (the page status
    beside them says how many articles there are)."""
    claims, found = (
        counted(len(story.claims), "claim"),
        counted(len(story.discrepancies), "discrepancy"),
    )
    phrase, short = warnings_phrase(story.warnings), f"⚠ {warning_tally(story.warnings)}"
    return (
        f"{counted(len(story.articles), 'article')} · {claims} · {found} · {phrase}",
        f"{claims} · {found} · {phrase}",
        f"{claims} · {found} · {short}",
        f"{claims} · {len(story.discrepancies)} disc. · {short}",
    )
