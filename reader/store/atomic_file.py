"""A file replaced whole or not at all: settings, note exports, reports and caches share it.

Only what is ours is replaced. The path is followed through symlinks to the file they name
(that file is replaced, the link stays a link); a character device or a FIFO (`-o /dev/null`,
`-o /dev/stdout`, a named pipe) is written through, never swapped for a regular file (as root,
replacing /dev/null broke the whole system); anything else that is not a regular file is
refused. Only a regular file, or a path where nothing is yet, is written by temp file and
rename.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class NotAFileError(OSError):
    """The path names something that is neither a file, a device we may write to, nor free."""


def write_text_atomically(path: Path, text: str, new_mode: int = 0o600) -> None:
    """`write_bytes_atomically` of the text in UTF-8."""
    write_pieces_atomically(path, (text,), new_mode)


def write_pieces_atomically(path: Path, pieces: Iterable[str], new_mode: int = 0o600) -> None:
    """The pieces in UTF-8, one after another, as one file replaced whole: a report of a
    hundred megabytes is never held as one string and its bytes at once. A piece that fails
    to come (the renderer raises) leaves the old file as it was, like a failed write."""
    _write_atomically(path, (piece.encode("utf-8") for piece in pieces), new_mode, durable=True)


def target_of(path: Path) -> tuple[Path, int | None]:
    """The path a write really goes to (symlinks followed) and its file type bits, or None
    when nothing is there yet."""
    real = Path(os.path.realpath(path))
    try:
        return real, stat.S_IFMT(os.stat(real).st_mode)
    except FileNotFoundError:
        return real, None


def writes_through(kind: int | None) -> bool:
    """A character device or FIFO: written as a stream, never replaced."""
    return kind in (stat.S_IFCHR, stat.S_IFIFO)


def check_writable_kind(path: Path) -> tuple[Path, int | None]:
    """`target_of(path)`, or NotAFileError for a directory, a socket or a block device."""
    real, kind = target_of(path)
    if kind is None or kind == stat.S_IFREG or writes_through(kind):
        return real, kind
    what = {stat.S_IFDIR: "it is a directory", stat.S_IFBLK: "it is a block device"}.get(
        kind, "it is not a regular file"
    )
    raise NotAFileError(f"cannot write {path}: {what}")


def write_bytes_atomically(
    path: Path, data: bytes, new_mode: int = 0o600, *, durable: bool = True
) -> None:
    """A temp file in the same directory, fsync, then os.replace: a crash or a full disk leaves
    the old file as it was. A replaced file keeps its permissions; a new one gets `new_mode`.
    `durable=False` skips the fsync, for a cache that is rebuilt anyway (the analysis cache).
    A device or FIFO is written through (see the module). Raises OSError; the temp file never
    stays behind."""
    _write_atomically(path, (data,), new_mode, durable=durable)


def _write_atomically(path: Path, chunks: Iterable[bytes], new_mode: int, durable: bool) -> None:
    real, kind = check_writable_kind(path)
    if writes_through(kind):
        with open(real, "wb") as fh:
            fh.writelines(chunks)
        return
    mode = stat.S_IMODE(os.stat(real).st_mode) if kind is not None else new_mode
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(chunks)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
