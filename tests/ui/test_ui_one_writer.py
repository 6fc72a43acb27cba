"""The house rules the UI keeps: one writer of notes, one text rule."""

from __future__ import annotations

import re
from pathlib import Path

from reader.display.textsafe import printable
from reader.ui.dialogs.note_editor import one_line
from reader.ui.text_layout import clean_line, neutralise

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"
WRITES = re.compile(
    r"\bstore\.(add_note|update_note|delete_note|restore_note|set_review|undo|save_position)\("
)


def test_only_the_notes_session_writes_to_the_store() -> None:
    writers = {
        p.relative_to(UI).as_posix() for p in UI.rglob("*.py") if WRITES.search(p.read_text())
    }
    assert writers == {"notes_session.py"}


def test_the_ui_shows_control_characters_by_the_one_rule() -> None:
    text = "a\x1b[31mb\x7f\x85c\u2028d\te\n"
    assert neutralise(text) == printable(text).replace("\t", " ")
    assert neutralise(text) == "a␛[31mb␡�c�d e\n"
    assert clean_line(text) == "a␛[31mb␡�c�d e "
    assert one_line(text, 80) == " ".join(printable(text).split())
