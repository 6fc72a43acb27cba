"""config.toml: round trip, atomic writes, a broken file moved aside; themes; the user keymap.

Reading positions are not here: they live in the notes store (tests/test_app_notes.py)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from ui_story import fixture_story, run_async

from reader.core.model import InputError
from reader.store.paths import config_dir
from reader.store.settings import (
    Settings,
    config_path,
    dumps,
    load_settings,
    save_settings,
    update_settings,
)
from reader.ui.app import SameStoryApp, run_app
from reader.ui.themes import VARIABLE_DEFAULTS, load_themes


def test_config_lives_under_samestory_home(_isolated_home: Path) -> None:
    assert config_path().is_relative_to(_isolated_home)
    assert config_dir() == _isolated_home / "config"


def test_minor_marks_round_trip_and_a_wrong_type_falls_back() -> None:
    save_settings(Settings(theme="light", minor_marks=False))
    assert "minor_marks = false" in config_path().read_text(encoding="utf-8")
    assert load_settings().settings.minor_marks is False
    save_settings(Settings(theme="light"))
    assert "minor_marks =" not in config_path().read_text(encoding="utf-8")
    config_path().write_text('minor_marks = "no"\n', encoding="utf-8")
    assert load_settings().settings.minor_marks is True


def test_round_trip_with_odd_strings() -> None:
    s = Settings(theme='light "x"', keymap={"next-sentence": "j,down", 'ab"c d': "x"})
    save_settings(s)
    loaded = load_settings()
    assert loaded.message is None
    assert loaded.settings == s
    tomllib.loads(config_path().read_text("utf-8"))
    save_settings(Settings(keymap={"quit": 'ctrl+"q"'}))  # not a key: kept in the file, named
    loaded = load_settings()
    assert loaded.settings.keymap == {"next-sentence": "j,down", 'ab"c d': "x"}
    assert loaded.ignored == ("keymap 'quit': 'ctrl+\"q\"' names no key",)


def test_missing_file_gives_defaults() -> None:
    loaded = load_settings()
    assert loaded.settings == Settings() and loaded.message is None


def test_broken_file_is_moved_aside_never_deleted() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text("theme = [unclosed\n", encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.message and "moved it to" in loaded.message
    aside = list(path.parent.glob("config.toml.broken-*"))
    assert len(aside) == 1 and aside[0].read_text("utf-8") == "theme = [unclosed\n"
    assert not path.exists()


def test_write_is_atomic_and_leaves_no_temp_files(monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(Settings(theme="dark"))
    before = config_path().read_text("utf-8")

    def boom(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_settings(Settings(theme="light"))
    assert config_path().read_text("utf-8") == before  # the old file is intact
    assert [p.name for p in config_path().parent.iterdir()] == ["config.toml"]


def test_update_keeps_what_another_instance_wrote() -> None:
    save_settings(Settings(keymap={"quit": "x"}))
    update_settings(lambda s: setattr(s, "theme", "light"))
    loaded = load_settings().settings
    assert loaded.keymap == {"quit": "x"} and loaded.theme == "light"


def test_dumps_is_valid_toml() -> None:
    text = dumps(Settings(theme="x", keymap={"a b": "c"}))
    assert tomllib.loads(text)["keymap"] == {"a b": "c"}


def test_old_positions_tables_are_ignored_and_dropped() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "light"\n[positions.abc]\narticle = "f"\nsentence = 3\n', "utf-8")
    loaded = load_settings()
    assert loaded.message is None and loaded.settings == Settings(theme="light")
    update_settings(lambda s: None)
    assert "positions" not in config_path().read_text("utf-8")


def test_three_themes_declare_every_variable() -> None:
    themes = {t.name: t for t in load_themes()}
    assert {"dark", "light", "high-contrast"} <= set(themes)
    for theme in themes.values():
        assert set(VARIABLE_DEFAULTS) <= set(theme.variables), theme.name
    hc = themes["high-contrast"].variables
    # distinguishable without colour: each mark has its own text style
    styles = [hc["shared-style"], hc["artifact-style"], hc["focus-claim-style"]]
    assert all(s != "none" for s in styles) and len(set(styles)) == 3


def test_unknown_theme_is_an_input_error() -> None:
    with pytest.raises(InputError, match="high-contrast"):
        run_app([], theme="no-such-theme")


@run_async
async def test_theme_flag_palette_and_memory() -> None:
    app = SameStoryApp(story=fixture_story(), theme="light")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "light"
        await pilot.press("T")  # cycle: remembered
        await pilot.pause()
        new_theme = app.theme
        assert new_theme != "light"
    assert load_settings().settings.theme == new_theme
    app2 = SameStoryApp(story=fixture_story())
    async with app2.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app2.theme == new_theme
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Theme: high")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app2.theme == "high-contrast"
        # the columns restyle at once: without colour, the cursor's sentence is reversed
        text = app2.reader.columns[0].text
        assert text._style("focus").reverse and text._style("shared").underline
    assert load_settings().settings.theme == "high-contrast"


@run_async
async def test_user_keymap_rebinds_by_id() -> None:
    save_settings(Settings(keymap={"next-sentence": "x", "overview": "ctrl+o"}))
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        s = app.reader.current_sentence()
        assert s is not None and s.id == "a1:s2"
        await pilot.press("j")  # no longer bound
        s = app.reader.current_sentence()
        assert s is not None and s.id == "a1:s2"
        await pilot.press("f1")
        await pilot.pause()
        assert "ctrl+o" in app.screen.body.plain  # type: ignore[attr-defined]


@run_async
async def test_broken_config_is_reported_in_the_app() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text("[[[", encoding="utf-8")
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("moved it to" in n.message for n in app._notifications)


@run_async
async def test_a_bad_keymap_is_reported_not_fatal() -> None:
    save_settings(Settings(keymap={"next-sentence": "[bold]"}))
    app = SameStoryApp(story=fixture_story())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.is_running


@run_async
async def test_start_theme_without_textual_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up theme uses a Textual 8.2 internal; without it the public way still works."""
    import reader.ui.app

    monkeypatch.setattr(reader.ui.app, "TRUECOLOR_REFRESH", "_gone_in_a_later_textual")
    app = SameStoryApp(story=fixture_story(), theme="light")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "light"
        assert app.current_theme.dark is False


@run_async
async def test_what_config_toml_holds_in_vain_is_told_at_start_and_in_the_help() -> None:
    """Junk keymap names left next-claim without a key, silently; now each is named, and a
    key of another screen (the notes list's) is not mistaken for junk."""
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        '[keymap]\nnext-claim = "]"\n"next claim" = "x"\nnotes-edit = "E"\n', encoding="utf-8"
    )
    app = SameStoryApp(story=fixture_story(), remember=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("'next claim': no such action" in m for m in messages)
        assert app.settings.keymap == {"next-claim": "]", "notes-edit": "E"}
        await pilot.press("f1")
        await pilot.pause()
        from textual.widgets import Static

        shown = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Ignored in config.toml" in shown and "'next claim'" in shown


def test_semantic_setting_round_trips_and_a_wrong_type_falls_back() -> None:
    assert load_settings().settings.semantic is True
    save_settings(Settings(semantic=False))
    assert "semantic = false" in config_path().read_text(encoding="utf-8")
    assert load_settings().settings.semantic is False
    config_path().write_text('semantic = "no"\n', encoding="utf-8")
    assert load_settings().settings.semantic is True
