"""Bounds on what one analysis takes on, shared by the engine and the command line (light: the
command line reads them before the engine is imported)."""

from __future__ import annotations

import os

# The semantic stage's first run costs about 40 ms a sentence here (2 cores): beyond this many
# sentences it would hold a first analysis for minutes, so the lexical claims are given with a
# notice; SAMESTORY_SEMANTIC_MAX_SENTENCES (set by --semantic to 0, no limit) moves the bound.
SEMANTIC_MAX_SENTENCES = 800
SEMANTIC_LIMIT_VARIABLE = "SAMESTORY_SEMANTIC_MAX_SENTENCES"


def semantic_skipped(sentences: int) -> str | None:
    raw = os.environ.get(SEMANTIC_LIMIT_VARIABLE, "")
    limit = int(raw) if raw.isdigit() else SEMANTIC_MAX_SENTENCES
    if not limit or sentences <= limit:
        return None
    return (
        f"the semantic stage was skipped: {sentences:,} sentences, more than {limit:,} "
        "(its first run would take minutes); --semantic runs it"
    )
