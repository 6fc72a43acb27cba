"""A pool of worker processes for the work that does not depend on the main line of stages.

The engine is pure Python, so threads would not overlap; forked processes do. The pool has a
worker for each core but one (at most MAX_WORKERS processes in all): the main process runs the
claims and the discrepancies while the workers take the independent work (the parts of the
shared passages, the checks), and takes what is left of it once its own stages are done. With a
worker on every core, the workers shared the main process's spare core between them while it
ran its stages, each reading the story and filling its caches for itself (50 articles: 3.31 s
and 4.40 CPU-seconds against 3.14 s and 4.19 with one worker, mean of 8 runs taking turns).
It is used only where it pays and is safe: a story large enough that the forks and the pickling
cost less than the work, a spare core, Linux (fork is the platform's default there), and no
other thread in this process (forking a threaded process can copy a held lock). Anything else
(`SAMESTORY_SERIAL=1` among them), or a failure to start the pool, runs the work in place, in
the order it was submitted: the result never depends on which way it ran. So does a worker that
dies (killed for want of memory): the pool is then broken, and every part not yet in hand is run
in place. That is why the pool is concurrent.futures': multiprocessing's Pool replaces a dead
worker but loses the task it held, and its caller waits for that result for good.
"""

from __future__ import annotations

import io
import itertools
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Future
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
MIN_CHARS = 150_000  # below this (about 25,000 words) a stage takes less than the fork costs
MAX_WORKERS = 4  # processes, the main one among them: past this the parts get too small to pay


class Result(Protocol[T_co]):
    def result(self) -> T_co: ...


class _Done:
    """A stage run in place, with the same face as a Future."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


class _Pending:
    """A stage running in a worker process; run here if the pool breaks before it is done."""

    def __init__(self, pending: Future[Any], fn: Callable[..., Any], args: tuple[Any, ...]):
        self._pending, self._fn, self._args = pending, fn, args

    def result(self) -> Any:
        return _awaited(self._pending, self._fn, self._args)


def _awaited(pending: Future[T], fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    """A worker's result, or fn(*args) run here if the pool broke (a worker died) first."""
    try:
        return pending.result()
    except BrokenExecutor:
        return fn(*_unwrapped(args))


class Helper:
    """Submits work to the pool, or runs it in place when there is none."""

    def __init__(self, pool: ProcessPoolExecutor | None, workers: int = 1) -> None:
        self._pool = pool
        self._workers = workers if pool is not None else 1

    @property
    def workers(self) -> int:
        """How many processes take submitted work, this one among them (it steals what no
        worker has started): how many parts splitting it is worth. 1 without a pool."""
        return self._workers

    def submit(self, fn: Callable[..., T], *args: Any) -> Result[T]:
        """Run fn(*args) in a worker, or here where there is none."""
        pending = self._queue(_run_pickled, fn, args)
        return _Done(fn(*_unwrapped(args))) if pending is None else _Pending(pending, fn, args)

    def submit_stealable(self, fn: Callable[..., T], *args: Any) -> Stealable[T]:
        """submit(), for one of many parts of a stage: whichever process starts it first runs
        it, a worker or, through `Stealable.steal`, the main process once it has nothing else
        to do (it would otherwise wait while the workers work through the queue)."""
        tickets = _TICKETS
        if self._pool is None or tickets is None or not tickets.left():
            return Stealable(fn, args, -1, None)
        ticket = tickets.issue()
        return Stealable(fn, args, ticket, self._queue(_run_ticketed, fn, args, ticket))

    def submit_optional(self, fn: Callable[..., T], *args: Any) -> OptionalResult[T]:
        """submit(), for work that only spares the main process work of its own: a worker
        runs it if one gets to it in time; where there is no pool it is not run at all."""
        tickets = _TICKETS
        if self._pool is None or tickets is None or not tickets.left():
            return OptionalResult(-1, None)
        ticket = tickets.issue()
        return OptionalResult(ticket, self._queue(_run_ticketed, fn, args, ticket))

    def _queue(
        self, run: Callable[..., Any], fn: Callable[..., Any], args: tuple[Any, ...], *head: Any
    ) -> Future[Any] | None:
        """The pool's handle of run(*head, the pickled (fn, args)); None without a pool. The
        arguments are pickled here, in the caller's thread: the pool would pickle them later
        in a thread of its own, while the caller goes on and may fill caches on those very
        objects ("dictionary changed size during iteration")."""
        if self._pool is not None:
            try:
                return self._pool.submit(run, *head, _freeze((fn, args)))
            except (OSError, ValueError, RuntimeError, BrokenExecutor):
                self._pool, self._workers = None, 1  # the pool is gone: carry on alone
        return None


