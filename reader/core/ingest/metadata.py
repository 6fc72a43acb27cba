"""Date and source read from an article's own header, and the metadata lines to hide.

Saved web articles carry their header as text: a date line ("06 February, 2020"), a dateline
("BEIRUT (Reuters) —"), a tool's "date 2020-02-07" prefix, or YAML front matter in Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.ingest.furniture import Line, Span

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
_DMY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})"
_MDY = _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
# 12.11.2007 is day first; 9/10/2010 is either way round, so only a day over 12 dates it.
_DOTTED = r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
_SLASHED = r"(?P<a>\d{1,2}) ?/ ?(?P<b>\d{1,2}) ?/ ?(?P<y>\d{4})"
# A date ends at a word boundary or runs into a timestamp's time ("2010-09-10T14:02:00Z").
_DATES = [
    re.compile(rf"\b{p}(?=T\d|\b)", re.IGNORECASE) for p in (_ISO, _DMY, _MDY, _DOTTED, _SLASHED)
]
_AMBIGUOUS = "ambiguous"  # a date, but not which one

_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|last|modified|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|"
    r"[ecmp][sd]t|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun)\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}\s?[:.]\s?\d{2}(?:\s?:\s?\d{2})?\s?(?:[ap]\.?m\.?)?", re.IGNORECASE)
_ISO_TIME = re.compile(r"^T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")  # T14:02:00Z
_DATE_LABEL_PREFIX = re.compile(r"(?:date|published|posted|updated)[ \t]*:?[ \t]+", re.IGNORECASE)
# "BEIRUT (Reuters) —", "WASHINGTON, Feb. 7 (AP) --": city in capitals, agency in brackets.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)(?:,[^()\n]{1,40}?)?\s*"
    r"\((?P<agency>[A-Za-z][\w.&’'/-]*(?: [\w.&’'/-]+){0,2})\)\s*(?:[-–—]+|:)"
)
_TOP_LINES = 8  # metadata sits in an article's header


@dataclass(frozen=True)
class Metadata:
    date: str | None = None
    source: str | None = None
    hidden: tuple[Span, ...] = ()


def parse_date(text: str) -> str | None:
    """First date in text as ISO yyyy-mm-dd."""
    for pattern in _DATES:
        m = pattern.search(text)
        if m:
            iso = _iso(m)
            if iso:
                return None if iso == _AMBIGUOUS else iso
    return None


def _iso(m: re.Match[str]) -> str | None:
    """The match as yyyy-mm-dd, _AMBIGUOUS for a slashed date either way round, None if no date."""
    groups = m.groupdict()
    y = int(m.group("y"))
    if "a" in groups:  # 9/10/2010
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            d, month = a, b
        elif b > 12 >= a or a == b:
            d, month = b, a
        else:
            return _AMBIGUOUS if 1 <= a <= 12 and 1 <= b <= 12 and 1900 <= y <= 2100 else None
    else:
        d = int(m.group("d"))
        month = int(m.group("m")) if "m" in groups else _MONTHS[m.group("mon")[:3].lower()]
    if not (1 <= month <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{month:02d}-{d:02d}"


def is_date_line(content: str) -> bool:
    """A line that says only when: a date with perhaps a time and a label."""
    for pattern in _DATES:
        m = pattern.search(content)
        if m and _iso(m):
            rest = content[: m.start()] + " " + _ISO_TIME.sub("", content[m.end() :])
            rest = _DATE_LABEL.sub(" ", _TIME.sub(" ", rest))
            return not re.sub(r"[\W_]+", "", rest)
    return False


def dateline_source(content: str) -> str | None:
    m = _DATELINE.match(content)
    return m.group("agency").strip() if m else None


def _date_prefix(text: str, start: int, end: int) -> Span | None:
    """A "date 2020-02-07" label that opens a line of text: metadata glued to the body."""
    label = _DATE_LABEL_PREFIX.match(text, start, end)
    if not label:
        return None
    for pattern in _DATES:
        m = pattern.match(text, label.end(), end)
        if m and _iso(m) and text[m.end() : end].strip():
            return start, m.end()
    return None


def read_metadata(text: str, lines: list[Line], front: dict[str, str]) -> Metadata:
    """Date and source from the header lines; the spans of those that are metadata only."""
    date = parse_date(front["date"]) if "date" in front else None
    source = front.get("source") or front.get("publisher") or None
    hidden: list[Span] = []
    for line in lines[:_TOP_LINES]:
        prefix = _date_prefix(text, line.start, line.end)
        if prefix:
            hidden.append(prefix)
            date = date or parse_date(text[prefix[0] : prefix[1]])
            continue
        if len(line.content) <= 60 and is_date_line(line.content):  # the cheap test first
            hidden.append((line.start, line.end))
            date = date or parse_date(line.content)
            continue
        dl = _DATELINE.match(line.content)
        if dl:
            source = source or dl.group("agency").strip()
            if not line.content[dl.end() :].strip():  # the dateline alone on its line
                hidden.append((line.start, line.end))
    return Metadata(date=date, source=source, hidden=tuple(hidden))
