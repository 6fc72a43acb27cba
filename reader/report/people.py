"""Markdown and plain-text reports: what a person reads after `samestory report`."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from reader.core.ingest.loading import visible_text
from reader.core.model import Article, Claim, Story, Warning
from reader.display.counts import counted
from reader.display.overlap import SharedText
from reader.display.textsafe import markdown_text, printable
from reader.display.warning_tally import warning_tally, warnings_phrase
from reader.display.width import cell_width, clip, pad


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


def _md_cell(text: str) -> str:
    """Article text inside a Markdown table cell or heading: shown, never rendered."""
    return markdown_text(text)


class _Warnings:
    """The story's warnings by article, and by where they start there: a claim's rows ask for
    the warnings in each member sentence (at 500 articles, 28,000 sentences of 5,000 warnings
    each read in 4.6 s)."""

    def __init__(self, story: Story) -> None:
        self._of: dict[str, list[Warning]] = defaultdict(list)  # in story order
        for w in story.warnings:
            self._of[w.article].append(w)
        self._by_start: dict[str, list[int]] = {}  # each article's, by start: their places
        self._starts: dict[str, list[int]] = {}  # ... and where they start
        for article, found in self._of.items():
            order = sorted(range(len(found)), key=lambda k: found[k].start)
            self._by_start[article] = order
            self._starts[article] = [found[k].start for k in order]

    def of(self, article_id: str) -> list[Warning]:
        return self._of.get(article_id, [])

    def starting_in(self, article_id: str, start: int, end: int) -> list[Warning]:
        """The article's warnings that start in [start, end), in story order."""
        starts = self._starts.get(article_id)
        if not starts:
            return []
        found = self._of[article_id]
        order = self._by_start[article_id]
        picked = order[bisect_left(starts, start) : bisect_left(starts, end)]
        return [found[k] for k in sorted(picked)]


def _claim_rows(
    story: Story, claim: Claim, warnings: _Warnings
) -> list[tuple[Article, str, list[Warning]]]:
    rows = []
    for sid in claim.members:
        s = story.sentence(sid)
        rows.append(
            (
                story.article(s.article),
                visible_text(story.article(s.article), s.start, s.end),
                warnings.starting_in(s.article, s.start, s.end),
            )
        )
    return rows


def _matrix_lines(story: Story, shared: SharedText) -> Iterable[list[str]]:
    matrix = shared.matrix()
    yield ["", *[a.id for a in story.articles]]
    for a in story.articles:
        yield [
            a.id,
            *["—" if a.id == b.id else f"{matrix[(a.id, b.id)]:.0%}" for b in story.articles],
        ]


def _summary(story: Story) -> list[str]:
    return [
        f"{counted(len(story.articles), 'article')}, "
        f"{counted(len(story.sentences), 'sentence')}, "
        f"{counted(len(story.claims), 'claim')}, "
        f"{counted(len(story.passages), 'shared passage')}, "
        f"{counted(len(story.discrepancies), 'discrepancy')}, "
        f"{warnings_phrase(story.warnings)}"
    ]


def _minor_tag(w: Warning) -> str:
    return " (minor)" if w.severity == "info" else ""


def _flag(warns: list[Warning]) -> str:
    """'!' beside a version with a warning, '·' with only minor ones (as the gutter draws them)."""
    if any(w.severity != "info" for w in warns):
        return "!"
    return "·" if warns else " "


def _by_kind(warnings: list[Warning]) -> dict[str, list[Warning]]:
    grouped: dict[str, list[Warning]] = defaultdict(list)
    for w in warnings:
        grouped[w.kind].append(w)
    return dict(sorted(grouped.items()))


def _quote(story: Story, w: Warning) -> str:
    return _one_line(visible_text(story.article(w.article), w.start, w.end))


def _described(story: Story, w: Warning) -> str:
    """The message, led by the flagged words unless it already opens with them."""
    quote, message = f"“{_quote(story, w)}”", _one_line(w.message)
    return message if message.startswith(quote) else f"{quote}: {message}"


def _md_flag(w: Warning) -> str:
    """A version's flag in a claim's table: ⚠ for a warning, · for a minor one, as the text
    report marks them."""
    if w.severity == "info":
        return f"· {w.kind} (minor): {_md_cell(w.message)}"
    return f"⚠ {w.kind}: {_md_cell(w.message)}"


