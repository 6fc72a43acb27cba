"""Passages put in the reader's order: each from the earlier article to the later one, sorted
by the earlier article, where it starts there, the later article and where it starts there.

The rule is one stable sort on those four keys. A large story (a million passages at 500
articles) sorts them with numpy's lexsort, which is stable too; a small one sorts in Python and
so does not import numpy (a tenth of a second, more than the whole sample's analysis gains).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from reader.core.passages.table import PassageTable, column

NUMPY_FROM = 20_000  # passages; below this Python's sort is as quick as importing numpy


def reading_order(
    found: PassageTable, position: Sequence[int], reader_ids: Sequence[str]
) -> PassageTable:
    """`found` with its articles renamed: article k of `found` is reader_ids[position[k]]."""
    if len(found) >= NUMPY_FROM:
        return _with_numpy(found, position, reader_ids)
    out = [column() for _ in found.columns]
    swapped = []
    for xa, sa, ea, xb, sb, eb, same, longer in found.rows():
        pa, pb = position[xa], position[xb]
        swapped.append(
            (pa, sa, ea, pb, sb, eb, same, longer)
            if pa <= pb
            else (pb, sb, eb, pa, sa, ea, same, longer)
        )
    swapped.sort(key=lambda r: (r[0], r[1], r[3], r[4]))
    for row in swapped:
        for col, value in zip(out, row, strict=True):
            col.append(value)
    return PassageTable(reader_ids, out)


def _with_numpy(
    found: PassageTable, position: Sequence[int], reader_ids: Sequence[str]
) -> PassageTable:
    import numpy as np

    xa, sa, ea, xb, sb, eb, same, longer = (np.frombuffer(c, dtype=np.int64) for c in found.columns)
    where = np.asarray(position, dtype=np.int64)
    pa, pb = where[xa], where[xb]
    flip = pa > pb
    first = [np.where(flip, b, a) for a, b in ((pa, pb), (sa, sb), (ea, eb))]
    second = [np.where(flip, a, b) for a, b in ((pa, pb), (sa, sb), (ea, eb))]
    order = np.lexsort((second[1], second[0], first[1], first[0]))
    cols = [*first, *second, same, longer]
    return PassageTable(reader_ids, [array("q", c[order].tobytes()) for c in cols])
