"""Overlap figures: the share of each article's visible text that it shares with each other."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.generate import generate
from reader.core.model import Article, Location, SharedPassage, Story
from reader.core.passages.table import PassageTable
from reader.core.pipeline import analyse
from reader.display import overlap

A = "AD Shared words here. Own part."  # "AD" is hidden furniture
B = "Shared words here. Other text of b."


def _story() -> Story:
    a = Article(id="a1", name="a", path="a", text=A, hidden=((0, 3),))
    b = Article(id="a2", name="b", path="b", text=B)
    c = Article(id="a3", name="c", path="c", text="Nothing in common.")
    shared_a = (A.index("Shared"), A.index("here.") + 5)
    shared_b = (0, B.index("here.") + 5)
    passage = SharedPassage(Location("a1", *shared_a), Location("a2", *shared_b), 1.0)
    return Story(articles=[a, b, c], passages=[passage])


def _nonspace(text: str) -> int:
    return sum(not ch.isspace() for ch in text)


def test_matrix_counts_visible_non_space_characters() -> None:
    m = overlap.SharedText(_story()).matrix()
    shared = _nonspace("Shared words here.")
    assert m[("a1", "a2")] == shared / _nonspace("Shared words here. Own part.")
    assert m[("a2", "a1")] == shared / _nonspace(B)
    assert m[("a1", "a3")] == 0.0 and m[("a3", "a1")] == 0.0
    assert m[("a1", "a1")] == 1.0


def test_shared_fraction_is_the_union_over_other_articles() -> None:
    story = _story()
    shared = overlap.SharedText(story)
    assert shared.fraction("a1") == shared.matrix()[("a1", "a2")]
    assert shared.fraction("a3") == 0.0


def test_a_large_table_gives_the_figures_passage_by_passage_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From NUMPY_FROM passages the figures are worked out for all articles at once, from the
    table's columns: the same sides, matrix and shares as passage by passage, hidden text
    left out of the visible share alike."""
    generate(tmp_path, articles=30, words=300, seed=3)
    story = analyse([tmp_path], semantic=False)
    hide = [
        replace(
            a,
            hidden=((0, 40), (len(a.text) // 2, len(a.text) // 2 + 30)),
            text=a.text[:50] + "\ud800" + a.text[51:],  # a stray surrogate, one character
        )
        if k % 3 == 0
        else a
        for k, a in enumerate(story.articles)
    ]
    story = replace(story, articles=hide)
    assert isinstance(story.passages, PassageTable) and len(story.passages) > 500
    ids = [a.id for a in story.articles]
    monkeypatch.setattr(overlap, "NUMPY_FROM", 10**9)
    one_by_one = overlap.SharedText(story)
    monkeypatch.setattr(overlap, "NUMPY_FROM", 1)
    in_bulk = overlap.SharedText(story)
    assert in_bulk._bulk and not one_by_one._bulk
    assert in_bulk.matrix() == one_by_one.matrix()
    assert sum(v > 0 for v in in_bulk.matrix().values()) > 100
    shares = in_bulk.fractions()  # all at once, in bulk
    assert shares == one_by_one.fractions() == {aid: one_by_one.fraction(aid) for aid in ids}
    assert 0 < min(shares.values()) < max(shares.values())
    rows = overlap.SharedText(story)  # rows one at a time, from the table's sides
    matrix = one_by_one.matrix()
    for aid in ids:
        assert in_bulk.sides(aid) == one_by_one.sides(aid)
        assert in_bulk.shade(aid) == one_by_one.shade(aid)
        assert in_bulk.spans(aid) == one_by_one.spans(aid)
        assert rows.row(aid) == {o: v for (a, o), v in matrix.items() if a == aid != o and v}
        assert all(rows.share(aid, o) == matrix[aid, o] for o in ids)


def test_the_spaces_read_as_code_points_are_all_of_str_isspace() -> None:
    """The figures in bulk find spaces among code points below SPACES_BELOW: no character at
    or above it is a space, and those below are the ones str.isspace holds true."""
    assert not any(chr(c).isspace() for c in range(overlap.SPACES_BELOW, 0x110000))
    assert overlap._space_codes() == [c for c in range(0x3001) if chr(c).isspace()]
    assert 0x3000 in overlap._space_codes() and 0x20 in overlap._space_codes()


def test_shading_in_bulk_is_the_shading_passage_by_passage_on_random_spans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An article's shade (the spans shared with n other articles) from arrays: each other
    article's spans merged first, then counted. On random passages, overlapping and touching
    and within one pair of articles, the shade of the sweep that counts each article's open
    spans."""
    from array import array

    from reader.core.passages.table import COLUMNS

    rng = random.Random(8)
    ids = ["a1", "a2", "a3", "a4"]
    articles = [Article(id=i, name=i, path=i, text="x y " * 60) for i in ids]
    monkeypatch.setattr(overlap, "NUMPY_FROM", 1)
    layered = 0
    for _ in range(300):
        rows = []
        for _ in range(rng.randint(1, 14)):
            x, y = sorted(rng.sample(range(4), 2))
            s, t, n = rng.randrange(200), rng.randrange(200), rng.randint(1, 30)
            rows.append((x, s, s + n, y, t, t + n, n, n))
        table = PassageTable(ids, [array("q", column) for column in zip(*rows, strict=True)])
        assert len(COLUMNS) == len(rows[0])
        story = Story(articles=articles, passages=table)
        in_bulk = overlap.SharedText(story)
        one_by_one = overlap.SharedText(replace(story, passages=list(table)))
        assert in_bulk._bulk and not one_by_one._bulk
        for aid in ids:
            shade = in_bulk.shade(aid)
            assert shade == one_by_one.shade(aid), (rows, aid)
            assert in_bulk.spans(aid) == one_by_one.spans(aid)
            layered += any(n > 1 for _, _, n in shade)
    assert layered > 100
