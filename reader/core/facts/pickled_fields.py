"""Slotted frozen dataclasses pickled as their fields' values and rebuilt by their constructor.

A slotted frozen dataclass pickles through the state methods `dataclasses` gives it, which walk
`fields()` in Python for every object, both ways. A worker sends the facets of every sentence
of a story to the main process (two 100,000-word versions: 4,000 amounts, 2,300 days and dates),
and these methods were a third of the pickling: 37 + 45 ms against 27 + 34 ms as fields.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def pickled_as_fields(cls: type[T]) -> type[T]:
    """Class decorator (above @dataclass): the class pickles as (cls, its field values)."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], Any]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls
