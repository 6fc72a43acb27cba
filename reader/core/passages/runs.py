"""The runs two articles share: seeds grown in both directions over exact words.

Each seed grows in both directions over exact words, stepping over one isolated changed, added
or dropped word when the run clearly goes on after it. Exact stretches are compared as list
slices with galloping, so long copies cost a few C-level comparisons instead of a Python loop
per word. This is the innermost loop of the engine on a large story (one call per passage, a
million at 500 articles): the cheap tests (the next word differs, the seed lies in the run just
found) are written in line, before any call.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from heapq import heappop, heappush
from operator import itemgetter

from reader.core.passages.index import MAX_PLACES, SEED_WORDS, Grams

RESUME_WORDS = 4  # after a changed word, this many identical words must follow to go on

Run = tuple[int, int, int, int, int]  # a0, a1, b0, b1 (word indices, end exclusive), same words
_BY_STARTS = itemgetter(0, 2)


def same_forward(a: list[int], p: int, b: list[int], q: int, known: int = 1) -> int:
    """Length of the exact common run starting at a[p], b[q]; `known` words of it are known
    to be equal already (a seed's), so the comparison starts past them.

    Slices of _BLOCK words are compared at C speed, doubling while they match (galloping, for
    long copies), then halved back to _BLOCK; the last few words are compared one by one,
    which is cheaper than slicing for the short runs that most passages are."""
    limit = min(len(a) - p, len(b) - q)
    if limit <= 0 or a[p] != b[q]:
        return 0
    lo, step = known, _BLOCK
    while lo + step <= limit and a[p + lo : p + lo + step] == b[q + lo : q + lo + step]:
        lo += step
        step *= 2
    while step > _BLOCK:  # a[p:p+lo] matches and a[p:p+lo+step] does not (or passes limit)
        step //= 2
        if lo + step <= limit and a[p + lo : p + lo + step] == b[q + lo : q + lo + step]:
            lo += step
    while lo < limit and a[p + lo] == b[q + lo]:  # fewer than _BLOCK words to go
        lo += 1
    return lo


_BLOCK = 8


def same_backward(a: list[int], p: int, b: list[int], q: int) -> int:
    """Length of the exact common run ending just before a[p], b[q] (as same_forward)."""
    limit = min(p, q)
    if limit <= 0 or a[p - 1] != b[q - 1]:
        return 0
    lo, step = 1, _BLOCK
    while lo + step <= limit and a[p - lo - step : p - lo] == b[q - lo - step : q - lo]:
        lo += step
        step *= 2
    while step > _BLOCK:
        step //= 2
        if lo + step <= limit and a[p - lo - step : p - lo] == b[q - lo - step : q - lo]:
            lo += step
    while lo < limit and a[p - lo - 1] == b[q - lo - 1]:
        lo += 1
    return lo


def extend(a: list[int], b: list[int], i: int, j: int) -> Run:
    """Grow the seed at a[i:i+SEED_WORDS] == b[j:j+SEED_WORDS] as far as the text goes on.

    After an exact stretch it tries one changed word, one extra word in a, one extra in b (in
    that order, the longest continuation winning) and goes on if RESUME_WORDS words follow.
    """
    na, nb = len(a), len(b)
    same = same_forward(a, i, b, j, SEED_WORDS)
    p, q = i + same, j + same
    while p < na and q < nb:
        best = da = db = 0
        if p + 1 < na:
            if q + 1 < nb and a[p + 1] == b[q + 1]:
                best, da, db = same_forward(a, p + 1, b, q + 1), 1, 1
            if a[p + 1] == b[q]:
                n = same_forward(a, p + 1, b, q)
                if n > best:
                    best, da, db = n, 1, 0
        if q + 1 < nb and a[p] == b[q + 1]:
            n = same_forward(a, p, b, q + 1)
            if n > best:
                best, da, db = n, 0, 1
        if best < RESUME_WORDS:
            break
        p, q = p + da + best, q + db + best
        same += best
    end_a, end_b = p, q
    back = same_backward(a, i, b, j)
    p, q = i - back, j - back
    same += back
    while p > 0 and q > 0:
        best = da = db = 0
        if p > 1:
            if q > 1 and a[p - 2] == b[q - 2]:
                best, da, db = same_backward(a, p - 1, b, q - 1), 1, 1
            if a[p - 2] == b[q - 1]:
                n = same_backward(a, p - 1, b, q)
                if n > best:
                    best, da, db = n, 1, 0
        if q > 1 and a[p - 1] == b[q - 2]:
            n = same_backward(a, p, b, q - 1)
            if n > best:
                best, da, db = n, 0, 1
        if best < RESUME_WORDS:
            break
        p, q = p - da - best, q - db - best
        same += best
    return (p, end_a, q, end_b, same)


def inside(runs: Iterable[Run], i: int, j: int) -> bool:
    """Whether the seed at a[i], b[j] lies inside one of the runs (in both articles)."""
    return any(
        a0 <= i and i + SEED_WORDS <= a1 and b0 <= j and j + SEED_WORDS <= b1
        for a0, a1, b0, b1, _ in runs
    )


class OpenRuns:
    """The runs found so far that a seed at or after position i of a can still lie inside.

    Seeds come in increasing order of i, so a run ending before i + SEED_WORDS can hold no
    later seed: a heap by run end lets each run leave once, and a seed is tested only against
    the runs that still reach it, not against every run of the pair.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[int, int]] = []
        self._open: dict[int, Run] = {}
        self._added = 0

    def add(self, run: Run) -> None:
        key = self._added  # unique per run: ties on the end never compare runs
        self._added += 1
        heappush(self._heap, (run[1], key))
        self._open[key] = run

    def holds(self, i: int, j: int) -> bool:
        """Whether the seed at a[i], b[j] lies inside a run found already."""
        heap, open_runs = self._heap, self._open
        while heap and heap[0][0] < i + SEED_WORDS:
            del open_runs[heappop(heap)[1]]
        return inside(open_runs.values(), i, j)


