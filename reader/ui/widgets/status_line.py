"""The reader's bottom line: where the cursor is, its claim, and the stop being walked."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from textual.content import Content
from textual.widgets import Static

from reader.core.model import Location, Sentence, Warning
from reader.ui.navigation import Cursor, Selection
from reader.ui.story_index import StoryIndex
from reader.ui.text_layout import clean_line


def status_text(
    index: StoryIndex,
    cursor: Cursor,
    sentence: Sentence | None,
    partners: Mapping[str, Sequence[Sentence]],
    *,
    claim_status: Mapping[str, str],
    noted: Collection[str],
    selected: Selection | None,
    walked: Sequence[Warning],
    query: str,
    hits: Sequence[Location],
) -> Content:
    """'a1 s3/12 · claim c2: in 3 articles, verified · ⚠ 1/4 name: ...'."""
    total = len(index.sentences(cursor.article))
    parts = [f"{cursor.article} s{cursor.index + 1}/{total}"]
    if sentence:
        claims = index.story.claims_of(sentence.id)
        if claims:
            claim = f"claim {claims[0].id}: in {1 + len(partners)} articles"
            status = claim_status.get(claims[0].id)
            parts.append(f"{claim}, {status}" if status else claim)
        if sentence.id in noted:
            parts.append("✎ noted (i: inspector)")
    if selected is not None and selected.kind is not None:
        i = selected.index
        if selected.kind == "warning":
            w = walked[i]
            minor = w.severity == "info"
            mark, kind = ("·", f"{w.kind} (minor)") if minor else ("⚠", w.kind)
            text = f"{mark} {i + 1}/{len(walked)} {kind}: {w.message}"
            if w.suggestion:
                text += f" → {w.suggestion}"
            parts.append(clean_line(text))
        elif selected.kind == "discrepancy":
            d = index.discrepancies[i]
            values = ", ".join(f"{v.article} {v.text}" for v in d.values)
            parts.append(clean_line(f"≠ {i + 1}/{len(index.discrepancies)} {d.kind}: {values}"))
        else:
            parts.append(clean_line(f"/{query}: {i + 1}/{len(hits)}"))
    elif hits:
        parts.append(clean_line(f"/{query}: {len(hits)} hits (> next)"))
    return Content(" · ".join(parts))


class StatusLine(Static):
    def __init__(self) -> None:
        super().__init__("", id="status-line")

    def show(self, text: Content) -> None:
        self.update(text, layout=False)
