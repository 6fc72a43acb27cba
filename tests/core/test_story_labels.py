"""What the reader and the reports call an article: a label that tells it from the others."""

from __future__ import annotations

from reader.core.model import Article, Story
from reader.report.people import render_markdown


def _story(*sources: str | None) -> Story:
    return Story(
        [
            Article(id=f"a{k}", name=f"system-{k}.txt", path=f"system-{k}.txt", text="Text.",
                    source=source)
            for k, source in enumerate(sources, start=1)
        ]
    )  # fmt: skip


def test_a_source_names_an_article_only_when_no_other_shares_it() -> None:
    story = _story("Xinhua", "Reuters", "xinhua", None)
    labels = [story.label(a.id) for a in story.articles]
    # Two translations that both keep the "(Xinhua)" dateline are told apart by their files.
    assert labels == ["system-1.txt", "Reuters", "system-3.txt", "system-4.txt"]


def test_reports_use_the_label() -> None:
    md = render_markdown(_story("Xinhua", "Xinhua"))
    assert "### a1 system-1.txt" in md and "### a2 system-2.txt" in md
    assert "### a1 Xinhua" not in md
