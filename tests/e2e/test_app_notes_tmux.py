"""The real app in tmux: notes written with keys survive SIGKILL and come back on restart."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tmux import Pane

from reader.store.notes import open_store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 120, 36


@pytest.fixture
def app_pane(_isolated_home: Path) -> Iterator[tuple[Pane, str]]:
    socket = f"samestory-notes-{uuid.uuid4().hex[:8]}"
    exe = Path(sys.executable).parent / "samestory"
    command = f"env SAMESTORY_HOME={_isolated_home} TERM=xterm-256color {exe}"
    subprocess.run(
        [
            *("tmux", "-L", socket, "-f", os.devnull, "new-session", "-d", "-s", "t"),
            *("-x", str(WIDTH), "-y", str(HEIGHT), command),
        ],
        check=True,
    )
    pane = Pane(socket, "t")
    pane.tmux("set-option", "-t", "t", "remain-on-exit", "on")
    try:
        yield pane, command
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)


def write_note(pane: Pane, text: str, *, tag: bool = False) -> None:
    pane.send("a")
    pane.wait_for("New note")
    pane.tmux("send-keys", "-t", pane.target, "-l", text)
    pane.wait_for(text)
    if tag:
        pane.send("Tab")  # to the first quick tag, artifact
        time.sleep(0.5)
        pane.send("Space")
        time.sleep(0.5)
    pane.send("C-s")
    pane.wait_for("Note saved.")  # shown: from here on it must survive anything
    pane.wait_gone("New note")


def test_notes_survive_sigkill_and_come_back(
    app_pane: tuple[Pane, str], _isolated_home: Path
) -> None:
    pane, command = app_pane
    pane.wait_for("5 articles", timeout=60)
    pane.wait_for("a1 s1/")
    write_note(pane, "first note: check the wire copy")
    pane.send("j")
    pane.wait_for("a1 s2/")
    write_note(pane, "second note on s2", tag=True)
    pane.send("n")
    pane.wait_for("claim ")
    pane.send("x")  # the claim disputed
    pane.wait_for("1 disputed")
    pane.send("l")
    write_note(pane, "third, in another column")

    pid = int(pane.tmux("display-message", "-p", "-t", pane.target, "#{pane_pid}").strip())
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while not pane.dead() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pane.dead()

    store = open_store()
    try:
        assert store.integrity_ok()
        texts = sorted(n.text for n in store.all_notes())
        assert texts == [
            "first note: check the wire copy",
            "second note on s2",
            "third, in another column",
        ]
        assert [n.tags for n in store.all_notes() if n.text.startswith("second")] == [("artifact",)]
        assert [m.status for m in store.all_marks()] == ["disputed"]
    finally:
        store.close()

    pane.tmux("respawn-pane", "-t", pane.target, command)
    pane.wait_for("5 articles", timeout=60)
    screen = pane.wait_for("1 disputed")  # the review progress is back in the header
    assert re.search(r"\b1/\d+ (claims )?reviewed", screen), screen
    pane.send("N")
    screen = pane.wait_for("3 notes")
    for text in ("first note: check", "second note on s2", "#artifact", "third, in another"):
        assert text in screen, screen
    pane.send("Escape")
    pane.wait_gone("3 notes")
    pane.send("q")
    deadline = time.monotonic() + 10
    while not pane.dead() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pane.dead()
