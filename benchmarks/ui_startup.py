"""Whole-process time from start to the first painted screen: samestory on the sample vs an
empty Textual app, alternated in the same run (target: within 1.5x).

    python benchmarks/ui_startup.py [--runs 5] [--size 120x40] [--source]

Each process runs in a pseudo-terminal of fixed size with a throw-away SAMESTORY_HOME; the clock
stops when the terminal output (escape codes removed) contains what a person would see:
"hello" for the empty app, the status line of the loaded story ("a1 s1/") for samestory, so the
figure includes loading, the analysis (from the cache after the first run) and painting the
columns. Cold starts (a fresh SAMESTORY_HOME, so the engine runs in the worker) are reported
too, with their first frame (the window and its progress bar).

Bytecode: the package is compiled first (`compileall`, as `pip install` does), so samestory
starts like an installed copy, as Textual in the empty app does. Where PYTHONDONTWRITEBYTECODE
is set and nothing compiled the checkout, every start would compile our ~40 modules from source
(about 40 ms more); --source measures that case.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
EMPTY_APP = """
from textual.app import App
from textual.widgets import Static
class Empty(App):
    def compose(self):
        yield Static("hello")
Empty().run()
"""


def time_to_text(
    argv: list[str], needles: list[str], size: tuple[int, int], env: dict[str, str]
) -> list[float]:
    """Seconds from spawn until each needle first shows on the terminal."""
    master, slave = pty.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    found: dict[str, float] = {}
    raw = b""
    try:
        while len(found) < len(needles) and time.perf_counter() - start < 60:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    raw += os.read(master, 65536)
                except OSError:
                    break
                text = ANSI.sub("", raw.decode("utf-8", errors="replace"))
                for needle in needles:
                    if needle not in found and needle in text:
                        found[needle] = time.perf_counter() - start
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
        os.close(master)
    missing = [n for n in needles if n not in found]
    if missing:
        raise RuntimeError(f"never painted {missing}: {argv}")
    return [found[n] for n in needles]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="120x40")
    parser.add_argument(
        "--source", action="store_true", help="do not compile the package's bytecode first"
    )
    args = parser.parse_args()
    if not args.source:
        package = Path(__file__).resolve().parent.parent / "reader"
        compileall.compile_dir(package, quiet=1)
    cols, rows = (int(x) for x in args.size.split("x"))
    exe = str(Path(sys.executable).parent / "samestory")
    direct = [
        sys.executable,
        "-c",
        "from reader.resources import sample_dir; from reader.ui.app import run_app; "
        "run_app([sample_dir()])",
    ]
    empty, first, loaded, bare = [], [], [], []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "SAMESTORY_HOME": home, "TERM": "xterm-256color"}
        for _ in range(args.runs):
            empty += time_to_text([sys.executable, "-c", EMPTY_APP], ["hello"], (cols, rows), env)
            t_first, t_loaded = time_to_text([exe], ["Quit", "a1 s1/"], (cols, rows), env)
            first.append(t_first)
            loaded.append(t_loaded)
            bare += time_to_text(direct, ["a1 s1/"], (cols, rows), env)
        cold_first, cold_loaded = [], []
        for _ in range(max(1, args.runs // 2)):
            with tempfile.TemporaryDirectory() as fresh:  # nothing cached: the engine runs
                cold_env = {**env, "SAMESTORY_HOME": fresh}
                t_first, t_loaded = time_to_text([exe], ["Quit", "a1 s1/"], (cols, rows), cold_env)
                cold_first.append(t_first * 1000)
                cold_loaded.append(t_loaded * 1000)
    e, f, loaded_median, b = (statistics.median(x) * 1000 for x in (empty, first, loaded, bare))
    print(f"empty Textual app          : {e:6.0f} ms (median of {args.runs})")
    print(f"samestory, first frame     : {f:6.0f} ms  ({f / e:.2f}x)")
    print(f"samestory, sample painted  : {loaded_median:6.0f} ms  ({loaded_median / e:.2f}x)")
    print(f"run_app without the CLI    : {b:6.0f} ms  ({b / e:.2f}x)  (sample painted)")
    print("(samestory runs above reuse one SAMESTORY_HOME: the analysis comes from the cache)")
    if args.source:
        print("(--source: the package's bytecode was not compiled first)")
    cf, cl = statistics.median(cold_first), statistics.median(cold_loaded)
    print(f"cold start, first frame    : {cf:6.0f} ms  ({cf / e:.2f}x)  (progress bar on screen)")
    print(f"cold start, sample painted : {cl:6.0f} ms  ({cl / e:.2f}x)  (engine ran in the worker)")
    verdict = "ok" if loaded_median <= 1.5 * e else "over the 1.5x target"
    print(f"target: sample painted within 1.5x of the empty app: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
