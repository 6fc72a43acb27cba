"""Artifact checks: each module holds one check, a function from the story to warnings."""

from __future__ import annotations

from reader.core.model import Story, Warning


def run_checks(story: Story) -> list[Warning]:
    """Every check's warnings, numbered w1, w2, ... in article and offset order (STUB)."""
    return []
