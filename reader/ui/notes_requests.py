"""What the reader asks of the notes session: one typed request per notes or review key.

The screen opens the dialogs and posts the result; the notes session, the one place that
writes to the store, carries it out and hands the reader the new notes and marks.
"""

from __future__ import annotations

from typing import NamedTuple

from reader.core.model import Claim
from reader.notes.model import NoteDraft, PlacedNote


class AddNote(NamedTuple):
    """A new note on a passage."""

    article: str
    start: int
    end: int
    draft: NoteDraft


class EditNote(NamedTuple):
    """A note rewritten (a re-anchored note is moved onto today's text as it is saved)."""

    placed: PlacedNote
    draft: NoteDraft


class Review(NamedTuple):
    """A claim marked; an empty status clears its mark."""

    claim: Claim
    status: str


class Undo(NamedTuple):
    """The session's last note or review change undone."""


class OpenNotes(NamedTuple):
    """The notes list."""


NoteRequest = AddNote | EditNote | Review | Undo | OpenNotes
