"""Files to a finished Story, stage by stage, reporting progress."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from reader.core.checks import CHECKS, CLAIMLESS, finalize, raw_warnings
from reader.core.claims.linking import find_claims
from reader.core.facts.discrepancies import find_discrepancies
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Article, Sentence, Story, Warning
from reader.core.parallel_stages import helper_process
from reader.core.passages.shared import find_shared_passages
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
    """Run every stage on loaded articles.

    A large story on a machine with a spare core runs independent stages side by side: the
    passages and the checks that need no claims beside the claims, the other checks beside the
    discrepancies. The result is the same either way.
    """
    early_checks = tuple(c for c in CHECKS if c in CLAIMLESS)
    late_checks = tuple(c for c in CHECKS if c not in CLAIMLESS)
    # Every stage sees the articles in one order, under ids of that order, whatever order
    # they came in; the reader's ids and order come back at the end.
    canon = CanonicalOrder(articles)
    ordered = canon.articles
    with helper_process(sum(len(a.text) for a in articles)) as helper:
        progress("sentences", 0.1)
        sentences = segment(ordered)
        progress("shared passages", 0.25)
        passages = helper.submit(find_shared_passages, ordered)
        early = helper.submit(raw_warnings, Story(ordered, sentences), early_checks)
        progress("claims", 0.45)
        claims = find_claims(ordered, sentences)
        story = Story(articles=ordered, sentences=sentences, claims=claims)
        progress("warnings", 0.75)
        late = helper.submit(raw_warnings, story, late_checks)
        progress("discrepancies", 0.85)
        discrepancies = find_discrepancies(story)
        found = early.result() + late.result()
        shared = passages.result()
    in_reading_order, claim_name = canon.claims(claims)
    story = Story(
        articles=list(articles),
        sentences=canon.sentences(sentences),
        claims=in_reading_order,
        passages=canon.passages(shared),
    )
    by_check = dict(zip(early_checks + late_checks, found, strict=True))
    raw = canon.warnings([w for check in CHECKS for w in by_check[check]])
    warnings = [w for w in finalize(story, raw) if not _touches_hidden(story, w)]
    progress("done", 1.0)
    return replace(
        story, warnings=warnings, discrepancies=canon.discrepancies(discrepancies, claim_name)
    )


def analyse(paths: Sequence[Path], progress: Progress = _no_progress) -> Story:
    """Load and analyse; raises InputError on bad input."""
    progress("loading", 0.0)
    notices: list[str] = []
    story = analyse_articles(load_paths(paths, notices), progress)
    return replace(story, notices=tuple(notices)) if notices else story
