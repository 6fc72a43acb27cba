"""The data files behind the checks: bundled TOML, extended from the user's config directory."""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import platformdirs

from reader.core.model import Severity, WarningKind

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KINDS: frozenset[str] = frozenset(
    """casing spelling-variant transliteration pronoun calque wrong-title wrong-word quotes
    other""".split()
)


@dataclass(frozen=True)
class Calque:
    pattern: re.Pattern[str]
    suggestion: str
    note: str
    languages: tuple[str, ...] = ()
    severity: Severity = "info"
    kind: WarningKind = "calque"


def user_config_dir() -> Path:
    """SAMESTORY_HOME/config when set, else the platform's config directory for samestory."""
    home = os.environ.get("SAMESTORY_HOME")
    if home:
        return Path(home).expanduser() / "config"
    return Path(platformdirs.user_config_dir("samestory"))


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; a missing file is empty, a broken one raises ValueError."""
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc


def bundled(name: str) -> dict[str, Any]:
    return _bundled(name)


@lru_cache(maxsize=16)
def _bundled(name: str) -> dict[str, Any]:
    return read_toml(DATA_DIR / name)


def parse_calques(entries: list[dict[str, Any]], origin: str) -> list[Calque]:
    out = []
    for i, e in enumerate(entries):
        try:
            pattern = re.compile(str(e["pattern"]), re.IGNORECASE)
        except (KeyError, re.error) as exc:
            raise ValueError(f"{origin}: calque {i + 1}: bad or missing pattern: {exc}") from exc
        severity = e.get("severity", "info")
        kind = e.get("kind", "calque")
        if severity not in ("info", "warning") or kind not in KINDS:
            raise ValueError(f"{origin}: calque {i + 1}: bad severity or kind")
        out.append(
            Calque(
                pattern=pattern,
                suggestion=str(e.get("suggestion", "")),
                note=str(e.get("note", "")),
                languages=tuple(str(x) for x in e.get("languages", ())),
                severity=cast(Severity, severity),
                kind=cast(WarningKind, kind),
            )
        )
    return out


def load_calques(config_dir: Path | None = None) -> list[Calque]:
    """Bundled calques plus those in config_dir/calques.toml (a broken user file is skipped)."""
    found = parse_calques(bundled("calques.toml").get("calque", []), "calques.toml")
    if config_dir is not None:
        path = config_dir / "calques.toml"
        with contextlib.suppress(ValueError):  # the user's file must never stop the analysis
            found += parse_calques(read_toml(path).get("calque", []), str(path))
    return found
