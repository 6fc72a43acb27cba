"""Every note of the story in one list: filter, jump to one, edit, delete (asked) and undo.

Dismissed with the PlacedNote to jump to, or None. Every change goes to the notes session (the
one place that writes to the store); the list is re-read after each one, so what is shown is
what is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.model import Story
from reader.display.counts import counted
from reader.notes.model import PlacedNote
from reader.ui.dialogs.confirm import Confirm, ConfirmDelete
from reader.ui.dialogs.note_editor import NoteEditor, one_line

if TYPE_CHECKING:
    from reader.notes.model import NoteDraft
    from reader.ui.notes_session import NotesSession


def matches(placed: PlacedNote, query: str) -> bool:
    """`#tag` words must all be tags of the note; other words must occur in its text or quote."""
    words = query.lower().split()
    tags = [w.lstrip("#") for w in words if w.startswith("#") and len(w) > 1]
    terms = [w for w in words if not w.startswith("#")]
    note = placed.note
    if any(t not in note.tags for t in tags):
        return False
    haystack = f"{note.text}\n{placed.quote}\n{note.file_name}".lower()
    return all(t in haystack for t in terms)


def note_label(story: Story, placed: PlacedNote) -> Content:
    note = placed.note
    name = story.article(placed.article_id).name if placed.article_id else note.file_name
    head: list[str | tuple[str, str]] = [(one_line(name, 40), "bold")]
    if note.tags:
        head += ["  ", (" ".join(f"#{t}" for t in note.tags), "italic")]
    if placed.orphaned:
        head += ["  ", ("orphaned: passage gone", "reverse")]
    elif placed.placement == "reanchored":
        head += ["  ", ("re-anchored", "dim")]
    text = one_line(note.text, 200) or "(no text)"
    quote = one_line(placed.quote, 120)
    return Content.assemble(*head, "\n", text, "\n", ("“" + quote + "”", "dim"))


class NotesScreen(Screen[PlacedNote | None]):
    DEFAULT_CSS = """
    NotesScreen {
        layout: vertical;
    }
    #notes-summary {
        height: 1;
        padding: 0 1;
        text-style: bold;
    }
    #notes-filter {
        margin: 0 1;
    }
    #notes-list {
        height: 1fr;
        margin: 0 1;
    }
    #notes-empty {
        padding: 1 2;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "jump",
            "Go to",
            id="notes-jump",
            priority=True,  # above the list's own Enter, so it is shown and remappable
            tooltip="Close the list and show the note's passage in the columns.",
        ),
        Binding("e", "edit", "Edit", id="notes-edit", tooltip="Edit the selected note."),
        Binding(
            "x,delete",
            "delete",
            "Delete",
            id="notes-delete",
            tooltip="Delete the selected note (asks first; u brings it back).",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            id="notes-undo",
            tooltip="Undo this session's last change (a note, or a claim's review mark).",
        ),
        Binding(
            "slash",
            "filter",
            "Filter",
            id="notes-filter",
            tooltip="Filter by words in the note or its passage, or by #tag.",
        ),
        Binding("escape", "close", "Back", id="notes-close", tooltip="Back to the reader."),
    ]

    def __init__(self, session: NotesSession, story: Story, query: str = "") -> None:
        super().__init__(id="notes-screen")
        self.session = session
        self.story = story
        self.query_text = query
        self.placed: list[PlacedNote] = []
        self.shown: list[PlacedNote] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="notes-summary")
        yield Input(
            self.query_text,
            placeholder="filter: words, or #tag (artifact, discrepancy, verified, question…)",
            id="notes-filter",
        )
        yield OptionList(id="notes-list")
        yield Static(Content("No notes yet: press a on a sentence to write one."), id="notes-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    # -- data ------------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Re-read the store (another window may have written) and redraw the list."""
        listing = self.query_one(OptionList)
        current = keep or self._highlighted_id()
        self.placed = self.session.notes_for(self.story)
        self.shown = [p for p in self.placed if matches(p, self.query_text)]
        listing.clear_options()
        entries: list[Option | None] = []
        for p in self.shown:
            entries += [Option(note_label(self.story, p), id=p.note.id), None]  # None: a rule
        listing.add_options(entries[:-1])
        ids = [p.note.id for p in self.shown]
        if ids:
            listing.highlighted = ids.index(current) if current in ids else 0
        orphans = sum(p.orphaned for p in self.placed)
        summary = counted(len(self.placed), "note")
        if orphans:
            summary += f" · {orphans} orphaned"
        if self.query_text.strip():
            summary += f" · {len(self.shown)} shown"
        if not self.session.persistent:
            summary += " · NOT SAVED TO DISK (export before quitting)"
        self.query_one("#notes-summary", Static).update(Content(summary))
        self.query_one("#notes-empty").display = not self.placed

    def _highlighted_id(self) -> str | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None or not listing.option_count:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def selected(self) -> PlacedNote | None:
        nid = self._highlighted_id()
        return next((p for p in self.shown if p.note.id == nid), None)

    # -- events ----------------------------------------------------------------------------

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.reload()

    @on(Input.Submitted, "#notes-filter")
    def _filter_done(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#notes-list")
    def _chosen(self) -> None:
        self.action_jump()  # a mouse click on a note

    # -- actions ---------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        if self.focused is self.query_one(Input):
            self.query_one(OptionList).focus()
            return
        self.dismiss(None)

    def action_jump(self) -> None:
        if self.focused is self.query_one(Input):
            self.query_one(OptionList).focus()
            return
        placed = self.selected()
        if placed is None:
            return
        if placed.orphaned:
            self.notify(
                "This note's passage is no longer in the story; its quote is kept with it.",
                severity="warning",
            )
            return
        self.dismiss(placed)

    def action_edit(self) -> None:
        placed = self.selected()
        if placed is None:
            return
        article = placed.article_id
        where = self.story.article(article).name if article else placed.note.file_name

        def written(draft: NoteDraft | None) -> None:
            if draft is not None:
                self.session.update_note(placed, draft)
            self.reload(placed.note.id)

        self.app.push_screen(NoteEditor(placed.quote, placed.note, where=where), written)

    def action_delete(self) -> None:
        placed = self.selected()
        if placed is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.session.delete_note(placed.note.id)
                self.notify("Note deleted: u to undo.", timeout=4)
                self.reload()

        summary = one_line(placed.note.text, 80) or one_line(placed.quote, 80)
        self.app.push_screen(ConfirmDelete(summary), answered)

    def action_undo(self) -> None:
        self.session.undo()
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "jump"):
            return True if self.shown else None  # shown greyed out when the list is empty
        return True


__all__ = ["Confirm", "ConfirmDelete", "NotesScreen", "matches", "note_label"]
