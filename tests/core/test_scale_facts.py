"""The indexes behind discrepancies at scale find what comparing every pair found.

The strict pairing of alike sentences outside claims looks only at sentences whose counted
figures share a key (strict_keys), and stars of links are merged by counts kept up to date;
each is tested here against the all-pairs or scanning way on the same data.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from reader.core.claims.linking import find_claims
from reader.core.facts import discrepancies as disc
from reader.core.facts.agreement import STRICT, affinity, comparable, strict_keys
from reader.core.facts.mentions import Mention, mentions_of
from reader.core.facts.repeated_sentences import SentenceMentions, every_facets
from reader.core.facts.stars import Group, Key, Star, merge_stars
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Article, Sentence, Story
from reader.core.pipeline import segment
from reader.resources import sample_dir


def _story(paths: list[Path]) -> Story:
    articles = CanonicalOrder(load_paths(paths)).articles
    sentences = segment(articles)
    return Story(articles, sentences, claims=find_claims(articles, sentences))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Story:
    """Thirty articles recombining the sample's sentences with changed figures: many alike
    sentences in different claims, so the strict pairing has work to do."""
    out = tmp_path_factory.mktemp("generated")
    generate(out, articles=30, words=300, seed=4)
    return _story([out])


@pytest.fixture(scope="module")
def sample() -> Story:
    return _story([sample_dir()])


def _sentence_pairs(story: Story, mentions: SentenceMentions, keys: Any) -> list[Any]:
    keyed, pairs = disc._similar_pairs(story, mentions, 0.1, keys)
    return [(keyed[i], keyed[j]) for i, j in pairs]


def _all_counted(mentions: list[Mention]) -> frozenset[Hashable]:
    """One key for every sentence with a counted figure: every pair of them is compared."""
    return frozenset({"any"}) if disc._counted(mentions) else frozenset()


@pytest.mark.parametrize("name", ["sample", "generated"])
def test_a_strict_affinity_implies_a_shared_key(name: str, request: pytest.FixtureRequest) -> None:
    story: Story = request.getfixturevalue(name)
    counted = [m for s in story.sentences for m in disc._counted(mentions_of(story, s))]
    strict = [
        (a, b)
        for a, b in itertools.combinations(counted, 2)
        if comparable(a, b) and affinity(a, b) >= STRICT
    ]
    assert len(strict) > 10
    assert all(strict_keys(a) & strict_keys(b) for a, b in strict)


def test_similar_pairs_through_the_key_index_are_the_all_pairs_jaccard(
    generated: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(disc, "FOLLOWING", 10**6)  # the index alone (the bound: test_large_claims)
    story = generated
    mentions = SentenceMentions(story)
    found = _sentence_pairs(story, mentions, _all_counted)
    keyed = [s for s in story.sentences if disc._counted(mentions(s))]
    words = {s.id: disc._sentence_words(story, s) for s in keyed}
    expected = [
        (s1, s2)
        for s1, s2 in itertools.combinations(keyed, 2)
        if s1.article != s2.article
        and len(words[s1.id] & words[s2.id]) / len(words[s1.id] | words[s2.id]) >= 0.1
    ]
    assert found == expected and len(found) > 100
    indexed = _sentence_pairs(story, mentions, disc._sentence_keys)
    keys = {s.id: disc._sentence_keys(mentions(s)) for s in keyed}
    assert indexed == [(s1, s2) for s1, s2 in expected if keys[s1.id] & keys[s2.id]]
    assert 0 < len(indexed) < len(expected)


def test_discrepancies_through_the_index_are_those_of_all_pairs(
    generated: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(disc, "FOLLOWING", 10**6)  # the index alone (the bound: test_large_claims)
    # Without claims every discrepancy comes from the strict pairing of alike sentences.
    unclaimed = Story(generated.articles, generated.sentences)
    indexed = [disc.find_discrepancies(story) for story in (generated, unclaimed)]
    monkeypatch.setattr(disc, "_sentence_keys", _all_counted)
    assert [disc.find_discrepancies(story) for story in (generated, unclaimed)] == indexed
    monkeypatch.setattr(disc, "_sentence_keys", lambda mentions: frozenset())
    assert disc.find_discrepancies(unclaimed) == []  # so those found above came from pairing
    assert len(indexed[0]) > 3 and len(indexed[1]) > 1


def _naive_merge(stars: list[Star]) -> list[Group]:
    """Every star tested against every group so far."""
    merged: list[Group] = []
    for star in stars:
        for g in merged:
            if len(g.members.keys() & star.members.keys()) >= 2:
                g.members.update(star.members)
                g.conflicts.add(star.conflict)
                break
        else:
            merged.append(Group(dict(star.members), {star.conflict}))
    return merged


def _random_stars(rng: random.Random) -> list[Star]:
    """Stars over a few mentions, pivots coming back with the same members (one per link)."""
    keys: list[Key] = list({(f"a{rng.randint(1, 3)}", rng.randint(0, 6)): None for _ in range(9)})
    members_of: dict[Key, dict[Key, Mention]] = {}
    stars = []
    for _ in range(rng.randint(1, 30)):
        pivot = rng.choice(keys)
        if pivot not in members_of:
            others = rng.sample([k for k in keys if k != pivot], rng.randint(1, 4))
            members_of[pivot] = dict.fromkeys([pivot, *others])  # type: ignore[arg-type]
        other = rng.choice([k for k in members_of[pivot] if k != pivot])
        stars.append(Star(pivot, members_of[pivot], (pivot, other)))
    return stars


def test_stars_merged_through_kept_counts_as_by_scanning_every_group() -> None:
    repeated = 0
    for seed in range(300):
        stars = _random_stars(random.Random(seed))
        repeated += len(stars) - len({s.pivot for s in stars})
        got, want = merge_stars(stars), _naive_merge(stars)
        assert [(list(g.members), g.conflicts) for g in got] == [
            (list(g.members), g.conflicts) for g in want
        ]
    assert repeated > 1000


def test_alike_pairs_of_one_content_pair_as_the_first_did(
    generated: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies of one wording make the same pairing again and again: in the claims (the wire
    copies of a sentence, article after article) and strictly between alike sentences outside
    them. It is made once per pair of contents. Pairing every pair anew finds the same."""
    stories = (generated, Story(generated.articles, generated.sentences))  # with claims, without
    remembered = [disc.find_discrepancies(story) for story in stories]
    calls: list[int] = []
    pair_links = disc._pair_links

    def counted(x: object, y: object, strict: bool) -> object:
        calls.append(1)
        return pair_links(x, y, strict)  # type: ignore[arg-type]

    monkeypatch.setattr(disc, "_pair_links", counted)
    made = []
    for story in stories:
        calls.clear()
        disc.find_discrepancies(story)
        made.append(len(calls))
    monkeypatch.setattr(
        disc, "_cached_links", lambda x, y, strict, paired: disc._pair_links(x, y, strict)
    )
    assert [disc.find_discrepancies(story) for story in stories] == remembered
    for story, cached in zip(stories, made, strict=True):
        calls.clear()
        disc.find_discrepancies(story)
        assert cached < 0.75 * len(calls), (cached, len(calls))  # contents recur: spared


