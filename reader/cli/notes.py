"""`samestory notes export|import`: move notes and review marks in and out of the store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli.inputs import add_input_arguments, input_paths
from reader.cli.output import check_output, write_output
from reader.core.model import InputError
from reader.display.counts import counted
from reader.notes import webanno
from reader.notes.placement import as_placed
from reader.report.notes import render_markdown
from reader.store.notes import NoteStore, open_store


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="samestory notes",
        description="Export notes and review marks, or merge an export back in.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="{export,import}")
    ex = sub.add_parser(
        "export",
        help="write a story's notes as W3C Web Annotation JSON or a Markdown review report",
        description="Write the notes of the story made of PATH... (default: the sample).",
    )
    add_input_arguments(ex)
    ex.add_argument("--format", choices=("json", "md"), default="json")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    ex.add_argument(
        "--all",
        action="store_true",
        help="every note in the store, whatever its story (JSON only; no articles needed)",
    )
    im = sub.add_parser(
        "import",
        help="merge a JSON export into the store (by id; importing twice adds nothing)",
    )
    im.add_argument("file", metavar="FILE.json")
    return p


def _notice(store: NoteStore) -> None:
    if store.message:
        print(f"samestory: notice: {store.message}", file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    check_output(args.output)
    store = open_store()
    try:
        _notice(store)
        if args.all:
            if args.format != "json":
                raise InputError(
                    "--all exports every note as JSON; a Markdown report is of one story: "
                    "give its articles instead of --all"
                )
            if args.paths or args.from_file:
                raise InputError("--all exports the whole store and takes no articles")
            write_output(webanno.dumps(store.all_notes(), store.all_marks()), args.output)
            return 0
        from reader.core.pipeline import analyse

        story = analyse(input_paths(args))
        placed = store.notes_for(story)
        if args.format == "md":
            write_output(render_markdown(story, placed, store.review_for(story)), args.output)
        else:
            notes = [as_placed(story, p) for p in placed]
            pages = {a.fingerprint: a.url for a in story.articles if a.url}
            write_output(webanno.dumps(notes, store.story_marks(story), pages), args.output)
        orphans = sum(p.orphaned for p in placed)
        if orphans:
            print(
                f"samestory: notice: {counted(orphans, 'orphaned note')} (their passage is gone)"
                " included",
                file=sys.stderr,
            )
        return 0
    finally:
        store.close()


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"cannot import {path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"cannot import {path}: it is a directory") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot import {path}: not a text file (a notes export is JSON)") from exc
    except OSError as exc:
        raise InputError(f"cannot import {path}: {(exc.strerror or str(exc)).lower()}") from exc
    parsed = webanno.loads(raw)
    store = open_store()
    try:
        _notice(store)
        if not store.persistent:
            raise InputError("the notes store cannot be written: nothing imported")
        result = store.merge(parsed.notes, parsed.marks)
    finally:
        store.close()
    for why in parsed.skipped:
        print(f"samestory: warning: skipped {why}", file=sys.stderr)
    print(
        f"imported {path.name}: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged"
    )
    return 0


def notes_main(argv: Sequence[str]) -> int:
    args = _parser().parse_args(list(argv))
    if args.command == "export":
        return _export(args)
    return _import(args)
