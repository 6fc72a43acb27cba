"""Claims of many copies: what reads them grows with the members, not with their pairs.

Past REFERENCE_ARTICLES articles the discrepancies pair each further article with the first
ones only, and past MAX_COUNTERPARTS the checks see that many counterparts of a member; a claim
below both bounds is read as before (every pair). Alike sentences outside claims are compared
with the FOLLOWING nearest later holders of each of their keys.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.core.checks.parallel import MAX_COUNTERPARTS, counterparts
from reader.core.facts import discrepancies as disc
from reader.core.facts.mentions import Mention
from reader.core.facts.repeated_sentences import SentenceMentions
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Claim, Story
from reader.core.pipeline import segment

SENTENCE = "Officials said the attack on the market killed {n} people on Monday morning."


def _copies(tmp_path: Path, count: int, changed: dict[int, int], claimed: bool = True) -> Story:
    """`count` articles of one sentence (12 people, or `changed[k]` in article k), one claim
    (none unless `claimed`)."""
    for k in range(count):
        (tmp_path / f"copy_{k:03d}.txt").write_text(SENTENCE.format(n=changed.get(k, 12)) + "\n")
    articles = CanonicalOrder(load_paths([tmp_path])).articles
    sentences = segment(articles)
    claim = Claim("c1", tuple(s.id for s in sentences), "the attack", 1.0)
    return Story(articles, sentences, claims=[claim] if claimed else [])


def test_a_figure_one_late_copy_changes_is_found_past_the_references(tmp_path: Path) -> None:
    count = disc.REFERENCE_ARTICLES + 20
    story = _copies(tmp_path, count, {count - 3: 15})
    found = [d for d in disc.find_discrepancies(story) if d.kind == "number"]
    assert len(found) == 1 and "12" in found[0].message and "15" in found[0].message


def test_past_the_references_each_article_pairs_with_them_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = _copies(tmp_path, disc.REFERENCE_ARTICLES + 20, {})
    seen: list[list[tuple[str, str]]] = []
    original = disc._article_pairs

    def watched(by_article: dict[str, list[Mention]]) -> list[tuple[str, str]]:
        pairs = original(by_article)
        seen.append(pairs)
        return pairs

    monkeypatch.setattr(disc, "_article_pairs", watched)
    disc.find_discrepancies(story)
    (pairs,) = seen
    articles = [a.id for a in story.articles]
    references = set(sorted(articles)[: disc.REFERENCE_ARTICLES])
    assert all(a in references for a, _ in pairs)  # every pair holds a reference
    assert {b for _, b in pairs} | references == set(articles)  # and every article is paired
    n, r = len(articles), disc.REFERENCE_ARTICLES
    assert len(pairs) == r * (r - 1) // 2 + (n - r) * r < n * (n - 1) // 2


def test_a_claim_within_the_bounds_pairs_every_two_articles(tmp_path: Path) -> None:
    story = _copies(tmp_path, 6, {})
    mentions = SentenceMentions(story, None)
    by_article: dict[str, list[Mention]] = {s.article: mentions(s) for s in story.sentences}
    assert disc._article_pairs(by_article) == sorted(itertools.combinations(sorted(by_article), 2))
    parallel = counterparts(story)
    for s in story.sentences:
        assert len(parallel[s.id]) == 5


def test_a_member_of_a_large_claim_has_the_bounded_counterparts(tmp_path: Path) -> None:
    story = _copies(tmp_path, MAX_COUNTERPARTS + 12, {})
    parallel = counterparts(story)
    ids = [s.id for s in story.sentences]
    for s in story.sentences:
        others = [o for o in ids if o != s.id]
        assert parallel[s.id] == others[:MAX_COUNTERPARTS]


def test_alike_sentences_outside_claims_meet_their_nearest_followers(tmp_path: Path) -> None:
    count = disc.FOLLOWING * 3
    story = _copies(tmp_path, count, {count // 2: 15}, claimed=False)
    mentions = SentenceMentions(story, None)
    keyed, pairs = disc._similar_pairs(story, mentions, 0.1, disc._sentence_keys)
    assert len(keyed) == count
    assert all(0 < j - i <= disc.FOLLOWING for i, j in pairs)
    assert len(pairs) == sum(min(disc.FOLLOWING, count - 1 - i) for i in range(count))
    found = [d for d in disc.find_discrepancies(story) if d.kind == "number"]
    assert len(found) == 1 and "12" in found[0].message and "15" in found[0].message
