"""How much of each article is shared with each other article, from the shared passages."""

from __future__ import annotations

from reader.core.model import Article, Story
from reader.core.spans import merge_spans


def _visible_chars(article: Article) -> int:
    hidden = sum(e - s for s, e in article.hidden)
    return max(1, sum(1 for c in article.text if not c.isspace()) - hidden)


def _nonspace(text: str, spans: list[tuple[int, int]]) -> int:
    return sum(sum(1 for c in text[s:e] if not c.isspace()) for s, e in spans)


def shared_spans(story: Story, article_id: str, other: str | None = None) -> list[tuple[int, int]]:
    """Merged spans of article_id shared with `other` (or with any article)."""
    spans: list[tuple[int, int]] = []
    for p in story.passages:
        for mine, theirs in ((p.a, p.b), (p.b, p.a)):
            if mine.article == article_id and (other is None or theirs.article == other):
                spans.append((mine.start, mine.end))
    return merge_spans(spans)


def overlap_matrix(story: Story) -> dict[tuple[str, str], float]:
    """(row, col) -> fraction of row's visible text that it shares with col."""
    out: dict[tuple[str, str], float] = {}
    for a in story.articles:
        total = _visible_chars(a)
        for b in story.articles:
            if a.id == b.id:
                out[(a.id, b.id)] = 1.0
            else:
                out[(a.id, b.id)] = _nonspace(a.text, shared_spans(story, a.id, b.id)) / total
    return out


def shared_fraction(story: Story, article_id: str) -> float:
    """Fraction of an article's visible text shared with at least one other article."""
    a = story.article(article_id)
    return _nonspace(a.text, shared_spans(story, article_id)) / _visible_chars(a)
