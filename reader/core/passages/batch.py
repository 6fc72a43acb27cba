"""The runs of many pairs of articles at once, with numpy: runs.py's rule, evaluated in bulk.

A story of hundreds of articles that reuse text has a million passages, and runs.py finds each
with a few Python calls (about 10 microseconds a passage). Here every step of its rule is an
array operation over all the pairs of a part at once:

1. every seed (a shared n-gram at i in a and at j in b) of every pair, from a table of the
   shared n-grams' occurrences sorted by n-gram: one join, no loop over pairs;
2. the seeds sorted by pair, diagonal (j - i) and i: consecutive seeds on a diagonal are one
   *stretch*, an exact common run of words (a seed's neighbour on the diagonal is a seed
   exactly when the next word is the same too);
3. each stretch grown forward and backward over one changed, added or dropped word, as
   runs.extend grows a seed (the same choices, step by step, for all stretches together);
4. which stretches start a run, as runs.pair_runs decides by walking its seeds: for a pair
   where b holds each shared n-gram once, the chain of seeds it jumps to; otherwise, the
   stretches whose seeds no other run's box covers. A pair whose boxes overlap in a way
   that only the walk decides (a box covering part of another stretch, or a covering run
   that is itself covered) is left to runs.pair_runs (`Batch.unsure`).

The result is runs.pair_runs's, run for run and in its order; a test holds the two equal.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from reader.core.passages.index import MAX_PLACES, SEED_WORDS, Words
from reader.core.passages.runs import RESUME_WORDS, Run
from reader.core.passages.table import column_of

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class StoryArrays:
    """A story's words and shared n-gram occurrences as flat arrays, made once per story."""

    words: Ints  # every article's word ids, end to end
    offset: Ints  # where each article's words begin in `words`
    length: Ints  # each article's number of words
    starts: Ints  # each word's first character, as `words`
    ends: Ints  # each word's end, as `words`
    gram: Ints  # the shared n-grams' occurrences, sorted by n-gram, article, position
    article: Ints
    position: Ints
    repeated: Flags  # whether the occurrence's article holds its n-gram more than once
    width: int  # more than any article's number of words
    # The pairs (x * articles + y, x < y) sharing an n-gram where one article holds an n-gram
    # more than index.MAX_PLACES times that another article also does: left to
    # runs.pair_runs, which seeds such an n-gram from its first places alone. Their articles
    # are not in the table: the bulk rule grows a run by jumping from any six equal words to
    # the seed there, and needs every place of every n-gram. (An article alone in crowding an
    # n-gram stays: its seeds grow with its places, not with their square.)
    walk: Ints


