"""The notes store: every change is one SQLite statement, committed before the call returns.

Nothing is cached: each read asks the database again, so a second app open on the same story
sees this one's notes and neither overwrites the other. Deletes are soft (deleted_at) and
`undo()` reverses this session's last change.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from reader import __version__
from reader.core.model import Article, Claim, Story
from reader.notes.anchoring import Anchor, make_anchor
from reader.notes.model import (
    REVIEW_STATUSES,
    Note,
    NoteDraft,
    PlacedNote,
    ReviewMark,
    ReviewStatus,
    SavedPosition,
    clean_tags,
    new_id,
    story_key,
    utc_after,
    utc_now,
)
from reader.notes.placement import belongs_to, find_anchor, place_all
from reader.notes.review import (
    ReviewProgress,
    claim_members,
    claim_quotes,
    match_marks,
    progress,
)
from reader.store.note_export import rescue_export, write_export
from reader.store.note_merge import MergeResult, merge_rows
from reader.store.note_rows import (
    INSERT_MARK,
    INSERT_NOTE,
    MARK_COLUMNS,
    NOTE_COLUMNS,
    mark_from_row,
    mark_params,
    members_to_json,
    note_from_row,
    note_params,
    story_text,
)
from reader.store.notes_db import OpenedDatabase, close_quietly, integrity_ok, open_database

__all__ = ["MergeResult", "NoteStore", "open_store", "rescue_export", "write_export"]


@dataclass(frozen=True)
class _Undo:
    kind: Literal["add", "edit", "delete", "review"]
    description: str
    note: Note | None = None
    mark_before: ReviewMark | None = None
    mark_after: ReviewMark | None = None


class NoteStore:
    """Notes, review marks and reading positions of every story the user has opened."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self._conn = opened.conn
        self.path: Path | None = opened.path
        self.message: str | None = opened.message
        self._lock = threading.RLock()
        self._undo: list[_Undo] = []

    @property
    def persistent(self) -> bool:
        """False when notes live only in memory (read-only or unusable data directory)."""
        return self.path is not None

    def close(self) -> None:
        with self._lock:
            close_quietly(self._conn)

    def integrity_ok(self) -> bool:
        with self._lock:
            return integrity_ok(self._conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """For changes of more than one statement (an import): all or nothing."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _write(self, sql: str, params: Sequence[Any]) -> int:
        """One statement in autocommit mode: its own transaction, durable on return."""
        with self._lock:
            return self._conn.execute(sql, params).rowcount

    # ---- notes: reads -------------------------------------------------------------------

    def get(self, note_id: str) -> Note | None:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,)
            ).fetchone()
        return note_from_row(row) if row else None

    def all_notes(self, include_deleted: bool = False) -> list[Note]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {NOTE_COLUMNS} FROM notes {where} ORDER BY created, id"
            ).fetchall()
        return [note_from_row(r) for r in rows]

    def story_notes(self, story: Story) -> list[Note]:
        """Live notes that concern this story: same texts, same file names or same story."""
        fps = sorted({a.fingerprint for a in story.articles})
        names = sorted({a.name for a in story.articles})
        marks_fp = ",".join("?" * len(fps))
        marks_name = ",".join("?" * len(names))
        overlap = " OR ".join("instr(story, ?) > 0" for _ in fps) or "0"
        sql = (
            f"SELECT {NOTE_COLUMNS} FROM notes WHERE deleted_at IS NULL AND ("
            f"article_fp IN ({marks_fp}) OR file_name IN ({marks_name}) OR {overlap})"
            " ORDER BY created, id"
        )
        with self._lock:
            rows = self._conn.execute(sql, [*fps, *names, *fps]).fetchall()
        notes = [note_from_row(r) for r in rows]
        return [n for n in notes if belongs_to(n.story, n.article_fp, n.file_name, story)]

    def notes_for(self, story: Story) -> list[PlacedNote]:
        """Every live note of the story, placed on today's text; orphans included, last."""
        return place_all(story, self.story_notes(story))

    # ---- notes: changes -----------------------------------------------------------------

    def add_note(
        self, story: Story, article: Article, start: int, end: int, draft: NoteDraft
    ) -> Note:
        now = utc_now()
        note = Note(
            id=new_id(),
            story=story_key(story),
            article_fp=article.fingerprint,
            file_name=article.name,
            anchor=make_anchor(article.text, start, end),
            text=draft.text,
            tags=clean_tags(draft.tags),
            created=now,
            modified=now,
            app_version=__version__,
        )
        self._write(
            INSERT_NOTE,
            note_params(note),
        )
        self._undo.append(_Undo("add", "add note", note=note))
        return note

    def update_note(
        self,
        note_id: str,
        draft: NoteDraft,
        *,
        anchor_to: tuple[Article, int, int] | None = None,
        remember: bool = True,
    ) -> Note:
        """New text and tags; `anchor_to` also moves a re-anchored note onto today's text."""
        before = self._require(note_id)
        after = replace(
            before,
            text=draft.text,
            tags=clean_tags(draft.tags),
            modified=utc_after(before.modified),
        )
        if anchor_to is not None:
            article, start, end = anchor_to
            after = replace(
                after,
                article_fp=article.fingerprint,
                file_name=article.name,
                anchor=make_anchor(article.text, start, end),
            )
        self._rewrite(after)
        if remember:
            self._undo.append(_Undo("edit", "edit note", note=before))
        return after

    def _rewrite(self, note: Note) -> None:
        """Every field an edit may change: text, tags, and the anchor a re-anchoring moved."""
        a = note.anchor
        self._write(
            "UPDATE notes SET body = ?, tags = ?, modified = ?, article_fp = ?, file_name = ?,"
            ' exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ? WHERE id = ?',
            (
                note.text,
                json.dumps(list(note.tags), ensure_ascii=False),
                note.modified,
                note.article_fp,
                note.file_name,
                a.exact,
                a.prefix,
                a.suffix,
                a.start,
                a.end,
                note.id,
            ),
        )

    def delete_note(self, note_id: str, *, remember: bool = True) -> Note:
        """Soft delete: the row stays, with deleted_at set, so it can come back."""
        note = self._require(note_id)
        now = utc_after(note.modified)
        self._write(
            "UPDATE notes SET deleted_at = ?, modified = ? WHERE id = ?", (now, now, note_id)
        )
        if remember:
            self._undo.append(_Undo("delete", "delete note", note=note))
        return replace(note, deleted_at=now, modified=now)

    def restore_note(self, note_id: str) -> Note:
        note = self._require(note_id)
        now = utc_after(note.modified)
        self._write("UPDATE notes SET deleted_at = NULL, modified = ? WHERE id = ?", (now, note_id))
        return replace(note, deleted_at=None, modified=now)

    def _require(self, note_id: str) -> Note:
        note = self.get(note_id)
        if note is None:
            raise KeyError(f"no note {note_id}")
        return note

    def undo(self) -> str | None:
        """Reverse this session's last change; returns what was undone, None if nothing."""
        if not self._undo:
            return None
        step = self._undo.pop()
        if step.kind == "add" and step.note:
            self.delete_note(step.note.id, remember=False)
        elif step.kind == "delete" and step.note:
            self.restore_note(step.note.id)
        elif step.kind == "edit" and step.note:
            now = self._require(step.note.id)  # as it was before the edit, anchor included
            self._rewrite(replace(step.note, modified=utc_after(now.modified)))
        elif step.kind == "review":
            self._restore_mark(step.mark_before, step.mark_after)
        return step.description

    # ---- review marks -------------------------------------------------------------------

    def all_marks(self, include_deleted: bool = False) -> list[ReviewMark]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL"
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {MARK_COLUMNS} FROM review_marks {where} ORDER BY created, id"
            ).fetchall()
        return [mark_from_row(r) for r in rows]

    def story_marks(self, story: Story) -> list[ReviewMark]:
        return [
            m
            for m in self.all_marks()
            if any(belongs_to(m.story, q.article_fp, q.file_name, story) for q in m.members)
        ]

    def review_for(self, story: Story) -> dict[str, ReviewMark]:
        """Claim id -> its review mark, for the claims of this story that have one."""
        return match_marks(story, self.story_marks(story))

    def progress(self, story: Story) -> ReviewProgress:
        return progress(story, self.review_for(story))

    def set_review(
        self, story: Story, claim: Claim, status: ReviewStatus | None
    ) -> ReviewMark | None:
        """Mark a claim verified/disputed/unclear, or clear its mark with None.

        One live mark per claim, whatever other instances do: the read and the write are one
        transaction (a second instance waits for it), and any other live mark of the same
        claim (left by an instance that raced this one before) is retired with it."""
        if status is not None and status not in REVIEW_STATUSES:
            raise ValueError(f"unknown review status {status!r}")
        with self._transaction():
            after = self._set_review(story, claim, status)
            keep = after.id if after is not None else None
            quotes = claim_quotes(story, claim)
            for other in self.story_marks(story):
                if other.id != keep and other.quotes == quotes:
                    self._write(
                        "UPDATE review_marks SET deleted_at = ?, modified = ? WHERE id = ?",
                        (utc_now(), utc_now(), other.id),
                    )
        return after

    def _set_review(
        self, story: Story, claim: Claim, status: ReviewStatus | None
    ) -> ReviewMark | None:
        before = self.review_for(story).get(claim.id)
        now = utc_after(before.modified) if before else utc_now()
        after: ReviewMark | None
        if before is None:
            if status is None:
                return None
            after = ReviewMark(
                id=new_id(),
                story=story_key(story),
                members=claim_members(story, claim),
                status=status,
                created=now,
                modified=now,
                app_version=__version__,
            )
            self._write(
                INSERT_MARK,
                mark_params(after),
            )
        elif status is None:
            after = None
            self._write(
                "UPDATE review_marks SET deleted_at = ?, modified = ? WHERE id = ?",
                (now, now, before.id),
            )
        else:
            after = replace(
                before, status=status, members=claim_members(story, claim), modified=now
            )
            self._write(
                "UPDATE review_marks SET status = ?, members = ?, modified = ?,"
                " deleted_at = NULL WHERE id = ?",
                (status, members_to_json(after.members), now, before.id),
            )
        self._undo.append(
            _Undo("review", f"mark claim {status or 'unreviewed'}", None, before, after)
        )
        return after

    def _restore_mark(self, before: ReviewMark | None, after: ReviewMark | None) -> None:
        now = utc_after(max(m.modified for m in (before, after) if m is not None))
        if before is None and after is not None:
            self._write(
                "UPDATE review_marks SET deleted_at = ?, modified = ? WHERE id = ?",
                (now, now, after.id),
            )
        elif before is not None:
            self._write(
                "UPDATE review_marks SET status = ?, deleted_at = NULL, modified = ? WHERE id = ?",
                (before.status, now, before.id),
            )

    # ---- reading position ---------------------------------------------------------------

    def save_position(self, story: Story, article: Article, start: int, end: int) -> None:
        """Remember where the reviewer is (one upsert; call it when the focus settles)."""
        a = make_anchor(article.text, start, end)
        self._write(
            "INSERT INTO positions (story, article_fp, file_name, exact, prefix, suffix,"
            ' start, "end", modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
            " ON CONFLICT (story) DO UPDATE SET"
            " article_fp = excluded.article_fp, file_name = excluded.file_name,"
            " exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,"
            ' start = excluded.start, "end" = excluded."end", modified = excluded.modified',
            (
                story_text(story_key(story)),
                article.fingerprint,
                article.name,
                a.exact,
                a.prefix,
                a.suffix,
                a.start,
                a.end,
                utc_now(),
            ),
        )

    def load_position(self, story: Story) -> SavedPosition | None:
        """Where the reviewer left this story (or, if its texts changed, a relative of it)."""
        fps = [a.fingerprint for a in story.articles]
        names = [a.name for a in story.articles]
        cols = 'article_fp, file_name, exact, prefix, suffix, start, "end"'
        with self._lock:
            row = self._conn.execute(
                f"SELECT {cols} FROM positions WHERE story = ?", (story_text(story_key(story)),)
            ).fetchone()
            if row is None:
                row = self._conn.execute(
                    f"SELECT {cols} FROM positions WHERE article_fp IN ({','.join('?' * len(fps))})"
                    f" OR file_name IN ({','.join('?' * len(names))}) ORDER BY modified DESC",
                    [*fps, *names],
                ).fetchone()
        if row is None:
            return None
        anchor = Anchor(row[2], row[3], row[4], row[5], row[6])
        found = find_anchor(story, row[0], row[1], anchor)
        if found is None:
            return None
        article, m = found
        return SavedPosition(article.id, m.start, m.end)

    # ---- import -------------------------------------------------------------------------

    def merge(self, notes: Iterable[Note], marks: Iterable[ReviewMark] = ()) -> MergeResult:
        """Merge by id in one transaction: unknown ids are added, a newer `modified` wins."""
        with self._transaction() as conn:
            return merge_rows(conn, notes, marks)


def open_store(path: Path | None = None) -> NoteStore:
    """The user's store (paths.data_dir()/notes.sqlite3). Never raises for a bad disk:
    show `store.message` when it is set, and offer an export when `store.persistent` is False."""
    return NoteStore(open_database(path))
