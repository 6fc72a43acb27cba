"""What counts as a word: one pattern for the engine's tokens and the reader's word counts."""

from __future__ import annotations

import re

# Chinese and Japanese write words without spaces between them: each ideograph or kana is a
# token of its own, so that shared runs and shared terms are found in those texts too.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(rf"[{UNSPACED}]|[^\W{UNSPACED}]+(?:['’.\-][^\W{UNSPACED}]+)*")


def count_words(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end))
