"""Shared passages (STUB)."""

from __future__ import annotations

from reader.core.model import Article, SharedPassage


def find_shared_passages(articles: list[Article]) -> list[SharedPassage]:
    return []
