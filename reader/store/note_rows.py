"""How notes and review marks are stored: their SQL columns and rows, and back.

A note's story is its articles' fingerprints joined by spaces; tags and a mark's quoted members
are JSON. `notes.NoteStore` runs the statements; this module only maps.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

from reader.notes.anchoring import Anchor
from reader.notes.model import MemberQuote, Note, ReviewMark, ReviewStatus, StoryKey

NOTE_COLUMNS = (
    'id, story, article_fp, file_name, exact, prefix, suffix, start, "end", body, tags, '
    "created, modified, app_version, deleted_at"
)
MARK_COLUMNS = "id, story, members, status, created, modified, app_version, deleted_at"
INSERT_NOTE = f"INSERT INTO notes ({NOTE_COLUMNS}) VALUES ({','.join('?' * 15)})"
INSERT_MARK = f"INSERT INTO review_marks ({MARK_COLUMNS}) VALUES ({','.join('?' * 8)})"


def story_text(key: StoryKey) -> str:
    return " ".join(key)


def note_from_row(row: Sequence[Any]) -> Note:
    return Note(
        id=row[0],
        story=tuple(row[1].split()),
        article_fp=row[2],
        file_name=row[3],
        anchor=Anchor(exact=row[4], prefix=row[5], suffix=row[6], start=row[7], end=row[8]),
        text=row[9],
        tags=tuple(json.loads(row[10])),
        created=row[11],
        modified=row[12],
        app_version=row[13],
        deleted_at=row[14],
    )


def note_params(n: Note) -> tuple[Any, ...]:
    a = n.anchor
    return (
        n.id,
        story_text(n.story),
        n.article_fp,
        n.file_name,
        a.exact,
        a.prefix,
        a.suffix,
        a.start,
        a.end,
        n.text,
        json.dumps(list(n.tags), ensure_ascii=False),
        n.created,
        n.modified,
        n.app_version,
        n.deleted_at,
    )


def members_to_json(members: Iterable[MemberQuote]) -> str:
    return json.dumps(
        [
            {
                "article_fp": m.article_fp,
                "file_name": m.file_name,
                "exact": m.anchor.exact,
                "prefix": m.anchor.prefix,
                "suffix": m.anchor.suffix,
                "start": m.anchor.start,
                "end": m.anchor.end,
            }
            for m in members
        ],
        ensure_ascii=False,
    )


def members_from_json(raw: str) -> tuple[MemberQuote, ...]:
    return tuple(
        MemberQuote(
            d["article_fp"],
            d["file_name"],
            Anchor(d["exact"], d["prefix"], d["suffix"], int(d["start"]), int(d["end"])),
        )
        for d in json.loads(raw)
    )


def mark_from_row(row: Sequence[Any]) -> ReviewMark:
    return ReviewMark(
        id=row[0],
        story=tuple(row[1].split()),
        members=members_from_json(row[2]),
        status=cast(ReviewStatus, row[3]),
        created=row[4],
        modified=row[5],
        app_version=row[6],
        deleted_at=row[7],
    )


def mark_params(m: ReviewMark) -> tuple[Any, ...]:
    return (
        m.id,
        story_text(m.story),
        members_to_json(m.members),
        m.status,
        m.created,
        m.modified,
        m.app_version,
        m.deleted_at,
    )
