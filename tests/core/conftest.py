"""Engine tests: plain data in, dataclasses out; no screen, no store."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.resources import sample_dir


@pytest.fixture(scope="session")
def sample() -> Path:
    return sample_dir()
