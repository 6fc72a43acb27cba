"""How much of each article is shared with each other article, from the shared passages.

Counts are of visible non-space characters, so layout and hidden furniture do not weigh in.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import accumulate

from reader.core.model import Article, Story
from reader.core.text.spans import Span, merge_spans


def _space_prefix(text: str) -> list[int]:
    """prefix[i] = space characters in text[:i], so any span's non-space count is O(1) (built
    in C: map and accumulate, no Python step per character)."""
    return [0, *accumulate(map(str.isspace, text))]


def _count(prefix: list[int], spans: list[Span]) -> int:
    """Non-space characters in the spans."""
    return sum((e - s) - (prefix[e] - prefix[s]) for s, e in spans)


def _visible(article: Article, prefix: list[int]) -> int:
    everything = (len(prefix) - 1) - prefix[-1]
    return max(1, everything - _count(prefix, merge_spans(article.hidden)))


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
    """(row, col) -> fraction of row's visible text that it shares with col.

    Only the pairs that share a passage are counted; the others are 0 without merging an empty
    list (500 articles are 250,000 pairs, most of them sharing nothing)."""
    by_pair = _spans_by_pair(story)
    ids = [a.id for a in story.articles]
    out = {(a, b): (1.0 if a == b else 0.0) for a in ids for b in ids}
    partners: dict[str, list[str]] = defaultdict(list)
    for row, col in by_pair:
        partners[row].append(col)
    for article in story.articles:
        if article.id not in partners:
            continue
        prefix = _space_prefix(article.text)
        total = _visible(article, prefix)
        for other in partners[article.id]:
            key = (article.id, other)
            if other != article.id:
                out[key] = _count(prefix, merge_spans(by_pair[key])) / total
    return out


def shared_fraction(story: Story, article_id: str) -> float:
    """Fraction of an article's visible text shared with at least one other article."""
    a = story.article(article_id)
    prefix = _space_prefix(a.text)
    return _count(prefix, shared_spans(story, article_id)) / _visible(a, prefix)
