"""The reader's state and view: the story, the cursor, the selection, and drawing them.

The rules (paging, the cursor, the selection) are in `reader.ui.navigation`; the bars, the
loading panel and the column grid are widgets; the keys are `ReaderScreen` (screens/reader.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen

from reader.core.model import Location, Sentence, Story, Warning
from reader.notes.model import PlacedNote
from reader.ui.navigation import (
    Cursor,
    Selection,
    StopKind,
    clamp,
    columns_for,
    page_text,
    titles,
    visible_window,
)
from reader.ui.story_index import StoryIndex
from reader.ui.widgets.article_text import ArticleText, Marks
from reader.ui.widgets.column_grid import ColumnGrid
from reader.ui.widgets.key_bar import KeyBar
from reader.ui.widgets.status_line import StatusLine, status_text
from reader.ui.widgets.top_bar import TopBar

if TYPE_CHECKING:
    from reader.ui.notes_requests import NoteRequest
    from reader.ui.widgets.article_column import ArticleColumn
    from reader.ui.widgets.inspector import Inspector
    from reader.ui.widgets.loading_panel import LoadingPanel

__all__ = ["Cursor", "ReaderView", "Selection", "columns_for"]

TEXT_COMPONENTS = {  # styles of the article text (ArticleText draws them, the screen holds them)
    "article-text--shared",
    "article-text--shared-strong",
    "article-text--artifact",
    "article-text--artifact-info",
    "article-text--focus",
    "article-text--partner",
    "article-text--selected",
    "article-text--search",
    "article-text--furniture",
    "article-text--gutter-warning",
    "article-text--gutter-info",
    "article-text--gutter-note",
    "article-text--gutter-verified",
    "article-text--gutter-disputed",
    "article-text--gutter-unclear",
}


class ReaderView(Screen[None]):
    COMPONENT_CLASSES: ClassVar[set[str]] = TEXT_COMPONENTS

    cursor: var[Cursor | None] = var(None, init=False)
    """The reading position; set only by moving (the story's start is set without a message)."""

    @dataclass
    class CursorMoved(Message):
        """The reading position changed (the notes session remembers it). Posted only when the
        cursor moves; a burst of moves (a held key) is coalesced to the latest."""

        article: str
        index: int
        column: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReaderView.CursorMoved)

    @dataclass
    class MinorMarksToggled(Message):
        """Minor marks were shown or hidden (the app remembers the choice)."""

        shown: bool

    @dataclass
    class NotesAsked(Message):
        """A note written or edited, a review mark, undo, the notes list: for the notes session,
        the one place that writes to the store."""

        request: NoteRequest

    def __init__(self, show_minor: bool = True) -> None:
        super().__init__(id="reader")
        self.index: StoryIndex | None = None
        self.first = 0  # position of the leftmost visible article
        self.zoom = False
        self.show_hidden = False
        self.show_minor = show_minor  # info-level warnings drawn and walked (m toggles)
        self.selected: Selection | None = None
        self.cycle_anchor: str | None = None  # where an Enter cycle began
        self.cycle_landing: str | None = None
        self.query_text = ""
        self.hits: list[Location] = []
        self.note_offsets: dict[str, frozenset[int]] = {}  # article -> sentence starts with notes
        self.note_contents: dict[str, Content] = {}  # sentence id -> its notes, for the inspector
        self.placed_notes: dict[str, list[PlacedNote]] = {}  # sentence id -> its notes
        self.claim_status: dict[str, str] = {}  # claim id -> review mark
        self._reviewed_at: dict[str, list[tuple[int, str]]] | None = None  # article -> marks
        self._review_text = ("", "")
        self._title: tuple[str, ...] = ("samestory",)
        self._shown: tuple[Sentence | None, Mapping[str, Sequence[Sentence]]] = (None, {})
        self._resumed = False
        self._on_screen = False  # the story's columns are drawn (set_notes redraws them)
        self.inspector: Inspector | None = None  # mounted on first use

    def compose(self) -> ComposeResult:
        self.top_bar = TopBar(self._title, self._review_text)
        if self.index is None or self.cursor is None:
            self.grid = ColumnGrid()
        else:  # the story was ready before the screen: its columns are in the first frame
            self.grid = ColumnGrid(self.visible_articles(), self.cursor.article)
        self.status_line = StatusLine()
        yield self.top_bar
        yield self.grid
        yield self.status_line
        yield KeyBar()

    @property
    def columns(self) -> list[ArticleColumn]:
        return self.grid.columns

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume) and not self._resumed:
            # The first resume comes once every widget was mounted, and so styled: Textual's
            # restyle of them all would repeat that work (a tenth of the start-up's own time).
            self._resumed = True
            message.refresh_styles = False
        return super().post_message(message)

    def on_mount(self) -> None:
        """The story may have been set before (from the cache): the first frame shows it."""
        if self.index is not None:
            self._story_shown()

    def watch_cursor(self, old: Cursor | None, new: Cursor | None) -> None:
        if new is not None and self.index is not None:
            self.post_message(
                self.CursorMoved(new.article, new.index, self.index.position[new.article])
            )

    # -- the story, the notes and the review from outside --------------------------------------

    def set_progress(self, stage: str, fraction: float) -> None:
        if self.index is None:
            self._loading().set_progress(stage, fraction)

    def set_error(self, message: str) -> None:
        self._loading().set_error(message)

    def _loading(self) -> LoadingPanel:
        from reader.ui.widgets.loading_panel import LoadingPanel

        return self.query_one("#loading", LoadingPanel)

    def set_story(self, story: Story, start: Cursor | None = None) -> None:
        """The story and where reading starts (not a move: no message). Shown by `show_story`,
        once the notes and marks are set too, so the columns are drawn once."""
        self.index = StoryIndex(story)
        self._reviewed_at = None
        first = story.articles[0].id
        cursor = start if start and start.article in self.index.position else Cursor(first, 0)
        self.set_reactive(ReaderView.cursor, clamp(cursor, len(story.sentences_of(cursor.article))))
        self._title = titles(story)

    def replace_story(self, story: Story) -> None:
        """A better analysis of the texts on screen (the semantic claims after the lexical
        ones): where the reader is stays put; the columns are drawn again with it."""
        self.set_story(story, self.cursor)
        if self._on_screen:
            self.top_bar.set_titles(*self._title)
            for column in self.columns:
                column.article_id = None  # the header's figures are redrawn too
            self._rebuild_columns()

    def show_story(self) -> None:
        """Before the screen is mounted, compose() builds the columns; after (the analysis ran
        in a worker), they replace the progress bar."""
        if self.is_mounted and self.index is not None and not self._on_screen:
            self.query_one("#loading").remove()
            self.grid.remove_class("-loading")
            self.top_bar.set_titles(*self._title)
            self._story_shown()

    def _story_shown(self) -> None:
        assert self.index is not None
        self._on_screen = True
        if len(self.index.order) == 1:
            self.notify("Only one article: nothing to compare it with.", timeout=6)
        self._rebuild_columns()

    def set_review_status(self, text: str, short: str | None = None) -> None:
        """The header's progress: e.g. '12/35 claims reviewed, 2 disputed' ('short' if narrow)."""
        self._review_text = (text, short or text)
        if self.is_mounted:
            self.top_bar.set_review(text, short)

    def set_review(self, text: str, short: str, claim_status: dict[str, str]) -> None:
        """Progress in the header; each claim's mark in the status line, and in the gutter from
        the next redraw (the notes session calls set_notes right after, which redraws)."""
        self.claim_status = claim_status
        self._reviewed_at = None
        self.set_review_status(text, short)
        if self._on_screen:
            self._show_status(*self._shown)

    def reviewed_offsets(self, article_id: str) -> tuple[tuple[int, str], ...]:
        """(sentence start, status) of the article's sentences whose claim carries a mark."""
        if self._reviewed_at is None:
            self._reviewed_at = {}
            story = self.index.story if self.index else None
            if story is not None and self.claim_status:
                for s in story.sentences:
                    claims = story.claims_of(s.id)
                    status = self.claim_status.get(claims[0].id) if claims else None
                    if status:
                        self._reviewed_at.setdefault(s.article, []).append((s.start, status))
        return tuple(self._reviewed_at.get(article_id, ()))

    def set_notes(
        self,
        offsets: dict[str, frozenset[int]],
        contents: dict[str, Content],
        placed: dict[str, list[PlacedNote]] | None = None,
    ) -> None:
        """Gutter markers, the notes the inspector lists and the notes `e` edits, by sentence."""
        self.note_offsets, self.note_contents = offsets, contents
        if placed is not None:
            self.placed_notes = placed
        if self._on_screen:
            self.refresh_view(scroll=False)

    # -- columns -----------------------------------------------------------------------------

    def visible_articles(self) -> list[str]:
        assert self.index is not None and self.cursor is not None
        index, here = self.index, self.cursor.article
        if self.zoom:
            other = index.closest_counterpart(here)
            return sorted([here, *([other] if other else [])], key=index.position.__getitem__)
        n = columns_for(self.size.width or self.app.size.width or 80, len(index.order))
        self.first, shown = visible_window(index.order, self.first, here, n)
        return shown

    def _rebuild_columns(self) -> None:
        if self.index is not None:
            self.grid.fit(len(self.visible_articles()))
            self.refresh_view(scroll=False)
            self.call_after_refresh(self._follow)

    def on_resize(self) -> None:
        """A new width rewraps the texts: the columns are aligned again once laid out; their
        number changes only when a column more or less fits."""
        if self.index is None or self.cursor is None:
            return
        if len(self.visible_articles()) != len(self.columns):
            self._rebuild_columns()
        else:
            self.call_after_refresh(self._follow)

    # -- the view ----------------------------------------------------------------------------

    def current_sentence(self) -> Sentence | None:
        if self.index is None or self.cursor is None:
            return None
        sentences = self.index.sentences(self.cursor.article)
        return sentences[self.cursor.index] if sentences else None

    def focused_column(self) -> ArticleColumn | None:
        return self.grid.column_of(self.cursor.article) if self.cursor else None

    def refresh_view(self, scroll: bool = True) -> None:
        """Assign articles to columns, light the marks, and make the columns follow the cursor.
        The sentence and its partners are found once here and handed to everything drawn."""
        if self.index is None or self.cursor is None:
            return
        index, here = self.index, self.cursor.article
        visible = self.visible_articles()
        if len(visible) != len(self.columns):
            self._rebuild_columns()
            return
        sentence = self.current_sentence()
        partners = index.partners(sentence.id) if sentence else {}
        self._shown = (sentence, partners)
        stop = self.selected.stop if self.selected else None
        marks = [
            Marks(
                focus=(sentence.start, sentence.end) if sentence and aid == here else None,
                partners=tuple((s.start, s.end) for s in partners.get(aid, [])),
                selected=(stop.start, stop.end) if stop and stop.article == aid else None,
                search=tuple((h.start, h.end) for h in self.hits if h.article == aid),
                notes=self.note_offsets.get(aid, frozenset()),
                reviewed=self.reviewed_offsets(aid),
                minor=self.show_minor,
            )
            for aid in visible
        ]
        self.grid.paint(index, visible, marks, here, self.show_hidden)
        if scroll:
            self._follow()
        self.top_bar.set_page(page_text(index.order, visible, self.first, self.zoom))
        self._show_status(sentence, partners)
        inspector = self.inspector
        if inspector is not None and inspector.display:
            sid = sentence.id if sentence else None
            notes = self.note_contents.get(sid) if sid else None
            inspector.show(index, sid, notes, partners)

    def _follow(self) -> None:
        sentence, partners = self._shown
        if sentence is not None:
            self.grid.follow(sentence, partners, self.selected.stop if self.selected else None)

    def _show_status(
        self, sentence: Sentence | None, partners: Mapping[str, Sequence[Sentence]]
    ) -> None:
        assert self.index is not None and self.cursor is not None
        text = status_text(
            self.index,
            self.cursor,
            sentence,
            partners,
            claim_status=self.claim_status,
            noted=self.note_contents.keys(),
            selected=self.selected,
            walked=self.walked_warnings(),
            query=self.query_text,
            hits=self.hits,
        )
        self.status_line.show(text)

    def walked_warnings(self) -> list[Warning]:
        """What w / W step through: all warnings, or the major ones while minor marks are hidden."""
        assert self.index is not None
        return self.index.warnings if self.show_minor else self.index.major_warnings

    # -- moving ------------------------------------------------------------------------------

    def move_to(self, article: str, index: int, keep_selection: bool = False) -> None:
        if self.index is None:
            return
        self.cursor = clamp(Cursor(article, index), len(self.index.sentences(article)))
        if not keep_selection:
            self.selected = None
        self.refresh_view()

    def move_to_offset(self, article: str, offset: int, keep_selection: bool = False) -> None:
        if self.index is not None:
            self.move_to(article, self.index.landing(article, offset), keep_selection)

    def jump_to_stop(self, stop: Location) -> None:
        """Entry point for other screens (overview, notes): show this place in the columns."""
        self.selected = Selection(stop)
        self.move_to_offset(stop.article, stop.start, keep_selection=True)

    def select(self, kind: StopKind, i: int, stop: Location) -> None:
        self.selected = Selection(stop, kind, i)
        self.move_to_offset(stop.article, stop.start, keep_selection=True)

    def ask_notes(self, request: NoteRequest) -> None:
        self.post_message(self.NotesAsked(request))

    @on(ArticleText.Clicked)
    def _clicked(self, event: ArticleText.Clicked) -> None:
        self.move_to_offset(event.article, event.offset)