class Stealable(Result[T]):
    """A part submitted to the pool that the main process runs itself if no worker has
    started it (`steal`, or `result` at the latest)."""

    def __init__(
        self, fn: Callable[..., T], args: tuple[Any, ...], ticket: int, pending: Future[T] | None
    ):
        self._fn, self._args, self._ticket, self._pending = fn, args, ticket, pending
        self._done = False
        self._value: T | None = None
        if pending is None:  # not queued: run in place, as submit() does (its ticket is free)
            self.steal()

    def steal(self) -> bool:
        """Run the part here if no worker has started it; whether it did."""
        if self._done or (self._ticket >= 0 and not _take(self._ticket)):
            return False
        self._value, self._done = self._fn(*_unwrapped(self._args)), True
        return True

    def result(self, steal: bool = True) -> T:
        """The part's value; run here if no worker has started it, unless `steal` is false
        (then a worker's, waited for: running it here would cost more than waiting). Run here
        too if its worker died, whatever its ticket says."""
        if not self._done and not (steal and self.steal()):
            assert self._pending is not None  # not queued: run in place when made
            self._value, self._done = _awaited(self._pending, self._fn, self._args), True
        return self._value  # type: ignore[return-value]  # set: run here or by its worker


class OptionalResult(Generic[T]):
    """Work submitted with submit_optional: its result, once a worker has it, or None."""

    def __init__(self, ticket: int, pending: Future[T | None] | None) -> None:
        self._ticket, self._pending = ticket, pending

    def result_or_none(self) -> T | None:
        """The worker's result (waiting for it if a worker has started), or None if none has
        started (then none ever will) or its worker died: the caller does the work its own
        way."""
        if self._pending is None or _take(self._ticket):
            return None
        try:
            return self._pending.result()
        except BrokenExecutor:
            return None


# The story's texts, as the pool's workers inherit them by fork. Each is pickled as its number
# here, and unpickled as the very object the worker already holds: the engine's caches are
# keyed by text (tokens, quotes), and a key that is the same object is found at once, where an
# equal copy is compared character by character on every lookup (600 KB at a time for a long
# version; it made the checks take twice as long in a worker as in the main process). It also
# spares copying the texts into every task.
_SHARED_TEXTS: list[str] = []
_SHARED_IDS: dict[int, int] = {}  # id(text) -> its number, for the texts above (kept alive there)
_SHARED_MIN = 200  # shorter strings are cheaper to copy than to look up


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj: Any) -> int | None:
        if type(obj) is str and len(obj) > _SHARED_MIN:
            return _SHARED_IDS.get(id(obj))
        return None


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> str:
        return _SHARED_TEXTS[int(pid)]


class Shared(Generic[T]):
    """An argument of many tasks (the story that every check reads), passed to submit in place
    of its value: pickled once, when first submitted, and unpickled once by each worker, which
    keeps the last ones it read. As a plain argument, each task pickled the story and each
    worker read a new copy of it for every task, so the caches the checks keep by story
    (`checks.parallel.counterparts`) were filled again in every one."""

    def __init__(self, value: T) -> None:
        self.value = value
        self._key = next(_SHARED_KEYS)
        self._frozen: bytes | None = None

    def __reduce__(self) -> tuple[Callable[[int, bytes], Any], tuple[int, bytes]]:
        if self._frozen is None:
            self._frozen = _freeze(self.value)
        return _thawed, (self._key, self._frozen)


_SHARED_KEYS = itertools.count()
_THAWED: dict[int, Any] = {}  # in a worker: the Shared values it has read, by key
_THAWED_KEPT = 2  # the story without its claims (early tasks) and with them (late ones)


def _thawed(key: int, frozen: bytes) -> Any:
    found = _THAWED.get(key)
    if found is None:
        if len(_THAWED) >= _THAWED_KEPT:
            del _THAWED[next(iter(_THAWED))]
        found = _THAWED[key] = _Unpickler(io.BytesIO(frozen)).load()
    return found


