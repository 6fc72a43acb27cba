"""Sentence embeddings kept in the cache directory (SQLite), keyed by the sentence's content.

A story opened again, or another story that quotes the same sentences, encodes only what is new.
Any trouble with the file (unwritable, corrupt, locked) only means the embeddings are computed
again: the cache never stops an analysis.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, MutableMapping
from pathlib import Path

from reader.store.paths import cache_dir

MAX_ROWS = 20_000  # about 300 MB at most (a sentence's vector and token states); oldest go first


def embedding_cache_path() -> Path:
    return cache_dir() / "embeddings.sqlite"


class EmbeddingCache(MutableMapping[str, bytes]):
    """A dict-like view of the embeddings table; failures read as misses and skipped writes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or embedding_cache_path()
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False)
            db.execute(
                "CREATE TABLE IF NOT EXISTS embedding (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"
            )
            self._db = db
        except (OSError, sqlite3.Error):
            self._db = None

    def __getitem__(self, key: str) -> bytes:
        if key in self._pending:
            return self._pending[key]
        if self._db is not None:
            try:
                row = self._db.execute(
                    "SELECT vector FROM embedding WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error:
                row = None
            if row is not None:
                return bytes(row[0])
        raise KeyError(key)

    def __setitem__(self, key: str, value: bytes) -> None:
        self._pending[key] = value
        if len(self._pending) >= 256:
            self.flush()

    def __delitem__(self, key: str) -> None:
        self._pending.pop(key, None)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error), self._db:
                self._db.execute("DELETE FROM embedding WHERE key = ?", (key,))

    def __iter__(self) -> Iterator[str]:
        keys = set(self._pending)
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                keys.update(k for (k,) in self._db.execute("SELECT key FROM embedding"))
        return iter(sorted(keys))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def flush(self) -> None:
        """Write what was added since the last flush, in one transaction."""
        pending, self._pending = self._pending, {}
        if self._db is None or not pending:
            return
        with contextlib.suppress(sqlite3.Error), self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO embedding (key, vector) VALUES (?, ?)",
                pending.items(),
            )
            (rows,) = self._db.execute("SELECT COUNT(*) FROM embedding").fetchone()
            if rows > MAX_ROWS:
                self._db.execute(
                    "DELETE FROM embedding WHERE rowid IN "
                    "(SELECT rowid FROM embedding ORDER BY rowid LIMIT ?)",
                    (rows - MAX_ROWS,),
                )

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
