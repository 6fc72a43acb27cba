"""config.toml: theme, minor marks, semantic stage, keymap; read with tomllib, written atomically.

A user's file is never lost: one that cannot be parsed is moved aside and the caller is told where.
Reading positions live in the notes store (SQLite), next to the notes they go with.
"""

from __future__ import annotations

import json
import os
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.store.atomic_file import write_text_atomically
from reader.store.paths import config_dir

CONFIG_NAME = "config.toml"


@dataclass
class Settings:
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    minor_marks: bool = True  # info-level warnings drawn in the reader (m toggles)
    semantic: bool = True  # sentence embeddings for claims (false: lexical claims only, faster)


@dataclass(frozen=True)
class Loaded:
    settings: Settings
    message: str | None = None  # shown to the user once (e.g. "config moved aside to ...")


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def _parse(data: dict[str, object]) -> Settings:
    theme = data.get("theme")
    keymap_raw = data.get("keymap", {})
    keymap = (
        {str(k): str(v) for k, v in keymap_raw.items() if isinstance(v, str)}
        if isinstance(keymap_raw, dict)
        else {}
    )
    minor = data.get("minor_marks", True)
    semantic = data.get("semantic", True)
    return Settings(
        theme if isinstance(theme, str) else None,
        keymap,
        minor if isinstance(minor, bool) else True,
        semantic if isinstance(semantic, bool) else True,
    )


def load_settings(path: Path | None = None) -> Loaded:
    """Settings from disk; defaults when absent; a broken file is moved aside, never deleted."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(Settings())
    except OSError as exc:
        return Loaded(Settings(), f"cannot read {path}: {exc.strerror or exc}; using defaults")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, aside)
        except OSError:
            return Loaded(Settings(), f"{path} is not valid TOML ({exc}); it was left as is")
        return Loaded(Settings(), f"{path} is not valid TOML ({exc}); moved it to {aside}")
    return Loaded(_parse(data))


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _key(key: str) -> str:
    bare = key and all(c.isalnum() or c in "-_" for c in key) and key.isascii()
    return key if bare else _string(key)


def dumps(settings: Settings) -> str:
    lines = ["# samestory settings: the app rewrites this file; values are kept, comments are not"]
    if settings.theme:
        lines.append(f"theme = {_string(settings.theme)}")
    if not settings.minor_marks:
        lines.append("minor_marks = false")
    if not settings.semantic:
        lines.append("semantic = false")
    lines += ["", "[keymap]", '# binding-id = "key,other-key"   (see the help screen, F1)']
    lines += [f"{_key(k)} = {_string(v)}" for k, v in sorted(settings.keymap.items())]
    return "\n".join(lines) + "\n"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(path, dumps(settings))


def update_settings(change: Callable[[Settings], None], path: Path | None = None) -> Settings:
    """Re-read, apply one change, write: another instance's theme and keymap survive."""
    loaded = load_settings(path)
    change(loaded.settings)
    save_settings(loaded.settings, path)
    return loaded.settings
