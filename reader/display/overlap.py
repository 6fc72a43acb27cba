"""How much of each article is shared with each other article, from the shared passages.

Counts are of visible non-space characters, so layout and hidden furniture do not weigh in.

A story of hundreds of articles shares a million passages or more. Read as passage objects they
took the reader seconds each time (at 500 generated articles: 8.7 s for the overview's map,
6 s for the first article's share, 3 s for the first shading): the table the engine makes
(core/passages/table.py) is read here as its columns, and from NUMPY_FROM passages each figure
is worked out for all the articles at once with numpy, the same figures as passage by passage
(a test holds the two ways equal).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from reader.core.model import Article, Story
from reader.core.passages.order import NUMPY_FROM
from reader.core.passages.table import PassageTable
from reader.core.text.spans import Span, merge_spans

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Ints = npt.NDArray[np.int64]

Side = tuple[int, int, str]  # one side of a passage in an article: start, end, the other article


def _space_prefix(text: str) -> list[int]:
    """prefix[i] = space characters in text[:i], so any span's non-space count is O(1) (built
    in C: map and accumulate, no Python step per character)."""
    return [0, *accumulate(map(str.isspace, text))]


def _count(prefix: list[int], spans: list[Span]) -> int:
    """Non-space characters in the spans."""
    return sum((e - s) - (prefix[e] - prefix[s]) for s, e in spans)


def _visible(article: Article, prefix: list[int]) -> int:
    everything = (len(prefix) - 1) - prefix[-1]
    return max(1, everything - _count(prefix, merge_spans(article.hidden)))


class SharedText:
    """Where a story's articles share their text: each article's sides of its passages, and
    the share of its visible text it shares with each other article and with any. Made once
    per story; each part is worked out when first asked for."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self._bulk = isinstance(story.passages, PassageTable) and len(story.passages) >= NUMPY_FROM
        self._sides: dict[str, list[Side]] | None = None
        self._by_article: _SidesByArticle | None = None
        self._matrix: dict[tuple[str, str], float] | None = None
        self._fractions: dict[str, float] = {}
        self._rows: dict[str, dict[str, float]] = {}
        self._ids = [a.id for a in story.articles]
        self._all = False  # whether _fractions holds every article's
        self._bulk_figures: _Bulk | None = None
        self._sides_arrays: _Sides | None = None

    def sides(self, article_id: str) -> list[Side]:
        """The article's sides of the passages it shares: where it is a passage's first
        article, then where it is the second (a passage within one article gives it both),
        each in the passages' order."""
        if self._bulk:
            return self._index().of(article_id)
        if self._sides is None:
            self._sides = {}
            for p in self.story.passages:
                self._sides.setdefault(p.a.article, []).append((p.a.start, p.a.end, p.b.article))
            for p in self.story.passages:
                self._sides.setdefault(p.b.article, []).append((p.b.start, p.b.end, p.a.article))
        return self._sides.get(article_id, [])

    def shade(self, article_id: str) -> list[tuple[int, int, int]]:
        """(start, end, n): the spans of the article shared with n other articles (n >= 1),
        in order, a span where n changes or the sharing stops."""
        if self._bulk:
            return self._index().shade(article_id)
        events = [
            event
            for start, end, other in self.sides(article_id)
            if other != article_id and end > start
            for event in ((start, 1, other), (end, -1, other))
        ]
        events.sort(key=lambda e: (e[0], e[1]))  # an end before a start at one place
        out: list[tuple[int, int, int]] = []
        active: dict[str, int] = {}  # the other articles over this place: their spans open
        prev = 0
        for pos, delta, other in events:
            if pos > prev and active:
                n = len(active)
                if out and out[-1][1] == prev and out[-1][2] == n:
                    out[-1] = (out[-1][0], pos, n)
                else:
                    out.append((prev, pos, n))
            active[other] = active.get(other, 0) + delta
            if active[other] <= 0:
                del active[other]
            prev = pos
        return out

    def spans(self, article_id: str, other: str | None = None) -> list[Span]:
        """Merged spans of the article shared with `other` (or with any article)."""
        if self._bulk and other is None:
            return self._index().merged(article_id)
        return merge_spans(
            (s, e) for s, e, theirs in self.sides(article_id) if other is None or theirs == other
        )

    def matrix(self) -> dict[tuple[str, str], float]:
        """(row, col) -> fraction of row's visible text that it shares with col; 1.0 where the
        two are one article."""
        if self._matrix is None:
            ids = [a.id for a in self.story.articles]
            out = {(a, b): (1.0 if a == b else 0.0) for a in ids for b in ids}
            out.update(self._in_bulk().matrix() if self._bulk else self._pair_coverage())
            self._matrix = out
        return self._matrix

    def row(self, article_id: str) -> dict[str, float]:
        """The matrix's row of one article, worked out from its own passages alone where the
        whole matrix is not made: the articles it shares text with, and the fraction."""
        found = self._rows.get(article_id)
        if found is None:
            if self._matrix is not None:
                found = {
                    other: share
                    for other in self._ids
                    if (share := self._matrix[(article_id, other)]) and other != article_id
                }
            else:
                found = self._row_of(self.story.article(article_id))
            self._rows[article_id] = found
        return found

    def share(self, row: str, col: str) -> float:
        """The fraction of row's visible text it shares with col (matrix()[row, col])."""
        return 1.0 if row == col else self.row(row).get(col, 0.0)

    def fraction(self, article_id: str) -> float:
        """Fraction of the article's visible text shared with at least one other article:
        worked out for this article alone unless all have been (`fractions`)."""
        found = self._fractions.get(article_id)
        if found is None:
            sides = self.sides(article_id)
            found = (
                self._share(self.story.article(article_id), self.spans(article_id))
                if sides
                else 0.0
            )
            self._fractions[article_id] = found
        return found

    def fractions(self) -> dict[str, float]:
        """Every article's fraction (an article sharing nothing: 0), all at once."""
        if not self._all:
            if self._bulk:
                self._fractions.update(self._in_bulk().fractions())
            for a in self.story.articles:
                self.fraction(a.id)
            self._all = True
        return self._fractions

    def _index(self) -> _SidesByArticle:
        """A large table's sides by article, made when first read."""
        if self._by_article is None:
            self._by_article = _SidesByArticle(self.story, self._side_arrays())
        return self._by_article

    def _in_bulk(self) -> _Bulk:
        if self._bulk_figures is None:
            self._bulk_figures = _Bulk(self.story, self._side_arrays())
        return self._bulk_figures

    def _side_arrays(self) -> _Sides:
        """Both sides of every passage, made once for the index by article and the bulk."""
        if self._sides_arrays is None:
            self._sides_arrays = _side_arrays(self.story)
        return self._sides_arrays

    def _sharing(self) -> list[Article]:
        return [a for a in self.story.articles if self.sides(a.id)]

    def _pair_coverage(self) -> dict[tuple[str, str], float]:
        """The matrix's shared cells, passage by passage. Only the pairs that share a passage
        are counted (500 articles are 250,000 pairs, most of them sharing nothing)."""
        return {
            (article.id, other): share
            for article in self._sharing()
            for other, share in self.row(article.id).items()
        }

    def _row_of(self, article: Article) -> dict[str, float]:
        by_other: dict[str, list[Span]] = defaultdict(list)
        for s, e, other in self.sides(article.id):
            if other != article.id:
                by_other[other].append((s, e))
        if not by_other:
            return {}
        prefix = _space_prefix(article.text)
        total = _visible(article, prefix)
        return {
            other: _count(prefix, merge_spans(spans)) / total for other, spans in by_other.items()
        }

    @staticmethod
    def _share(article: Article, spans: list[Span]) -> float:
        prefix = _space_prefix(article.text)
        return _count(prefix, spans) / _visible(article, prefix)


