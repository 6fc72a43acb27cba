"""The store under faults: SIGKILL mid-write, two writers, a damaged file, a read-only disk."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from test_notes_story import make_story

from reader.notes import webanno
from reader.notes.model import NoteDraft
from reader.store import notes_db, paths
from reader.store.notes import open_store

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_notes_story import make_story
    from reader.store.notes import open_store
    from reader.notes.model import NoteDraft

    tag, count = sys.argv[1], int(sys.argv[2])
    story = make_story()
    store = open_store()
    assert store.persistent, store.message
    for i in range(count):
        s = story.sentences[i % len(story.sentences)]
        note = store.add_note(
            story, story.article(s.article), s.start, s.end, NoteDraft(f"{{tag}} {{i}}", (tag,))
        )
        if i % 3 == 0:
            store.update_note(note.id, NoteDraft(f"{{tag}} {{i}} edited", (tag, "edited")))
        print("saved", i, note.id, flush=True)
    store.close()
    """
).format(tests=str(ROOT / "tests" / "notes"))


def _writer(tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, tag, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
        cwd=ROOT,
    )


def _drain(proc: subprocess.Popen[str], into: list[str]) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        into.append(line)


def _saved_ids(stdout: str) -> list[str]:
    """Ids of complete lines only: a line cut by the kill was never shown."""
    complete = stdout.split("\n")[:-1]
    return [line.split()[2] for line in complete if line.startswith("saved ")]


def test_sigkill_at_random_moments_loses_no_saved_note() -> None:
    rng = random.Random(20240611)
    promised: list[str] = []
    kills = 0
    for round_no in range(6):
        proc = _writer(f"r{round_no}", 100_000)
        chunks: list[str] = []
        # Drain stdout all along: a full pipe would park the writer in print(), and every
        # kill would land there instead of at a random point of a commit.
        reader = threading.Thread(target=_drain, args=(proc, chunks))
        reader.start()
        time.sleep(rng.uniform(0.4, 1.2))  # startup is ~0.3 s: the kill lands mid-stream
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        kills += 1
        promised += _saved_ids("".join(chunks))
        conn = sqlite3.connect(paths.data_dir() / "notes.sqlite3")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {r[0] for r in conn.execute("SELECT id FROM notes")}
        finally:
            conn.close()
        missing = [i for i in promised if i not in stored]
        assert missing == [], f"round {round_no}: {len(missing)} promised notes lost"
    assert kills == 6
    assert len(promised) > 20, "the writer never got going: the test proved nothing"
    store = open_store()
    assert store.message is None and store.integrity_ok()
    assert len(store.notes_for(make_story())) >= len(promised)
    store.close()


def test_two_processes_writing_at_once_keep_every_note() -> None:
    a, b = _writer("alpha", 60), _writer("beta", 60)
    out_a, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    assert a.returncode == 0, err_a
    assert b.returncode == 0, err_b
    store = open_store()
    notes = {p.note.id: p.note for p in store.notes_for(make_story())}
    assert set(_saved_ids(out_a)) | set(_saved_ids(out_b)) == set(notes)
    assert len(notes) == 120
    edited = [n for n in notes.values() if "edited" in n.tags]
    assert len(edited) == 40 and all(n.text.endswith("edited") for n in edited)
    assert store.integrity_ok()
    store.close()


