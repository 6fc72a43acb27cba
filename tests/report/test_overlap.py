"""Overlap figures: the share of each article's visible text that it shares with each other."""

from __future__ import annotations

from reader.core.model import Article, Location, SharedPassage, Story
from reader.display.overlap import overlap_matrix, shared_fraction

A = "AD Shared words here. Own part."  # "AD" is hidden furniture
B = "Shared words here. Other text of b."


def _story() -> Story:
    a = Article(id="a1", name="a", path="a", text=A, hidden=((0, 3),))
    b = Article(id="a2", name="b", path="b", text=B)
    c = Article(id="a3", name="c", path="c", text="Nothing in common.")
    shared_a = (A.index("Shared"), A.index("here.") + 5)
    shared_b = (0, B.index("here.") + 5)
    passage = SharedPassage(Location("a1", *shared_a), Location("a2", *shared_b), 1.0)
    return Story(articles=[a, b, c], passages=[passage])


def _nonspace(text: str) -> int:
    return sum(not ch.isspace() for ch in text)


def test_matrix_counts_visible_non_space_characters() -> None:
    m = overlap_matrix(_story())
    shared = _nonspace("Shared words here.")
    assert m[("a1", "a2")] == shared / _nonspace("Shared words here. Own part.")
    assert m[("a2", "a1")] == shared / _nonspace(B)
    assert m[("a1", "a3")] == 0.0 and m[("a3", "a1")] == 0.0
    assert m[("a1", "a1")] == 1.0


def test_shared_fraction_is_the_union_over_other_articles() -> None:
    story = _story()
    assert shared_fraction(story, "a1") == overlap_matrix(story)[("a1", "a2")]
    assert shared_fraction(story, "a3") == 0.0
