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


# One passage as json.dumps writes {"a": _loc(p.a), "b": _loc(p.b), "similarity": ...}.
_PASSAGE = (
    '{"a": {"article": %s, "start": %d, "end": %d}, '
    '"b": {"article": %s, "start": %d, "end": %d}, "similarity": %s}'
)


PIECE_PASSAGES = 20_000  # about 3 MB of text a piece

_Row = tuple[str, int, int, str, int, int, float]


def _passage_rows(passages: Sequence[SharedPassage]) -> Iterable[_Row]:
    """(a's id, start, end, b's id, start, end, rounded similarity) for each passage; from a
    PassageTable's columns without making a passage object."""
    if isinstance(passages, PassageTable):
        ids = passages.articles
        ratio: dict[tuple[int, int], float] = {}
        for xa, sa, ea, xb, sb, eb, same, longer in passages.rows():
            sim = ratio.get((same, longer))
            if sim is None:
                sim = ratio[same, longer] = round(same / longer, 3)
            yield ids[xa], sa, ea, ids[xb], sb, eb, sim
    else:
        for p in passages:
            yield (
                p.a.article,
                p.a.start,
                p.a.end,
                p.b.article,
                p.b.start,
                p.b.end,
                round(p.similarity, 3),
            )


def _passage_texts(passages: Sequence[SharedPassage]) -> Iterator[str]:
    """Each passage exactly as json.dumps writes it, several times faster: a story of 500
    articles has a million passages."""
    quoted: dict[str, str] = {}
    floats: dict[float, str] = {}
    for a, sa, ea, b, sb, eb, sim in _passage_rows(passages):
        qa = quoted.get(a) or quoted.setdefault(a, json.dumps(a, ensure_ascii=False))
        qb = quoted.get(b) or quoted.setdefault(b, json.dumps(b, ensure_ascii=False))
        fs = floats.get(sim) or floats.setdefault(sim, json.dumps(sim))
        yield _PASSAGE % (qa, sa, ea, qb, sb, eb, fs)


def json_pieces(story: Story) -> Iterator[str]:
    """json.dumps(report_dict(story)) and a newline, in pieces of at most PIECE_PASSAGES
    passages: the "shared_passages" list written by _passage_texts, the rest by json. A
    story of 500 articles makes a report of 150 MB; written piece by piece, it is never
    held whole (as text and as bytes) beside the story."""
    # No indent: only then does json use its C encoder (several times faster on 50 articles).
    head = json.dumps(_report_dict(story, passages=False), ensure_ascii=False)
    marker = ', "warnings": '  # the first key after the passages; in a string it is escaped
    cut = head.index(marker)
    texts = _passage_texts(story.passages)
    piece = ", ".join(islice(texts, PIECE_PASSAGES))
    yield json_safe(f'{head[:cut]}, "shared_passages": [{piece}')
    while piece := ", ".join(islice(texts, PIECE_PASSAGES)):
        yield json_safe(", " + piece)
    yield json_safe(f"]{head[cut:]}") + "\n"


def render_json(story: Story) -> str:
    """json.dumps(report_dict(story)) and a newline, with the passages written by
    _passage_texts (json_pieces joined)."""
    return "".join(json_pieces(story))
