"""`samestory notes ...` (placeholder until notes land)."""

from __future__ import annotations

from collections.abc import Sequence


def notes_main(argv: Sequence[str]) -> int:
    raise NotImplementedError
