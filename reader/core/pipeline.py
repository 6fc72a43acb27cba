"""Files to a finished Story, stage by stage, reporting progress."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.checks import (
    CHECKS,
    CLAIM_READING,
    CLAIMLESS,
    SPLITS,
    finalize,
    raw_part,
)
from reader.core.claims.linking import find_claims
from reader.core.facts.discrepancies import find_discrepancies
from reader.core.facts.repeated_sentences import every_facets
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.limits import semantic_skipped
from reader.core.model import Article, Sentence, Story, Warning
from reader.core.parallel_stages import (
    OptionalResult,
    Shared,
    Stealable,
    planned_workers,
    worker_pool,
)
from reader.core.passages.shared import find_part
from reader.core.passages.shared import forget as forget_passages
from reader.core.passages.shared import prepare as prepare_passages
from reader.core.passages.shared import prepared as passages_prepared
from reader.core.passages.table import PassageTable
from reader.core.sentences import split_sentences
from reader.core.text.tokens import learn

if TYPE_CHECKING:
    from reader.core.claims.semantic import Meaning
    from reader.core.facts.mentions import Facets

EmbeddingCache = MutableMapping[str, bytes]

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
    return story.article(warning.article).hides_any(warning.start, warning.end)


# The passages' parts: several a worker even out the load, and leave parts for the main
# process to take once its own stages are done.
_PARTS_PER_WORKER = 8
_MEMO: dict[str, bytes] = {}  # embeddings of this process's analyses, by sentence content
_MEMO_LIMIT = 5_000  # entries of ~15 KB (vector and token states)


def _embeddings(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    cache: EmbeddingCache | None,
    progress: Progress,
) -> Meaning | None:
    """Each sentence's vector and token states, or None where the semantic stage cannot run."""
    from reader.core.claims import semantic

    if not semantic.available():
        return None
    text = {a.id: a.text for a in articles}
    if len(_MEMO) > _MEMO_LIMIT:
        _MEMO.clear()
    store: EmbeddingCache = _MEMO if cache is None else _Both(_MEMO, cache)
    return semantic.encode(
        [text[s.article][s.start : s.end] for s in sentences],
        store,
        lambda f: progress("meaning", 0.45 + 0.25 * f),
    )


class _Both(MutableMapping[str, bytes]):
    """The process memo in front of a persistent cache."""

    def __init__(self, near: dict[str, bytes], far: EmbeddingCache) -> None:
        self.near, self.far = near, far

    def __getitem__(self, key: str) -> bytes:
        value = self.near.get(key)
        if value is None:
            value = self.near[key] = self.far[key]
        elif key not in self.far:  # computed by an earlier analysis of this process: keep it
            self.far[key] = value
        return value

    def __setitem__(self, key: str, value: bytes) -> None:
        self.near[key] = value
        self.far[key] = value

    def __delitem__(self, key: str) -> None:
        self.near.pop(key, None)
        del self.far[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.far)

    def __len__(self) -> int:
        return len(self.far)


@dataclass(frozen=True)
class _Groundwork:
    """What an analysis finds without reading the claims: sentences, the parts of the shared
    passages, the claim-free checks' raw warnings (in the canonical order) and, where a worker
    found them, the facets of the sentences' figures and dates."""

    sentences: list[Sentence]
    parts: list[PassageTable]
    early: list[list[Warning]]
    facets: list[Facets | None] | None


