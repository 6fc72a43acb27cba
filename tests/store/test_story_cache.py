"""The analysis cache's files: written atomically, private, and never an error for the app."""

from __future__ import annotations

from pathlib import Path

from reader.core.model import Story
from reader.store.story_cache import KEEP, load_story, save_story


def _story() -> Story:
    return Story(articles=[], sentences=[])


def _entries(home: Path) -> list[Path]:
    return sorted((home / "cache" / "stories").iterdir())


def test_an_entry_is_private_and_leaves_no_temp_file(_isolated_home: Path) -> None:
    save_story("k1", _story())
    save_story("k1", _story())  # replaced whole
    [entry] = _entries(_isolated_home)
    assert entry.name == "k1.pickle"
    assert entry.stat().st_mode & 0o777 == 0o600
    assert load_story("k1") is not None


def test_only_the_most_recent_entries_are_kept(_isolated_home: Path) -> None:
    for i in range(KEEP + 3):
        save_story(f"k{i}", _story())
    assert len(_entries(_isolated_home)) == KEEP


def test_a_cache_that_cannot_be_written_is_skipped(_isolated_home: Path) -> None:
    _isolated_home.mkdir(parents=True, exist_ok=True)
    (_isolated_home / "cache").write_text("a file where the folder should be", encoding="utf-8")
    save_story("k1", _story())  # no exception
    assert load_story("k1") is None
