"""Shared passages: runs of words two articles share verbatim or nearly so (text reuse).

Every article's visible words become integer ids; word n-grams shared by two articles seed a
match wherever they sit in either text (moved paragraphs included), and each seed grows in both
directions over exact words, stepping over one isolated changed, added or dropped word when the
run clearly goes on after it. Exact stretches are compared as list slices with galloping, so
long copies cost a few C-level comparisons instead of a Python loop per word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from heapq import heappop, heappush

from reader.core.model import Article, Location, SharedPassage
from reader.core.text.tokens import normalize_word, tokenize

SEED_WORDS = 6  # a seed is this many identical words in a row
RESUME_WORDS = 4  # after a changed word, this many identical words must follow to go on
_GAPS = ((1, 1), (1, 0), (0, 1))  # one word changed, one extra in a, one extra in b


@dataclass(frozen=True, slots=True)
class _Words:
    """An article's visible words: ids for matching, character spans for reporting."""

    article: str
    ids: list[int]
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class _Run:
    a0: int  # word indices, end exclusive
    a1: int
    b0: int
    b1: int
    same: int  # words matched exactly


def _visible_words(article: Article, vocab: dict[str, int], norms: dict[str, str]) -> _Words:
    hidden = sorted(article.hidden)
    ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for tok in tokenize(article.text):
        k = bisect_left(hidden, (tok.start + 1,)) - 1
        if k >= 0 and hidden[k][0] <= tok.start < hidden[k][1]:
            continue
        norm = norms.get(tok.text)
        if norm is None:
            norm = norms[tok.text] = normalize_word(tok.text)
        ids.append(vocab.setdefault(norm, len(vocab)))
        starts.append(tok.start)
        ends.append(tok.end)
    return _Words(article.id, ids, starts, ends)


