"""The project's gold data beside the repository, and its scorer (`../shared/tools/score.py`).

The scorer is not part of the package: benchmarks, tools and a few tests load it from the
shared folder when it is there.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@cache
def load_scorer() -> ModuleType:
    """`score.py` as a module (`score(gold_dir, report)`, `Located`, ...)."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
