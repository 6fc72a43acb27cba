"""A real terminal: tmux runs `samestory` on the sample, keys are sent, the pane is read."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store.notes_db import default_path

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 100, 30


class Pane:
    def __init__(self, socket: str, target: str) -> None:
        self.socket, self.target = socket, target

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        ).stdout

    def text(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def wait_for(self, needle: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.text()
            if needle in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{needle!r} never appeared; the pane shows:\n{screen}")

    def wait_gone(self, needle: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = self.text()
        while needle in screen and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = self.text()
        assert needle not in screen, screen
        return screen

    def dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", self.target, "#{pane_dead}").strip() == "1"


@pytest.fixture
def pane(_isolated_home: Path) -> Iterator[Pane]:
    socket = f"samestory-test-{uuid.uuid4().hex[:8]}"
    exe = Path(sys.executable).parent / "samestory"
    command = f"env SAMESTORY_HOME={_isolated_home} TERM=xterm-256color {exe}"
    subprocess.run(
        [
            "tmux",
            "-L",
            socket,
            "-f",
            os.devnull,
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            command,
        ],
        check=True,
    )
    p = Pane(socket, "t")
    p.tmux("set-option", "-t", "t", "remain-on-exit", "on")
    try:
        yield p
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)


def test_reader_in_a_real_terminal(pane: Pane, _isolated_home: Path) -> None:
    pane.wait_for("5 articles")
    pane.wait_for("a1 s1/")  # the status line shows the cursor
    screen = pane.wait_for(" a2 ")
    lines = screen.splitlines()
    assert "1–2 of 5" in lines[0]  # two columns at 100 wide, the rest paged sideways
    assert " a1 " in lines[1] and " a2 " in lines[1] and " a3 " not in lines[1]
    assert sum(len(line.strip()) > 40 for line in lines[4:20]) > 8  # article text on screen
    pane.send("j")
    pane.wait_for("a1 s2/")
    pane.send("l", "l")
    screen = pane.wait_for("3–4 of 5")  # the focus moved to a3: columns paged
    assert " a3 s" in screen
    pane.send("?")
    screen = pane.wait_for("samestory keys")
    assert "next-sentence" in screen and "cycle-correspondence" in screen
    pane.send("Escape")
    pane.wait_gone("samestory keys")
    pane.send("o")
    pane.wait_for("Overview")
    screen = pane.wait_for("warnings")  # the table paints after its title on a loaded machine
    assert "discrepancies" in screen
    pane.send("Escape")
    pane.wait_gone("Overview")
    pane.send("q")
    deadline = time.monotonic() + 10
    while not pane.dead() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pane.dead()
    with sqlite3.connect(default_path()) as db:  # the reading position is kept in the notes store
        assert db.execute("SELECT count(*) FROM positions").fetchone() == (1,)
