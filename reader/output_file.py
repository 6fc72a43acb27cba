"""Where `-o FILE` writes: checked before a long analysis, written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from reader.core.model import InputError

_NEW_FILE_MODE = 0o644


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
    path = Path(output)
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else _NEW_FILE_MODE
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"cannot write {output}: {_reason(exc)}") from exc


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
