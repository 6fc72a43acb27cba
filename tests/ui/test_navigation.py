"""The reader's navigation rules, without an app (reader.ui.navigation imports no Textual)."""

from __future__ import annotations

import subprocess
import sys

from ui_story import fixture_story

from reader.core.model import Location
from reader.ui.navigation import (
    Cursor,
    Selection,
    clamp,
    columns_for,
    page_first,
    page_text,
    sentence_near,
    titles,
    visible_window,
)
from reader.ui.story_index import StoryIndex


def test_navigation_imports_no_textual() -> None:
    code = (
        "import sys, reader.ui.navigation, reader.ui.notes_requests, reader.ui.story_index;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_cursor_is_kept_inside_its_article() -> None:
    assert clamp(Cursor("a1", 9), 3) == Cursor("a1", 2)
    assert clamp(Cursor("a1", -1), 3) == Cursor("a1", 0)
    here = Cursor("a1", 1)
    assert clamp(here, 3) is here  # unchanged: the same object, so no move is seen


def test_columns_fit_the_width() -> None:
    assert columns_for(80, 6) == 2
    assert columns_for(200, 3) == 3
    assert columns_for(10, 3) == 1


def test_the_view_pages_a_whole_screen_at_a_time() -> None:
    order = ["a1", "a2", "a3", "a4", "a5"]
    assert visible_window(order, 0, "a2", 2) == (0, ["a1", "a2"])
    assert visible_window(order, 0, "a3", 2) == (2, ["a3", "a4"])
    assert visible_window(order, 2, "a4", 2) == (2, ["a3", "a4"])  # stays put
    assert visible_window(order, 2, "a5", 2) == (3, ["a4", "a5"])  # never past the end
    assert page_first(4, 0, 3, 5) == 0
    assert page_text(order, ["a3", "a4"], 2, zoom=False) == "◀ 3–4 of 5 ▶"
    assert page_text(order, ["a1", "a2"], 0, zoom=False) == "  1–2 of 5 ▶"
    assert page_text(order, order, 0, zoom=False) == "5 articles"
    assert page_text(order, ["a1", "a3"], 0, zoom=True) == "zoom: a1 + a3 (z: all)"


def test_a_position_always_lands_on_a_sentence() -> None:
    story = fixture_story()
    index = StoryIndex(story)
    sentences = story.sentences_of("a1")
    starts = [s.start for s in sentences]
    second = sentences[1]
    assert sentence_near(sentences, starts, second.start) == 1
    assert sentence_near(sentences, starts, second.end) in (1, 2)  # a gap lands before it
    assert sentence_near(sentences, starts, 0) == 0  # before the first sentence: the first
    assert sentence_near([], [], 5) == 0
    assert index.landing("a1", second.start + 1) == 1


def test_a_selection_says_what_it_is() -> None:
    stop = Location("a1", 3, 9)
    walked = Selection(stop, "warning", 2)
    assert walked.is_a("warning") and not walked.is_a("hit")
    assert Selection(stop).kind is None  # sent there by another screen


def test_titles_shorten_and_keep_every_count() -> None:
    story = fixture_story()
    longest, *rest = titles(story)
    assert longest.startswith(f"{len(story.articles)} articles")
    assert all(f"{len(story.claims)} claims" in t for t in rest)


def test_correspondences_are_gathered_per_sentence_when_asked() -> None:
    """A claim across 500 articles must not cost 500 x 500 entries before the first frame: a
    sentence's partners are found when it is asked for, and are the claim's other members."""
    from benchmarks.ui_keys import generate_story

    story = generate_story(40, 6)
    index = StoryIndex(story)
    claim = story.claims[0]
    first = claim.members[0]
    assert index.group(first) == tuple(sorted(m for m in claim.members if m != first))
    assert list(index._groups) == [first]  # nothing else was listed
    partners = index.partners(first)
    assert len(partners) == 39 and all(len(v) == 1 for v in partners.values())
