"""F1 / `?`: every key, as the user's keymap has it now, with its binding id."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.bindings import APP_BINDINGS, READER_BINDINGS, key_display

BOX_SHARE, BOX_MAX = 0.95, 130  # the help box: share of the screen's width, at most this
TIP_AT = 62  # column of the tooltips beside the keys
MIN_TIP = 30  # a narrower tooltip column goes under the key instead
TIP_INDENT = 6  # the tooltip's indent under the key


def reader_help(keymap: Mapping[str, str], width: int, ignored: Iterable[str] = ()) -> Content:
    """Every key of the reader by its footer group, then the app's own; then what config.toml
    holds that the app could not use."""
    groups: dict[str, list[Binding]] = {
        "Move": [],
        "Jump": [],
        "View": [],
        "Notes": [],
        "Review": [],
        "More": [],
    }
    for b in READER_BINDINGS:
        groups.setdefault(b.group.description if b.group else "More", []).append(b)
    groups["App"] = list(APP_BINDINGS)
    body = help_content(groups.items(), keymap, width)
    problems = list(ignored)
    if not problems:
        return body
    lines = [Content(""), Content("Ignored in config.toml").stylize("bold underline")]
    lines += [Content(f"  {line}") for line in problems]  # plain Content: never markup
    return Content("\n").join([body, *lines])


def help_content(
    groups: Iterable[tuple[str, Iterable[Binding]]], keymap: Mapping[str, str], width: int = 160
) -> Content:
    """Keys, description, tooltip and id per binding (user keymap applied); narrow: two lines."""
    box = min(int(width * BOX_SHARE), BOX_MAX) - 8  # border, padding, scroll bar, a margin
    tip_width = box - TIP_AT
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
            if tip_width >= MIN_TIP:  # wide: the tooltip beside, wrapped under itself
                first, *rest = textwrap.wrap(b.tooltip, tip_width) or [""]
                lines.append(
                    head.pad_right(max(0, TIP_AT - head.cell_length)).append(
                        Content(first).stylize("dim")
                    )
                )
                lines += [Content(" " * TIP_AT + more).stylize("dim") for more in rest]
            else:  # narrow: the tooltip under the key, each wrapped line indented alike
                under = textwrap.wrap(b.tooltip, max(MIN_TIP, box - TIP_INDENT)) or [""]
                lines += [head, *(Content(" " * TIP_INDENT + t).stylize("dim") for t in under)]
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
        width: 95%;  /* BOX_SHARE */
        max-width: 130;  /* BOX_MAX */
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
