"""The Textual reader (placeholder until the reader lands)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run_app(paths: Sequence[Path], theme: str | None = None) -> int:
    raise NotImplementedError
