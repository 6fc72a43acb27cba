"""Notes, review marks and the reading position of the story on screen, wired to the store.

The store is the only state: every key writes to it at once and the reader is redrawn from
what it returns, so what is shown is what is saved (and a second window's notes appear too).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.timer import Timer

from reader.core.model import Claim, Location, Sentence, Story
from reader.display.textsafe import printable
from reader.notes.model import NoteDraft, PlacedNote, ReviewStatus
from reader.notes.placement import note_offsets, notes_by_sentence
from reader.notes.review import review_label
from reader.store.notes import NoteStore, rescue_export
from reader.ui.navigation import Cursor

if TYPE_CHECKING:
    from textual.app import App

    from reader.ui.notes_requests import NoteRequest
    from reader.ui.screens.reader_view import ReaderView

POSITION_DELAY = 1.0  # seconds of stillness before the reading position is written


def notes_block(story: Story, sentence: Sentence, notes: Sequence[PlacedNote]) -> Content:
    """The inspector's 'Notes' section: each note's text and tags, and where it was written."""
    lines: list[Content] = []
    for p in notes:
        head = Content.assemble(("✎ ", "bold"), printable(p.note.text) or "(no text)")
        if p.note.tags:
            head = head.append(Content("  " + " ".join(f"#{t}" for t in p.note.tags)))
        lines.append(head)
        if p.article_id is not None and not (
            p.article_id == sentence.article and p.start < sentence.end and sentence.start < p.end
        ):
            name = printable(story.article(p.article_id).name)
            lines.append(Content(f"    on the same claim in {p.article_id} {name}").stylize("dim"))
        if p.placement == "reanchored":
            lines.append(Content("    re-anchored: its article's text changed").stylize("dim"))
    return Content("\n").join(lines)


class NotesSession:
    """The one place that writes notes and review marks: what the reader asks (`NotesAsked`)
    is done here, then the reader is handed what the store now holds."""

    def __init__(self, app: App[int], store: NoteStore, reader: ReaderView, remember: bool):
        self.app = app
        self.store = store
        self.reader = reader
        self.remember = remember
        self._saved: tuple[str, int, int] | None = None
        self._pending: tuple[str, int, int] | None = None
        self._timer: Timer | None = None
        self.exported: Path | None = None  # where notes kept in memory were rescued to

    @property
    def story(self) -> Story | None:
        return self.reader.index.story if self.reader.index else None

    @property
    def persistent(self) -> bool:
        return self.store.persistent

    # -- showing --------------------------------------------------------------------------

    def start_cursor(self, story: Story) -> Cursor | None:
        """Where the reviewer left this story (its texts, whatever their paths)."""
        if not self.remember:
            return None
        saved = self.store.load_position(story)
        if saved is None:
            return None
        s = story.sentence_at(saved.article_id, saved.start)
        if s is None:
            return None
        self._saved = (s.article, s.start, s.end)
        return Cursor(s.article, s.index)

    def refresh(self) -> None:
        """Markers, the inspector's notes and the header's progress, re-read from the store."""
        story = self.story
        if story is None:
            return
        placed = self.store.notes_for(story)
        by_sentence = notes_by_sentence(story, placed)
        contents = {
            sid: notes_block(story, story.sentence(sid), notes)
            for sid, notes in by_sentence.items()
        }
        marks = self.store.review_for(story)
        progress = self.store.progress(story)
        self.reader.set_review(
            progress.text, progress.short, {cid: m.status for cid, m in marks.items()}
        )
        self.reader.set_notes(note_offsets(story, placed), contents, by_sentence)

    # -- what the reader asks -------------------------------------------------------------

    def handle(self, request: NoteRequest) -> None:
        from reader.ui.notes_requests import AddNote, EditNote, Review, Undo  # on the first key

        story = self.story
        if story is None:
            return
        if isinstance(request, AddNote):
            draft = request.draft
            self.store.add_note(
                story, story.article(request.article), request.start, request.end, draft
            )
            self._told_saved()
        elif isinstance(request, EditNote):
            self.update_note(request.placed, request.draft)
        elif isinstance(request, Review):
            self.review(story, request.claim, request.status)
        elif isinstance(request, Undo):
            self.undo()
        else:
            self.open_list(story)
            return
        self.refresh()

    def notes_for(self, story: Story) -> list[PlacedNote]:
        return self.store.notes_for(story)

    def update_note(self, placed: PlacedNote, draft: NoteDraft) -> None:
        """A re-anchored note is moved onto today's text as it is saved."""
        story = self.story
        anchor_to = None
        if story is not None and placed.placement == "reanchored" and placed.article_id:
            anchor_to = (story.article(placed.article_id), placed.start, placed.end)
        self.store.update_note(placed.note.id, draft, anchor_to=anchor_to)
        self._told_saved()

    def _told_saved(self) -> None:
        """ "Note saved." only when it is on disk: a store kept in memory says so each time."""
        if self.store.persistent:
            self.app.notify("Note saved.", timeout=2)
        else:
            self.app.notify(
                "Note kept in memory only: notes cannot be saved to disk here. "
                "You will be offered an export when you quit.",
                severity="warning",
                timeout=6,
            )

    def delete_note(self, note_id: str) -> None:
        self.store.delete_note(note_id)

    def undo(self) -> None:
        undone = self.store.undo()
        self.app.notify(f"Undone: {undone}." if undone else "Nothing to undo.", timeout=3)

    def open_list(self, story: Story) -> None:
        from reader.ui.screens.notes import NotesScreen

        def closed(chosen: PlacedNote | None) -> None:
            self.refresh()
            if chosen is not None and chosen.article_id is not None:
                self.reader.jump_to_stop(Location(chosen.article_id, chosen.start, chosen.end))

        self.app.push_screen(NotesScreen(self, story), closed)

    def review(self, story: Story, claim: Claim, status: str) -> None:
        self.store.set_review(story, claim, cast("ReviewStatus", status) if status else None)
        done = review_label(status)
        self.app.notify(f"Claim {claim.id}: {done} (u undoes).", timeout=2, markup=False)

    # -- position -------------------------------------------------------------------------

    def cursor_moved(self, article: str, index: int) -> None:
        story = self.story
        if story is None or not self.remember:
            return
        sentences = story.sentences_of(article)
        if not sentences:
            return
        s = sentences[max(0, min(index, len(sentences) - 1))]
        here = (s.article, s.start, s.end)
        if here == self._saved or here == self._pending:
            return
        self._pending = here
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(POSITION_DELAY, self.save_position, name="save-position")

    def save_position(self) -> None:
        story, pending = self.story, self._pending
        if story is None or pending is None:
            return
        self._pending = None
        article, start, end = pending
        try:
            self.store.save_position(story, story.article(article), start, end)
        except Exception as exc:  # a full disk must not stop the reader; notes report their own
            self.app.notify(f"Position not saved: {exc}", severity="warning", markup=False)
            return
        self._saved = pending

    # -- quitting -------------------------------------------------------------------------

    def unsaved_notes(self) -> bool:
        return not self.store.persistent and bool(self.store.all_notes() or self.store.all_marks())

    def rescue(self) -> Path | None:
        try:
            self.exported = rescue_export(self.store)
        except OSError as exc:
            self.app.notify(f"Export failed: {exc}", severity="error", timeout=15, markup=False)
            return None
        return self.exported
