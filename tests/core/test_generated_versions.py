"""The benchmark's long versions: one block moved, a small share of words changed, and the
engine finds the moved block as a shared passage."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.generate import (
    generate_long_paragraph,
    generate_mangled_quotes,
    generate_repeating,
    generate_short_lines,
    generate_stated_figures,
    generate_versions,
)
from reader.core.ingest.loading import load_paths
from reader.core.passages.shared import find_shared_passages


def test_two_versions_differ_by_a_moved_block_and_a_few_words(tmp_path: Path) -> None:
    first, second = generate_versions(tmp_path, words=6000, seed=3)
    a, b = first.read_text("utf-8").split(), second.read_text("utf-8").split()
    assert len(a) == len(b) >= 6000
    assert sorted(a) != sorted(b)  # words changed
    paragraphs_a = first.read_text("utf-8").split("\n\n")[1:]
    paragraphs_b = second.read_text("utf-8").split("\n\n")[1:]
    kept = sum(p in paragraphs_b for p in paragraphs_a)
    assert 0 < kept < len(paragraphs_a)  # some paragraphs have a changed word, not all
    # The block from the first quarter now sits in the last: shared text out of order.
    passages = find_shared_passages(load_paths([tmp_path]))
    starts = sorted(passages, key=lambda p: p.a.start)
    assert any(p.b.start < q.b.start for p, q in zip(starts[1:], starts, strict=False))


def test_the_hostile_stories_are_what_the_benchmark_says(tmp_path: Path) -> None:
    """benchmarks/engine.py's hostile stories: one sentence said over and over, one paragraph
    of a book's length, one-word lines, quotation marks that do not pair."""
    repeating = generate_repeating(tmp_path / "r", articles=9, times=40, seed=1)
    body = repeating[0].read_text("utf-8").split("\n\n")[1].strip()
    sentence = body[: len(body) // 40].strip()
    assert len(repeating) == 9 and body == " ".join([sentence] * 40)
    long, *short = generate_long_paragraph(tmp_path / "p", words=5000, others=4, seed=1)
    paragraphs = long.read_text("utf-8").strip().split("\n\n")
    assert len(short) == 4 and len(paragraphs) == 2 and len(paragraphs[1].split()) >= 5000
    lines = generate_short_lines(tmp_path / "l", lines=300, seed=1)
    assert [len(p.read_text("utf-8").strip().split("\n\n")) for p in lines] == [301, 301]
    (mangled,) = generate_mangled_quotes(tmp_path / "q", articles=1, sentences=50, seed=1)
    text = mangled.read_text("utf-8")
    assert text.count("“") == 50 and text.count("»") == 50
    first, second = generate_stated_figures(tmp_path / "f", articles=2, sentences=60, seed=1)
    one, two = (p.read_text("utf-8").split("\n\n", 1)[1] for p in (first, second))
    assert one.count("embedded in the rebels") == two.count("embedded in the rebels") == 60
    figures = [re.findall(r"near (\d+) fighters on (\w+day)", t) for t in (one, two)]
    assert len(figures[0]) == len(figures[1]) == 60 and figures[0] != figures[1]
    assert re.sub(r"near \d+ fighters on \w+day", "", one) == re.sub(
        r"near \d+ fighters on \w+day", "", two
    )  # the same story but for the figures
