"""Storage tests: the notes database, settings, caches and atomic writes, each in tmp_path.

They share the small notes story of tests/notes (test_notes_story.make_story), made importable
here so that `pytest tests/store` runs on its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "notes"))
