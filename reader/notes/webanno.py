"""Notes and review marks as a W3C Web Annotation collection (JSON-LD), and back.

Notes are `commenting` annotations whose tags are extra `tagging` bodies; review marks are
`assessing` annotations with one target per sentence of the claim. Each target names the
article by content (`urn:sha256:<fingerprint>`) so any tool holding the same text can anchor
it, and carries both a TextQuoteSelector and a TextPositionSelector. What the model has no
term for (file name, story, app version) goes under `samestory:` keys, which JSON-LD reads as
IRIs and other tools ignore.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from reader import __version__
from reader.core.model import InputError
from reader.notes.anchoring import Anchor
from reader.notes.model import (
    REVIEW_STATUSES,
    MemberQuote,
    Note,
    PlacedNote,
    ReviewMark,
    ReviewStatus,
    clean_tags,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_SHA = "urn:sha256:"
_UUID = "urn:uuid:"
_NS = "samestory:"


def _target(article_fp: str, file_name: str, anchor: Anchor) -> dict[str, Any]:
    return {
        "type": "SpecificResource",
        "source": _SHA + article_fp,
        _NS + "fileName": file_name,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": anchor.exact,
                "prefix": anchor.prefix,
                "suffix": anchor.suffix,
            },
            {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
        ],
    }


def note_annotation(note: Note) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": note.text,
            "format": "text/plain",
            "purpose": "commenting",
        }
    ]
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in note.tags]
    out: dict[str, Any] = {
        "id": _UUID + note.id,
        "type": "Annotation",
        "motivation": "commenting",
        "created": note.created,
        "modified": note.modified,
        "body": body,
        "target": _target(note.article_fp, note.file_name, note.anchor),
        _NS + "story": list(note.story),
        _NS + "appVersion": note.app_version,
    }
    if note.deleted_at:
        out[_NS + "deleted"] = note.deleted_at
    return out


def mark_annotation(mark: ReviewMark) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": _UUID + mark.id,
        "type": "Annotation",
        "motivation": "assessing",
        "created": mark.created,
        "modified": mark.modified,
        "body": [{"type": "TextualBody", "value": mark.status, "purpose": "assessing"}],
        "target": [_target(m.article_fp, m.file_name, m.anchor) for m in mark.members],
        _NS + "story": list(mark.story),
        _NS + "appVersion": mark.app_version,
    }
    if mark.deleted_at:
        out[_NS + "deleted"] = mark.deleted_at
    return out


def collection(
    notes: Iterable[Note | PlacedNote],
    marks: Iterable[ReviewMark] = (),
    label: str = "",
    pages: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The notes and marks as a W3C AnnotationCollection; `pages` (article fingerprint -> URL)
    adds the page an article came from to its targets."""
    pages = pages or {}
    items = [note_annotation(n.note if isinstance(n, PlacedNote) else n) for n in notes]
    items += [mark_annotation(m) for m in marks]
    for item in items:  # the page each article was read from, where it was one
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for target in targets:
            url = pages.get(str(target["source"]).removeprefix(_SHA))
            if url:
                target[_NS + "url"] = url
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label or "samestory notes",
        "generator": {"type": "Software", "name": f"samestory {__version__}"},
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def dumps(
    notes: Iterable[Note | PlacedNote],
    marks: Iterable[ReviewMark] = (),
    pages: Mapping[str, str] | None = None,
) -> str:
    return json.dumps(collection(notes, marks, pages=pages), ensure_ascii=False, indent=2) + "\n"


# ---- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    notes: list[Note]
    marks: list[ReviewMark]
    skipped: list[str]  # why an item could not be read, one line each


def _items(doc: Any) -> list[Any]:
    """Items of a collection (embedded first page or plain `items`), a page, a list, or one."""
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        raise InputError("not a Web Annotation document: expected a JSON object or list")
    kind = doc.get("type")
    if kind == "Annotation":
        return [doc]
    items: list[Any] = []
    first = doc.get("first")
    page: Any = first if isinstance(first, dict) else None
    while isinstance(page, dict):
        items.extend(page.get("items") or [])
        page = page.get("next") if isinstance(page.get("next"), dict) else None
    items.extend(doc.get("items") or [])
    seen: set[str] = set()
    unique = []
    for item in items:
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str) and ident in seen:
            continue
        if isinstance(ident, str):
            seen.add(ident)
        unique.append(item)
    items = unique
    if not items and kind not in ("AnnotationCollection", "AnnotationPage"):
        raise InputError("not a Web Annotation collection: no items found")
    return items


