"""The notes database's files: private to the user, and whole in the main file after a quit."""

from __future__ import annotations

import stat
from pathlib import Path

from reader.store.notes_db import close_quietly, open_database


def test_the_notes_database_is_private_and_checkpointed_on_close(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.sqlite3"
    opened = open_database(path)
    assert opened.path == path
    conn = opened.conn
    conn.execute("INSERT INTO positions VALUES ('s', 'fp', 'a.txt', 'x', '', '', 0, 1, 'now')")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the row is in the log until a checkpoint
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    close_quietly(conn)
    assert not wal.exists() or wal.stat().st_size == 0
    reopened = open_database(path)
    assert reopened.conn.execute("SELECT count(*) FROM positions").fetchone()[0] == 1
    close_quietly(reopened.conn)
