"""How common an English word is, from a table shipped with the package.

The table (tools/build_word_frequencies.py) holds the words of Zipf frequency >= 3.0 from
wordfreq; loading it takes a few milliseconds where importing wordfreq takes half a second.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

FLOOR = 3.0  # words below this are not in the table


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    data = resources.files("reader.core").joinpath("data/word_frequencies.txt.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, value = line.partition("\t")
            table[word] = float(value)
    return table


def zipf(word: str) -> float:
    """Zipf frequency (7 = 'the', 3 = rare but known); 0.0 for a word rarer than FLOOR."""
    return _table().get(word.lower().replace("’", "'"), 0.0)


def is_common_word(word: str, threshold: float = 3.5) -> bool:
    return zipf(word) >= max(threshold, FLOOR)
