"""The reader's key bar and column headers at 80 columns: readable, and every hint pressable."""

from __future__ import annotations

from ui_story import fixture_story, run_async

from reader.ui.app import SameStoryApp
from reader.ui.widgets.article_column import ColumnHeader
from reader.ui.widgets.key_bar import Entry, KeyBar, bar_line

SMALL = (80, 24)


def _entry(label: str, *keys: str) -> Entry:
    return Entry(tuple((k, k, f"press {k}", True) for k in keys), label)


def test_entries_are_spaced_and_cut_whole() -> None:
    main = [_entry("Review", "v", "x", "r"), _entry("Help", "f1"), _entry("Quit", "q")]
    palette = _entry("Commands", "^p")
    text, _, hints = bar_line(main, palette, 60)
    assert "Review f1 Help q Quit" in text  # a space after a group, before the next key
    assert text.rstrip().endswith("^p Commands") and len(text) <= 60
    assert [h.key for h in hints] == ["v", "x", "r", "f1", "q", "^p"]
    narrow, _, hints = bar_line(main, palette, 24)
    assert narrow.rstrip().endswith("^p") and "Commands" not in narrow
    assert "Review" in narrow and "Help" not in narrow and len(narrow) <= 24  # no half entry
    lone = next(h for h in bar_line(main, None, 60)[2] if h.key == "f1")
    assert text[lone.start : lone.end] == "f1 Help"  # a lone key: its label is clickable too


@run_async
async def test_key_bar_clicks_press_the_key_and_headers_fit() -> None:
    app = SameStoryApp(story=fixture_story(), remember=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        bar = app.reader.query_one(KeyBar)
        line = str(bar.render())
        assert "Review f1 Help" in line and "Move" in line and "^p" in line
        before = app.reader.cursor
        n = next(h for h in bar.hints if h.key == "n")
        await pilot.click(KeyBar, offset=(n.start, 0))
        await pilot.pause()
        assert app.reader.cursor != before  # n: next claim
        for header in app.reader.query(ColumnHeader):
            width = header.content_region.width
            lines = str(header.render()).split("\n")
            assert len(lines[2]) <= width  # words, shared and warnings never cut
            assert "words" in lines[2] and "shared" in lines[2]
            assert "warning" in lines[2] or "⚠" in lines[2]
