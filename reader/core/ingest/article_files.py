"""Which files are articles: one rule for the loader, the command line and the analysis cache.

A directory gives its `.txt` and `.md` files (not hidden ones) in natural order by name, as a
file manager lists them; nothing else in it is ever opened. Light on purpose: the command line
checks its paths with it before the engine is imported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from reader.core.model import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# A news article is a few KB, a book chapter or a long report under 1 MB (100,000 words are
# about 600 KB). Past this a file is almost always not an article (a log, a dump, a data file)
# and would hold the analysis for minutes: refused unless SAMESTORY_MAX_ARTICLE_BYTES (set by
# `--max-size MB`; 0 for no limit) allows it.
MAX_ARTICLE_BYTES = 1_000_000
LIMIT_VARIABLE = "SAMESTORY_MAX_ARTICLE_BYTES"


def article_limit() -> int:
    """The largest article file accepted, in bytes; 0 for no limit."""
    raw = os.environ.get(LIMIT_VARIABLE, "")
    try:
        return max(0, int(raw)) if raw else MAX_ARTICLE_BYTES
    except ValueError as exc:
        raise InputError(f"{LIMIT_VARIABLE} must be a number of bytes, not {raw!r}") from exc


def check_size(path: Path, size: int, limit: int) -> None:
    if limit and size > limit:
        raise InputError(
            f"{path} is {_size(size)}, more than an article may be ({_size(limit)}); "
            "--max-size MB allows larger files"
        )


def _size(n: int) -> str:
    return f"{n / 1e6:.3g} MB" if n >= 100_000 else f"{n / 1e3:.3g} KB"


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
    limit = article_limit()
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
                check_size(f, f.stat().st_size, limit)
                files.append(f)
    return files


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "it is a directory"
    return exc.strerror or type(exc).__name__
