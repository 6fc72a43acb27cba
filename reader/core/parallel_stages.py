"""A second process for the stages that do not depend on each other.

The engine is pure Python, so threads would not overlap; a forked process does. It is used only
where it pays and is safe: a story large enough that the fork and the pickling cost less than
the stage, a spare core, Linux (fork is the platform's default there), and no other thread in
this process (forking a threaded process can copy a held lock). Anything else, or a failure to
start the process, runs the stage in place: the result never depends on which way it ran.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
MIN_CHARS = 150_000  # below this (about 25,000 words) a stage takes less than the fork costs


class Result(Protocol[T_co]):
    def result(self) -> T_co: ...


class _Done:
    """A stage run in place, with the same face as a Future."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


class _Pending:
    """A stage running in the helper process."""

    def __init__(self, pending: Any) -> None:
        self._pending = pending

    def result(self) -> Any:
        return self._pending.get()


class Helper:
    def __init__(self, pool: Pool | None) -> None:
        self._pool = pool

    def submit(self, fn: Callable[..., T], *args: Any) -> Result[T]:
        if self._pool is not None:
            try:
                return _Pending(self._pool.apply_async(fn, args))
            except (OSError, ValueError):
                self._pool = None  # the process is gone: carry on alone
        return _Done(fn(*args))


def _ignore_interrupt() -> None:
    """Ctrl+C is the parent's to handle: it stops the helper without a second traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def can_fork(chars: int) -> bool:
    return (
        chars >= MIN_CHARS
        and sys.platform.startswith("linux")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and not os.environ.get("SAMESTORY_SERIAL")
    )


@contextmanager
def helper_process(chars: int) -> Iterator[Helper]:
    """A helper that runs submitted stages in a second process when that pays, else in place."""
    pool = None
    if can_fork(chars):
        try:
            pool = multiprocessing.get_context("fork").Pool(1, initializer=_ignore_interrupt)
        except (OSError, ValueError):
            pool = None
    try:
        yield Helper(pool)
    finally:
        if pool is not None:
            pool.terminate()  # every result is in hand, or the run was abandoned
            pool.join()
