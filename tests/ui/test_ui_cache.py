"""The analysis cache: a reopened story paints from the cache; any change means a new analysis."""

from __future__ import annotations

from pathlib import Path

from ui_story import fixture_story, run_async

from reader.store.story_cache import cache_key, load_story, save_story
from reader.ui.app import SameStoryApp


def _articles(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "one.txt").write_text("A bridge opened on Monday. It rained.", encoding="utf-8")
    (d / "two.txt").write_text("A bridge opened on Monday.", encoding="utf-8")
    return d


def test_key_changes_with_content_and_paths(tmp_path: Path) -> None:
    d = _articles(tmp_path)
    key = cache_key([d])
    assert cache_key([d]) == key
    (d / "two.txt").write_text("A bridge opened on Tuesday.", encoding="utf-8")
    assert cache_key([d]) != key
    assert cache_key([d / "one.txt", d / "two.txt"]) != cache_key([d / "two.txt", d / "one.txt"])


def test_round_trip_and_broken_entries(tmp_path: Path, _isolated_home: Path) -> None:
    story = fixture_story()
    save_story("k1", story)
    loaded = load_story("k1")
    assert loaded is not None and loaded.articles == story.articles
    assert load_story("missing") is None
    path = next((_isolated_home / "cache" / "stories").glob("k1.pickle"))
    path.write_bytes(b"not a pickle")
    assert load_story("k1") is None  # analysed again, never a crash


@run_async
async def test_second_open_paints_from_the_cache(tmp_path: Path) -> None:
    d = _articles(tmp_path)
    app = SameStoryApp([d])
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(600):  # the analysis runs in a child process: wait for its story
            if app.analysed:
                break
            await pilot.pause(0.05)
        assert app.reader.index is not None
    assert load_story(cache_key([d])) is not None
    app2 = SameStoryApp([d])
    async with app2.run_test(size=(100, 30)) as pilot:
        # no worker needed: the story is on screen in the first frame
        assert app2.reader.index is not None
        assert not app2.workers