def _strip(value: str, prefix: str) -> str:
    return value[len(prefix) :] if value.startswith(prefix) else value


def _selectors(target: Mapping[str, Any]) -> Anchor:
    raw = target.get("selector")
    selectors = raw if isinstance(raw, list) else [raw]
    quote = next(
        (s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None
    )
    pos = next(
        (s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"),
        None,
    )
    if quote is None or not isinstance(quote.get("exact"), str):
        raise ValueError("target has no TextQuoteSelector")
    exact = quote["exact"]
    start = int(pos["start"]) if pos else 0
    end = int(pos["end"]) if pos else start + len(exact)
    return Anchor(exact, str(quote.get("prefix", "")), str(quote.get("suffix", "")), start, end)


def _member(target: Any) -> MemberQuote:
    if not isinstance(target, dict):
        raise ValueError("target is not an object")
    source = target.get("source")
    if isinstance(source, dict):
        source = source.get("id")
    if not isinstance(source, str) or not source:
        raise ValueError("target has no source")
    name = target.get(_NS + "fileName")
    fp = _strip(source, _SHA)
    return MemberQuote(fp, str(name) if name else fp, _selectors(target))


def _bodies(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    raw = item.get("body", [])
    items = raw if isinstance(raw, list) else [raw]
    return [b for b in items if isinstance(b, dict)]


def _common(item: Mapping[str, Any]) -> dict[str, Any]:
    ident = item.get("id")
    if not isinstance(ident, str) or not ident:
        raise ValueError("annotation has no id")
    created = str(item.get("created") or item.get("modified") or "")
    story = item.get(_NS + "story")
    return {
        "id": _strip(ident, _UUID),
        "story": tuple(sorted(str(s) for s in story)) if isinstance(story, list) else (),
        "created": created,
        "modified": str(item.get("modified") or created),
        "app_version": str(item.get(_NS + "appVersion") or ""),
        "deleted_at": item.get(_NS + "deleted") or None,
    }


def _note(item: Mapping[str, Any]) -> Note:
    common = _common(item)
    target = item.get("target")
    member = _member(target[0] if isinstance(target, list) and target else target)
    bodies = _bodies(item)
    text = "\n\n".join(
        str(b.get("value", "")) for b in bodies if b.get("purpose", "commenting") != "tagging"
    )
    tags = clean_tags(str(b.get("value", "")) for b in bodies if b.get("purpose") == "tagging")
    story = common.pop("story") or (member.article_fp,)
    return Note(
        story=story,
        article_fp=member.article_fp,
        file_name=member.file_name,
        anchor=member.anchor,
        text=text,
        tags=tags,
        **common,
    )


def _mark(item: Mapping[str, Any]) -> ReviewMark:
    common = _common(item)
    target = item.get("target")
    members = tuple(_member(t) for t in (target if isinstance(target, list) else [target]))
    status = next(
        (str(b.get("value")) for b in _bodies(item) if b.get("purpose") == "assessing"), ""
    )
    if status not in REVIEW_STATUSES:
        raise ValueError(f"unknown review status {status!r}")
    story = common.pop("story") or tuple(sorted({m.article_fp for m in members}))
    return ReviewMark(story=story, members=members, status=cast(ReviewStatus, status), **common)


def loads(text: str) -> Parsed:
    """Read an exported collection; bad items are skipped and reported, not fatal."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc}") from exc
    notes: list[Note] = []
    marks: list[ReviewMark] = []
    skipped: list[str] = []
    for i, item in enumerate(_items(doc)):
        try:
            if not isinstance(item, dict) or item.get("type") != "Annotation":
                raise ValueError("not an Annotation")
            if item.get("motivation") == "assessing":
                marks.append(_mark(item))
            else:
                notes.append(_note(item))
        except (ValueError, TypeError, KeyError) as exc:
            skipped.append(f"item {i + 1}: {exc}")
    return Parsed(notes, marks, skipped)
