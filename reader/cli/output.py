"""Where `-o FILE` writes: checked before a long analysis, written whole or not at all."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.core.model import InputError
from reader.store.atomic_file import write_text_atomically

_NEW_FILE_MODE = 0o644  # a report or export is read by others, like any file the user writes


def check_output(output: str | None) -> None:
    """Refuse an output the write would fail on, before the analysis it would waste."""
    if not output:
        return
    path = Path(output)
    if path.is_dir():
        raise InputError(f"cannot write {output}: it is a directory")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {output}: no such directory {path.parent}")
    if not os.access(path.parent, os.W_OK):
        raise InputError(f"cannot write {output}: permission denied")


def write_output(text: str, output: str | None) -> None:
    """stdout, or the file replaced in one step: a failed write leaves the old file intact."""
    if not output:
        sys.stdout.write(text)
        return
    try:
        write_text_atomically(Path(output), text, new_mode=_NEW_FILE_MODE)
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        raise InputError(f"cannot write {output}: {reason}") from exc
