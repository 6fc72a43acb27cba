"""Reports a person reads: claims side by side, warnings grouped by article and kind."""

from __future__ import annotations

from pathlib import Path

from reader.core.model import Article, Claim, Discrepancy, Sentence, Story, Value, Warning
from reader.core.pipeline import analyse
from reader.report.people import render_markdown, render_text

A = "The mayor said that 40 cables were replaced. Families have fled turkey since May."
B = "The mayor said that 45 cables were replaced. Families have fled Turkey since May."


def _story() -> Story:
    arts = [
        Article(id="a1", name="a.txt", path="a.txt", text=A),
        Article(id="a2", name="b.txt", path="b.txt", text=B),
    ]
    cut_a, cut_b = A.index("Families"), B.index("Families")
    sentences = [
        Sentence("a1:s1", "a1", 0, 0, cut_a - 1),
        Sentence("a1:s2", "a1", 1, cut_a, len(A)),
        Sentence("a2:s1", "a2", 0, 0, cut_b - 1),
        Sentence("a2:s2", "a2", 1, cut_b, len(B)),
    ]
    turkey = A.index("turkey")
    return Story(
        articles=arts,
        sentences=sentences,
        claims=[
            Claim("c1", ("a1:s1", "a2:s1"), "cables replaced"),
            Claim("c2", ("a1:s2", "a2:s2"), "families fled"),
        ],
        warnings=[
            Warning(
                "w1",
                "a1",
                turkey,
                turkey + 6,
                "casing",
                "'turkey' is a country here",
                "Turkey",
                ("a2:s2",),
            ),
            Warning(
                "w2",
                "a1",
                A.index("cables"),
                A.index("cables") + 6,
                "calque",
                "odd word",
                None,
                ("rule:test",),
                "info",
            ),
        ],
        discrepancies=[
            Discrepancy(
                "c1",
                "number",
                "cables: 40 vs 45",
                (
                    Value("a1", A.index("40"), A.index("40") + 2, "40"),
                    Value("a2", B.index("45"), B.index("45") + 2, "45"),
                ),
            )
        ],
    )


def test_markdown_groups_each_articles_warnings_by_kind() -> None:
    md = render_markdown(_story())
    section = md.split("## Warnings by article", 1)[1]
    a1_part = section.split("### a2", 1)[0]
    assert "### a1 a.txt (1 + 1 minor)" in a1_part
    assert a1_part.index("- **calque**") < a1_part.index("- **casing**")  # kinds in order
    assert "“turkey”: 'turkey' is a country here → Turkey" in a1_part
    assert "### a2 b.txt (0)" in section


def test_markdown_shows_claims_side_by_side_with_discrepancies() -> None:
    md = render_markdown(_story())
    claim = md.split("### c1: cables replaced", 1)[1].split("### c2", 1)[0]
    assert "| a1 a.txt | The mayor said that 40 cables were replaced. |" in claim
    assert "| a2 b.txt | The mayor said that 45 cables were replaced. |" in claim
    assert "**Discrepancy** number: cables: 40 vs 45 (a1: 40; a2: 45)" in claim


def test_a_message_that_names_its_kind_is_not_prefixed_twice() -> None:
    story = _story()
    day = Discrepancy("c2", "day", "day: Monday vs Tuesday", story.discrepancies[0].values)
    story = Story(story.articles, story.sentences, story.claims, discrepancies=[day])
    md, text = render_markdown(story), render_text(story)
    assert "**Discrepancy** day: Monday vs Tuesday (a1: 40; a2: 45)" in md
    assert "≠ day: Monday vs Tuesday (a1: 40; a2: 45)" in text
    assert "day: day:" not in md + text


def test_text_report_marks_flagged_versions() -> None:
    text = render_text(_story())
    assert " ! a1: Families have fled turkey since May." in text
    assert "   a2: Families have fled Turkey since May." in text
    assert "≠ number: cables: 40 vs 45" in text


def test_minor_warnings_are_counted_and_marked_apart() -> None:
    story = _story()
    md, text = render_markdown(story), render_text(story)
    for report in (md, text):
        assert "1 + 1 minor warnings" in report.splitlines()[0 if report is text else 2]
        assert "odd word (minor)" in report
        assert "is a country here → Turkey (minor)" not in report
    assert "| 1 + 1 minor |" in md
    only_minor = Story(
        articles=story.articles,
        sentences=story.sentences,
        claims=story.claims,
        warnings=[w for w in story.warnings if w.severity == "info"],
    )
    lines = render_text(only_minor).splitlines()
    assert " · a1: The mayor said that 40 cables were replaced." in lines
    assert "   a2: The mayor said that 45 cables were replaced." in lines


def test_a_claims_table_marks_minor_warnings_apart() -> None:
    md = render_markdown(_story())
    c1 = md.split("### c1: cables replaced", 1)[1].split("### c2", 1)[0]
    c2 = md.split("### c2", 1)[1].split("##", 1)[0]
    assert "| · calque (minor): odd word |" in c1
    assert "| ⚠ casing: 'turkey' is a country here |" in c2


def test_a_message_that_opens_with_its_quote_is_not_quoted_twice() -> None:
    story = _story()
    w = story.warnings[0]
    said = Warning(w.id, w.article, w.start, w.end, w.kind, "“turkey” in lower case", w.suggestion)
    story = Story(story.articles, story.sentences, story.claims, warnings=[said])
    md, text = render_markdown(story), render_text(story)
    assert "  - “turkey” in lower case → Turkey" in md
    assert "a1 casing: “turkey” in lower case (suggest: Turkey)" in text
    assert "“turkey”: “turkey”" not in md + text


