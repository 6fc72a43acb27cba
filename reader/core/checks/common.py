"""What every check shares: building warnings, quoted regions, word look-ups."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from reader.core.model import Severity, Story, Warning, WarningKind
from reader.core.text.tokens import Token

Check = Callable[[Story], list[Warning]]

OPENERS = "“‘«„‚‹"
CLOSERS = "”’»“‘›"
# Which closers may end a quote opened by a given mark (German „ closes with “).
PAIRS = {"“": "”", "‘": "’", "«": "»", "„": "“”", "‚": "‘’", "‹": "›", '"': '"'}


def as_written(text: str, tokens: Sequence[Token]) -> str:
    """The words of tokens as the article writes them (hyphens, dots and all), on one line:
    a quote the reader can find, not the tokens' matching keys."""
    return " ".join(text[tokens[0].start : tokens[-1].end].split())


def warn(
    article: str,
    start: int,
    end: int,
    kind: WarningKind,
    message: str,
    rule: str,
    *,
    suggestion: str | None = None,
    evidence: Iterable[str] = (),
    severity: Severity = "warning",
) -> Warning:
    """A warning without its id: finalize numbers them once all checks have run."""
    ev = tuple(evidence) or (f"rule:{rule}",)
    return Warning(
        id="",
        article=article,
        start=start,
        end=end,
        kind=kind,
        message=message,
        suggestion=suggestion,
        evidence=ev,
        severity=severity,
        rule=rule,
    )


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end): quotes and sentences never cross a line in news text."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (before in "sS" and not after.isalnum())


# Every character the quote scan acts on; it passes over all others, so it visits only these.
_MARKS = re.compile("[" + re.escape("".join(sorted(set(OPENERS + CLOSERS + "\"'’‘")))) + "]")


@lru_cache(maxsize=1024)  # a story's every article: checks ask article by article, in turn
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Regions inside quotation marks; a quote left open runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    for p0, p1 in paragraphs(text):
        open_at: int | None = None
        opener = ""
        for m in _MARKS.finditer(text, p0, p1):
            i = m.start()
            c = text[i]
            if c in "’‘'" and _is_apostrophe(text, i):
                continue
            if open_at is None:
                if c in OPENERS or c in "\"'":
                    if c == "'" and i > p0 and text[i - 1].isalnum():
                        continue
                    open_at, opener = i, c
            elif c in PAIRS.get(opener, "") or (c in CLOSERS and c != opener) or c == opener:
                spans.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            spans.append((open_at, p1))
    return tuple(spans)


@lru_cache(maxsize=1024)
def _quote_starts(text: str) -> list[int]:
    return [s for s, _ in quoted_spans(text)]


def in_quotes(text: str, pos: int) -> bool:
    """Whether pos lies inside quotation marks: a bisection over the spans, which follow one
    another without overlapping, so the only span that can hold pos is the last one opening
    at or before it."""
    k = bisect_right(_quote_starts(text), pos) - 1
    return k >= 0 and pos < quoted_spans(text)[k][1]


def evidence_for(
    story: Story, article: str, sentence_ids: Iterable[str], limit: int = 3
) -> list[str]:
    """Sentence ids of other articles, at most one per article, in article order."""
    seen: set[str] = {article}
    out = []
    for sid in sentence_ids:
        art = story.sentence(sid).article
        if art not in seen:
            seen.add(art)
            out.append(sid)
    order = {a.id: i for i, a in enumerate(story.articles)}
    out.sort(key=lambda sid: order.get(story.sentence(sid).article, 0))
    return out[:limit]


def one_name(a: str, b: str) -> bool:
    """An abbreviation and the name it stands for ("US" / "U.S." / "United States", "UN" /
    "United Nations"): two forms of one name, not two word choices."""
    return _abbreviates(a, b) or _abbreviates(b, a)


def _abbreviates(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    initials = "".join(w[0] for w in long.replace("-", " ").split() if w[:1].isupper())
    return len(letters) >= 2 and letters.isalpha() and letters.isupper() and initials == letters
