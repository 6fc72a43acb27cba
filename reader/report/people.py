"""Markdown and plain-text reports (placeholder, filled in next)."""

from __future__ import annotations

from reader.core.model import Story


def render_markdown(story: Story) -> str:
    return f"# {len(story.articles)} articles\n"


def render_text(story: Story) -> str:
    return f"{len(story.articles)} articles\n"
