"""A column: the article's header over its text."""

from __future__ import annotations

from urllib.parse import urlsplit

from textual.content import Content
from textual.widgets import Static

from reader.display.warning_tally import tally
from reader.ui.story_index import StoryIndex
from reader.ui.text_layout import clean_line
from reader.ui.widgets.article_text import ArticleText, Marks


def site_of(url: str) -> str:
    """The host a page came from ("news.example.org"), for a column header."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def header_content(index: StoryIndex, article_id: str) -> Content:
    """Three lines: who and when, the title, the numbers; article strings stay data, never
    markup. The numbers fit a 38-cell column; a long name or title ends in an ellipsis (CSS)."""
    article = index.story.article(article_id)
    stats = index.stats(article_id)
    who = Content.assemble(
        (f"{article_id} ", "dim"),
        (clean_line(index.story.label(article_id)), "bold"),
        (f" · {clean_line(article.date)}" if article.date else "", "dim"),
        (f" · {clean_line(site_of(article.url))}" if article.url else "", "dim"),
    )
    title = (
        Content(clean_line(article.title))
        if article.title
        else Content("(no title)").stylize("dim")
    )
    facts = [f"{stats.words} words", f"{stats.shared:.0%} shared"]
    counted = tally(stats.warnings, stats.minor)
    facts.append(f"⚠ {counted}" if stats.warnings else counted if stats.minor else "no warnings")
    return Content("\n").join([who, title, Content(" · ".join(facts))])


class ColumnHeader(Static):
    pass


class ArticleColumn:
    """One article's header over its text: two cells of the screen's column grid, not a
    container (one per column was restyled and repainted behind its children at start-up).

    Shows whichever article the screen assigns; the screen keeps the cursor and the marks.
    """

    def __init__(self, slot: int, focused: bool = False) -> None:
        """Columns are added and removed at the end, so slot 0 is always the leftmost (no
        border). The focus is given here too: the first frame needs no restyling."""
        edge = " -first" if slot == 0 else ""
        self.slot = slot
        self.article_id: str | None = None
        self.focused = focused
        self.header = ColumnHeader(classes=f"column-header{edge}{' -focused' if focused else ''}")
        self.text = ArticleText(classes=f"article-text{edge}")

    def remove(self) -> None:
        self.header.remove()
        self.text.remove()

    def show(self, index: StoryIndex, article_id: str, show_hidden: bool, focused: bool) -> None:
        if article_id != self.article_id:
            self.article_id = article_id
            self.header.update(header_content(index, article_id), layout=False)
        # On the header only: a class on the text would restyle its scrollbars (a layout pass).
        self.header.set_class(focused, "-focused")
        self.focused = focused
        self.text.show(index, article_id, show_hidden)

    def set_marks(self, marks: Marks) -> None:
        self.text.set_marks(marks)
