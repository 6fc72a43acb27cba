"""Where the bundled sample and themes live, in a checkout and after `pip install .`."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def sample_dir() -> Path:
    """The bundled five-article sample story."""
    return _data_dir("sample_data") / "saraqeb"


def themes_dir() -> Path:
    return _data_dir("themes")
