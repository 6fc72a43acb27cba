"""One article's text, drawn line by line (Line API) with shading, warnings and highlights."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from rich.segment import Segment
from textual import events
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from reader.notes.review import REVIEW_MARKS
from reader.ui.story_index import StoryIndex
from reader.ui.text_layout import Layout, layout
from reader.ui.widgets.styles import overlay_style

GUTTER = 3  # a warning or note marker, a review mark, a space
EMPTY_LAYOUT = Layout("", [0], [], [], [])


class Marks(NamedTuple):
    """What to light in one column besides the static shading: spans are text offsets."""

    focus: tuple[int, int] | None = None  # the sentence under the cursor (focused column)
    partners: tuple[tuple[int, int], ...] = ()  # sentences corresponding to the cursor
    selected: tuple[int, int] | None = None  # the current warning / value / search hit
    search: tuple[tuple[int, int], ...] = ()
    notes: frozenset[int] = frozenset()  # offsets with a note
    reviewed: tuple[tuple[int, str], ...] = ()  # (sentence start, review status) of marked claims
    minor: bool = True  # info-level warnings are drawn


def _mark_spans(marks: Marks) -> set[tuple[str, int, int]]:
    """Every lit span with its kind, so a change of kind on the same span counts too."""
    spans = {("partner", s, e) for s, e in marks.partners}
    spans.update(("search", s, e) for s, e in marks.search)
    spans.update(("note", o, o + 1) for o in marks.notes)
    spans.update((status, o, o + 1) for o, status in marks.reviewed)
    if marks.focus:
        spans.add(("focus", *marks.focus))
    if marks.selected:
        spans.add(("selected", *marks.selected))
    return spans


def _by_row(lay: Layout, spans: list[Span]) -> dict[int, list[Span]]:
    """Each row's part of the spans (display offsets), in their order: drawing a row then
    costs its own spans, where slicing the article's Content shifted every later span."""
    rows: dict[int, list[Span]] = {}
    starts, lines = lay.starts, lay.lines
    if not lines:
        return rows
    for ds, de, style in spans:
        first = max(0, bisect.bisect_right(starts, ds) - 1)
        last = max(first, bisect.bisect_right(starts, de - 1) - 1)
        for row in range(first, last + 1):
            s, e = lines[row]
            a, b = max(ds, s), min(de, e)
            if b > a:
                rows.setdefault(row, []).append(Span(a - s, b - s, style))
    return rows


