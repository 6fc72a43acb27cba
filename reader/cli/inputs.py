"""The inputs every command takes: paths, URLs, `--from FILE`, `-` for standard input.

One place declares them and turns them into article files, so the reader, `report`, `notes
export` and `fetch` accept the same things and fail the same way: a URL that cannot be had is
one line on stderr and the others go on; the command stops (exit 2) only when no article is
left. Web libraries are imported only when a URL is among the inputs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from reader.core.ingest.article_files import LIMIT_VARIABLE
from reader.core.model import InputError
from reader.resources import sample_dir
from reader.web.urls import is_url

Progress = Callable[[str, float], None]


def add_input_arguments(p: argparse.ArgumentParser, *, sample_default: bool = True) -> None:
    default = " (default: the sample)" if sample_default else ""
    p.add_argument(
        "paths",
        nargs="*",
        metavar="INPUT",
        help=f"article files (.txt, .md, .html), folders, http(s) URLs, or - for stdin{default}",
    )
    p.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE",
        help="read more inputs from FILE: one URL or path per line, # for comments",
    )
    p.add_argument(
        "--max-size",
        metavar="MB",
        type=_megabytes,
        help="the largest article file read, in MB (default 1; 0 for no limit)",
    )
    web = p.add_mutually_exclusive_group()
    web.add_argument(
        "--refresh", action="store_true", help="fetch URLs again even when they are cached"
    )
    web.add_argument(
        "--offline", action="store_true", help="never use the network: cached URLs only"
    )


def _megabytes(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of MB: {raw!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("a size cannot be negative")
    return value


def stderr_progress(stage: str, fraction: float) -> None:
    sys.stderr.write(f"\r\x1b[K{fraction:4.0%} {stage}")
    if fraction >= 1.0:
        sys.stderr.write("\r\x1b[K")
    sys.stderr.flush()


def no_progress(stage: str, fraction: float) -> None:
    return None


def terminal_progress() -> Progress:
    return stderr_progress if sys.stderr.isatty() else no_progress


def fetch_mode(args: argparse.Namespace) -> str:
    return "offline" if args.offline else "refresh" if args.refresh else "cached"


def reader_inputs(args: argparse.Namespace) -> tuple[list[Path], list[str]]:
    """For the reader: (paths, []) without URLs; with URLs ([], inputs), which the reader's
    analysis fetches so that its loading panel shows the progress (standard input is read
    here: the reader's keys come from the terminal)."""
    raw = _inputs(args)
    if not any(is_url(a) for a in raw):
        return _paths_of(raw, args, sample_default=True), []
    from reader.store.page_cache import PageCache
    from reader.web.sources import stdin_article

    return [], [str(stdin_article(PageCache())) if a == "-" else a for a in raw]


def input_paths(args: argparse.Namespace, *, sample_default: bool = True) -> list[Path]:
    """Article paths for the parsed inputs, URLs fetched (or read from the cache)."""
    return _paths_of(_inputs(args), args, sample_default=sample_default)


def _inputs(args: argparse.Namespace) -> list[str]:
    """The inputs as given (the --from list read once), with the size limit in force."""
    if args.max_size is not None:  # an environment variable, so helper processes see it too
        os.environ[LIMIT_VARIABLE] = str(int(args.max_size * 1_000_000))
    raw: list[str] = list(args.paths)
    if args.from_file:
        from reader.web.sources import read_list

        raw += read_list(Path(args.from_file))
        if not raw:
            raise InputError(f"no inputs in the list {args.from_file}")
    if raw.count("-") > 1:
        raise InputError("standard input (-) can be read only once")
    return raw


def _paths_of(raw: list[str], args: argparse.Namespace, *, sample_default: bool) -> list[Path]:
    if not raw:
        return [sample_dir()] if sample_default else []
    if not any(is_url(a) or a == "-" for a in raw):
        return [Path(a) for a in raw]
    from reader.web.sources import resolve

    got = resolve(raw, fetch_mode(args), terminal_progress())
    for line in got.failures:
        print(f"samestory: warning: cannot read {line}", file=sys.stderr)
    if not got.paths:
        raise InputError("no article left to read" + (" (see above)" if got.failures else ""))
    return got.paths
