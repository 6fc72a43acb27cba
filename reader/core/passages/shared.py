"""Shared passages: runs of words two articles share verbatim or nearly so (text reuse).

Word n-grams shared by two articles seed a match wherever they sit in either text (moved
paragraphs included); each seed grows over near-verbatim text (runs.py). Only the pairs of
articles that share a seed n-gram are compared (index.py). The pairs split into parts that
worker processes can take: the parts concatenated in order are the whole result, so one
process or several give the same passages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.model import Article, SharedPassage
from reader.core.passages.index import (
    Grams,
    Words,
    gram_holders,
    gram_ids,
    index_grams,
    later_partners,
    visible_words,
)
from reader.core.passages.runs import pair_runs
from reader.core.passages.table import COLUMNS, PassageTable, column

if TYPE_CHECKING:
    from reader.core.passages.batch import StoryArrays

# From this many articles the pairs' runs are found in bulk with numpy (batch.py), the same
# runs as pair by pair in Python: a part of 500 articles' pairs in a third of the time. Below,
# importing numpy would cost more than it saves.
BULK_FROM = 40


@dataclass(frozen=True, slots=True)
class _ByPairs:
    """A story prepared for finding its runs pair by pair (runs.pair_runs)."""

    words: list[Words]
    grams: list[Grams]
    holders: dict[int, list[int]]  # index.gram_holders


@dataclass(frozen=True, slots=True)
class _InBulk:
    """A story of BULK_FROM articles or more, prepared for finding its runs in bulk."""

    words: list[Words]
    gram_ids: list[list[int]]  # each article's n-gram at each position (index.gram_ids)
    arrays: StoryArrays


_Prepared = _ByPairs | _InBulk


def _prepare(articles: Sequence[Article]) -> _Prepared:
    vocab: dict[str, int] = {}
    words = [visible_words(a, vocab) for a in articles]
    gram_vocab: dict[tuple[int, ...], int] = {}
    ids = [gram_ids(w.ids, gram_vocab) for w in words]
    if len(articles) >= BULK_FROM:
        from reader.core.passages.batch import story_arrays  # numpy: large stories only

        arrays = story_arrays(words, ids)
        if arrays is not None:
            return _InBulk(words, ids, arrays)
    grams = index_grams(ids)
    return _ByPairs(words, grams, gram_holders(grams))


# The last story prepared in this process: a worker taking several parts of one story
# prepares it once. Keyed by what the preparation reads.
_Key = tuple[tuple[str, tuple[tuple[int, int], ...]], ...]  # each article's text and hidden spans
_LAST: tuple[_Key, _Prepared] | None = None


def _key(articles: Sequence[Article]) -> _Key:
    return tuple((a.text, a.hidden) for a in articles)


def _prepared(articles: Sequence[Article]) -> _Prepared:
    global _LAST
    key = _key(articles)
    if _LAST is None or _LAST[0] != key:
        _LAST = None  # the old story's words go before the new one's are made
        _LAST = (key, _prepare(articles))
    return _LAST[1]


def prepare(articles: Sequence[Article]) -> None:
    """Index the story's words and n-grams now, as find_part would for its first part. Done
    before several workers fork, they inherit the index instead of each making its own, and
    the main process has it for the parts it takes (the pipeline leaves a single worker to
    make it while the main process goes on)."""
    _prepared(articles)


def prepared(articles: Sequence[Article]) -> bool:
    """Whether this process has the story's index already (a part then costs only itself)."""
    return _LAST is not None and _LAST[0] == _key(articles)


def forget() -> None:
    """Let the index of the last story go (at 500 articles it holds 100 MB)."""
    global _LAST
    _LAST = None


def find_part(articles: Sequence[Article], part: int, parts: int) -> PassageTable:
    """The passages of one part of the pairs of articles, article sides as indices into
    `articles`. A part is a run of earlier articles (`first_articles`), each with every later
    one it shares a seed n-gram with; which ones those are is found in the part, by the
    process that takes it. Parts 0..parts-1 concatenated are every passage, by pair and,
    within a pair, by where they start."""
    prep = _prepared(articles)
    if isinstance(prep, _InBulk):
        return _found_in_bulk(prep, articles, first_articles(len(articles), part, parts))
    cols = [column() for _ in COLUMNS]
    xs, a_start, a_end, ys, b_start, b_end, same, longer = cols
    words, grams, holders = prep.words, prep.grams, prep.holders
    for x in first_articles(len(articles), part, parts):
        wa, ga = words[x], grams[x]
        for y in later_partners(x, grams, holders):
            wb = words[y]
            runs = pair_runs(wa.ids, ga, wb.ids, grams[y])
            if not runs:
                continue
            xs.extend([x] * len(runs))
            ys.extend([y] * len(runs))
            for a0, a1, b0, b1, n in runs:
                a_start.append(wa.starts[a0])
                a_end.append(wa.ends[a1 - 1])
                b_start.append(wb.starts[b0])
                b_end.append(wb.ends[b1 - 1])
                same.append(n)
                longer.append(max(a1 - a0, b1 - b0))
    return PassageTable([a.id for a in articles], cols)


def _found_in_bulk(prep: _InBulk, articles: Sequence[Article], xs: range) -> PassageTable:
    """find_part's table, the runs found in bulk (batch.py) but for the few pairs it leaves
    to pair_runs. For those, the two articles' n-grams are indexed as a story of two: the
    n-grams they both hold are the same, and they are all pair_runs reads."""
    from reader.core.passages.batch import batch_runs, columns, walked_pairs

    found = batch_runs(prep.arrays, xs.start, xs.stop)
    words, ids, walked = prep.words, prep.gram_ids, {}
    for x, y in found.unsure:
        ga, gb = index_grams([ids[x], ids[y]])
        walked[x, y] = pair_runs(words[x].ids, ga, words[y].ids, gb)
    crowded = walked_pairs(prep.arrays, xs)
    if crowded:
        # Indexed together once: what two of them share is what a story of those two shares.
        them = sorted({a for pair in crowded for a in pair})
        grams = dict(zip(them, index_grams([ids[a] for a in them]), strict=True))
        for x, y in crowded:
            walked[x, y] = pair_runs(words[x].ids, grams[x], words[y].ids, grams[y])
    return PassageTable([a.id for a in articles], columns(prep.arrays, found, walked))


def first_articles(n: int, part: int, parts: int) -> range:
    """The earlier articles of part `part` of `parts`: runs of 0..n-2 holding about as many
    pairs each, were every two articles to share a seed (article x has n-1-x later ones)."""

    total = n * (n - 1) // 2

    def start(k: int) -> int:  # the first x whose pairs before it reach k parts' share
        x = 0
        while x < n - 1 and (x * (n - 1) - x * (x - 1) // 2) * parts < k * total:
            x += 1
        return x

    return range(start(part), start(part + 1) if part + 1 < parts else max(n - 1, 0))


def join_parts(parts: Sequence[PassageTable]) -> PassageTable:
    """The parts of one story's passages, in order, as one table."""
    if len(parts) == 1:
        return parts[0]
    cols = [column() for _ in COLUMNS]
    for part in parts:
        for whole, piece in zip(cols, part.columns, strict=True):
            whole.extend(piece)
    return PassageTable(parts[0].articles if parts else (), cols)


def find_shared_passages(articles: Sequence[Article]) -> list[SharedPassage]:
    """Near-verbatim runs of at least SEED_WORDS words, for every pair of articles: by pair
    (the earlier article first), then by where they start."""
    return list(find_part(articles, 0, 1))
