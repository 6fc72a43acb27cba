"""How much of each article is shared with each other article, from the shared passages.

Counts are of visible non-space characters, so layout and hidden furniture do not weigh in.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import accumulate

from reader.core.model import Article, Story
from reader.core.text.spans import Span, merge_spans


def _nonspace_prefix(text: str) -> list[int]:
    """prefix[i] = non-space characters in text[:i]: any span's count in O(1)."""
    return [0, *accumulate(0 if c.isspace() else 1 for c in text)]


def _count(prefix: list[int], spans: list[Span]) -> int:
    return sum(prefix[e] - prefix[s] for s, e in spans)


def _visible(article: Article, prefix: list[int]) -> int:
    return max(1, prefix[-1] - _count(prefix, merge_spans(article.hidden)))


def _spans_by_pair(story: Story) -> dict[tuple[str, str], list[Span]]:
    """(article, other) -> spans of article shared with other: one pass over the passages."""
    out: dict[tuple[str, str], list[Span]] = defaultdict(list)
    for p in story.passages:
        out[(p.a.article, p.b.article)].append((p.a.start, p.a.end))
        out[(p.b.article, p.a.article)].append((p.b.start, p.b.end))
    return out


def shared_spans(story: Story, article_id: str, other: str | None = None) -> list[Span]:
    """Merged spans of article_id shared with `other` (or with any article)."""
    spans: list[Span] = []
    for p in story.passages_of(article_id):
        for mine, theirs in ((p.a, p.b), (p.b, p.a)):
            if mine.article == article_id and (other is None or theirs.article == other):
                spans.append((mine.start, mine.end))
    return merge_spans(spans)


def overlap_matrix(story: Story) -> dict[tuple[str, str], float]:
    """(row, col) -> fraction of row's visible text that it shares with col."""
    by_pair = _spans_by_pair(story)
    out: dict[tuple[str, str], float] = {}
    for a in story.articles:
        prefix = _nonspace_prefix(a.text)
        total = _visible(a, prefix)
        for b in story.articles:
            shared = _count(prefix, merge_spans(by_pair.get((a.id, b.id), [])))
            out[(a.id, b.id)] = 1.0 if a.id == b.id else shared / total
    return out


def shared_fraction(story: Story, article_id: str) -> float:
    """Fraction of an article's visible text shared with at least one other article."""
    a = story.article(article_id)
    prefix = _nonspace_prefix(a.text)
    return _count(prefix, shared_spans(story, article_id)) / _visible(a, prefix)
