"""Time and peak memory of `samestory report` beside the plain difflib baseline, same run.

    python benchmarks/engine.py [--repeat 3] [--baseline-repeat 1]

Each command runs as its own process (whole-process time, as a user sees it); peak memory is
that process's max RSS from os.wait4. Cases: the bundled sample, and a generated story of
50 articles x ~1,000 words (benchmarks/generate.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from reader.resources import sample_dir

HERE = Path(__file__).resolve().parent


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak MiB) of one process run (the larger process when a helper forks)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024


def best_of(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    if repeat < 1:
        return float("nan"), float("nan")
    runs = [measure(cmd, env) for _ in range(repeat)]
    return min(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-repeat", type=int, default=1, help="0 skips the baseline")
    args = ap.parse_args()
    py = sys.executable
    samestory = [py, "-m", "reader", "report", "--format", "json"]
    baseline = [py, str(HERE / "difflib_baseline.py")]
    with tempfile.TemporaryDirectory() as tmp:
        large = Path(tmp) / "large"
        generate(large, articles=50, words=1000, seed=7)
        cases = [("sample (5 articles)", sample_dir()), ("generated 50 x 1,000 words", large)]
        print(f"{'case':28}{'samestory s':>13}{'MiB':>7}{'difflib s':>11}{'MiB':>7}{'ratio':>8}")
        for name, path in cases:
            ours = best_of([*samestory, str(path)], args.repeat)
            serial = best_of([*samestory, str(path)], args.repeat, {"SAMESTORY_SERIAL": "1"})
            theirs = best_of([*baseline, str(path)], args.baseline_repeat)
            print(
                f"{name:28}{ours[0]:13.3f}{ours[1]:7.0f}{theirs[0]:11.3f}{theirs[1]:7.0f}"
                f"{theirs[0] / ours[0]:7.1f}x"
            )
            print(f"{'  one process':28}{serial[0]:13.3f}{serial[1]:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