def _same_forward(a: list[int], p: int, b: list[int], q: int) -> int:
    """Length of the exact common run starting at a[p], b[q]."""
    limit = min(len(a) - p, len(b) - q)
    if limit <= 0 or a[p] != b[q]:
        return 0
    lo, step = 1, 1
    while lo + step <= limit and a[p + lo : p + lo + step] == b[q + lo : q + lo + step]:
        lo += step
        step *= 2
    hi = min(lo + step, limit + 1)  # a[p:p+lo] matches; a[p:p+hi] does not (or hi > limit)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[p + lo : p + mid] == b[q + lo : q + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _same_backward(a: list[int], p: int, b: list[int], q: int) -> int:
    """Length of the exact common run ending just before a[p], b[q]."""
    limit = min(p, q)
    if limit <= 0 or a[p - 1] != b[q - 1]:
        return 0
    lo, step = 1, 1
    while lo + step <= limit and a[p - lo - step : p - lo] == b[q - lo - step : q - lo]:
        lo += step
        step *= 2
    hi = min(lo + step, limit + 1)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[p - mid : p - lo] == b[q - mid : q - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def _extend(a: list[int], b: list[int], i: int, j: int) -> _Run:
    """Grow the seed at a[i:i+SEED_WORDS] == b[j:j+SEED_WORDS] as far as the text goes on."""
    same = _same_forward(a, i, b, j)
    p, q = i + same, j + same
    while p < len(a) and q < len(b):
        best, step = 0, (0, 0)
        for da, db in _GAPS:
            n = _same_forward(a, p + da, b, q + db)
            if n > best:
                best, step = n, (da, db)
        if best < RESUME_WORDS:
            break
        p, q = p + step[0] + best, q + step[1] + best
        same += best
    end_a, end_b = p, q
    back = _same_backward(a, i, b, j)
    p, q = i - back, j - back
    same += back
    while p > 0 and q > 0:
        best, step = 0, (0, 0)
        for da, db in _GAPS:
            n = _same_backward(a, p - da, b, q - db)
            if n > best:
                best, step = n, (da, db)
        if best < RESUME_WORDS:
            break
        p, q = p - step[0] - best, q - step[1] - best
        same += best
    return _Run(p, end_a, q, end_b, same)


@dataclass(frozen=True, slots=True)
class _Grams:
    """An article's seed n-grams as ids: per position, and where each one occurs."""

    ids: list[int]
    where: dict[int, list[int]]
    first: dict[int, int]  # where each gram first occurs
    repeated: frozenset[int]  # grams occurring more than once in the article


def _grams(ids: list[int], vocab: dict[tuple[int, ...], int]) -> _Grams:
    gram_ids = [
        vocab.setdefault(tuple(ids[i : i + SEED_WORDS]), len(vocab))
        for i in range(len(ids) - SEED_WORDS + 1)
    ]
    where: dict[int, list[int]] = {}
    for i, g in enumerate(gram_ids):
        where.setdefault(g, []).append(i)
    repeated = frozenset(g for g, pos in where.items() if len(pos) > 1)
    return _Grams(gram_ids, where, {g: pos[0] for g, pos in where.items()}, repeated)


def _inside(runs: Iterable[_Run], i: int, j: int) -> bool:
    return any(
        r.a0 <= i and i + SEED_WORDS <= r.a1 and r.b0 <= j and j + SEED_WORDS <= r.b1 for r in runs
    )


class _OpenRuns:
    """The runs found so far that a seed at or after position i of a can still lie inside.

    Seeds come in increasing order of i, so a run ending before i + SEED_WORDS can hold no
    later seed: a heap by run end lets each run leave once, and a seed is tested only against
    the runs that still reach it, not against every run of the pair.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, _Run]] = []
        self._open: dict[int, _Run] = {}
        self._added = 0

    def add(self, run: _Run) -> None:
        key = self._added  # unique per run: ties on the end never compare runs
        self._added += 1
        heappush(self._heap, (run.a1, key, run))
        self._open[key] = run

    def holds(self, i: int, j: int) -> bool:
        """Whether the seed at a[i], b[j] lies inside a run found already."""
        heap, open_runs = self._heap, self._open
        while heap and heap[0][0] < i + SEED_WORDS:
            del open_runs[heappop(heap)[1]]
        return _inside(open_runs.values(), i, j)


def _pair_runs(wa: _Words, ga: _Grams, wb: _Words, gb: _Grams) -> list[_Run]:
    """Maximal near-verbatim runs shared by two articles, each found once."""
    shared = ga.where.keys() & gb.where.keys()
    if not shared:
        return []
    seeds = list(map(ga.first.__getitem__, shared))
    for g in shared & ga.repeated:
        seeds.extend(ga.where[g][1:])
    seeds.sort()
    # Unless b repeats a shared n-gram, a seed inside a run found already can only lie on that
    # run: skip straight past the run instead of testing each of its words.
    may_jump = not (shared & gb.repeated)
    runs: list[_Run] = []
    open_runs = _OpenRuns()
    k = 0
    while k < len(seeds):
        i = seeds[k]
        k += 1
        for j in gb.where[ga.ids[i]]:
            if open_runs.holds(i, j):
                continue
            run = _extend(wa.ids, wb.ids, i, j)
            runs.append(run)
            open_runs.add(run)
            if may_jump:
                k = max(k, bisect_left(seeds, run.a1 - SEED_WORDS + 1, k))
    return runs


def _passage(wa: _Words, wb: _Words, run: _Run) -> SharedPassage:
    longer = max(run.a1 - run.a0, run.b1 - run.b0)
    return SharedPassage(
        a=Location(wa.article, wa.starts[run.a0], wa.ends[run.a1 - 1]),
        b=Location(wb.article, wb.starts[run.b0], wb.ends[run.b1 - 1]),
        similarity=run.same / longer,
    )


def _candidate_pairs(grams: list[_Grams]) -> list[tuple[int, int]]:
    """Pairs of articles (x < y) sharing at least one seed n-gram, in order: only these can
    share a passage. An inverted index from n-gram to articles finds them without testing
    every pair of articles."""
    holders: dict[int, list[int]] = {}
    for x, g in enumerate(grams):
        for gram in g.where:
            holders.setdefault(gram, []).append(x)
    pairs: list[tuple[int, int]] = []
    for x, g in enumerate(grams):
        later: set[int] = set()
        later.update(*[holders[gram] for gram in g.where])
        pairs.extend((x, y) for y in sorted(later) if y > x)
    return pairs


def find_shared_passages(articles: list[Article]) -> list[SharedPassage]:
    """Near-verbatim runs of at least SEED_WORDS words, for every pair of articles."""
    vocab: dict[str, int] = {}
    norms: dict[str, str] = {}
    words = [_visible_words(a, vocab, norms) for a in articles]
    gram_vocab: dict[tuple[int, ...], int] = {}
    grams = [_grams(w.ids, gram_vocab) for w in words]
    out: list[SharedPassage] = []
    for x, y in _candidate_pairs(grams):
        runs = _pair_runs(words[x], grams[x], words[y], grams[y])
        runs.sort(key=lambda r: (r.a0, r.b0))
        out.extend(_passage(words[x], words[y], r) for r in runs)
    return out
