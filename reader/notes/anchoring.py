"""Find a quoted passage again after the article's text has changed.

A note remembers its passage the way the W3C Web Annotation model does: the exact quote with a
little context either side (TextQuoteSelector) and the offsets (TextPositionSelector). Offsets
are only trusted while the text is unchanged; otherwise the quote is searched, first verbatim
(context picks among repeats), then approximately.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.75  # similarity a changed passage needs to keep its note
_MIN_BLOCK = 4  # matching runs shorter than this are coincidence, not alignment
SEED_CHARS = 8  # pieces of the quote looked up verbatim to find where it went
_MAX_SEED_HITS = 20  # a piece found more often than this ("of the ") says nothing

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


@lru_cache(maxsize=16)
def _gram_index(text: str) -> dict[str, list[int]]:
    """Where each SEED_CHARS-long piece of the text starts (cached: many notes, one text)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i in range(len(text) - SEED_CHARS + 1):
        index[text[i : i + SEED_CHARS]].append(i)
    return index


def _candidates(quote: str, text: str, limit: int = 3) -> list[int]:
    """Likely start offsets of the quote: pieces it shares with the text vote for the offset
    they imply (seed-and-extend, as sequence aligners do), in buckets a tenth of its length."""
    index = _gram_index(text)
    bucket = max(8, len(quote) // 10)
    seeds = [
        (j, index.get(quote[j : j + SEED_CHARS], [])) for j in range(len(quote) - SEED_CHARS + 1)
    ]
    seeds = [(j, hits) for j, hits in seeds if hits]
    if not seeds:
        return []
    # Pieces found everywhere ("of the ") say nothing, unless nothing rarer exists.
    cap = max(_MAX_SEED_HITS, min(len(hits) for _, hits in seeds))
    votes: Counter[int] = Counter()
    first: dict[int, int] = {}
    for j, hits in seeds:
        if len(hits) > cap:
            continue
        for p in hits:
            b = (p - j) // bucket
            votes[b] += 1
            first[b] = min(first.get(b, p - j), p - j)
    return [max(0, first[b]) for b, _ in votes.most_common(limit)]


def _align(quote: str, text: str, around: int) -> tuple[int, int] | None:
    """The span of text near `around` that lines up with the quote."""
    n = len(quote)
    lo = max(0, around - n // 2)
    region = text[lo : around + n + n // 2]
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
    return max((inner, outer), key=lambda span: _ratio(text[span[0] : span[1]], quote))


def _fuzzy(anchor: Anchor, text: str, threshold: float) -> Match | None:
    """Find where the quote's surviving pieces cluster, then align those places precisely."""
    quote = anchor.exact
    if len(quote) < SEED_CHARS or not text:
        return None
    best: Match | None = None
    for around in _candidates(quote, text):
        span = _align(quote, text, around)
        if span is None:
            continue
        score = _ratio(text[span[0] : span[1]], quote)
        if score >= threshold and (best is None or score > best.score):
            best = Match(*span, "fuzzy", score, _context_ratio(anchor, text, *span))
    return best


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