class _SidesByArticle:
    """A large table's passage sides ordered by article, so that one article's are a slice."""

    def __init__(self, story: Story, sides: _Sides) -> None:
        import numpy as np

        # By article, each one's a-sides then its b-sides in the passages' order (the order
        # SharedText.sides gives): a stable sort, which numpy makes a radix sort in 16 bits.
        small = len(story.articles) < 2**15
        order = np.argsort(
            sides.article.astype(np.int16) if small else sides.article, kind="stable"
        )
        self.article = sides.article[order]
        self.other, self.start, self.end = (v[order] for v in (sides.other, sides.start, sides.end))
        self.ids = [a.id for a in story.articles]
        self.index = {aid: k for k, aid in enumerate(self.ids)}
        self._made: dict[str, list[Side]] = {}  # the articles asked for (a few on screen)

    def _range(self, article_id: str) -> tuple[int, int]:
        """Where the article's sides lie in the arrays (none: an empty range)."""
        k = self.index.get(article_id)
        if k is None:
            return 0, 0
        lo, hi = self.article.searchsorted([k, k + 1])
        return int(lo), int(hi)

    def of(self, article_id: str) -> list[Side]:
        found = self._made.get(article_id)
        if found is None:
            found = self._made[article_id] = self._of(article_id)
        return found

    def _of(self, article_id: str) -> list[Side]:
        lo, hi = self._range(article_id)
        ids = self.ids
        return [
            (s, e, ids[o])
            for s, e, o in zip(
                self.start[lo:hi].tolist(),
                self.end[lo:hi].tolist(),
                self.other[lo:hi].tolist(),
                strict=True,
            )
        ]

    def merged(self, article_id: str) -> list[Span]:
        """merge_spans of the article's sides, with arrays."""
        lo, hi = self._range(article_id)
        start, end = self.start[lo:hi], self.end[lo:hi]
        _, first, last = _merged_by_group(start * 0, start, end, int(end.max(initial=0)) + 1)
        return list(zip(first.tolist(), last.tolist(), strict=True))

    def shade(self, article_id: str) -> list[tuple[int, int, int]]:
        """SharedText.shade with arrays: each other article's spans merged where they overlap
        or touch (so that each place is open once per article over it), their starts and ends
        counted along the text, and the spans between two places where the count is above 0,
        joined where the count goes on."""
        import numpy as np

        k = self.index.get(article_id, -1)
        lo, hi = self._range(article_id)
        other, start, end = self.other[lo:hi], self.start[lo:hi], self.end[lo:hi]
        kept = (other != k) & (end > start)
        other, start, end = other[kept], start[kept], end[kept]
        if not len(other):
            return []
        _, first, last = _merged_by_group(other, start, end, int(end.max()) + 1)
        places = np.concatenate((first, last))
        steps = np.concatenate((np.ones(len(first), np.int64), -np.ones(len(last), np.int64)))
        order = np.argsort(places * 2 + (steps > 0), kind="stable")  # an end before a start
        places, count = places[order], np.cumsum(steps[order])
        # the span from each place to the next, where articles are over it
        shaded = (places[1:] > places[:-1]) & (count[:-1] > 0)
        first, last, n = places[:-1][shaded], places[1:][shaded], count[:-1][shaded]
        new = np.ones(len(n), dtype=np.bool_)
        new[1:] = (n[1:] != n[:-1]) | (first[1:] != last[:-1])
        at = np.flatnonzero(new)
        ends = np.append(at[1:], len(n)) - 1
        return list(zip(first[at].tolist(), last[ends].tolist(), n[at].tolist(), strict=True))


