"""An article's visible text wrapped to a width, with every line mapped back to text offsets.

The reader draws lines itself (Line API) so that a click, a highlight and a scroll target all
translate between screen rows and `Article.text` offsets through this one mapping.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from rich.cells import cell_len

from reader.display.textsafe import printable

_WORD = re.compile(r"(\S+)\s*")


def neutralise(text: str) -> str:
    """Control characters (escape codes included) made visible by the one rule for article text
    (`display.textsafe.printable`), and tabs drawn as one space: a layout concern, not a safety
    one. Each is one character for one, so offsets stay valid."""
    return printable(text).replace("\t", " ")


def clean_line(text: str) -> str:
    """Article text for a single-line label: controls neutralised, newlines as spaces."""
    return neutralise(text).replace("\n", " ")


class Layout(NamedTuple):
    """display: the text as drawn; src[i]: the source offset of display[i] (plus a sentinel)."""

    display: str
    src: list[int]
    lines: list[tuple[int, int]]  # display ranges, one per screen row; (i, i) is a blank row
    hidden: list[tuple[int, int]]  # display ranges of furniture shown dimmed
    starts: list[int]  # display start of each row, for bisecting

    def to_display(self, offset: int) -> int:
        return bisect.bisect_left(self.src, offset, 0, len(self.display))

    def line_of(self, offset: int) -> int:
        """Screen row holding the source offset (the row after it, if it is not drawn)."""
        d = self.to_display(offset)
        return max(0, bisect.bisect_right(self.starts, d) - 1) if self.lines else 0

    def offset_at(self, row: int, cells: int) -> int | None:
        """Source offset under a screen position, or None for blank space."""
        if not 0 <= row < len(self.lines):
            return None
        s, e = self.lines[row]
        width = 0
        for i in range(s, e):
            width += cell_len(self.display[i])
            if width > cells:
                return self.src[i]
        return self.src[e - 1] if e > s else None


def build_display(
    text: str, hidden: tuple[tuple[int, int], ...], show_hidden: bool
) -> tuple[str, list[int], list[tuple[int, int]]]:
    """The drawn text and its offset map; hidden spans left out, or kept and reported."""
    spans = sorted(hidden)
    keep: list[tuple[int, int, bool]] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            keep.append((pos, s, False))
        if show_hidden and e > max(s, pos):
            keep.append((max(s, pos), e, True))
        pos = max(pos, e)
    if pos < len(text):
        keep.append((pos, len(text), False))
    clean = neutralise(text)
    parts: list[str] = []
    src: list[int] = []
    dim: list[tuple[int, int]] = []
    for s, e, is_hidden in keep:
        if is_hidden:
            dim.append((len(src), len(src) + e - s))
        parts.append(clean[s:e])
        src.extend(range(s, e))
    src.append(len(text))
    return "".join(parts), src, dim


def wrap(display: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by paragraphs; runs of blank lines become one blank row.

    An ASCII paragraph (most news text) is measured by length: no per-word cell lookups.
    """
    width = max(4, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for para in display.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        if not para or para.isspace():
            if lines and lines[-1][0] != lines[-1][1]:
                lines.append((start, start))
            continue
        ascii_only = para.isascii()
        line_start: int | None = None
        line_end = start
        used = 0
        for m in _WORD.finditer(display, start, end):
            word_start, word_end, next_start = m.start(), m.end(1), m.end()
            w = word_end - word_start if ascii_only else cell_len(display[word_start:word_end])
            if line_start is not None and used + w > width:
                lines.append((line_start, line_end))
                line_start = None
                used = 0
            if line_start is None:
                line_start = word_start
                while w > width:  # a word longer than the line: split it by cells
                    cut, cells = word_start, 0
                    while cut < word_end and cells + cell_len(display[cut]) <= width:
                        cells += cell_len(display[cut])
                        cut += 1
                    cut = max(cut, word_start + 1)
                    lines.append((word_start, cut))
                    word_start = line_start = cut
                    w = cell_len(display[word_start:word_end])
            used += w + (next_start - word_end)
            line_end = word_end
        if line_start is not None:
            lines.append((line_start, line_end))
    while lines and lines[-1][0] == lines[-1][1]:
        lines.pop()
    return lines


@lru_cache(maxsize=512)
def layout(
    text: str, hidden: tuple[tuple[int, int], ...], width: int, show_hidden: bool = False
) -> Layout:
    """Cached: paging back to an article, or many columns of one width, costs nothing."""
    display, src, dim = build_display(text, hidden, show_hidden)
    lines = wrap(display, width)
    return Layout(display, src, lines, dim, [s for s, _ in lines])
