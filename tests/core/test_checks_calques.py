from __future__ import annotations

from pathlib import Path

from checks_helpers import spans, story_of

from reader.core.checks.calques import check_calques
from reader.core.checks.lexicon import load_calques


def test_lexicon_hit_points_at_the_phrase(tmp_path: Path) -> None:
    story = story_of("A reporter embedded in the rebels filmed the attack on the bridge.")
    found = check_calques(story, tmp_path)
    assert spans(story, found) == ["embedded in the rebels"]
    assert found[0].kind == "calque" and found[0].suggestion == "embedded with"


def test_the_idiomatic_form_is_not_flagged(tmp_path: Path) -> None:
    story = story_of("A reporter embedded with the rebels filmed the attack on the bridge.")
    assert check_calques(story, tmp_path) == []


def test_user_lexicon_extends_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "calques.toml").write_text(
        "[[calque]]\npattern = '\\bgreen light phase\\b'\nsuggestion = 'go-ahead'\n"
        "note = 'invented test entry'\nseverity = 'warning'\n",
        encoding="utf-8",
    )
    story = story_of("The project entered its green light phase on Monday.")
    found = check_calques(story, tmp_path)
    assert spans(story, found) == ["green light phase"]
    assert len(load_calques(tmp_path)) == len(load_calques(None)) + 1


def test_broken_user_lexicon_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "calques.toml").write_text("[[calque]]\npattern = '(unclosed'\n")
    assert len(load_calques(tmp_path)) == len(load_calques(None))


def test_every_bundled_entry_is_documented() -> None:
    for c in load_calques(None):
        assert c.note and c.languages
