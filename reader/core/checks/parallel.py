"""Which sentences of other articles say the same thing: the checks' source of consensus.

Claims are used where the claims stage found them; sentences no claim covers are matched here
by shared content words, so the checks work (less well) before claims exist.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from functools import lru_cache

from reader.core.model import Article, Claim, Sentence, Story
from reader.core.text.diffing import SequenceMatcher
from reader.core.text.tokens import content_words, norms

MIN_SHARED = 0.35  # share of the smaller sentence's content words the two must have in common
# A claim member's counterparts, at most: the checks compare a sentence with its closest dozen
# versions (MAX_VERSIONS), chosen from these. A claim of hundreds of copies of one text
# (claims/copies.py) made every member the counterpart of every other, and the checks compared
# each with each: at 500 articles a third of the run.
MAX_COUNTERPARTS = 48


def words(story: Story, sentence: Sentence) -> list[str]:
    return norms(story.article(sentence.article).text, sentence.start, sentence.end)


def counterparts(story: Story) -> dict[str, list[str]]:
    """Sentence id -> parallel sentence ids in other articles, best first."""
    return _counterparts(tuple(story.articles), tuple(story.sentences), tuple(story.claims))


@lru_cache(maxsize=4)
def _counterparts(
    articles: tuple[Article, ...], sentences: tuple[Sentence, ...], claims: tuple[Claim, ...]
) -> dict[str, list[str]]:
    story = Story(articles=list(articles), sentences=list(sentences), claims=list(claims))
    art_of = {s.id: s.article for s in sentences}
    out: dict[str, dict[str, None]] = defaultdict(dict)  # dicts as ordered sets
    for c in claims:
        # A member's counterparts are the claim's members of other articles, in member order
        # (the first MAX_COUNTERPARTS): one list for each article among the members, shared by
        # that article's members.
        arts = [art_of.get(m) for m in c.members]
        outside = {
            art: dict.fromkeys(
                itertools.islice(
                    (o for o, other in zip(c.members, arts, strict=True) if other != art),
                    MAX_COUNTERPARTS,
                )
            )
            for art in dict.fromkeys(arts)
        }
        for m, art in zip(c.members, arts, strict=True):
            if outside[art]:  # a member with none stays uncovered, for _match to pair
                out[m].update(outside[art])
    uncovered = [s for s in sentences if s.id not in out]
    if uncovered:
        for sid, others in _match(story, uncovered, sentences).items():
            out[sid].update(dict.fromkeys(others))
    return {sid: list(others) for sid, others in out.items()}


def _match(
    story: Story, wanted: list[Sentence], sentences: tuple[Sentence, ...]
) -> dict[str, list[str]]:
    """For each wanted sentence, the most similar sentence of every other article, if close.

    Only the wanted sentences' content words are indexed, and another sentence's content
    words are found only where it shares some: where claims cover most sentences (two long
    versions: 96 of 6,077 left), finding every sentence's content words was most of the cost.
    """
    seq = {s.id: words(story, s) for s in sentences}
    content = {s.id: content_words(seq[s.id]) for s in wanted}
    wanted_words = set().union(*content.values())
    index: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for w in wanted_words.intersection(seq[s.id]):
            index[w].add(s.id)
    art_of = {s.id: s.article for s in sentences}
    out: dict[str, list[str]] = {}
    for s in wanted:
        mine = content[s.id]
        if len(mine) < 3:
            continue
        hits: dict[str, int] = defaultdict(int)
        for w in mine:
            if len(index[w]) > 50:  # too common in this story to point at a sentence
                continue
            for o in index[w]:
                if art_of[o] != s.article:
                    hits[o] += 1
        best: dict[str, tuple[float, str]] = {}
        for o, n in hits.items():
            if o not in content:
                content[o] = content_words(seq[o])
            share = n / max(1, min(len(mine), len(content[o])))
            if share < MIN_SHARED or n < 3:
                continue
            ratio = SequenceMatcher(None, seq[s.id], seq[o], autojunk=False).ratio()
            score = (share + ratio) / 2
            if ratio >= 0.3 and score > best.get(art_of[o], (0.0, ""))[0]:
                best[art_of[o]] = (score, o)
        ranked = sorted(best.values(), reverse=True)
        if ranked:
            out[s.id] = [o for _, o in ranked]
    return out


def similarity(story: Story, a: str, b: str) -> float:
    """Word-sequence similarity of two sentences, 0..1."""
    wa = words(story, story.sentence(a))
    wb = words(story, story.sentence(b))
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()
