"""A file replaced whole or not at all: settings, note exports, reports and caches share it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str, new_mode: int = 0o600) -> None:
    """`write_bytes_atomically` of the text in UTF-8."""
    write_bytes_atomically(path, text.encode("utf-8"), new_mode)


def write_bytes_atomically(
    path: Path, data: bytes, new_mode: int = 0o600, *, durable: bool = True
) -> None:
    """A temp file in the same directory, fsync, then os.replace: a crash or a full disk leaves
    the old file as it was. A replaced file keeps its permissions; a new one gets `new_mode`.
    `durable=False` skips the fsync, for a cache that is rebuilt anyway (the analysis cache).
    Raises OSError; the temp file never stays behind."""
    mode = path.stat().st_mode & 0o777 if path.exists() else new_mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
