"""Passages as integer columns: the same passages, orders and report as objects would give."""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path

import pytest

from benchmarks.generate import generate
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Location, SharedPassage, Story
from reader.core.passages import order
from reader.core.passages.shared import (
    find_part,
    find_shared_passages,
    first_articles,
    join_parts,
)
from reader.core.passages.table import COLUMNS, PassageTable, column
from reader.display.textsafe import json_safe
from reader.report import json_report
from reader.report.json_report import render_json, report_dict


def _table(rows: list[tuple[int, ...]], ids: tuple[str, ...]) -> PassageTable:
    cols = [column() for _ in COLUMNS]
    for row in rows:
        for col, value in zip(cols, row, strict=True):
            col.append(value)
    return PassageTable(ids, cols)


def _random_rows(n: int, articles: int, seed: int) -> list[tuple[int, ...]]:
    """Passages with many ties on where they start, the later side first in half of them."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        x, y = rng.sample(range(articles), 2)
        sa, sb = rng.randrange(0, 50, 5), rng.randrange(0, 50, 5)
        longer = rng.randint(6, 40)
        rows.append((x, sa, sa + rng.randint(1, 9), y, sb, sb + 3, rng.randint(1, longer), longer))
    return rows


def test_a_table_reads_as_the_passages_it_holds() -> None:
    table = _table([(0, 1, 9, 1, 4, 12, 5, 6), (1, 0, 3, 0, 7, 10, 6, 6)], ("a1", "a2"))
    listed = [
        SharedPassage(Location("a1", 1, 9), Location("a2", 4, 12), 5 / 6),
        SharedPassage(Location("a2", 0, 3), Location("a1", 7, 10), 1.0),
    ]
    assert len(table) == 2 and table == listed and list(table) == listed
    assert table[1] == listed[1] and table[-1] == listed[-1] and table[:1] == listed[:1]
    assert pickle.loads(pickle.dumps(table)) == table
    assert table != listed[:1] and PassageTable.empty() == []


def test_reading_order_by_numpy_is_the_python_sort(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large stories sort with numpy, small ones in Python: the same stable order."""
    rows = _random_rows(3000, 7, seed=1)
    found = _table(rows, tuple(f"a{k}" for k in range(1, 8)))
    position = [3, 0, 6, 1, 5, 2, 4]
    ids = ["r0", "r1", "r2", "r3", "r4", "r5", "r6"]
    monkeypatch.setattr(order, "NUMPY_FROM", 10**9)
    by_python = order.reading_order([found], position, ids)
    monkeypatch.setattr(order, "NUMPY_FROM", 0)
    by_numpy = order.reading_order([found], position, ids)
    assert by_numpy.columns == by_python.columns
    monkeypatch.setattr(order, "PACKED_BITS", 0)  # numpy's sort on two keys, not on one
    assert order.reading_order([found], position, ids).columns == by_python.columns
    monkeypatch.setattr(order, "PACKED_BITS", 63)
    # Parts (as the workers find them) are sorted as the whole they make, by either sort.
    names = found.articles
    parts = [_table(rows[:1000], names), _table([], names), _table(rows[1000:], names)]
    assert order.reading_order(parts, position, ids).columns == by_python.columns
    monkeypatch.setattr(order, "NUMPY_FROM", 10**9)
    assert order.reading_order(parts, position, ids).columns == by_python.columns
    with pytest.raises(ValueError):
        order.reading_order([found, _table([], ("x",))], position, ids)
    # The rule itself, on objects: each passage from the earlier article, sorted stably.
    at = {f"a{k + 1}": position[k] for k in range(7)}
    keyed = []
    for p in found:
        a, b = sorted((p.a, p.b), key=lambda loc: at[loc.article])
        renamed = SharedPassage(
            Location(ids[at[a.article]], a.start, a.end),
            Location(ids[at[b.article]], b.start, b.end),
            p.similarity,
        )
        keyed.append(((at[a.article], a.start, at[b.article], b.start), renamed))
    keyed.sort(key=lambda e: e[0])
    assert list(by_python) == [p for _, p in keyed]


def test_parts_joined_are_the_whole(tmp_path: Path) -> None:
    """Any split of the pairs into parts (one per worker) concatenates to the one-part result."""
    generate(tmp_path / "story", articles=12, words=300, seed=4)
    articles = CanonicalOrder(load_paths([tmp_path / "story"])).articles
    whole = find_part(articles, 0, 1)
    assert len(whole) > 10
    for parts in (2, 3, 5):
        assert join_parts([find_part(articles, k, parts) for k in range(parts)]) == whole
    assert find_shared_passages(articles) == list(whole)


def test_json_of_a_table_is_json_dumps_of_its_passages(tmp_path: Path) -> None:
    generate(tmp_path / "story", articles=8, words=300, seed=2)
    from reader.core.pipeline import analyse

    story = analyse([tmp_path / "story"], semantic=False)
    assert isinstance(story.passages, PassageTable) and len(story.passages) > 5
    expected = json_safe(json.dumps(report_dict(story), ensure_ascii=False)) + "\n"
    assert render_json(story) == expected
    as_objects = Story(**{**story.__dict__, "passages": list(story.passages)})
    assert render_json(as_objects) == expected


@pytest.mark.parametrize("size", [1, 2, 5])
def test_the_report_in_pieces_is_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    """However many passages a piece holds, the pieces joined are json.dumps of the report."""
    generate(tmp_path / "story", articles=6, words=200, seed=3)
    from reader.core.pipeline import analyse

    story = analyse([tmp_path / "story"], semantic=False)
    expected = json_safe(json.dumps(report_dict(story), ensure_ascii=False)) + "\n"
    monkeypatch.setattr(json_report, "PIECE_PASSAGES", size)
    pieces = list(json_report.json_pieces(story))
    assert "".join(pieces) == expected
    held = [piece.count('"similarity"') for piece in pieces]
    assert max(held) <= size and sum(held) == len(story.passages) > size  # none holds them all
    empty = Story(story.articles, story.sentences)
    assert (
        "".join(json_report.json_pieces(empty))
        == json_safe(json.dumps(report_dict(empty), ensure_ascii=False)) + "\n"
    )


@pytest.mark.parametrize("n", [1, 2, 3, 7, 50])
@pytest.mark.parametrize("parts", [1, 2, 5, 16])
def test_parts_split_the_earlier_articles_in_order_with_even_shares_of_pairs(
    n: int, parts: int
) -> None:
    runs = [first_articles(n, k, parts) for k in range(parts)]
    assert [x for run in runs for x in run] == list(range(max(n - 1, 0)))
    if n == 50 and parts > 1:  # each part's pairs (x has n-1-x later articles) near a share
        share = n * (n - 1) / 2 / parts
        assert all(abs(sum(n - 1 - x for x in run) - share) < n for run in runs)
