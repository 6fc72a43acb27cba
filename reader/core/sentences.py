"""Sentence boundaries with offsets (STUB: the ingest work replaces this)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_END = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|\n|$)")


def split_sentences(text: str, hidden: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Visible sentences of text as (start, end), in order, without overlap."""
    out = []
    for m in _END.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and not any(h0 <= s < h1 for h0, h1 in hidden):
            out.append((s, e))
    return out
