"""One way to replace a file whole, for settings, note exports, reports and the analysis cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store.atomic_file import write_bytes_atomically, write_text_atomically


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


def test_bytes_without_fsync_for_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(fd: int) -> None:
        raise AssertionError("a cache write needs no fsync")

    monkeypatch.setattr("reader.store.atomic_file.os.fsync", never)
    target = tmp_path / "entry.pickle"
    write_bytes_atomically(target, b"\x80\x05data", durable=False)
    assert target.read_bytes() == b"\x80\x05data"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["entry.pickle"]
