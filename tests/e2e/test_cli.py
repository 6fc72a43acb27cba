"""The command line: reports in every format, and bad input as one line, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from reader.cli.main import main

ARTICLE_A = (
    "Harbour bridge reopens after repairs\n\n"
    "The old harbour bridge reopened on Monday after eight months of repairs, the city council "
    "said. Engineers replaced 40 steel cables and the whole deck.\n\n"
    "The mayor thanked the workers who spent the winter on the river.\n"
)
ARTICLE_B = (
    "Bridge open again\n\n"
    "The old harbour bridge reopened on Monday after eight months of repairs, the city council "
    "said. Traffic was slow in the morning.\n\n"
    "Local shops said they hoped customers would come back.\n"
)


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return d


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120
    )


def test_json_report_follows_the_spec(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(story_dir), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "samestory-report" and report["version"] == 1
    names = [a["name"] for a in report["articles"]]
    assert names == ["a.txt", "b.txt"]
    for key in ("sentences", "claims", "shared_passages", "warnings", "discrepancies"):
        assert isinstance(report[key], list)
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for s in report["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(texts[s["article"]])


def test_markdown_and_text_reports(story_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert main(["report", str(story_dir), "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# samestory report")
    assert "## Overlap" in md and "## Claims" in md and "## Warnings by article" in md
    out_txt = tmp_path / "r.txt"
    assert main(["report", str(story_dir), "--format", "text", "-o", str(out_txt)]) == 0
    assert "a.txt" in out_txt.read_text(encoding="utf-8")


def test_the_bundled_sample_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["articles"]) == 5


def _two_articles(folder: Path, a: str, b: str) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(a)
    (folder / "b.txt").write_text(b)
    return folder


def test_escape_codes_in_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    d = _two_articles(
        tmp_path / "s",
        "Evil \x1b[2J\x1b]0;pwned\x07 title\n\nThe [bold]mayor[/bold] said.\n",
        "Other title\n\nThe [bold]mayor[/bold] said so.\n",
    )
    result = _run("report", str(d), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "␛" in result.stdout


def test_superscript_and_circled_digits_are_no_figures(tmp_path: Path) -> None:
    """str.isdigit() holds for "²" and "①", which int() refuses: read as figures, they stopped
    the report with a traceback."""
    d = _two_articles(
        tmp_path / "s",
        "Floods\n\nThe water covered 12 km² (²) and 5 ³ villages on ² May.\n",
        "Floods\n\nThe water covered 14 km² ① and ²5 villages on 2 May.\n",
    )
    result = _run("report", str(d), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "12 km² vs 14 km²" in json.loads(result.stdout)["discrepancies"][0]["message"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file or directory"),
        ("emptydir", "no articles (.txt, .md, .html) in"),
        ("emptyfile", "empty"),
        ("binary", "not a text file"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path: Path, setup: str, message: str) -> None:
    target = tmp_path / setup
    if setup == "emptydir":
        target.mkdir()
    elif setup == "emptyfile":
        target = tmp_path / "empty.txt"
        target.write_text("  \n")
    elif setup == "binary":
        target = tmp_path / "image.txt"
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = _run("report", str(target))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samestory: error:")
    assert message in lines[0].lower()


def test_a_single_article_is_allowed_with_a_notice(tmp_path: Path) -> None:
    f = tmp_path / "only.txt"
    f.write_text(ARTICLE_A)
    result = _run("report", str(f), "--format", "json")
    assert result.returncode == 0
    assert "only one article" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 1


def test_the_app_refuses_a_missing_path_before_opening() -> None:
    result = _run("/no/such/story")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no such file or directory" in result.stderr


def test_articles_without_punctuation_are_analysed_in_bounded_time(tmp_path: Path) -> None:
    """Two 10,000-word texts with no full stop took 90 s (one sentence each); cut into pieces
    they take a few seconds. Asserted by the result, not a timer: every sentence is bounded."""
    import json
    import random

    rng = random.Random(1)
    vocabulary = "alpha beta gamma delta the a storm river 12 Monday".split()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(" ".join(rng.choice(vocabulary) for _ in range(10_000)))
    out = tmp_path / "r.json"
    assert main(["report", str(tmp_path), "--format", "json", "-o", str(out)]) == 0
    report = json.loads(out.read_text())
    texts = {a["id"]: a["text"] for a in report["articles"]}
    lengths = [len(texts[s["article"]][s["start"] : s["end"]].split()) for s in report["sentences"]]
    assert len(lengths) > 100 and max(lengths) <= 150


class _Terminal:
    """A stderr that says it is a terminal and keeps what is written."""

    def __init__(self, tty: bool) -> None:
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        return None


@pytest.mark.parametrize("tty", [True, False])
def test_report_shows_progress_on_a_terminal_only(
    story_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tty: bool
) -> None:
    err = _Terminal(tty)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["report", str(story_dir), "-o", str(tmp_path / "r.json")]) == 0
    if tty:
        assert "100%" in err.text and err.text.endswith("\r\x1b[K")  # the line is cleared
    else:
        assert err.text == ""


@pytest.mark.parametrize("command", [["report"], ["notes", "export"]])
def test_an_unwritable_output_is_refused_before_the_analysis(
    command: list[str],
    story_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def analyse(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed a story whose output cannot be written")

    monkeypatch.setattr("reader.core.pipeline.analyse", analyse)
    monkeypatch.setenv("SAMESTORY_HOME", str(tmp_path / "home"))
    missing = tmp_path / "no-such-dir" / "out.txt"
    assert main([*command, str(story_dir), "-o", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"samestory: error: cannot write {missing}: no such directory {missing.parent}\n"
    assert main([*command, str(story_dir), "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err.endswith(": it is a directory\n")


def test_a_failed_write_leaves_the_old_report_whole(
    story_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.md"
    out.write_text("the report of yesterday\n", encoding="utf-8")
    out.chmod(0o600)
    assert main(["report", str(story_dir), "--format", "md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# samestory report")
    assert out.stat().st_mode & 0o777 == 0o600  # replaced, with the permissions it had

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    out.write_text("the report of yesterday\n", encoding="utf-8")
    monkeypatch.setattr("reader.store.atomic_file.os.replace", full)
    assert main(["report", str(story_dir), "--format", "md", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "the report of yesterday\n"
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "samestory-home")  # app home
    assert left == ["report.md", "story"]  # no temp left


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "doc.pdf", "not a text file (a PDF document)"),
        (lambda d: Path("/dev/zero"), "not a regular file: /dev/zero"),
        (lambda d: d / "fifo", "not a regular file"),
    ],
)
def test_the_reader_refuses_what_report_refuses_before_opening(
    tmp_path: Path, make: object, message: str
) -> None:
    import os

    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    os.mkfifo(tmp_path / "fifo")
    target = make(tmp_path)  # type: ignore[operator]
    result = _run(str(target))  # before any screen: no terminal here, so an app would fail
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_notes_import_of_a_bad_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bin.json").write_bytes(b"\xf4\x90\x80\x80\xff binary")
    assert main(["notes", "import", str(tmp_path / "bin.json")]) == 2
    assert main(["notes", "import", str(tmp_path / "missing.json")]) == 2
    assert main(["notes", "export", "--all", "--format", "md"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("not a text file (a notes export is JSON)")
    assert err[1].endswith("missing.json: no such file")
    assert "a Markdown report is of one story" in err[2]
    assert len(err) == 3


def test_a_file_past_the_size_limit_is_refused_unless_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # main() sets the limit in os.environ (helper processes read it): restored after the test
    monkeypatch.setenv("SAMESTORY_MAX_ARTICLE_BYTES", "")
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE_A + "More words follow here. " * 50_000, encoding="utf-8")
    assert main(["report", str(big)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "more than an article may be (1 MB)" in err
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    assert main(["report", "--max-size", "0.001", str(small)]) == 0  # 1 KB: the article fits
    (small / "b.txt").write_text(ARTICLE_A * 5, encoding="utf-8")
    assert main(["report", "--max-size", "0.001", str(small)]) == 2  # this one does not


def test_report_to_a_fifo_or_a_symlink_never_replaces_them(tmp_path: Path, story_dir: Path) -> None:
    """`-o /dev/null` as root replaced the system's /dev/null with a file: a FIFO and a device
    are written through, a symlink's target is replaced and the link kept (all made here)."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert main(["report", str(story_dir), "--format", "json", "-o", str(fifo)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got[0])["format"] == "samestory-report"
    link = tmp_path / "latest.json"
    link.symlink_to("report-1.json")
    assert main(["report", str(story_dir), "--format", "json", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads((tmp_path / "report-1.json").read_text("utf-8"))["articles"]
    if os.geteuid() == 0:
        block = tmp_path / "disk"
        os.mknod(block, stat.S_IFBLK | 0o600, os.makedev(7, 201))
        assert main(["report", str(story_dir), "-o", str(block)]) == 2
        assert stat.S_ISBLK(block.lstat().st_mode)


def test_fast_report_gives_the_lexical_claims_and_the_setting_does_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--fast skips the semantic stage (the claims are analyse(semantic=False)'s); so does
    `semantic = false` in config.toml; without either the sample's claims are regrouped."""
    from reader.core.pipeline import analyse
    from reader.resources import sample_dir
    from reader.store.settings import Settings, save_settings

    def claims(*args: str) -> list[list[str]]:
        assert main(["report", "--format", "json", *args]) == 0
        return [c["members"] for c in json.loads(capsys.readouterr().out)["claims"]]

    lexical = [list(c.members) for c in analyse([sample_dir()], semantic=False).claims]
    assert claims("--fast") == lexical
    full = claims()
    assert full != lexical
    save_settings(Settings(semantic=False))
    assert claims() == lexical
    assert claims("--fast") == lexical


def test_embeddings_are_cached_between_reports(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.store.embedding_cache import EmbeddingCache

    assert main(["report", "--format", "json"]) == 0
    capsys.readouterr()
    with EmbeddingCache() as cache:
        assert len(cache) > 50  # the sample's sentences, by content


def test_the_reader_s_inputs_read_a_list_once_and_keep_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With URLs the reader's analysis fetches them; the --from list is read once and the
    --max-size limit is in force for that process too (it was skipped on the URL path)."""
    import argparse

    from reader.cli import inputs

    monkeypatch.setenv("SAMESTORY_MAX_ARTICLE_BYTES", "")
    listing = tmp_path / "story.list"
    listing.write_text("https://a.example/one\nlocal.txt  # a file\n", encoding="utf-8")
    reads: list[Path] = []
    from reader.web import sources

    original = sources.read_list

    def counting(path: Path) -> list[str]:
        reads.append(path)
        return original(path)

    monkeypatch.setattr(sources, "read_list", counting)
    p = argparse.ArgumentParser()
    inputs.add_input_arguments(p)
    args = p.parse_args(["--from", str(listing), "--max-size", "2"])
    paths, urls = inputs.reader_inputs(args)
    assert paths == [] and urls == ["https://a.example/one", str(tmp_path / "local.txt")]
    assert reads == [listing]
    assert os.environ["SAMESTORY_MAX_ARTICLE_BYTES"] == "2000000"


def test_fetch_keeps_two_pages_of_one_name_apart(tmp_path: Path) -> None:
    from reader.cli.fetch import _free_name

    taken = {"site-story.md"}
    assert _free_name(tmp_path, "site-story.md", taken) == "site-story-2.md"
    assert _free_name(tmp_path, "site-story.md", taken) == "site-story-3.md"
    assert _free_name(tmp_path, "other.md", taken) == "other.md"


class _Ended(Exception):
    def __init__(self, how: str, code: object) -> None:
        super().__init__(how, code)
        self.how, self.code = how, code


@pytest.mark.parametrize(
    ("argv", "how", "code"),
    [
        (["report", "{story}", "--format", "json"], "os._exit", 0),
        (["report", "/no/such/story"], "os._exit", 2),
        (["notes", "export", "{story}", "-o", "{story}/notes.json"], "sys.exit", 0),
    ],
)
def test_a_report_ends_without_the_interpreters_teardown(
    story_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    argv: list[str],
    how: str,
    code: int,
) -> None:
    """After a report, the console command ends the process at once (freeing a large story's
    objects one by one took a tenth of the run), with main()'s exit code and the report flushed
    out first; any other command (here one that returns, not one that argparse ends) exits the
    ordinary way."""
    from reader.cli import main as cli

    def ended(name: str) -> Callable[[object], NoReturn]:
        def end(status: object = 0) -> NoReturn:
            raise _Ended(name, status)

        return end

    monkeypatch.setattr(cli.os, "_exit", ended("os._exit"))
    monkeypatch.setattr(cli.sys, "exit", ended("sys.exit"))
    monkeypatch.setattr(cli.sys, "argv", ["samestory", *(a.format(story=story_dir) for a in argv)])
    with pytest.raises(_Ended) as end:
        cli.run()
    assert (end.value.how, end.value.code) == (how, code)
    if argv[0] == "report" and code == 0:
        assert json.loads(capfd.readouterr().out)["format"] == "samestory-report"


class _ClosedPipe:
    """A stdout whose reader has gone: writes are buffered, the final flush fails."""

    def writelines(self, lines: object) -> None:
        pass

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_report_that_cannot_be_flushed_exits_non_zero(
    story_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report's last bytes never reached the reader: the exit says so (120, as the
    interpreter's own exit does for a stdout it cannot flush), not 0."""
    from reader.cli import main as cli

    codes: list[int] = []

    def end(status: int) -> NoReturn:
        codes.append(status)
        raise _Ended("os._exit", status)

    monkeypatch.setattr(cli.os, "_exit", end)
    monkeypatch.setattr(cli.sys, "stdout", _ClosedPipe())
    monkeypatch.setattr(cli.sys, "argv", ["samestory", "report", str(story_dir), "--fast"])
    with pytest.raises(_Ended):
        cli.run()
    assert codes == [120]