@contextmanager
def _no_collections() -> Iterator[None]:
    """The analysis makes millions of small objects that live as long as the story, and next to
    no reference cycles: after an analysis of 200 articles with the collector off, a collection
    finds 149 objects to free, all of them the worker pool's. Even at a young collection every
    50,000 new objects, the collector walked each object once as it was made, for nothing: 0.13
    s of the main process's 2 s at 50 articles, 0.34 s at 200, and as much again in the worker.
    It is off for the analysis (the workers, forked inside, inherit that) and as before after,
    with what the analysis made frozen (gc.freeze: out of the collector's reach, still freed when
    no longer referenced). Objects made with the collector off all sit in its youngest
    generation: resumed as they were, its first collection walked every one of them (70 ms of a
    report of two 100,000-word versions, between the analysis and the report, and as much again
    while the report was written). The price is the few reference cycles the analysis leaves
    (the worker pool's), which are then never collected."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


def analyse_articles(
    articles: list[Article],
    progress: Progress = _no_progress,
    semantic: bool = True,
    embedding_cache: EmbeddingCache | None = None,
) -> Story:
    """Run every stage on loaded articles.

    `semantic` runs the sentence-embedding stage and the fitted claim model (claims/semantic.py,
    claims/pair_model.py); off (`--fast`), or where it cannot run, the claims are the lexical
    ones. `embedding_cache` keeps embeddings by sentence content between runs.

    A large story on a machine with a spare core runs independent work side by side: the
    passages (in parts, eight per worker) and the checks that need no claims beside the
    claims, the other checks beside the discrepancies; what no worker has started when this
    process is done with its own stages, it does itself. The result is the same either way.
    """
    with _no_collections():
        return _analyse(articles, progress, semantic, embedding_cache, None, keep=False)[0]


def _analyse(
    articles: list[Article],
    progress: Progress,
    semantic: bool,
    embedding_cache: EmbeddingCache | None,
    reuse: _Groundwork | None,
    keep: bool = True,
) -> tuple[Story, _Groundwork]:
    """analyse_articles, also returning its groundwork; with `reuse` (the groundwork of an
    earlier analysis of these very articles) only what reads the claims is done again.
    Without `keep` the passages' parts go once they are in reading order (at 500 articles
    they are a million rows), and the groundwork returned holds none."""
    early_checks = tuple(c for c in CHECKS if c in CLAIMLESS)
    late_checks = CLAIM_READING
    notes: list[str] = []
    # Every stage sees the articles in one order, under ids of that order, whatever order
    # they came in; the reader's ids and order come back at the end.
    canon = CanonicalOrder(articles)
    ordered = canon.articles
    texts = [a.text for a in ordered]
    if reuse is None:
        for a in ordered:
            learn(a.text)
        # The passage index (0.2 s at 200 articles, 0.4 at 500): made here, before the fork,
        # several workers inherit one index instead of making one each. One worker makes it
        # itself, while this process goes on to the sentences and claims, which never read
        # it (it then takes no part of the passages: see below). Two articles are one pair,
        # one part: its process indexes them.
        if len(ordered) > 2 and planned_workers(texts) != 1:
            prepare_passages(ordered)
    with worker_pool(texts) as helper:
        pending: list[Stealable[PassageTable]] = []
        early: list[Stealable[list[Warning]]] = []
        facets: OptionalResult[list[Facets | None]] | None = None
        if reuse is None:
            # Parts split the pairs of articles: two versions are one pair, one part. They read
            # no sentences, so workers start on them while this process finds those.
            parts = min(_PARTS_PER_WORKER * helper.workers, len(ordered) - 1)
            parts = parts if helper.workers > 1 and parts > 1 else 1

            def submit_parts(ks: range) -> list[Stealable[PassageTable]]:
                return [helper.submit_stealable(find_part, ordered, k, parts) for k in ks]

            # A part for each worker first, started while this process finds the sentences.
            first = min(helper.workers - 1, parts)
            pending = submit_parts(range(first))
            progress("sentences", 0.1)
            sentences = segment(ordered)
            progress("shared passages", 0.25)
            if not pending:  # no workers: found here, after the sentences, as the stages say
                pending = submit_parts(range(parts))
            bare = Shared(Story(ordered, sentences))
            # The discrepancies' figures and dates, which this process will wait for once it
            # has the claims, go before the rest.
            facets = helper.submit_optional(every_facets, bare)
            if first:
                pending += submit_parts(range(first, parts))
            # The claim-free checks last, one task each: what no worker has started when this
            # process is done with its own stages, it takes (from the back). Queued as one task
            # before the parts, they were started early, and the parts, which this process
            # cannot take where it has no passage index, ended the run alone (at 500 articles
            # it sat idle 0.6-1.4 s at the end); now the two processes end together.
            early = [helper.submit_stealable(raw_part, bare, check, 0, 1) for check in early_checks]
        else:
            sentences = reuse.sentences
        meaning = None
        skipped = semantic_skipped(len(sentences)) if semantic else None
        if skipped:
            notes.append(skipped)
            semantic = False
        if semantic:
            progress("meaning", 0.45)
            meaning = _embeddings(ordered, sentences, embedding_cache, progress)
        progress("claims", 0.7)
        claims = find_claims(ordered, sentences, meaning=meaning)
        story = Story(articles=ordered, sentences=sentences, claims=claims)
        progress("warnings", 0.8)
        # A task a check, or a part of one that splits (two a process: the last task to end
        # is short), the costliest first: a worker free of its parts takes the next from the
        # front, this process takes them from the back once it has the discrepancies (as one
        # task, the checks could leave it alone at the end with a second of work).
        split = 2 * helper.workers if helper.workers > 1 else 1
        shared = Shared(story)
        late = [
            (check, helper.submit_stealable(raw_part, shared, check, k, n))
            for check in late_checks
            for n in [split if check in SPLITS else 1]
            for k in range(n)
        ]
        progress("discrepancies", 0.9)
        found_facets = facets.result_or_none() if facets is not None else None
        if reuse is not None:
            found_facets = reuse.facets
        discrepancies = find_discrepancies(story, found_facets)
        # The claims and sentences in the reader's order: work no worker can take, done before
        # the tasks this process takes from them, which even out the ends of the two.
        in_reading_order, claim_name = canon.claims(claims)
        reader_sentences = canon.sentences(sentences)
        # What no worker has started yet is done here, from the last: the checks that read the
        # claims, the claim-free ones, then parts.
        for _, task in reversed(late):
            task.steal()
        for task in reversed(early):
            task.steal()
        # A part costs this process the passage index too where it has not made it.
        take_parts = passages_prepared(ordered)
        if take_parts:
            for part in reversed(pending):
                part.steal()
        if reuse is None:
            parts_found = [part.result(steal=take_parts) for part in pending]
            ground = _Groundwork(
                sentences, parts_found, [task.result() for task in early], found_facets
            )
            forget_passages()
        else:
            ground = reuse
        found = ground.early + [
            [w for check_of, task in late if check_of is check for w in task.result()]
            for check in late_checks
        ]
        del pending  # each handle holds its part: without `keep` they go once in order
    passages = canon.passages(ground.parts)
    if not keep:
        ground = replace(ground, parts=[])
    story = Story(
        articles=list(articles),
        sentences=reader_sentences,
        claims=in_reading_order,
        passages=passages,
    )
    by_check = dict(zip(early_checks + late_checks, found, strict=True))
    raw = canon.warnings([w for check in CHECKS for w in by_check[check]])
    warnings = [w for w in finalize(story, raw) if not _touches_hidden(story, w)]
    progress("done", 1.0)
    story = replace(
        story,
        warnings=warnings,
        discrepancies=canon.discrepancies(discrepancies, claim_name),
        notices=tuple(notes),
    )
    return story, ground


def _noticed(story: Story, notices: list[str]) -> Story:
    """The story with the loading's notices (skipped files) before its own."""
    return replace(story, notices=(*notices, *story.notices)) if notices else story


