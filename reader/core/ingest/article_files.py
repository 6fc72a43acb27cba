"""Which files are articles: one rule for the loader, the command line and the analysis cache.

A directory gives its `.txt` and `.md` files (not hidden ones) in natural order by name, as a
file manager lists them; nothing else in it is ever opened. Light on purpose: the command line
checks its paths with it before the engine is imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from reader.core.model import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Digit runs compare as numbers, the rest case-blind; ties keep a stable order by name."""
    parts = re.split(r"([0-9]+)", name)
    return (
        *((0, int(p)) if p.isascii() and p.isdigit() else (1, p.casefold()) for p in parts if p),
        (1, name),
    )


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files in input order: a directory gives its .txt/.md files in natural order by name
    (part-2 before part-10, as a file manager lists them)."""
    files: list[Path] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError(f"no such file or directory: {p}")
        if p.is_dir():
            try:
                found = sorted(
                    (
                        f
                        for f in p.iterdir()
                        if not f.name.startswith(".")
                        and f.suffix.lower() in ARTICLE_SUFFIXES
                        and f.is_file()
                    ),
                    key=lambda f: natural_key(f.name),
                )
            except OSError as exc:
                raise InputError(f"cannot read directory {p}: {os_reason(exc)}") from exc
            if not found:
                raise InputError(f"no articles (.txt, .md, .html) in {p}")
        elif p.is_file():
            found = [p]
        else:
            raise InputError(f"not a regular file: {p}")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "it is a directory"
    return exc.strerror or type(exc).__name__
