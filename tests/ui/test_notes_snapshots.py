"""Snapshots of the note editor and the notes screen at fixed terminal sizes."""

from __future__ import annotations

from typing import Any

import pytest
from test_notes_story import FIRST, SECOND, make_story
from test_notes_ui import Host, _seed
from textual.pilot import Pilot

from reader.notes.model import NoteDraft
from reader.store.notes import open_store

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_note_editor(snap_compare: Any, size: tuple[int, int]) -> None:
    store = open_store()
    app = Host(store, make_story())

    async def typed(pilot: Pilot[None]) -> None:
        await pilot.press("a", *"ask the [b]council[/b]", "tab", "space")

    assert snap_compare(app, terminal_size=size, run_before=typed)
    store.close()


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_notes_screen(snap_compare: Any, size: tuple[int, int]) -> None:
    store = open_store()
    story = make_story()
    _seed(store, story)
    s = story.sentence("a1:s4")
    store.add_note(story, story.article("a1"), s.start, s.end, NoteDraft("who organised them?"))
    changed = make_story(
        {
            "first.txt": FIRST.replace("Volunteers filled sandbags through the night. ", ""),
            "second.txt": SECOND,
        }
    )
    app = Host(store, changed)
    assert snap_compare(app, terminal_size=size, press=["N"])
    store.close()
