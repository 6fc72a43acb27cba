"""Counts as people write them: "1 article", "2 articles", "1 discrepancy"."""

from __future__ import annotations

_IRREGULAR = {"discrepancy": "discrepancies", "passage": "passages", "this": "these"}


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """`n` and the noun in the number it takes; a phrase ("shared passage") plurals its last
    word."""
    if n == 1:
        return f"1 {singular}"
    if plural is None:
        head, _, last = singular.rpartition(" ")
        last = _IRREGULAR.get(last, last + ("es" if last.endswith(("s", "x", "ch")) else "s"))
        plural = f"{head} {last}" if head else last
    return f"{n} {plural}"
