"""Shared passages held as columns of integers, each SharedPassage made when it is read.

A story of 500 articles that reuse one pool of sentences shares about a million passages. As
objects (a passage, two locations, a float) they cost about 500 bytes each and seconds to make,
pickle and remap; as eight integer columns they cost 64 bytes, pickle as a few buffers, and
pass through remapping and the JSON report without an object per passage.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import Any, overload

from reader.core.model import Location, SharedPassage

COLUMNS = ("a_article", "a_start", "a_end", "b_article", "b_start", "b_end", "same", "longer")
Row = tuple[int, int, int, int, int, int, int, int]  # the columns of one passage


def column() -> array[int]:
    return array("q")


def column_of(values: memoryview) -> array[int]:
    """A column holding the 64-bit integers of a buffer (a numpy array's `.data`): one copy."""
    out = column()
    out.frombytes(values.cast("B"))
    return out


class PassageTable(Sequence[SharedPassage]):
    """Passages as columns: articles as indices into `articles`, character offsets, and the
    similarity as words matched exactly (`same`) over the longer side's words (`longer`)."""

    __slots__ = ("_columns", "articles")

    def __init__(self, articles: Sequence[str], columns: Sequence[array[int]]) -> None:
        if len(columns) != len(COLUMNS) or len({len(c) for c in columns}) > 1:
            raise ValueError("a passage table needs eight columns of one length")
        self.articles = tuple(articles)
        self._columns = tuple(columns)

    @classmethod
    def empty(cls, articles: Sequence[str] = ()) -> PassageTable:
        return cls(articles, [column() for _ in COLUMNS])

    @property
    def columns(self) -> tuple[array[int], ...]:
        """The eight columns, in the order of COLUMNS (read only: do not change them)."""
        return self._columns

    def __len__(self) -> int:
        return len(self._columns[0])

    def _make(self, row: Sequence[int]) -> SharedPassage:
        ids = self.articles
        return SharedPassage(
            Location(ids[row[0]], row[1], row[2]),
            Location(ids[row[3]], row[4], row[5]),
            row[6] / row[7],
        )

    @overload
    def __getitem__(self, k: int) -> SharedPassage: ...
    @overload
    def __getitem__(self, k: slice) -> list[SharedPassage]: ...
    def __getitem__(self, k: int | slice) -> SharedPassage | list[SharedPassage]:
        if isinstance(k, slice):
            return [self._make(row) for row in zip(*(c[k] for c in self._columns), strict=True)]
        return self._make([c[k] for c in self._columns])

    def __iter__(self) -> Iterator[SharedPassage]:
        return map(self._make, zip(*self._columns, strict=True))

    def rows(self) -> Iterator[tuple[int, ...]]:
        """Each passage as its eight integers, without making objects."""
        return zip(*self._columns, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PassageTable):
            return self.articles == other.articles and self._columns == other._columns
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(p == q for p, q in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which are unhashable

    def __repr__(self) -> str:
        return f"PassageTable({len(self)} passages)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (PassageTable, (self.articles, self._columns))
