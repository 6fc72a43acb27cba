"""How many warnings, with the minor (info) ones counted apart.

The reader's top bar, its column headers, the overview and the people reports all say it the
same way, so a reader comparing them sees one figure: "21 + 11 minor".
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.model import Warning


def split_count(warnings: Iterable[Warning]) -> tuple[int, int]:
    """(warnings, minor ones): severity "info" is minor."""
    items = list(warnings)
    minor = sum(1 for w in items if w.severity == "info")
    return len(items) - minor, minor


def tally(major: int, minor: int) -> str:
    """ "10 + 6 minor", "6 minor" when no warning is major, "10" when none is minor."""
    if not minor:
        return str(major)
    return f"{major} + {minor} minor" if major else f"{minor} minor"


def warning_tally(warnings: Iterable[Warning]) -> str:
    return tally(*split_count(warnings))


def warnings_phrase(warnings: Iterable[Warning]) -> str:
    """The tally with its noun: "21 + 11 minor warnings", "1 warning", "0 warnings"."""
    major, minor = split_count(warnings)
    noun = "warning" if major + minor == 1 else "warnings"
    return f"{tally(major, minor)} {noun}"
