"""Where one analysis holds its memory: time, resident size and peak of each stage, then of
writing the JSON report, in the main process (Linux).

    python -m benchmarks.memory_stages DIR [--serial] [--output FILE]

The peak within a stage comes from the kernel's high-water mark (VmHWM), reset at each stage
through /proc/self/clear_refs; nothing here starts a thread, so the analysis forks its worker
pool exactly as `samestory report` does (the workers' largest peak is printed at the end). The
stages are the pipeline's progress steps: with the pool, the workers' results arrive while the
main process runs claims and discrepancies, so their memory shows there. `--serial` runs
everything in this process (SAMESTORY_SERIAL=1), where each stage's memory is its own. For what
a stage holds, object by object, run it under tracemalloc. No number is asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

MiB = 1024


def _status() -> tuple[int, int]:
    """(resident, peak since the last reset), in MiB."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) // MiB
    return found["VmRSS"], found["VmHWM"]


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")


class Stages:
    """A progress callback that prints the stage that just ended."""

    def __init__(self) -> None:
        self.stage, self.start = "loading", time.perf_counter()

    def end(self, next_stage: str) -> None:
        now, (rss, peak) = time.perf_counter(), _status()
        print(f"{self.stage:>16} {now - self.start:7.1f} s  {rss:6d} MiB held  {peak:6d} MiB peak")
        _reset_peak()
        self.stage, self.start = next_stage, time.perf_counter()

    def __call__(self, stage: str, fraction: float) -> None:
        if stage != self.stage:
            self.end(stage)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("story", type=Path)
    ap.add_argument("--serial", action="store_true", help="no worker processes")
    ap.add_argument(
        "--output", default="", help="where the JSON report goes (default: a temporary file)"
    )
    args = ap.parse_args()
    if args.serial:
        os.environ["SAMESTORY_SERIAL"] = "1"
    from reader.cli.output import write_output_pieces
    from reader.core.pipeline import analyse
    from reader.report import render_pieces

    stages = Stages()
    story = analyse([args.story], stages, semantic=False)
    stages.end("json report")
    with tempfile.TemporaryDirectory() as tmp:  # benchmarks write inside their own folder
        write_output_pieces(render_pieces(story, "json"), args.output or f"{tmp}/report.json")
    stages.end("")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // MiB
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // MiB
    print(f"peak: this process {mine} MiB, its largest worker {workers} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
