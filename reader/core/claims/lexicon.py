"""General news near-synonyms (data/news_synonyms.toml) as one matching key per group.

Independent reports of one fact often differ only in word choice (troops / soldiers, entered /
seized); giving those words one key lets the claims similarity see the shared statement.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent.parent / "data" / "news_synonyms.toml"


@cache
def synonym_keys(stemmer: Callable[[str], str]) -> dict[str, str]:
    """Stem -> group key ("~" + the group's first word); a stem in two groups keeps the first."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for group in data.get("group", []):
        words = [str(w).lower() for w in group.get("words", [])]
        if len(words) < 2:
            continue
        key = "~" + words[0]
        for w in words:
            out.setdefault(stemmer(w), key)
            out.setdefault(w, key)
    return out


@cache
def attribution_keys(stemmer: Callable[[str], str]) -> frozenset[str]:
    """Stems of words that introduce a speaker rather than say what was said."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    words = data.get("attribution", {}).get("words", [])
    return frozenset(stemmer(str(w).lower()) for w in words)