def _busy_error(tmp_path: Path) -> sqlite3.OperationalError:
    """A real "database is locked" from SQLite, with its error code."""
    holder = sqlite3.connect(tmp_path / "held.sqlite3", isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(tmp_path / "held.sqlite3", timeout=0, isolation_level=None)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        other.close()
        holder.close()
    raise AssertionError("the second connection was not refused")


def test_a_store_busy_while_opening_is_waited_for_not_lost_to_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opening can meet "database is locked" without SQLite waiting (another instance switching
    # the file to WAL or recovering after a kill): the store must wait, not fall back to memory.
    busy = _busy_error(tmp_path)
    configure = notes_db._configure
    refusals = [busy, busy]

    def flaky(conn: sqlite3.Connection, persistent: bool) -> None:
        if refusals:
            raise refusals.pop()
        configure(conn, persistent)

    monkeypatch.setattr(notes_db, "_configure", flaky)
    opened = notes_db.open_database(tmp_path / "notes.sqlite3")
    assert opened.message is None and opened.path is not None
    assert refusals == []
    opened.conn.close()


def test_two_open_stores_interleave_without_overwriting() -> None:
    story = make_story()
    one, two = open_store(), open_store()
    s1, s2 = story.sentence("a1:s1"), story.sentence("a2:s2")
    n1 = one.add_note(story, story.article("a1"), s1.start, s1.end, NoteDraft("from one"))
    n2 = two.add_note(story, story.article("a2"), s2.start, s2.end, NoteDraft("from two"))
    one.update_note(n1.id, NoteDraft("one, edited"))
    two.update_note(n2.id, NoteDraft("two, edited"))
    two.set_review(story, story.claims[0], "verified")
    one.set_review(story, story.claims[1], "disputed")
    for s in (one, two):
        assert sorted(p.note.text for p in s.notes_for(story)) == ["one, edited", "two, edited"]
        assert s.progress(story).text == "2/4 claims reviewed, 1 disputed"
    one.close()
    two.close()


def test_garbage_file_is_moved_aside_and_a_fresh_store_used() -> None:
    db = paths.data_dir() / "notes.sqlite3"
    db.parent.mkdir(parents=True)
    garbage = bytes(random.Random(1).randrange(256) for _ in range(8192))
    db.write_bytes(garbage)
    store = open_store()
    assert store.persistent
    assert store.message is not None and "moved to" in store.message
    aside = [p for p in db.parent.iterdir() if p.name.startswith("notes.sqlite3.corrupt-")]
    assert len(aside) == 1 and str(aside[0]) in store.message
    assert aside[0].read_bytes() == garbage  # kept, byte for byte
    story = make_story()
    s = story.sentences[0]
    store.add_note(story, story.articles[0], s.start, s.end, NoteDraft("fresh"))
    assert [p.note.text for p in store.notes_for(story)] == ["fresh"]
    store.close()


def test_damaged_pages_are_detected_and_moved_aside() -> None:
    story = make_story()
    store = open_store()
    s = story.sentences[0]
    for i in range(300):
        store.add_note(story, story.articles[0], s.start, s.end, NoteDraft(f"note {i} " * 20))
    store.close()
    db = paths.data_dir() / "notes.sqlite3"
    data = bytearray(db.read_bytes())
    assert len(data) > 8 * 4096
    for off in range(4096 * 2, len(data), 4096):  # scribble over a piece of every page
        data[off + 8 : off + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))
    again = open_store()
    assert again.message is not None and "moved to" in again.message
    assert again.all_notes() == []
    again.close()


def test_unreadable_file_is_moved_aside() -> None:
    db = paths.data_dir() / "notes.sqlite3"
    db.mkdir(parents=True)  # not a file at all: unreadable as a database, for root too
    store = open_store()
    assert store.persistent and store.message is not None and "moved to" in store.message
    assert db.is_file()
    store.close()


def _make_readonly_data_dir(home: Path) -> Path:
    """A data directory we cannot write: chmod where it works, else a path under a file."""
    data = paths.data_dir()
    data.mkdir(parents=True)
    data.chmod(0o500)
    if not os.access(data, os.W_OK):
        return data
    data.chmod(0o700)  # root ignores modes: put the data directory under a plain file instead
    blocker = home / "not-a-directory"
    blocker.write_text("x")
    os.environ["SAMESTORY_HOME"] = str(blocker)
    return paths.data_dir()


def test_readonly_directory_keeps_notes_in_memory(
    _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMESTORY_HOME", str(_isolated_home))
    data = _make_readonly_data_dir(_isolated_home)
    try:
        store = open_store()
        assert not store.persistent
        assert store.message is not None
        assert "in memory" in store.message and "export" in store.message
        assert str(data) in store.message
        story = make_story()
        s = story.sentences[0]
        store.add_note(story, story.articles[0], s.start, s.end, NoteDraft("kept in memory"))
        store.set_review(story, story.claims[0], "verified")
        assert [p.note.text for p in store.notes_for(story)] == ["kept in memory"]
        parsed = webanno.loads(webanno.dumps(store.all_notes(), store.all_marks()))
        assert [n.text for n in parsed.notes] == ["kept in memory"]
        assert [m.status for m in parsed.marks] == ["verified"]
        store.close()
    finally:
        if data.exists():
            data.chmod(0o700)


def test_memory_store_is_seeded_from_a_readable_file(tmp_path: Path) -> None:
    story = make_story()
    store = open_store()
    s = story.sentences[0]
    store.add_note(story, story.articles[0], s.start, s.end, NoteDraft("written earlier"))
    assert store.path is not None
    path = store.path
    store.close()
    opened = notes_db._in_memory(path, "the notes directory is read-only")
    assert opened.path is None and opened.message and "earlier notes are shown" in opened.message
    rows = opened.conn.execute("SELECT body FROM notes").fetchall()
    assert rows == [("written earlier",)]
    opened.conn.close()


def test_rescue_export_writes_everything_somewhere_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store.notes import rescue_export

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SAMESTORY_HOME", str(blocker))  # data dir under a file: memory store
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    work = tmp_path / "source-tree"  # the working directory is never written to
    work.mkdir()
    monkeypatch.chdir(work)
    store = open_store()
    assert not store.persistent
    story = make_story()
    s = story.sentences[1]
    store.add_note(story, story.articles[0], s.start, s.end, NoteDraft("rescue me"))
    path = rescue_export(store)
    assert path.parent == home and path.name.startswith("samestory-notes-")
    assert list(work.iterdir()) == []
    parsed = webanno.loads(path.read_text(encoding="utf-8"))
    assert [n.text for n in parsed.notes] == ["rescue me"]
    store.close()
