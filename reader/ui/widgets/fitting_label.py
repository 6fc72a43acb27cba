"""A one-line label that shows the longest of its texts that fits its width.

The top bar shares one row with the review progress and the page position; on a narrow terminal
a long line would be cut at a word and lose the count at its end. Shorter wordings keep every
count in sight instead.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static


class FittingLabel(Static):
    def __init__(self, *texts: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self._texts = texts or ("",)

    def set_texts(self, *texts: str) -> None:
        """Texts from the longest to the shortest; the last is shown when none fits."""
        self._texts = texts or ("",)
        self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        fitting = (t for t in self._texts if cell_len(t) <= width)
        return Content(next(fitting, self._texts[-1]))
