"""Painted at once while the analysis runs in a worker: the stage and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static


class LoadingPanel(Vertical):
    def compose(self) -> ComposeResult:
        from textual.widgets import ProgressBar  # not needed when the story comes from the cache

        yield Static("Analysing…", id="loading-stage")
        yield ProgressBar(total=1.0, show_eta=False, id="loading-bar")

    def set_progress(self, stage: str, fraction: float) -> None:
        from textual.widgets import ProgressBar

        self.query_one("#loading-stage", Static).update(f"Analysing: {stage}")
        self.query_one("#loading-bar", ProgressBar).update(progress=fraction)

    def set_error(self, message: str) -> None:
        self.query_one("#loading-stage", Static).update(Content(f"Cannot open: {message}"))
