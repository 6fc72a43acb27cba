"""Loading articles: encodings, newlines, Markdown, metadata and one-line errors for bad input."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.ingest.article_files import expand_paths
from reader.core.ingest.loading import load_paths, visible_text
from reader.core.ingest.markdown_text import markup_spans
from reader.core.ingest.metadata import dateline_source, is_date_line, parse_date
from reader.core.model import Article, InputError

STORIES = Path(__file__).parents[1] / "stories" / "ingest"
TEXT = "Mayor said “the café is closed” — the river rose 3.5 metres.\n\nIt rained again."


def _load_bytes(tmp_path: Path, data: bytes, name: str = "a.txt") -> Article:
    f = tmp_path / name
    f.write_bytes(data)
    return load_paths([f])[0]


def _shown(article: Article) -> str:
    """The text with hidden characters left out."""
    keep = [True] * len(article.text)
    for s, e in article.hidden:
        keep[s:e] = [False] * (e - s)
    return "".join(c for c, k in zip(article.text, keep, strict=True) if k)


# -- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),  # with BOM, native order
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32"],
)
def test_unicode_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes) -> None:
    assert _load_bytes(tmp_path, data).text == TEXT


def test_cp1252_smart_quotes_and_accents(tmp_path: Path) -> None:
    raw = "He said \u201cwe stay\u201d \u2013 the caf\u00e9\u2019s owner.\n".encode("cp1252")
    assert b"\x93" in raw and b"\x94" in raw
    assert _load_bytes(tmp_path, raw).text == "He said “we stay” – the café’s owner.\n"


def test_utf8_with_stray_cp1252_bytes(tmp_path: Path) -> None:
    raw = "Café “open”, ".encode() + "he said \u201cno\u201d.\n".encode("cp1252")
    assert _load_bytes(tmp_path, raw).text == "Café “open”, he said “no”.\n"
    assert _load_bytes(tmp_path, b"\xef\xbb\xbf" + raw, "bom.txt").text.startswith("Café")


def test_latin1_bytes_cp1252_cannot_read(tmp_path: Path) -> None:
    raw = "Señor Müller\x81 said no.\n".encode("latin-1")  # 0x81 is unassigned in cp1252
    assert _load_bytes(tmp_path, raw).text == "Señor Müller\x81 said no.\n"


def test_other_scripts_fall_back_to_charset_detection(tmp_path: Path) -> None:
    text = "Мэр города сказал, что мост закрыт до пятницы. Вода поднялась на три метра.\n" * 3
    assert _load_bytes(tmp_path, text.encode("cp1251")).text == text


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    article = _load_bytes(tmp_path, b"Title\r\n\r\nOne line.\rTwo line.\r\n")
    assert article.text == "Title\n\nOne line.\nTwo line.\n"


def test_offsets_and_fingerprint_point_into_decoded_text(tmp_path: Path) -> None:
    raw = "Headline Here\r\n\r\nAdvertisement\r\n\r\nBody sentence one.\r\n".encode("utf-16")
    article = _load_bytes(tmp_path, raw)
    assert [article.text[s:e] for s, e in article.hidden] == ["Advertisement"]
    assert article.fingerprint == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


# -- paths -------------------------------------------------------------------------------


def test_directory_lists_txt_and_md_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.TXT", ".hidden.txt", "notes.json", "z.txt~"):
        (tmp_path / name).write_text("Some words here.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Nested.\n", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.md", "c.TXT"]
    articles = load_paths([tmp_path])
    assert [(a.id, a.name) for a in articles] == [("a1", "a.txt"), ("a2", "b.md"), ("a3", "c.TXT")]


def test_a_directory_lists_in_natural_order(tmp_path: Path) -> None:
    names = ["part-10.txt", "part-2.txt", "Part-3.txt", "part-1.txt", "intro.txt"]
    for name in names:
        (tmp_path / name).write_text("Some words here.\n", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == [
        "intro.txt",
        "part-1.txt",
        "part-2.txt",
        "Part-3.txt",
        "part-10.txt",
    ]


def test_files_and_directories_mix_in_input_order(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "x.txt").write_text("X text.\n", encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text("Single text.\n", encoding="utf-8")
    assert [a.name for a in load_paths([single, d, single])] == ["single.txt", "x.txt"]


# -- bad input: one clear line, never a traceback ------------------------------------------


def _error(paths: list[Path]) -> str:
    with pytest.raises(InputError) as info:
        load_paths(paths)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_missing_path(tmp_path: Path) -> None:
    assert "no such file or directory" in _error([tmp_path / "nope.txt"])


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert "no articles (.txt, .md, .html) in" in _error([tmp_path])


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  \n", "\ufeff\n".encode(), b"... -- *\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(data)
    assert "empty article" in _error([f])


def test_markdown_with_only_markup_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "rule.md"
    f.write_text("---\n\n***\n", encoding="utf-8")
    assert "empty article" in _error([f])


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"some text\x00\x01\x02 and more\xff\xfe\x00",
        bytes(range(1, 32)) * 20,
        b"\x00\x01\x02\xff",  # so short that it passes for UTF-16
    ],
    ids=["png", "pdf", "nul-bytes", "control-bytes", "four-bytes"],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "picture.txt"
    f.write_bytes(data)
    assert "not a text file" in _error([f])


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("Secret.\n", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert "permission denied" in _error([f])


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_on_disk(tmp_path: Path) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("Secret.\n", encoding="utf-8")
    f.chmod(0)
    try:
        assert "permission denied" in _error([f])
    finally:
        f.chmod(0o644)


def test_cli_prints_one_line_for_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["report", str(f), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a text file" in err and "Traceback" not in err


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_markup_is_hidden_and_offsets_stay_in_the_source(tmp_path: Path) -> None:
    src = (
        "# The *Big* Flood\n\n"
        'Water rose **fast** in [the town](https://example.org/x "t"), said `Ann`.\n'
        "> A quote line.\n\n"
        "- first item\n- second item\n\n"
        "```\ncode line\n```\n\n"
        '<div class="x">Kept words</div>\n\n'
        "Escaped \\* star and &amp; entity.\n\n"
        "***\n"
    )
    article = _load_bytes(tmp_path, src.encode(), name="story.md")
    assert article.text == src
    shown = _shown(article)
    assert "#" not in shown and "**" not in shown and "https" not in shown and "```" not in shown
    assert "The Big Flood" in shown
    assert "Water rose fast in the town, said Ann." in shown
    assert "A quote line." in shown and "first item" in shown and "code line" in shown
    assert "Kept words" in shown and "<div" not in shown
    assert "Escaped * star and &amp; entity." in shown
    assert article.title == "The Big Flood"


def test_visible_text_leaves_markup_out(tmp_path: Path) -> None:
    src = "# Title\n\nThe **old** bridge [closed](https://example.org/x) today.\n"
    article = _load_bytes(tmp_path, src.encode(), name="v.md")
    start = src.index("The")
    assert visible_text(article, start, len(src) - 1) == "The old bridge closed today."
    assert visible_text(article) == _shown(article)


def test_markdown_setext_heading_and_image() -> None:
    src = "Title Words\n===========\n\nText ![alt text](pic.png) here.\n"
    hidden = [src[s:e] for s, e in markup_spans(src)]
    assert hidden == ["===========", "![alt text](pic.png)"]


def test_markdown_front_matter_gives_title_date_source(tmp_path: Path) -> None:
    src = '---\ntitle: "Bridge Shut"\ndate: 2021-03-04\nsource: Valley Notes\n---\n\nBody.\n'
    article = _load_bytes(tmp_path, src.encode(), name="fm.md")
    assert (article.title, article.date, article.source) == (
        "Bridge Shut",
        "2021-03-04",
        "Valley Notes",
    )
    assert _shown(article).strip() == "Body."


def test_markdown_fixture_story() -> None:
    article = load_paths([STORIES / "flood" / "02_blog.md"])[0]
    shown = _shown(article)
    assert "never been this high" in shown and "example.org" not in shown
    assert "Sign up for our newsletter" not in shown and "Share this article" not in shown


# -- metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2020-02-07", "2020-02-07"),
        ("06 February, 2020", "2020-02-06"),
        ("6 Feb 2020", "2020-02-06"),
        ("Feb. 7, 2020", "2020-02-07"),
        ("February 7th, 2020", "2020-02-07"),
        ("NOVEMBER 12, 2007", "2007-11-12"),
        ("Sept. 30, 2019", "2019-09-30"),
        ("the 2020 season", None),
        ("2020-13-40", None),
        ("2010-09-10T14:02:00Z", "2010-09-10"),  # a timestamp
        ("12.11.2007 14:02", "2007-11-12"),  # dotted: day first
        ("25/12/2019", "2019-12-25"),
        ("12/25/2019", "2019-12-25"),
        ("9/10/2010", None),  # September 10 or 9 October: no date rather than a wrong one
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_date_lines_and_datelines() -> None:
    assert is_date_line("06 February, 2020")
    assert is_date_line("Published: Thursday, Feb. 7, 2020 10:15 GMT")
    assert is_date_line("Last modified on Thu 6 Feb 2020 19.10 GMT")  # a dotted time
    assert not is_date_line("On Feb. 7, 2020 the bridge was closed.")
    assert is_date_line("9/10/2010 @ 1:19PM")  # a date line, whichever date it is
    assert is_date_line("2010-09-10T14:02:00+01:00")
    assert not is_date_line("Between 3/4/2020 and now the bridge was closed.")
    assert dateline_source("BEIRUT (Reuters) —") == "Reuters"
    assert dateline_source("WASHINGTON, Feb. 7 (AP) -- Officials said") == "AP"
    assert dateline_source("Officials (in Beirut) said") is None
    assert dateline_source("UN (the body that runs the camps) - aid") is None


def test_header_metadata_from_plain_text(tmp_path: Path) -> None:
    src = " date 2021-05-06 LONDON – Officials said the bridge was shut.\n\nMore text here.\n"
    article = _load_bytes(tmp_path, src.encode())
    assert article.date == "2021-05-06"
    assert [src[s:e] for s, e in article.hidden] == ["date 2021-05-06"]
    assert article.title is None  # the first line is a sentence


def test_date_prefix_in_words(tmp_path: Path) -> None:
    src = "Published: Feb. 7, 2020 The bridge was shut on Tuesday.\n"
    article = _load_bytes(tmp_path, src.encode())
    assert article.date == "2020-02-07"
    assert [src[s:e] for s, e in article.hidden] == ["Published: Feb. 7, 2020"]


def test_fixture_metadata() -> None:
    wire, blog, paper = load_paths([STORIES / "flood"])
    assert (wire.title, wire.source) == ("Floodwaters Close Bridge in Brinmoor", "Wirepost")
    assert (blog.date, blog.source) == ("2020-02-07", "Valley Notes")
    assert (paper.title, paper.date) == ("Brinmoor Bridge Closed", "2020-02-07")
    assert "“It is the highest water in living memory,”" in paper.text
    assert "\r" not in paper.text


def test_title_needs_a_short_line_without_full_stop(tmp_path: Path) -> None:
    long_first = "word " * 25 + "end\n\nBody.\n"
    assert _load_bytes(tmp_path, long_first.encode(), "a.txt").title is None
    assert _load_bytes(tmp_path, b"A sentence first.\n\nBody.\n", "b.txt").title is None
    assert _load_bytes(tmp_path, b"Advertisement\n\nShort Title\n\nBody.\n", "c.txt").title == (
        "Short Title"
    )


# -- speed ---------------------------------------------------------------------------------


def test_fifty_articles_of_a_thousand_words_load(tmp_path: Path) -> None:
    from reader.core.sentences import split_sentences

    para = (
        "The river rose 3.5 metres on Tuesday, Mayor Ellen K. Varga said. “We stay,” she said. "
        "Gen. Orrin sent 120 soldiers on Jan. 14 to the U.S. embassy ... and then left. "
    )
    body = "\n\n".join([para * 2] * 22)  # about 1,000 words
    for i in range(50):
        (tmp_path / f"{i:02d}.txt").write_text(f"Title {i}\n\nAdvertisement\n\n{body}\n")
    articles = load_paths([tmp_path])  # its speed: benchmarks/, never asserted
    count = sum(len(split_sentences(a.text, a.hidden)) for a in articles)
    assert len(articles) == 50 and count > 50 * 100


def test_a_blank_file_in_a_folder_is_skipped_with_a_notice(tmp_path: Path) -> None:
    from reader.core.pipeline import analyse

    (tmp_path / "a.txt").write_text("The bridge was shut on Monday after the storm.", "utf-8")
    (tmp_path / "b.txt").write_text("The bridge closed on Monday because of the storm.", "utf-8")
    (tmp_path / "c.txt").write_text("  \n\n ", "utf-8")
    story = analyse([tmp_path])
    assert [a.name for a in story.articles] == ["a.txt", "b.txt"]
    assert story.notices == (f"skipped empty article: {tmp_path / 'c.txt'}",)


def test_one_stray_nul_byte_is_replaced_not_fatal(tmp_path: Path) -> None:
    body = "The bridge was shut on Monday after the storm damaged it. " * 200
    f = tmp_path / "nul.txt"
    f.write_bytes(body[:5000].encode() + b"\x00" + body[5000:].encode())
    (article,) = load_paths([f])
    assert "\x00" not in article.text and article.text[5000] == "\ufffd"
    g = tmp_path / "bin.txt"
    g.write_bytes(b"\x00\x01text\x00" * 100)
    assert "binary" in _error([g])
