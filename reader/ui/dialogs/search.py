"""`/`: search every article; the results are listed and stay walkable with > and <."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.model import Location
from reader.ui.story_index import StoryIndex
from reader.ui.text_layout import clean_line

MAX_LISTED = 500


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[Location]
    chosen: int | None


def hit_label(index: StoryIndex, hit: Location, context: int = 30) -> Content:
    article = index.story.article(hit.article)
    text = article.text
    before = clean_line(text[max(0, hit.start - context) : hit.start])
    match = clean_line(text[hit.start : hit.end])
    after = clean_line(text[hit.end : hit.end + context])
    return Content.assemble(
        (f"{hit.article} ", "dim"),
        (clean_line(index.story.label(hit.article))[:24], "bold"),
        "  …",
        before,
        (match, "reverse"),
        after,
        "…",
    )


class SearchDialog(ModalScreen[SearchResult | None]):
    DEFAULT_CSS = """
    SearchDialog { align: center middle; }
    #search-box {
        width: 90%;
        max-width: 120;
        height: 80%;
        border: round $primary;
        background: $surface;
    }
    #search-count { height: 1; padding: 0 1; color: $foreground-muted; }
    #search-list { height: 1fr; border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="search-cancel", tooltip="Close the search."),
        Binding(
            "down",
            "to_results",
            "Results",
            id="search-results",
            show=False,
            tooltip="Move into the result list.",
        ),
    ]

    def __init__(self, index: StoryIndex, query: str = "") -> None:
        super().__init__(id="search-dialog")
        self.index = index
        self.initial = query
        self.hits: list[Location] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.initial, placeholder="search every article…", id="search-input")
            yield Static("", id="search-count")
            yield OptionList(id="search-list")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._update(self.initial)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._update(event.value)

    def _update(self, query: str) -> None:
        self.hits = self.index.search(query)
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(
            Option(hit_label(self.index, h), id=str(i))
            for i, h in enumerate(self.hits[:MAX_LISTED])
        )
        n = len(self.hits)
        count = "" if not query else f"{n} result{'s' if n != 1 else ''}"
        self.query_one("#search-count", Static).update(
            count + ("  (Enter: go, ↓: list)" if n else "")
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(SearchResult(event.value, self.hits, 0 if self.hits else None))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        chosen = int(event.option.id or 0)
        self.dismiss(SearchResult(self.query_one(Input).value, self.hits, chosen))

    def action_to_results(self) -> None:
        if self.hits:
            listing = self.query_one(OptionList)
            listing.highlighted = 0
            listing.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