def _discrepancy_values(story: Story, claim_id: str) -> list[str]:
    out = []
    for d in story.discrepancies:
        if d.claim == claim_id:
            vals = "; ".join(f"{v.article}: {_one_line(v.text)}" for v in d.values)
            out.append(f"{d.kind}: {_one_line(d.detail)} ({vals})")
    return out


def render_markdown(story: Story) -> str:
    out: list[str] = ["# samestory report", "", *_summary(story), "", "## Articles", ""]
    shared, warnings = SharedText(story), _Warnings(story)
    shared.fractions()  # every article's share at once
    out += [
        "| id | file | source | title | date | shared | warnings |",
        "|---|---|---|---|---|---|---|",
    ]
    for a in story.articles:
        out.append(
            f"| {a.id} | {_md_cell(a.url or a.name)} | {_md_cell(a.source or '')} | "
            f"{_md_cell(a.title or '')} | {a.date or ''} | {shared.fraction(a.id):.0%} | "
            f"{warning_tally(warnings.of(a.id))} |"
        )
    if len(story.articles) > 1:
        out += [
            "",
            "## Overlap",
            "",
            "Share of each row's text that it shares with each column.",
            "",
        ]
        rows = list(_matrix_lines(story, shared))
        out.append("| " + " | ".join(rows[0]) + " |")
        out.append("|" + "---|" * len(rows[0]))
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    out += ["", "## Claims", ""]
    for claim in story.claims:
        out.append(f"### {claim.id}: {_md_cell(claim.label)}")
        out += ["", "| article | version | flags |", "|---|---|---|"]
        for article, text, warns in _claim_rows(story, claim, warnings):
            flags = "; ".join(_md_flag(w) for w in warns)
            who = f"{article.id} {_md_cell(story.label(article.id))}"
            out.append(f"| {who} | {_md_cell(text)} | {flags} |")
        for line in _discrepancy_values(story, claim.id):
            out.append(f"\n**Discrepancy** {_md_cell(line)}")
        out.append("")
    out += ["## Warnings by article", ""]
    for a in story.articles:
        warns = warnings.of(a.id)
        out.append(f"### {a.id} {_md_cell(story.label(a.id))} ({warning_tally(warns)})")
        out.append("")
        for kind, items in _by_kind(warns).items():
            out.append(f"- **{kind}**")
            for w in items:
                hint = f" → {_md_cell(w.suggestion)}" if w.suggestion else ""
                out.append(f"  - {_md_cell(_described(story, w))}{hint}{_minor_tag(w)}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _article_lines(story: Story, shared: SharedText, warnings: _Warnings) -> list[str]:
    """One aligned row per article: id, file, title, shared share, warnings."""
    rows = [
        (
            a.id,
            _one_line(a.url or a.name),
            clip(_one_line(a.title or ""), 50),
            f"{shared.fraction(a.id):.0%}",
            warning_tally(warnings.of(a.id)),
        )
        for a in story.articles
    ]
    header = ("", "file", "title", "shared", "warnings")
    widths = [max(cell_width(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return [
        "  ".join(
            pad(cell, width, right=k == 3)
            for k, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [header, *rows]
    ]


def render_text(story: Story) -> str:
    shared, warnings = SharedText(story), _Warnings(story)
    shared.fractions()  # every article's share at once
    out: list[str] = [*_summary(story), "", *_article_lines(story, shared, warnings)]
    if len(story.articles) > 1:
        out += ["", "Overlap (share of row's text shared with column):"]
        out += ["".join(c.rjust(6) for c in row) for row in _matrix_lines(story, shared)]
    out += ["", "Claims:"]
    for claim in story.claims:
        out.append(f"\n{claim.id}  {_one_line(claim.label)}")
        for article, text, warns in _claim_rows(story, claim, warnings):
            mark = " " + _flag(warns)
            out.append(f"{mark} {article.id}: {_one_line(text)}")
        for line in _discrepancy_values(story, claim.id):
            out.append(f"   ≠ {line}")
    out += ["", "Warnings:"]
    for w in story.warnings:
        hint = f" (suggest: {_one_line(w.suggestion)})" if w.suggestion else ""
        out.append(f"  {w.article} {w.kind}: {_described(story, w)}{hint}{_minor_tag(w)}")
    return "\n".join(out).rstrip() + "\n"
