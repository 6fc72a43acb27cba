"""The reader's analysis in a child process: the story comes back, bad input is one error, and
stop() ends the child (a thread in the engine could not be stopped)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from benchmarks.generate import generate
from reader.core.model import InputError
from reader.ui.analysis_process import AnalysisProcess, Stopped


def test_the_child_returns_the_story_with_progress(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The bridge opened on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The bridge opened on Monday morning.", encoding="utf-8")
    stages: list[str] = []
    story = AnalysisProcess([tmp_path]).run(lambda stage, _f: stages.append(stage))
    assert [a.name for a in story.articles] == ["a.txt", "b.txt"]
    assert stages[0] == "loading" and stages[-1] == "done"


def test_bad_input_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        AnalysisProcess([tmp_path / "missing"]).run(lambda _s, _f: None)


def test_stop_ends_the_child_during_a_long_analysis(tmp_path: Path) -> None:
    story = tmp_path / "story"
    generate(story, articles=120, words=800, seed=5)
    analysis = AnalysisProcess([story])
    started = threading.Event()
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(analysis.run(lambda _s, _f: started.set()))
        except BaseException as exc:  # the thread reports what ended it
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(60)  # the child is analysing
    analysis.stop()
    thread.join(30)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Stopped)
    assert analysis._process is not None and analysis._process.poll() is not None


def test_the_child_runs_the_semantic_stage_unless_fast() -> None:
    """--fast reaches the child: the lexical claims; otherwise the fitted model's, with the
    embeddings kept in the cache for the next opening."""
    from reader.core.pipeline import analyse
    from reader.resources import sample_dir
    from reader.store.embedding_cache import EmbeddingCache

    lexical = [c.members for c in analyse([sample_dir()], semantic=False).claims]
    fast = AnalysisProcess([sample_dir()], fast=True).run(lambda _s, _f: None)
    assert [c.members for c in fast.claims] == lexical
    full = AnalysisProcess([sample_dir()]).run(lambda _s, _f: None)
    assert [c.members for c in full.claims] != lexical
    assert all(len(c.strengths) == len(c.members) for c in full.claims)
    with EmbeddingCache() as cache:
        assert len(cache) > 50
