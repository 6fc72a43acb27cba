"""The JSON report, exactly as ../shared/spec/report-json.md (extra keys allowed)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from reader import __version__
from reader.core.model import Location, SharedPassage, Story
from reader.core.passages.table import PassageTable
from reader.display.textsafe import json_safe


def _loc(loc: Location) -> dict[str, Any]:
    return {"article": loc.article, "start": loc.start, "end": loc.end}


def report_dict(story: Story) -> dict[str, Any]:
    return _report_dict(story, passages=True)


def _report_dict(story: Story, passages: bool) -> dict[str, Any]:
    """The report; without "shared_passages" when `passages` is false (render_json writes
    them itself, in their place between "claims" and "warnings")."""
    head = {
        "format": "samestory-report",
        "version": 1,
        "generator": f"samestory {__version__}",
        "articles": [
            {
                "id": a.id,
                "name": a.name,
                "title": a.title,
                "source": a.source,
                **({"url": a.url} if a.url else {}),
                "date": a.date,
                "fingerprint": a.fingerprint,
                "text": a.text,
                "hidden": [list(h) for h in a.hidden],
            }
            for a in story.articles
        ],
        "sentences": [
            {"id": s.id, "article": s.article, "start": s.start, "end": s.end}
            for s in story.sentences
        ],
        "claims": [
            {
                "id": c.id,
                "members": list(c.members),
                "label": c.label,
                "score": round(c.score, 3),
                "strengths": [round(c.strength(m), 3) for m in c.members],
            }
            for c in story.claims
        ],
    }
    if passages:
        head["shared_passages"] = [
            {"a": _loc(p.a), "b": _loc(p.b), "similarity": round(p.similarity, 3)}
            for p in story.passages
        ]
    return head | {
        "warnings": [
            {
                "id": w.id,
                "article": w.article,
                "start": w.start,
                "end": w.end,
                "kind": w.kind,
                "severity": w.severity,
                "rule": w.rule,
                "message": w.message,
                "suggestion": w.suggestion,
                "evidence": list(w.evidence),
            }
            for w in story.warnings
        ],
        "discrepancies": [
            {
                "claim": d.claim,
                "kind": d.kind,
                "message": d.message,
                "values": [
                    {
                        "article": v.article,
                        "start": v.start,
                        "end": v.end,
                        "text": v.text,
                        "normalized": v.normalized,
                    }
                    for v in d.values
                ],
            }
            for d in story.discrepancies
        ],
    }


PIECE_PASSAGES = 20_000  # about 3 MB of text a piece

# A passage's article and similarity as its raw columns hold them: an index into a table's
# articles or an id; (same words, longer side) or the similarity itself.
_Row = tuple[Any, int, int, Any, int, int, Any]


class _Written(dict[Any, str]):
    """Each key written once as json.dumps writes its value (`value` makes the value)."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self._value = value

    def __missing__(self, key: Any) -> str:
        text = self[key] = json_safe(json.dumps(self._value(key), ensure_ascii=False))
        return text


def _similarity(key: tuple[int, int] | float) -> float:
    return round(key[0] / key[1] if isinstance(key, tuple) else key, 3)


def _passage_chunks(passages: Sequence[SharedPassage]) -> Iterator[tuple[Iterable[_Row], Any]]:
    """The passages' rows PIECE_PASSAGES at a time, with how to write their articles: from a
    PassageTable's columns without making a passage object."""
    if isinstance(passages, PassageTable):
        ids = passages.articles
        quoted = [json_safe(json.dumps(a, ensure_ascii=False)) for a in ids]
        columns = passages.columns
        for lo in range(0, len(passages), PIECE_PASSAGES):
            xa, sa, ea, xb, sb, eb, same, longer = (c[lo : lo + PIECE_PASSAGES] for c in columns)
            yield zip(xa, sa, ea, xb, sb, eb, zip(same, longer, strict=True), strict=True), quoted
    else:
        rows = [
            (p.a.article, p.a.start, p.a.end, p.b.article, p.b.start, p.b.end, p.similarity)
            for p in passages
        ]
        yield rows, _Written(lambda article: article)


def _passage_texts(passages: Sequence[SharedPassage]) -> Iterator[str]:
    """Each passage exactly as json.dumps writes {"a": _loc(p.a), "b": _loc(p.b), "similarity":
    ...}, several times faster: a story of 500 articles has a million passages. One f-string
    per row in a list comprehension, the articles and similarities written once each."""
    sims = _Written(_similarity)
    for rows, q in _passage_chunks(passages):
        yield from [
            f'{{"a": {{"article": {q[a]}, "start": {sa}, "end": {ea}}}, '
            f'"b": {{"article": {q[b]}, "start": {sb}, "end": {eb}}}, "similarity": {sims[k]}}}'
            for a, sa, ea, b, sb, eb, k in rows
        ]


def json_pieces(story: Story) -> Iterator[str]:
    """json.dumps(report_dict(story)) and a newline, in pieces of at most PIECE_PASSAGES
    passages: the "shared_passages" list written by _passage_texts, the rest by json. A
    story of 500 articles makes a report of 150 MB; written piece by piece, it is never
    held whole (as text and as bytes) beside the story."""
    # No indent: only then does json use its C encoder (several times faster on 50 articles).
    head = json.dumps(_report_dict(story, passages=False), ensure_ascii=False)
    marker = ', "warnings": '  # the first key after the passages; in a string it is escaped
    cut = head.index(marker)
    # The passages' text is numbers and article ids made safe as they are written: nothing
    # in it for json_safe to find, so the 150 MB are not searched.
    texts = _passage_texts(story.passages)
    piece = ", ".join(islice(texts, PIECE_PASSAGES))
    yield json_safe(f'{head[:cut]}, "shared_passages": [') + piece
    while piece := ", ".join(islice(texts, PIECE_PASSAGES)):
        yield ", " + piece
    yield json_safe(f"]{head[cut:]}") + "\n"


def render_json(story: Story) -> str:
    """json.dumps(report_dict(story)) and a newline, with the passages written by
    _passage_texts (json_pieces joined)."""
    return "".join(json_pieces(story))
