"""The report's invariants on a mixed story (UTF-8 wire, Markdown blog, cp1252 paper)."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generate import generate
from reader.core.model import Story
from reader.core.pipeline import analyse

FLOOD = Path(__file__).parents[1] / "stories" / "ingest" / "flood"
SAMPLE = Path(__file__).parents[2] / "sample_data" / "saraqeb"


@pytest.fixture(scope="module")
def story() -> Story:
    return analyse([FLOOD])


def _on_hidden(story: Story, article: str, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in story.article(article).hidden)


def test_hidden_text_takes_part_in_no_warning(story: Story) -> None:
    # The blog's link targets are hidden markup; a lower-case name inside a URL is not a warning.
    assert any(a.name.endswith(".md") and a.hidden for a in story.articles)
    assert [w for w in story.warnings if _on_hidden(story, w.article, w.start, w.end)] == []


def test_sentences_are_ordered_visible_and_disjoint(story: Story) -> None:
    for article in story.articles:
        sentences = story.sentences_of(article.id)
        assert sentences
        for s, t in itertools.pairwise(sentences):
            assert s.end <= t.start
        for s in sentences:
            assert not article.is_hidden(s.start) and not article.is_hidden(s.end - 1)


def test_claims_join_different_articles(story: Story) -> None:
    assert story.claims
    for claim in story.claims:
        assert len({story.sentence(m).article for m in claim.members}) >= 2


def _by_name(story: Story) -> dict[str, object]:
    """The analysis in terms of file names and offsets: what must not depend on the order."""

    def at(sentence_id: str) -> tuple[str, int]:
        s = story.sentence(sentence_id)
        return story.article(s.article).name, s.start

    def name(article_id: str) -> str:
        return story.article(article_id).name

    return {
        "claims": sorted((c.label, sorted(map(at, c.members))) for c in story.claims),
        "discrepancies": sorted(
            (d.message, sorted((name(v.article), v.start) for v in d.values))
            for d in story.discrepancies
        ),
        "warnings": sorted(
            (name(w.article), w.start, w.end, w.rule, w.message) for w in story.warnings
        ),
        "passages": sorted(
            tuple(sorted([(name(p.a.article), p.a.start), (name(p.b.article), p.b.start)]))
            for p in story.passages
        ),
    }


def test_the_files_order_changes_ids_and_columns_not_the_analysis() -> None:
    # On the sample, the reversed order gave two more or fewer claim pairs and other
    # discrepancies ("seven vs eight" / "eight vs seven", one split in two).
    files = sorted(SAMPLE.iterdir())
    forward, backward = analyse(files), analyse(files[::-1])
    assert [a.name for a in backward.articles] == [f.name for f in files[::-1]]
    assert backward.articles[0].id == "a1"  # ids follow the reader's order
    assert _by_name(forward) == _by_name(backward)
    for story in (forward, backward):  # claims numbered, discrepancies listed in reading order
        firsts = [story.sentence(c.members[0]) for c in story.claims]
        position = {a.id: k for k, a in enumerate(story.articles)}
        assert firsts == sorted(firsts, key=lambda s: (position[s.article], s.index))
        assert [c.id for c in story.claims] == [f"c{k}" for k in range(1, len(story.claims) + 1)]


def test_the_semantic_stage_is_skipped_with_a_notice_past_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its first run costs tens of ms a sentence: a large story gets the lexical claims and is
    told why, unless the bound is lifted (--semantic sets it to 0)."""
    from reader.core.pipeline import analyse

    for i, body in enumerate(("The bridge opened on Monday. Crowds came.", "The bridge opened.")):
        (tmp_path / f"{i}.txt").write_text(body, encoding="utf-8")
    monkeypatch.setenv("SAMESTORY_SEMANTIC_MAX_SENTENCES", "2")
    story = analyse([tmp_path], semantic=True)
    assert len(story.sentences) == 3
    assert story.notices == (
        "the semantic stage was skipped: 3 sentences, more than 2 "
        "(its first run would take minutes); --semantic runs it",
    )
    assert story.claims == analyse([tmp_path], semantic=False).claims  # the lexical claims
    monkeypatch.setenv("SAMESTORY_SEMANTIC_MAX_SENTENCES", "0")
    assert analyse([tmp_path], semantic=True).notices == ()


def test_two_steps_give_the_lexical_then_the_semantic_story_finding_passages_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The reader's cold start: the second step is the whole semantic analysis, though it
    finds no passage and runs no claim-free check again."""
    from reader.core import pipeline

    lexical, semantic = analyse([SAMPLE], semantic=False), analyse([SAMPLE], semantic=True)
    assert lexical.claims != semantic.claims  # else this test could not tell them apart
    calls: list[str] = []
    find_part, raw_part = pipeline.find_part, pipeline.raw_part
    monkeypatch.setattr(pipeline, "find_part", lambda *a: calls.append("passages") or find_part(*a))
    from reader.core.checks import CHECKS, CLAIMLESS

    def part(story: object, check: object, *of: int) -> object:
        calls.append("claim-free" if check in CLAIMLESS else "reads claims")
        return raw_part(story, check, *of)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "raw_part", part)
    free = ["claim-free"] * len(CLAIMLESS)
    reading = ["reads claims"] * (len(CHECKS) - len(CLAIMLESS))
    steps = pipeline.analyse_in_two_steps([SAMPLE])
    assert next(steps) == lexical
    assert calls == ["passages", *free, *reading]  # the claim-free checks, then the others
    assert next(steps) == semantic
    assert calls == ["passages", *free, *reading, *reading]
    assert next(steps, None) is None


def test_two_steps_past_the_semantic_bound_give_the_lexical_story_twice_with_the_notice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core import pipeline

    monkeypatch.setenv("SAMESTORY_SEMANTIC_MAX_SENTENCES", "2")
    first, second = pipeline.analyse_in_two_steps([SAMPLE])
    assert second.claims == first.claims and first.notices == ()
    assert second.notices == analyse([SAMPLE], semantic=True).notices != ()


def test_the_collector_is_off_during_an_analysis_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from reader.core import pipeline

    seen: list[bool] = []
    find_claims = pipeline.find_claims

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return find_claims(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "find_claims", watched)
    assert gc.isenabled()
    analyse([SAMPLE], semantic=False)
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()  # a caller that had it off finds it off
    try:
        analyse([SAMPLE], semantic=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_analysis_leaves_next_to_no_cycles_for_the_collector(tmp_path: Path) -> None:
    """The collector is off during an analysis because the engine makes no reference cycles to
    speak of: a stage that made one per sentence or per passage would hold its memory until the
    end. Checked in a fresh process, on a story large enough for the worker pool."""
    story = tmp_path / "story"
    generate(story, articles=40, words=1000, seed=3)
    script = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from reader.core.pipeline import analyse\n"
        "gc.collect(); gc.disable()\n"
        "story = analyse([Path(sys.argv[1])], semantic=False)\n"
        "print(len(story.sentences), gc.collect())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(story)], capture_output=True, text=True, check=True
    )
    sentences, freed = map(int, result.stdout.split())
    assert sentences > 1000
    assert freed < 500  # the worker pool's own (149 at 200 articles), nothing per sentence
