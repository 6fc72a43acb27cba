"""Importing notes into the store: merged by id, the newer `modified` wins.

An import (`samestory notes import`, a colleague's export) may hold notes and marks the store
already has, older or newer versions of them, and new ones; each is counted in `MergeResult`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from reader.notes.model import Note, ReviewMark
from reader.store.note_rows import INSERT_MARK, INSERT_NOTE, mark_params, note_params


@dataclass(frozen=True)
class MergeResult:
    """How many notes and marks an import added, updated (a newer version) or left as they were."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: MergeResult) -> MergeResult:
        return MergeResult(
            self.added + other.added,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )


def merge_rows(
    conn: sqlite3.Connection, notes: Iterable[Note], marks: Iterable[ReviewMark]
) -> MergeResult:
    """Merge by id on `conn` (the caller holds the transaction): unknown ids are added, a newer
    `modified` replaces the row, an older or equal one leaves it."""
    result = MergeResult()
    for n in notes:
        row = conn.execute("SELECT modified FROM notes WHERE id = ?", (n.id,)).fetchone()
        if row is None:
            conn.execute(INSERT_NOTE, note_params(n))
            result += MergeResult(added=1)
        elif n.modified > row[0]:
            conn.execute("DELETE FROM notes WHERE id = ?", (n.id,))
            conn.execute(INSERT_NOTE, note_params(n))
            result += MergeResult(updated=1)
        else:
            result += MergeResult(unchanged=1)
    for m in marks:
        row = conn.execute("SELECT modified FROM review_marks WHERE id = ?", (m.id,)).fetchone()
        if row is not None and m.modified <= row[0]:
            result += MergeResult(unchanged=1)
            continue
        conn.execute("DELETE FROM review_marks WHERE id = ?", (m.id,))
        conn.execute(INSERT_MARK, mark_params(m))
        result += MergeResult(added=1) if row is None else MergeResult(updated=1)
    return result
