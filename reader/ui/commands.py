"""The command palette: every reader action and every theme, searchable."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.bindings import APP_BINDINGS, READER_BINDINGS, key_display


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        screen = self.screen
        out: list[tuple[str, str, Callable[[], object]]] = []
        keymap: dict[str, str] = dict(getattr(app, "keymap", {}))
        for b in READER_BINDINGS:
            if b.id == "back":
                continue
            keys = key_display(keymap.get(b.id or "", b.key))
            action = partial(screen.run_action, b.action) if hasattr(screen, "index") else None
            if action is not None:
                out.append((f"{b.tooltip.rstrip('.')}", f"{b.description} · {keys}", action))
        for b in APP_BINDINGS:
            if b.action in ("command_palette",):
                continue
            keys = key_display(keymap.get(b.id or "", b.key))
            out.append(
                (
                    b.tooltip.rstrip("."),
                    f"{b.description} · {keys}",
                    partial(app.run_action, b.action),
                )
            )
        for name in getattr(app, "theme_names", []):
            out.append(
                (
                    f"Theme: {name}",
                    "Switch theme (remembered)",
                    partial(setattr, app, "theme", name),
                )
            )
        return out

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.9)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
