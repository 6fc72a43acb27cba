"""What the reader asks of a Story, precomputed once: correspondences, stops, shading, search.

No Textual here: the navigation rules are plain functions of data, tested and timed directly.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import NamedTuple

from reader.core.model import Article, Discrepancy, Location, Sentence, Story, Value, Warning
from reader.core.text.words import count_words
from reader.display.overlap import SharedText
from reader.display.warning_tally import split_count
from reader.ui.navigation import sentence_near


class ArticleStats(NamedTuple):
    words: int
    shared: float  # fraction of visible text shared with another article
    warnings: int  # severity "warning"
    minor: int  # severity "info": worth a look, not an alarm


def visible_ranges(article: Article) -> list[tuple[int, int]]:
    """The complement of the article's hidden furniture, in order."""
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted(article.hidden):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < len(article.text):
        out.append((pos, len(article.text)))
    return out


class StoryIndex:
    def __init__(self, story: Story) -> None:
        self.story = story
        self.order = [a.id for a in story.articles]
        self.position = {aid: i for i, aid in enumerate(self.order)}
        self.shared = SharedText(story)
        self._shade: dict[str, list[tuple[int, int, int]]] = {}
        self._stats: dict[str, ArticleStats] = {}
        self._groups: dict[str, tuple[str, ...]] = {}
        self._starts = {aid: [s.start for s in story.sentences_of(aid)] for aid in self.order}

    # -- sentences and correspondences ------------------------------------------------------

    def sentences(self, article_id: str) -> list[Sentence]:
        return self.story.sentences_of(article_id)

    def landing(self, article_id: str, pos: int) -> int:
        """The index of the sentence a position lands on (navigation.sentence_near)."""
        return sentence_near(self.sentences(article_id), self._starts[article_id], pos)

    @cached_property
    def _claims_of(self) -> dict[str, list[tuple[str, ...]]]:
        """Each sentence's claims. A sentence's partners are gathered when it is first asked
        for: listing every member's partners up front is quadratic in a claim's size (a claim
        across 500 articles: 250,000 entries, 3 s before the first frame)."""
        out: dict[str, list[tuple[str, ...]]] = {}
        for claim in self.story.claims:
            for member in claim.members:
                out.setdefault(member, []).append(claim.members)
        return out

    @cached_property
    def _known(self) -> set[str]:
        return {s.id for s in self.story.sentences}

    def group(self, sentence_id: str) -> tuple[str, ...]:
        """Sentences of other articles sharing a claim with this one."""
        found = self._groups.get(sentence_id)
        if found is None:
            members = {m for claim in self._claims_of.get(sentence_id, ()) for m in claim}
            found = tuple(sorted(m for m in members if m != sentence_id and m in self._known))
            self._groups[sentence_id] = found
        return found

    def partners(self, sentence_id: str) -> dict[str, list[Sentence]]:
        """Other articles' corresponding sentences, by article, in text order."""
        own = self.story.sentence(sentence_id).article
        out: dict[str, list[Sentence]] = {}
        for sid in self.group(sentence_id):
            s = self.story.sentence(sid)
            if s.article != own:
                out.setdefault(s.article, []).append(s)
        for found in out.values():
            found.sort(key=lambda s: s.index)
        return out

    def has_partners(self, sentence_id: str) -> bool:
        return bool(self.partners(sentence_id))

    def next_partnered(self, article_id: str, index: int, step: int) -> int | None:
        """Index of the next (step=1) or previous (-1) sentence that has correspondences."""
        sentences = self.sentences(article_id)
        i = index + step
        while 0 <= i < len(sentences):
            if self.group(sentences[i].id):
                return i
            i += step
        return None

    def strength(self, anchor: str, other: str) -> float | None:
        """How sure the engine is that `other` corresponds to `anchor`: its strength in the
        strongest claim they share; None when no such claim carries strengths."""
        return max(
            (
                c.strength(other)
                for c in self.story.claims_of(anchor)
                if other in c.members and c.strengths
            ),
            default=None,
        )

    def cycle(self, anchor: str, current: str) -> Sentence | None:
        """Enter: the anchor's next correspondence, strongest first.

        One sentence per other article (its strongest member there, the first on a tie), in
        order of strength, then the anchor again: repeated presses visit every article that
        has a correspondence, the surest first, and come back to where the cycle began.
        """
        anchor_sentence = self.story.sentence(anchor)
        best: dict[str, tuple[float, Sentence]] = {}
        for sid in self.group(anchor):
            s = self.story.sentence(sid)
            if s.article == anchor_sentence.article:
                continue
            strength = self.strength(anchor, sid) or 0.0
            have = best.get(s.article)
            if have is None or (strength, -s.index) > (have[0], -have[1].index):
                best[s.article] = (strength, s)
        if not best:
            return None
        ring = [anchor_sentence] + [
            s
            for _, s in sorted(
                best.values(), key=lambda x: (-x[0], self.position.get(x[1].article, 0))
            )
        ]
        here = next((k for k, s in enumerate(ring) if s.article == current), 0)
        return ring[(here + 1) % len(ring)]

    # -- warnings and discrepancies -----------------------------------------------------------

    def _reading_key(self, article_id: str, pos: int) -> tuple[int, int]:
        return (self.position.get(article_id, 0), pos)

    @cached_property
    def warnings(self) -> list[Warning]:
        """Every warning in reading order (article order, then offset)."""
        return sorted(
            (w for w in self.story.warnings if w.article in self.position),
            key=lambda w: self._reading_key(w.article, w.start),
        )

    @cached_property
    def major_warnings(self) -> list[Warning]:
        """The warnings without the info-level (minor) marks, in reading order."""
        return [w for w in self.warnings if w.severity != "info"]

    def warnings_of(self, article_id: str) -> list[Warning]:
        return self._warnings_by_article.get(article_id, [])

    @cached_property
    def _warnings_by_article(self) -> dict[str, list[Warning]]:
        out: dict[str, list[Warning]] = {}
        for w in self.warnings:
            out.setdefault(w.article, []).append(w)
        return out

    def warnings_in(self, article_id: str, start: int, end: int) -> list[Warning]:
        return [w for w in self.warnings_of(article_id) if w.start < end and w.end > start]

    @cached_property
    def discrepancies(self) -> list[Discrepancy]:
        """Discrepancies with at least one known value, in reading order of their first value."""
        found = [d for d in self.story.discrepancies if self._values(d)]
        return sorted(found, key=lambda d: self._reading_key(*self._first(d)))

    def _values(self, d: Discrepancy) -> list[Value]:
        return [v for v in d.values if v.article in self.position]

    def _first(self, d: Discrepancy) -> tuple[str, int]:
        v = min(self._values(d), key=lambda v: self._reading_key(v.article, v.start))
        return v.article, v.start

    def discrepancy_stop(self, d: Discrepancy, prefer: str) -> Location:
        """Where to land for a discrepancy: its value in `prefer` if it has one, else the first."""
        values = self._values(d)
        v = next((v for v in values if v.article == prefer), None) or min(
            values, key=lambda v: self._reading_key(v.article, v.start)
        )
        return Location(v.article, v.start, v.end)

    def discrepancies_of_sentence(self, sentence: Sentence) -> list[Discrepancy]:
        out = []
        claim_ids = {c.id for c in self.story.claims_of(sentence.id)}
        for d in self.discrepancies:
            if d.claim in claim_ids or any(
                v.article == sentence.article and sentence.start <= v.start < sentence.end
                for v in d.values
            ):
                out.append(d)
        return out

    def next_index(
        self,
        count: int,
        last: int | None,
        after: tuple[int, int],
        keys: list[tuple[int, int]],
        step: int,
    ) -> int | None:
        """Next stop after `last`, or after the reading position when no stop is current."""
        if count == 0:
            return None
        if last is not None:
            return (last + step) % count
        if step > 0:
            i = bisect.bisect_right(keys, after)
            return i % count
        i = bisect.bisect_left(keys, after) - 1
        return i % count

    def warning_keys(self, warnings: list[Warning]) -> list[tuple[int, int]]:
        return [self._reading_key(w.article, w.start) for w in warnings]

    def discrepancy_keys(self) -> list[tuple[int, int]]:
        return [self._reading_key(*self._first(d)) for d in self.discrepancies]

    def reading_key(self, article_id: str, pos: int) -> tuple[int, int]:
        return self._reading_key(article_id, pos)

    # -- shading, stats, search ----------------------------------------------------------------

    def shade(self, article_id: str) -> list[tuple[int, int, int]]:
        """(start, end, n): spans of the article shared with n other articles (n >= 1)."""
        cached = self._shade.get(article_id)
        if cached is None:
            cached = self._shade[article_id] = self.shared.shade(article_id)
        return cached

    def stats(self, article_id: str) -> ArticleStats:
        """Per article and on demand: with 50 articles only the headers on screen pay."""
        found = self._stats.get(article_id)
        if found is None:
            a = self.story.article(article_id)
            words = sum(count_words(a.text, s, e) for s, e in visible_ranges(a))
            shared = self.shared.fraction(a.id)
            major, minor = split_count(self.warnings_of(a.id))
            found = self._stats[article_id] = ArticleStats(
                words=words, shared=shared, warnings=major, minor=minor
            )
        return found

    def closest_counterpart(self, article_id: str) -> str | None:
        """The article sharing most text with this one, else most claims, else the next one."""
        others = [aid for aid in self.order if aid != article_id]
        if not others:
            return None
        claims: dict[str, int] = {}
        for s in self.sentences(article_id):
            for aid in self.partners(s.id):
                claims[aid] = claims.get(aid, 0) + 1
        shares = self.shared.row(article_id)
        best = max(others, key=lambda b: (shares.get(b, 0.0), claims.get(b, 0)))
        if shares.get(best, 0.0) > 0 or claims.get(best, 0) > 0:
            return best
        return others[self.position[article_id] % len(others)]

    def search(self, query: str, limit: int = 2000) -> list[Location]:
        """Case-insensitive matches of query in every article's visible text, in reading order."""
        needle = query.casefold()
        if not needle.strip():
            return []
        hits: list[Location] = []
        for a in self.story.articles:
            folded = a.text.casefold()
            if len(folded) != len(a.text):  # rare: casefold changed lengths, fall back to lower
                folded = a.text.lower()
                if len(folded) != len(a.text):
                    folded = a.text
            for s, e in visible_ranges(a):
                pos = folded.find(needle, s, e)
                while pos != -1 and pos + len(needle) <= e:
                    hits.append(Location(a.id, pos, pos + len(needle)))
                    if len(hits) >= limit:
                        return hits
                    pos = folded.find(needle, pos + max(1, len(needle)), e)
        return hits
