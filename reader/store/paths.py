"""Where samestory keeps its files: platformdirs, all redirected by SAMESTORY_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "samestory"


def _home() -> Path | None:
    value = os.environ.get("SAMESTORY_HOME")
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Settings and user keymap/lexicons (config.toml lives here)."""
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    """Notes database and review state: what the user wrote lives here."""
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP))