def test_text_article_table_lines_up() -> None:
    story = _story()
    long_title = Article(id="a2", name="b-with-a-long-name.txt", path="b", text=B, title="T" * 80)
    lines = render_text(
        Story(articles=[story.articles[0], long_title], sentences=story.sentences)
    ).splitlines()
    header = next(line for line in lines if "shared" in line and "file" in line)
    rows = [line for line in lines if line.startswith(("a1 ", "a2 "))][:2]
    for row in rows:  # every column starts where its header does
        assert row.index("%") == header.index("shared") + len("shared") - 1
    assert "T" * 49 + "…" in rows[1] and "T" * 51 not in rows[1]
    assert rows[0].index("a.txt") == rows[1].index("b-with-a-long-name.txt")


def test_markdown_table_cells_cannot_break_the_table() -> None:
    story = _story()
    piped = Story(
        articles=[Article(id="a1", name="x|y.txt", path="x", text="A | B [bold]c[/bold].")],
        sentences=[Sentence("a1:s1", "a1", 0, 0, 20)],
    )
    md = render_markdown(piped)
    assert "x\\|y.txt" in md
    assert render_markdown(story).count("\n| a1 a.txt |") >= 2


def test_markdown_articles_are_reported_as_a_reader_sees_them(tmp_path: Path) -> None:
    for name, lead in (
        ("a.md", "The **harbour bridge** [reopened](https://example.org/x) on"),
        ("b.md", "The harbour bridge reopened on"),
    ):
        (tmp_path / name).write_text(
            f"# Bridge news\n\n{lead} Monday after eight months of repairs, the council said.\n",
            encoding="utf-8",
        )
    story = analyse([tmp_path])
    md, text = render_markdown(story), render_text(story)
    for report in (md, text):
        assert "harbour bridge reopened on Monday" in report
        assert "**harbour" not in report and "example.org" not in report


def test_markdown_shows_article_markup_as_text_never_as_html() -> None:
    from reader.core.pipeline import analyse_articles
    from reader.report.people import render_markdown

    hostile = (
        "Officials <img src=x onerror=alert(1)> said the [bridge](javascript:alert(2)) was shut "
        "on Monday after the storm damaged its northern span and several roads nearby.\n\n"
        "Engineers will inspect the bridge on Tuesday before any traffic is allowed back."
    )
    calm = (
        "Officials said the bridge was shut on Monday after the storm damaged its northern span "
        "and several roads nearby.\n\nEngineers will inspect it on Tuesday before traffic returns."
    )
    story = analyse_articles(
        [
            Article(id="a1", name="<b>one</b>.txt", path="one.txt", text=hostile),
            Article(id="a2", name="two.txt", path="two.txt", text=calm),
        ]
    )
    md = render_markdown(story)
    import re

    assert re.search(r"(?<!\\)[<>]", md) is None  # no tag a viewer would render
    assert re.search(r"(?<!\\)\]\(", md) is None  # no link either
    assert "\\<img src=x onerror=alert(1)\\>" in md


def test_json_escapes_c1_controls_and_line_separators() -> None:
    from reader.core.pipeline import analyse_articles
    from reader.report.json_report import render_json

    text = "A CSI \x9b31m hides here, and a line\u2028separator.\n\nAnother sentence follows it."
    story = analyse_articles([Article(id="a1", name="a.txt", path="a.txt", text=text)])
    out = render_json(story)
    assert "\x9b" not in out and "\u2028" not in out
    assert "\\u009b" in out and "\\u2028" in out
    import json

    assert json.loads(out)["articles"][0]["text"] == text


def test_counts_agree_with_their_number() -> None:
    from reader.display.counts import counted

    assert counted(1, "discrepancy") == "1 discrepancy"
    assert counted(2, "discrepancy") == "2 discrepancies"
    assert counted(1, "shared passage") == "1 shared passage"
    assert counted(0, "article") == "0 articles"


def test_text_report_columns_line_up_with_cjk_titles() -> None:
    from reader.display.width import cell_width
    from reader.report.people import render_text

    arts = [
        Article(
            id="a1", name="zh.txt", path="zh.txt", text="x", title="中国代表团抵达北京参加会谈"
        ),
        Article(id="a2", name="en.txt", path="en.txt", text="x", title="Delegation arrives"),
    ]
    lines = render_text(Story(articles=arts)).splitlines()
    rows = [line for line in lines if line.startswith(("a1 ", "a2 "))]
    shares = [cell_width(r[: r.index("%")]) for r in rows]
    assert len(set(shares)) == 1, rows


def test_the_warnings_a_sentence_holds_by_bisection_are_those_a_scan_finds() -> None:
    """The Markdown and text reports find each claim member's warnings by bisection over the
    article's warnings by start: the very warnings, in story order, that testing each finds."""
    import random

    from reader.core.model import Story, Warning
    from reader.report.people import _Warnings

    rng = random.Random(4)
    for _ in range(100):
        warnings = [
            Warning(f"w{k}", rng.choice(["a1", "a2"]), s, s + 3, "kind", "message")
            for k, s in enumerate(rng.randrange(60) for _ in range(rng.randint(0, 30)))
        ]
        story = Story(articles=[], warnings=warnings)
        index = _Warnings(story)
        for article in ("a1", "a2", "a3"):
            for start in range(0, 60, 7):
                end = start + rng.randint(0, 20)
                scan = [w for w in warnings if w.article == article and start <= w.start < end]
                assert index.starting_in(article, start, end) == scan
