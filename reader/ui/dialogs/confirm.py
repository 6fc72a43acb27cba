"""Yes/no questions: `Confirm` (dismissed with the answer) and `ConfirmDelete` for a note."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class Confirm(ModalScreen[bool]):
    """A yes/no question (y / n, escape is no); the answer is the dismiss value.

    Also for the reader's quit: Confirm("Notes were not saved to disk", "Export them?",
    yes="Export", no="Quit anyway") then the notes session's `rescue()`.
    """

    DEFAULT_CSS = """
    Confirm {
        align: center middle;
    }
    #confirm-box {
        width: 60;
        max-width: 95%;
        height: auto;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    #confirm-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    #confirm-buttons Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm-yes", tooltip="Answer yes."),
        Binding("n,escape", "answer(False)", "No", id="confirm-no", tooltip="Answer no."),
    ]

    def __init__(
        self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "No", hint: str = ""
    ) -> None:
        super().__init__(id="confirm")
        self.question, self.detail, self.hint = question, detail, hint
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            body = Content.assemble((self.question, "bold"))
            if self.detail:
                body = Content.assemble(body, "\n\n", (self.detail, "italic"))
            yield Static(body)
            if self.hint:
                yield Static(Content(self.hint), classes="hint")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.no} (n)", id="confirm-no-button")
                yield Button(f"{self.yes} (y)", id="confirm-yes-button", variant="error")

    def on_mount(self) -> None:
        self.query_one("#confirm-no-button", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes-button")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ConfirmDelete(Confirm):
    def __init__(self, summary: str) -> None:
        super().__init__(
            "Delete this note?",
            summary,
            yes="Delete",
            no="Keep",
            hint="It can be brought back with u (undo).",
        )
