"""Mentions of a story's sentences, worked out once per distinct wording.

Wire stories repeat sentences word for word: a quarter to a third of a large story's
sentences are copies of another. A sentence's facets (`mentions.Facets`: its amounts, days
and dates with what they count and the words around them) depend only on its own text and a
few characters on either side of it, so a copy's facets are the first one's, moved to where
the copy stands. What reads more of the article (whether a date is a time stamp, the weekday
of "yesterday", which needs the article's date) is settled for each sentence anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.core.facts.mentions import NO_FACETS, Facets, Mention, facets_of, mentions_from
from reader.core.model import Sentence, Story

# The characters around a sentence that its facets read: the amount finder looks up to three
# characters back from a figure ("11:18", "COVID-19", "No. 12" and a word boundary before
# the first word) and up to four on from one ("12 pm", "43, ", "9-3").
WINDOW_BEFORE = 3
WINDOW_AFTER = 4

_Wording = tuple[str, int, int]  # a sentence's text with its window, and where it starts and ends


class SentenceMentions:
    """The mentions of each sentence of a story, asked for by sentence, each made once.

    `found`, the facets of every sentence in story order (`every_facets`, which a worker
    process finds while this one finds the claims), spares finding them here."""

    def __init__(self, story: Story, found: Sequence[Facets | None] | None = None) -> None:
        self.story = story
        self._by_id: dict[str, list[Mention]] = {}
        self._by_wording: dict[_Wording, tuple[int, Facets]] = {}
        self._found: dict[str, Facets | None] | None = None
        if found is not None:
            self._found = dict(zip((s.id for s in story.sentences), found, strict=True))

    def __call__(self, sentence: Sentence) -> list[Mention]:
        found = self._by_id.get(sentence.id)
        if found is None:
            found = self._by_id[sentence.id] = mentions_from(
                self.story, sentence, self._facets(sentence)
            )
        return found

    def _facets(self, sentence: Sentence) -> Facets:
        if self._found is not None:
            return self._found[sentence.id] or NO_FACETS
        text = self.story.article(sentence.article).text
        start, end = sentence.start, sentence.end
        before = max(0, start - WINDOW_BEFORE)
        wording = (text[before : end + WINDOW_AFTER], start - before, end - before)
        seen = self._by_wording.get(wording)
        if seen is None:
            facets = facets_of(text, start, end)
            self._by_wording[wording] = (start, facets)
            return facets
        first_start, facets = seen
        return moved(facets, start - first_start)


def every_facets(story: Story) -> list[Facets | None]:
    """The facets of every sentence of the story, in order; None for a sentence without any
    (`mentions_from` knows NO_FACETS by identity, which a pickled copy would lose)."""
    mentions = SentenceMentions(story)
    return [None if f is NO_FACETS else f for f in map(mentions._facets, story.sentences)]


def moved(facets: Facets, delta: int) -> Facets:
    """The facets of the same wording `delta` characters further on (the words and stems stay;
    the offsets move)."""
    if delta == 0 or (not facets.figures and not facets.times):
        return facets
    return Facets(
        tuple(
            replace(
                f, amount=replace(f.amount, start=f.amount.start + delta, end=f.amount.end + delta)
            )
            for f in facets.figures
        ),
        tuple((replace(r, start=r.start + delta, end=r.end + delta), c) for r, c in facets.times),
    )