def story_arrays(words: Sequence[Words], gram_ids: Sequence[list[int]]) -> StoryArrays | None:
    """A story's arrays from its words and its n-grams at each position (index.gram_ids); None
    where a seed's key (pair, diagonal and position packed in one integer) would not fit in 63
    bits, which no story within the input limits reaches."""
    length = np.array([len(w.ids) for w in words], dtype=np.int64)
    width = int(length.max(initial=0)) + 1
    if len(words) ** 2 * (2 * width + 1) * width >= 2**62:
        return None
    offset = np.zeros(len(words), dtype=np.int64)
    np.cumsum(length[:-1], out=offset[1:])
    counts = np.array([len(g) for g in gram_ids], dtype=np.int64)
    gram = _flat(gram_ids)
    article = np.repeat(np.arange(len(gram_ids), dtype=np.int64), counts)
    position = np.arange(len(gram), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    order = np.lexsort((position, article, gram))
    gram, article, position = gram[order], article[order], position[order]
    # Only the n-grams two articles hold can seed a passage (index.Grams.where): those whose
    # first and last occurrence lie in different articles.
    heads = _new_rows((gram,))
    firsts = np.flatnonzero(heads)
    ends = np.append(firsts[1:], len(gram))[: len(firsts)]  # none where there is no n-gram
    shared = np.repeat(article[firsts] != article[ends - 1], ends - firsts)
    gram, article, position = gram[shared], article[shared], position[shared]
    # an occurrence's article holds its n-gram more than once: its run of (n-gram, article)
    # in the sorted table is longer than one
    held = _new_rows((gram, article))
    run = np.cumsum(held) - 1
    places = np.bincount(run, minlength=1)
    repeated = places[run] > 1
    walk = np.zeros(0, dtype=np.int64)
    # The articles holding an n-gram more than MAX_PLACES times that another article holds
    # more than that too: their seeds of it multiply (runs.seeding).
    busy = places[: int(held.sum())] > MAX_PLACES
    busy_grams = gram[held][busy]
    grams, holders = np.unique(busy_grams, return_counts=True)
    crowded = np.unique(article[held][busy][np.isin(busy_grams, grams[holders > 1])])
    if len(crowded):
        walk = _pairs_sharing(gram[held], article[held], crowded, len(words))
        keep = ~np.isin(article, crowded)
        gram, article, position, repeated = (v[keep] for v in (gram, article, position, repeated))
    return StoryArrays(
        _flat([w.ids for w in words]),
        offset,
        length,
        _flat([w.starts for w in words]),
        _flat([w.ends for w in words]),
        gram,
        article,
        position,
        repeated,
        width,
        walk,
    )


def walked_pairs(s: StoryArrays, xs: range) -> list[tuple[int, int]]:
    """The pairs of a part (its earlier article in `xs`) left to runs.pair_runs because an
    article of the pair crowds an n-gram (StoryArrays.walk), in order."""
    n = len(s.length)
    x = s.walk // n
    chosen = s.walk[(x >= xs.start) & (x < xs.stop)]
    return [(int(p // n), int(p % n)) for p in chosen]


def _pairs_sharing(gram: Ints, article: Ints, among: Ints, n: int) -> Ints:
    """The pairs (x * n + y, x < y) of articles sharing an n-gram, one of them in `among`;
    `gram` and `article` list each n-gram's holders once, sorted by n-gram. N-grams held by
    the very same articles give the same pairs: one of them stands for all (articles of one
    template hold most of theirs alike: 300 of them joined every holder of every n-gram with
    every other, 70 million rows and a gigabyte, for 45,000 pairs)."""
    gram, article = _one_per_holders(gram, article)
    new = _new_rows((gram,))
    heads = np.flatnonzero(new)
    block = np.cumsum(new) - 1
    ends = np.append(heads[1:], len(gram))
    mine = np.flatnonzero(np.isin(article, among))
    item, other = _expand(heads[block[mine]], ends[block[mine]] - heads[block[mine]])
    x, y = article[mine[item]], article[other]
    apart = x != y
    x, y = x[apart], y[apart]
    return np.unique(np.minimum(x, y) * n + np.maximum(x, y))


def _one_per_holders(gram: Ints, article: Ints) -> tuple[Ints, Ints]:
    """The rows (n-gram, holder) of the first n-gram of each set of holders (rows sorted by
    n-gram, then holder). Sets are told apart by a sum of a mixed number per holder, and an
    n-gram whose sum meets an earlier one's but whose holders are not the same keeps its rows:
    the result is exact, the sum only finds the candidates."""
    if not len(gram):
        return gram, article
    new = _new_rows((gram,))
    heads = np.flatnonzero(new)
    block = np.cumsum(new) - 1
    size = np.diff(np.append(heads, len(gram)))
    _, first, same = np.unique(
        np.stack((_holder_sums(article, heads), size)),
        axis=1,
        return_index=True,
        return_inverse=True,
    )
    stands_for = first[same.reshape(-1)]  # each n-gram's first n-gram of its key
    # held alike: row for row the holders of the n-gram it would stand for
    row_there = heads[stands_for[block]] + (np.arange(len(gram)) - heads[block])
    differs = np.bincount(block, weights=article != article[row_there], minlength=len(heads))
    kept = (stands_for == np.arange(len(heads))) | (differs > 0)
    rows = kept[block]
    return gram[rows], article[rows]


def _holder_sums(article: Ints, heads: Ints) -> Ints:
    """A key of each n-gram's holders (its rows from `heads` on): the sum of a number mixed
    from each holder, wrapping. Equal holders give equal keys; other holders rarely do."""
    with np.errstate(over="ignore"):
        mixed = (article.astype(np.uint64) + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
        mixed ^= mixed >> np.uint64(29)
        return np.add.reduceat(mixed, heads).view(np.int64)


def _flat(lists: Sequence[list[int]]) -> Ints:
    """Lists of integers end to end, as one array."""
    if not lists:
        return np.zeros(0, dtype=np.int64)
    return np.concatenate([np.array(v, dtype=np.int64) for v in lists])


@dataclass(frozen=True, slots=True)
class Batch:
    """The runs of a part's pairs, by pair (x * articles + y), then as pair_runs orders them;
    and the pairs this could not settle, for runs.pair_runs."""

    pair: Ints
    a0: Ints
    a1: Ints
    b0: Ints
    b1: Ints
    same: Ints
    unsure: list[tuple[int, int]]


def batch_runs(s: StoryArrays, first: int, last: int) -> Batch:
    """The runs of every pair (x, y), first <= x < last, x < y, that shares a seed."""
    pieces = [_batch(s, *chunk) for chunk in _chunks(s, first, last)]
    if len(pieces) == 1:
        return pieces[0]
    pair, a0, a1, b0, b1, same = (np.concatenate([getattr(p, f) for p in pieces]) for f in _COLUMNS)
    return Batch(pair, a0, a1, b0, b1, same, [u for p in pieces for u in p.unsure])


_COLUMNS = ("pair", "a0", "a1", "b0", "b1", "same")
SEEDS_AT_ONCE = 1 << 20  # about 100 MB of arrays while a chunk's seeds are worked on
_Chunk = tuple[int, int, int, int]  # the pairs (x, y), x0 <= x < x1, y0 <= y < y1


def _chunks(s: StoryArrays, first: int, last: int) -> list[_Chunk]:
    """Runs of the articles first..last-1 whose pairs hold about SEEDS_AT_ONCE seeds or
    fewer: memory stays bounded in one process that takes every pair of 500 articles (14
    million seeds). An article with more is split by its later articles (one paragraph of
    150,000 words, each sentence in it forty times, beside 100 articles held 1.6 GB at once)."""
    n = len(s.length)
    mine, later, end = _partners(s, first, last)
    per_article = np.bincount(s.article[mine] - first, weights=end - later, minlength=last - first)
    out: list[_Chunk] = []
    lo, held = first, 0.0
    for x, seeds in enumerate(per_article.tolist(), start=first):
        if held and held + seeds > SEEDS_AT_ONCE:
            out.append((lo, x, 0, n))
            lo, held = x, 0.0
        if seeds > SEEDS_AT_ONCE:
            own = s.article[mine] == x
            out += _split_by_partner(s, x, later[own], end[own])
            lo, held = x + 1, 0.0
            continue
        held += seeds
    if lo < last or not out:
        out.append((lo, last, 0, n))
    return out


def _split_by_partner(s: StoryArrays, x: int, later: Ints, end: Ints) -> list[_Chunk]:
    """Article x's pairs as chunks of later articles holding about SEEDS_AT_ONCE seeds each
    (a pair is never split): its seeds with each article, counted from the ranges of the
    table they come from without making them."""
    n = len(s.length)
    cover = np.zeros(len(s.gram) + 1, dtype=np.int64)
    np.add.at(cover, later, 1)
    np.add.at(cover, end, -1)
    per_partner = np.bincount(s.article, weights=np.cumsum(cover)[:-1], minlength=n)
    out: list[_Chunk] = []
    lo, held = x + 1, 0.0
    for y in range(x + 1, n):
        seeds = float(per_partner[y])
        if held and held + seeds > SEEDS_AT_ONCE:
            out.append((x, x + 1, lo, y))
            lo, held = y, 0.0
        held += seeds
    out.append((x, x + 1, lo, n))
    return out


def _partners(
    s: StoryArrays, first: int, last: int, partners: tuple[int, int] | None = None
) -> tuple[Ints, Ints, Ints]:
    """The occurrences of the articles first..last-1 (as indices into the table), and for
    each, the range of the table holding its n-gram in later articles (the table is sorted by
    n-gram, then article); within `partners` (y0, y1) where given."""
    n = len(s.length)
    holder = s.gram * n + s.article
    mine = np.flatnonzero((s.article >= first) & (s.article < last))
    later = np.searchsorted(holder, holder[mine], side="right")
    end = np.searchsorted(s.gram, s.gram[mine], side="right")
    if partners is not None:
        y0, y1 = partners
        base = s.gram[mine] * n
        later = np.maximum(later, np.searchsorted(holder, base + y0, side="left"))
        end = np.minimum(end, np.searchsorted(holder, base + y1, side="left"))
        end = np.maximum(end, later)
    return mine, later, end


def _batch(s: StoryArrays, first: int, last: int, y0: int, y1: int) -> Batch:
    """batch_runs for one chunk."""
    seeds = _seeds(s, first, last, (y0, y1) if (y0, y1) != (0, len(s.length)) else None)
    if not len(seeds.key):
        none = np.zeros(0, dtype=np.int64)
        return Batch(none, none, none, none, none, none, [])
    st = _stretches(s, seeds)
    runs = _grown(s, st, seeds.key)
    jumping = ~np.isin(st.pair, seeds.checked_pairs)
    chosen_j, rank_j = _jumping_starts(s, seeds.key, st, runs, jumping)
    chosen_c, rank_c, unsure_pairs = _checked_starts(s, st, runs, ~jumping)
    chosen = np.concatenate((chosen_j, chosen_c))
    rank = np.concatenate((rank_j, rank_c))
    pair = st.pair[chosen]
    a0, a1, b0, b1, same = (v[chosen] for v in runs)
    # a run that several chosen stretches grow to is one run, the first chosen
    order, new = _distinct(pair, (a0, a1, b0, b1, same), rank)
    pair, a0, a1, b0, b1, same, rank = (v[order] for v in (pair, a0, a1, b0, b1, same, rank))
    keep = new & ~np.isin(pair, unsure_pairs)
    pair, a0, a1, b0, b1, same, rank = (v[keep] for v in (pair, a0, a1, b0, b1, same, rank))
    order = np.lexsort((rank, b0, a0, pair))  # pair_runs's order: by pair, then by starts
    n = len(s.length)
    unsure = [(int(p // n), int(p % n)) for p in unsure_pairs]
    return Batch(pair[order], a0[order], a1[order], b0[order], b1[order], same[order], unsure)


def _distinct(pair: Ints, run: Sequence[Ints], rank: Ints) -> tuple[Ints, Flags]:
    """The order of runs by pair, run and rank, and whether each, in that order, is the
    first of its pair's equal runs (the one of lowest rank)."""
    order = np.lexsort((rank, *reversed(run), pair))
    return order, _new_rows([v[order] for v in (pair, *run)])


def _new_rows(columns: Sequence[Ints]) -> Flags:
    """Whether each row of sorted columns differs from the row before it (the first does)."""
    new = np.ones(len(columns[0]), dtype=np.bool_)
    if len(new):
        new[1:] = np.logical_or.reduce([c[1:] != c[:-1] for c in columns])
    return new


@dataclass(frozen=True, slots=True)
class _Seeds:
    key: Ints  # sorted: (pair, diagonal, i) packed, one per seed
    checked_pairs: Ints  # the pairs where b holds a shared n-gram more than once


def _expand(start: Ints, count: Ints) -> tuple[Ints, Ints]:
    """For items with `count` consecutive indices from `start` each: the item of each index,
    and the index."""
    item = np.repeat(np.arange(len(count), dtype=np.int64), count)
    before = np.cumsum(count) - count
    return item, np.arange(int(count.sum()), dtype=np.int64) - before[item] + start[item]


def _seeds(
    s: StoryArrays, first: int, last: int, partners: tuple[int, int] | None = None
) -> _Seeds:
    """Every seed of every pair (x, y), first <= x < last, x < y (and y0 <= y < y1 within
    `partners`): each occurrence of a shared n-gram in x joined with each of its occurrences
    in a later article."""
    n = len(s.length)
    mine, later, end = _partners(s, first, last, partners)
    item, other = _expand(later, end - later)
    own = mine[item]
    x, i, y, j = s.article[own], s.position[own], s.article[other], s.position[other]
    pair = x * n + y
    checked = np.unique(pair[s.repeated[other]])
    return _Seeds(np.sort(_seed_key(pair, j - i, i, s.width)), checked)


def _seed_key(pair: Ints, diagonal: Ints, i: Ints, width: int) -> Ints:
    """A seed as one integer, ordered by pair, diagonal and position (_stretches unpacks it;
    story_arrays checks that it fits)."""
    return ((pair * (2 * width + 1)) + (diagonal + width)) * width + i


def _seed_order(i: Ints, diagonal: Ints, width: int) -> Ints:
    """Where a seed at i on a diagonal comes in pair_runs's walk of one pair: by i, then j."""
    return i * width + i + diagonal


@dataclass(frozen=True, slots=True)
class _Stretches:
    """Exact common runs of at least SEED_WORDS words, one per run of seeds on a diagonal."""

    pair: Ints
    x: Ints
    y: Ints
    diagonal: Ints  # j - i
    i0: Ints  # first word in a
    i1: Ints  # past the last word in a
    of_seed: Ints  # the stretch of each seed


def _stretches(s: StoryArrays, seeds: _Seeds) -> _Stretches:
    n, w = len(s.length), s.width
    key = seeds.key
    starts = np.ones(len(key), dtype=np.bool_)
    starts[1:] = key[1:] != key[:-1] + 1
    first = np.flatnonzero(starts)
    last = np.append(first[1:], len(key)) - 1
    of_seed = np.cumsum(starts, dtype=np.int64) - 1
    head = key[first]
    i0 = head % w
    rest = head // w
    diagonal = rest % (2 * w + 1) - w
    pair = rest // (2 * w + 1)
    i1 = key[last] % w + SEED_WORDS
    return _Stretches(pair, pair // n, pair % n, diagonal, i0, i1, of_seed)


class _Words:
    """Exact-match lengths between two articles at given places, for many places at once."""

    def __init__(self, s: StoryArrays, st: _Stretches, key: Ints) -> None:
        self.s, self.st, self.key = s, st, key

    def _stretch_at(self, pair: Ints, diagonal: Ints, i: Ints) -> Ints:
        """The stretch holding the seed at i on the pair's diagonal (which must exist)."""
        want = _seed_key(pair, diagonal, i, self.s.width)
        at = np.searchsorted(self.key, want)
        if not np.array_equal(self.key[np.minimum(at, len(self.key) - 1)], want):
            raise AssertionError("six equal words that are not a seed")
        return self.st.of_seed[at]

    def _leading(self, pa: Ints, pb: Ints, limit: Ints, step: int) -> Ints:
        """How many words from pa and pb on (step +1 or -1) are equal, up to SEED_WORDS
        and `limit`: most places differ at once, so each word is compared only where all
        before it were equal."""
        words = self.s.words
        matched = np.zeros(len(pa), dtype=np.int64)
        alive = np.flatnonzero(limit > 0)
        for k in range(SEED_WORDS):
            if k:
                alive = alive[limit[alive] > k]
            alive = alive[words[pa[alive] + k * step] == words[pb[alive] + k * step]]
            if not len(alive):
                break
            matched[alive] += 1
        return matched

    def forward(self, k: Ints, p: Ints, q: Ints) -> Ints:
        """runs.same_forward(a, p, b, q) for stretches k's articles."""
        s, st = self.s, self.st
        x, y = st.x[k], st.y[k]
        limit = np.minimum(s.length[x] - p, s.length[y] - q)
        matched = self._leading(s.offset[x] + p, s.offset[y] + q, limit, 1)
        whole = np.flatnonzero(matched == SEED_WORDS)
        if len(whole):
            held = self._stretch_at(st.pair[k[whole]], q[whole] - p[whole], p[whole])
            matched[whole] = st.i1[held] - p[whole]
        return matched

    def backward(self, k: Ints, p: Ints, q: Ints) -> Ints:
        """runs.same_backward(a, p, b, q) for stretches k's articles."""
        s, st = self.s, self.st
        x, y = st.x[k], st.y[k]
        limit = np.minimum(p, q)
        matched = self._leading(s.offset[x] + p - 1, s.offset[y] + q - 1, limit, -1)
        whole = np.flatnonzero(matched == SEED_WORDS)
        if len(whole):
            start = p[whole] - SEED_WORDS
            held = self._stretch_at(st.pair[k[whole]], q[whole] - p[whole], start)
            matched[whole] = p[whole] - st.i0[held]
        return matched


_Length = Callable[[Ints, Ints, Ints], Ints]
_Runs = tuple[Ints, Ints, Ints, Ints, Ints]  # a0, a1, b0, b1, same: one per stretch


def _grown(s: StoryArrays, st: _Stretches, key: Ints) -> _Runs:
    """runs.extend from each stretch: its run (any seed of a stretch grows the same run)."""
    words = _Words(s, st, key)
    na, nb = s.length[st.x], s.length[st.y]
    same = st.i1 - st.i0
    a1, b1 = st.i1.copy(), st.i1 + st.diagonal
    live = np.flatnonzero((a1 < na) & (b1 < nb))
    while len(live):
        p, q, la, lb = a1[live], b1[live], na[live], nb[live]
        best, da, db = _choose(
            _where_then((p + 1 < la) & (q + 1 < lb), words.forward, live, p + 1, q + 1),
            _where_then(p + 1 < la, words.forward, live, p + 1, q),
            _where_then(q + 1 < lb, words.forward, live, p, q + 1),
        )
        go = best >= RESUME_WORDS
        live, best, da, db = live[go], best[go], da[go], db[go]
        a1[live] += da + best
        b1[live] += db + best
        same[live] += best
        live = live[(a1[live] < na[live]) & (b1[live] < nb[live])]
    a0, b0 = st.i0.copy(), st.i0 + st.diagonal
    live = np.flatnonzero((a0 > 0) & (b0 > 0))
    while len(live):
        p, q = a0[live], b0[live]
        best, da, db = _choose(
            _where_then((p > 1) & (q > 1), words.backward, live, p - 1, q - 1),
            _where_then(p > 1, words.backward, live, p - 1, q),
            _where_then(q > 1, words.backward, live, p, q - 1),
        )
        go = best >= RESUME_WORDS
        live, best, da, db = live[go], best[go], da[go], db[go]
        a0[live] -= da + best
        b0[live] -= db + best
        same[live] += best
        live = live[(a0[live] > 0) & (b0[live] > 0)]
    return a0, a1, b0, b1, same


def _where_then(cond: Flags, length: _Length, k: Ints, p: Ints, q: Ints) -> Ints:
    """length(k, p, q) where `cond` holds, 0 elsewhere (runs.extend's guards)."""
    out = np.zeros(len(k), dtype=np.int64)
    at = np.flatnonzero(cond)
    if len(at):
        out[at] = length(k[at], p[at], q[at])
    return out


def _choose(diagonal: Ints, extra_a: Ints, extra_b: Ints) -> tuple[Ints, Ints, Ints]:
    """runs.extend's choice: the longest continuation, a changed word first, then an extra
    word in a, then in b; and how far each takes a and b past the odd word."""
    best = diagonal.copy()
    da = np.ones(len(best), dtype=np.int64)
    db = np.ones(len(best), dtype=np.int64)
    take = extra_a > best
    best[take], db[take] = extra_a[take], 0
    take = extra_b > best
    best[take], da[take], db[take] = extra_b[take], 0, 1
    return best, da, db


def _jumping_starts(
    s: StoryArrays, key: Ints, st: _Stretches, runs: _Runs, jumping: Flags
) -> tuple[Ints, Ints]:
    """The stretches runs._jumping_runs starts a run from, and when (as a seed's i, j)."""
    w = s.width
    seed = np.flatnonzero(jumping[st.of_seed])
    stretch = st.of_seed[seed]
    i = key[seed] % w
    pair = st.pair[stretch]
    order = np.argsort(pair * w + i, kind="stable")
    stretch, i, pair = stretch[order], i[order], pair[order]
    by_pair = pair * w + i
    end = runs[1][stretch]
    nxt = np.searchsorted(by_pair, pair * w + end - SEED_WORDS + 1)
    nxt = np.maximum(nxt, np.arange(1, len(nxt) + 1))
    heads = np.ones(len(pair), dtype=np.bool_)
    heads[1:] = pair[1:] != pair[:-1]
    at = np.flatnonzero(heads)
    taken = []
    while len(at):
        taken.append(at)
        then = nxt[at]
        on = then < len(pair)
        at, then = at[on], then[on]
        at = then[pair[then] == pair[at]]
    chosen = np.concatenate(taken) if taken else np.zeros(0, dtype=np.int64)
    ci = i[chosen]
    return stretch[chosen], _seed_order(ci, st.diagonal[stretch[chosen]], w)


def _checked_starts(
    s: StoryArrays, st: _Stretches, runs: _Runs, checked: Flags
) -> tuple[Ints, Ints, Ints]:
    """The stretches runs._checked_runs starts a run from, when (a first seed's i, j), and
    the pairs whose boxes overlap in a way only its walk settles."""
    k = np.flatnonzero(checked)
    a0, a1, b0, b1, same = (v[k] for v in runs)
    pair, i0, d = st.pair[k], st.i0[k], st.diagonal[k]
    last = st.i1[k] - SEED_WORDS  # the last seed's i
    rank = _seed_order(i0, d, s.width)
    # each distinct run of a pair once, by pair
    order, new = _distinct(pair, (a0, a1, b0, b1, same), rank)
    run_of = np.empty(len(k), dtype=np.int64)
    run_of[order] = np.cumsum(new) - 1
    earliest = order[new]  # each run's stretch that comes first (lowest rank)
    run_pair = pair[earliest]
    # every stretch against every other run of its pair: a pair's stretches times its runs,
    # so taken SEEDS_AT_ONCE at a time (a short article beside one that says each of its
    # sentences forty times has hundreds of each: 1.6 GB at once for 100 such pairs)
    lo = np.searchsorted(run_pair, pair, side="left")
    hi = np.searchsorted(run_pair, pair, side="right")
    count = hi - lo
    reach = np.cumsum(count)
    bad: list[Ints] = []
    covered_parts: list[Ints] = []  # stretches a run of their pair covers whole
    by_parts: list[Ints] = []  # ... and that run's first stretch
    start = 0
    while start < len(k):
        budget = reach[start] - count[start] + SEEDS_AT_ONCE
        stop = max(start + 1, int(np.searchsorted(reach, budget)))
        item, run = _expand(lo[start:stop], count[start:stop])
        item += start
        other = run != run_of[item]
        item, run = item[other], run[other]
        r = earliest[run]
        top = np.maximum(a0[r], b0[r] - d[item])
        bottom = np.minimum(a1[r], b1[r] - d[item]) - SEED_WORDS
        touches = (top <= bottom) & (top <= last[item]) & (bottom >= i0[item])
        whole = (top <= i0[item]) & (bottom >= last[item])
        bad.append(pair[item[touches & ~whole]])
        covered_parts.append(item[whole])
        by_parts.append(r[whole])
        start = stop
    none = np.zeros(0, dtype=np.int64)
    covered = np.concatenate(covered_parts) if covered_parts else none
    by = np.concatenate(by_parts) if by_parts else none
    covered_by = np.zeros(len(k), dtype=np.bool_)
    covered_by[covered] = True
    # a covering run must be emitted for sure, and before the stretch's first seed
    late = covered_by[by] | (rank[by] >= rank[covered])
    bad_pairs = np.unique(np.concatenate([*bad, pair[covered[late]]]))
    return k[~covered_by], rank[~covered_by], bad_pairs


def columns(
    s: StoryArrays, found: Batch, walked: dict[tuple[int, int], list[Run]]
) -> list[array[int]]:
    """The passage table's columns (table.COLUMNS) of a part: the runs found in bulk, and
    those runs.pair_runs found for the pairs left to it (`walked`), by pair."""
    n = len(s.length)
    pair, a0, a1, b0, b1, same = found.pair, found.a0, found.a1, found.b0, found.b1, found.same
    if walked:
        extra = [(x * n + y, *run) for (x, y), runs in walked.items() for run in runs]
        more = np.array(extra, dtype=np.int64).reshape(-1, 6).T
        pair, a0, a1, b0, b1, same = (
            np.concatenate((mine, theirs))
            for mine, theirs in zip((pair, a0, a1, b0, b1, same), more, strict=True)
        )
        order = np.argsort(pair, kind="stable")  # within a pair, all come from one side
        pair, a0, a1, b0, b1, same = (v[order] for v in (pair, a0, a1, b0, b1, same))
    x, y = pair // n, pair % n
    at_a, at_b = s.offset[x], s.offset[y]
    values = (
        x,
        s.starts[at_a + a0],
        s.ends[at_a + a1 - 1],
        y,
        s.starts[at_b + b0],
        s.ends[at_b + b1 - 1],
        same,
        np.maximum(a1 - a0, b1 - b0),
    )
    return [column_of(np.ascontiguousarray(v, dtype=np.int64).data) for v in values]
