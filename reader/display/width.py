"""How many terminal cells text takes: CJK ideographs and full-width forms take two, combining
marks none, so columns of a plain-text report line up whatever the script."""

from __future__ import annotations

import unicodedata


def cell_width(text: str) -> int:
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, *, right: bool = False) -> str:
    """text filled with spaces to `width` cells (on the left when `right`)."""
    fill = " " * max(0, width - cell_width(text))
    return fill + text if right else text + fill


def clip(text: str, width: int) -> str:
    """text cut to at most `width` cells, with "…" where it was cut."""
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"
