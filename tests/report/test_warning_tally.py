"""One way to count warnings: the minor (info) ones apart, the noun agreeing with the total."""

from __future__ import annotations

from reader.core.model import Severity, Warning
from reader.display.warning_tally import warning_tally, warnings_phrase


def _warnings(major: int, minor: int) -> list[Warning]:
    def one(k: int, severity: Severity) -> Warning:
        return Warning(f"w{k}", "a1", k, k + 1, "quotes", "m", severity=severity)

    return [one(k, "warning") for k in range(major)] + [one(99 - k, "info") for k in range(minor)]


def test_minor_warnings_are_counted_apart_and_the_noun_agrees() -> None:
    assert warning_tally(_warnings(10, 6)) == "10 + 6 minor"
    assert warning_tally(_warnings(0, 6)) == "6 minor"
    assert warning_tally(_warnings(3, 0)) == "3"
    assert warnings_phrase(_warnings(21, 11)) == "21 + 11 minor warnings"
    assert warnings_phrase(_warnings(1, 0)) == "1 warning"
    assert warnings_phrase(_warnings(0, 1)) == "1 minor warning"
    assert warnings_phrase([]) == "0 warnings"
