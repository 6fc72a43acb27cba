"""The checks CI relies on: ruff, mypy --strict, and the core's independence from Textual."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_the_ui() -> None:
    offenders = []
    for path in (ROOT / "reader" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in {"textual", "rich"} or name.startswith("reader.ui"):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def _tool(name: str) -> list[str]:
    exe = Path(sys.executable).parent / name
    if exe.exists():
        return [str(exe)]
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: install the project with '.[test]'")
    return [found]


def test_ruff_check() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "check", "reader", "tests", "benchmarks", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = subprocess.run(
        [*_tool("ruff"), "format", "--check", "reader", "tests", "benchmarks", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = subprocess.run(
        [*_tool("mypy"), "--strict", "reader"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold() -> None:
    """The layer rules in pyproject.toml ([tool.importlinter]): core imports no other layer."""
    result = subprocess.run(
        [*_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_report_loads_no_terminal_ui(tmp_path: Path) -> None:
    """Importing the engine and writing a report must not import Textual (a headless run, a
    server, a batch job pay nothing for the reader), nor the web-page libraries when no page
    is given (plain-text stories pay nothing for them)."""
    script = (
        "import sys\n"
        "from reader.cli.main import main\n"
        f"assert main(['report', '--format', 'json', '-o', {str(tmp_path / 'r.json')!r}]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'trafilatura',"
        " 'lxml', 'urllib3') or m.startswith('reader.ui'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "r.json").stat().st_size > 0
