"""The reader's columns: one per article on screen, headers in the first row, texts below.

The grid draws what the screen tells it (which articles, which marks) and keeps the columns
aligned on the cursor's sentence; the cursor and the selection stay with the screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.app import ComposeResult
from textual.containers import Grid

from reader.core.model import Location, Sentence
from reader.ui.story_index import StoryIndex
from reader.ui.widgets.article_column import ArticleColumn
from reader.ui.widgets.article_text import Marks


class ColumnGrid(Grid):
    def __init__(self, articles: Sequence[str] = (), focused: str | None = None) -> None:
        """With articles, the columns are in the first frame; without, it shows the loading
        panel until `fit` is called."""
        super().__init__(id="columns", classes="" if articles else "-loading")
        self.columns = [ArticleColumn(slot, aid == focused) for slot, aid in enumerate(articles)]
        if self.columns:
            self.styles.grid_size_columns = len(self.columns)

    def compose(self) -> ComposeResult:
        if not self.columns:
            from reader.ui.widgets.loading_panel import LoadingPanel

            yield LoadingPanel(id="loading")
        yield from (c.header for c in self.columns)
        yield from (c.text for c in self.columns)

    def fit(self, wanted: int) -> None:
        """Add or remove columns at the end (slot 0 stays the leftmost)."""
        if wanted == len(self.columns):
            return
        extra = self.columns[wanted:]
        self.columns = self.columns[:wanted]
        for col in extra:
            col.remove()
        new = [ArticleColumn(slot) for slot in range(len(self.columns), wanted)]
        if new:  # the grid fills row by row: every header, then every text
            headers = [c.header for c in new]
            if self.columns:
                self.mount_all(headers, before=self.columns[0].text)
            else:
                self.mount_all(headers)
            self.mount_all([c.text for c in new])
        self.columns.extend(new)
        self.styles.grid_size_columns = wanted

    def column_of(self, article: str) -> ArticleColumn | None:
        return next((c for c in self.columns if c.article_id == article), None)

    def follow(
        self,
        sentence: Sentence,
        partners: Mapping[str, Sequence[Sentence]],
        stop: Location | None,
    ) -> None:
        """Scroll the cursor's column to its sentence (or the stop walked to) and align every
        other column's partner on the same screen row."""
        focused = self.column_of(sentence.article)
        if focused is None:
            return
        text = focused.text
        target = stop.start if stop and stop.article == sentence.article else sentence.start
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
            elif stop and stop.article == column.article_id:
                column.text.scroll_to_row(column.text.row_of(stop.start))

    def offset_on_row(self, article: str, from_sentence: Sentence) -> int | None:
        """The text offset at the screen row of `from_sentence`, in `article`'s column."""
        column, focused = self.column_of(article), self.column_of(from_sentence.article)
        if column is None or focused is None:
            return None
        row = int(column.text.scroll_y) + max(0, focused.text.screen_row_of(from_sentence.start))
        lay = column.text.layout_
        if not lay.lines:
            return None
        row = max(0, min(row, len(lay.lines) - 1))
        return lay.src[lay.lines[row][0]]

    def offset_paged(self, sentence: Sentence, direction: int) -> int | None:
        """The text offset a page above or below the sentence, in its column."""
        column = self.column_of(sentence.article)
        if column is None:
            return None
        text = column.text
        rows = max(1, text.scrollable_content_region.height - 2)
        lay = text.layout_
        row = max(0, min(text.row_of(sentence.start) + direction * rows, len(lay.lines) - 1))
        return lay.src[lay.lines[row][0]] if lay.lines else 0

    def paint(
        self,
        index: StoryIndex,
        visible: Sequence[str],
        marks: Sequence[Marks],
        cursor: str,
        show_hidden: bool,
    ) -> None:
        """Assign the articles to the columns (same count) and light each one's marks."""
        for column, aid, mark in zip(self.columns, visible, marks, strict=True):
            column.show(index, aid, show_hidden, aid == cursor)
            column.set_marks(mark)


__all__ = ["ColumnGrid"]
