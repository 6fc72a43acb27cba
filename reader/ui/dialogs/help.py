"""F1 / `?`: every key, as the user's keymap has it now, with its binding id."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.bindings import key_display


def help_content(
    groups: Iterable[tuple[str, Iterable[Binding]]], keymap: Mapping[str, str], width: int = 160
) -> Content:
    """Keys, description, tooltip and id per binding (user keymap applied); narrow: two lines."""
    lines: list[Content] = []
    for title, bindings in groups:
        lines.append(Content(title).stylize("bold underline"))
        for b in bindings:
            keys = keymap.get(b.id or "", b.key)
            head = Content.assemble(
                (f"  {key_display(keys):<22}", "bold"),
                f"{b.description or b.action:<17}",
                (f"{b.id}", "italic"),
            )
            if width >= 120:
                lines.append(
                    head.pad_right(max(0, 62 - head.cell_length)).append(
                        Content(b.tooltip).stylize("dim")
                    )
                )
            else:
                lines += [head, Content(f"      {b.tooltip}").stylize("dim")]
        lines.append(Content(""))
    lines.append(
        Content(
            'Rebind any key in config.toml under [keymap], by id, e.g. next-claim = "n,J". '
            "Ids: " + ", ".join(b.id or "" for _, bs in groups for b in bs)
        ).stylize("dim")
    )
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help-box {
        width: 95%;
        max-width: 130;
        height: 90%;
        border: round $primary;
        background: $surface;
    }
    #help-title { height: 1; padding: 0 1; text-style: bold; color: $primary; }
    #help-scroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,f1,question_mark",
            "close",
            "Close",
            id="help-close",
            tooltip="Close the help.",
        ),
    ]

    def __init__(self, body: Content) -> None:
        super().__init__(id="help")
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static("samestory keys  (Esc closes)", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self.body, id="help-body")

    def action_close(self) -> None:
        self.dismiss(None)
