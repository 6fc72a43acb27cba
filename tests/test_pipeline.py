"""The report's invariants on a mixed story (UTF-8 wire, Markdown blog, cp1252 paper)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.core.model import Story
from reader.core.pipeline import analyse

FLOOD = Path(__file__).parent / "stories" / "ingest" / "flood"


@pytest.fixture(scope="module")
def story() -> Story:
    return analyse([FLOOD])


def _on_hidden(story: Story, article: str, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in story.article(article).hidden)


def test_hidden_text_takes_part_in_no_warning(story: Story) -> None:
    # The blog's link targets are hidden markup; a lower-case name inside a URL is not a warning.
    assert any(a.name.endswith(".md") and a.hidden for a in story.articles)
    assert [w for w in story.warnings if _on_hidden(story, w.article, w.start, w.end)] == []


def test_sentences_are_ordered_visible_and_disjoint(story: Story) -> None:
    for article in story.articles:
        sentences = story.sentences_of(article.id)
        assert sentences
        for s, t in itertools.pairwise(sentences):
            assert s.end <= t.start
        for s in sentences:
            assert not article.is_hidden(s.start) and not article.is_hidden(s.end - 1)


def test_claims_join_different_articles(story: Story) -> None:
    assert story.claims
    for claim in story.claims:
        assert len({story.sentence(m).article for m in claim.members}) >= 2
