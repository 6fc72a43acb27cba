"""Snapshots of the reader's screens on the hand-made story, at 160x48 and 80x24."""

from __future__ import annotations

from typing import Any

import pytest
from ui_story import fixture_story

from reader.ui.app import SameStoryApp

SIZES = [pytest.param((160, 48), id="160x48"), pytest.param((80, 24), id="80x24")]
VIEWS = {
    "main": ["n", "n"],  # the mayor's claim: lit in three columns
    "inspector": ["n", "n", "i"],
    "overview": ["o"],
    "help": ["f1"],
    "high-contrast": ["w"],
    # a note on the workers claim (marked in a1 and a2), the claim disputed, the inspector open
    "notes": ["j", "a", *"1,200 or 1,500? [b]ask[/b]", "ctrl+s", "x", "i"],
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_snapshot(snap_compare: Any, view: str, size: tuple[int, int]) -> None:
    theme = "high-contrast" if view == "high-contrast" else "dark"
    app = SameStoryApp(story=fixture_story(), theme=theme, remember=False)
    notify = app.notify

    def lasting_notify(*args: Any, **kwargs: Any) -> None:
        # A toast that expires while the keys are pressed would make the snapshot depend on speed.
        notify(*args, **{**kwargs, "timeout": 3600})

    app.notify = lasting_notify  # type: ignore[method-assign]
    assert snap_compare(app, terminal_size=size, press=VIEWS[view])
