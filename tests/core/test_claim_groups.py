"""Claims grown by shared partners: two reports worded too differently to link, that several
other sentences match both, end up in one claim."""

from __future__ import annotations

from reader.core.claims.groups import join_shared_partners, merge_near_duplicates

# Sentence k is in article ARTICLE[k]: a and b (0, 1) never link; c, d, e (2, 3, 4) link both.
ARTICLE = "ABCDEF"


def _article(k: int) -> str:
    return ARTICLE[k]


def _always(x: str, y: str) -> bool:
    return True


def test_two_sentences_with_three_partners_in_common_join_one_claim() -> None:
    claims = [(0, 2, 3, 4), (1, 2, 3, 4)]
    assert join_shared_partners(claims, _article, _always, 3) == [(0, 1, 2, 3, 4)]


def test_two_partners_in_common_are_not_enough() -> None:
    claims = [(0, 2, 3), (1, 2, 3)]
    assert join_shared_partners(claims, _article, _always, 3) == claims


def test_versions_of_one_text_are_left_to_the_alignment() -> None:
    claims = [(0, 2, 3, 4), (1, 2, 3, 4)]
    apart = {frozenset("AB")}
    joined = join_shared_partners(claims, _article, lambda x, y: frozenset((x, y)) not in apart, 3)
    assert joined == claims


def test_a_claim_takes_no_second_sentence_of_an_article_this_way() -> None:
    # Sentence 5 is of article B, like sentence 1: 1 cannot join the claim that holds 5.
    claims = [(0, 2, 3, 4, 5), (1, 2, 3, 4)]
    grown = join_shared_partners(claims, "ABCDEB".__getitem__, _always, 3)
    assert grown == [(0, 2, 3, 4, 5), (0, 1, 2, 3, 4)]  # 0 joins 1's claim; 1 stays out of 0's


def test_a_sentence_with_very_many_partners_proposes_no_pairs() -> None:
    # 2, 3 and 4 have four partners each, more than the cap: none of them proposes 0 and 1.
    claims = [(0, 2, 3, 4), (1, 2, 3, 4)]
    assert join_shared_partners(claims, _article, _always, 3, max_partners=2) == claims


def test_claims_with_mostly_the_same_members_become_one() -> None:
    # 4 of the 6 joint members are common (0.67): one fact grown from two seeds.
    claims = [(0, 1, 2, 3, 4), (0, 1, 2, 3, 5), (6, 7, 8)]
    assert merge_near_duplicates(claims, 0.6) == [(0, 1, 2, 3, 4, 5), (6, 7, 8)]


def test_claims_that_only_touch_stay_apart() -> None:
    # One common sentence of five joint members: two facts that one sentence reports together.
    claims = [(0, 1, 2), (2, 3, 4)]
    assert merge_near_duplicates(claims, 0.6) == claims


def test_distinct_claims_is_the_all_pairs_rule() -> None:
    """Each claim once, none strictly inside another: the indexed version keeps exactly what
    comparing every two claims keeps, in the same order."""
    import random

    from reader.core.claims.groups import distinct_claims

    def every_pair(claims: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
        sets = [frozenset(c) for c in claims]
        return [
            c
            for i, c in enumerate(claims)
            if not any(
                sets[i] < sets[j] or (j < i and sets[i] == sets[j]) for j in range(len(sets))
            )
        ]

    rng = random.Random(11)
    for _ in range(200):
        claims = [
            tuple(sorted(rng.sample(range(12), rng.randint(1, 5))))
            for _ in range(rng.randint(0, 25))
        ]
        assert distinct_claims(claims) == every_pair(claims)
    assert distinct_claims([(1, 2), (1, 2, 3), (1, 2), (4, 5)]) == [(1, 2, 3), (4, 5)]
