"""Every note and review mark written out as Web Annotation JSON, and the rescue export for a
store kept in memory (`samestory notes import` reads both back).
"""

from __future__ import annotations

import os
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


def rescue_folder() -> Path:
    """Where notes kept in memory are exported: the home directory, else the temp directory;
    never the working directory (it may be a source tree, or the user's story folder)."""
    home = Path.home()
    if home.is_dir() and os.access(home, os.W_OK):
        return home
    return Path(tempfile.gettempdir())


def rescue_export(store: NoteStore, folder: Path | None = None) -> Path:
    """For a store kept in memory: save everything before quitting, in `folder` (the one the
    user was told, `rescue_folder()` by default); returns the file (`samestory notes import`
    brings it back), or raises OSError."""
    name = f"samestory-notes-{utc_now()[:19].replace(':', '')}.json"
    return write_export(store, (folder or rescue_folder()) / name)
