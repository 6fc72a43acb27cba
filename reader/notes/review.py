"""Claim-by-claim review: which stored marks belong to which claim, and how far the review is.

Claim ids are renumbered whenever the engine changes, so a mark is remembered by the text of
its claim's sentences and matched back by overlap of those texts.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from reader.core.model import Claim, Story
from reader.notes.anchoring import make_anchor
from reader.notes.model import MemberQuote, ReviewMark, normalize_quote

MATCH_OVERLAP = 0.5  # Jaccard overlap of sentence texts for a mark to still fit a claim

# The one table of review-mark symbols: the reader's gutter, the overview's claim list and the
# notes' messages all draw a status with these.
REVIEW_MARKS: dict[str, str] = {"verified": "✓", "disputed": "✗", "unclear": "?"}


def review_label(status: str) -> str:
    """'✓ verified'; 'not reviewed' for no mark (an empty status)."""
    mark = REVIEW_MARKS.get(status)
    return f"{mark} {status}" if mark else "not reviewed"


def claim_members(story: Story, claim: Claim) -> tuple[MemberQuote, ...]:
    out = []
    for sid in claim.members:
        s = story.sentence(sid)
        a = story.article(s.article)
        out.append(MemberQuote(a.fingerprint, a.name, make_anchor(a.text, s.start, s.end)))
    return tuple(out)


def claim_quotes(story: Story, claim: Claim) -> frozenset[str]:
    return frozenset(normalize_quote(story.text_of(story.sentence(m))) for m in claim.members)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def match_marks(story: Story, marks: Iterable[ReviewMark]) -> dict[str, ReviewMark]:
    """Claim id -> its mark. Best overlap first; among equals the latest change wins."""
    live = [m for m in marks if m.deleted_at is None]
    quotes = {c.id: claim_quotes(story, c) for c in story.claims}
    candidates: list[tuple[float, str, str, ReviewMark]] = []
    for mark in live:
        mq = mark.quotes
        for cid, cq in quotes.items():
            score = _overlap(mq, cq)
            if score >= MATCH_OVERLAP:
                candidates.append((score, mark.modified, cid, mark))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    out: dict[str, ReviewMark] = {}
    used: set[str] = set()
    for _, _, cid, mark in candidates:
        if cid in out or mark.id in used:
            continue
        out[cid] = mark
        used.add(mark.id)
    # A second process may have inserted its own mark for the same claim: the newest decides.
    for cid, cq in quotes.items():
        for mark in live:
            if mark.quotes == cq and cid in out and mark.modified > out[cid].modified:
                out[cid] = mark
    return out


@dataclass(frozen=True)
class ReviewProgress:
    total: int
    verified: int
    disputed: int
    unclear: int

    @property
    def reviewed(self) -> int:
        return self.verified + self.disputed + self.unclear

    @property
    def text(self) -> str:
        """The header line: '12/35 claims reviewed, 2 disputed'."""
        parts = [f"{self.reviewed}/{self.total} claims reviewed"]
        if self.disputed:
            parts.append(f"{self.disputed} disputed")
        if self.unclear:
            parts.append(f"{self.unclear} unclear")
        return ", ".join(parts)

    @property
    def short(self) -> str:
        """For a narrow header: '12/35 reviewed, 2 disputed'."""
        text = f"{self.reviewed}/{self.total} reviewed"
        return f"{text}, {self.disputed} disputed" if self.disputed else text


def progress(story: Story, matched: dict[str, ReviewMark]) -> ReviewProgress:
    statuses = [matched[c.id].status for c in story.claims if c.id in matched]
    return ReviewProgress(
        total=len(story.claims),
        verified=statuses.count("verified"),
        disputed=statuses.count("disputed"),
        unclear=statuses.count("unclear"),
    )


def next_unreviewed(
    story: Story, matched: Container[str], after: str | None = None
) -> Claim | None:
    """The first claim without a mark after `after` (a claim id), wrapping round; None if done."""
    claims = story.claims
    if not claims:
        return None
    ids = [c.id for c in claims]
    begin = ids.index(after) + 1 if after in ids else 0
    for i in range(len(claims)):
        claim = claims[(begin + i) % len(claims)]
        if claim.id not in matched:
            return claim
    return None
