"""Rebuild reader/core/data/word_frequencies.txt.gz from the `wordfreq` package.

    pip install wordfreq && python tools/build_word_frequencies.py

samestory needs only "is this an everyday English word?" at two thresholds. Importing wordfreq
and loading its tables cost ~0.5 s per run, more than the whole analysis of a five-article
story, so we ship the English words of Zipf frequency >= 3.0 with their value instead.
Data: wordfreq (Robyn Speer), CC BY-SA 4.0; see the file header.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency  # type: ignore[import-untyped]

OUT = (
    Path(__file__).resolve().parent.parent / "reader" / "core" / "data" / "word_frequencies.txt.gz"
)
FLOOR = 3.0


def main() -> None:
    rows = []
    for word in top_n_list("en", 200_000):
        z = zipf_frequency(word, "en")
        if z >= FLOOR and word.isalpha():
            rows.append(f"{word}\t{z:.1f}")
    header = (
        "# English word frequencies (Zipf scale, >= 3.0) from wordfreq 3.x by Robyn Speer,\n"
        "# https://github.com/rspeer/wordfreq, data licensed CC BY-SA 4.0.\n"
    )
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(header + "\n".join(rows) + "\n")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
