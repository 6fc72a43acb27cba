"""Finished analyses kept in the cache directory, so reopening a story paints at once.

The key covers the files' bytes and paths, the app version and the engine's own source and data
files (their sizes and modification times), so a changed article or a changed engine never shows
a stale analysis. Anything wrong with a cache file (truncated, from another Python) only means the
analysis runs again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from reader import __version__
from reader.core.ingest.article_files import expand_paths
from reader.core.limits import SEMANTIC_LIMIT_VARIABLE
from reader.core.model import Story
from reader.store.atomic_file import write_bytes_atomically
from reader.store.paths import cache_dir

KEEP = 32  # most recent analyses kept


@lru_cache(maxsize=1)
def _engine_digest() -> bytes:
    """The engine's files by name, size and modification time: a stat each (reading and hashing
    them all took most of the cache lookup, 2-3 ms of every start)."""
    core = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "core")
    entries: list[str] = []
    for folder, dirs, files in os.walk(core):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            path = os.path.join(folder, name)
            st = os.stat(path)
            entries.append(f"{os.path.relpath(path, core)}\0{st.st_size}\0{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(entries)).encode()).digest()


def cache_key(paths: Sequence[Path], semantic: bool = True) -> str:
    """The analysis of these files by this engine (with or without the semantic stage)."""
    h = hashlib.sha256(__version__.encode())
    if not semantic:
        h.update(b"\0fast")
    else:  # the size past which the semantic stage is skipped decides what was analysed
        h.update(f"\0semantic<={os.environ.get(SEMANTIC_LIMIT_VARIABLE, '')}".encode())
    h.update(_engine_digest())
    for f in expand_paths(paths):
        h.update(str(f.resolve()).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def _path(key: str) -> Path:
    return cache_dir() / "stories" / f"{key}.pickle"


def load_story(key: str) -> Story | None:
    try:
        with _path(key).open("rb") as fh:
            story = pickle.load(fh)
    except Exception:  # any unreadable cache entry: analyse again
        return None
    return story if isinstance(story, Story) else None


def save_story(key: str, story: Story) -> None:
    """Atomic (atomic_file: temp file + os.replace, mode 0o600, no fsync: a lost entry only
    means the analysis runs again); a cache that cannot be written is simply skipped."""
    target = _path(key)
    data = pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(target, data, 0o600, durable=False)
        entries = sorted(target.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
