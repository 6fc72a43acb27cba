"""Renderings of an analysed Story for files and people: JSON, Markdown, plain text."""

from __future__ import annotations

from reader.core.model import Story


def render(story: Story, fmt: str) -> str:
    if fmt == "json":
        from reader.report.json_report import render_json

        return render_json(story)
    from reader.report.people import render_markdown, render_text

    return render_markdown(story) if fmt == "md" else render_text(story)
