"""`a`: write or edit a note on a passage; ctrl+s saves, escape cancels.

The editor only returns what the user wrote (a NoteDraft); the caller stores it, so the same
dialog serves a new note and an edit, and the store stays the one place that writes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Static, TextArea

from reader.display.textsafe import printable
from reader.notes.model import QUICK_TAGS, Note, NoteDraft, clean_tags

QUOTE_CHARS = 400  # a longer passage is shown cut, the note still covers all of it


def one_line(text: str, limit: int) -> str:
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Dismissed with the draft to store, or None (cancelled, or a new note left empty)."""

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
    }
    #note-editor-box {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    #note-editor-title {
        text-style: bold;
    }
    #note-editor-quote {
        color: $text-muted;
        border-left: outer $accent;
        padding-left: 1;
        margin-bottom: 1;
        max-height: 6;
    }
    #note-editor-text {
        height: 8;
    }
    #note-editor-quick {
        height: auto;
    }
    #note-editor-quick {
        margin: 1 0;
    }
    #note-editor-quick Checkbox {
        width: auto;
        margin-right: 2;
    }
    #note-editor-tags {
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="note-save",
            priority=True,
            tooltip="Store the note now; it is kept even if the app is killed a moment later.",
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="note-cancel",
            priority=True,
            tooltip="Close the editor without saving (asks first when you typed something).",
        ),
    ]

    def __init__(self, quote: str, note: Note | None = None, *, where: str = "") -> None:
        super().__init__(id="note-editor")
        self.quote = quote
        self.note = note
        self.where = where

    def compose(self) -> ComposeResult:
        tags = self.note.tags if self.note else ()
        title = "Edit note" if self.note else "New note"
        with Vertical(id="note-editor-box"):
            yield Static(
                Content(f"{title} · {printable(self.where)}" if self.where else title),
                id="note-editor-title",
            )
            quote = printable(self.quote.strip())
            if len(quote) > QUOTE_CHARS:
                quote = quote[: QUOTE_CHARS - 1] + "…"
            yield Static(Content(quote), id="note-editor-quote")
            yield TextArea(
                self.note.text if self.note else "",
                id="note-editor-text",
                soft_wrap=True,
                tab_behavior="focus",
            )
            with Horizontal(id="note-editor-quick"):
                for tag in QUICK_TAGS:
                    yield Checkbox(
                        Content(tag),
                        value=tag in tags,
                        id=f"note-tag-{tag}",
                        compact=True,
                        tooltip=f"Tag this note '{tag}'.",
                    )
            yield Input(
                ", ".join(t for t in tags if t not in QUICK_TAGS),
                placeholder="more tags, comma separated",
                id="note-editor-tags",
            )
            yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # editing usually means adding to the end
        area.focus()

    def draft(self) -> NoteDraft:
        quick = [t for t in QUICK_TAGS if self.query_one(f"#note-tag-{t}", Checkbox).value]
        free = self.query_one("#note-editor-tags", Input).value
        return NoteDraft(self.query_one(TextArea).text.strip("\n"), clean_tags([*quick, free]))

    def action_save(self) -> None:
        draft = self.draft()
        if self.note is None and draft.is_empty:
            self.notify("Empty note: nothing saved.")
            self.dismiss(None)
            return
        self.dismiss(draft)

    def _changed(self) -> bool:
        draft = self.draft()
        if self.note is None:
            return not draft.is_empty
        return (draft.text, tuple(draft.tags)) != (
            self.note.text.strip("\n"),
            tuple(self.note.tags),
        )

    def action_cancel(self) -> None:
        """Escape closes at once when nothing was written; typed words are never dropped
        without asking (Escape again, or n, keeps editing)."""
        if not self._changed():
            self.dismiss(None)
            return
        from reader.ui.dialogs.confirm import Confirm

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            Confirm(
                "Discard this note?",
                "What you typed is not saved yet.",
                yes="Discard",
                no="Keep editing",
            ),
            answered,
        )
