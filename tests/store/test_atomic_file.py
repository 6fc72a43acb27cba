"""One way to replace a file whole, for settings, note exports, reports and the analysis cache."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store.atomic_file import (
    NotAFileError,
    write_bytes_atomically,
    write_pieces_atomically,
    write_text_atomically,
)


def test_a_new_file_gets_the_mode_asked_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    private, shared = tmp_path / "config.toml", tmp_path / "report.md"
    write_text_atomically(private, "a = 1\n")
    write_text_atomically(shared, "# report\n", new_mode=0o644)
    assert (private.stat().st_mode & 0o777, shared.stat().st_mode & 0o777) == (0o600, 0o644)
    shared.chmod(0o640)
    write_text_atomically(shared, "# report, again\n", new_mode=0o644)
    assert shared.read_text(encoding="utf-8") == "# report, again\n"
    assert shared.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "config.toml"
    target.write_text("kept\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.store.atomic_file.os.fsync", full)
    with pytest.raises(OSError):
        write_text_atomically(target, "lost\n")
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_pieces_are_written_as_one_file_or_not_at_all(tmp_path: Path) -> None:
    """A report written piece by piece replaces the file whole; a renderer that fails midway
    leaves the old file and no temp file."""
    target = tmp_path / "report.json"
    write_pieces_atomically(target, iter(["[1, ", "2, ", "\u00e9]\n"]), new_mode=0o644)
    assert target.read_text(encoding="utf-8") == "[1, 2, \u00e9]\n"
    assert target.stat().st_mode & 0o777 == 0o644

    def failing() -> Iterator[str]:
        yield "[3, "
        raise RuntimeError("the renderer broke")

    with pytest.raises(RuntimeError):
        write_pieces_atomically(target, failing())
    assert target.read_text(encoding="utf-8") == "[1, 2, \u00e9]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_bytes_without_fsync_for_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(fd: int) -> None:
        raise AssertionError("a cache write needs no fsync")

    monkeypatch.setattr("reader.store.atomic_file.os.fsync", never)
    target = tmp_path / "entry.pickle"
    write_bytes_atomically(target, b"\x80\x05data", durable=False)
    assert target.read_bytes() == b"\x80\x05data"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["entry.pickle"]


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as fh:
            into.append(fh.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_a_fifo_is_written_through_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    write_text_atomically(fifo, "report\n")
    reader.join(timeout=10)
    assert got == [b"report\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    write_text_atomically(link, "new")
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "new"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to("made.txt")
    write_text_atomically(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "made.txt").read_text("utf-8") == "made"


@pytest.mark.skipif(os.geteuid() != 0, reason="making device nodes needs root (CI runs as root)")
def test_devices_in_a_temporary_directory(tmp_path: Path) -> None:
    """A character device (a copy of /dev/null's node, made here, never the system's own) is
    written through and stays a device; a block device is refused."""
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    write_text_atomically(null, "report\n")
    assert stat.S_ISCHR(null.lstat().st_mode)
    block = tmp_path / "block"
    os.mknod(block, stat.S_IFBLK | 0o600, os.makedev(7, 200))
    with pytest.raises(NotAFileError, match="block device"):
        write_text_atomically(block, "report\n")
    assert stat.S_ISBLK(block.lstat().st_mode)
