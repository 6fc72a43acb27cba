"""The checks' counterparts from claims, built one list an article a claim, are those of the
plain rule: each member, every member of another article, in member order, claim by claim.

Random claims over random articles: members from several articles, several members of one
article, members seen again in later claims and an article alone in a claim (its sentences
stay uncovered and are matched by words instead).
"""

from __future__ import annotations

import random
from collections import defaultdict

from reader.core.checks.parallel import (
    MIN_SHARED,
    _match,
    counterparts,
    words,
)
from reader.core.model import Article, Claim, Sentence, Story
from reader.core.pipeline import segment
from reader.core.text.diffing import SequenceMatcher
from reader.core.text.tokens import content_words


def _plain(story: Story) -> dict[str, list[str]]:
    art_of = {s.id: s.article for s in story.sentences}
    out: dict[str, dict[str, None]] = {}
    for c in story.claims:
        for m in c.members:
            for o in c.members:
                if o != m and art_of.get(o) != art_of.get(m):
                    out.setdefault(m, {})[o] = None
    uncovered = [s for s in story.sentences if s.id not in out]
    for sid, others in _match(story, uncovered, tuple(story.sentences)).items():
        out.setdefault(sid, {}).update(dict.fromkeys(others))
    return {sid: list(others) for sid, others in out.items()}


def _story(seed: int) -> Story:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(60)] + ["the", "of"] * 10
    base = [[rng.choice(vocab) for _ in range(rng.randint(4, 12))] for _ in range(10)]
    articles = []
    for k in range(rng.randint(2, 7)):
        sentences = []
        for _ in range(rng.randint(2, 9)):
            words = list(rng.choice(base))
            words[rng.randrange(len(words))] = rng.choice(vocab)
            sentences.append(" ".join(words).capitalize() + ".")
        text = " ".join(sentences)
        articles.append(Article(id=f"a{k + 1}", name="", path="", text=text))
    sentences: list[Sentence] = segment(articles)
    claims = []
    for n in range(rng.randint(0, 8)):
        members = rng.sample(sentences, rng.randint(1, min(8, len(sentences))))
        claims.append(Claim(id=f"c{n + 1}", members=tuple(s.id for s in members)))
    return Story(articles=articles, sentences=sentences, claims=claims)


def test_counterparts_are_the_plain_rule_of_the_claims() -> None:
    paired = 0
    for seed in range(80):
        story = _story(seed)
        found = counterparts(story)
        assert found == _plain(story), seed
        paired += sum(map(len, found.values()))
    assert paired > 1000


def _match_indexing_everything(story: Story, wanted: list[Sentence]) -> dict[str, list[str]]:
    """_match as first written: every sentence's content words indexed, wanted or not."""
    content = {s.id: content_words(words(story, s)) for s in story.sentences}
    index: dict[str, set[str]] = defaultdict(set)
    for s in story.sentences:
        for w in content[s.id]:
            index[w].add(s.id)
    art_of = {s.id: s.article for s in story.sentences}
    out: dict[str, list[str]] = {}
    for s in wanted:
        mine = content[s.id]
        if len(mine) < 3:
            continue
        hits: dict[str, int] = defaultdict(int)
        for w in mine:
            if len(index[w]) <= 50:
                for o in index[w]:
                    if art_of[o] != s.article:
                        hits[o] += 1
        best: dict[str, tuple[float, str]] = {}
        for o, n in hits.items():
            share = n / max(1, min(len(mine), len(content[o])))
            if share < MIN_SHARED or n < 3:
                continue
            seq_a, seq_b = words(story, s), words(story, story.sentence(o))
            ratio = SequenceMatcher(None, seq_a, seq_b, autojunk=False).ratio()
            score = (share + ratio) / 2
            if ratio >= 0.3 and score > best.get(art_of[o], (0.0, ""))[0]:
                best[art_of[o]] = (score, o)
        ranked = sorted(best.values(), reverse=True)
        if ranked:
            out[s.id] = [o for _, o in ranked]
    return out


def test_sentences_no_claim_covers_are_matched_as_against_every_sentence() -> None:
    matched = 0
    for seed in range(80):
        story = _story(seed)
        rng = random.Random(seed)
        wanted = [s for s in story.sentences if rng.random() < 0.4]
        found = _match(story, wanted, tuple(story.sentences))
        assert found == _match_indexing_everything(story, wanted), seed
        matched += len(found)
    assert matched > 200
