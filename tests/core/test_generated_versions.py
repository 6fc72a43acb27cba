"""The benchmark's long versions: one block moved, a small share of words changed, and the
engine finds the moved block as a shared passage."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate_versions
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
