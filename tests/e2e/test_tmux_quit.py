"""Quitting during a long analysis ends the process at once (it went on 30-60 s at full CPU)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from test_tmux import HEIGHT, WIDTH, Pane

from benchmarks.generate import generate

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_q_during_the_analysis_ends_the_process_without_waiting_for_it(
    tmp_path: Path, _isolated_home: Path
) -> None:
    story = tmp_path / "story"
    generate(story, articles=150, words=800, seed=3)  # tens of seconds of analysis here
    socket = f"samestory-test-{uuid.uuid4().hex[:8]}"
    exe = Path(sys.executable).parent / "samestory"
    command = f"env SAMESTORY_HOME={_isolated_home} TERM=xterm-256color {exe} {story}"
    subprocess.run(
        ["tmux", "-L", socket, "-f", os.devnull, "new-session", "-d", "-s", "t",
         "-x", str(WIDTH), "-y", str(HEIGHT), command],
        check=True,
    )  # fmt: skip
    pane = Pane(socket, "t")
    pane.tmux("set-option", "-t", "t", "remain-on-exit", "on")
    try:
        pane.wait_for("Analysing")  # the loading panel: the analysis is under way
        pane.send("q")
        deadline = time.monotonic() + 20
        while not pane.dead() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert pane.dead(), pane.text()
        # It ended before the analysis did: no analysed story was cached.
        assert not list((_isolated_home / "cache").rglob("*.pickle"))
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
