"""Pilot tests: each key of the reader, and what is focused and lit afterwards."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.style import Style
from textual.widgets import OptionList
from ui_story import fixture_story, gutter_at, run_async

from reader.core.model import Discrepancy, Story, Value
from reader.store.settings import load_settings
from reader.ui.app import SameStoryApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.screens.overview import HeatMap, OverviewScreen, adds_to_values, said_by
from reader.ui.screens.reader import Cursor, ReaderScreen
from reader.ui.widgets.article_column import ArticleColumn, ColumnHeader
from reader.ui.widgets.article_text import ArticleText
from reader.ui.widgets.inspector import Inspector

WIDE = (160, 48)
SMALL = (80, 24)


def make_app() -> SameStoryApp:
    return SameStoryApp(story=fixture_story())


def reader(app: SameStoryApp) -> ReaderScreen:
    return app.reader


def cursor_id(app: SameStoryApp) -> str:
    s = app.reader.current_sentence()
    assert s is not None
    return s.id


def column(app: SameStoryApp, article: str) -> ArticleColumn:
    return next(c for c in app.reader.columns if c.article_id == article)


def row_in_view(col: ArticleColumn, offset: int) -> bool:
    text = col.text
    row = text.row_of(offset)
    top = int(text.scroll_y)
    return top <= row < top + text.scrollable_content_region.height


def picked(app: SameStoryApp) -> tuple[str | None, int] | None:
    """The selection's kind and number in its walk."""
    sel = app.reader.selected
    return None if sel is None else (sel.kind, sel.index)


