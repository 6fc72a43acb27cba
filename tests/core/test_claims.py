"""Claims on small invented stories where the right grouping is known (tests/stories/claims/)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from reader.core.claims.linking import DEFAULT_PARAMS, _share_twin_evidence, _Story, find_claims
from reader.core.claims.similarity import Vocabulary, build_sentence_terms, similarity
from reader.core.ingest.loading import load_paths
from reader.core.model import Article, Claim, Sentence
from reader.core.sentences import split_sentences
from reader.resources import sample_dir

STORIES = Path(__file__).parents[1] / "stories" / "claims"


def segment(articles: list[Article]) -> list[Sentence]:
    """Sentences as the pipeline makes them (whatever the splitter of the day does)."""
    return [
        Sentence(id=f"{a.id}:s{i + 1}", article=a.id, index=i, start=s, end=e)
        for a in articles
        for i, (s, e) in enumerate(split_sentences(a.text, a.hidden))
    ]


def _story(name: str) -> tuple[list[Article], list[Sentence], list[Claim], dict[str, object]]:
    articles = load_paths([STORIES / name])
    sentences = segment(articles)
    expected = json.loads((STORIES / name / "expected.json").read_text(encoding="utf-8"))
    return articles, sentences, find_claims(articles, sentences), expected


def _sentences_with(articles: list[Article], sentences: list[Sentence], quote: str) -> list[str]:
    """Ids of the sentences that contain quote (one per article where it occurs)."""
    text = {a.id: a.text for a in articles}
    found = [s.id for s in sentences if quote in text[s.article][s.start : s.end]]
    assert found, f"fixture quote not in any sentence: {quote!r}"
    return found


def _linked(claims: list[Claim], a: str, b: str) -> bool:
    return any(a in c.members and b in c.members for c in claims)


@pytest.mark.parametrize("name", ["paraphrase", "reordered", "versions", "chaining"])
def test_fixture_story_groups(name: str) -> None:
    articles, sentences, claims, expected = _story(name)
    for qa, qb in expected["together"]:  # type: ignore[attr-defined]
        ids_a = _sentences_with(articles, sentences, qa)
        ids_b = _sentences_with(articles, sentences, qb)
        pairs = [(a, b) for a in ids_a for b in ids_b if a.split(":")[0] != b.split(":")[0]]
        assert pairs and all(_linked(claims, a, b) for a, b in pairs), (qa, qb)
    for qa, qb in expected["apart"]:  # type: ignore[attr-defined]
        for a in _sentences_with(articles, sentences, qa):
            for b in _sentences_with(articles, sentences, qb):
                assert not _linked(claims, a, b), (qa, qb)
    for quote in expected["alone"]:  # type: ignore[attr-defined]
        for sid in _sentences_with(articles, sentences, quote):
            assert not any(sid in c.members for c in claims), quote


def test_chaining_case_is_one_that_connected_components_would_merge() -> None:
    """The fixture is meaningful: the theft and the closure are linked through one sentence."""
    articles, sentences, claims, _ = _story("chaining")
    theft = _sentences_with(articles, sentences, "Thieves stole two paintings")[0]
    both = _sentences_with(articles, sentences, "Two paintings by Agnes Moberg were stolen")[0]
    closure = _sentences_with(articles, sentences, "Museum director Petter Lind announced")[0]
    assert _linked(claims, theft, both) and _linked(claims, both, closure)
    assert not _linked(claims, theft, closure)


def test_versions_link_weak_pairs_through_alignment() -> None:
    """A pair too unlike to link between independent reports is linked between two versions."""
    articles, sentences, claims, expected = _story("versions")
    qa, qb = expected["weak"]  # type: ignore[misc]
    a = _sentences_with(articles, sentences, qa)[0]
    b = _sentences_with(articles, sentences, qb)[0]
    text = {x.id: x.text for x in articles}
    by_id = {s.id: s for s in sentences}
    terms, vocab = build_sentence_terms(
        [text[s.article][s.start : s.end] for s in sentences],
        DEFAULT_PARAMS.sim.name_boost,
        DEFAULT_PARAMS.sim.number_boost,
    )
    index = {s.id: i for i, s in enumerate(sentences)}
    score = similarity(terms[index[a]], terms[index[b]], vocab, DEFAULT_PARAMS.sim)
    assert score < DEFAULT_PARAMS.accept
    assert by_id[a].article != by_id[b].article
    assert _linked(claims, a, b)


@pytest.mark.parametrize("name", ["paraphrase", "reordered", "versions", "chaining"])
def test_claims_are_well_formed(name: str) -> None:
    _articles, sentences, claims, _ = _story(name)
    known = {s.id: s.article for s in sentences}
    assert [c.id for c in claims] == [f"c{k}" for k in range(1, len(claims) + 1)]
    for c in claims:
        arts = [known[m] for m in c.members]
        assert len(set(arts)) >= 2
        assert max(arts.count(a) for a in arts) <= DEFAULT_PARAMS.group.max_per_article
        assert len(set(c.members)) == len(c.members)
        assert 0.0 < c.score <= 1.0
        assert c.label.strip()
    assert len({frozenset(c.members) for c in claims}) == len(claims)


def test_fewer_than_two_articles_give_no_claims() -> None:
    text = "The bridge opened on Monday.\nThe bridge opened on Monday again.\n"
    article = Article(id="a1", name="one.txt", path="one.txt", text=text)
    assert find_claims([article], segment([article])) == []
    assert find_claims([], []) == []


def _synthetic_story(n_articles: int, words: int, seed: int) -> list[Article]:
    """Articles that reuse, reorder and edit sentences from one invented pool."""
    rng = random.Random(seed)
    vocab = [
        f"{c}{v}{c2}{v2}" for c in "bdfgklmnprst" for v in "aeiou" for c2 in "lnrst" for v2 in "aeo"
    ]
    names = [w.capitalize() for w in rng.sample(vocab, 60)]
    pool = []
    for _ in range(600):
        n = rng.randint(10, 25)
        sent = [rng.choice(vocab) for _ in range(n)]
        sent[rng.randrange(n)] = rng.choice(names)
        sent[rng.randrange(n)] = str(rng.randint(2, 900))
        pool.append(" ".join(sent).capitalize() + ".")
    articles = []
    for k in range(n_articles):
        start = rng.randrange(len(pool) - 120)
        chosen, count = [], 0
        for s in pool[start : start + 120]:
            if rng.random() < 0.3:
                s = " ".join(w if rng.random() > 0.15 else rng.choice(vocab) for w in s.split())
            chosen.append(s)
            count += len(s.split())
            if count >= words:
                break
        if k % 3 == 0:
            rng.shuffle(chosen)
        text = "\n\n".join(chosen) + "\n"
        articles.append(Article(id=f"a{k + 1}", name=f"{k}.txt", path=f"{k}.txt", text=text))
    return articles


def test_fifty_articles_of_a_thousand_words_are_linked() -> None:
    """A large story runs through (its time is measured in benchmarks/, never asserted)."""
    articles = _synthetic_story(50, 1000, seed=3)
    sentences = segment(articles)
    claims = find_claims(articles, sentences)
    assert claims
    assert all(len({s.split(":")[0] for s in c.members}) >= 2 for c in claims)


def _articles(texts: dict[str, str]) -> list[Article]:
    return [
        Article(id=f"a{k}", name=name, path=name, text=text)
        for k, (name, text) in enumerate(texts.items(), start=1)
    ]


def test_a_question_does_not_match_the_statement_that_shares_its_words() -> None:
    articles = _articles(
        {
            "one.txt": "Quarry workers rescued\n\nRescuers pulled four quarry workers from "
            "the collapsed tunnel at Brenvik on Tuesday.\n\nThe tunnel had been closed "
            "for repairs since March.\n",
            "two.txt": "Brenvik waits\n\nFamilies gathered outside the mine office all "
            'night.\n\n"Who will pull the quarry workers from the tunnel?" one woman '
            "asked.\n\nThe regional governor is expected on Thursday.\n",
        }
    )
    sentences = segment(articles)
    claims = find_claims(articles, sentences)
    statement = _sentences_with(articles, sentences, "Rescuers pulled four")[0]
    question = _sentences_with(articles, sentences, "Who will pull")[0]
    assert not _linked(claims, statement, question)


def test_aligned_versions_share_their_links_to_a_third_report() -> None:
    """Twins (a0 in version a, b0 in version b) give the same evidence to report sentence c0."""
    sentences = [Sentence(id=f"{art}:s1", article=art, index=0, start=0, end=1) for art in "abc"]
    story = _Story(sentences, [], Vocabulary({}), DEFAULT_PARAMS, [False] * 3)
    scores = {(0, 2): 0.6, (1, 2): 0.1}  # a0-c0 share the report's words; b0-c0 barely
    boosted = _share_twin_evidence(story, [{(0, 2): 0.6}, {(1, 2): 0.1}], {0: {1}, 1: {0}}, scores)
    assert boosted == [{(0, 2): 0.6}, {(1, 2): 0.6}]


def test_a_line_an_article_repeats_links_only_where_the_alignment_puts_it() -> None:
    """A credit line printed twice in one version answers only to its counterpart in place."""
    a = [
        "The Stava council approved the new harbour budget on Monday.",
        "Photo credit: Lena Berg for the Stava Courier.",
        "The budget doubles spending on the breakwater and the fish market.",
        "Opposition members walked out before the final vote was taken.",
        "Photo credit: Lena Berg for the Stava Courier.",
        "Work on the breakwater is due to begin in the spring.",
    ]
    b = [
        "On Monday the Stava council approved the new budget for the harbour.",
        "It doubles the spending on the breakwater and on the fish market.",
        "Members of the opposition walked out before the final vote.",
        "Photo credit: Lena Berg for the Stava Courier.",
        "Work on the breakwater should begin in spring.",
    ]
    articles = _articles({"a.txt": "\n\n".join(a) + "\n", "b.txt": "\n\n".join(b) + "\n"})
    sentences = segment(articles)
    claims = find_claims(articles, sentences)
    first, second = _sentences_with(articles, sentences, "Photo credit")[:2]
    in_b = _sentences_with(articles, sentences, "Photo credit")[2]
    assert _linked(claims, second, in_b)
    assert not _linked(claims, first, in_b)


_HASH_ORDER_SCRIPT = """
import sys
from dataclasses import replace
from tests.core.test_claims import _synthetic_story, segment
from reader.core.claims.linking import DEFAULT_PARAMS, find_claims
articles = _synthetic_story(8, 300, seed=5)
claims = find_claims(articles, segment(articles))
print(repr([(c.members, c.label, c.score) for c in claims]))
# A budget this story overflows: near-copies are set aside (copies.py) and must not depend on
# the order of a term set either.
small = replace(DEFAULT_PARAMS, pair_budget=100)
claims = find_claims(articles, segment(articles), params=small)
print(repr([(c.members, c.label, c.score, c.strengths) for c in claims]))
"""


def test_claims_do_not_depend_on_the_hash_order_of_terms() -> None:
    """Term sets iterate in a per-process order; sums over them must not change a result."""
    import os
    import subprocess
    import sys

    root = Path(__file__).parents[2]
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(
            [sys.executable, "-c", _HASH_ORDER_SCRIPT],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_no_two_claims_of_the_sample_are_near_duplicates() -> None:
    """Seeds that report one fact grow nearly the same claim: those are joined into one."""
    articles = load_paths([sample_dir()])
    members = [set(c.members) for c in find_claims(articles, segment(articles))]
    pairs = [(a, b) for k, a in enumerate(members) for b in members[k + 1 :]]
    assert pairs
    assert all(len(a & b) < 0.6 * len(a | b) for a, b in pairs)


@pytest.mark.parametrize("name", ["paraphrase", "reordered", "versions", "chaining"])
def test_a_claims_label_quotes_whole_words_of_a_member(name: str) -> None:
    """ "Brightwater voted 31 to 12 on Thursday", not a list of its keywords."""
    articles, sentences, claims, _ = _story(name)
    text = {a.id: a.text for a in articles}
    by_id = {s.id: s for s in sentences}
    for c in claims:
        assert 2 <= len(c.label.split()) <= DEFAULT_PARAMS.label_words
        quoted = re.compile(rf"(?<!\S){re.escape(c.label)}(?![^\s.,;:])")
        members = [
            " ".join(text[by_id[m].article][by_id[m].start : by_id[m].end].split())
            for m in c.members
        ]
        assert any(quoted.search(m) for m in members), c.label


def test_no_two_claims_of_the_sample_read_alike() -> None:
    """Two claims about one headline fact get labels from different members."""
    articles = load_paths([sample_dir()])
    labels = [c.label.casefold() for c in find_claims(articles, segment(articles))]
    assert len(set(labels)) == len(labels)
