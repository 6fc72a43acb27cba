"""The lexical claims show at once; the semantic ones replace them where the reader stands."""

from __future__ import annotations

from ui_story import run_async

from reader.resources import sample_dir
from reader.ui.app import SameStoryApp


@run_async
async def test_the_lexical_story_shows_first_and_the_semantic_one_replaces_it() -> None:
    app = SameStoryApp([sample_dir()], remember=False)
    shown: list[object] = []
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(1200):
            if app.story is not None and app.story not in shown:
                shown.append(app.story)
                if len(shown) == 1:
                    await pilot.press("j", "j")  # the reader moves on the early story
            if len(shown) == 2:
                break
            await pilot.pause(0.05)
        assert len(shown) == 2, "the early (lexical) story, then the semantic one"
        early, final = shown
        assert early.sentences == final.sentences  # type: ignore[attr-defined]
        assert any(c.strengths for c in final.claims)  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.reader.index is not None and app.reader.index.story is final
        assert app.reader.cursor is not None and app.reader.cursor.index == 2  # kept its place
        await pilot.press("n", "i")  # the replaced story is navigable
        await pilot.pause()
