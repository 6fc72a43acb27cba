"""The notes store: saving, finding notes again by text, re-anchoring, undo, review, position."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_notes_story import FIRST, SECOND, make_story

from reader.core.model import Story
from reader.notes.anchoring import locate, make_anchor
from reader.notes.model import NoteDraft, PlacedNote, clean_tags
from reader.notes.placement import note_offsets, notes_by_sentence
from reader.store import paths
from reader.store.notes import NoteStore, open_store


@pytest.fixture
def store() -> NoteStore:
    s = open_store()
    assert s.message is None
    assert s.persistent
    yield s
    s.close()


def _add(store: NoteStore, story: Story, sid: str, text: str, *tags: str) -> str:
    s = story.sentence(sid)
    note = store.add_note(story, story.article(s.article), s.start, s.end, NoteDraft(text, tags))
    return note.id


def test_store_lives_in_the_data_dir_in_wal_mode(store: NoteStore) -> None:
    assert store.path == paths.data_dir() / "notes.sqlite3"
    assert store.path.exists()
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_note_records_where_and_what(store: NoteStore) -> None:
    story = make_story()
    nid = _add(store, story, "a1:s2", "ask the council", "Question", "#wire", "question")
    note = store.get(nid)
    assert note is not None
    a1 = story.article("a1")
    assert note.article_fp == a1.fingerprint and note.file_name == "first.txt"
    assert note.story == tuple(sorted(a.fingerprint for a in story.articles))
    assert note.anchor.exact == "Residents of the lower town were moved to the school on the hill."
    assert FIRST[note.anchor.start - len(note.anchor.prefix) : note.anchor.start] == (
        note.anchor.prefix
    )
    assert len(note.anchor.prefix) == 32 and len(note.anchor.suffix) == 32
    assert note.tags == ("question", "wire")
    assert note.created.endswith("Z") and note.created == note.modified
    assert note.app_version
    assert len(note.id) == 36


def test_notes_follow_the_text_not_the_path(store: NoteStore) -> None:
    story = make_story()
    _add(store, story, "a2:s3", "Friday or Saturday?")
    renamed = make_story({"elsewhere.md": SECOND, "other.md": FIRST})
    placed = store.notes_for(renamed)
    assert len(placed) == 1
    p = placed[0]
    assert p.placement == "anchored"
    assert p.article_id == "a1"  # SECOND is now the first article
    assert SECOND[p.start : p.end].endswith("until Saturday.")


def test_a_fresh_store_instance_sees_earlier_notes() -> None:
    story = make_story()
    first = open_store()
    _add(first, story, "a1:s1", "one")
    first.close()
    again = open_store()
    assert [p.note.text for p in again.notes_for(story)] == ["one"]
    again.close()


EDITED = "A new first paragraph was added by the editor.\n\n" + FIRST


def _noted_then_edited(store: NoteStore) -> tuple[Story, PlacedNote]:
    """A note on the first article, which then gets a new paragraph: the note re-anchors."""
    _add(store, make_story(), "a1:s3", "the date differs")
    changed = make_story({"first.txt": EDITED, "second.txt": SECOND})
    (p,) = store.notes_for(changed)
    assert p.placement == "reanchored"
    return changed, p


def test_changed_text_reanchors_by_quote(store: NoteStore) -> None:
    _, p = _noted_then_edited(store)
    assert EDITED[p.start : p.end] == "The mayor said the bridge would stay closed until Friday."


def test_reworded_text_reanchors_fuzzily(store: NoteStore) -> None:
    story = make_story()
    _add(store, story, "a1:s3", "the date differs")
    edited = FIRST.replace("would stay closed until Friday", "will remain closed until Friday")
    changed = make_story({"renamed.txt": edited, "second.txt": SECOND}, pairs=())
    (p,) = store.notes_for(changed)
    assert p.placement == "reanchored"
    assert p.article_id == "a1"
    assert edited[p.start : p.end] == "The mayor said the bridge will remain closed until Friday."


def test_quote_that_is_gone_is_orphaned_not_dropped(store: NoteStore) -> None:
    story = make_story()
    _add(store, story, "a1:s4", "who organised them?")
    _add(store, story, "a1:s1", "still there")
    gone = FIRST.replace("Volunteers filled sandbags through the night. ", "")
    changed = make_story({"first.txt": gone, "second.txt": SECOND.replace("Volunteers", "Crews")})
    placed = store.notes_for(changed)
    # every text changed, but a sibling note re-anchored: the story is recognised
    assert [(p.placement, p.quote) for p in placed] == [
        ("reanchored", "The river rose by three metres on Tuesday night."),
        ("orphaned", "Volunteers filled sandbags through the night."),
    ]


def test_repeated_quote_is_disambiguated_by_context() -> None:
    text = "Yes. The first one said yes. Yes. The second one said no. Yes."
    start = text.index("Yes.", 30)
    anchor = make_anchor(text, start, start + 4)
    shifted = "Intro. " + text
    m = locate(anchor, shifted)
    assert m is not None and m.start == start + len("Intro. ") and m.method == "exact"


def test_edit_delete_undo(store: NoteStore) -> None:
    story = make_story()
    nid = _add(store, story, "a1:s1", "first draft", "artifact")
    store.update_note(nid, NoteDraft("second draft", ("verified",)))
    note = store.get(nid)
    assert note is not None and note.text == "second draft" and note.tags == ("verified",)
    assert note.modified > note.created
    store.delete_note(nid)
    assert store.notes_for(story) == []
    deleted = store.get(nid)
    assert deleted is not None and deleted.deleted_at is not None  # soft: the row stays
    assert store.undo() == "delete note"
    assert [p.note.text for p in store.notes_for(story)] == ["second draft"]
    assert store.undo() == "edit note"
    assert [p.note.text for p in store.notes_for(story)] == ["first draft"]
    assert store.undo() == "add note"
    assert store.notes_for(story) == []
    assert store.undo() is None


def test_notes_on_a_claim_show_on_every_member(store: NoteStore) -> None:
    story = make_story()
    _add(store, story, "a1:s3", "which day?")
    by_sentence = notes_by_sentence(story, store.notes_for(story))
    assert set(by_sentence) == {"a1:s3", "a2:s3"}
    offsets = note_offsets(story, store.notes_for(story))
    assert offsets == {
        "a1": frozenset({story.sentence("a1:s3").start}),
        "a2": frozenset({story.sentence("a2:s3").start}),
    }


def test_review_marks_progress_and_next(store: NoteStore) -> None:
    story = make_story()
    c1, c2, c3, c4 = story.claims
    assert store.progress(story).text == "0/4 claims reviewed"
    store.set_review(story, c1, "verified")
    store.set_review(story, c3, "disputed")
    store.set_review(story, c3, "disputed")  # same claim twice: still one mark
    assert len(store.all_marks()) == 2
    prog = store.progress(story)
    assert (prog.reviewed, prog.total, prog.disputed) == (2, 4, 1)
    assert prog.text == "2/4 claims reviewed, 1 disputed"
    from reader.notes.review import next_unreviewed

    marks = store.review_for(story)
    assert next_unreviewed(story, marks, after=None) == c2
    assert next_unreviewed(story, marks, after="c2") == c4
    store.set_review(story, c3, None)
    assert store.progress(story).text == "1/4 claims reviewed"
    assert store.undo() == "mark claim unreviewed"
    assert store.review_for(story)["c3"].status == "disputed"


def test_review_marks_survive_renumbered_claims(store: NoteStore) -> None:
    story = make_story()
    store.set_review(story, story.claims[2], "unclear")
    # a newer engine finds the claims in another order and one more
    renumbered = make_story(pairs=((4, 4), (2, 2), (0, 1), (3, 0)))
    marks = store.review_for(renumbered)
    assert {cid: m.status for cid, m in marks.items()} == {"c2": "unclear"}


def test_position_is_restored_by_text(store: NoteStore) -> None:
    story = make_story()
    s = story.sentence("a2:s4")
    store.save_position(story, story.article("a2"), s.start, s.end)
    store.save_position(story, story.article("a2"), s.start, s.end)  # upsert, one row
    pos = store.load_position(make_story({"x.txt": FIRST, "y.txt": SECOND}))
    assert pos is not None and (pos.article_id, pos.start) == ("a2", s.start)
    shifted = make_story({"first.txt": FIRST, "second.txt": "Update. " + SECOND})
    pos2 = store.load_position(shifted)
    assert pos2 is not None and pos2.start == s.start + len("Update. ")
    assert store.load_position(make_story({"z.txt": "Nothing to do with it."})) is None


def test_clean_tags() -> None:
    assert clean_tags(["Artifact, #question", " verified  x", ""]) == (
        "artifact",
        "question",
        "verified",
        "x",
    )


def test_notes_of_other_stories_stay_out(store: NoteStore) -> None:
    story = make_story()
    _add(store, story, "a1:s1", "mine")
    other = make_story({"z.txt": "Unrelated words about a cat. It sat."})
    assert store.notes_for(other) == []
    assert replace(story) is not None
    assert Path(str(store.path)).exists()


def test_same_file_name_in_another_story_shows_nothing(store: NoteStore) -> None:
    story = make_story({"1.txt": FIRST, "2.txt": SECOND})
    _add(store, story, "a1:s1", "on the river")
    unrelated = make_story({"1.txt": "A cat sat on the mat. It purred.", "2.txt": "Dogs bark."})
    assert store.notes_for(unrelated) == []
    # ...but the same file with its text edited still finds its note
    edited = make_story({"1.txt": "Update at noon. " + FIRST})
    (p,) = store.notes_for(edited)
    assert p.placement == "reanchored"


def test_a_note_never_jumps_to_another_outlets_article(store: NoteStore) -> None:
    story = make_story()
    _add(store, story, "a1:s3", "Friday here")
    cut = make_story({"first.txt": FIRST.split(". ")[0] + ".", "second.txt": SECOND})
    (p,) = store.notes_for(cut)
    assert p.orphaned  # second.txt's near-identical "Saturday" sentence is not its passage


def test_fuzzy_search_stays_fast_on_long_articles() -> None:
    import random

    rng = random.Random(5)
    vocabulary = (FIRST + " " + SECOND).split()
    text = " ".join(rng.choice(vocabulary) for _ in range(10_000))  # ~60,000 characters
    anchors = []
    for _ in range(40):
        start = rng.randrange(0, len(text) - 300)
        anchors.append(make_anchor(text, start, start + rng.randrange(60, 250)))
    edited = " ".join(w.upper() if i % 9 == 0 else w for i, w in enumerate(text.split(" ")))
    noise = "".join(rng.choice("abcdefgh ijklmnop.") for _ in range(len(text)))
    found = [locate(a, edited) for a in anchors]  # its speed: benchmarks, not a test
    gone = [locate(a, noise) for a in anchors]
    assert all(m is not None and m.score >= 0.75 for m in found)
    assert gone == [None] * 40


def test_undoing_an_edit_that_reanchored_restores_the_old_anchor(store: NoteStore) -> None:
    changed, p = _noted_then_edited(store)
    before = p.note
    article = changed.article(p.article_id or "")
    store.update_note(before.id, NoteDraft("moved", ()), anchor_to=(article, p.start, p.end))
    (moved,) = store.notes_for(changed)
    assert moved.placement != "reanchored" and moved.note.article_fp == article.fingerprint
    assert store.undo() == "edit note"
    (back,) = store.notes_for(changed)
    assert back.note.text == "the date differs" and back.placement == "reanchored"
    assert back.note.anchor == before.anchor and back.note.article_fp == before.article_fp
    assert back.note.modified > moved.note.modified  # an undo is a change too (sync, import)


def test_two_instances_marking_one_claim_leave_one_live_mark() -> None:
    """Two instances raced: each inserted its own mark for the claim, and two live rows stayed
    (the later won only after a restart). Now each write retires the other live marks."""
    import sqlite3

    from reader.notes.model import ReviewMark
    from reader.store.note_rows import INSERT_MARK, mark_params

    story = make_story()
    claim = story.claims[0]
    a, b = open_store(), open_store()
    first = a.set_review(story, claim, "verified")
    assert first is not None
    # what a racing instance left behind: a second live row for the same claim
    with sqlite3.connect(a.path) as raw:  # type: ignore[arg-type]
        twin = ReviewMark(**{**first.__dict__, "id": "twin", "status": "unclear"})
        raw.execute(INSERT_MARK, mark_params(twin))
    assert len(b.all_marks()) == 2
    b.set_review(story, claim, "disputed")
    live = a.all_marks()
    assert [m.status for m in live] == ["disputed"]
    assert a.review_for(story)[claim.id].status == "disputed"
