"""Time and peak memory of `samestory report` beside the plain difflib baseline, same run.

    python -m benchmarks.engine [--repeat 1] [--baseline-repeat 1] [--cases sample,50x1000]
                                [--before PYTHON] [--timeout 600] [--no-growth]

Each command runs as its own process (whole-process time, as a user sees it); peak memory is
that process's max RSS from os.wait4 (the larger one when a helper process forks). Cases are
the issue's table: the bundled sample, generated stories of 50 x 1,000, 200 x 800 and 500 x 800
words, and two versions of one 100,000-word text (one moved block, 2% of the words changed),
all made by benchmarks/generate.py; with the growth cases (100 and 250 x 800 words, 2 x 50,000
words) it prints how the time grows when the articles, or a version's length, double. Five
hostile stories follow (300 articles each saying one sentence forty times; one paragraph of
150,000 words beside 100 short articles; two lists of 100,000 one-word lines; three articles of
15,000 sentences with quotation marks that do not pair; two articles of 12,000 sentences that
state figures, each its own), without the baseline.

`--before PYTHON` also runs an interpreter that has another tree installed (the code before a
change) on the same stories in the same run, the two taking turns, so a noisy machine hurts
both sides alike. A run
that takes longer than --timeout seconds is stopped and shown as not finished. Every run finds
its modules compiled, as an installed package does: one untimed run per tree first writes the
bytecode into the temporary directory. No number here is asserted: this prints, it does not
pass or fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import (
    generate,
    generate_long_paragraph,
    generate_mangled_quotes,
    generate_repeating,
    generate_short_lines,
    generate_stated_figures,
    generate_versions,
)
from reader.resources import sample_dir

HERE = Path(__file__).resolve().parent
# (seconds, peak MiB, CPU seconds of the process and its workers); None: not finished in time
Measure = tuple[float, float, float] | None


@dataclass(frozen=True)
class Case:
    key: str
    name: str
    articles: int = 0  # generated articles (0: the sample, or versions)
    words: int = 0
    versions: bool = False
    in_table: bool = True  # False: only for the growth ratios
    hostile: str = ""  # a hostile story (generate.py): "repeating", "long-paragraph", ...


CASES = (
    Case("sample", "sample (5 articles)"),
    Case("50x1000", "50 articles x 1,000 words", 50, 1000),
    Case("100x800", "100 articles x 800 words", 100, 800, in_table=False),
    Case("200x800", "200 articles x 800 words", 200, 800),
    Case("250x800", "250 articles x 800 words", 250, 800, in_table=False),
    Case("500x800", "500 articles x 800 words", 500, 800),
    Case("2x50000", "2 versions x 50,000 words", 0, 50_000, versions=True, in_table=False),
    Case("2x100000", "2 versions x 100,000 words", 0, 100_000, versions=True),
    # Hostile input (no baseline: a quadratic all-pairs matcher is what they punish).
    Case("repeating", "300 articles saying 1 thing x40", 300, 40, hostile="repeating"),
    Case("long-paragraph", "150k-word paragraph + 100", 100, 150_000, hostile="long-paragraph"),
    Case("short-lines", "2 x 100,000 one-word lines", 2, 100_000, hostile="short-lines"),
    Case("mangled-quotes", "3 x 15,000 mangled quotes", 3, 15_000, hostile="mangled-quotes"),
    Case("stated-figures", "2 x 12,000 figures that differ", 2, 12_000, hostile="stated-figures"),
    Case("one-template", "300 x 1 template, own figures", 300, 60, hostile="stated-figures"),
)
GROWTH = (
    ("articles x2 (100 -> 200 x 800 words)", "100x800", "200x800"),
    ("articles x2 (250 -> 500 x 800 words)", "250x800", "500x800"),
    ("length x2 (2 x 50,000 -> 2 x 100,000 words)", "2x50000", "2x100000"),
)


# Where every command runs: `python -m reader` puts its working directory first on sys.path, so
# run from a checkout it would import that checkout's reader whatever tree the interpreter has
# installed (--before would time this tree twice).
NEUTRAL_DIR = tempfile.gettempdir()


# Where the runs keep their compiled bytecode. An installed package has it (pip compiles at
# install); a checkout under PYTHONDONTWRITEBYTECODE would compile every module on every run,
# a tenth of a second that no user pays. Set by main() to a folder in its temporary directory,
# so nothing is written into the trees being timed.
BYTECODE: dict[str, str] = {}


def measure(cmd: list[str], timeout: float, env: dict[str, str] | None = None) -> Measure:
    """(seconds, peak MiB, CPU seconds) of one process run, or None when it was stopped at
    `timeout`. The CPU seconds (user and system) count the workers too, which the process
    waits for: a change's work, apart from how the machine shared its cores out that time."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **BYTECODE, **(env or {})},
        cwd=NEUTRAL_DIR,
    )
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        proc.kill()

    timer = threading.Timer(timeout, stop)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    elapsed = time.perf_counter() - start
    if stopped.is_set():
        return None
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def best_of(
    cmd: list[str], repeat: int, timeout: float, env: dict[str, str] | None = None
) -> Measure:
    return best_of_each([cmd], repeat, timeout, env)[0]


