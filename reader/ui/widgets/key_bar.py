"""The reader's key hints: one line drawn by one widget.

Textual's Footer mounts a widget per key and per group (about 25 on the reader), and styling,
laying out and drawing them was a fifth of the reader's start-up. This bar draws the same hints
(grouped keys, then the group's name; the command palette on the right) as one Content, and
maps a click or the pointer back to the key under it.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.content import Content, Span
from textual.widget import Widget

from reader.ui.widgets.styles import overlay_style

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.binding import ActiveBinding, Binding
    from textual.screen import Screen


class Hint(NamedTuple):
    """One key as shown: its cells on the line, the key to press, and what it does."""

    start: int
    end: int
    key: str
    tooltip: str
    enabled: bool


class Entry(NamedTuple):
    """A group (several keys, one label) or a single key with its description."""

    keys: tuple[tuple[str, str, str, bool], ...]  # (key, shown as, tooltip, enabled)
    label: str

    @property
    def width(self) -> int:
        keys = sum(len(shown) + 1 for _, shown, _, _ in self.keys) - 1
        return keys + (len(self.label) + 1 if self.label else 0)


def entries(active: dict[str, ActiveBinding], display: Callable[[Binding], str]) -> list[Entry]:
    """What Textual's compact Footer shows: one key per action, consecutive actions of a group
    as the group's keys followed by its name."""
    by_action: dict[str, tuple[Binding, bool, str]] = {}
    for _node, binding, enabled, tooltip in active.values():
        if binding.show and binding.action not in by_action:
            by_action[binding.action] = (binding, enabled, tooltip or binding.tooltip)
    out: list[Entry] = []
    for group, members in groupby(by_action.values(), lambda m: m[0].group):
        items = list(members)
        if group is not None and len(items) > 1:
            keys = tuple((b.key, display(b), tip or b.description, on) for b, on, tip in items)
            out.append(Entry(keys, group.description))
        else:
            out.extend(
                Entry(((b.key, display(b), tip or b.description, on),), b.description)
                for b, on, tip in items
            )
    return out


def bar_line(
    main: list[Entry], palette: Entry | None, width: int
) -> tuple[str, list[tuple[int, int, str]], list[Hint]]:
    """The line, its styled ranges (component names) and each key's cells.

    Entries that do not fit are left out whole; the palette key stays at the right edge (without
    its name when the line is narrow).
    """
    if palette is not None and 1 + sum(e.width + 1 for e in main) + palette.width + 3 > width:
        palette = Entry(palette.keys, "")
    room = width - (palette.width + 3 if palette is not None else 0)
    text = " "
    marks: list[tuple[int, int, str]] = []
    hints: list[Hint] = []

    def put(entry: Entry) -> None:
        nonlocal text
        for i, (key, shown, tip, enabled) in enumerate(entry.keys):
            start = len(text) + (1 if i else 0)
            text += (" " if i else "") + shown
            marks.append((start, len(text), "key"))
            if not enabled:
                marks.append((start, len(text), "disabled"))
            hints.append(Hint(start, len(text), key, tip, enabled))
        if entry.label:
            marks.append((len(text) + 1, len(text) + 1 + len(entry.label), "description"))
            text += " " + entry.label
            if len(entry.keys) == 1:  # a lone key: its description is part of what is clicked
                hints[-1] = hints[-1]._replace(end=len(text))

    for entry in main:
        if len(text) + entry.width >= room:
            break
        put(entry)
        text += " "
    if palette is not None:
        text = text.ljust(width - palette.width - 3)
        marks.append((len(text), len(text) + 1, "separator"))
        text += "▏ "
        put(palette)
    return text, marks, hints


class KeyBar(Widget, can_focus=False):
    """Redrawn when the screen's bindings change; clicking a key presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--disabled",
        "key-bar--separator",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--hover { background: $block-hover-background; }
    KeyBar > .key-bar--disabled { text-style: dim; }
    KeyBar > .key-bar--separator { color: $footer-description-foreground; text-style: dim; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.hints: list[Hint] = []
        self.hover: int | None = None  # index into hints

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def _entries(self) -> tuple[list[Entry], Entry | None]:
        app = self.app
        active = self.screen.active_bindings
        display = app.get_key_display  # only for the keys shown: a third of the bindings
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _, b, on, tip = active[app.COMMAND_PALETTE_BINDING]
            palette = Entry(((b.key, display(b), tip or b.description, on),), b.description)
        main = [e for e in entries(active, display) if e != palette]
        return main, palette

    def render(self) -> Content:
        main, palette = self._entries()
        text, marks, self.hints = bar_line(main, palette, self.size.width)
        if self.hover is not None and self.hover < len(self.hints):
            h = self.hints[self.hover]
            marks.append((h.start, h.end, "hover"))
        styles = {name: overlay_style(self, f"key-bar--{name}") for name in _NAMES}
        return Content(text, [Span(s, e, styles[name]) for s, e, name in marks])

    def hint_at(self, x: int) -> int | None:
        return next((i for i, h in enumerate(self.hints) if h.start <= x < h.end), None)

    def on_click(self, event: events.Click) -> None:
        i = self.hint_at(event.x)
        if i is None:
            return
        event.stop()
        if self.hints[i].enabled:
            self.app.simulate_key(self.hints[i].key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        i = self.hint_at(event.x)
        if i != self.hover:
            self.hover = i
            self.tooltip = self.hints[i].tooltip if i is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self.hover is not None:
            self.hover = None
            self.tooltip = None
            self.refresh()


_NAMES = ("key", "description", "hover", "disabled", "separator")
