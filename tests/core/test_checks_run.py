from __future__ import annotations

from checks_helpers import story_of

from reader.core.checks import finalize, run_checks
from reader.core.checks.common import warn


def test_numbered_in_reading_order_without_duplicates() -> None:
    story = story_of("One two three four five six.", "Seven eight nine ten.")
    found = [
        warn("a2", 0, 5, "other", "b", "r1"),
        warn("a1", 8, 13, "calque", "c", "r2", severity="info"),
        warn("a1", 8, 12, "quotes", "d", "r3"),
        warn("a1", 0, 3, "other", "a", "r4"),
    ]
    out = finalize(story, found)
    assert [w.id for w in out] == ["w1", "w2", "w3"]
    assert [(w.article, w.start, w.rule) for w in out] == [
        ("a1", 0, "r4"),
        ("a1", 8, "r3"),
        ("a2", 0, "r1"),
    ]


def test_every_warning_is_complete_and_short() -> None:
    story = story_of(
        "Refugees have fled turkey, you said that the border was closed.",
        "Refugees have fled to Turkey, officials said.",
    )
    for w in run_checks(story):
        assert w.id.startswith("w") and w.message and w.rule and w.evidence
        assert w.end - w.start <= 60