def best_of_each(
    cmds: list[list[str]], repeat: int, timeout: float, env: dict[str, str] | None = None
) -> list[Measure]:
    """Each command's best time, median peak and least CPU over `repeat` rounds. The commands
    take turns within a round, in the other order every second round: the machine's speed
    drifts (this one's by a third over minutes), and runs of one command back to back would
    each meet a different phase of it than the other's."""
    runs: list[list[tuple[float, float, float]] | None] = [[] for _ in cmds]
    for k in range(repeat):
        order = range(len(cmds)) if k % 2 == 0 else reversed(range(len(cmds)))
        for i in order:
            done = runs[i]
            if done is None:
                continue
            run = measure(cmds[i], timeout, env)
            if run is None:
                runs[i] = None  # did not finish: not run again
            else:
                done.append(run)
    return [
        None
        if r is None
        else (min(t for t, _, _ in r), statistics.median(m for _, m, _ in r), min(c for *_, c in r))
        for r in runs
    ]


def _cell(m: Measure | str, timeout: float) -> str:
    if isinstance(m, str):
        return f"{m:>24}"
    if m is None:
        return f"{'> ' + format(timeout / 60, '.0f') + ' min':>24}"
    return f"{m[0]:8.2f} s{m[2]:6.1f} cpu{m[1]:5.0f} MiB"


def _report(python: str) -> list[str]:
    """The report command for this interpreter's tree: with --fast (skip the semantic stage,
    which has its own budget) where that tree has it."""
    cmd = [python, "-m", "reader", "report", "--format", "json", "--max-size", "0"]
    usage = subprocess.run(
        [*cmd[:4], "--help"], capture_output=True, text=True, cwd=NEUTRAL_DIR
    ).stdout
    return [*cmd, "--fast"] if "--fast" in usage else cmd


def _story(case: Case, root: Path) -> Path:
    if case.key == "sample":
        return sample_dir()
    path = root / case.key
    if case.hostile == "repeating":
        generate_repeating(path, articles=case.articles, times=case.words, seed=7)
    elif case.hostile == "long-paragraph":
        generate_long_paragraph(path, words=case.words, others=case.articles, seed=7)
    elif case.hostile == "short-lines":
        generate_short_lines(path, lines=case.words, seed=7)
    elif case.hostile == "mangled-quotes":
        generate_mangled_quotes(path, case.articles, sentences=case.words, seed=7)
    elif case.hostile == "stated-figures":
        generate_stated_figures(path, case.articles, sentences=case.words, seed=7)
    elif case.versions:
        generate_versions(path, words=case.words, seed=7)
    else:
        generate(path, articles=case.articles, words=case.words, seed=7)
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--baseline-repeat", type=int, default=1, help="0 skips the baseline")
    ap.add_argument("--cases", default="", help="comma-separated keys; default: all")
    ap.add_argument("--before", default="", help="a Python with the old tree installed")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a run stops")
    ap.add_argument("--serial", action="store_true", help="also time SAMESTORY_SERIAL=1")
    ap.add_argument("--no-growth", action="store_true", help="skip the growth-only cases")
    args = ap.parse_args()
    wanted = set(filter(None, args.cases.split(",")))
    cases = [
        c for c in CASES if ((c.key in wanted) if wanted else (c.in_table or not args.no_growth))
    ]
    ours = _report(sys.executable)
    before = _report(args.before) if args.before else []
    baseline = [sys.executable, str(HERE / "difflib_baseline.py")]
    results: dict[str, Measure] = {}
    head = f"{'story':30}{'samestory':>24}"
    head += f"{'before':>24}" if before else ""
    head += f"{'difflib all pairs':>24}"
    print(head, flush=True)
    baseline_finishes = True
    with tempfile.TemporaryDirectory() as tmp:
        BYTECODE.update(PYTHONPYCACHEPREFIX=str(Path(tmp) / "bytecode"), PYTHONDONTWRITEBYTECODE="")
        for warm in filter(None, (ours, before)):  # one untimed run writes each tree's bytecode
            measure([*warm, str(sample_dir())], args.timeout)
        for case in cases:
            path = _story(case, Path(tmp))
            trees = [[*ours, str(path)]] + ([[*before, str(path)]] if before else [])
            mine, *old = best_of_each(trees, args.repeat, args.timeout)
            results[case.key] = mine
            line = f"{case.name:30}{_cell(mine, args.timeout)}"
            if before:
                line += _cell(old[0], args.timeout)
            if case.hostile:
                line += _cell("-", args.timeout)
            elif args.baseline_repeat > 0 and baseline_finishes:
                theirs = best_of([*baseline, str(path)], args.baseline_repeat, args.timeout)
                line += _cell(theirs, args.timeout)
                # It compares all pairs of sentences: where it did not finish, no larger
                # story would (each later case has more pairs of sentences).
                baseline_finishes = theirs is not None
            elif args.baseline_repeat > 0:
                line += _cell("not run (> smaller)", args.timeout)
            else:
                line += _cell("-", args.timeout)
            print(line, flush=True)
            if args.serial:
                one = {"SAMESTORY_SERIAL": "1"}
                serial = best_of([*ours, str(path)], args.repeat, args.timeout, one)
                print(f"{'  one process':30}{_cell(serial, args.timeout)}", flush=True)
    for label, small, large in GROWTH:
        a, b = results.get(small), results.get(large)
        if a is not None and b is not None:
            print(
                f"growth, {label}: time {b[0] / a[0]:.2f}x, cpu {b[2] / a[2]:.2f}x, "
                f"memory {b[1] / a[1]:.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
