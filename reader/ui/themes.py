"""Themes are TOML files in themes/ turned into Textual Theme objects.

Every custom variable is declared once here (VARIABLE_DEFAULTS); the app hands it to Textual
through get_theme_variable_defaults, so a theme file may leave any of them out.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.theme import Theme

from reader.resources import themes_dir

DEFAULT_THEME = "dark"

VARIABLE_DEFAULTS: dict[str, str] = {
    "shared": "#1B3347",
    "shared-strong": "#24537A",
    "shared-style": "none",
    "shared-strong-style": "none",
    "artifact": "#E69F00",
    "artifact-style": "underline",
    "artifact-info": "#B8945C",  # info-level warnings: a minor mark, quieter than a warning
    "artifact-info-style": "none",
    "focus-claim": "#4A4F8C",
    "focus-claim-style": "none",
    "partner-claim": "#3A3E6E",
    "partner-claim-style": "none",
    "furniture": "#6B7080",
    "search-hit": "#6B5A00",
    "search-hit-style": "none",
    "diff-changed": "#E69F00",
    "diff-changed-style": "bold",
    "note-mark": "#CC79A7",
    "heat-low": "#1E2A36",
    "heat-high": "#56B4E9",
}

_COLOUR_FIELDS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)


def theme_from_toml(data: dict[str, object], fallback_name: str) -> Theme:
    name = data.get("name", fallback_name)
    primary = data.get("primary")
    if not isinstance(primary, str):
        raise ValueError("a theme needs a 'primary' colour")
    colours = {k: v for k in _COLOUR_FIELDS if isinstance(v := data.get(k), str)}
    variables = data.get("variables", {})
    return Theme(
        name=str(name),
        primary=primary,
        secondary=colours.get("secondary"),
        warning=colours.get("warning"),
        error=colours.get("error"),
        success=colours.get("success"),
        accent=colours.get("accent"),
        foreground=colours.get("foreground"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        boost=colours.get("boost"),
        dark=bool(data.get("dark", True)),
        variables={str(k): str(v) for k, v in variables.items()}
        if isinstance(variables, dict)
        else {},
    )


def load_themes(directory: Path | None = None) -> list[Theme]:
    """Every readable *.toml theme, by file name; a broken file is skipped, not fatal."""
    directory = directory or themes_dir()
    themes = []
    for path in sorted(directory.glob("*.toml")):
        try:
            themes.append(theme_from_toml(tomllib.loads(path.read_text("utf-8")), path.stem))
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            continue
    return themes
