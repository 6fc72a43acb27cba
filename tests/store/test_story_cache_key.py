"""The analysis cache's key reads the files the loader reads, and nothing else of a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store.story_cache import cache_key


def test_cache_key_reads_only_the_articles_of_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Another article.", encoding="utf-8")
    (tmp_path / "video.mp4").write_bytes(b"\0" * 4096)  # a large non-article file
    (tmp_path / ".hidden.txt").write_text("Not an article.", encoding="utf-8")
    read: list[str] = []
    real = Path.read_bytes

    def recording(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", recording)
    cache_key([tmp_path])
    assert sorted(read) == ["a.txt", "b.md"]


def test_cache_key_changes_when_an_article_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    before = cache_key([tmp_path])
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert cache_key([tmp_path]) == before
    (tmp_path / "a.txt").write_text("One article, changed.", encoding="utf-8")
    assert cache_key([tmp_path]) != before
