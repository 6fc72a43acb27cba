"""The main screen: one column per article, the cursor, and every navigation key."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from reader.core.model import Sentence, Story, Warning
from reader.display.warning_tally import warning_tally, warnings_phrase
from reader.ui.bindings import READER_BINDINGS
from reader.ui.story_index import Hit, Stop, StoryIndex
from reader.ui.text_layout import clean_line
from reader.ui.widgets.article_column import ArticleColumn
from reader.ui.widgets.article_text import ArticleText, Marks
from reader.ui.widgets.fitting_label import FittingLabel
from reader.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from reader.ui.widgets.inspector import Inspector

MIN_COLUMN_WIDTH = 38
WIDE_HEADER = 120  # narrower: the review progress is shortened, the story's title keeps room


def columns_for(width: int, articles: int) -> int:
    return max(1, min(articles, width // MIN_COLUMN_WIDTH))


def _titles(story: Story) -> tuple[str, ...]:
    """The top bar's wordings, longest first; narrower ones keep every count (the page status
    beside them says how many articles there are)."""
    claims, found = f"{len(story.claims)} claims", len(story.discrepancies)
    phrase, short = warnings_phrase(story.warnings), f"⚠ {warning_tally(story.warnings)}"
    return (
        f"{len(story.articles)} articles · {claims} · {found} discrepancies · {phrase}",
        f"{claims} · {found} discrepancies · {phrase}",
        f"{claims} · {found} discrepancies · {short}",
        f"{claims} · {found} disc. · {short}",
    )


class Cursor:
    """An article and a sentence index within it (a plain class: a dataclass costs ~1 ms of
    start-up to create, and a named tuple's `index` is taken)."""

    __slots__ = ("article", "index")

    def __init__(self, article: str, index: int) -> None:
        self.article = article
        self.index = index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cursor):
            return NotImplemented
        return (self.article, self.index) == (other.article, other.index)

    def __hash__(self) -> int:
        return hash((self.article, self.index))

    def __repr__(self) -> str:
        return f"Cursor({self.article!r}, {self.index})"


class LoadingPanel(Vertical):
    """Painted at once while the analysis runs in a worker."""

    def compose(self) -> ComposeResult:
        from textual.widgets import ProgressBar  # not needed when the story comes from the cache

        yield Static("Analysing…", id="loading-stage")
        yield ProgressBar(total=1.0, show_eta=False, id="loading-bar")


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


class ReaderScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = list(READER_BINDINGS)
    COMPONENT_CLASSES: ClassVar[set[str]] = TEXT_COMPONENTS

    class CursorMoved(Message):
        """The reading position changed (the app remembers it)."""

        def __init__(self, article: str, index: int, column: int) -> None:
            super().__init__()
            self.article = article
            self.index = index
            self.column = column

    class MinorMarksToggled(Message):
        """Minor marks were shown or hidden (the app remembers the choice)."""

        def __init__(self, shown: bool) -> None:
            super().__init__()
            self.shown = shown

    def __init__(self, show_minor: bool = True) -> None:
        super().__init__(id="reader")
        self.index: StoryIndex | None = None
        self.cursor: Cursor | None = None
        self.first = 0  # position of the leftmost visible article
        self.zoom = False
        self.show_hidden = False
        self.show_minor = show_minor  # info-level warnings drawn and walked (m toggles)
        self.selected: tuple[str, int] | None = None  # ("warning"|"discrepancy"|"hit", index)
        self.selected_stop: Stop | None = None
        self.cycle_anchor: str | None = None  # where an Enter cycle began
        self.cycle_landing: str | None = None
        self.query_text = ""
        self.hits: list[Hit] = []
        self.note_offsets: dict[str, frozenset[int]] = {}  # article -> sentence starts with notes
        self.note_contents: dict[str, Content] = {}  # sentence id -> its notes, for the inspector
        self.claim_status: dict[str, str] = {}  # claim id -> review mark
        self._reviewed_at: dict[str, list[tuple[int, str]]] | None = None  # article -> marks
        self._review_text = ("", "")
        self.columns: list[ArticleColumn] = []
        self._page_text = ""
        self._title: tuple[str, ...] = ("samestory",)
        self._resumed = False
        self.inspector: Inspector | None = None  # mounted on first use

    def compose(self) -> ComposeResult:
        with Horizontal(id="top-bar"):
            yield FittingLabel(*self._title, id="story-title")
            yield Static(self._review_shown(), id="review-status")
            yield Static("", id="page-status")
        with Grid(id="columns", classes="-loading" if self.index is None else "") as grid:
            if self.index is None:
                yield LoadingPanel(id="loading")
            else:  # the story was ready before the screen: its columns are in the first frame
                cursor = self.cursor.article if self.cursor else None
                self.columns = [
                    ArticleColumn(slot, aid == cursor)
                    for slot, aid in enumerate(self.visible_articles())
                ]
                grid.styles.grid_size_columns = len(self.columns)
                yield from (c.header for c in self.columns)
                yield from (c.text for c in self.columns)
        yield Static("", id="status-line")
        yield KeyBar()

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume) and not self._resumed:
            # The first resume comes once every widget was mounted, and so styled: Textual's
            # restyle of them all would repeat that work (a tenth of the start-up's own time).
            self._resumed = True
            message.refresh_styles = False
        return super().post_message(message)

    def on_mount(self) -> None:
        """The story, the review progress and the notes may have been set before (from the
        cache): the first frame shows them."""
        self.set_review_status(*self._review_text)
        if self.index is not None:
            self._story_shown()

    # -- loading -----------------------------------------------------------------------------

    def set_progress(self, stage: str, fraction: float) -> None:
        from textual.widgets import ProgressBar

        if self.index is None:
            self.query_one("#loading-stage", Static).update(f"Analysing: {stage}")
            self.query_one("#loading-bar", ProgressBar).update(progress=fraction)

    def set_error(self, message: str) -> None:
        self.query_one("#loading-stage", Static).update(Content(f"Cannot open: {message}"))

    def set_story(self, story: Story, start: Cursor | None = None) -> None:
        """Before the screen is mounted, compose() builds the columns; after (the analysis ran
        in a worker), they replace the progress bar."""
        self.index = StoryIndex(story)
        self._reviewed_at = None
        first = story.articles[0].id
        cursor = start if start and start.article in self.index.position else Cursor(first, 0)
        count = len(self.index.sentences(cursor.article))
        self.cursor = Cursor(cursor.article, max(0, min(cursor.index, count - 1)))
        self._title = _titles(story)
        if self.is_mounted:
            self.query_one("#loading").remove()
            self.query_one("#columns").remove_class("-loading")
            self.query_one("#story-title", FittingLabel).set_texts(*self._title)
            self._story_shown()

    def _story_shown(self) -> None:
        assert self.index is not None
        if len(self.index.order) == 1:
            self.notify("Only one article: nothing to compare it with.", timeout=6)
        self._rebuild_columns()

    def set_review_status(self, text: str, short: str | None = None) -> None:
        """The header's progress: e.g. '12/35 claims reviewed, 2 disputed' ('short' if narrow)."""
        self._review_text = (text, short or text)
        if self.is_mounted:
            self.query_one("#review-status", Static).update(self._review_shown())

    def _review_shown(self) -> Content:
        text, short = self._review_text
        wide = (self.size.width or self.app.size.width or 80) >= WIDE_HEADER
        return Content(text if wide else short)

    def set_review(self, text: str, short: str, claim_status: dict[str, str]) -> None:
        """Progress in the header; each claim's mark in the status line, and in the gutter from
        the next redraw (the notes session calls set_notes right after, which redraws)."""
        self.claim_status = claim_status
        self._reviewed_at = None
        self.set_review_status(text, short)
        if self.is_mounted and self.index is not None and self.cursor is not None:
            self.query_one("#status-line", Static).update(self._status(), layout=False)

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

    def set_note_offsets(self, offsets: dict[str, frozenset[int]]) -> None:
        """Text offsets per article that carry a note (a gutter marker)."""
        self.set_notes(offsets, self.note_contents)

    def set_notes(self, offsets: dict[str, frozenset[int]], contents: dict[str, Content]) -> None:
        """Gutter markers, and the notes the inspector lists for each sentence."""
        self.note_offsets, self.note_contents = offsets, contents
        if self.is_mounted:
            self.refresh_view(scroll=False)

    # -- columns -----------------------------------------------------------------------------

    def visible_articles(self) -> list[str]:
        assert self.index is not None and self.cursor is not None
        order = self.index.order
        if self.zoom:
            other = self.index.closest_counterpart(self.cursor.article)
            pair = [self.cursor.article, *([other] if other else [])]
            return sorted(pair, key=lambda a: self.index.position[a] if self.index else 0)
        n = columns_for(self.size.width or self.app.size.width or 80, len(order))
        pos = self.index.position[self.cursor.article]
        if not self.first <= pos < self.first + n:
            # Page sideways a whole screen at a time: the columns stay put while the cursor
            # walks across them, instead of every column sliding on every key.
            self.first = (pos // n) * n
        self.first = max(0, min(self.first, len(order) - n))
        return order[self.first : self.first + n]

    def _rebuild_columns(self) -> None:
        if self.index is None:
            return
        wanted = len(self.visible_articles())
        grid = self.query_one("#columns", Grid)
        if wanted != len(self.columns):
            extra = self.columns[wanted:]
            self.columns = self.columns[:wanted]
            for col in extra:
                col.remove()
            new = [ArticleColumn(slot) for slot in range(len(self.columns), wanted)]
            if new:  # the grid fills row by row: every header, then every text
                headers = [c.header for c in new]
                if self.columns:
                    grid.mount_all(headers, before=self.columns[0].text)
                else:
                    grid.mount_all(headers)
                grid.mount_all([c.text for c in new])
            self.columns.extend(new)
            grid.styles.grid_size_columns = wanted
        self.refresh_view(scroll=False)
        self.call_after_refresh(self.refresh_view)

    def on_resize(self) -> None:
        if self._review_text[0]:
            self.set_review_status(*self._review_text)
        if self.index is not None:
            self._rebuild_columns()

    # -- the view ----------------------------------------------------------------------------

    def current_sentence(self) -> Sentence | None:
        if self.index is None or self.cursor is None:
            return None
        sentences = self.index.sentences(self.cursor.article)
        return sentences[self.cursor.index] if sentences else None

    def focused_column(self) -> ArticleColumn | None:
        if self.cursor is None:
            return None
        return next((c for c in self.columns if c.article_id == self.cursor.article), None)

    def refresh_view(self, scroll: bool = True) -> None:
        """Assign articles to columns, light the marks, and make the columns follow the cursor."""
        if self.index is None or self.cursor is None:
            return
        index, cursor = self.index, self.cursor
        visible = self.visible_articles()
        if len(visible) != len(self.columns):
            self._rebuild_columns()
            return
        sentence = self.current_sentence()
        partners = index.partners(sentence.id) if sentence else {}
        for column, aid in zip(self.columns, visible, strict=True):
            column.show(index, aid, self.show_hidden, aid == cursor.article)
            stop = self.selected_stop
            column.set_marks(
                Marks(
                    focus=(sentence.start, sentence.end)
                    if sentence and aid == cursor.article
                    else None,
                    partners=tuple((s.start, s.end) for s in partners.get(aid, [])),
                    selected=(stop.start, stop.end) if stop and stop.article == aid else None,
                    search=tuple((h.start, h.end) for h in self.hits if h.article == aid),
                    notes=self.note_offsets.get(aid, frozenset()),
                    reviewed=self.reviewed_offsets(aid),
                    minor=self.show_minor,
                )
            )
        if scroll:
            self._follow(sentence, partners)
        self._update_bars(visible)
        inspector = self.inspector
        if inspector is not None and inspector.display:
            sid = sentence.id if sentence else None
            inspector.show(index, sid, self.note_contents.get(sid) if sid else None)

    def _follow(self, sentence: Sentence | None, partners: dict[str, list[Sentence]]) -> None:
        """Scroll the focused column to the cursor and align every other column's partner."""
        focused = self.focused_column()
        if focused is None or sentence is None:
            return
        text = focused.text
        target = self.selected_stop.start if self.selected_stop else sentence.start
        if self.selected_stop and self.selected_stop.article != sentence.article:
            target = sentence.start
        if target == sentence.start:
            text.scroll_to_row(
                text.row_of(target), last_row=text.row_of(max(target, sentence.end - 1))
            )
        else:
            text.scroll_to_row(text.row_of(target))
        screen_row = text.screen_row_of(sentence.start)
        for column in self.columns:
            if column is focused or column.article_id is None:
                continue
            found = partners.get(column.article_id)
            if found:
                column.text.scroll_to_row(column.text.row_of(found[0].start), screen_row)
            elif self.selected_stop and self.selected_stop.article == column.article_id:
                column.text.scroll_to_row(column.text.row_of(self.selected_stop.start))

    def _update_bars(self, visible: list[str]) -> None:
        assert self.index is not None and self.cursor is not None
        order = self.index.order
        if self.zoom:
            page = f"zoom: {' + '.join(visible)} (z: all)"
        elif len(visible) < len(order):
            left = "◀ " if self.first > 0 else "  "
            right = " ▶" if self.first + len(visible) < len(order) else "  "
            page = f"{left}{self.first + 1}–{self.first + len(visible)} of {len(order)}{right}"
        else:
            page = f"{len(order)} articles"
        if page != self._page_text:
            self._page_text = page
            self.query_one("#page-status", Static).update(page, layout=False)
        self.query_one("#status-line", Static).update(self._status(), layout=False)
        self.post_message(
            self.CursorMoved(
                self.cursor.article, self.cursor.index, self.index.position[self.cursor.article]
            )
        )

    def _status(self) -> Content:
        assert self.index is not None and self.cursor is not None
        index, story = self.index, self.index.story
        sentence = self.current_sentence()
        total = len(index.sentences(self.cursor.article))
        parts = [f"{self.cursor.article} s{self.cursor.index + 1}/{total}"]
        if sentence:
            partners = index.partners(sentence.id)
            claims = story.claims_of(sentence.id)
            if claims:
                claim = f"claim {claims[0].id}: in {1 + len(partners)} articles"
                status = self.claim_status.get(claims[0].id)
                parts.append(f"{claim}, {status}" if status else claim)
            if sentence.id in self.note_contents:
                parts.append("✎ noted (i: inspector)")
        if self.selected and self.selected_stop:
            kind, i = self.selected
            if kind == "warning":
                walked = self.walked_warnings()
                w = walked[i]
                minor = w.severity == "info"
                mark, kind = ("·", f"{w.kind} (minor)") if minor else ("⚠", w.kind)
                text = f"{mark} {i + 1}/{len(walked)} {kind}: {w.message}"
                if w.suggestion:
                    text += f" → {w.suggestion}"
                parts.append(clean_line(text))
            elif kind == "discrepancy":
                d = index.discrepancies[i]
                values = ", ".join(f"{v.article} {v.text}" for v in d.values)
                parts.append(clean_line(f"≠ {i + 1}/{len(index.discrepancies)} {d.kind}: {values}"))
            elif kind == "hit":
                parts.append(clean_line(f"/{self.query_text}: {i + 1}/{len(self.hits)}"))
        elif self.hits:
            parts.append(clean_line(f"/{self.query_text}: {len(self.hits)} hits (> next)"))
        return Content(" · ".join(parts))

    # -- moving ------------------------------------------------------------------------------

    def move_to(self, article: str, index: int, keep_selection: bool = False) -> None:
        if self.index is None:
            return
        count = len(self.index.sentences(article))
        self.cursor = Cursor(article, max(0, min(index, count - 1)))
        if not keep_selection:
            self.selected = None
            self.selected_stop = None
        self.refresh_view()

    def move_to_offset(self, article: str, offset: int, keep_selection: bool = False) -> None:
        if self.index is None:
            return
        s = self.index.sentence_at(article, offset)
        self.move_to(article, s.index if s else 0, keep_selection)

    def jump_to_stop(self, stop: Stop) -> None:
        """Entry point for other screens (overview, notes): show this place in the columns."""
        self.selected = None
        self.selected_stop = stop
        self.move_to_offset(stop.article, stop.start, keep_selection=True)

    def _step(self, delta: int) -> None:
        if self.cursor is not None:
            self.move_to(self.cursor.article, self.cursor.index + delta)

    def action_next_sentence(self) -> None:
        self._step(1)

    def action_previous_sentence(self) -> None:
        self._step(-1)

    def _page_rows(self) -> int:
        column = self.focused_column()
        return max(1, column.text.scrollable_content_region.height - 2) if column else 10

    def _page(self, direction: int) -> None:
        column, sentence = self.focused_column(), self.current_sentence()
        if column is None or sentence is None or self.cursor is None:
            return
        lay = column.text.layout_
        row = column.text.row_of(sentence.start) + direction * self._page_rows()
        row = max(0, min(row, len(lay.lines) - 1))
        offset = lay.src[lay.lines[row][0]] if lay.lines else 0
        self.move_to_offset(self.cursor.article, offset)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_first_sentence(self) -> None:
        if self.cursor:
            self.move_to(self.cursor.article, 0)

    def action_last_sentence(self) -> None:
        if self.cursor and self.index:
            self.move_to(self.cursor.article, len(self.index.sentences(self.cursor.article)) - 1)

    def _column_step(self, delta: int) -> None:
        if self.index is None or self.cursor is None:
            return
        order = self.visible_articles() if self.zoom else self.index.order
        pos = order.index(self.cursor.article) if self.cursor.article in order else 0
        target = order[(pos + delta) % len(order)]
        sentence = self.current_sentence()
        partners = self.index.partners(sentence.id) if sentence else {}
        if partners.get(target):
            self.move_to(target, partners[target][0].index)
            return
        # No partner: land on the sentence at the same screen row of the target column.
        self.move_to(target, self._sentence_on_screen(target, sentence))

    def _sentence_on_screen(self, target: str, sentence: Sentence | None) -> int:
        assert self.index is not None
        column = next((c for c in self.columns if c.article_id == target), None)
        focused = self.focused_column()
        if column is None or focused is None or sentence is None:
            return 0
        row = int(column.text.scroll_y) + max(0, focused.text.screen_row_of(sentence.start))
        lay = column.text.layout_
        if not lay.lines:
            return 0
        row = max(0, min(row, len(lay.lines) - 1))
        found = self.index.sentence_at(target, lay.src[lay.lines[row][0]])
        return found.index if found else 0

    def action_next_column(self) -> None:
        self._column_step(1)

    def action_previous_column(self) -> None:
        self._column_step(-1)

    def _claim_step(self, step: int) -> None:
        if self.index is None or self.cursor is None:
            return
        found = self.index.next_partnered(self.cursor.article, self.cursor.index, step)
        if found is None:
            self.notify("No more sentences with correspondences here.", timeout=2)
            return
        self.move_to(self.cursor.article, found)

    def action_next_claim(self) -> None:
        self._claim_step(1)

    def action_previous_claim(self) -> None:
        self._claim_step(-1)

    def action_cycle_correspondence(self) -> None:
        sentence = self.current_sentence()
        if self.index is None or sentence is None:
            return
        if self.cycle_landing != sentence.id or self.cycle_anchor is None:
            self.cycle_anchor = sentence.id
        target = self.index.cycle(self.cycle_anchor, sentence.article)
        if target is None:
            self.notify("No other article reports this sentence.", timeout=2)
            return
        self.move_to(target.article, target.index)
        self.cycle_landing = target.id

    def _stop_step(self, kind: str, step: int) -> None:
        if self.index is None or self.cursor is None:
            return
        index = self.index
        sentence = self.current_sentence()
        here = index.reading_key(self.cursor.article, sentence.start if sentence else 0)
        last = self.selected[1] if self.selected and self.selected[0] == kind else None
        if kind == "warning":
            walked = self.walked_warnings()
            keys = index.warning_keys(walked)
            i = index.next_index(len(walked), last, here, keys, step)
            if i is None:
                hidden = "" if self.show_minor else " (minor marks hidden: m shows them)"
                self.notify(f"No warnings in this story{hidden}.", timeout=2)
                return
            w = walked[i]
            stop = Stop(w.article, w.start, w.end)
        elif kind == "discrepancy":
            keys = index.discrepancy_keys()
            i = index.next_index(len(index.discrepancies), last, here, keys, step)
            if i is None:
                self.notify("No discrepancies in this story.", timeout=2)
                return
            stop = index.discrepancy_stop(index.discrepancies[i], self.cursor.article)
        else:
            keys = [index.reading_key(h.article, h.start) for h in self.hits]
            i = index.next_index(len(self.hits), last, here, keys, step)
            if i is None:
                self.notify("No search results: press / to search.", timeout=2)
                return
            h = self.hits[i]
            stop = Stop(h.article, h.start, h.end)
        self.selected = (kind, i)
        self.selected_stop = stop
        self.move_to_offset(stop.article, stop.start, keep_selection=True)

    def walked_warnings(self) -> list[Warning]:
        """What w / W step through: all warnings, or the major ones while minor marks are hidden."""
        assert self.index is not None
        return self.index.warnings if self.show_minor else self.index.major_warnings

    def action_next_warning(self) -> None:
        self._stop_step("warning", 1)

    def action_previous_warning(self) -> None:
        self._stop_step("warning", -1)

    def action_next_discrepancy(self) -> None:
        self._stop_step("discrepancy", 1)

    def action_previous_discrepancy(self) -> None:
        self._stop_step("discrepancy", -1)

    def action_next_hit(self) -> None:
        self._stop_step("hit", 1)

    def action_previous_hit(self) -> None:
        self._stop_step("hit", -1)

    def set_search(self, query: str, hits: list[Hit], chosen: int | None) -> None:
        self.query_text, self.hits = query, hits
        if chosen is not None and 0 <= chosen < len(hits):
            h = hits[chosen]
            self.selected, self.selected_stop = ("hit", chosen), Stop(h.article, h.start, h.end)
            self.move_to_offset(h.article, h.start, keep_selection=True)
        else:
            self.refresh_view(scroll=False)

    def action_search(self) -> None:
        if self.index is None:
            return
        from reader.ui.dialogs.search import SearchDialog, SearchResult

        def done(result: SearchResult | None) -> None:
            if result is not None:
                self.set_search(result.query, result.hits, result.chosen)

        self.app.push_screen(SearchDialog(self.index, self.query_text), done)

    def action_overview(self) -> None:
        if self.index is None:
            return
        from reader.ui.screens.overview import OverviewScreen

        def done(stop: Stop | None) -> None:
            if stop is not None:
                self.jump_to_stop(stop)

        article = self.cursor.article if self.cursor else None
        self.app.push_screen(OverviewScreen(self.index, self.claim_status, article), done)

    def action_toggle_inspector(self) -> None:
        """Mounted the first time it is asked for: most sessions never open it, and every
        widget on the screen costs start-up time."""
        if self.inspector is None:
            from reader.ui.widgets.inspector import Inspector

            self.inspector = Inspector(id="inspector")
            self.mount(self.inspector, before=self.query_one("#status-line"))
        else:
            self.inspector.display = not self.inspector.display
        self.refresh_view(scroll=False)
        self.call_after_refresh(self.refresh_view)

    def action_toggle_zoom(self) -> None:
        if self.index is None or len(self.index.order) < 2:
            return
        self.zoom = not self.zoom
        self._rebuild_columns()

    def action_toggle_furniture(self) -> None:
        self.show_hidden = not self.show_hidden
        self.notify(
            f"Page furniture {'shown dimmed' if self.show_hidden else 'hidden'}.", timeout=2
        )
        self.refresh_view()

    def action_toggle_minor(self) -> None:
        if self.index is None:
            return
        self.show_minor = not self.show_minor
        if self.selected and self.selected[0] == "warning":
            self.selected, self.selected_stop = None, None  # its number changes with the list
        minor = len(self.index.warnings) - len(self.index.major_warnings)
        self.notify(
            f"Minor marks shown ({minor})."
            if self.show_minor
            else f"Minor marks hidden ({minor}): w / W walk warnings only.",
            timeout=2,
        )
        self.post_message(self.MinorMarksToggled(self.show_minor))
        self.refresh_view(scroll=False)

    def action_back(self) -> None:
        if self.inspector is not None and self.inspector.display:
            self.action_toggle_inspector()
        elif self.hits or self.selected:
            self.hits, self.selected, self.selected_stop = [], None, None
            self.refresh_view(scroll=False)
        elif self.zoom:
            self.action_toggle_zoom()

    @on(ArticleText.Clicked)
    def _clicked(self, event: ArticleText.Clicked) -> None:
        self.move_to_offset(event.article, event.offset)
