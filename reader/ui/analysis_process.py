"""The reader's analysis in a process of its own, so that it can be stopped at once.

The engine is pure Python: run in a thread of the app, it holds the interpreter's lock between
the app's frames (keys wait for it) and it cannot be interrupted, so quitting during a long
analysis waited for it to end (30-60 s at full CPU). In a child process it shares nothing with
the app; the thread that waits for it only polls a pipe, and `stop()` ends the child at once.

A plain subprocess (not multiprocessing: its resource tracker needs the terminal's stderr,
which the app has taken over) runs `child_main`; messages come back on its stdout as
length-prefixed pickles: progress, then the finished Story or the error.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from reader.core.model import InputError, Story

Progress = Callable[[str, float], None]
_POLL = 0.05  # seconds between looks at the pipe and the stop flag
_HEADER = struct.Struct("!Q")
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding `reader/`


class Stopped(Exception):
    """The analysis was stopped (the reader is quitting)."""


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


def child_main() -> None:
    """In the child: analyse the paths given as arguments, report down stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the app's to handle
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the message stream
    fast = os.environ.get("SAMESTORY_ANALYSIS_FAST") == "1"
    try:
        from reader.core.limits import semantic_skipped
        from reader.core.pipeline import analyse, analyse_in_two_steps

        def progress(stage: str, fraction: float) -> None:
            _send(out, ("progress", stage, fraction))

        args = sys.argv[1:]
        from reader.web.urls import is_url

        if any(is_url(a) for a in args):  # fetched here, so the loading panel shows it
            from reader.web.sources import resolve

            got = resolve(args, os.environ.get("SAMESTORY_FETCH_MODE", "cached"), progress)
            for line in got.failures:
                _send(out, ("notice", f"cannot read {line}"))
            if not got.paths:
                raise InputError("no article left to read: " + "; ".join(got.failures))
            paths = got.paths
            _send(out, ("paths", [str(p) for p in paths]))
        else:
            paths = [Path(a) for a in args]
        if fast:
            story = analyse(paths, progress, semantic=False)
        else:
            # The lexical claims first, shown at once; the semantic stage's (seconds more the
            # first time) replace them when ready, and only what reads the claims is redone.
            # Past the stage's size bound, the lexical story is the answer, and says why.
            from reader.store.embedding_cache import EmbeddingCache

            with EmbeddingCache() as cache:  # embeddings by sentence content, kept between runs
                steps = analyse_in_two_steps(paths, progress, cache)
                story = next(steps)
                if semantic_skipped(len(story.sentences)) is None:
                    _send(out, ("early", story))
                story = next(steps)
        _send(out, ("done", story))
    except InputError as exc:
        _send(out, ("error", str(exc)))
    except OSError as exc:
        _send(out, ("error", f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")))
    except BaseException:
        _send(out, ("crash", traceback.format_exc()))


class AnalysisProcess:
    """One analysis: `run()` (in a worker thread) returns the story; `stop()` ends it."""

    def __init__(
        self, paths: Sequence[Path | str], *, fast: bool = False, fetch_mode: str = "cached"
    ) -> None:
        """`paths` may hold http(s) URLs: the child fetches them (or reads them from the page
        cache, as `fetch_mode` says) and reports the article files it made (`self.paths`)."""
        self.inputs = [str(p) for p in paths]
        self.paths: list[Path] = [Path(p) for p in self.inputs]
        self.fast = fast
        self.fetch_mode = fetch_mode
        self.notices: list[str] = []
        self._stop = threading.Event()
        self._process: subprocess.Popen[bytes] | None = None

    def stop(self) -> None:
        self._stop.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()  # its worker processes, if any, die with it (parallel_stages)

    def run(self, progress: Progress, early: Callable[[Story], None] | None = None) -> Story:
        """The analysed story; InputError for bad input; Stopped when stopped. `early` gets
        the lexical story while the semantic stage runs."""
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p
        )
        if self.fast:
            env["SAMESTORY_ANALYSIS_FAST"] = "1"
        env["SAMESTORY_FETCH_MODE"] = self.fetch_mode
        code = "from reader.ui.analysis_process import child_main; child_main()"
        self._process = subprocess.Popen(
            [sys.executable, "-c", code, *self.inputs],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        if self._stop.is_set():  # stopped while it was starting
            self.stop()
        assert self._process.stdout is not None
        reader = _Messages(self._process.stdout)
        try:
            while True:
                if self._stop.is_set():
                    raise Stopped
                message = reader.next(_POLL)
                if message is None:
                    continue
                kind = message[0]
                if kind == "progress":
                    progress(message[1], message[2])
                elif kind == "paths":
                    self.paths = [Path(p) for p in message[1]]
                elif kind == "notice":
                    self.notices.append(message[1])
                elif kind == "early":
                    if early is not None:
                        early(message[1])
                elif kind == "done":
                    story: Story = message[1]
                    return story
                elif kind == "error":
                    raise InputError(message[1])
                elif kind == "eof":
                    if self._stop.is_set():
                        raise Stopped
                    raise InputError("the analysis ended without a result")
                else:
                    raise RuntimeError(f"the analysis failed:\n{message[1]}")
        finally:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=5)
            self._process.stdout.close()


class _Messages:
    """Length-prefixed pickles read from a pipe without blocking longer than asked."""

    def __init__(self, pipe: IO[bytes]) -> None:
        self._fd = pipe.fileno()
        self._buffer = b""

    def next(self, timeout: float) -> tuple[Any, ...] | None:
        while True:
            if len(self._buffer) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(self._buffer)
                if len(self._buffer) >= _HEADER.size + size:
                    data = self._buffer[_HEADER.size : _HEADER.size + size]
                    self._buffer = self._buffer[_HEADER.size + size :]
                    message: tuple[Any, ...] = pickle.loads(data)
                    return message
            ready, _, _ = select.select([self._fd], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self._fd, 1 << 20)
            if not chunk:
                return ("eof",)
            self._buffer += chunk
