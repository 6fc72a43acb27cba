"""The reader does its work once: at first paint one column build, one refresh and no
`CursorMoved` (nothing moved); afterwards one message per real move and none otherwise.

Before the split: 4 builds, 8 refreshes, and `CursorMoved` reached the notes session 8 times
before any key was pressed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from ui_story import fixture_story, run_async

from reader.ui.app import SameStoryApp
from reader.ui.notes_session import NotesSession
from reader.ui.screens.reader_view import ReaderView


def counting(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    counts: Counter[str] = Counter()

    def wrap(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(cls, name, counted)

    wrap(ReaderView, "_rebuild_columns")
    wrap(ReaderView, "refresh_view")
    wrap(NotesSession, "cursor_moved")  # what CursorMoved reaches
    return counts


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
def test_first_paint_builds_once_and_reports_no_move(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    counts = counting(monkeypatch)

    @run_async
    async def run() -> None:
        app = SameStoryApp(story=fixture_story())
        async with app.run_test(size=size) as pilot:
            for _ in range(4):
                await pilot.pause()
            assert counts["_rebuild_columns"] <= 1
            assert counts["refresh_view"] <= 1
            assert counts["cursor_moved"] == 0  # nothing moved yet

            counts.clear()
            await pilot.press("j")
            await pilot.pause()
            assert counts["cursor_moved"] == 1
            assert counts["refresh_view"] == 1
            assert counts["_rebuild_columns"] == 0

            counts.clear()
            await pilot.press("home")  # to the first sentence: a move
            await pilot.pause()
            assert counts["cursor_moved"] == 1
            counts.clear()
            await pilot.press("k", "home")  # already there: no move, no message
            await pilot.pause()
            assert counts["cursor_moved"] == 0

    run()


def test_a_burst_of_moves_is_coalesced() -> None:
    moved = ReaderView.CursorMoved("a1", 1, 0)
    assert moved.can_replace(ReaderView.CursorMoved("a1", 0, 0))
    assert not moved.can_replace(ReaderView.MinorMarksToggled(True))


def test_a_story_analysed_after_the_first_frame_is_drawn_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker's story replaces the progress bar: the notes and marks are set before the
    columns are drawn, so they are drawn once (twice on main), and nothing moved."""
    from reader.resources import sample_dir

    counts = counting(monkeypatch)

    @run_async
    async def run() -> None:
        app = SameStoryApp([sample_dir()])
        async with app.run_test(size=(160, 48)) as pilot:
            for _ in range(400):  # the engine runs in a worker
                await pilot.pause(0.05)
                if app.reader.index is not None:
                    break
            for _ in range(4):
                await pilot.pause()
            assert app.reader.index is not None and app.reader.columns
            assert counts["_rebuild_columns"] == 1
            assert counts["refresh_view"] == 1
            assert counts["cursor_moved"] == 0

    run()
