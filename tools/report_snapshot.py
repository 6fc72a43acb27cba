"""Write every report of every story to a folder, or check a folder against today's reports.

    python tools/report_snapshot.py write DIR     # before a change that must not alter output
    python tools/report_snapshot.py check DIR     # after it: lists every report that differs

A refactor promises byte-identical reports (`--format json|md|text`) on the sample and on every
development story; this runs the real command line (`samestory report`) in a subprocess per
story so that nothing cached in one process can hide a difference.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FORMATS = ("json", "md", "text")


def stories() -> list[tuple[str, Path]]:
    """(name, articles) for the sample and every development story that has articles."""
    out = [("sample", ROOT / "sample_data" / "saraqeb")]
    dev = SHARED / "dev"
    if dev.is_dir():
        out += [(d.name, d) for d in sorted(dev.iterdir()) if d.is_dir()]
    return out


def _report(articles: Path, fmt: str, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "reader", "report", str(articles), "--format", fmt, "-o", str(out)],
        check=True,
        cwd=ROOT,
    )


def write(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for name, articles in stories():
        for fmt in FORMATS:
            _report(articles, fmt, folder / f"{name}.{fmt}")
    print(f"wrote {len(stories()) * len(FORMATS)} reports to {folder}")
    return 0


def check(folder: Path, scratch: Path) -> int:
    scratch.mkdir(parents=True, exist_ok=True)
    differ = []
    total = 0
    for name, articles in stories():
        for fmt in FORMATS:
            before = folder / f"{name}.{fmt}"
            if not before.is_file():
                continue
            total += 1
            _report(articles, fmt, scratch / before.name)
            if (scratch / before.name).read_bytes() != before.read_bytes():
                differ.append(before.name)
    for name in differ:
        print(f"differs: {name}")
    print(f"{total - len(differ)} of {total} reports byte-identical")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("write", "check"))
    ap.add_argument("folder", type=Path)
    ap.add_argument("--scratch", type=Path, help="where `check` writes today's reports")
    args = ap.parse_args()
    if args.action == "write":
        return write(args.folder)
    return check(args.folder, args.scratch or args.folder.with_name(args.folder.name + "-now"))


if __name__ == "__main__":
    sys.exit(main())
