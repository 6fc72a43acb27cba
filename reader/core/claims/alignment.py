"""Monotonic sentence alignment for two versions of one text (translations, edits).

Where two articles are versions of one text, sentence k of one mostly answers to sentence k' of
the other in the same order; an order-keeping alignment then finds weak correspondences that
matching each sentence on its own would miss, and rejects strong-looking but out-of-place ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

# (row, col) -> similarity, for the candidate pairs of two articles (rows: first, cols: second).
PairScores = Mapping[tuple[int, int], float]


@dataclass(frozen=True)
class AlignedUnit:
    """Rows rows[0]..rows[-1] of one version answer to cols of the other (1-1, 1-2 or 2-1)."""

    rows: tuple[int, ...]
    cols: tuple[int, ...]
    similarity: float


def ordered_share(scores: PairScores, n_rows: int, n_cols: int, near: float) -> float:
    """Share of sentences with a near-identical partner in the same order (LIS of matches).

    High for versions of one text, low for independent reports of one event.
    """
    if not n_rows or not n_cols:
        return 0.0
    best: dict[int, tuple[float, int]] = {}
    for (r, c), s in scores.items():
        if s >= near and (r not in best or s > best[r][0]):
            best[r] = (s, c)
    cols = [best[r][1] for r in sorted(best)]
    # Longest strictly increasing subsequence, patience style.
    tails: list[int] = []
    for c in cols:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < c:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(c)
        else:
            tails[lo] = c
    return len(tails) / min(n_rows, n_cols)


def align(
    scores: PairScores,
    merged: Callable[[tuple[int, ...], tuple[int, ...]], float],
    gain_floor: float,
    merge_margin: float = 0.05,
    merge_from: float = 0.0,
) -> list[AlignedUnit]:
    """The heaviest order-keeping chain of 1-1, 1-2 and 2-1 units; a unit gains sim - gain_floor.

    Works on the sparse candidate pairs only, so two long versions cost what they share; a
    merge with the next sentence is tried from every pair at least merge_from similar.
    """
    units: list[AlignedUnit] = []
    for (r, c), s in scores.items():
        if s > gain_floor:
            units.append(AlignedUnit((r,), (c,), s))
        if s < merge_from:
            continue
        for rows, cols, neighbour in (
            ((r, r + 1), (c,), scores.get((r + 1, c), 0.0)),
            ((r,), (c, c + 1), scores.get((r, c + 1), 0.0)),
        ):
            if max(s, neighbour) + merge_margin >= 1.0:
                continue  # similarity is at most 1: the merge cannot win by the margin
            m = merged(rows, cols)
            if m > max(s, neighbour) + merge_margin and m > gain_floor:
                units.append(AlignedUnit(rows, cols, m))
    return _heaviest_chain(units, gain_floor)


def _heaviest_chain(units: list[AlignedUnit], gain_floor: float) -> list[AlignedUnit]:
    """Max-gain chain of units strictly increasing in rows and cols, in O(n log n).

    Sweeps units by first row; a unit becomes available to later ones once the sweep passes
    its last row, and a Fenwick tree over columns answers "best chain ending before col c".
    """
    if not units:
        return []
    n_cols = max(u.cols[-1] for u in units) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (n_cols + 1)

    def update(col: int, value: tuple[float, int]) -> None:
        i = col + 1
        while i <= n_cols:
            if value[0] > tree[i][0]:
                tree[i] = value
            i += i & -i

    def best_before(col: int) -> tuple[float, int]:
        i, best = col, (0.0, -1)  # cols 0..col-1
        while i > 0:
            if tree[i][0] > best[0]:
                best = tree[i]
            i -= i & -i
        return best

    by_start = sorted(range(len(units)), key=lambda k: units[k].rows[0])
    by_end = sorted(range(len(units)), key=lambda k: units[k].rows[-1])
    total = [0.0] * len(units)
    back = [-1] * len(units)
    released = 0
    for k in by_start:
        u = units[k]
        while released < len(by_end) and units[by_end[released]].rows[-1] < u.rows[0]:
            done = by_end[released]
            update(units[done].cols[-1], (total[done], done))
            released += 1
        prev_total, prev = best_before(u.cols[0])
        total[k] = prev_total + u.similarity - gain_floor
        back[k] = prev
    k = max(range(len(units)), key=total.__getitem__)
    chain: list[AlignedUnit] = []
    while k >= 0:
        chain.append(units[k])
        k = back[k]
    chain.reverse()
    return chain