def analyse(
    paths: Sequence[Path],
    progress: Progress = _no_progress,
    semantic: bool = True,
    embedding_cache: EmbeddingCache | None = None,
) -> Story:
    """Load and analyse; raises InputError on bad input."""
    progress("loading", 0.0)
    notices: list[str] = []
    story = analyse_articles(load_paths(paths, notices), progress, semantic, embedding_cache)
    return _noticed(story, notices)


def analyse_in_two_steps(
    paths: Sequence[Path],
    progress: Progress = _no_progress,
    embedding_cache: EmbeddingCache | None = None,
) -> Iterator[Story]:
    """The lexical story at once, then the semantic one (the reader shows the first while the
    second is made). The second redoes only what reads the claims: the sentences, the shared
    passages and the claim-free checks of the first are kept, not found twice. Where the
    semantic stage cannot run, the second is the first with the notice that says why."""
    progress("loading", 0.0)
    notices: list[str] = []
    articles = load_paths(paths, notices)
    with _no_collections():
        first, ground = _analyse(articles, progress, False, None, None)
    first = _noticed(first, notices)
    yield first
    skipped = semantic_skipped(len(first.sentences))
    if skipped:
        yield replace(first, notices=(*first.notices, skipped))
        return
    with _no_collections():
        second = _analyse(articles, progress, True, embedding_cache, ground)[0]
    yield _noticed(second, notices)
