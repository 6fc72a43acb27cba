"""The way back from the stages' canonical order to the reader's ids and order."""

from __future__ import annotations

from reader.core.input_order import CanonicalOrder
from reader.core.model import Article, Claim, Discrepancy, Value


def _articles() -> list[Article]:
    # Given as b, a: the canonical order (by fingerprint) is a, b.
    return [
        Article("a1", "b.txt", "b.txt", "Text b.", fingerprint="bbb"),
        Article("a2", "a.txt", "a.txt", "Text a.", fingerprint="aaa"),
    ]


def test_the_stages_see_the_articles_renamed_in_canonical_order() -> None:
    canon = CanonicalOrder(_articles())
    assert [(a.id, a.name) for a in canon.articles] == [("a1", "a.txt"), ("a2", "b.txt")]


def test_claims_come_back_under_the_readers_ids_numbered_in_reading_order() -> None:
    canon = CanonicalOrder(_articles())
    # Canonical a1 is the reader's a2 (a.txt): the claim seen first there comes second.
    found = [Claim("c1", ("a1:s1", "a2:s3")), Claim("c2", ("a1:s2", "a2:s1"))]
    claims, name = canon.claims(found)
    assert [(c.id, c.members) for c in claims] == [
        ("c1", ("a1:s1", "a2:s2")),
        ("c2", ("a1:s3", "a2:s1")),
    ]
    assert name == {"c1": "c2", "c2": "c1"}


def test_a_discrepancy_no_claim_holds_keeps_no_claim_and_comes_last() -> None:
    canon = CanonicalOrder(_articles())
    values = (Value("a1", 0, 4, "Text"), Value("a2", 0, 4, "Text"))
    found = [Discrepancy("", "number", "x", values), Discrepancy("c1", "day", "y", values)]
    out = canon.discrepancies(found, {"c1": "c1"})
    assert [(d.claim, d.kind) for d in out] == [("c1", "day"), ("", "number")]
    assert [v.article for v in out[0].values] == ["a1", "a2"]  # the reader's a1 is b.txt
