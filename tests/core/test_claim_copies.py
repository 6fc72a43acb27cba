"""Near-copies in stories too large for the claims' candidate index: found without chains, and
followed into their root's claims."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from reader.core.claims import linking
from reader.core.claims.copies import near_copies
from reader.core.claims.groups import GroupParams, join_shared_partners
from reader.core.claims.linking import DEFAULT_PARAMS, find_claims
from reader.core.claims.similarity import SentenceTerms
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Article, Sentence
from reader.core.pipeline import segment


def _terms(*words: str) -> list[SentenceTerms]:
    return [SentenceTerms(terms=[], keys=frozenset(w.split())) for w in words]


def _jaccard(terms: list[SentenceTerms]) -> Callable[[int, int], float]:
    def similarity(a: int, b: int) -> float:
        x, y = terms[a].keys, terms[b].keys
        return len(x & y) / len(x | y)

    return similarity


BASE = "army entered city after clashes with rebels near border town"


def test_a_copy_attaches_to_the_first_sentence_it_copies_and_never_through_a_copy() -> None:
    terms = _terms(
        BASE,  # a: the root
        BASE.replace("town", "village"),  # b: a copy of a
        BASE,  # c: a copy of a, in a's own article: its own root
        BASE.replace("town", "village").replace("army", "troops"),  # d: one word from b
        "minister said talks would resume in geneva next month",  # e: nothing like them
    )
    article = ["a", "b", "a", "d", "e"]
    found = near_copies(terms, article, _jaccard(terms), near=0.75, min_terms=2)
    roots = [r for r, _ in found]
    assert roots[:3] == [0, 0, 2]
    # d is near b (one word apart) but not near the root a: no chain makes it a's copy.
    assert _jaccard(terms)(1, 3) >= 0.75 > _jaccard(terms)(0, 3)
    assert roots[3] == 3 and roots[4] == 4
    assert found[1][1] == pytest.approx(_jaccard(terms)(0, 1))


def test_short_sentences_are_never_copies() -> None:
    terms = _terms("army entered", "army entered")
    assert near_copies(terms, ["a", "b"], _jaccard(terms), near=0.5, min_terms=3) == [
        (0, 1.0),
        (1, 1.0),
    ]


def _generated(tmp_path: Path, articles: int) -> tuple[list[Article], list[Sentence]]:
    generate(tmp_path, articles=articles, words=150, seed=4)
    ordered = CanonicalOrder(load_paths([tmp_path])).articles
    return ordered, segment(ordered)


def test_where_the_index_overflows_copies_follow_their_root_into_its_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, sentences = _generated(tmp_path, 30)
    small = replace(DEFAULT_PARAMS, pair_budget=200)  # this story proposes far more pairs
    claims = find_claims(articles, sentences, params=small)
    held = {m for c in claims for m in c.members}
    for c in claims:
        assert len(c.strengths) == len(c.members)
        assert list(c.members) == sorted(c.members, key=[s.id for s in sentences].index)
    # Without the copies, the few pairs the index may propose leave most sentences out.
    monkeypatch.setattr(linking, "_index_overflows", lambda postings, budget: False)
    without = {m for c in find_claims(articles, sentences, params=small) for m in c.members}
    assert len(held) > len(sentences) / 2 and len(held) > 3 * len(without)


def test_a_story_the_index_holds_has_no_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, sentences = _generated(tmp_path, 3)
    called: list[int] = []

    def watched(*args: object) -> list[tuple[int, float]]:
        called.append(1)
        return []

    monkeypatch.setattr(linking, "near_copies", watched)
    assert find_claims(articles, sentences)
    assert not called


def test_claims_of_first_copies_are_not_joined_by_common_partners(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Common partners join claims where the claims hold every sentence; between first copies
    they joined different facts (benchmarks/claims_at_scale.py), so there they join nothing."""
    articles, sentences = _generated(tmp_path, 30)
    joined: list[int] = []
    original = join_shared_partners

    def watched(claims: list[tuple[int, ...]], *args: Any) -> list[tuple[int, ...]]:
        joined.append(len(claims))
        return original(claims, *args)

    monkeypatch.setattr(linking, "join_shared_partners", watched)
    find_claims(articles, sentences, params=replace(DEFAULT_PARAMS, pair_budget=200))
    assert not joined
    find_claims(articles, sentences)  # this story fits the index: the join is made
    assert joined


def test_a_copy_takes_its_roots_strength_and_a_root_alone_its_copies_likeness() -> None:
    copies = {5: [(7, 0.8), (9, 0.6)], 2: [(8, 0.9)]}
    # A root no claim holds: the claim of its copies, as like as they are.
    score, strengths = linking._with_copies((5,), (5, 7, 9), 0.0, (), copies)
    assert score == pytest.approx(0.7) and strengths == (0.7, 0.8, 0.6)
    # Roots of one claim: each copy as strong as its root, the claim's score the roots'.
    score, strengths = linking._with_copies((1, 2), (1, 2, 8), 0.4, (0.3, 0.5), copies)
    assert score == 0.4 and strengths == (0.3, 0.5, 0.5)
    assert linking._with_copies((1, 2), (1, 2, 8), 0.4, (), copies) == (0.4, ())


def test_a_member_s_copies_go_where_no_nearer_member_has_one_as_one_sentence_would() -> None:
    """With every sentence paired, an article holding a copy of each of two members gives the
    claim the one nearer its centre, and the other only as a second sentence strong enough
    (groups.GroupParams): a weak member no longer brings every copy it has."""
    article = ["a", "b", "x", "y", "x", "z"]
    copies = {0: [(2, 1.0), (3, 1.0)], 1: [(4, 1.0), (5, 1.0)]}
    weak = linking._grown((0, 1), copies, article, {(0, 1): 0.4}, GroupParams())
    assert weak == (0, 1, 2, 3, 5)  # 4 sits in x, where the centre's copy 2 is
    strong = linking._grown((0, 1), copies, article, {(0, 1): 0.9}, GroupParams())
    assert strong == (0, 1, 2, 3, 4, 5)
    assert linking._grown((1,), copies, article, {}, GroupParams()) == (1, 4, 5)


def test_every_root_is_in_a_claim_with_all_its_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A claim may leave out some of a member's copies; the root and all of them are then a
    claim of their own, so no copy loses the sentence it copies."""
    articles, sentences = _generated(tmp_path, 30)
    roots: list[list[tuple[int, float]]] = []
    original = linking.near_copies

    def watched(*args: Any) -> list[tuple[int, float]]:
        roots.append(original(*args))
        return roots[-1]

    monkeypatch.setattr(linking, "near_copies", watched)
    claims = find_claims(articles, sentences, params=replace(DEFAULT_PARAMS, pair_budget=200))
    (found,) = roots
    ids = [s.id for s in sentences]
    families: dict[int, set[str]] = {}
    for i, (r, _) in enumerate(found):
        families.setdefault(r, set()).add(ids[i])
    held = [set(c.members) for c in claims]
    partial = 0
    for family in (f for f in families.values() if len(f) > 1):
        assert any(family <= members for members in held)
        partial += any(family & members and not family <= members for members in held)
    assert partial  # some claim took only part of a family: the rule was put to the test
