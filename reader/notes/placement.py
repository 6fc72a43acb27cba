"""Put stored notes onto the story now open: same text, changed text, or nowhere (orphaned)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reader.core.model import Article, Story
from reader.notes.anchoring import Anchor, Match, locate, make_anchor
from reader.notes.model import Note, PlacedNote


def belongs_to(note_story: Iterable[str], article_fp: str, file_name: str, story: Story) -> bool:
    """A note may concern this story if its article, its file name or its story overlaps it."""
    fps = {a.fingerprint for a in story.articles}
    names = {a.name for a in story.articles}
    return article_fp in fps or file_name in names or not fps.isdisjoint(note_story)


def surely_belongs(note: Note, story: Story, found_stories: set[tuple[str, ...]]) -> bool:
    """Its article or one of its story's articles is here, or a sibling note (same story) was
    found. A mere file-name match is not enough: '1.txt' is in many stories."""
    fps = {a.fingerprint for a in story.articles}
    return note.article_fp in fps or not fps.isdisjoint(note.story) or note.story in found_stories


def find_anchor(
    story: Story, article_fp: str, file_name: str, anchor: Anchor
) -> tuple[Article, Match] | None:
    """Same article first; then the article with the same file name; then any article.

    A note whose own article is still in the story (same text or same file name) never moves
    to another article: a note about one outlet's wording must not land on another's.
    """
    same = [a for a in story.articles if a.fingerprint == article_fp]
    for a in same:
        m = locate(anchor, a.text)
        if m is not None:
            return a, m
    named = [a for a in story.articles if a.name == file_name and a not in same]
    for a in named:
        m = locate(anchor, a.text)
        if m is not None:
            return a, m
    if same or named:
        return None
    best: tuple[Article, Match] | None = None
    for a in story.articles:
        if a in same or a in named:
            continue
        m = locate(anchor, a.text)
        if m is not None and (best is None or m.rank > best[1].rank):
            best = a, m
    return best


def place(story: Story, note: Note) -> PlacedNote:
    found = find_anchor(story, note.article_fp, note.file_name, note.anchor)
    if found is None:
        return PlacedNote(note, None, note.anchor.start, note.anchor.end, "orphaned")
    article, m = found
    unchanged = article.fingerprint == note.article_fp and m.method == "position"
    return PlacedNote(note, article.id, m.start, m.end, "anchored" if unchanged else "reanchored")


def place_all(story: Story, notes: Iterable[Note]) -> list[PlacedNote]:
    """Placed notes in reading order (article, offset), orphans last."""
    order = {a.id: i for i, a in enumerate(story.articles)}
    placed = [place(story, n) for n in notes]
    found = {p.note.story for p in placed if not p.orphaned}
    placed = [p for p in placed if not p.orphaned or surely_belongs(p.note, story, found)]
    return sorted(
        placed,
        key=lambda p: (
            p.article_id is None,
            order.get(p.article_id or "", 0),
            p.start,
            p.note.created,
        ),
    )


def notes_by_sentence(story: Story, placed: Iterable[PlacedNote]) -> dict[str, list[PlacedNote]]:
    """Sentence id -> notes on it, including notes on any sentence of the same claim.

    The reader marks these sentences and the inspector lists their notes; a note on one
    sentence of a claim is shown on that claim in every article.
    """
    direct: dict[str, list[PlacedNote]] = {}
    for p in placed:
        if p.article_id is None:
            continue
        for s in story.sentences_of(p.article_id):
            if s.start < max(p.end, p.start + 1) and p.start < s.end:
                direct.setdefault(s.id, []).append(p)
    out: dict[str, list[PlacedNote]] = {k: list(v) for k, v in direct.items()}
    for claim in story.claims:
        shared = [p for m in claim.members for p in direct.get(m, [])]
        if not shared:
            continue
        for m in claim.members:
            have = out.setdefault(m, [])
            have.extend(p for p in shared if p not in have)
    return {k: v for k, v in out.items() if v}


def as_placed(story: Story, placed: PlacedNote) -> Note:
    """The note pointing at today's text (for export), or unchanged if anchored or orphaned."""
    if placed.placement != "reanchored" or placed.article_id is None:
        return placed.note
    article = story.article(placed.article_id)
    return replace(
        placed.note,
        article_fp=article.fingerprint,
        file_name=article.name,
        anchor=make_anchor(article.text, placed.start, placed.end),
    )


def note_offsets(story: Story, placed: Iterable[PlacedNote]) -> dict[str, frozenset[int]]:
    """Article id -> start offsets of the sentences that carry a note (for gutter markers);
    sentences of a claim with a note on any member are included."""
    out: dict[str, set[int]] = {}
    for sid in notes_by_sentence(story, placed):
        s = story.sentence(sid)
        out.setdefault(s.article, set()).add(s.start)
    return {k: frozenset(v) for k, v in out.items()}
