"""Files to a finished Story, stage by stage, reporting progress."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.checks import run_checks
from reader.core.claims import find_claims
from reader.core.discrepancies import find_discrepancies
from reader.core.loading import load_paths
from reader.core.model import Article, Sentence, Story, Warning
from reader.core.passages import find_shared_passages
from reader.core.sentences import split_sentences

Progress = Callable[[str, float], None]


def _no_progress(stage: str, fraction: float) -> None:
    return None


def segment(articles: Sequence[Article]) -> list[Sentence]:
    out: list[Sentence] = []
    for a in articles:
        for i, (s, e) in enumerate(split_sentences(a.text, a.hidden)):
            out.append(Sentence(id=f"{a.id}:s{i + 1}", article=a.id, index=i, start=s, end=e))
    return out


def _touches_hidden(story: Story, warning: Warning) -> bool:
    """Hidden text (furniture, Markdown markup) takes part in no warning."""
    return any(
        s < warning.end and warning.start < e for s, e in story.article(warning.article).hidden
    )


def analyse_articles(articles: list[Article], progress: Progress = _no_progress) -> Story:
    """Run every stage on loaded articles."""
    progress("sentences", 0.1)
    sentences = segment(articles)
    progress("shared passages", 0.25)
    passages = find_shared_passages(articles)
    progress("claims", 0.45)
    claims = find_claims(articles, sentences)
    story = Story(articles=articles, sentences=sentences, claims=claims, passages=passages)
    progress("discrepancies", 0.75)
    discrepancies = find_discrepancies(story)
    progress("warnings", 0.85)
    warnings = [w for w in run_checks(story) if not _touches_hidden(story, w)]
    progress("done", 1.0)
    return Story(
        articles=articles,
        sentences=sentences,
        claims=claims,
        passages=passages,
        warnings=warnings,
        discrepancies=discrepancies,
    )


def analyse(paths: Sequence[Path], progress: Progress = _no_progress) -> Story:
    """Load and analyse; raises InputError on bad input."""
    progress("loading", 0.0)
    return analyse_articles(load_paths(paths), progress)
