"""Pilot tests of the note editor and the notes screen in a tiny host app."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any, ClassVar

import pytest
from test_notes_story import FIRST, SECOND, make_story
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Checkbox, Input, OptionList, Static, TextArea

from reader.core.model import Story
from reader.notes.model import NoteDraft, PlacedNote
from reader.store.notes import NoteStore, open_store
from reader.ui.dialogs.confirm import Confirm
from reader.ui.dialogs.note_editor import NoteEditor
from reader.ui.notes_requests import AddNote
from reader.ui.notes_session import NotesSession
from reader.ui.screens.notes import ConfirmDelete, NotesScreen
from reader.ui.screens.reader import ReaderScreen


class Host(App[None]):
    """Stands in for the reader: `a` annotates one sentence, `N` opens the notes screen."""

    BINDINGS: ClassVar[list[Binding]] = [
        Binding("a", "annotate", "Note", id="annotate"),
        Binding("N", "notes", "Notes", id="notes"),
    ]

    def __init__(self, store: NoteStore, story: Story, sentence: str = "a1:s2") -> None:
        super().__init__()
        self.store = store
        self.story = story
        self.sentence = story.sentence(sentence)
        self.saved: list[NoteDraft | None] = []
        reader = ReaderScreen()
        reader.set_story(story)
        self.session = NotesSession(self, store, reader, remember=False)  # type: ignore[arg-type]
        self.jumped: list[PlacedNote | None] = []

    def compose(self) -> ComposeResult:
        yield Static("reader")

    def action_annotate(self) -> None:
        s = self.sentence
        article = self.story.article(s.article)

        def written(draft: NoteDraft | None) -> None:
            self.saved.append(draft)
            if draft is not None:
                self.session.handle(AddNote(s.article, s.start, s.end, draft))

        self.push_screen(NoteEditor(article.text[s.start : s.end], where=article.name), written)

    def action_notes(self) -> None:
        self.push_screen(NotesScreen(self.session, self.story), self.jumped.append)


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async pilot test without a pytest asyncio plugin."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def store() -> NoteStore:
    s = open_store()
    yield s
    s.close()


def _seed(store: NoteStore, story: Story) -> None:
    for sid, text, tags in (
        ("a1:s1", "checked with the wire copy", ("verified",)),
        ("a1:s3", "[bold]Friday[/bold] or Saturday?", ("discrepancy", "question")),
        ("a2:s4", "who counted the families", ()),
    ):
        s = story.sentence(sid)
        store.add_note(story, story.article(s.article), s.start, s.end, NoteDraft(text, tags))


def _texts(store: NoteStore, story: Story) -> list[str]:
    return [p.note.text for p in store.notes_for(story)]


@sync
async def test_annotate_saves_text_and_tags(store: NoteStore) -> None:
    story = make_story()
    app = Host(store, story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        quote = editor.query_one("#note-editor-quote", Static)
        assert "Residents of the lower town" in str(quote.render())
        ids = {b.binding.id for b in editor.active_bindings.values()}
        assert {"note-save", "note-cancel"} <= ids
        shown = {b.binding.key for b in editor.active_bindings.values() if b.binding.show}
        assert {"ctrl+s", "escape"} <= shown
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"moved at 2am", "enter", *"per the wire")
        await pilot.press("tab", "tab", "tab", "space")  # artifact, discrepancy, verified
        assert editor.query_one("#note-tag-verified", Checkbox).value
        await pilot.press("tab", "tab", *"wire, Night")  # question, then the free tags
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
    (note,) = store.all_notes()
    assert note.text == "moved at 2am\nper the wire"
    assert note.tags == ("verified", "wire", "night")
    assert note.anchor.exact == story.text_of(story.sentence("a1:s2"))
    assert app.saved == [NoteDraft(note.text, note.tags)]


@sync
async def test_escape_cancels_and_an_empty_note_is_not_saved(store: NoteStore) -> None:
    story = make_story()
    app = Host(store, story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("a", *"never mind", "escape")  # typed words: asks first
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # no: keep editing, the words still there
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "never mind"
        await pilot.press("escape", "y")  # yes: discard
        await pilot.pause()
        assert not isinstance(app.screen, (NoteEditor, Confirm))
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
    assert store.all_notes() == []
    assert app.saved == [None, None, None]


@sync
async def test_notes_screen_lists_filters_and_jumps(store: NoteStore) -> None:
    story = make_story()
    _seed(store, story)
    app = Host(store, story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        listing = screen.query_one(OptionList)
        assert listing.option_count == 3
        summary = str(screen.query_one("#notes-summary", Static).render())
        assert "3 notes" in summary
        # article text and notes are data: markup in a note is shown as typed
        prompts = [listing.get_option_at_index(i).prompt for i in range(3)]
        assert all(isinstance(p, Content) for p in prompts)
        assert any("[bold]Friday[/bold] or Saturday?" in str(p) for p in prompts)
        ids = {b.binding.id for b in screen.active_bindings.values()}
        assert {"notes-jump", "notes-edit", "notes-delete", "notes-undo", "notes-close"} <= ids

        await pilot.press("slash", *"#question")
        assert listing.option_count == 1
        await pilot.press("backspace", *9 * ["backspace"], *"families")
        assert listing.option_count == 1
        await pilot.press("enter")  # leaves the filter for the list
        assert app.focused is listing
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
    (jumped,) = app.jumped
    assert jumped is not None and jumped.note.text == "who counted the families"
    assert (jumped.article_id, jumped.start) == ("a2", story.sentence("a2:s4").start)


@sync
async def test_edit_from_the_notes_screen(store: NoteStore) -> None:
    story = make_story()
    _seed(store, story)
    app = Host(store, story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N", "down", "e")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "[bold]Friday[/bold] or Saturday?"
        assert editor.query_one("#note-tag-discrepancy", Checkbox).value
        await pilot.press(*" Ask the mayor.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        listing = app.screen.query_one(OptionList)
        assert "Ask the mayor." in str(listing.get_option_at_index(1).prompt)
    assert "[bold]Friday[/bold] or Saturday? Ask the mayor." in _texts(store, story)


@sync
async def test_delete_asks_and_undo_brings_it_back(store: NoteStore) -> None:
    story = make_story()
    _seed(store, story)
    app = Host(store, story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N", "x")
        assert isinstance(app.screen, ConfirmDelete)
        await pilot.press("n")  # keep it
        assert isinstance(app.screen, NotesScreen)
        assert len(_texts(store, story)) == 3
        await pilot.press("delete", "y")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert app.screen.query_one(OptionList).option_count == 2
        assert "checked with the wire copy" not in _texts(store, story)
        assert len(store.all_notes(include_deleted=True)) == 3  # soft delete
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.query_one(OptionList).option_count == 3
        assert "checked with the wire copy" in _texts(store, story)
        await pilot.press("escape")
        await pilot.pause()
    assert app.jumped == [None]


@sync
async def test_orphaned_note_is_listed_but_cannot_be_jumped_to(store: NoteStore) -> None:
    story = make_story()
    _seed(store, story)
    changed = make_story({"first.txt": FIRST.split(". ")[0] + ".", "second.txt": SECOND})
    app = Host(store, changed, sentence="a1:s1")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert "1 orphaned" in str(screen.query_one("#notes-summary", Static).render())
        listing = screen.query_one(OptionList)
        last = listing.option_count - 1
        assert "orphaned" in str(listing.get_option_at_index(last).prompt)
        listing.highlighted = last
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # still open: there is nowhere to go


@sync
async def test_filter_input_does_not_trigger_list_keys(store: NoteStore) -> None:
    story = make_story()
    _seed(store, story)
    app = Host(store, story)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("N", "slash", *"xeu")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert screen.query_one(Input).value == "xeu"
        assert len(_texts(store, story)) == 3
        await pilot.press("escape")  # first escape leaves the filter
        assert isinstance(app.screen, NotesScreen)
