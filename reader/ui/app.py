"""The Textual reader: wires settings, themes, the notes store, the analysis worker and screens."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

# Importing Textual and the reader makes some hundred thousand objects (classes, functions,
# tables) that live as long as the process: the collector, run meanwhile, only re-scans them.
# Paused, then frozen (moved out of its reach), rather than left for one large collection when it
# resumes. run_app does the same from its start to the first frame.
_collecting = gc.isenabled()
gc.disable()
try:
    from textual import on, work
    from textual.app import App
    from textual.binding import BindingType

    from reader.core.model import InputError, Story
    from reader.store.notes import NoteStore, open_store
    from reader.store.settings import Settings, load_settings, update_settings
    from reader.ui.bindings import ACTION_IDS, APP_BINDINGS
    from reader.ui.notes_session import NotesSession
    from reader.ui.screens.reader import ReaderScreen
    from reader.ui.themes import DEFAULT_THEME, VARIABLE_DEFAULTS, load_themes
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

if TYPE_CHECKING:
    from textual.command import Provider

    from reader.ui.analysis_process import AnalysisProcess

TRUECOLOR_REFRESH = "_refresh_truecolor_filter"  # a Textual 8.2 internal; optional


def reader_commands() -> type[Provider]:
    """Imported when the palette first opens, not at start-up."""
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


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
        store: NoteStore | None = None,
        fast: bool = False,
        urls: Sequence[str] = (),
        fetch_mode: str = "cached",
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        # Inputs with URLs are fetched by the analysis process, so the loading panel shows it;
        # their article files (self.paths) are known once fetched.
        self.urls = list(urls)
        self.fetch_mode = fetch_mode
        self.story = story
        self.remember = remember
        self.freeze_gc = freeze_gc
        loaded = load_settings(actions=ACTION_IDS)
        if any("no such action" in line for line in loaded.ignored):
            from reader.ui.bindings import all_action_ids  # the other screens' ids too

            loaded = load_settings(actions=all_action_ids())
        self.settings: Settings = loaded.settings
        self.semantic = self.settings.semantic and not fast
        self.settings_message = loaded.message
        self.settings_ignored = loaded.ignored  # listed in the help screen too
        self.analysis: AnalysisProcess | None = None  # the analysis under way, if any
        self.analysed = False  # the final story is on screen (and cached)
        self.keymap: dict[str, str] = dict(self.settings.keymap)
        self.themes = load_themes()
        self.theme_names = [t.name for t in self.themes]
        for t in self.themes:
            self.register_theme(t)
        wanted = theme or self.settings.theme or DEFAULT_THEME
        self._start_theme(wanted if wanted in self.available_themes else DEFAULT_THEME)
        self.reader = ReaderScreen(show_minor=self.settings.minor_marks)
        self.store = store if store is not None else open_store()
        self.session = NotesSession(self, self.store, self.reader, remember)
        if self.story is None and self.paths and not self.urls:
            self.story = self._cached()  # a few ms: the first frame already shows the story
        if self.story is not None:  # the screen is composed with its columns
            self.analysed = True
            self._prepare(self.story)

    def _start_theme(self, name: str) -> None:
        """What assigning `theme` does, without the stylesheet refresh it schedules: nothing is
        parsed yet, and that refresh made Textual parse every stylesheet twice at start-up."""
        if name == self.theme:
            return
        refresh_filter = getattr(self, TRUECOLOR_REFRESH, None)
        if refresh_filter is None:
            self.theme = name  # the public way: one more stylesheet parse, same result
            return
        self.set_reactive(SameStoryApp.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.add_class(f"-theme-{name}", update=False)
        refresh_filter(self.ansi_theme)

    def get_default_screen(self) -> ReaderScreen:
        """The reader is the first screen: composed and painted like any app's default screen
        (a screen pushed from on_mount was rendered once for nothing, inside Textual's
        start-up batch)."""
        return self.reader

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        if self.keymap:
            try:
                self.set_keymap(self.keymap)
            except Exception as exc:  # a typo in the user's keymap must not stop the app
                self.notify(
                    f"[keymap] in config.toml ignored: {exc}", severity="warning", markup=False
                )
        if self.settings_message:
            self.notify(self.settings_message, severity="warning", timeout=10, markup=False)
        if self.store.message:
            self.notify(self.store.message, severity="warning", timeout=15, markup=False)
        if self.story is not None:
            self._shown()
        else:  # after the first frame: the engine's imports would hold the GIL before it
            self.call_after_refresh(self._analyse_later)

    def _analyse_later(self) -> None:
        gc.enable()  # run_app held the collector off for the first frame; the engine needs it
        self.analyse()

    def _cached(self) -> Story | None:
        from reader.store.story_cache import cache_key, load_story

        try:
            return load_story(cache_key(self.paths, self.semantic))
        except OSError:
            return None  # the worker reports unreadable paths

    @work(thread=True, exclusive=True, name="analyse")
    def analyse(self) -> None:
        from reader.store.story_cache import cache_key, save_story

        def progress(stage: str, fraction: float) -> None:
            self.call_from_thread(self.reader.set_progress, stage, fraction)

        from reader.ui.analysis_process import AnalysisProcess, Stopped

        def early(story: Story) -> None:
            self.call_from_thread(self._show, story)

        self.analysis = AnalysisProcess(
            self.urls or self.paths, fast=not self.semantic, fetch_mode=self.fetch_mode
        )
        try:
            story = self.analysis.run(progress, early)
            self.paths = self.analysis.paths
            save_story(cache_key(self.paths, self.semantic), story)
        except Stopped:
            return
        except (InputError, OSError, RuntimeError) as exc:
            self.call_from_thread(self.reader.set_error, str(exc))
            return
        self.call_from_thread(self._show, story)
        self.analysed = True
        for notice in (*self.analysis.notices, *story.notices):
            self.call_from_thread(self.notify, notice, severity="warning", timeout=8, markup=False)

    def _prepare(self, story: Story) -> None:
        """The story, the reading position, the notes and the review marks to the screen."""
        self.reader.set_story(story, self.session.start_cursor(story))
        self.session.refresh()
        self.reader.show_story()

    def _show(self, story: Story) -> None:
        if self.story is not None and self.reader.index is not None:
            # the semantic claims after the lexical ones: same texts, the reader keeps its place
            self.story = story
            self.reader.replace_story(story)
            self.session.refresh()
            return
        self.story = story
        self._prepare(story)
        self._shown()

    def _shown(self) -> None:
        if self.freeze_gc:
            # The story, the widgets and Textual's own objects live as long as the app: frozen,
            # the collector stops re-scanning them, which took 60-80 ms every few key presses
            # with 50 articles (benchmarks/ui_keys.py).
            self.call_after_refresh(self._settle_gc)

    def _settle_gc(self) -> None:
        gc.freeze()
        gc.enable()

    # -- remembering ------------------------------------------------------------------------

    @on(ReaderScreen.CursorMoved)
    def _moved(self, event: ReaderScreen.CursorMoved) -> None:
        self.session.cursor_moved(event.article, event.index)

    @on(ReaderScreen.NotesAsked)
    def _notes(self, event: ReaderScreen.NotesAsked) -> None:
        self.session.handle(event.request)

    def _save(self, change: Callable[[Settings], None]) -> None:
        try:
            update_settings(change)
        except OSError as exc:
            self.notify(f"Settings not saved: {exc}", severity="warning", timeout=5, markup=False)

    @on(ReaderScreen.MinorMarksToggled)
    def _minor_marks(self, event: ReaderScreen.MinorMarksToggled) -> None:
        if self.remember and event.shown != self.settings.minor_marks:
            self.settings.minor_marks = event.shown
            self._save(lambda s: setattr(s, "minor_marks", event.shown))

    def watch_theme(self, theme: str) -> None:
        if self.remember and self.is_running and theme != self.settings.theme:
            self.settings.theme = theme
            self._save(lambda s: setattr(s, "theme", theme))

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quitting stops an analysis under way at once (its process is ended)."""
        if self.analysis is not None:
            self.analysis.stop()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        if self.analysis is not None:
            self.analysis.stop()
        self.session.save_position()
        self.store.close()

    # -- app actions ------------------------------------------------------------------------

    def action_help(self) -> None:
        from reader.ui.dialogs.help import HelpScreen, reader_help

        self.push_screen(
            HelpScreen(reader_help(self.keymap, self.size.width, self.settings_ignored))
        )

    async def action_quit(self) -> None:
        """Notes held only in memory (read-only data directory) are offered an export first."""
        if not self.session.unsaved_notes():
            self.exit()
            return
        from reader.ui.dialogs.confirm import Confirm

        def answered(export: bool | None) -> None:
            if not export:
                self.exit()
                return
            if self.session.rescue() is not None:
                self.exit()  # run_app tells where, after the terminal is restored

        from reader.store.note_export import rescue_folder

        self.push_screen(
            Confirm(
                "Notes were not saved to disk",
                f"Export them to {rescue_folder()} before quitting?",
                yes="Export",
                no="Quit anyway",
            ),
            answered,
        )

    def action_cycle_theme(self) -> None:
        names = self.theme_names or [DEFAULT_THEME]
        i = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(i + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)


def run_app(
    paths: Sequence[Path],
    theme: str | None = None,
    fast: bool = False,
    urls: Sequence[str] = (),
    fetch_mode: str = "cached",
) -> int:
    if theme is not None:
        names = [t.name for t in load_themes()]
        if theme not in names:
            raise InputError(f"unknown theme {theme!r}; choose one of: {', '.join(names)}")
    # Start-up allocates objects that all live as long as the app: collecting meanwhile only
    # re-scans them (about 20 ms, a full collection among them, before the first frame). The
    # collector is back on once the story is painted (frozen with it) or the analysis starts.
    gc.disable()
    try:
        app = SameStoryApp(
            paths, theme=theme, freeze_gc=True, fast=fast, urls=urls, fetch_mode=fetch_mode
        )
        app.run()
    finally:
        gc.enable()
    told = exit_message(app)
    if told:
        print(told, file=sys.stderr)
    return app.return_code or 0


def exit_message(app: SameStoryApp) -> str | None:
    """Printed after the app: where notes kept in memory were exported (a path to copy)."""
    path = app.session.exported
    if path is None:
        return None
    return f"samestory: notes exported to {path}\n(bring them back: samestory notes import {path})"
