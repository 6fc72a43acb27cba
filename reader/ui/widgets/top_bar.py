"""The reader's top bar: the story's counts, the review progress and the page position."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from reader.ui.widgets.fitting_label import FittingLabel

WIDE_HEADER = 120  # narrower: the review progress is shortened, the story's title keeps room


class TopBar(Horizontal):
    def __init__(self, titles: tuple[str, ...], review: tuple[str, str]) -> None:
        super().__init__(id="top-bar")
        self._titles = titles
        self._review = review
        self._page = ""

    def compose(self) -> ComposeResult:
        yield FittingLabel(*self._titles, id="story-title")
        yield Static(self._review_shown(), id="review-status")
        yield Static("", id="page-status")

    def set_titles(self, *titles: str) -> None:
        self._titles = titles
        if self.is_mounted:
            self.query_one("#story-title", FittingLabel).set_texts(*titles)

    def set_review(self, text: str, short: str | None = None) -> None:
        """The progress: e.g. '12/35 claims reviewed, 2 disputed' ('short' if narrow)."""
        self._review = (text, short or text)
        if self.is_mounted:
            self.query_one("#review-status", Static).update(self._review_shown())

    def set_page(self, text: str) -> None:
        """The position; the bar is laid out again only when the text's width changes (it
        fits its text, so "zoom: a12 + a140 (z: all)" is never cut)."""
        if text != self._page:
            relayout = len(text) != len(self._page)
            self._page = text
            self.query_one("#page-status", Static).update(text, layout=relayout)

    def on_resize(self) -> None:
        if self._review[0]:
            self.set_review(*self._review)

    def _review_shown(self) -> Content:
        text, short = self._review
        wide = (self.screen.size.width or self.app.size.width or 80) >= WIDE_HEADER
        return Content(text if wide else short)
