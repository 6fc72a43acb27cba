"""Small hand-made stories for the check tests (invented text only)."""

from __future__ import annotations

from reader.core.model import Article, Story, Warning
from reader.core.pipeline import analyse_articles


def story_of(*texts: str) -> Story:
    articles = [
        Article(id=f"a{i}", name=f"a{i}.txt", path=f"a{i}.txt", text=t)
        for i, t in enumerate(texts, start=1)
    ]
    return analyse_articles(articles)


def spans(story: Story, warnings: list[Warning]) -> list[str]:
    return [story.article(w.article).text[w.start : w.end] for w in warnings]