class _Sides:
    """Both sides of every passage of a table as arrays, articles numbered in story order."""

    def __init__(self, article: Ints, other: Ints, start: Ints, end: Ints) -> None:
        self.article, self.other, self.start, self.end = article, other, start, end


def _side_arrays(story: Story) -> _Sides:
    import numpy as np

    table = story.passages
    assert isinstance(table, PassageTable)
    place = {a.id: k for k, a in enumerate(story.articles)}
    renumber = np.array([place[aid] for aid in table.articles], dtype=np.int64)
    x, sa, ea, y, sb, eb = (np.frombuffer(c, dtype=np.int64) for c in table.columns[:6])
    x, y = renumber[x], renumber[y]
    return _Sides(
        np.concatenate((x, y)),
        np.concatenate((y, x)),
        np.concatenate((sa, sb)),
        np.concatenate((ea, eb)),
    )


class _Bulk:
    """A large table's figures for all articles at once: each group's spans (an article's
    with one other, or with any) sorted and merged where they overlap, and the merged spans'
    non-space characters counted from each article's prefix of spaces, as _pair_coverage
    and SharedText.fraction count them one by one."""

    def __init__(self, story: Story, sides: _Sides) -> None:
        import numpy as np

        self.sides = sides
        articles = story.articles
        self.n = len(articles)
        self.ids = [a.id for a in articles]
        # The texts end to end, each from its offset: which characters are spaces, and how
        # many come before each character (str.isspace's characters, found as code points).
        lengths = np.array([len(a.text) for a in articles], dtype=np.int64)
        self.length = lengths
        self.offset = np.zeros(self.n, dtype=np.int64)
        np.cumsum(lengths[:-1], out=self.offset[1:])
        joined = "".join(a.text for a in articles).encode("utf-32-le", "surrogatepass")
        codes = np.frombuffer(joined, np.uint32)  # a stray surrogate is a code point too
        self.space = np.isin(codes, _space_codes())
        self.prefix = np.zeros(len(codes) + 1, dtype=np.int64)
        np.cumsum(self.space, out=self.prefix[1:])
        sharing = np.unique(self.sides.article).tolist()
        self.visible = {k: self._visible(articles[k], int(self.offset[k])) for k in sharing}
        self.width = int(lengths.max(initial=0)) + 1

    def _visible(self, article: Article, at: int) -> int:
        """_visible, from the story's prefix of spaces."""
        prefix = self.prefix

        def count(s: int, e: int) -> int:  # non-space characters of the article's [s, e)
            return (e - s) - int(prefix[at + e] - prefix[at + s])

        hidden = sum(count(s, e) for s, e in merge_spans(article.hidden))
        return max(1, count(0, len(article.text)) - hidden)

    def matrix(self) -> dict[tuple[str, str], float]:
        """The matrix's shared cells."""
        sides, n, ids, visible = self.sides, self.n, self.ids, self.visible
        apart = sides.article != sides.other
        pairs = sides.article[apart] * n + sides.other[apart]
        owner, first, last = _merged_by_group(
            pairs, sides.start[apart], sides.end[apart], self.width
        )
        groups, counts = self._counted(owner, owner // n, first, last)
        return {
            (ids[g // n], ids[g % n]): c / visible[g // n]
            for g, c in zip(groups.tolist(), counts.tolist(), strict=True)
        }

    def _counted(self, owner: Ints, article: Ints, first: Ints, last: Ints) -> tuple[Ints, Ints]:
        """The groups of merged spans (each in `article`'s text, by group), and the non-space
        characters each group's spans hold (_count)."""
        import numpy as np

        if not len(owner):
            return owner, owner
        at = self.offset[article]
        counted = (last - first) - (self.prefix[at + last] - self.prefix[at + first])
        new = np.ones(len(owner), dtype=np.bool_)
        new[1:] = owner[1:] != owner[:-1]
        starts = np.flatnonzero(new)
        return owner[starts], np.add.reduceat(counted, starts)

    def fractions(self) -> dict[str, float]:
        """The fractions of the articles sharing a passage: each character's number of spans
        over it (+1 where a span starts, -1 where it ends, summed along the texts end to end),
        the characters covered and not spaces counted per article. No sort."""
        import numpy as np

        sides, offset = self.sides, self.offset
        kept = sides.end > sides.start
        at = offset[sides.article[kept]]
        size = len(self.space) + 1
        opened = np.bincount(at + sides.start[kept], minlength=size)
        closed = np.bincount(at + sides.end[kept], minlength=size)
        covered = np.cumsum(opened - closed)[:-1] > 0
        counted = np.zeros(size, dtype=np.int64)
        np.cumsum(covered & ~self.space, out=counted[1:])
        first, last = offset, offset + self.length
        inside = (counted[last] - counted[first]).tolist()
        return {self.ids[k]: inside[k] / total for k, total in self.visible.items()}


@lru_cache(maxsize=1)
def _space_codes() -> list[int]:
    """The code points str.isspace holds true: all below U+3001 (a test reads them all)."""
    return [c for c in range(SPACES_BELOW) if chr(c).isspace()]


SPACES_BELOW = 0x3001


def _merged_by_group(group: Ints, start: Ints, end: Ints, width: int) -> tuple[Ints, Ints, Ints]:
    """merge_spans within each group, with arrays: the merged spans' groups, starts and ends,
    by group, then start. A span opens a merged span where it starts past the furthest end of
    its group's spans before it (groups kept apart by `width`, more than any end); empty spans
    are dropped."""
    import numpy as np

    kept = end > start
    group, start, end = group[kept], start[kept], end[kept]
    if not len(group):
        return group, start, end
    order = np.argsort(group * width + start)  # by group, then start (one key: fits 63 bits)
    group, start, end = group[order], start[order], end[order]
    reach = np.maximum.accumulate(group * width + end)
    opens = np.ones(len(group), dtype=np.bool_)
    opens[1:] = group[1:] * width + start[1:] > reach[:-1]
    heads = np.flatnonzero(opens)
    return group[heads], start[heads], np.maximum.reduceat(end, heads)
