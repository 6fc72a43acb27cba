"""Shared fixtures: no test touches the real home directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.resources import sample_dir


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "samestory-home"
    monkeypatch.setenv("SAMESTORY_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def sample() -> Path:
    return sample_dir()
