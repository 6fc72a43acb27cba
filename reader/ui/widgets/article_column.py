"""A column: the article's header over its text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from reader.ui.story_index import StoryIndex
from reader.ui.widgets.article_text import ArticleText, Marks
from reader.ui.widgets.inspector import clean_line


def header_content(index: StoryIndex, article_id: str) -> Content:
    """Three lines: who, what, and the numbers; article strings stay data, never markup."""
    article = index.story.article(article_id)
    stats = index.stats(article_id)
    who = Content.assemble(
        (f"{article_id} ", "dim"), (clean_line(article.source or article.name), "bold")
    )
    title = (
        Content(clean_line(article.title))
        if article.title
        else Content("(no title)").stylize("dim")
    )
    facts = [article.date or "no date", f"{stats.words} words", f"{stats.shared:.0%} shared"]
    facts.append(f"⚠ {stats.warnings}" if stats.warnings else "no warnings")
    return Content("\n").join([who, title, Content(" · ".join(facts))])


class ColumnHeader(Static):
    pass


class ArticleColumn(Vertical):
    """Shows whichever article the screen assigns; the screen keeps the cursor and the marks."""

    def __init__(self, slot: int) -> None:
        super().__init__(classes="article-column")
        self.slot = slot
        self.article_id: str | None = None
        self.focused = False
        self.header = ColumnHeader(classes="column-header")
        self.text = ArticleText(classes="article-text")

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.text

    def show(self, index: StoryIndex, article_id: str, show_hidden: bool, focused: bool) -> None:
        if article_id != self.article_id:
            self.article_id = article_id
            self.header.update(header_content(index, article_id), layout=False)
        # On the header only: a class on the column would restyle its scrollbars (a layout pass).
        self.header.set_class(focused, "-focused")
        self.focused = focused
        self.text.show(index, article_id, show_hidden)

    def set_marks(self, marks: Marks) -> None:
        self.text.set_marks(marks)
