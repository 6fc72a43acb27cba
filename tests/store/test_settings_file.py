"""config.toml: what cannot be used is named, and a save changes only the app's own values."""

from __future__ import annotations

from pathlib import Path

from reader.store.settings import load_settings, update_settings

USER_FILE = """\
# my samestory settings
theme = ["dark"]          # a list by mistake
colour = "blue"           # not a setting
minor_marks = "no"

[keymap]
# my keys
next-claim = "]"
previous-claim = 7
"no such action" = "x"
next-sentence = "j, ,"
"""


def test_entries_that_cannot_be_used_are_named(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    actions = frozenset({"next-claim", "previous-claim", "next-sentence"})
    loaded = load_settings(path, actions)
    assert loaded.settings.keymap == {"next-claim": "]"}
    assert loaded.settings.theme is None and loaded.settings.minor_marks is True
    assert len(loaded.ignored) == 6
    joined = "\n".join(loaded.ignored)
    for part in (
        "'colour'",
        "theme must be text, not a list",
        "minor_marks",
        "'previous-claim'",
        "'no such action': no such action",
        "'next-sentence'",
    ):
        assert part in joined
    assert loaded.message is not None and loaded.message.count("\n") == 0
    assert "and 5 more" in loaded.message


def test_saving_a_setting_keeps_everything_the_user_wrote(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    update_settings(lambda s: setattr(s, "minor_marks", False), path)
    text = path.read_text(encoding="utf-8")
    for line in USER_FILE.splitlines():
        if not line.startswith("minor_marks"):
            assert line in text, line
    assert "minor_marks = false" in text
    update_settings(lambda s: s.keymap.__setitem__("next-claim", "n"), path)
    text = path.read_text(encoding="utf-8")
    assert 'next-claim = "n"' in text and "# my keys" in text and 'colour = "blue"' in text


def test_a_new_file_is_written_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    update_settings(lambda s: setattr(s, "theme", "light"), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# samestory settings") and 'theme = "light"' in text
    assert load_settings(path).settings.theme == "light"
