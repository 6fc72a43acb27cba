"""Notes, review marks and the reading position of the story on screen, wired to the store.

The store is the only state: every key writes to it at once and the reader is redrawn from
what it returns, so what is shown is what is saved (and a second window's notes appear too).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.timer import Timer

from reader.core.model import Claim, Sentence, Story
from reader.notes.model import PlacedNote, ReviewStatus
from reader.notes.placement import note_offsets, notes_by_sentence
from reader.notes.review import next_unreviewed
from reader.store.notes import NoteStore, rescue_export
from reader.ui.screens.reader import Cursor, ReaderScreen
from reader.ui.story_index import Stop

if TYPE_CHECKING:
    from textual.app import App

POSITION_DELAY = 1.0  # seconds of stillness before the reading position is written
STATUS_MARK = {"verified": "✓ verified", "disputed": "✗ disputed", "unclear": "? unclear"}


def notes_block(story: Story, sentence: Sentence, notes: Sequence[PlacedNote]) -> Content:
    """The inspector's 'Notes' section: each note's text and tags, and where it was written."""
    from reader.ui.dialogs.note_editor import plain

    lines: list[Content] = []
    for p in notes:
        head = Content.assemble(("✎ ", "bold"), plain(p.note.text) or "(no text)")
        if p.note.tags:
            head = head.append(Content("  " + " ".join(f"#{t}" for t in p.note.tags)))
        lines.append(head)
        if p.article_id is not None and not (
            p.article_id == sentence.article and p.start < sentence.end and sentence.start < p.end
        ):
            name = plain(story.article(p.article_id).name)
            lines.append(Content(f"    on the same claim in {p.article_id} {name}").stylize("dim"))
        if p.placement == "reanchored":
            lines.append(Content("    re-anchored: its article's text changed").stylize("dim"))
    return Content("\n").join(lines)


class NotesSession:
    """What the notes and review keys do; the app holds one and forwards its actions here."""

    def __init__(self, app: App[int], store: NoteStore, reader: ReaderScreen, remember: bool):
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
        self.reader.set_notes(note_offsets(story, placed), contents)

    # -- notes ----------------------------------------------------------------------------

    def annotate(self) -> None:
        from reader.ui.dialogs.note_editor import annotate

        story, s = self.story, self.reader.current_sentence()
        if story is None or s is None:
            return
        annotate(
            cast("App[object]", self.app),
            self.store,
            story,
            s.article,
            s.start,
            s.end,
            done=lambda _: self.refresh(),
        )

    def edit_here(self) -> None:
        """The note shown on this sentence (the latest changed, if several) in the editor."""
        from reader.ui.dialogs.note_editor import edit_note

        story, s = self.story, self.reader.current_sentence()
        if story is None or s is None:
            return
        shown = notes_by_sentence(story, self.store.notes_for(story)).get(s.id, [])
        if not shown:
            self.app.notify("No note on this sentence: a writes one.", timeout=3)
            return
        latest = max(shown, key=lambda p: p.note.modified)
        edit_note(
            cast("App[object]", self.app), self.store, story, latest, lambda _: self.refresh()
        )

    def open_list(self) -> None:
        from reader.ui.screens.notes import NotesScreen

        story = self.story
        if story is None:
            return

        def closed(chosen: PlacedNote | None) -> None:
            self.refresh()
            if chosen is not None and chosen.article_id is not None:
                self.reader.jump_to_stop(Stop(chosen.article_id, chosen.start, chosen.end))

        self.app.push_screen(NotesScreen(self.store, story), closed)

    def undo(self) -> None:
        undone = self.store.undo()
        self.app.notify(f"Undone: {undone}." if undone else "Nothing to undo.", timeout=3)
        self.refresh()

    # -- review ---------------------------------------------------------------------------

    def current_claim(self) -> Claim | None:
        story, s = self.story, self.reader.current_sentence()
        if story is None or s is None:
            return None
        claims = story.claims_of(s.id)
        return claims[0] if claims else None

    def review(self, status: str) -> None:
        story, claim = self.story, self.current_claim()
        if story is None:
            return
        if claim is None:
            self.app.notify("This sentence belongs to no claim: nothing to review.", timeout=3)
            return
        self.store.set_review(story, claim, cast("ReviewStatus", status) if status else None)
        done = STATUS_MARK.get(status, "not reviewed")
        self.app.notify(f"Claim {claim.id}: {done} (u undoes).", timeout=2, markup=False)
        self.refresh()

    def next_unreviewed(self) -> None:
        story, s = self.story, self.reader.current_sentence()
        if story is None or s is None:
            return
        matched = self.store.review_for(story)
        target = self._unreviewed_ahead(story, s, matched.keys())
        if target is None:
            here = self.current_claim()
            claim = next_unreviewed(story, matched, here.id if here else None)
            if claim is None:
                self.app.notify(f"All {len(story.claims)} claims are reviewed.", timeout=3)
                return
            members = [story.sentence(m) for m in claim.members]
            same = [m for m in members if m.article == s.article]
            order = self.reader.index.position if self.reader.index else {}
            target = (same or sorted(members, key=lambda m: order.get(m.article, 0)))[0]
        self.reader.move_to(target.article, target.index)

    def _unreviewed_ahead(
        self, story: Story, here: Sentence, reviewed: Collection[str]
    ) -> Sentence | None:
        """Off a claim, the next unreviewed claim further down this article comes first."""
        if story.claims_of(here.id):
            return None
        for s in story.sentences_of(here.article)[here.index + 1 :]:
            if any(c.id not in reviewed for c in story.claims_of(s.id)):
                return s
        return None

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
