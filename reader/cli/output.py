"""Where `-o FILE` writes: checked before a long analysis, written whole or not at all."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from reader.core.model import InputError
from reader.store.atomic_file import (
    NotAFileError,
    check_writable_kind,
    write_pieces_atomically,
    writes_through,
)

_NEW_FILE_MODE = 0o644  # a report or export is read by others, like any file the user writes


def check_output(output: str | None) -> None:
    """Refuse an output the write would fail on, before the analysis it would waste. A
    symlink is judged by the file it names; a device or FIFO is written through."""
    if not output:
        return
    path = Path(output)
    try:
        real, kind = check_writable_kind(path)
    except NotAFileError as exc:
        raise InputError(str(exc)) from exc
    if writes_through(kind):
        if not os.access(real, os.W_OK):
            raise InputError(f"cannot write {output}: permission denied")
        return
    if not real.parent.is_dir():
        raise InputError(f"cannot write {output}: no such directory {real.parent}")
    if not os.access(real.parent, os.W_OK):
        raise InputError(f"cannot write {output}: permission denied")


def write_output(text: str, output: str | None) -> None:
    """stdout, or the file replaced in one step: a failed write leaves the old file intact."""
    write_output_pieces((text,), output)


def write_output_pieces(pieces: Iterable[str], output: str | None) -> None:
    """`write_output` of the pieces joined, without joining them (a large report's pieces are
    made as they are written)."""
    if not output:
        sys.stdout.writelines(pieces)
        return
    try:
        write_pieces_atomically(Path(output), pieces, new_mode=_NEW_FILE_MODE)
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        raise InputError(f"cannot write {output}: {reason}") from exc