async def ready(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@run_async
async def test_articles_of_one_source_are_headed_by_their_files() -> None:
    story = fixture_story()
    same = [dataclasses.replace(a, source="Wire") for a in story.articles[:2]]
    app = SameStoryApp(story=dataclasses.replace(story, articles=same + story.articles[2:]))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert "a1 coastal-courier.txt" in str(column(app, "a1").header.render())
        assert "a2 daily-lantern.txt" in str(column(app, "a2").header.render())


@run_async
async def test_columns_and_headers_at_160() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2", "a3", "a4"]
        header = str(column(app, "a1").header.render())
        assert "Coastal Courier" in header and "Harbour bridge reopens" in header
        assert "2024-03-05" in header and "shared" in header
        assert "⚠ 2 + 1 minor" in str(column(app, "a3").header.render())
        # the top bar counts as the headers do: the minor (info) marks apart
        title = str(app.reader.query_one("#story-title").render())
        assert title.endswith("· 2 + 1 minor warnings"), title
        assert column(app, "a1").focused
        assert cursor_id(app) == "a1:s1"
        # the cursor's claim is lit in every other column
        assert (
            column(app, "a2").text.marks.partners
            == (
                (
                    app.reader.index.story.sentence("a2:s1").start,
                    app.reader.index.story.sentence("a2:s1").end,
                ),
            )
            if app.reader.index
            else False
        )


@run_async
async def test_j_k_and_arrows_move_the_sentence() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j")
        assert cursor_id(app) == "a1:s2"
        await pilot.press("down", "down")
        assert cursor_id(app) == "a1:s4"
        await pilot.press("k", "up")
        assert cursor_id(app) == "a1:s2"
        focus = column(app, "a1").text.marks.focus
        s2 = app.reader.index.story.sentence("a1:s2") if app.reader.index else None
        assert s2 is not None and focus == (s2.start, s2.end)


@run_async
async def test_h_l_tab_move_between_columns_and_page_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2"]
        # a narrow top bar words its counts shorter rather than cutting the last one off
        title = str(app.reader.query_one("#story-title").render())
        assert "5 claims" in title and title.endswith("⚠ 2 + 1 minor"), title
        await pilot.press("l")
        assert app.reader.cursor and app.reader.cursor.article == "a2"
        assert cursor_id(app) == "a2:s1"  # landed on the corresponding sentence
        await pilot.press("tab")
        await ready(pilot)
        assert app.reader.cursor.article == "a3"
        assert [c.article_id for c in app.reader.columns] == ["a3", "a4"]  # paged sideways
        assert column(app, "a3").focused
        await pilot.press("shift+tab", "h")
        await ready(pilot)
        assert app.reader.cursor.article == "a1"
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2"]
        assert "1–2 of 4" in str(app.reader.query_one("#page-status").render())


@run_async
async def test_n_p_and_brackets_jump_between_claims() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        assert cursor_id(app) == "a1:s2"
        await pilot.press("n", "n")
        assert cursor_id(app) == "a1:s5"  # s4 has no correspondence: skipped
        await pilot.press("p")
        assert cursor_id(app) == "a1:s3"
        await pilot.press("right_square_bracket")
        assert cursor_id(app) == "a1:s5"
        await pilot.press("left_square_bracket")
        assert cursor_id(app) == "a1:s3"


@pytest.mark.parametrize("size", [WIDE, SMALL])
@run_async
async def test_enter_cycles_through_every_article_with_a_correspondence(
    size: tuple[int, int],
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        app.reader.move_to("a1", 4)  # the storm sentence: reported by all four
        await ready(pilot)
        assert cursor_id(app) == "a1:s5"
        seen = []
        for _ in range(4):
            await pilot.press("enter")
            await ready(pilot)
            seen.append(cursor_id(app))
            focused = column(app, app.reader.cursor.article if app.reader.cursor else "")
            assert focused.focused
            story = app.reader.index.story if app.reader.index else None
            assert story is not None
            partners = app.reader.index.partners(cursor_id(app)) if app.reader.index else {}
            for col in app.reader.columns:
                if col is focused:
                    here = story.sentence(cursor_id(app))
                    assert row_in_view(col, here.start)
                    continue
                found = partners.get(col.article_id or "")
                assert found, col.article_id
                assert row_in_view(col, found[0].start)  # the other columns scrolled to it
                assert col.text.marks.partners[0] == (found[0].start, found[0].end)
        assert seen == ["a2:s5", "a3:s5", "a4:s2", "a1:s5"]


@run_async
async def test_enter_skips_articles_without_a_correspondence() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        app.reader.move_to("a1", 1)  # workers: only a1 and a2
        await pilot.press("enter")
        assert cursor_id(app) == "a2:s2"
        await pilot.press("enter")
        assert cursor_id(app) == "a1:s2"


@run_async
async def test_w_and_W_walk_warnings_in_reading_order() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await ready(pilot)
        assert picked(app) == ("warning", 0)
        assert cursor_id(app) == "a3:s2"
        assert column(app, "a3").focused
        text = app.reader.index.story.article("a3").text if app.reader.index else ""
        sel = column(app, "a3").text.marks.selected
        assert sel and text[sel[0] : sel[1]] == "Kesler"  # first in reading order
        assert "spelling-variant" in str(app.reader.query_one("#status-line").render())
        await pilot.press("w")
        assert picked(app) == ("warning", 1)
        sel = column(app, "a3").text.marks.selected
        assert sel and text[sel[0] : sel[1]] == "said you"
        assert "pronoun" in str(app.reader.query_one("#status-line").render())
        await pilot.press("W", "W")
        assert picked(app) == ("warning", 2)  # wraps around backwards
        # The minor one says so: a quieter mark and "(minor)".
        status = str(app.reader.query_one("#status-line").render())
        assert "· 3/3 calque (minor): " in status, status


@run_async
async def test_d_and_D_walk_discrepancies() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("d")
        assert picked(app) == ("discrepancy", 0)
        assert "day" in str(app.reader.query_one("#status-line").render())
        await pilot.press("d")
        assert picked(app) == ("discrepancy", 1)
        sel = column(app, "a1").text.marks.selected
        text = app.reader.index.story.article("a1").text if app.reader.index else ""
        assert sel and text[sel[0] : sel[1]] == "1,200"
        await pilot.press("D")
        assert picked(app) == ("discrepancy", 0)


@run_async
async def test_search_lists_results_and_they_stay_navigable() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.press(*"queues")
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert cursor_id(app) == "a2:s4"
        await pilot.press("slash")
        dialog = app.screen
        assert dialog.query_one("Input").value == "queues"  # type: ignore[attr-defined]
        await pilot.press(*"storm")  # the old query is selected: typing replaces it
        await ready(pilot)
        assert len(dialog.hits) == 6  # type: ignore[attr-defined]
        await pilot.press("down", "down", "enter")  # into the list, second result
        await ready(pilot)
        assert picked(app) == ("hit", 1)
        assert column(app, "a1").text.marks.search  # every hit is lit
        await pilot.press("greater_than_sign")
        assert picked(app) == ("hit", 2)
        assert cursor_id(app) == "a2:s1"
        await pilot.press("less_than_sign", "escape")
        assert app.reader.hits == []


@run_async
async def test_search_keys_type_into_the_box_not_the_app() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("slash", "q", "w", "question_mark")
        assert app.is_running
        assert app.screen.query_one("Input").value == "qw?"  # type: ignore[attr-defined]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@run_async
async def test_overview_lists_and_enter_jumps() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await ready(pilot)
        assert isinstance(app.screen, OverviewScreen)
        screen = app.screen
        heat = screen.query_one(HeatMap)
        assert "%" in heat.line(2).plain  # a row of percentages
        assert heat.line(1).plain.split() == [a.id for a in app.story.articles]
        warnings = screen.query_one("#warning-list")
        assert warnings.option_count == 3  # type: ignore[attr-defined]
        titles = [str(t.render()) for t in screen.query(".list-title")]
        assert "2 + 1 minor warnings" in titles, titles
        shown = [str(warnings.get_option_at_index(i).prompt) for i in range(3)]  # type: ignore[attr-defined]
        # The warnings come first; the minor one is marked apart, as in the gutter.
        assert [line[0] for line in shown] == ["⚠", "⚠", "·"], shown
        warnings.focus()
        await pilot.press("down", "enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert cursor_id(app) == "a3:s2"
        sel = column(app, "a3").text.marks.selected
        text = app.reader.index.story.article("a3").text if app.reader.index else ""
        assert sel and text[sel[0] : sel[1]] == "said you"
        await pilot.press("o")
        await ready(pilot)
        app.screen.query_one("#discrepancy-list").focus()
        await pilot.press("enter")
        await ready(pilot)
        assert cursor_id(app) == "a1:s1"  # the reopening day, first in reading order
        sel = column(app, "a1").text.marks.selected
        text = app.reader.index.story.article("a1").text if app.reader.index else ""
        assert sel and text[sel[0] : sel[1]] == "Tuesday"


@run_async
async def test_overview_lists_claims_with_review_marks_and_enter_jumps() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "v")  # the second sentence's claim: verified
        await ready(pilot)
        story = app.story
        assert story is not None
        verified = story.claims_of("a1:s2")[0]
        await pilot.press("o")
        await ready(pilot)
        claims = app.screen.query_one("#claim-list", OptionList)
        assert claims.option_count == len(story.claims)
        titles = [str(t.render()) for t in app.screen.query(".list-title")]
        assert f"{len(story.claims)} claims · 1 reviewed" in titles, titles
        shown = str(claims.get_option(f"c:{verified.id}").prompt)
        assert "✓" in shown and f"“{verified.label}”" in shown
        last = story.claims[-1]
        assert "✓" not in str(claims.get_option(f"c:{last.id}").prompt)
        claims.focus()
        claims.highlighted = len(story.claims) - 1
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert cursor_id(app) == last.members[0]
        # From another article's column, a claim opens on that article's sentence.
        other = next(c for c in story.claims if len({m.split(":")[0] for m in c.members}) > 1)
        there = other.members[-1]
        app.reader.move_to(there.split(":")[0], 0)
        await pilot.press("o")
        await ready(pilot)
        claims = app.screen.query_one("#claim-list", OptionList)
        claims.focus()
        claims.highlighted = story.claims.index(other)
        await pilot.press("enter")
        await ready(pilot)
        assert cursor_id(app) == there


@run_async
async def test_overview_lists_an_article_saying_one_value_twice_once() -> None:
    story = fixture_story()
    d = next(d for d in story.discrepancies if d.kind == "day")
    tuesday = d.values[0]
    again = dataclasses.replace(tuesday, start=tuesday.start + 1)  # a second mention, same words
    twice = dataclasses.replace(d, values=(tuesday, again, *d.values[1:]))
    app = SameStoryApp(story=dataclasses.replace(story, discrepancies=[twice]))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await ready(pilot)
        listed = app.screen.query_one("#discrepancy-list")
        label = str(listed.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        # Each value once, after every article that states it; the detail adds "reopening".
        assert label == "≠ day a1 a3 Tuesday | a2 Wednesday  reopening day differs", label


@run_async
async def test_the_heat_map_follows_a_theme_change() -> None:
    # It is built once and again only when the theme's heat colours change.
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await ready(pilot)
        heat = app.screen.query_one(HeatMap)

        def backgrounds() -> set[str]:
            content = heat.line(2)
            return {str(s.style.background) for s in content.spans if isinstance(s.style, Style)}

        before = backgrounds()
        app.theme = "light"
        await ready(pilot)
        after = backgrounds()
        assert before and after and before != after


@run_async
async def test_the_heat_map_of_many_articles_draws_the_columns_in_view() -> None:
    """Many articles: the map is drawn line by line, and scrolled right it shows the columns
    there, each under its own id."""
    from benchmarks.ui_keys import generate_story

    app = SameStoryApp(story=generate_story(60, 6), remember=False)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await ready(pilot)
        heat = app.screen.query_one(HeatMap)
        assert heat.virtual_size.width == 8 + 5 * 60
        heat.scroll_to(x=8 + 5 * 40, animate=False)
        await ready(pilot)
        x, width = heat.scroll_offset.x, heat.scrollable_content_region.width
        assert x == 8 + 5 * 40
        for y in (1, 2, 30):  # the ids, a1's row, a29's row: what the whole line shows there
            whole = heat.line(y).plain.ljust(x + width)
            assert heat.render_line(y).text == whole[x : x + width]
        assert heat.render_line(1).text.split()[0] == "a41"


def test_overview_drops_a_detail_that_only_repeats_the_values() -> None:
    names = (Value("a1", 0, 5, "Acme Co"), Value("a2", 0, 5, "Acme Corp"))
    bare = Discrepancy("c1", "name", "name: Acme Co vs Acme Corp", names)
    assert said_by(bare) == "a1 Acme Co | a2 Acme Corp"
    assert not adds_to_values(bare.detail, bare)
    counts = (Value("a1", 0, 5, "seven"), Value("a2", 0, 5, "eight"), Value("a3", 0, 5, "Seven"))
    subject = Discrepancy("c1", "number", "soldiers: seven vs eight", counts)
    assert said_by(subject) == "a1 a3 seven | a2 eight"
    assert adds_to_values(subject.detail, subject)


@run_async
async def test_inspector_names_a_discrepancy_kind_once() -> None:
    story = fixture_story()
    d = next(d for d in story.discrepancies if d.kind == "day")
    day = dataclasses.replace(d, message="day: Tuesday vs Wednesday")
    app = SameStoryApp(story=dataclasses.replace(story, discrepancies=[day]))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("i")
        await ready(pilot)
        inspector = app.reader.query_one(Inspector)
        index = app.reader.index
        assert index is not None
        sid = next(s.id for s in story.sentences if s.article == d.values[0].article
                   and s.start <= d.values[0].start < s.end)  # fmt: skip
        plain = inspector.render_claim(index, sid).plain
        assert "• day: Tuesday vs Wednesday" in plain and "day: day:" not in plain


@run_async
async def test_inspector_shows_versions_diff_values_and_warnings() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert not app.reader.query(Inspector)  # mounted when first asked for
        await pilot.press("j", "i")
        await ready(pilot)
        inspector = app.reader.query_one(Inspector)
        assert inspector.display
        body = inspector.body.render()
        plain = str(body)
        assert "workers" in plain and "1,200" in plain and "1,500" in plain
        assert "(focused)" in plain
        content = inspector.render_claim(app.reader.index, "a1:s2")  # type: ignore[arg-type]
        claim = app.story.claims_of("a1:s2")[0]
        assert content.plain.startswith(f"Claim {claim.id} “{claim.label}”")  # a quote, with id
        changed = [content.plain[s.start : s.end] for s in content.spans]
        assert "1,500" in changed  # the word diff marks what differs from the focused version
        app.reader.move_to("a1", 2)
        await ready(pilot)
        plain = str(inspector.body.render())
        assert "suggestion: said that" in plain and "Kesler" in plain
        await pilot.press("i")
        assert not inspector.display


@run_async
async def test_z_zooms_to_the_closest_counterpart() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("z")
        await ready(pilot)
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2"]
        await pilot.press("z")
        await ready(pilot)
        assert len(app.reader.columns) == 4


@run_async
async def test_the_page_position_is_never_cut() -> None:
    """At 160 columns the bar showed 'zoom: a1 + a2 (z:' and, with 200 articles, '1–4 of 2'."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("z")
        await ready(pilot)
        page = app.reader.query_one("#page-status")
        shown = str(page.render()).strip()
        assert shown.endswith("(z: all)") and shown.startswith("zoom:")
        assert page.size.width >= len(shown)


@run_async
async def test_f_shows_furniture_dimmed() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        text = column(app, "a1").text
        assert "Share this article" not in text.layout_.display
        await pilot.press("f")
        await ready(pilot)
        assert "Share this article" in text.layout_.display
        assert text.layout_.hidden


@pytest.mark.parametrize("key", ["f1", "question_mark"])
@run_async
async def test_help_lists_every_key(key: str) -> None:
    from reader.ui.bindings import APP_BINDINGS, READER_BINDINGS

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press(key)
        await ready(pilot)
        assert isinstance(app.screen, HelpScreen)
        plain = app.screen.body.plain
        for b in [*READER_BINDINGS, *APP_BINDINGS]:
            assert b.id and b.id in plain
            assert b.description in plain
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@run_async
async def test_narrow_help_wraps_each_tooltip_under_its_key() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await ready(pilot)
        body = app.screen.query_one("#help-body")
        width = body.content_region.width
        lines = app.screen.body.plain.splitlines()  # type: ignore[attr-defined]
        tips = [line for line in lines if line.startswith("      ")]
        from reader.ui.bindings import READER_BINDINGS

        assert len(tips) >= len(READER_BINDINGS), "tooltips go under their keys"
        assert all(len(line) <= width for line in tips), width  # wrapped here, not by Static


@run_async
async def test_command_palette_runs_reader_actions() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await ready(pilot)
        await pilot.press(*"next warning")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await ready(pilot)
        assert picked(app) == ("warning", 0)


@run_async
async def test_click_moves_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        col = column(app, "a2")
        story = app.reader.index.story if app.reader.index else None
        assert story is not None
        target = story.sentence("a2:s4")
        row = col.text.row_of(target.start)
        await pilot.click(col.text, offset=(4, row - int(col.text.scroll_y)))
        await ready(pilot)
        assert cursor_id(app) == "a2:s4"
        assert col.focused


@run_async
async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


@run_async
async def test_article_text_is_data_never_markup_or_escape_codes() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        text = column(app, "a3").text
        lines = [text.render_line(y).text for y in range(text.size.height)]
        joined = "\n".join(lines)
        assert "[bold]3 million[/bold]" in joined
        assert "\x1b" not in joined and "␛[31m" in joined
        assert all("\x1b" not in seg.text for y in range(5) for seg in text.render_line(y))


@run_async
async def test_analysis_runs_in_a_worker_with_progress(tmp_path: Path) -> None:
    for name, body in (("one.txt", "A bridge opened. It rained."), ("two.txt", "A bridge opened.")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    app = SameStoryApp([tmp_path])
    async with app.run_test(size=WIDE) as pilot:
        assert app.reader.query("#loading")  # painted before the analysis finished
        for _ in range(600):  # the analysis runs in a child process: wait for its story
            if app.analysed:
                break
            await pilot.pause(0.05)
        await ready(pilot)
        assert app.reader.index is not None
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2"]


@run_async
async def test_start_position_is_restored() -> None:
    story = fixture_story()
    app = SameStoryApp(story=story)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("l", "j", "j")
        assert cursor_id(app) == "a2:s3"
    app2 = SameStoryApp(story=fixture_story())
    async with app2.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert app2.reader.cursor == Cursor("a2", 2)


@run_async
async def test_wheel_scrolls_a_column() -> None:
    from textual import events

    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await ready(pilot)
        text = column(app, "a1").text
        assert text.scroll_y == 0
        await pilot._post_mouse_events([events.MouseScrollDown], text, offset=(5, 2))
        await ready(pilot)
        assert text.scroll_y > 0
        assert cursor_id(app) == "a1:s1"  # the wheel scrolls; it does not move the cursor


def test_every_binding_has_an_id_description_and_tooltip() -> None:
    import re

    from reader.ui.app import SameStoryApp as App
    from reader.ui.dialogs.help import HelpScreen as Help
    from reader.ui.dialogs.search import SearchDialog
    from reader.ui.screens.overview import OverviewScreen as Overview

    ids = []
    for owner in (App, ReaderScreen, Help, SearchDialog, Overview):
        for b in owner.BINDINGS:
            assert not isinstance(b, tuple), owner
            assert b.id and re.fullmatch(r"[a-z]+(-[a-z]+)*", b.id), b
            assert b.description and b.tooltip, b.id
            ids.append(b.id)
    assert len(ids) == len(set(ids))


def _many_articles(n: int) -> Story:
    from reader.core.model import Article, Claim, Sentence, Story

    articles, sentences = [], []
    for i in range(1, n + 1):
        text = " ".join(f"Sentence {k} of article {i} says something." for k in range(1, 21))
        articles.append(Article(f"a{i}", f"{i}.txt", f"/{i}.txt", text, fingerprint=str(i)))
        pos = 0
        for k in range(20):
            end = text.index(".", pos) + 1
            sentences.append(Sentence(f"a{i}:s{k + 1}", f"a{i}", k, pos, end))
            pos = end + 1
    claims = [Claim(f"c{k}", tuple(f"a{i}:s{k}" for i in range(1, n + 1))) for k in (3, 9)]
    return Story(articles, sentences, claims)


@run_async
async def test_fifty_articles_mount_only_the_columns_on_screen() -> None:
    app = SameStoryApp(story=_many_articles(50))
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        assert len(app.reader.query(ArticleText)) == len(app.reader.query(ColumnHeader)) == 2
        assert "1–2 of 50" in str(app.reader.query_one("#page-status").render())
        app.reader.move_to("a1", 2)
        for _ in range(49):
            await pilot.press("enter")
        assert cursor_id(app) == "a50:s3"
        assert [c.article_id for c in app.reader.columns] == ["a49", "a50"]
        await pilot.press("enter")
        assert cursor_id(app) == "a1:s3"  # the cycle comes back
        assert len(app.reader.query(ArticleText)) == len(app.reader.query(ColumnHeader)) == 2


@run_async
async def test_paging_first_last_and_escape() -> None:
    app = SameStoryApp(story=_many_articles(3))
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("G")
        assert cursor_id(app) == "a1:s20"
        await pilot.press("g")
        assert cursor_id(app) == "a1:s1"
        await pilot.press("space")
        await ready(pilot)
        after_page = app.reader.cursor.index if app.reader.cursor else 0
        assert after_page > 3  # a screenful further, not one sentence
        await pilot.press("b")
        assert app.reader.cursor and app.reader.cursor.index < after_page
        await pilot.press("i", "z")
        await ready(pilot)
        assert app.reader.zoom and app.reader.query_one(Inspector).display
        await pilot.press("escape")  # one step back at a time: inspector first
        assert not app.reader.query_one(Inspector).display and app.reader.zoom
        await pilot.press("escape")
        await ready(pilot)
        assert not app.reader.zoom


@run_async
async def test_resizing_changes_the_number_of_columns() -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("n", "n")
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2"]
        await pilot.resize_terminal(*WIDE)
        await ready(pilot)
        assert [c.article_id for c in app.reader.columns] == ["a1", "a2", "a3", "a4"]
        assert cursor_id(app) == "a1:s3"
        a3 = column(app, "a3")
        s = app.reader.index.story.sentence("a3:s2") if app.reader.index else None
        assert s is not None and row_in_view(a3, s.start)  # new columns follow the cursor too
        await pilot.resize_terminal(*SMALL)
        await ready(pilot)
        assert len(app.reader.columns) == 2


@run_async
async def test_minor_warnings_are_drawn_quieter_than_warnings() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        index = app.reader.index
        assert index is not None
        text = column(app, "a3").text
        assert text._layout is not None
        by_severity = {w.severity: w for w in index.warnings_of("a3")}
        rows = {k: text._layout.line_of(w.start) for k, w in by_severity.items()}
        assert rows["info"] != rows["warning"]
        gutter = {k: gutter_at(app, "a3", w.start)[0] for k, w in by_severity.items()}
        assert gutter == {"warning": "▌", "info": "╎"}
        styles = {k: text._style("artifact" if k == "warning" else "artifact-info") for k in rows}
        assert styles["warning"] != styles["info"]
        assert styles["warning"].underline and not styles["info"].underline


@run_async
async def test_m_hides_minor_marks_and_w_then_walks_warnings_only() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        index = app.reader.index
        assert index is not None
        info = next(w for w in index.warnings if w.severity == "info")

        def gutter() -> str:
            return gutter_at(app, info.article, info.start)[0]

        assert gutter() == "╎"
        await pilot.press("m")
        await ready(pilot)
        assert gutter() == " "
        assert any("Minor marks hidden (1)" in n.message for n in app._notifications)
        walked = set()
        for _ in index.warnings:
            await pilot.press("w")
            await ready(pilot)
            assert app.reader.selected is not None
            stop = app.reader.selected.stop
            walked.add((stop.article, stop.start))
        assert walked == {(w.article, w.start) for w in index.major_warnings}
        assert (info.article, info.start) not in walked
        await pilot.press("m")
        await ready(pilot)
        assert gutter() == "╎"


@run_async
async def test_hidden_minor_marks_stay_hidden_after_a_restart() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await ready(pilot)
    assert load_settings().settings.minor_marks is False
    again = make_app()
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot)
        index = again.reader.index
        assert index is not None and again.reader.show_minor is False
        info = next(w for w in index.warnings if w.severity == "info")
        assert gutter_at(again, info.article, info.start)[0] == " "
        await pilot.press("m")
        await ready(pilot)
    assert load_settings().settings.minor_marks is True


@run_async
async def test_enter_visits_the_strongest_correspondence_first() -> None:
    """With strengths on the claim, Enter goes to the surest partner first, then the others in
    order of strength, then back; the inspector marks the weak one."""
    from dataclasses import replace as _replace

    from reader.ui.story_index import StoryIndex

    story = fixture_story()
    anchor = "a1:s5"
    [claim] = [c for c in story.claims if anchor in c.members]
    strength = {"a1": 0.9, "a2": 0.3, "a3": 0.6, "a4": 0.95}
    strengths = tuple(strength[m.split(":")[0]] for m in claim.members)
    claims = [_replace(c, strengths=strengths) if c is claim else c for c in story.claims]
    story = _replace(story, claims=claims)
    index = StoryIndex(story)
    seen, here = [], "a1"
    for _ in range(4):
        target = index.cycle(anchor, here)
        assert target is not None
        seen.append(target.article)
        here = target.article
    assert seen == ["a4", "a3", "a2", "a1"]
    app = SameStoryApp(story=story)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("i")
        await ready(pilot)
        text = app.reader.query_one(Inspector).render_claim(index, anchor).plain
    assert "30% sure (weak: check)" in text and "95% sure" in text


def test_a_web_article_s_header_names_its_site() -> None:
    from reader.core.model import Article
    from reader.ui.story_index import StoryIndex
    from reader.ui.widgets.article_column import header_content

    web = Article(
        id="a1",
        name="x.md",
        path="x.md",
        text="Some text here.",
        source="The Daily",
        url="https://www.daily.example.org/world/story",
        date="2021-03-09",
    )
    index = StoryIndex(Story(articles=[web]))
    first = str(header_content(index, "a1")).splitlines()[0]
    assert first == "a1 The Daily · 2021-03-09 · daily.example.org"


async def _overview_seen(story: Story) -> tuple[list[str], list[str], list[object]]:
    """The overview's map and article list, and the columns' shading, as the reader shows them."""
    app = SameStoryApp(story=story)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        shading = [app.reader.index.shade(a.id) for a in story.articles]
        await pilot.press("o")
        await ready(pilot)
        screen = app.screen
        heat = screen.query_one(HeatMap)
        lines = [heat.line(y).plain for y in range(len(story.articles) + 2)]
        articles = screen.query_one("#article-list", OptionList)
        listed = [str(articles.get_option_at_index(i).prompt) for i in range(articles.option_count)]
        # the shares as the overview asks for them all (the headers on screen had theirs)
        shares = dict(app.reader.index.shared.fractions())
        return lines, listed, [shading, shares]


@run_async
async def test_the_overview_of_a_large_table_shows_what_passage_by_passage_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A story of many passages reaches the reader as the engine's table and is read in bulk
    (display/overlap.py, from NUMPY_FROM passages): its map, shares and shading are those of the
    same passages read one by one."""
    from array import array

    from reader.core.passages.table import PassageTable
    from reader.display import overlap

    story = fixture_story()
    ids = [a.id for a in story.articles]
    rows = [
        (ids.index(p.a.article), p.a.start, p.a.end, ids.index(p.b.article), p.b.start, p.b.end)
        for p in story.passages
    ]
    rows = [(*row, 1, 1) for row in rows]  # the similarity: no share reads it
    table = PassageTable(ids, [array("q", column) for column in zip(*rows, strict=True)])
    one_by_one = await _overview_seen(story)
    monkeypatch.setattr(overlap, "NUMPY_FROM", 1)
    in_bulk = await _overview_seen(dataclasses.replace(story, passages=table))
    assert in_bulk == one_by_one
    lines, listed, (shading, shares) = in_bulk
    cells = [cell for line in lines[2:] for cell in line.split() if cell.endswith("%")]
    assert any(cell != "0%" for cell in cells)  # the map shows shares
    assert any("%" in prompt and " 0%" not in prompt for prompt in listed)
    assert any(shading) and any(shares.values())
