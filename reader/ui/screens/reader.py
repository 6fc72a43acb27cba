"""The main screen's keys: moving, walking stops, views, and the notes and review keys.

What they change is drawn by `ReaderView` (screens/reader_view.py). Notes and review keys open
their dialogs here and post what was asked (`NotesAsked`): the notes session alone writes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from reader.core.model import Location
from reader.display.counts import counted
from reader.notes.model import NoteDraft
from reader.notes.review import next_unreviewed
from reader.ui.bindings import READER_BINDINGS
from reader.ui.navigation import Cursor, Selection, StopKind, columns_for
from reader.ui.screens.reader_view import ReaderView

__all__ = ["Cursor", "ReaderScreen", "Selection", "columns_for"]


class ReaderScreen(ReaderView):
    BINDINGS: ClassVar[list[BindingType]] = list(READER_BINDINGS)

    # -- sentences ---------------------------------------------------------------------------

    def _step(self, delta: int) -> None:
        if self.cursor is not None:
            self.move_to(self.cursor.article, self.cursor.index + delta)

    def action_next_sentence(self) -> None:
        self._step(1)

    def action_previous_sentence(self) -> None:
        self._step(-1)

    def _page(self, direction: int) -> None:
        sentence = self.current_sentence()
        if sentence is None or self.focused_column() is None:
            return
        offset = self.grid.offset_paged(sentence, direction)
        self.move_to_offset(sentence.article, offset or 0)

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

    # -- columns and correspondences ---------------------------------------------------------

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
        offset = self.grid.offset_on_row(target, sentence) if sentence else None
        self.move_to(target, 0 if offset is None else self.index.landing(target, offset))

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

    # -- warnings, discrepancies, search hits ------------------------------------------------

    def _stop_step(self, kind: StopKind, step: int) -> None:
        if self.index is None or self.cursor is None:
            return
        index = self.index
        sentence = self.current_sentence()
        here = index.reading_key(self.cursor.article, sentence.start if sentence else 0)
        last = self.selected.index if self.selected and self.selected.is_a(kind) else None
        if kind == "warning":
            walked = self.walked_warnings()
            i = index.next_index(len(walked), last, here, index.warning_keys(walked), step)
            if i is None:
                hidden = "" if self.show_minor else " (minor marks hidden: m shows them)"
                self.notify(f"No warnings in this story{hidden}.", timeout=2)
                return
            w = walked[i]
            stop = Location(w.article, w.start, w.end)
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
            stop = self.hits[i]
        self.select(kind, i, stop)

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

    def set_search(self, query: str, hits: list[Location], chosen: int | None) -> None:
        self.query_text, self.hits = query, hits
        if chosen is not None and 0 <= chosen < len(hits):
            self.select("hit", chosen, hits[chosen])
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

        def done(stop: Location | None) -> None:
            if stop is not None:
                self.jump_to_stop(stop)

        article = self.cursor.article if self.cursor else None
        self.app.push_screen(OverviewScreen(self.index, self.claim_status, article), done)

    # -- views -------------------------------------------------------------------------------

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
        if self.selected and self.selected.is_a("warning"):
            self.selected = None  # its number changes with the list
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
        elif self.hits or (self.selected and self.selected.kind):
            self.hits, self.selected = [], None
            self.refresh_view(scroll=False)
        elif self.zoom:
            self.action_toggle_zoom()

    # -- notes and review: dialogs here, the store written by the notes session --------------

    def action_annotate(self) -> None:
        from reader.ui.dialogs.note_editor import NoteEditor
        from reader.ui.notes_requests import AddNote

        s = self.current_sentence()
        if self.index is None or s is None:
            return
        article = self.index.story.article(s.article)

        def written(draft: NoteDraft | None) -> None:
            if draft is not None:
                self.ask_notes(AddNote(s.article, s.start, s.end, draft))

        self.app.push_screen(NoteEditor(article.text[s.start : s.end], where=article.name), written)

    def action_edit_note(self) -> None:
        """The note shown on this sentence (the latest changed, if several) in the editor."""
        from reader.ui.dialogs.note_editor import NoteEditor
        from reader.ui.notes_requests import EditNote

        s = self.current_sentence()
        if self.index is None or s is None:
            return
        shown = self.placed_notes.get(s.id, [])
        if not shown:
            self.notify("No note on this sentence: a writes one.", timeout=3)
            return
        placed = max(shown, key=lambda p: p.note.modified)
        story = self.index.story
        where = story.article(placed.article_id).name if placed.article_id else None

        def written(draft: NoteDraft | None) -> None:
            if draft is not None:
                self.ask_notes(EditNote(placed, draft))

        editor = NoteEditor(
            placed.quote, placed.note, where=placed.note.file_name if where is None else where
        )
        self.app.push_screen(editor, written)

    def action_notes(self) -> None:
        from reader.ui.notes_requests import OpenNotes

        if self.index is not None:
            self.ask_notes(OpenNotes())

    def action_undo(self) -> None:
        from reader.ui.notes_requests import Undo

        self.ask_notes(Undo())

    def action_review(self, status: str) -> None:
        from reader.ui.notes_requests import Review

        s = self.current_sentence()
        if self.index is None or s is None:
            return
        claims = self.index.story.claims_of(s.id)
        if not claims:
            self.notify("This sentence belongs to no claim: nothing to review.", timeout=3)
            return
        self.ask_notes(Review(claims[0], status))

    def action_next_unreviewed(self) -> None:
        s = self.current_sentence()
        if self.index is None or s is None:
            return
        story, reviewed = self.index.story, self.claim_status
        target = None
        if not story.claims_of(s.id):  # off a claim: the next unreviewed one down this article
            ahead = story.sentences_of(s.article)[s.index + 1 :]
            found = (t for t in ahead if any(c.id not in reviewed for c in story.claims_of(t.id)))
            target = next(found, None)
        if target is None:
            # The next unreviewed claim after this sentence's last one that this sentence is
            # not in: a sentence in two claims kept "jumping" to itself.
            here = story.claims_of(s.id)
            elsewhere = {c.id for c in here} | set(reviewed)
            claim = next_unreviewed(story, elsewhere, here[-1].id if here else None)
            if claim is None:
                left = [c for c in here if c.id not in reviewed]
                message = (
                    f"The claims left to review are on this sentence ({len(left)})."
                    if left
                    else f"All {counted(len(story.claims), 'claim')} are reviewed."
                )
                self.notify(message, timeout=3)
                return
            members = [story.sentence(m) for m in claim.members]
            same = [m for m in members if m.article == s.article]
            order = self.index.position
            target = (same or sorted(members, key=lambda m: order.get(m.article, 0)))[0]
        self.move_to(target.article, target.index)
