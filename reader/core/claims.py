"""Claims (STUB)."""

from __future__ import annotations

from reader.core.model import Article, Claim, Sentence


def find_claims(articles: list[Article], sentences: list[Sentence]) -> list[Claim]:
    return []
