"""`o`: who shares what with whom, a bar per article, every discrepancy, warning and claim."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.model import Discrepancy, Location
from reader.display.counts import counted
from reader.display.warning_tally import warnings_phrase
from reader.notes.review import REVIEW_MARKS
from reader.ui.story_index import StoryIndex
from reader.ui.text_layout import clean_line
from reader.ui.themes import VARIABLE_DEFAULTS

BAR_WIDTH = 20
LABEL = 8  # the heat map's row labels (an article id and two spaces)
CELL = 5  # one heat-map cell: "100%"


def flagged_fraction(index: StoryIndex, article_id: str) -> float:
    text = index.story.article(article_id).text
    flagged = sum(w.end - w.start for w in index.warnings_of(article_id))
    return min(1.0, flagged / max(1, len(text)))


def bar(shared: float, flagged: float, width: int = BAR_WIDTH) -> tuple[int, int, int]:
    """Cells of a width-wide bar: shared, own, flagged (flagged shows at least one cell)."""
    f = max(1, round(flagged * width)) if flagged > 0 else 0
    s = min(width - f, round(shared * width))
    return s, width - s - f, f


def flag_counts(warnings: int, minor: int) -> str:
    """ "⚠1 ·20": warnings and the quieter minor ones apart; "" for none."""
    return " ".join(
        part for part in (f"⚠{warnings}" if warnings else "", f"·{minor}" if minor else "") if part
    )


def said_by(d: Discrepancy) -> str:
    """Each value once, after the articles that state it: "a1 a3 Tuesday | a2 Wednesday"."""
    who: dict[str, list[str]] = {}
    written: dict[str, str] = {}
    for v in d.values:
        key = clean_line(v.text).casefold()
        written.setdefault(key, clean_line(v.text))
        if v.article not in who.setdefault(key, []):
            who[key].append(v.article)
    return " | ".join(f"{' '.join(who[k])} {written[k]}" for k in who)


def adds_to_values(detail: str, d: Discrepancy) -> bool:
    """Whether the detail says more than the values do (a subject, "yesterday (Monday)")."""
    rest = detail.casefold()
    for v in sorted({clean_line(v.text).casefold() for v in d.values}, key=len, reverse=True):
        rest = rest.replace(v, " ")
    return any(w != "vs" and any(c.isalnum() for c in w) for w in rest.split())


class HeatMap(ScrollView, can_focus=False):
    """Rows share this much of their text with columns; the number is printed, colour repeats it.

    Drawn line by line (Textual's line API): only the rows on screen are built, so 500 articles
    (250,000 cells) open as fast as 5. As one Static of every cell, 500 articles took 9 s.
    """

    def __init__(self, index: StoryIndex) -> None:
        super().__init__(id="heat-map")
        self.index = index
        self._colours: tuple[Color, Color] | None = None  # the theme's heat colours
        self._styles: dict[int, Style] = {}  # by the percentage shown: at most 101 of them
        self.virtual_size = Size(LABEL + CELL * len(index.order), len(index.order) + 2)

    def on_mount(self) -> None:
        self._take_colours()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._take_colours()

    def _theme_colours(self) -> tuple[Color, Color]:
        """The theme's heat colours; a theme without them: the defaults every theme starts from."""
        variables = self.app.theme_variables
        low, high = (variables.get(v, VARIABLE_DEFAULTS[v]) for v in ("heat-low", "heat-high"))
        return Color.parse(low), Color.parse(high)

    def _take_colours(self) -> None:
        """Restyle only when the theme's heat colours change: style updates come in bursts."""
        colours = self._theme_colours()
        if colours != self._colours:
            self._colours = colours
            self._styles = {}
            self.refresh()

    def _style(self, percent: int) -> Style:
        if percent not in self._styles:
            low, high = self._colours or self._theme_colours()
            bg = low.blend(high, min(1.0, percent / 100 * 1.5))
            self._styles[percent] = Style(background=bg, foreground=bg.get_contrast_text())
        return self._styles[percent]

    def line(self, y: int, first: int = 0, last: int | None = None) -> Content:
        """Line y of the map (the title, the column ids, then one row per article), with the
        columns first..last only: a line of 500 cells costs 80 ms, the dozen on screen nothing."""
        order = self.index.order
        if y == 0:
            return Content.styled("% of row shared with column", "dim")
        columns = order[first:last]
        if y == 1:
            return Content(" " * LABEL + "".join(f"{aid:>{CELL}}" for aid in columns))
        if not 2 <= y < len(order) + 2:
            return Content("")
        row = order[y - 2]
        parts: list[str | tuple[str, str | Style]] = [f"{row:>{LABEL - 2}}  "]
        for col in columns:
            if row == col:
                parts.append(" " * (CELL - 1) + "·")
                continue
            percent = round(self.index.shared.share(row, col) * 100)
            parts.append((f"{percent:{CELL - 1}d}%", self._style(percent)))
        return Content.assemble(*parts)

    def render_line(self, y: int) -> Strip:
        x, top = self.scroll_offset
        width = self.scrollable_content_region.width
        first = max(0, (x - LABEL) // CELL) if top + y else 0
        last = (x + width - LABEL) // CELL + 1
        content = self.line(top + y, first, last)
        strip = Strip(content.render_segments(self.visual_style), content.cell_length)
        shift = first * CELL  # the columns left out before `first`
        return strip.crop_extend(x - shift, x - shift + width, self.rich_style)


class OverviewScreen(Screen[Location | None]):
    # Here, not in reader.tcss: parsed when the overview first opens, not at start-up. Scoped to
    # this screen and default-priority, so the lists are named by id (beating OptionList:focus).
    DEFAULT_CSS = """
    #overview-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    #overview-top { height: 45%; }
    #heat-map { max-width: 60%; padding: 0 1; }
    #bars-box { width: 1fr; }
    #overview-lists { height: 1fr; }
    .list-title { height: 1; padding: 0 1; color: $primary; text-style: bold; }
    #article-list, #discrepancy-list, #warning-list, #claim-list { height: 1fr; border: none; }
    #article-list:focus, #discrepancy-list:focus, #warning-list:focus, #claim-list:focus {
        background-tint: $primary 5%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o,q", "close", "Back", id="overview-close", tooltip="Back to the columns."),
        Binding(
            "tab",
            "app.focus_next",
            "Next list",
            id="overview-next-list",
            show=False,
            tooltip="Move between the lists.",
        ),
    ]

    def __init__(
        self,
        index: StoryIndex,
        claim_status: Mapping[str, str] | None = None,
        article: str | None = None,
    ) -> None:
        super().__init__(id="overview")
        self.index = index
        self.claim_status = claim_status or {}  # claim id -> review mark
        self.article = article  # the reader's article: a claim opens on its sentence there
        self.stops: dict[str, Location] = {}

    def compose(self) -> ComposeResult:
        index = self.index
        story = index.story
        yield Static(
            f"Overview · {counted(len(story.articles), 'article')} · "
            "Enter jumps to the item · Esc returns",
            id="overview-title",
        )
        with Horizontal(id="overview-top"):
            heat = HeatMap(index)
            heat.styles.width = LABEL + 2 + CELL * len(index.order)  # and the scrollbar's 2
            yield heat
            with Vertical(id="bars-box"):
                yield Static("articles: █ shared  ░ own  ▓ flagged", classes="list-title")
                yield OptionList(*self._article_options(), id="article-list")
        with Horizontal(id="overview-lists"):
            with Vertical():
                yield Static(counted(len(index.discrepancies), "discrepancy"), classes="list-title")
                yield OptionList(*self._discrepancy_options(), id="discrepancy-list")
            with Vertical():
                yield Static(warnings_phrase(index.warnings), classes="list-title")
                yield OptionList(*self._warning_options(), id="warning-list")
            with Vertical():
                claims = story.claims
                reviewed = sum(1 for c in claims if c.id in self.claim_status)
                yield Static(
                    f"{counted(len(claims), 'claim')} · {reviewed} reviewed", classes="list-title"
                )
                yield OptionList(*self._claim_options(), id="claim-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#article-list", OptionList).focus()

    def _article_options(self) -> list[Option]:
        out = []
        articles = self.index.story.articles
        self.index.shared.fractions()  # every article's share at once (in bulk when large)
        stats_of = {a.id: self.index.stats(a.id) for a in articles}
        flags = {aid: flag_counts(st.warnings, st.minor) for aid, st in stats_of.items()}
        flags_width = max(map(len, flags.values()), default=0)
        for a in articles:
            stats = stats_of[a.id]
            width = BAR_WIDTH if self.app.size.width >= 120 else BAR_WIDTH // 2
            s, o, f = bar(stats.shared, flagged_fraction(self.index, a.id), width)
            label = Content.assemble(
                (f"{a.id:>3} ", "dim"),
                ("█" * s, "$primary"),
                ("░" * o, "dim"),
                ("▓" * f, "$warning"),
                f" {stats.shared:4.0%}",
                f" {flags[a.id]:<{flags_width}} ",
                (clean_line(self.index.story.label(a.id))[:30], "bold"),
            )
            first = self.index.sentences(a.id)
            self.stops[f"a:{a.id}"] = Location(
                a.id, first[0].start if first else 0, first[0].start if first else 0
            )
            out.append(Option(label, id=f"a:{a.id}"))
        return out

    def _discrepancy_options(self) -> list[Option]:
        out = []
        for i, d in enumerate(self.index.discrepancies):
            detail = clean_line(d.detail)
            label = Content.assemble(
                ("≠ ", "$warning"),
                (d.kind, "bold"),
                f" {said_by(d)}",
                (f"  {detail}" if adds_to_values(detail, d) else "", "dim"),
            )
            self.stops[f"d:{i}"] = self.index.discrepancy_stop(d, d.values[0].article)
            out.append(Option(label, id=f"d:{i}"))
        return out or [Option("none found", disabled=True)]

    def _warning_options(self) -> list[Option]:
        out = []
        story = self.index.story
        # The warnings first, then the minor ones: a list of 1 + 275 must not bury the one.
        ranked = sorted(enumerate(self.index.warnings), key=lambda iw: iw[1].severity == "info")
        for i, w in ranked:
            quote = clean_line(story.article(w.article).text[w.start : w.end])
            minor = w.severity == "info"
            label = Content.assemble(
                ("· " if minor else "⚠ ", "dim" if minor else "$warning"),
                f"{w.article} ",
                (w.kind, "dim bold" if minor else "bold"),
                f" “{quote}”",
                (f" → {clean_line(w.suggestion)}" if w.suggestion else "", "italic"),
            )
            self.stops[f"w:{i}"] = Location(w.article, w.start, w.end)
            out.append(Option(label, id=f"w:{i}"))
        return out or [Option("none found", disabled=True)]

    def _claim_options(self) -> list[Option]:
        """Every claim by its label and review mark: Enter goes to its sentence in the reader's
        article, or to its first one."""
        out = []
        story = self.index.story
        colour = {"verified": "$success", "disputed": "$error", "unclear": "$warning"}
        for c in story.claims:
            status = self.claim_status.get(c.id, "")
            members = [story.sentence(m) for m in c.members]
            label = Content.assemble(
                (f"{c.id:>4} ", "dim"),
                (REVIEW_MARKS.get(status, " ") + " ", f"{colour.get(status, '')} bold".strip()),
                f"“{clean_line(c.label)}”" if c.label else c.id,
                (f" · {counted(len({m.article for m in members}), 'article')}", "dim"),
            )
            here = next((m for m in members if m.article == self.article), members[0])
            self.stops[f"c:{c.id}"] = Location(here.article, here.start, here.start)
            out.append(Option(label, id=f"c:{c.id}"))
        return out or [Option("none found", disabled=True)]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        stop = self.stops.get(event.option.id or "")
        if stop is not None:
            self.dismiss(stop)

    def action_close(self) -> None:
        self.dismiss(None)
