"""Renderings of an analysed Story for files and people: JSON, Markdown, plain text."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.model import Story


def render(story: Story, fmt: str) -> str:
    return "".join(render_pieces(story, fmt))


def render_pieces(story: Story, fmt: str) -> Iterable[str]:
    """The rendering in pieces to write one after another: the JSON report of a large story
    (150 MB at 500 articles) is made as it is written, never held whole."""
    if fmt == "json":
        from reader.report.json_report import json_pieces

        return json_pieces(story)
    from reader.report.people import render_markdown, render_text

    return (render_markdown(story) if fmt == "md" else render_text(story),)