class ArticleText(ScrollView, can_focus=False):
    """Wraps to its own width, maps rows to offsets, and only draws the rows on screen."""

    # The shading and highlight styles are component classes of the screen (TEXT_COMPONENTS):
    # Textual restyles a widget's component classes with the widget, and three columns made
    # that a tenth of the start-up's styling.

    DEFAULT_CSS = """
    ArticleText {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    class Clicked(Message):
        """A sentence was clicked."""

        def __init__(self, text: ArticleText, article: str, offset: int) -> None:
            super().__init__()
            self.text = text
            self.article = article
            self.offset = offset

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.index: StoryIndex | None = None
        self.article_id: str | None = None
        self.show_hidden = False
        self.marks = Marks()
        self._layout: Layout | None = None
        self._layout_key: tuple[str | None, int, bool] | None = None
        self._line_spans: dict[int, list[Span]] | None = None  # row -> its styled spans
        self._warn_rows: set[int] = set()
        self._info_rows: set[int] = set()  # rows with info-level warnings only (minor marks)
        self._note_rows: set[int] = set()
        self._review_rows: dict[int, str] = {}
        self._strips: dict[int, Strip] = {}
        self._styles: dict[str, Style] = {}
        self._region_key: Size | None = None
        self._region_width = 0

    # -- state from the column ----------------------------------------------------------------

    def show(self, index: StoryIndex, article_id: str, show_hidden: bool) -> None:
        changed = (self.index, self.article_id, self.show_hidden) != (
            index,
            article_id,
            show_hidden,
        )
        self.index, self.article_id, self.show_hidden = index, article_id, show_hidden
        if changed:
            self.marks = Marks()
            self._relayout()
            self.scroll_to(y=0, animate=False, immediate=True)

    def set_marks(self, marks: Marks) -> None:
        """Only the rows whose marks changed are drawn again."""
        if marks == self.marks:
            return
        if marks.minor != self.marks.minor:  # every row with a minor mark: draw all again
            self.marks = marks
            self._line_spans = None
            self._strips.clear()
            self.refresh()
            return
        changed = _mark_spans(self.marks) ^ _mark_spans(marks)
        self.marks = marks
        self._line_spans = None
        lay = self._layout
        if lay is None:
            self._strips.clear()
            self.refresh()
            return
        rows: set[int] = set()
        for _, start, end in changed:
            first, last = lay.line_of(start), lay.line_of(max(start, end - 1))
            rows.update(range(first, last + 1))
        top, width = int(self.scroll_y), self.size.width
        for row in rows:
            self._strips.pop(row, None)
        visible = [row - top for row in rows if 0 <= row - top < self.size.height]
        if visible:
            self.refresh(*(Region(0, y, width, 1) for y in visible))

    @property
    def view_width(self) -> int:
        """Measured once per size (on Resize): asking Textual for regions on every row is slow."""
        if self._region_key is None:
            self._region_key = self.size
            self._region_width = self.scrollable_content_region.width
        return self._region_width

    @property
    def text_width(self) -> int:
        return max(4, self.view_width - GUTTER)

    @property
    def layout_(self) -> Layout:
        self._ensure_layout()
        return self._layout or EMPTY_LAYOUT

    def row_of(self, offset: int) -> int:
        return self.layout_.line_of(offset)

    def scroll_to_row(
        self, row: int, screen_row: int | None = None, last_row: int | None = None
    ) -> None:
        """Put row at screen_row (clamped); or, when screen_row is None, bring rows
        row..last_row into view with a margin, scrolling only when they are not."""
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if screen_row is None:
            last = max(row, last_row if last_row is not None else row)
            margin = min(2, height // 6)
            if top + margin <= row and last < top + height - margin:
                return
            target = row - height // 3 if last - row < height * 2 // 3 else row - margin
        else:
            target = row - max(0, min(screen_row, height - 1))
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def screen_row_of(self, offset: int) -> int:
        return self.row_of(offset) - int(self.scroll_y)

    # -- layout and styling --------------------------------------------------------------------

    def _ensure_layout(self) -> None:
        key = (self.article_id, self.text_width, self.show_hidden)
        if key != self._layout_key:
            self._relayout()

    def _relayout(self) -> None:
        if self.view_width <= GUTTER:  # not laid out yet: wrapping now would be wasted work
            self._region_key = None
            self._layout = None
            self._layout_key = None
            self._restyle()
            return
        self._layout_key = (self.article_id, self.text_width, self.show_hidden)
        if self.index is None or self.article_id is None:
            self._layout = None
            self._set_virtual_size(Size(0, 0))
        else:
            article = self.index.story.article(self.article_id)
            self._layout = layout(article.text, article.hidden, self.text_width, self.show_hidden)
            self._set_virtual_size(Size(self.view_width, len(self._layout.lines)))
        self._restyle()

    def _base_style(self) -> Style:
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.get_visual_style()
        return style

    def _set_virtual_size(self, size: Size) -> None:
        """Without a layout pass: a fixed-size pane only needs its scrollbar updated.

        (Assigning virtual_size lays out the whole screen, 15-20 ms at 160x48, on every page.)
        """
        if size == self.virtual_size:
            return
        if not self.is_mounted:
            self.virtual_size = size
            return
        self.set_reactive(ArticleText.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = overlay_style(self.screen, f"article-text--{name}")
        return style

    def _restyle(self) -> None:
        """Drop the styled text; it is rebuilt on the next draw (styles may not exist yet)."""
        self._strips.clear()
        self._line_spans = None
        self.refresh()

    def _build(self) -> None:
        self._warn_rows = set()
        self._info_rows = set()
        self._note_rows = set()
        self._review_rows = {}
        lay, index, aid = self._layout, self.index, self.article_id
        if lay is None or index is None or aid is None:
            return
        spans: list[Span] = []

        def add(start: int, end: int, name: str) -> None:
            ds, de = lay.to_display(start), lay.to_display(end)
            if de > ds:
                spans.append(Span(ds, de, self._style(name)))

        for s, e, n in index.shade(aid):
            add(s, e, "shared-strong" if n >= 2 else "shared")
        for ds, de in lay.hidden:
            spans.append(Span(ds, de, self._style("furniture")))
        marks = self.marks
        for s, e in marks.search:
            add(s, e, "search")
        for s, e in marks.partners:
            add(s, e, "partner")
        if marks.focus:
            add(*marks.focus, "focus")
        for w in index.warnings_of(aid):
            minor = w.severity == "info"
            if minor and not marks.minor:
                continue
            add(w.start, w.end, "artifact-info" if minor else "artifact")
            first, last = lay.line_of(w.start), lay.line_of(max(w.start, w.end - 1))
            (self._info_rows if minor else self._warn_rows).update(range(first, last + 1))
        if marks.selected:
            add(*marks.selected, "selected")
        self._note_rows = {lay.line_of(o) for o in marks.notes}
        self._review_rows = {lay.line_of(o): status for o, status in marks.reviewed}
        self._line_spans = _by_row(lay, spans)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._restyle()

    def on_resize(self, event: events.Resize) -> None:
        self._region_key = None
        self._ensure_layout()

    # -- drawing and mouse ---------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        width = self.view_width
        row = int(self.scroll_y) + y
        base = self._base_style()
        if self._line_spans is None:
            self._build()
        lay, line_spans = self._layout, self._line_spans
        if lay is None or line_spans is None or row >= len(lay.lines):
            return Strip.blank(width, base.rich_style)
        strip = self._strips.get(row)
        if strip is None:
            if row in self._warn_rows:
                marker = Segment("▌", (base + self._style("gutter-warning")).rich_style)
            elif row in self._note_rows:
                marker = Segment("•", (base + self._style("gutter-note")).rich_style)
            elif row in self._info_rows:
                marker = Segment("╎", (base + self._style("gutter-info")).rich_style)
            else:
                marker = Segment(" ", base.rich_style)
            status = self._review_rows.get(row)
            if status is None:
                review = Segment("  ", base.rich_style)
            else:
                style = (base + self._style(f"gutter-{status}")).rich_style
                review = Segment(REVIEW_MARKS[status] + " ", style)
            s, e = lay.lines[row]
            line = Content(lay.display[s:e], line_spans.get(row, []), strip_control_codes=False)
            segments = [marker, review, *line.render_segments(base)]
            strip = Strip(segments).crop_extend(0, width, base.rich_style)
            self._strips[row] = strip
        return strip

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None or self.article_id is None:
            return
        pos = self._layout.offset_at(int(self.scroll_y) + offset.y, max(0, offset.x - GUTTER))
        if pos is not None:
            self.post_message(self.Clicked(self, self.article_id, pos))
