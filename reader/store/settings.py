"""config.toml: theme, minor marks, semantic stage, keymap; read with tomllib, written atomically.

A user's file is never lost: one that cannot be parsed is moved aside and the caller is told where.
Reading positions live in the notes store (SQLite), next to the notes they go with.
"""

from __future__ import annotations

import os
import re
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
    ignored: tuple[str, ...] = ()  # each entry of the file not used, and why


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


_KNOWN = {"theme", "minor_marks", "semantic", "keymap"}
_RETIRED = {"positions"}  # written by earlier versions (positions moved to the notes store)
_KEY_NAME = re.compile(r"[a-z0-9_+\-]+|.", re.IGNORECASE)  # "ctrl+n", "]", "f1", "shift+tab"


def _kind(value: object) -> str:
    return {list: "a list", dict: "a table", bool: "true/false", str: "text"}.get(
        type(value), type(value).__name__
    )


def _keys_ok(value: str) -> bool:
    keys = [k.strip() for k in value.split(",")]
    return bool(keys) and all(k and _KEY_NAME.fullmatch(k) for k in keys)


def parse_settings(
    data: dict[str, object], actions: frozenset[str] | None = None
) -> tuple[Settings, list[str]]:
    """The settings in a parsed file, and one line for each entry that is not used.

    Nothing is dropped silently: a wrong type, an unknown setting, an action id the app does
    not have (when `actions` is given) or a key list that names no key is reported, so the
    user can fix it; the rest of the file still applies."""
    ignored: list[str] = []
    for key in data:
        if key not in _KNOWN | _RETIRED:
            ignored.append(f"unknown setting {key!r}")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        ignored.append(f"theme must be text, not {_kind(theme)}")
        theme = None
    minor = data.get("minor_marks", True)
    if not isinstance(minor, bool):
        ignored.append(f"minor_marks must be true or false, not {_kind(minor)}")
        minor = True
    semantic = data.get("semantic", True)
    if not isinstance(semantic, bool):
        ignored.append(f"semantic must be true or false, not {_kind(semantic)}")
        semantic = True
    keymap: dict[str, str] = {}
    raw = data.get("keymap", {})
    if not isinstance(raw, dict):
        ignored.append(f"keymap must be a table ([keymap]), not {_kind(raw)}")
        raw = {}
    for action, keys in raw.items():
        where = f"keymap {action!r}"
        if actions is not None and action not in actions:
            ignored.append(f"{where}: no such action (the help screen, F1, lists them)")
        elif not isinstance(keys, str):
            ignored.append(f'{where}: keys must be text such as "j,down", not {_kind(keys)}')
        elif not _keys_ok(keys):
            ignored.append(f"{where}: {keys!r} names no key")
        else:
            keymap[str(action)] = keys
    return Settings(theme, keymap, minor, semantic), ignored


def load_settings(path: Path | None = None, actions: frozenset[str] | None = None) -> Loaded:
    """Settings from disk; defaults when absent; a broken file is moved aside, never deleted;
    entries that cannot be used are listed in `ignored` and named in `message`."""
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
    settings, ignored = parse_settings(data, actions)
    if not ignored:
        return Loaded(settings)
    first = ignored[0] + (
        f" (and {len(ignored) - 1} more: see the help screen)" if len(ignored) > 1 else ""
    )
    return Loaded(settings, f"{path}: ignored {first}", tuple(ignored))


_HEADER = """\
# samestory settings. The app changes only the values it owns (theme, minor_marks, semantic, the
# [keymap] entries); your comments and anything else you write here stay as they are.
"""


def dumps(settings: Settings, previous: str = "") -> str:
    """`previous` (the file as it is) with the app's values set and nothing else touched."""
    import tomlkit  # only when a setting is saved: keeps comments, order and layout

    doc = tomlkit.parse(previous) if previous.strip() else tomlkit.parse(_HEADER)
    for key in _RETIRED & set(doc):
        del doc[key]
    if settings.theme:
        doc["theme"] = settings.theme
    elif "theme" in doc and isinstance(doc["theme"], str):
        del doc["theme"]
    if not settings.minor_marks:
        doc["minor_marks"] = False
    elif doc.get("minor_marks") is False:
        del doc["minor_marks"]
    if not settings.semantic:
        doc["semantic"] = False
    elif doc.get("semantic") is False:
        del doc["semantic"]
    if settings.keymap or "keymap" in doc:
        table = doc.get("keymap")
        if not isinstance(table, dict):
            table = tomlkit.table()
            table.add(tomlkit.comment('binding-id = "key,other-key"   (see the help screen, F1)'))
            doc["keymap"] = table
        for action, keys in sorted(settings.keymap.items()):
            if table.get(action) != keys:
                table[action] = keys
    return tomlkit.dumps(doc)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        previous = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        previous = ""
    write_text_atomically(path, dumps(settings, previous))


def update_settings(change: Callable[[Settings], None], path: Path | None = None) -> Settings:
    """Re-read, apply one change, write: another instance's theme and keymap survive."""
    loaded = load_settings(path)
    change(loaded.settings)
    save_settings(loaded.settings, path)
    return loaded.settings
