"""The README's screenshot shows what the app shows today (it had kept an old inspector header)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from reader.ui import screenshot

README_SHOT = Path(__file__).parents[2] / "docs" / "screenshot.svg"


def _text_rows(svg: str) -> list[str]:
    """The screen's text, row by row, from an SVG that Textual saved: colours may vary."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        text = html.unescape(m.group(3)).replace("\xa0", " ")
        rows.setdefault(float(m.group(2)), []).append((float(m.group(1)), text))
    return ["".join(t for _, t in sorted(row)).rstrip() for _, row in sorted(rows.items())]


def test_the_readme_screenshot_is_what_the_app_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMESTORY_HOME", str(tmp_path / "home"))  # main() sets its own; undone
    out = tmp_path / "shot.svg"
    assert screenshot.main([str(out)]) == 0
    drawn = _text_rows(out.read_text(encoding="utf-8"))
    assert any(re.search(r"Claims? c\d+ “", row) for row in drawn)  # the inspector on a claim
    assert drawn == _text_rows(README_SHOT.read_text(encoding="utf-8")), (
        "regenerate it: python -m reader.ui.screenshot docs/screenshot.svg"
    )