def pair_runs(a: list[int], ga: Grams, b: list[int], gb: Grams) -> list[Run]:
    """Maximal near-verbatim runs shared by two articles, each found once, by starts."""
    shared = ga.shared & gb.shared
    if not shared:
        return []
    seeds, ranked = seeding(ga, gb, shared)
    # Unless b repeats a shared n-gram, a seed inside a run found already can only lie on that
    # run: skip straight past the run instead of testing each of its words.
    if not (shared & gb.repeated):
        return _jumping_runs(a, ga, b, gb, seeds)
    return _checked_runs(a, ga, b, gb.where, seeds, ranked)


def seeding(ga: Grams, gb: Grams, shared: frozenset[int]) -> tuple[list[int], dict[int, int]]:
    """The places in a that seed the pair's runs, in order, and the seeds paired by rank.

    A seed pairs with every place of its n-gram in b; but an n-gram that both articles hold
    more often than MAX_PLACES (index.MAX_PLACES) seeds from its first MAX_PLACES places in
    a, each paired with the place of the same rank in b (`ranked`: seed -> that place): the
    k-th time one article says it with the k-th time the other does. Pairing each with each
    made a passage of every place with every other, none of them text one article took from
    the other: 300 articles of one template, its formula said in each of 60 sentences, had
    54 such passages to a pair beside the 60 of the sentences themselves."""
    crowded = {
        g
        for g in shared & ga.repeated & gb.repeated
        if len(ga.where[g]) > MAX_PLACES and len(gb.where[g]) > MAX_PLACES
    }
    seeds = list(map(ga.first.__getitem__, shared))
    ranked: dict[int, int] = {}
    for g in shared & ga.repeated:
        seeds.extend(ga.where[g][1:MAX_PLACES] if g in crowded else ga.where[g][1:])
    for g in crowded:
        ranked.update(zip(ga.where[g][:MAX_PLACES], gb.where[g][:MAX_PLACES], strict=True))
    seeds.sort()
    return seeds, ranked


def _checked_runs(
    a: list[int],
    ga: Grams,
    b: list[int],
    b_where: dict[int, list[int]],
    seeds: list[int],
    ranked: dict[int, int],
) -> list[Run]:
    """pair_runs from each seed and each of its partners in b (`b_where`: the places of each
    shared n-gram in b; `ranked`: the one partner of a seed paired by rank), but those inside
    a run found already."""
    runs: list[Run] = []
    open_runs = OpenRuns()
    a_grams = ga.ids
    last = (0, 0, 0, 0, 0)  # the run found last: most seeds inside a run lie inside this one
    k, n = 0, len(seeds)
    while k < n:
        i = seeds[k]
        k += 1
        for j in b_where[a_grams[i]] if not ranked or i not in ranked else (ranked[i],):
            if (
                last[0] <= i
                and i + SEED_WORDS <= last[1]
                and last[2] <= j
                and j + SEED_WORDS <= last[3]
            ):
                continue  # open_runs would hold it too: the last run reaches past i
            if open_runs.holds(i, j):
                continue
            last = extend(a, b, i, j)
            runs.append(last)
            open_runs.add(last)
    runs.sort(key=_BY_STARTS)
    return runs


def _jumping_runs(a: list[int], ga: Grams, b: list[int], gb: Grams, seeds: list[int]) -> list[Run]:
    """pair_runs where b holds each shared n-gram once: each seed has one partner, and after a
    run the next seed to try is the first past its end. Runs then end ever later in a (a run
    grows at least a seed past the seed it starts from, which lies past the last run's end),
    so no later seed lies inside any run found: nothing to test, no open runs to keep."""
    runs: list[Run] = []
    a_grams, b_where = ga.ids, gb.where
    k, n = 0, len(seeds)
    while k < n:
        i = seeds[k]
        run = extend(a, b, i, b_where[a_grams[i]][0])
        runs.append(run)
        k = bisect_left(seeds, run[1] - SEED_WORDS + 1, k + 1)
    runs.sort(key=_BY_STARTS)
    return runs
