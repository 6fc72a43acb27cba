"""Read article files into Articles (STUB: the ingest work replaces this)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from reader.core.model import Article, InputError

ARTICLE_SUFFIXES = (".txt", ".md")


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError(f"no such file or directory: {p}")
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir() if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not found:
                raise InputError(f"no .txt or .md articles in {p}")
            files.extend(found)
        else:
            files.append(p)
    return files


def load_paths(paths: Sequence[Path]) -> list[Article]:
    """Articles in input order with ids a1, a2, ...; raises InputError on bad input."""
    articles = []
    for i, f in enumerate(expand_paths(paths), start=1):
        text = f.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        if not text.strip():
            raise InputError(f"empty article: {f}")
        fp = hashlib.sha256(text.encode("utf-8")).hexdigest()
        articles.append(Article(id=f"a{i}", name=f.name, path=str(f), text=text, fingerprint=fp))
    return articles
