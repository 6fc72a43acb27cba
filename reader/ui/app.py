"""The Textual reader: wires settings, themes, the analysis worker and the screens."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.timer import Timer

from reader.core.model import InputError, Story
from reader.store.settings import Position, Settings, load_settings, update_settings
from reader.ui.bindings import APP_BINDINGS, READER_BINDINGS
from reader.ui.dialogs.help import HelpScreen, help_content
from reader.ui.screens.reader import Cursor, ReaderScreen, story_key
from reader.ui.themes import DEFAULT_THEME, VARIABLE_DEFAULTS, load_themes

if TYPE_CHECKING:
    from textual.command import Provider


def reader_commands() -> type[Provider]:
    """Imported when the palette first opens, not at start-up."""
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


SAVE_DELAY = 1.5  # seconds of stillness before the reading position is written


class SameStoryApp(App[int]):
    CSS_PATH = "reader.tcss"
    TITLE = "samestory"
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)
    COMMANDS = App.COMMANDS | {reader_commands}

    def __init__(
        self,
        paths: Sequence[Path] = (),
        *,
        story: Story | None = None,
        theme: str | None = None,
        remember: bool = True,
        freeze_gc: bool = False,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.story = story
        self.remember = remember
        self.freeze_gc = freeze_gc
        loaded = load_settings()
        self.settings: Settings = loaded.settings
        self.settings_message = loaded.message
        self.keymap: dict[str, str] = dict(self.settings.keymap)
        self.themes = load_themes()
        self.theme_names = [t.name for t in self.themes]
        for t in self.themes:
            self.register_theme(t)
        wanted = theme or self.settings.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME
        self._key: str | None = None
        self._pending: Position | None = None
        self._save_timer: Timer | None = None
        self.reader = ReaderScreen()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    async def on_mount(self) -> None:
        if self.keymap:
            try:
                self.set_keymap(self.keymap)
            except Exception as exc:  # a typo in the user's keymap must not stop the app
                self.notify(
                    f"[keymap] in config.toml ignored: {exc}", severity="warning", markup=False
                )
        await self.push_screen(self.reader)
        if self.settings_message:
            self.notify(self.settings_message, severity="warning", timeout=10, markup=False)
        if self.story is None and self.paths:
            self.story = self._cached()  # a few ms: the first frame already shows the story
        if self.story is not None:
            self._show(self.story)
        else:  # after the first frame: the engine's imports would hold the GIL before it
            self.call_after_refresh(self.analyse)

    def _cached(self) -> Story | None:
        from reader.ui.story_cache import cache_key, load_story

        try:
            return load_story(cache_key(self.paths))
        except OSError:
            return None  # the worker reports unreadable paths

    @work(thread=True, exclusive=True, name="analyse")
    def analyse(self) -> None:
        from reader.ui.story_cache import cache_key, save_story

        def progress(stage: str, fraction: float) -> None:
            self.call_from_thread(self.reader.set_progress, stage, fraction)

        try:
            from reader.core.pipeline import analyse

            story = analyse(self.paths, progress)
            save_story(cache_key(self.paths), story)
        except (InputError, OSError) as exc:
            self.call_from_thread(self.reader.set_error, str(exc))
            return
        self.call_from_thread(self._show, story)

    def _show(self, story: Story) -> None:
        self.story = story
        self._key = story_key(story)
        start = None
        saved = self.settings.positions.get(self._key)
        if saved is not None:
            by_fp = {a.fingerprint: a.id for a in story.articles}
            if saved.article in by_fp:
                start = Cursor(by_fp[saved.article], saved.sentence)
        self.reader.set_story(story, start)
        if self.freeze_gc:
            # The story, the widgets and Textual's own objects live as long as the app: frozen,
            # the collector stops re-scanning them, which took 60-80 ms every few key presses
            # with 50 articles (benchmarks/ui_keys.py).
            self.call_after_refresh(gc.freeze)

    # -- remembering ------------------------------------------------------------------------

    @on(ReaderScreen.CursorMoved)
    def _moved(self, event: ReaderScreen.CursorMoved) -> None:
        if self.story is None or self._key is None:
            return
        fingerprint = self.story.article(event.article).fingerprint
        position = Position(fingerprint, event.index, event.column)
        if position != self.settings.positions.get(self._key) and self.remember:
            self._pending = position
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_position, name="save-position")

    def _save_position(self) -> None:
        if self._pending is None or self._key is None:
            return
        key, position = self._key, self._pending
        self._pending = None
        self.settings.positions[key] = position
        self._save(lambda s: s.positions.__setitem__(key, position))

    def _save(self, change: Callable[[Settings], None]) -> None:
        try:
            update_settings(change)
        except OSError as exc:
            self.notify(f"Settings not saved: {exc}", severity="warning", timeout=5, markup=False)

    def watch_theme(self, theme: str) -> None:
        if self.remember and self.is_running and theme != self.settings.theme:
            self.settings.theme = theme
            self._save(lambda s: setattr(s, "theme", theme))

    def on_unmount(self) -> None:
        self._save_position()

    # -- app actions ------------------------------------------------------------------------

    def action_help(self) -> None:
        groups: dict[str, list[Binding]] = {"Move": [], "Jump": [], "View": [], "More": []}
        for b in READER_BINDINGS:
            groups.setdefault(b.group.description if b.group else "More", []).append(b)
        groups["App"] = list(APP_BINDINGS)
        body = help_content(groups.items(), self.keymap, self.size.width)
        self.push_screen(HelpScreen(body))

    def action_cycle_theme(self) -> None:
        names = self.theme_names or [DEFAULT_THEME]
        i = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(i + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)


def run_app(paths: Sequence[Path], theme: str | None = None) -> int:
    if theme is not None:
        names = [t.name for t in load_themes()]
        if theme not in names:
            raise InputError(f"unknown theme {theme!r}; choose one of: {', '.join(names)}")
    app = SameStoryApp(paths, theme=theme, freeze_gc=True)
    app.run()
    return app.return_code or 0
