"""What a note and a review mark are, independent of how they are stored or shown."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from reader.core.model import Story
from reader.notes.anchoring import Anchor

QUICK_TAGS: tuple[str, ...] = ("artifact", "discrepancy", "verified", "question")
REVIEW_STATUSES: tuple[str, ...] = ("verified", "disputed", "unclear")

ReviewStatus = Literal["verified", "disputed", "unclear"]
Placement = Literal["anchored", "reanchored", "orphaned"]

StoryKey = tuple[str, ...]  # sorted, distinct article fingerprints


def story_key(story: Story) -> StoryKey:
    """The story is the set of its articles' texts, whatever their paths or file names."""
    return tuple(sorted({a.fingerprint for a in story.articles}))


_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def utc_now() -> str:
    """ISO 8601 UTC with microseconds, so the text sorts in time order."""
    return datetime.now(UTC).strftime(_TIME_FORMAT)


def utc_after(previous: str) -> str:
    """Now, but strictly later than `previous`: "newer modified wins" needs every change to
    move the clock forward, even two edits within one clock tick."""
    now = utc_now()
    if now > previous:
        return now
    try:
        before = datetime.strptime(previous, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return now
    return (before + timedelta(microseconds=1)).strftime(_TIME_FORMAT)


def new_id() -> str:
    return str(uuid.uuid4())


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, trimmed, distinct, in first-seen order; '#' and commas are separators."""
    out: list[str] = []
    for raw in tags:
        for part in re.split(r"[,\s]+", raw):
            tag = part.strip().lstrip("#").lower()
            if tag and tag not in out:
                out.append(tag)
    return tuple(out)


def normalize_quote(text: str) -> str:
    """Quote identity that survives reflowed whitespace."""
    return " ".join(text.split())


@dataclass(frozen=True)
class NoteDraft:
    """What the editor returns: the user's words and tags, nothing about where."""

    text: str
    tags: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.tags


@dataclass(frozen=True)
class Note:
    id: str  # uuid4, exported as urn:uuid:<id>
    story: StoryKey
    article_fp: str
    file_name: str
    anchor: Anchor
    text: str
    tags: tuple[str, ...]
    created: str
    modified: str
    app_version: str
    deleted_at: str | None = None


@dataclass(frozen=True)
class PlacedNote:
    """A note as it lands in the story now open; orphans keep only their quote."""

    note: Note
    article_id: str | None
    start: int
    end: int
    placement: Placement

    @property
    def quote(self) -> str:
        return self.note.anchor.exact

    @property
    def orphaned(self) -> bool:
        return self.placement == "orphaned"


@dataclass(frozen=True)
class MemberQuote:
    """One sentence of a reviewed claim, remembered by its text (claim ids change)."""

    article_fp: str
    file_name: str
    anchor: Anchor


@dataclass(frozen=True)
class ReviewMark:
    id: str
    story: StoryKey
    members: tuple[MemberQuote, ...]
    status: ReviewStatus
    created: str
    modified: str
    app_version: str
    deleted_at: str | None = None

    @property
    def quotes(self) -> frozenset[str]:
        return frozenset(normalize_quote(m.anchor.exact) for m in self.members)


@dataclass(frozen=True)
class SavedPosition:
    """Where the reviewer was, resolved against the story now open."""

    article_id: str
    start: int
    end: int
