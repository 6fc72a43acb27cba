"""Notes and review in the real reader: keys pressed in SameStoryApp, the store checked after."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, OptionList
from ui_story import fixture_story, gutter_at, run_async

from reader.notes.model import NoteDraft
from reader.store.notes import open_store
from reader.store.paths import config_dir
from reader.store.settings import Settings, save_settings
from reader.ui.app import SameStoryApp, exit_message
from reader.ui.dialogs.note_editor import NoteEditor
from reader.ui.screens.notes import Confirm, ConfirmDelete, NotesScreen
from reader.ui.screens.reader import Cursor, ReaderScreen
from reader.ui.widgets.inspector import Inspector

WIDE = (160, 48)


async def ready(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def here(app: SameStoryApp) -> str:
    s = app.reader.current_sentence()
    assert s is not None
    return s.id


def marked(app: SameStoryApp, sentence_id: str) -> bool:
    """The sentence's gutter marker is lit (in its column's marks)."""
    story = app.reader.index.story if app.reader.index else None
    assert story is not None
    s = story.sentence(sentence_id)
    column = next((c for c in app.reader.columns if c.article_id == s.article), None)
    assert column is not None, "the article is not on screen"
    return s.start in column.text.marks.notes


def inspector_text(app: SameStoryApp) -> str:
    return app.reader.query_one(Inspector).body.render().plain  # type: ignore[union-attr]


def seed(sentences: dict[str, str]) -> None:
    """Notes written by an earlier session, straight into the store."""
    story = fixture_story()
    store = open_store()
    for sid, text in sentences.items():
        s = story.sentence(sid)
        tags = ("question",) if "?" in text else ()
        store.add_note(story, story.article(s.article), s.start, s.end, NoteDraft(text, tags))
    store.close()


def stored() -> list[str]:
    store = open_store()
    try:
        return [p.note.text for p in store.notes_for(fixture_story())]
    finally:
        store.close()


@run_async
async def test_annotate_stores_the_note_and_marks_the_claim_everywhere() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j")  # a1:s2, the workers claim (a1 and a2)
        assert not marked(app, "a1:s2")
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"1,200 or 1,500? [b]ask[/b]", "tab", "space")  # + artifact tag
        assert app.screen.query_one("#note-tag-artifact", Checkbox).value
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        # stored the moment it was saved, from another connection
        assert stored() == ["1,200 or 1,500? [b]ask[/b]"]
        assert marked(app, "a1:s2") and marked(app, "a2:s2")  # the claim, in both articles
        assert not marked(app, "a1:s1")
        assert "✎" in str(app.reader.query_one("#status-line").render())
        await pilot.press("i")
        await ready(pilot)
        text = inspector_text(app)
        assert "Notes" in text and "1,200 or 1,500? [b]ask[/b]" in text and "#artifact" in text
        await pilot.press("l")  # the same claim in a2 shows the note too
        await ready(pilot)
        assert here(app) == "a2:s2"
        assert "1,200 or 1,500?" in inspector_text(app) and "on the same claim in a1" in (
            inspector_text(app)
        )
    note = open_store().all_notes()[0]
    assert note.tags == ("artifact",) and note.anchor.exact.startswith("About 1,200")


@run_async
async def test_escape_cancels_and_nothing_is_stored() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"not this", "escape", "y")  # typed words: asked, discarded
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert not marked(app, "a1:s1")
    assert stored() == []


@run_async
async def test_undo_in_the_reader_removes_a_new_note_and_its_marker() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"oops", "ctrl+s")
        await ready(pilot)
        assert marked(app, "a1:s1") and stored() == ["oops"]
        await pilot.press("u")
        await ready(pilot)
        assert not marked(app, "a1:s1") and stored() == []
        await pilot.press("u")
        await ready(pilot)
        assert any("Nothing to undo" in n.message for n in app._notifications)


@run_async
async def test_edit_from_the_notes_screen_updates_store_and_inspector() -> None:
    seed({"a1:s3": "mayor's name"})
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("N")
        await ready(pilot)
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("e")
        await ready(pilot)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*": Kesler in a3", "ctrl+s")
        await ready(pilot)
        assert isinstance(app.screen, NotesScreen)
        assert "Kesler in a3" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and here(app) == "a1:s3"
        await pilot.press("i")
        await ready(pilot)
        assert "mayor's name: Kesler in a3" in inspector_text(app)
    assert stored() == ["mayor's name: Kesler in a3"]


@run_async
async def test_delete_asks_and_undo_brings_it_back() -> None:
    seed({"a1:s3": "keep me", "a1:s5": "delete me"})
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert marked(app, "a1:s5")
        await pilot.press("N")
        await ready(pilot)
        await pilot.press("down", "x")  # the second note
        await ready(pilot)
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")  # no: nothing happens
        await ready(pilot)
        assert stored() == ["keep me", "delete me"]
        await pilot.press("x")
        await ready(pilot)
        await pilot.press("y")
        await ready(pilot)
        assert stored() == ["keep me"]
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert not marked(app, "a1:s5") and marked(app, "a1:s3")  # markers follow the store
        await pilot.press("u")  # undo works from the reader as well
        await ready(pilot)
        assert marked(app, "a1:s5")
    assert stored() == ["keep me", "delete me"]


@run_async
async def test_notes_screen_filters_and_enter_jumps_to_the_sentence() -> None:
    seed({"a1:s2": "numbers differ", "a2:s3": "who queued?", "a3:s1": "calque"})
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("N")
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert len(screen.shown) == 3
        await pilot.press("slash", *"#question")
        await ready(pilot)
        assert isinstance(app.focused, Input)
        assert [p.note.text for p in screen.shown] == ["who queued?"]
        await pilot.press("enter")  # leaves the filter box
        await pilot.press("enter")  # jumps
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert here(app) == "a2:s3"
        assert app.reader.focused_column() is not None
        assert app.reader.focused_column().article_id == "a2"  # type: ignore[union-attr]


@run_async
async def test_review_keys_mark_the_claim_and_the_header_counts() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)

        def header() -> str:
            return str(app.reader.query_one("#review-status").render())

        assert header() == "0/5 claims reviewed"
        await pilot.press("v")  # a1:s1 is claim c1
        await ready(pilot)
        assert header() == "1/5 claims reviewed"
        assert "verified" in str(app.reader.query_one("#status-line").render())
        await pilot.press("j", "x")  # c2 disputed
        await ready(pilot)
        assert header() == "2/5 claims reviewed, 1 disputed"
        await pilot.press("j", "c")  # c3 unclear
        await ready(pilot)
        assert header() == "3/5 claims reviewed, 1 disputed, 1 unclear"
        await pilot.press("0")  # c3 cleared
        await ready(pilot)
        assert header() == "2/5 claims reviewed, 1 disputed"
        await pilot.press("u")  # the clearing undone: unclear again
        await ready(pilot)
        assert header() == "3/5 claims reviewed, 1 disputed, 1 unclear"
        # the same claim in another article carries the same mark
        await pilot.press("k", "l")
        await ready(pilot)
        assert here(app) == "a2:s2" and "disputed" in str(
            app.reader.query_one("#status-line").render()
        )
    store = open_store()
    marks = store.review_for(fixture_story())
    assert {cid: m.status for cid, m in marks.items()} == {
        "c1": "verified",
        "c2": "disputed",
        "c3": "unclear",
    }
    store.close()


@run_async
async def test_review_off_a_claim_says_so() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("G")  # the last sentence of a1 is in no claim
        await ready(pilot)
        assert app.story is not None and not app.story.claims_of(here(app))
        await pilot.press("v")
        await ready(pilot)
        assert any("no claim" in n.message for n in app._notifications)
        assert "0/5" in str(app.reader.query_one("#review-status").render())


@run_async
async def test_next_unreviewed_walks_the_claims_not_yet_marked() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("v", "r")  # c1 done: next is c2
        await ready(pilot)
        assert here(app) == "a1:s2"
        await pilot.press("v", "j", "v", "r")  # c2, c3 done: c4
        await ready(pilot)
        assert here(app) == "a1:s5"
        await pilot.press("v", "r")  # c5
        await ready(pilot)
        assert here(app) == "a1:s6"
        await pilot.press("g", "r")  # from c1 (done) it wraps forward to c5, still open
        await ready(pilot)
        assert here(app) == "a1:s6"
        await pilot.press("v", "r")
        await ready(pilot)
        assert here(app) == "a1:s6"  # all reviewed: the cursor stays
        assert any("All 5 claims are reviewed" in n.message for n in app._notifications)
        assert "5/5" in str(app.reader.query_one("#review-status").render())


@run_async
async def test_a_note_in_a_store_kept_in_memory_is_not_called_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SAMESTORY_HOME", str(blocker))  # the data directory cannot be made
    store = open_store()
    assert not store.persistent
    app = SameStoryApp(story=fixture_story(), store=store, remember=False)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("a", *"kept?", "ctrl+s")
        await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert not any(m == "Note saved." for m in messages)
        assert any("kept in memory only" in m for m in messages)


@run_async
async def test_next_unreviewed_leaves_a_sentence_that_is_in_two_claims() -> None:
    """On the fresh sample a1 s1 is in two claims: r stayed on it, 'jumping' to the second."""
    from reader.core.pipeline import analyse
    from reader.resources import sample_dir

    story = analyse([sample_dir()])
    first = story.sentences_of("a1")[0]
    assert len(story.claims_of(first.id)) >= 2
    app = SameStoryApp(story=story)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert here(app) == first.id
        await pilot.press("r")
        await ready(pilot)
        assert here(app) != first.id
        target = app.story.sentence(here(app)) if app.story else None
        assert target is not None and app.story is not None
        assert any(
            c.id not in {x.id for x in story.claims_of(first.id)}
            for c in app.story.claims_of(target.id)
        )


@run_async
async def test_reopening_returns_to_position_column_and_theme() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("l", "l", "j", "T")  # a3, second sentence; another theme
        await ready(pilot)
        assert here(app) == "a3:s2"
        theme = app.theme
    store = open_store()
    saved = store.load_position(fixture_story())
    store.close()
    assert saved is not None and saved.article_id == "a3"
    config = (config_dir() / "config.toml").read_text("utf-8")
    assert "positions" not in config  # one place only: the store
    app2 = SameStoryApp(story=fixture_story())
    async with app2.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app2.reader.cursor == Cursor("a3", 1)
        assert [c.article_id for c in app2.reader.columns] == ["a3", "a4"]  # that page
        focused = app2.reader.focused_column()
        assert focused is not None and focused.article_id == "a3" and focused.focused
        assert app2.theme == theme


@run_async
async def test_position_is_written_after_a_second_of_stillness() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "j")
        store = open_store()
        assert store.load_position(fixture_story()) is None  # not on every key
        await pilot.pause(1.3)
        saved = store.load_position(fixture_story())
        store.close()
        assert saved is not None and (saved.article_id, saved.start) == (
            "a1",
            fixture_story().sentence("a1:s3").start,
        )


@run_async
async def test_keys_are_remappable_and_in_help_and_palette() -> None:
    save_settings(Settings(keymap={"review-verified": "V", "annotate": "ctrl+n"}))
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("v")  # no longer bound
        await ready(pilot)
        assert "0/5" in str(app.reader.query_one("#review-status").render())
        await pilot.press("V")
        await ready(pilot)
        assert "1/5" in str(app.reader.query_one("#review-status").render())
        await pilot.press("ctrl+n")
        await ready(pilot)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape", "f1")
        await ready(pilot)
        body = app.screen.body.plain  # type: ignore[attr-defined]
        for ident in ("annotate", "notes", "undo", "review-disputed", "next-unreviewed"):
            assert ident in body
        assert "ctrl+n" in body and "Review" in body and "Notes" in body
        await pilot.press("escape", "ctrl+p")
        await ready(pilot)
        await pilot.press(*"current claim disputed")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await ready(pilot)
        assert "1 disputed" in str(app.reader.query_one("#review-status").render())


@run_async
async def test_a_corrupt_store_is_reported_in_the_app() -> None:
    store = open_store()
    path = store.path
    store.close()
    assert path is not None
    path.write_bytes(b"this is not a database" * 100)
    for extra in path.parent.glob(path.name + "-*"):
        extra.unlink()
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert any(str(path.parent) in m for m in messages), messages
        await pilot.press("a", *"fresh store", "ctrl+s")
        await ready(pilot)
    assert stored() == ["fresh store"]


@pytest.fixture
def memory_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory that cannot be written (under a plain file): notes live in memory."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("SAMESTORY_HOME", str(blocker))
    home = tmp_path / "home"  # where an export of notes kept in memory goes
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    work = tmp_path / "cwd"  # never written to
    work.mkdir()
    monkeypatch.chdir(work)
    return home


@run_async
async def test_read_only_store_offers_an_export_before_quitting(memory_only: Path) -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert any("memory" in n.message for n in app._notifications)
        await pilot.press("a", *"only in memory", "ctrl+s")
        await ready(pilot)
        assert marked(app, "a1:s1")
        await pilot.press("q")
        await ready(pilot)
        assert isinstance(app.screen, Confirm)
        assert "not saved to disk" in str(app.screen.question)
        assert str(memory_only) in str(app.screen.detail)  # the user is told where
        await pilot.press("y")
        await ready(pilot)
    assert not app.is_running
    (export,) = memory_only.glob("samestory-notes-*.json")
    assert "only in memory" in export.read_text("utf-8")
    assert list((memory_only.parent / "cwd").iterdir()) == []
    told = exit_message(app)
    assert told is not None and f"exported to {export}\n" in told  # the path on a line of its own


@run_async
async def test_read_only_store_quit_anyway(memory_only: Path) -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("q")  # no notes yet: nothing to ask
        await ready(pilot)
    assert not app.is_running
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("v", "q")  # a review mark is worth keeping too
        await ready(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await ready(pilot)
    assert not app.is_running
    assert list(memory_only.iterdir()) == [] and exit_message(app) is None


@run_async
async def test_e_edits_the_note_on_the_current_sentence() -> None:
    seed({"a1:s3": "first thought", "a1:s5": "elsewhere"})
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert here(app) == "a1:s1"
        await pilot.press("e")  # no note here: said so, nothing opens
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert any("No note on this sentence" in n.message for n in app._notifications)
        app.reader.move_to("a1", 2)
        await ready(pilot)
        assert here(app) == "a1:s3"
        await pilot.press("e")
        await ready(pilot)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*", second thought", "ctrl+s")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
    assert stored() == ["first thought, second thought", "elsewhere"]


def gutter(app: SameStoryApp, sentence_id: str) -> str:
    """The gutter cells drawn beside the sentence's first row."""
    story = app.reader.index.story if app.reader.index else None
    assert story is not None
    s = story.sentence(sentence_id)
    return gutter_at(app, s.article, s.start)


@run_async
async def test_review_marks_show_in_the_gutter_of_every_version() -> None:
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        story = app.story
        assert story is not None
        [claim] = story.claims_of("a1:s1")
        members = [m for m in claim.members if m != "a1:s1"]
        assert members and "✓" not in gutter(app, "a1:s1")
        await pilot.press("v")
        await ready(pilot)
        assert all(gutter(app, m)[1] == "✓" for m in ["a1:s1", *members])
        await pilot.press("x")
        await ready(pilot)
        assert gutter(app, "a1:s1")[1] == "✗"
        await pilot.press("0")
        await ready(pilot)
        assert gutter(app, "a1:s1")[1] == " "
        assert gutter(app, "a1:s2")[1] == " "  # another claim: never marked
