"""How common an English word is, from a table shipped with the package.

The table (tools/build_word_frequencies.py) holds the words of Zipf frequency >= 3.0 from
wordfreq; loading it takes a few milliseconds where importing wordfreq takes half a second.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

FLOOR = 3.0  # words below this are not in the table
_COMMENT = re.compile(r"^#.*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    data = resources.files("reader.core").joinpath("data/word_frequencies.txt.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    # Rows are "word\tvalue" and no word holds a space: without the comment lines, the text
    # split at whitespace alternates words and values, at C speed (a third less than a loop
    # over the rows, which every run pays). The values repeat: one decimal.
    fields = _COMMENT.sub("", text).split()
    values = fields[1::2]
    scale = {value: float(value) for value in set(values)}
    return dict(zip(fields[0::2], map(scale.__getitem__, values), strict=True))


def zipf(word: str) -> float:
    """Zipf frequency (7 = 'the', 3 = rare but known); 0.0 for a word rarer than FLOOR."""
    return _table().get(word.lower().replace("’", "'"), 0.0)


def is_common_word(word: str, threshold: float = 3.5) -> bool:
    return zipf(word) >= max(threshold, FLOOR)