def test_sides_of_one_mention_a_sort_pair_as_the_general_way_pairs_them(
    generated: Story, sample: Story
) -> None:
    """Where each side holds one mention of each kind and dimension, _pair_links takes a
    short way (_single_links); the general way, on every such pair of the two stories'
    sentences of one claim and of the articles' mentions in a claim, strictly and not, links
    the same mentions the same way, in the same order."""
    checked = linked = conflicts = 0
    for story in (generated, sample):
        mentions = SentenceMentions(story)
        sides = []
        for claim in story.claims:
            by_article: dict[str, list[Mention]] = {}
            for m in disc._claim_mentions(story, claim, mentions):
                by_article.setdefault(m.article, []).append(m)
            sides.append([disc._Side(found) for found in by_article.values()])
            counted = [disc._counted(mentions(story.sentence(s))) for s in claim.members]
            sides.append([disc._Side(found) for found in counted if found])
        for x, y in (pair for group in sides for pair in itertools.permutations(group, 2)):
            if not (x.single and y.single):
                continue
            for strict in (False, True):
                short = disc._pair_links(x, y, strict)
                x.single = y.single = False
                assert disc._pair_links(x, y, strict) == short
                x.single = y.single = True
                checked += 1
                linked += bool(short)
                conflicts += sum(link.conflict for link in short)
    assert checked > 5000 and linked > 1000 and conflicts > 200, (checked, linked, conflicts)


