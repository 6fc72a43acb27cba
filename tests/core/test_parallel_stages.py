"""The second process for independent stages: used when it pays and is safe, same result."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from reader.core import parallel_stages
from reader.core.parallel_stages import MAX_WORKERS, MIN_CHARS, Shared, worker_pool
from reader.core.pipeline import analyse
from reader.report.json_report import report_dict
from reader.resources import sample_dir


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even for the small sample, whatever threads the test runner keeps."""
    monkeypatch.setattr(parallel_stages, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel_stages.threading, "active_count", lambda: 1)
    monkeypatch.delenv("SAMESTORY_SERIAL", raising=False)


@pytest.mark.skipif(not parallel_stages.sys.platform.startswith("linux"), reason="fork: Linux")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_stage_runs_in_another_process_and_story_is_the_same(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with worker_pool(["x" * 10]) as helper:
        assert helper.submit(os.getpid).result() != os.getpid()
    parallel = json.dumps(report_dict(analyse([sample_dir()])), sort_keys=True)
    monkeypatch.setenv("SAMESTORY_SERIAL", "1")
    serial = json.dumps(report_dict(analyse([sample_dir()])), sort_keys=True)
    assert parallel == serial


@pytest.mark.skipif(not parallel_stages.sys.platform.startswith("linux"), reason="fork: Linux")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_worker_sees_its_arguments_as_they_were_when_submitted(forking: None) -> None:
    """The caller goes on using what it submitted (the discrepancies fill the Story's caches
    while the late checks are on their way): the worker must get them as they were, pickled
    at submit, not whenever the pool's own thread gets round to it."""
    with worker_pool(["x" * 10]) as helper:
        for _ in range(20):
            data: dict[str, int] = {"n": 1}
            pending = helper.submit(len, data)
            for k in range(2_000):
                data[f"k{k}"] = k
            assert pending.result() == 1


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_workers_yield_to_the_main_process(forking: None) -> None:
    """The main process runs the stages the rest waits for: its workers run at a lower
    priority, so that other work on the machine takes its share from them first."""

    with worker_pool(["x" * 10]) as helper:
        assert helper.workers > 1
        worker = helper.submit(os.nice, 0).result()
    assert worker == os.nice(0) + parallel_stages.WORKER_NICENESS


def _pid_after_a_while() -> int:
    time.sleep(0.05)
    return os.getpid()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_the_pool_has_a_worker_for_each_core_but_this_one(forking: None) -> None:
    """The main process takes work too (it steals what no worker has started): a worker on
    every core would leave the workers sharing one core while it runs its own stages."""
    with worker_pool(["x" * 10]) as helper:
        tasks = [helper.submit(_pid_after_a_while) for _ in range(4 * helper.workers)]
        pids = {task.result() for task in tasks}
    assert os.getpid() not in pids
    assert len(pids) == helper.workers - 1 == min(parallel_stages._cores(), MAX_WORKERS) - 1


def _hold(started: str, release: str) -> int:
    """A worker's task that says it has started, then holds its worker until `release`."""
    Path(started, str(os.getpid())).touch()
    while not os.path.exists(release):
        time.sleep(0.01)
    return os.getpid()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_part_no_worker_has_started_is_run_by_the_main_process(
    forking: None, tmp_path: Path
) -> None:
    """With every worker busy, the main process takes the queued parts itself (steal), and
    a worker reaching one later leaves it; a part a worker has started stays the worker's."""
    started, release = tmp_path / "started", str(tmp_path / "release")
    started.mkdir()
    with worker_pool(["x" * 10]) as helper:
        n = helper.workers - 1  # the pool's processes: this one is the other
        busy = [helper.submit_stealable(_hold, str(started), release) for _ in range(n)]
        queued = [helper.submit_stealable(os.getpid) for _ in range(3)]
        while len(os.listdir(started)) < n:  # every worker holds a part
            time.sleep(0.01)
        assert [part.steal() for part in reversed(queued)] == [True, True, True]
        assert [part.result() for part in queued] == [os.getpid()] * 3
        assert not any(part.steal() for part in busy)  # started by a worker: not taken
        Path(release).touch()
        assert all(part.result() != os.getpid() for part in busy)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_an_optional_task_no_worker_has_started_is_dropped(forking: None, tmp_path: Path) -> None:
    """submit_optional: a worker's result once one has started it; None while every worker is
    busy, and then the worker that frees up skips it (the caller has done the work itself)."""
    started, release = tmp_path / "started", str(tmp_path / "release")
    started.mkdir()
    with worker_pool(["x" * 10]) as helper:
        n = helper.workers - 1  # the pool's processes: this one is the other
        busy = [helper.submit_optional(_hold, str(started), release) for _ in range(n)]
        waiting = helper.submit_optional(_hold, str(started), release)
        while len(os.listdir(started)) < n:
            time.sleep(0.01)
        assert waiting.result_or_none() is None
        Path(release).touch()
        assert all(task.result_or_none() not in (None, os.getpid()) for task in busy)
        later = tmp_path / "later"
        later.mkdir()
        after = helper.submit_optional(_hold, str(later), release)
        while not os.listdir(later):  # an idle worker has started it
            time.sleep(0.01)
        assert after.result_or_none() not in (None, os.getpid())
    assert len(os.listdir(started)) == n  # the dropped one never ran


def test_an_optional_task_is_not_run_without_workers(tmp_path: Path) -> None:
    with worker_pool(["x" * (MIN_CHARS - 1)]) as helper:
        task = helper.submit_optional(Path.touch, tmp_path / "ran")
        assert task.result_or_none() is None
    assert not (tmp_path / "ran").exists()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_worker_reads_the_story_s_texts_as_the_objects_it_inherited(forking: None) -> None:
    """A story's text reaches a worker as the very object the worker inherited by fork (the
    same address), not as a copy: the engine's caches are keyed by text, and a copy would be
    compared character by character on every lookup. Other strings arrive as copies."""
    text, other = "story text " * 100, "not the story's " * 100
    with worker_pool([text]) as helper:
        assert helper.submit(id, text).result() == id(text)
        assert helper.submit(str.upper, text).result() == text.upper()
        assert helper.submit(id, other).result() != id(other)


def _visit(value: dict[str, list[int]]) -> tuple[int, int]:
    """A task that marks the value it got: how many tasks this process ran on that object."""
    value["visits"].append(os.getpid())
    return os.getpid(), len(value["visits"])


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_shared_argument_is_read_once_by_each_worker(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Shared argument of many tasks is one object in each worker, read once and kept from
    task to task (so are its caches); where a task runs in this process, the value itself."""
    story: dict[str, list[int]] = {"visits": []}
    shared = Shared(story)
    with worker_pool(["x" * 10]) as helper:
        visits: dict[int, list[int]] = {}
        for pid, count in [helper.submit(_visit, shared).result() for _ in range(12)]:
            visits.setdefault(pid, []).append(count)
        assert os.getpid() not in visits
        assert all(counts == list(range(1, len(counts) + 1)) for counts in visits.values())
        assert helper.submit(_visit, Shared({"visits": []})).result()[1] == 1  # read anew
        queued = [helper.submit_stealable(_visit, shared) for _ in range(40)]
        stolen = [part for part in reversed(queued) if part.steal()]
    assert stolen and story["visits"] == [os.getpid()] * len(stolen)  # the very value
    monkeypatch.setenv("SAMESTORY_SERIAL", "1")
    with worker_pool(["x" * 10]) as helper:  # no pool: the value itself
        assert helper.submit(_visit, shared).result() == (os.getpid(), len(stolen) + 1)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_the_main_thread_hands_over_often_while_the_pool_runs(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool's threads in this process move the workers' results and tasks: they get the
    interpreter lock every POOL_SWITCH_INTERVAL, and the default comes back after."""
    default = sys.getswitchinterval()
    with worker_pool(["x" * 10]):
        assert sys.getswitchinterval() == pytest.approx(parallel_stages.POOL_SWITCH_INTERVAL)
        assert default > parallel_stages.POOL_SWITCH_INTERVAL
    assert sys.getswitchinterval() == default
    monkeypatch.setenv("SAMESTORY_SERIAL", "1")
    with worker_pool(["x" * 10]):  # no pool: nothing to hand over to
        assert sys.getswitchinterval() == default


def test_stealable_parts_run_in_place_without_workers() -> None:
    with worker_pool(["x" * (MIN_CHARS - 1)]) as helper:
        part = helper.submit_stealable(os.getpid)
        assert not part.steal()  # already run, here
        assert part.result() == os.getpid()


def test_small_story_runs_in_place() -> None:
    with worker_pool(["x" * (MIN_CHARS - 1)]) as helper:
        assert helper.submit(os.getpid).result() == os.getpid()


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMESTORY_SERIAL", raising=False)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with worker_pool(["x" * (MIN_CHARS * 10)]) as helper:
            assert helper.submit(os.getpid).result() == os.getpid()
    finally:
        stop.set()
        other.join()


def test_a_process_that_cannot_start_leaves_the_stage_in_place(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    import multiprocessing  # the module the pool is made from when a story is large

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    with worker_pool(["x" * 10]) as helper:
        assert helper.submit(os.getpid).result() == os.getpid()


def test_checks_run_before_the_claims_do_not_read_them() -> None:
    """The claimless checks run on a story without claims in the helper: they must not care."""
    from reader.core.checks import CHECKS, CLAIMLESS
    from reader.core.model import Story

    story = analyse([sample_dir()])
    bare = Story(story.articles, story.sentences)
    for check in CHECKS:
        if check in CLAIMLESS:
            assert check(bare) == check(story), check.__name__
    assert any(check(bare) != check(story) for check in CHECKS if check not in CLAIMLESS)


def test_the_passage_index_is_made_once_before_the_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline indexes the story's n-grams before its workers fork (they inherit the
    index): no part makes it again, in this process or in a forked one."""
    from reader.core.passages import shared

    made: list[int] = []
    prepare = shared._prepare
    monkeypatch.setattr(shared, "_prepare", lambda articles: made.append(1) or prepare(articles))
    monkeypatch.setattr(shared, "_LAST", None)
    analyse([sample_dir()], semantic=False)
    assert made == [1]
    assert shared._LAST is None  # and it goes with the analysis


_MAIN_PID = os.getpid()


def _slow_in_a_worker(articles: Any, part: int, parts: int) -> Any:
    from reader.core.passages.shared import find_part

    if os.getpid() != _MAIN_PID:
        time.sleep(0.5)
    return find_part(articles, part, parts)


@pytest.mark.skipif(not parallel_stages.sys.platform.startswith("linux"), reason="fork: Linux")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_one_worker_indexes_the_passages_itself_and_several_inherit_one_index(
    forking: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one worker, the main process goes on to the sentences and claims while the worker
    indexes the passages, and takes no part of them (it would have to index them); with
    more, they inherit one index made before the fork. Either way the story is the serial
    one. The indexes made are counted in this process only: a worker counts its own."""
    from reader.core import pipeline
    from reader.core.passages import shared

    prepared: list[int] = []
    real = shared._prepare
    monkeypatch.setattr(shared, "_prepare", lambda a: prepared.append(1) or real(a))
    # The worker is slow to its parts, so that some are not started when this process has
    # done all else: it must wait for them, not take them.
    monkeypatch.setattr(pipeline, "find_part", _slow_in_a_worker)
    monkeypatch.setenv("SAMESTORY_SERIAL", "1")
    serial = json.dumps(report_dict(analyse([sample_dir()])), sort_keys=True)
    monkeypatch.delenv("SAMESTORY_SERIAL")
    for cores, expected in ((2, 0), (3, 1)):
        prepared.clear()
        monkeypatch.setattr(parallel_stages, "_cores", lambda cores=cores: cores)
        assert parallel_stages.planned_workers(["x"]) == cores - 1
        assert json.dumps(report_dict(analyse([sample_dir()])), sort_keys=True) == serial
        assert len(prepared) == expected
    monkeypatch.setenv("SAMESTORY_SERIAL", "1")
    assert parallel_stages.planned_workers(["x"]) == 0


def _logged_check(story: Any, check: Any, part: int, parts: int) -> Any:
    """raw_part, noting which process ran which check (in the file the test names)."""
    from reader.core.checks import raw_part

    with open(os.environ["SAMESTORY_TEST_LOG"], "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()} {check.__name__}\n")
    return raw_part(story, check, part, parts)


@pytest.mark.skipif(not parallel_stages.sys.platform.startswith("linux"), reason="fork: Linux")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_the_main_process_takes_the_claim_free_checks_no_worker_has_started(
    forking: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The claim-free checks are queued after the passages' parts, one task each: with the
    worker held back in its parts, the main process, done with its own stages, runs those
    checks itself instead of waiting, and the story is the serial one."""
    from reader.core import pipeline
    from reader.core.checks import CLAIMLESS

    log = tmp_path / "ran.txt"
    monkeypatch.setenv("SAMESTORY_TEST_LOG", str(log))
    monkeypatch.setattr(pipeline, "raw_part", _logged_check)
    monkeypatch.setattr(pipeline, "find_part", _slow_in_a_worker)
    monkeypatch.setattr(parallel_stages, "_cores", lambda: 2)
    # Lexical claims: the semantic stage's first run could take the main process longer than
    # the worker's parts.
    parallel = json.dumps(report_dict(analyse([sample_dir()], semantic=False)), sort_keys=True)
    ran = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    claim_free = {check.__name__ for check in CLAIMLESS}
    here = {name for pid, name in ran if int(pid) == os.getpid() and name in claim_free}
    assert here == claim_free  # the worker was still in its parts: every one ran here
    assert sorted(name for _, name in ran if name in claim_free) == sorted(claim_free)  # once
    monkeypatch.setenv("SAMESTORY_SERIAL", "1")
    serial = json.dumps(report_dict(analyse([sample_dir()], semantic=False)), sort_keys=True)
    assert serial == parallel


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _sleeps_then_writes(path: Path) -> str:
    time.sleep(0.5)
    path.write_text("ran")
    return "written"


def _in_thread(work: Any) -> threading.Thread:
    """work() in a daemon thread, joined for up to a minute: a pool that hangs leaves it alive
    and the test fails, where calling it directly would hang the test run."""
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(60)
    return thread


@pytest.mark.skipif(not parallel_stages.sys.platform.startswith("linux"), reason="fork: Linux")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_finished_run_lets_the_workers_leave_an_abandoned_one_stops_them(
    forking: None, tmp_path: Path
) -> None:
    """Every result in hand: the workers finish their queue (skipping the parts this process
    took) and leave. An abandoned run (an error, Ctrl+C) stops them where they are: the part
    a worker was running never finishes."""
    workers: list[int] = []

    def finished() -> None:
        with worker_pool(["x" * 10]) as helper:
            parts = [helper.submit_stealable(os.getpid) for _ in range(20)]
            parts[-1].steal()  # taken here: a worker will find its ticket gone and skip it
            assert all(part.result(steal=False) for part in parts[:-1])
            workers.extend({part.result() for part in parts} - {os.getpid()})

    assert not _in_thread(finished).is_alive()
    assert workers and not any(map(_alive, workers))
    marker = tmp_path / "ran"

    def abandoned() -> None:
        with pytest.raises(RuntimeError), worker_pool(["x" * 10]) as helper:
            workers[:] = [helper.submit(os.getpid).result()]
            helper.submit(_sleeps_then_writes, marker)
            time.sleep(0.1)  # the worker has started it
            raise RuntimeError("abandoned")

    assert not _in_thread(abandoned).is_alive()
    assert not _alive(workers[0])
    time.sleep(1)
    assert not marker.exists()


@pytest.mark.skipif(not parallel_stages.sys.platform.startswith("linux"), reason="fork: Linux")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_worker_killed_from_outside_leaves_its_work_to_this_process(
    forking: None, tmp_path: Path
) -> None:
    """A worker killed for want of memory loses the part it ran: this process runs it, and
    every later one, itself (multiprocessing's Pool waited for that result for good)."""
    got: dict[str, Any] = {}

    def run() -> None:
        with worker_pool(["x" * 10]) as helper:
            worker = helper.submit(os.getpid).result()
            running = helper.submit(_sleeps_then_writes, tmp_path / "first")
            part = helper.submit_stealable(os.getpid)
            optional = helper.submit_optional(os.getpid)
            time.sleep(0.2)  # the worker has started the first
            os.kill(worker, signal.SIGKILL)
            got["running"] = running.result()
            got["part"] = part.result(steal=False)
            got["optional"] = optional.result_or_none()
            got["later"] = helper.submit(os.getpid).result()

    assert not _in_thread(run).is_alive()
    assert got == {
        "running": "written",
        "part": os.getpid(),
        "optional": None,
        "later": os.getpid(),
    }
    assert (tmp_path / "first").read_text() == "ran"


_ORPHAN_SCRIPT = """
import os, sys, time
from reader.core import parallel_stages
parallel_stages.MIN_CHARS = 0
with parallel_stages.worker_pool(["x" * 10]) as helper:
    print(helper.submit(os.getpid).result(), flush=True)
    helper.submit(time.sleep, 120)
    time.sleep(120)
"""


def _running(pid: int) -> bool:
    """Whether the process exists and has not ended (a zombie has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs a second core")
def test_a_worker_dies_with_a_main_process_killed_outright() -> None:
    """kill -9 (or the kernel, for want of memory) gives the main process no chance to stop its
    workers: each asks the kernel to kill it with its parent, where it would have finished its
    part and waited for the next one for good."""
    import subprocess

    env = {**os.environ, "SAMESTORY_SERIAL": ""}
    main = subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_SCRIPT], stdout=subprocess.PIPE, text=True, env=env
    )
    assert main.stdout is not None
    worker = int(main.stdout.readline())
    assert worker != main.pid and _running(worker)
    main.kill()
    main.wait()
    for _ in range(300):  # up to 30 s for the kernel to deliver it
        if not _running(worker):
            break
        time.sleep(0.1)
    assert not _running(worker)
