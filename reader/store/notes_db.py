"""Open the notes database, surviving the faults a user's disk can throw at it.

A corrupt or unreadable file is renamed aside (never deleted) and a fresh one started; a
directory we cannot write gives an in-memory database (seeded with whatever could be read) so
the session still works and can be exported. Every case returns a message for the user.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.store import paths

DB_NAME = "notes.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000

# sqlite result codes (primary, low byte) that mean "the file is damaged", not "we may not write"
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED: another process holds the file for a moment

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    article_fp TEXT NOT NULL,
    file_name TEXT NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    app_version TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS notes_by_article ON notes (article_fp);
CREATE INDEX IF NOT EXISTS notes_by_name ON notes (file_name);
CREATE TABLE IF NOT EXISTS review_marks (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    members TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('verified', 'disputed', 'unclear')),
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    app_version TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE IF NOT EXISTS positions (
    story TEXT PRIMARY KEY,
    article_fp TEXT NOT NULL,
    file_name TEXT NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    modified TEXT NOT NULL
);
"""


class DamagedError(sqlite3.DatabaseError):
    """The file opened but its pages do not add up."""


@dataclass
class OpenedDatabase:
    conn: sqlite3.Connection
    path: Path | None  # None: in memory, gone when the app quits
    message: str | None  # tell the user this, once


def default_path() -> Path:
    return paths.data_dir() / DB_NAME


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _siblings(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _move_aside(path: Path) -> Path:
    """Rename the database (and its WAL files, which belong to it) out of the way."""
    stamp = _stamp()
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    for src in _siblings(path):
        if src.exists():
            src.rename(aside.with_name(aside.name + src.name[len(path.name) :]))
    return aside


def _configure(conn: sqlite3.Connection, persistent: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if persistent:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"journal mode is {mode}, not wal")
        # FULL: a note whose save was reported survives power loss too, not only a killed app.
        conn.execute("PRAGMA synchronous = FULL")
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise DamagedError(f"integrity check failed: {check}")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        # One script, one transaction: a second process creating the schema at the same moment
        # waits on the lock and then finds nothing to do (IF NOT EXISTS).
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;{SCHEMA}PRAGMA user_version = {SCHEMA_VERSION};COMMIT;"
            )
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _connect(target: str, persistent: bool, uri: bool = False) -> sqlite3.Connection:
    """Open and configure, waiting out another process that holds the file.

    SQLite does not call the busy handler everywhere while a database is being opened (switching
    to WAL, recovery after another process was killed): those return "database is locked" at once,
    so a second instance opening the same store retries here instead of losing it to memory.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, uri=uri)
        try:
            _configure(conn, persistent)
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if _code(exc) not in _BUSY_CODES or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
        except BaseException:
            conn.close()
            raise


def _in_memory(path: Path, reason: str) -> OpenedDatabase:
    """A working store for this session, seeded from the file when it can at least be read."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    seeded = False
    if path.is_file() and os.access(path, os.R_OK):
        try:
            src = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
            try:
                src.backup(conn)
                seeded = True
            finally:
                src.close()
        except sqlite3.Error:
            conn.close()
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _configure(conn, persistent=False)
    kept = "your earlier notes are shown, but " if seeded else ""
    message = (
        f"notes cannot be saved: {reason}. {kept}new notes are kept in memory only and are lost "
        "when you quit unless you export them"
    )
    return OpenedDatabase(conn, None, message)


def _damaged(exc: sqlite3.Error) -> bool:
    return isinstance(exc, DamagedError) or _code(exc) in _CORRUPT_CODES


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def open_database(path: Path | None = None) -> OpenedDatabase:
    """Open (creating if needed) the notes database; never raises for a bad disk."""
    path = path or default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        return _in_memory(path, f"cannot create the notes directory {path.parent} ({exc})")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return _in_memory(path, f"the notes directory {path.parent} is read-only")
    message: str | None = None
    if path.exists() and not (path.is_file() and os.access(path, os.R_OK | os.W_OK)):
        aside = _move_aside(path)
        message = f"the notes file {path} was unreadable; it was moved to {aside}"
    try:
        conn = _connect(str(path), persistent=True)
    except sqlite3.Error as exc:
        if not _damaged(exc):
            return _in_memory(path, f"cannot open {path} ({exc})")
        try:
            aside = _move_aside(path)
        except OSError as move_exc:
            return _in_memory(path, f"{path} is damaged and cannot be moved aside ({move_exc})")
        message = (
            f"the notes file {path} was damaged ({exc}); it was moved to {aside} "
            "and a fresh notes file was started"
        )
        try:
            conn = _connect(str(path), persistent=True)
        except sqlite3.Error as exc2:
            return _in_memory(path, f"cannot open {path} ({exc2})")
    _private(path)
    return OpenedDatabase(conn, path, message)


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def close_quietly(conn: sqlite3.Connection) -> None:
    """Checkpoint then close: the notes end up in the database file itself, not only in its
    write-ahead log (a WAL left behind is what a copy of the file alone would miss)."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with contextlib.suppress(sqlite3.Error):
        conn.close()


def _private(path: Path) -> None:
    """Notes are the user's own writing: readable by the user alone, as settings and cache are
    (SQLite creates its write-ahead log with the database's permissions)."""
    for f in _siblings(path):
        with contextlib.suppress(OSError):
            if f.exists() and f.stat().st_mode & 0o077:
                os.chmod(f, 0o600)
