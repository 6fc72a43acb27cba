"""The `samestory` command: open the reader, write a report, move notes in and out."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from reader import __version__
from reader.cli.inputs import (
    add_input_arguments,
    fetch_mode,
    input_paths,
    reader_inputs,
    terminal_progress,
)
from reader.cli.output import check_output, write_output_pieces
from reader.core.ingest.article_files import expand_paths, os_reason
from reader.core.ingest.decoding import refuse_non_text
from reader.core.limits import SEMANTIC_LIMIT_VARIABLE
from reader.core.model import InputError
from reader.web.urls import is_url


def _report(args: argparse.Namespace) -> int:
    from reader.core.pipeline import analyse
    from reader.report import render_pieces
    from reader.store.embedding_cache import EmbeddingCache

    check_output(args.output)
    progress = terminal_progress()
    if _semantic(args):
        with EmbeddingCache() as cache:
            story = analyse(input_paths(args), progress, True, cache)
    else:
        story = analyse(input_paths(args), progress, False)
    for notice in story.notices:
        print(f"samestory: notice: {notice}", file=sys.stderr)
    if len(story.articles) == 1:
        print("samestory: notice: only one article: nothing to compare it with", file=sys.stderr)
    write_output_pieces(render_pieces(story, args.format), args.output)
    return 0


def _report_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="samestory report",
        description="Analyse articles about one event and write a report.",
    )
    add_input_arguments(p)
    p.add_argument("--format", choices=("json", "md", "text"), default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    _fast_option(p)
    return p


def _fast_option(p: argparse.ArgumentParser) -> None:
    speed = p.add_mutually_exclusive_group()
    speed.add_argument(
        "--fast",
        action="store_true",
        help="lexical claims only: skip the sentence-embedding stage (also: semantic = false "
        "in config.toml)",
    )
    speed.add_argument(
        "--semantic",
        action="store_true",
        help="run the sentence-embedding stage however large the story (by default it is "
        "skipped, with a notice, past 800 sentences)",
    )


def _semantic(args: argparse.Namespace) -> bool:
    """The semantic stage runs unless --fast or the setting turns it off; --semantic lifts
    its size bound (an environment variable, so the reader's analysis process sees it)."""
    if args.fast:
        return False
    if _lift_semantic_bound(args):
        return True
    from reader.store.settings import load_settings

    return load_settings().settings.semantic


def _lift_semantic_bound(args: argparse.Namespace) -> bool:
    """--semantic: no size bound on the semantic stage, in the environment so that the
    reader's analysis process sees it too."""
    if args.semantic:
        os.environ[SEMANTIC_LIMIT_VARIABLE] = "0"
    return bool(args.semantic)


def _app_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="samestory",
        description=(
            "Read several articles about one event side by side. "
            "Subcommands: 'samestory report --help', 'samestory fetch --help', "
            "'samestory notes --help'."
        ),
    )
    add_input_arguments(p)
    p.add_argument("--theme", metavar="NAME", help="colour theme (dark, light, high-contrast)")
    p.add_argument("--version", action="version", version=f"samestory {__version__}")
    _fast_option(p)
    return p


_HEAD_BYTES = 8  # enough for every signature decoding knows


def _check_paths(paths: Sequence[Path]) -> None:
    """Refuse a missing path or a folder without articles before the screen opens (the same
    rule the loader applies, without importing the engine), and a file that is not text (a
    PDF, an image) by its first bytes, as `report` refuses it."""
    for f in expand_paths(paths):
        try:
            with f.open("rb") as fh:
                head = fh.read(_HEAD_BYTES)
        except OSError as exc:
            raise InputError(f"cannot read {f}: {os_reason(exc)}") from exc
        refuse_non_text(head, str(f))


def _run_app(args: argparse.Namespace) -> int:
    paths, urls = reader_inputs(args)
    _check_paths(paths or [Path(a) for a in urls if not is_url(a)])
    try:
        from reader.ui.app import run_app
    except ImportError as exc:  # pragma: no cover - the UI is part of the package
        raise InputError(f"the reader is unavailable: {exc}") from exc
    _lift_semantic_bound(args)
    return run_app(paths, theme=args.theme, fast=args.fast, urls=urls, fetch_mode=fetch_mode(args))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] == "report":
            return _report(_report_parser().parse_args(args_list[1:]))
        if args_list and args_list[0] == "fetch":
            from reader.cli.fetch import fetch_main

            return fetch_main(args_list[1:])
        if args_list and args_list[0] == "notes":
            from reader.cli.notes import notes_main

            return notes_main(args_list[1:])
        return _run_app(_app_parser().parse_args(args_list))
    except InputError as exc:
        print(f"samestory: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("samestory: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        print(
            f"samestory: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 1


# Commands whose whole work is written once main() returns (the reader, by contrast, restores
# the terminal in its own exit path, and keeps the ordinary one).
_DONE_AT_RETURN = frozenset({"report"})


def run() -> NoReturn:
    """The console command: main(), then out without the interpreter's teardown after a report.

    A report of a large story leaves millions of objects behind it, and freeing them one by one
    at exit took 0.2 s of a two-second run (200 articles; two versions of 100,000 words). Once
    the report is written, the workers are gone and the streams are flushed, nothing is left that
    the operating system does not undo at once, so the process ends there."""
    code = main()
    if sys.argv[1:2] and sys.argv[1] in _DONE_AT_RETURN:
        try:
            sys.stdout.flush()
        except OSError:
            code = code or 120  # what the interpreter's own exit gives for an unflushable stdout
        try:
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(code)
