"""`samestory fetch URL... -o DIR`: a story's pages saved as articles anyone can reopen.

Each page becomes the Markdown article the reader reads for its URL (front matter: source,
date, author, url, fetched time; then the title and the text), so the folder opens offline
with the same text, and notes made on the URLs stay anchored on the folder.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli.inputs import add_input_arguments, input_paths
from reader.core.model import InputError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="samestory fetch",
        description="Fetch pages (or take files) and save each as an article in DIR.",
    )
    add_input_arguments(p, sample_default=False)
    p.add_argument(
        "-o", "--output", metavar="DIR", required=True, help="folder to save the articles in"
    )
    return p


def _free_name(folder: Path, name: str, taken: set[str]) -> str:
    """name, or name-2, name-3 ... when two pages share a site and a last path segment."""
    stem, dot, suffix = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    taken.add(candidate)
    return candidate


def fetch_main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise InputError(f"cannot write to {out}: not a directory")
    paths = input_paths(args, sample_default=False)
    if not paths:
        raise InputError("nothing to fetch: give URLs, files, --from FILE or -")
    out.mkdir(parents=True, exist_ok=True)
    taken = {p.name for p in out.iterdir()}
    for src in paths:
        if src.is_dir():
            raise InputError(f"fetch saves single articles; {src} is a directory")
        target = out / _free_name(out, src.name, taken)
        shutil.copyfile(src, target)
        print(target)
    print(
        f"samestory: saved {len(paths)} article{'s' if len(paths) != 1 else ''} in {out}",
        file=sys.stderr,
    )
    return 0
