"""Shared fixtures: no test touches the real home directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "samestory-home"
    monkeypatch.setenv("SAMESTORY_HOME", str(home))
    return home
