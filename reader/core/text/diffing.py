"""The engine's word and letter diffs: difflib's SequenceMatcher, compiled.

The checks diff each near-copy of a sentence word by word (the consensus word check, the
minority check) and names letter by letter; in Python, difflib's longest-match search was most
of the checks' time once the claims are found (check_wording at 50 articles: 0.5 s, 60% of it
in difflib). cydifflib, from the rapidfuzz project, is difflib's algorithm in C++ with the same
opcodes and ratios (its authors count any difference as a bug; tests/core/test_diffing.py holds
it to difflib's results, and every report of the sample and the development stories is
byte-identical either way). Where it cannot be installed, difflib's own serves. The diff a
person reads in the inspector stays difflib's (ui/widgets/inspector.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from difflib import SequenceMatcher
else:
    try:
        from cydifflib import SequenceMatcher
    except ImportError:  # pragma: no cover - a platform without its wheels: the same, slower
        from difflib import SequenceMatcher

__all__ = ["SequenceMatcher"]
