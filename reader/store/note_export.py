"""Every note and review mark written out as Web Annotation JSON, and the rescue export for a
store kept in memory (`samestory notes import` reads both back).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from reader.notes.model import utc_now
from reader.store.atomic_file import write_text_atomically

if TYPE_CHECKING:
    from reader.store.notes import NoteStore


def write_export(store: NoteStore, path: Path) -> Path:
    """Every note and review mark in the store as Web Annotation JSON, written atomically."""
    from reader.notes import webanno

    text = webanno.dumps(store.all_notes(include_deleted=True), store.all_marks(True))
    write_text_atomically(path, text)
    return path


def rescue_export(store: NoteStore) -> Path:
    """For a store kept in memory: save everything somewhere writable before quitting.

    Tries the working directory, then the home directory, then the temp directory; returns
    where it wrote (`samestory notes import` brings it back), or raises OSError.
    """
    name = f"samestory-notes-{utc_now()[:19].replace(':', '')}.json"
    error: OSError | None = None
    for folder in (Path.cwd(), Path.home(), Path(tempfile.gettempdir())):
        try:
            return write_export(store, folder / name)
        except OSError as exc:
            error = exc
    assert error is not None
    raise error