def test_a_pairing_is_kept_once_either_content_has_a_copy(generated: Story) -> None:
    """Pairings are kept for the copies of a content to come; where neither side's content has
    a copy yet none is kept (a template's articles, each with its own figures, would keep one
    per pair and read none again). Kept or not, the links are the same."""
    mentions = SentenceMentions(generated)
    counted = [c for c in (disc._counted(mentions(s)) for s in generated.sentences) if c]
    first, second = next(
        (a, b)
        for a, b in itertools.combinations(counted, 2)
        if a[0].article != b[0].article and disc._pair_links(disc._Side(a), disc._Side(b), True)
    )
    contents = disc._Contents()
    x, y = contents.numbered(disc._Side(first)), contents.numbered(disc._Side(second))
    assert x.number != y.number
    paired: disc.Paired = {}
    links = disc._cached_links(x, y, True, paired)
    assert not paired
    again = contents.numbered(disc._Side(list(x.mentions)))  # a copy of x's content
    assert again.number == x.number and x.holders[x.number] == 2
    assert disc._cached_links(again, y, True, paired) == links
    assert list(paired) == [(x.number, y.number)]
    assert disc._cached_links(x, y, True, paired) == links == disc._pair_links(x, y, True) != []


def test_a_copy_with_a_word_added_before_its_figure_is_one_content() -> None:
    """A pairing reads positions only to order mentions, so a side's content holds places, not
    offsets: the copy of a sentence that stands later in its article and has a word added
    before its figure pairs as the first copy did. Another figure is another content."""
    said = "Officials in the northern province {}said on Sunday that {} soldiers were killed."
    texts = [
        said.format("", 12),
        "The army reported heavy fighting. " + said.format("also ", 12),
        said.format("", 13),
    ]
    articles = [Article(id=f"a{i}", name=f"a{i}.txt", path="", text=t) for i, t in enumerate(texts)]
    story = Story(articles, segment(articles))
    mentions = SentenceMentions(story)
    contents = [
        disc._Side(disc._counted(mentions(s))).content()
        for s in story.sentences
        if disc._counted(mentions(s))
    ]
    assert len(contents) == 3
    assert contents[0] == contents[1] != contents[2]


@pytest.mark.parametrize("name", ["sample", "generated"])
def test_facets_found_beforehand_and_pickled_give_the_same_discrepancies(
    name: str, request: pytest.FixtureRequest
) -> None:
    """The pipeline has a worker find every sentence's facets while the claims are found, and
    hands them over pickled: the discrepancies are those found without them."""
    import pickle

    story: Story = request.getfixturevalue(name)
    found = pickle.loads(pickle.dumps(every_facets(story)))
    assert sum(f is not None for f in found) > 10
    assert disc.find_discrepancies(story, found) == disc.find_discrepancies(story)


def test_similar_pairs_leave_out_the_sentences_of_one_claim(generated: Story) -> None:
    """Sentences of one claim are paired by the claim: the strict pairing skips them, and
    finds the very pairs it found before, less those."""
    mentions = SentenceMentions(generated)

    def claims(s: Sentence) -> frozenset[str]:
        return frozenset(c.id for c in generated.claims_of(s.id))

    keyed, every = disc._similar_pairs(generated, mentions, 0.1, disc._sentence_keys)
    _, apart = disc._similar_pairs(generated, mentions, 0.1, disc._sentence_keys, claims)
    kept = [(i, j) for i, j in every if claims(keyed[i]).isdisjoint(claims(keyed[j]))]
    assert apart == kept and 0 < len(apart) < len(every)


def _found_by_scan(added: list[tuple[str, Group]]) -> list[tuple[str, Group]]:
    """find_discrepancies's grouping as first written: each group against every one before."""
    found: list[tuple[str, Group]] = []
    for claim, group in added:
        for _, seen in found:
            if len(seen.members.keys() & group.members.keys()) >= 2:
                seen.members.update(group.members)
                seen.conflicts |= group.conflicts
                break
        else:
            found.append((claim, group))
    return found


def test_disagreements_join_the_first_found_that_shares_two_mentions_as_a_scan_finds() -> None:
    rng = random.Random(11)
    joined = 0
    for _ in range(60):
        pool: list[Key] = [(f"a{rng.randint(1, 4)}", rng.randrange(40)) for _ in range(30)]
        added = []
        for n in range(rng.randint(1, 40)):
            keys = rng.sample(pool, rng.randint(1, 5))
            members: dict[Key, Any] = {k: f"mention {k}" for k in keys}
            conflicts = {(keys[0], keys[-1])}
            added.append((f"c{n}", members, conflicts))

        found = disc._Found()
        for claim, members, conflicts in added:
            found.add(claim, Group(dict(members), set(conflicts)))
        plain = _found_by_scan([(c, Group(dict(m), set(x))) for c, m, x in added])
        assert [(c, g.members, g.conflicts) for c, g in found.groups] == [
            (c, g.members, g.conflicts) for c, g in plain
        ]
        joined += len(added) - len(plain)
    assert joined > 100