def _unwrapped(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Arguments as a task run in this process reads them: each Shared as its value."""
    return tuple(a.value if isinstance(a, Shared) else a for a in args)


def _freeze(value: Any) -> bytes:
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def _run_pickled(frozen: bytes) -> Any:
    fn, args = _Unpickler(io.BytesIO(frozen)).load()
    return fn(*args)


class _Tickets:
    """Which stealable parts have been started, in memory the workers share by fork."""

    def __init__(self, context: Any, size: int) -> None:
        self._started = context.RawArray("b", size)
        self._lock = context.Lock()
        self._issued = 0

    def left(self) -> bool:
        return self._issued < len(self._started)

    def issue(self) -> int:
        self._issued += 1
        return self._issued - 1

    def take(self, ticket: int) -> bool:
        with self._lock:
            if self._started[ticket]:
                return False
            self._started[ticket] = 1
            return True


_TICKETS: _Tickets | None = None  # made before the pool forks: its workers inherit it
_MAX_TICKETS = 256


def _take(ticket: int) -> bool:
    return _TICKETS is not None and _TICKETS.take(ticket)


def _run_ticketed(ticket: int, frozen: bytes) -> Any:
    """In a worker: the part, unless the main process has started it (its result is then the
    main process's, and this one is never read)."""
    return _run_pickled(frozen) if _take(ticket) else None


# How much a worker yields to the main process, which runs the claims and discrepancies that the
# rest waits for: on a machine that runs other work besides, an even share would slow that line.
# (With a worker on every core, three processes on two cores gave it two thirds of a core.)
WORKER_NICENESS = 5


# How often this process's main thread offers the interpreter lock to its other threads while
# the pool runs. The pool's own threads take each worker's result off its pipe (a part of the
# passages is 9 MB, read 64 KB at a time) and hand out the next task; at Python's default of
# 5 ms each read waited for the main thread's turn, and the worker sat idle, unable to finish
# sending: 3 to 5 seconds of the workers' time at 500 articles, about 1 at this setting.
POOL_SWITCH_INTERVAL = 0.0005


def _start_worker(parent: int) -> None:
    """Ctrl+C is the parent's to handle: it stops the helper without a second traceback. The
    worker runs at a lower priority than the main process (see WORKER_NICENESS), and dies with
    it (`parent`, its pid): a main process killed outright (for want of memory, `kill -9`) left
    its worker finishing its part and then waiting for the next one for good."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(OSError):  # not allowed here: an even share is slower, not wrong
        os.nice(WORKER_NICENESS)
    _die_with(parent)


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent ends


def _die_with(parent: int) -> None:
    """Ask Linux to kill this process when its parent ends; end now if it has already."""
    with suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


def can_fork(chars: int) -> bool:
    return (
        chars >= MIN_CHARS
        and sys.platform.startswith("linux")
        and _cores() > 1
        and threading.active_count() == 1
        and not os.environ.get("SAMESTORY_SERIAL")
    )


def _cores() -> int:
    """The cores this process may run on (a container or `taskset` can allow fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def planned_workers(texts: Sequence[str]) -> int:
    """How many worker processes worker_pool(texts) will start (none where it will not fork)."""
    return min(_cores(), MAX_WORKERS) - 1 if can_fork(sum(map(len, texts))) else 0


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers. The pool sees them die, as it would one killed from outside,
    and fails what is left (its own terminate_workers() came with Python 3.14)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with suppress(OSError, ValueError, AttributeError):
            process.terminate()


@contextmanager
def worker_pool(texts: Sequence[str]) -> Iterator[Helper]:
    """A helper that runs submitted work in worker processes when that pays, else in place.
    `texts`: the story's, which the workers share (see _SHARED_TEXTS)."""
    global _TICKETS
    pool = None
    planned = planned_workers(texts)
    if planned:
        _SHARED_TEXTS[:] = texts
        _SHARED_IDS.update((id(text), k) for k, text in enumerate(texts))
        import multiprocessing  # here: a small story never forks, and pays no import for it
        from concurrent.futures import ProcessPoolExecutor

        try:
            context = multiprocessing.get_context("fork")
            _TICKETS = _Tickets(context, _MAX_TICKETS)
            pool = ProcessPoolExecutor(
                planned, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
            )
        except (OSError, ValueError):
            pool = None
    interval = sys.getswitchinterval()
    if pool is not None:
        sys.setswitchinterval(POOL_SWITCH_INTERVAL)
    finished = False
    try:
        yield Helper(pool, planned + 1)  # this process among them
        finished = True
    finally:
        sys.setswitchinterval(interval)
        if pool is not None:
            if not finished:  # the run was abandoned: its workers stop at once
                _stop_workers(pool)
            # Every result is in hand (or the workers are gone): they skip the parts this
            # process took and leave; a pool broken by a dead worker has stopped the rest.
            pool.shutdown(wait=True, cancel_futures=True)
        _TICKETS = None
        _SHARED_TEXTS.clear()
        _SHARED_IDS.clear()
