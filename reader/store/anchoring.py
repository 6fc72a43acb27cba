"""Find a quoted passage again after the article's text has changed.

A note remembers its passage the way the W3C Web Annotation model does: the exact quote with a
little context either side (TextQuoteSelector) and the offsets (TextPositionSelector). Offsets
are only trusted while the text is unchanged; otherwise the quote is searched, first verbatim
(context picks among repeats), then approximately.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.75  # similarity a changed passage needs to keep its note
_MIN_BLOCK = 4  # matching runs shorter than this are coincidence, not alignment

Method = Literal["position", "exact", "fuzzy"]


@dataclass(frozen=True)
class Anchor:
    """Where a note points: both W3C selectors in one value."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    method: Method
    score: float  # 1.0 for a verbatim hit, the similarity ratio for a fuzzy one
    context: float = 1.0  # how well the remembered prefix/suffix agree, 0..1

    @property
    def rank(self) -> float:
        """For choosing among articles: the quote counts most, the context breaks ties."""
        return self.score + 0.5 * self.context


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside a text of {len(text)} characters")
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def _unchanged(anchor: Anchor, text: str) -> bool:
    s, e = anchor.start, anchor.end
    return (
        e <= len(text)
        and text[s:e] == anchor.exact
        and text[max(0, s - len(anchor.prefix)) : s] == anchor.prefix
        and text[e : e + len(anchor.suffix)] == anchor.suffix
    )


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(anchor: Anchor, text: str, start: int) -> float:
    """How much of the remembered context surrounds this occurrence, plus nearness as tie-break."""
    end = start + len(anchor.exact)
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    agree = _common_prefix(before[::-1], anchor.prefix[::-1]) + _common_prefix(after, anchor.suffix)
    nearness = 1.0 / (1.0 + abs(start - anchor.start))
    return agree + nearness


def _context_ratio(anchor: Anchor, text: str, start: int, end: int) -> float:
    if not anchor.prefix and not anchor.suffix:
        return 1.0
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _ratio(before + "\x00" + after, anchor.prefix + "\x00" + anchor.suffix)


def _exact_hits(needle: str, text: str) -> list[int]:
    hits: list[int] = []
    pos = text.find(needle)
    while pos != -1:
        hits.append(pos)
        pos = text.find(needle, pos + 1)
    return hits


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _fuzzy(anchor: Anchor, text: str, threshold: float) -> Match | None:
    """Slide a window the quote's length over the text, then align the best window precisely."""
    quote = anchor.exact
    n = len(quote)
    if n == 0 or not text:
        return None
    step = max(1, n // 4)
    best_start, best_score = -1, 0.0
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote)  # the quote is the side difflib caches
    for start in range(0, max(1, len(text) - n + step), step):
        matcher.set_seq1(text[start : start + n])
        if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best_start, best_score = start, score
    if best_start < 0 or best_score < threshold * 0.6:
        return None
    lo = max(0, best_start - n // 2)
    region = text[lo : best_start + n + n // 2]
    blocks = [
        b
        for b in SequenceMatcher(None, region, quote, autojunk=False).get_matching_blocks()
        if b.size >= _MIN_BLOCK
    ]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    inner = (lo + first.a, lo + last.a + last.size)
    # The quote's unmatched ends were most likely edited in place: give them back their width.
    outer = (max(lo, inner[0] - first.b), min(len(text), inner[1] + n - last.b - last.size))
    start, end = max((inner, outer), key=lambda span: _ratio(text[span[0] : span[1]], quote))
    score = _ratio(text[start:end], quote)
    if score < threshold:
        return None
    return Match(start, end, "fuzzy", score, _context_ratio(anchor, text, start, end))


def locate(anchor: Anchor, text: str, threshold: float = FUZZY_THRESHOLD) -> Match | None:
    """The passage in `text` the anchor points at, or None when it is gone."""
    if not anchor.exact:
        return None
    if _unchanged(anchor, text):
        return Match(anchor.start, anchor.end, "position", 1.0)
    hits = _exact_hits(anchor.exact, text)
    if hits:
        start = max(hits, key=lambda h: _context_score(anchor, text, h))
        end = start + len(anchor.exact)
        return Match(start, end, "exact", 1.0, _context_ratio(anchor, text, start, end))
    return _fuzzy(anchor, text, threshold)
