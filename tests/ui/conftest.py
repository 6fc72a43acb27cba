"""The UI tests share the notes tests' story (tests/notes/test_notes_story.py): importable when
tests/ui is run on its own, not only after tests/notes was collected."""

from __future__ import annotations

import sys
from pathlib import Path

NOTES_TESTS = str(Path(__file__).resolve().parent.parent / "notes")
if NOTES_TESTS not in sys.path:
    sys.path.append(NOTES_TESTS)
