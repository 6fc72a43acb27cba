"""Discrepancies (STUB)."""

from __future__ import annotations

from reader.core.model import Discrepancy, Story


def find_discrepancies(story: Story) -> list[Discrepancy]:
    return []
