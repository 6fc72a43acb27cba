from __future__ import annotations

from checks_helpers import story_of

from reader.core import checks
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


def test_the_checks_that_read_the_claims_are_handed_out_once_each() -> None:
    assert len(checks.CLAIM_READING) == len(set(checks.CLAIM_READING))
    assert set(checks.CLAIM_READING) == set(checks.CHECKS) - checks.CLAIMLESS


def test_a_check_in_parts_gives_its_warnings_in_order() -> None:
    """The pipeline runs a check that splits as parts side by side and joins their warnings in
    the order of the parts: that must be the check's own list, for any number of parts."""
    frame = "The rebels {} the army out of the {} hill villages on {} night."
    story = story_of(
        *(
            " ".join(
                frame.format(*words)
                for words in (("pushed", "northern", "Tuesday"), ("drove", "southern", "Friday"))
            ).replace(odd, "launched")
            for odd in ("pushed", "drove", "nothing")
        )
    )
    for check in checks.CHECKS:
        whole = checks.raw_warnings(story, (check,))[0]
        for parts in (1, 2, 3, 5):
            found = [checks.raw_part(story, check, k, parts) for k in range(parts)]
            assert [w for part in found for w in part] == whole
            if check in checks.SPLITS and parts > 1:
                assert sum(1 for part in found if part) >= 2  # the work was split
            elif parts > 1:
                assert not any(found[1:])  # one task does it all
    assert checks.SPLITS and all(checks.raw_warnings(story, (check,))[0] for check in checks.SPLITS)
