"""The indexes and sweeps that keep the engine near-linear give what the all-pairs scans gave.

Each test runs the indexed code and a brute-force reference written here on the same data (a
random one large enough to exercise the index) and asserts equal results, so a broken index
fails here rather than as a silently different report.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from benchmarks.generate import generate
from reader.core import checks
from reader.core.checks.common import in_quotes, quoted_spans
from reader.core.checks.lexicon import bundled
from reader.core.checks.names import check_organisation_names
from reader.core.facts import discrepancies as disc
from reader.core.facts.agreement import affinity, comparable, threshold
from reader.core.facts.mentions import Mention, mentions_of
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Article, Story, Warning
from reader.core.passages import batch, index, runs, shared
from reader.core.passages.table import PassageTable
from reader.core.pipeline import segment
from reader.core.text.spans import merge_spans
from reader.core.text.tokens import normalize_word, tokenize
from reader.resources import sample_dir


def _random_articles(n: int, seed: int) -> list[Article]:
    """Articles recombining a few shared paragraphs (some repeated inside one article) with
    their own words, and some single changed words: moved, repeated and edited reuse."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(400)] + ["the", "of", "and"] * 30
    pool = [[rng.choice(vocab) for _ in range(rng.randint(8, 40))] for _ in range(12)]
    out = []
    for i in range(n):
        words: list[str] = []
        for _ in range(rng.randint(1, 6)):
            para = list(rng.choice(pool)) if rng.random() < 0.6 else []
            para += [rng.choice(vocab) for _ in range(rng.randint(0, 15))]
            if para and rng.random() < 0.3:
                para[rng.randrange(len(para))] = rng.choice(vocab)
            words += para
        text = " ".join(words) + "."
        out.append(Article(id=f"a{i + 1}", name=f"a{i + 1}.txt", path="", text=text))
    return out


def _word_grams(articles: list[Article]) -> tuple[list[index.Words], list[list[int]]]:
    vocab: dict[str, int] = {}
    words = [index.visible_words(a, vocab) for a in articles]
    gram_vocab: dict[tuple[int, ...], int] = {}
    return words, [index.gram_ids(w.ids, gram_vocab) for w in words]


def _reference_passages(articles: list[Article]) -> list[tuple[int, int, int, int, int]]:
    """Every pair of articles, every seed (every n-gram, shared or not, looked up in the other
    article) tested against every run found for the pair."""
    words, grams = _word_grams(articles)
    where: list[dict[int, list[int]]] = [{} for _ in grams]
    for w, ids in zip(where, grams, strict=True):
        for i, g in enumerate(ids):
            w.setdefault(g, []).append(i)
    out = []
    for x, y in itertools.combinations(range(len(articles)), 2):
        found: list[runs.Run] = []
        for i, g in enumerate(grams[x]):
            for j in where[y].get(g, []):
                if not runs.inside(found, i, j):
                    found.append(runs.extend(words[x].ids, words[y].ids, i, j))
        out += sorted((x, r[0], r[1], r[2], r[3]) for r in found)
    return out


def test_candidate_pairs_are_exactly_the_pairs_sharing_a_seed() -> None:
    articles = _random_articles(40, seed=3)
    _, ids = _word_grams(articles)
    expected = [
        (x, y) for x, y in itertools.combinations(range(len(ids)), 2) if set(ids[x]) & set(ids[y])
    ]
    grams = index.index_grams(ids)
    holders = index.gram_holders(grams)
    found = [(x, y) for x in range(len(ids)) for y in index.later_partners(x, grams, holders)]
    assert found == expected
    assert 0 < len(found) < len(ids) * (len(ids) - 1) // 2  # some pairs share nothing


def test_only_shared_grams_keep_their_positions() -> None:
    """An n-gram one article alone holds can seed nothing: the index drops it, and keeps every
    position (repeats included) of the shared ones."""
    articles = _random_articles(30, seed=5)
    _, ids = _word_grams(articles)
    grams = index.index_grams(ids)
    for x, g in enumerate(grams):
        others = set().union(*(set(o) for y, o in enumerate(ids) if y != x))
        assert set(g.where) == set(ids[x]) & others
        for gram, positions in g.where.items():
            assert positions == [i for i, h in enumerate(ids[x]) if h == gram]


def test_runs_found_through_the_open_run_heap_are_the_all_runs_scan() -> None:
    for seed in range(4):
        articles = _random_articles(25, seed)
        words, ids = _word_grams(articles)
        grams = index.index_grams(ids)
        found = []
        for x, y in itertools.combinations(range(len(articles)), 2):
            pair = runs.pair_runs(words[x].ids, grams[x], words[y].ids, grams[y])
            found += sorted((x, r[0], r[1], r[2], r[3]) for r in pair)
        assert found == _reference_passages(articles)


def test_common_runs_by_blocks_are_those_word_by_word() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        a = [rng.randrange(3) for _ in range(rng.randint(0, 120))]
        b = list(a) if rng.random() < 0.5 else [rng.randrange(3) for _ in range(len(a))]
        if b and rng.random() < 0.5:  # one changed word somewhere in a long common run
            b[rng.randrange(len(b))] = 9
        b = b[: rng.randint(0, len(b))] + [rng.randrange(3) for _ in range(rng.randint(0, 9))]
        p, q = rng.randint(0, len(a)), rng.randint(0, len(b))
        forward = 0
        while p + forward < len(a) and q + forward < len(b) and a[p + forward] == b[q + forward]:
            forward += 1
        backward = 0
        while backward < min(p, q) and a[p - backward - 1] == b[q - backward - 1]:
            backward += 1
        assert runs.same_forward(a, p, b, q) == forward
        assert runs.same_forward(a, p, b, q, min(forward, 6) or 1) == forward
        assert runs.same_backward(a, p, b, q) == backward


def test_runs_skipping_past_each_run_are_those_tested_seed_by_seed() -> None:
    """Where b holds each shared n-gram once, pair_runs jumps past each run it finds instead
    of testing the seeds inside it: the same runs as testing every seed."""
    compared = 0
    for seed in range(4):
        articles = _random_articles(25, seed)
        words, ids = _word_grams(articles)
        grams = index.index_grams(ids)
        for x, y in itertools.permutations(range(len(articles)), 2):
            ga, gb = grams[x], grams[y]
            shared = ga.where.keys() & gb.where.keys()
            if not shared or shared & gb.repeated:
                continue
            seeds = sorted(p for g in shared for p in ga.where[g])
            a, b = words[x].ids, words[y].ids
            jumping = runs._jumping_runs(a, ga, b, gb, seeds)
            assert jumping == runs._checked_runs(a, ga, b, gb.where, seeds, {})
            compared += len(jumping)
    assert compared > 200


def test_open_runs_drop_only_runs_that_end_before_the_seed() -> None:
    found = runs.OpenRuns()
    found.add((0, 10, 0, 10, 10))
    found.add((5, 30, 40, 65, 25))
    assert found.holds(2, 2)  # inside the first run
    assert found.holds(10, 45)  # the first has ended; the second holds it
    assert not found.holds(10, 5)  # the first run would have, but it cannot reach 10 + 6 words
    assert not found.holds(25, 60)  # a seed past the second run's end


def _sample_story() -> Story:
    articles = load_paths([sample_dir()])
    return Story(articles=articles, sentences=segment(articles))


def test_only_counted_figures_can_reach_the_strict_threshold() -> None:
    """Why the strict pairing of similar sentences looks at counted figures only."""
    story = _sample_story()
    mentions = [m for s in story.sentences for m in mentions_of(story, s)]
    others = [m for m in mentions if m not in disc._counted([m])]
    assert len(others) > 20
    pairs = [(a, b) for a, b in itertools.product(others, mentions) if comparable(a, b)]
    assert pairs
    assert all(affinity(a, b) < threshold(a, False, strict=True) for a, b in pairs)


def test_article_pairs_are_the_pairs_with_mentions_of_one_sort() -> None:
    story = _sample_story()
    mentions = [m for s in story.sentences for m in mentions_of(story, s)]
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    rng = random.Random(5)
    for _ in range(20):  # random subsets, so some pairs share no sort
        subset = {
            a: rng.sample(ms, min(len(ms), rng.randint(0, 3))) for a, ms in by_article.items()
        }
        subset = {a: ms for a, ms in subset.items() if ms}
        expected = [
            (x, y)
            for x, y in itertools.combinations(sorted(subset), 2)
            if {(m.kind, m.dimension) for m in subset[x]}
            & {(m.kind, m.dimension) for m in subset[y]}
        ]
        assert disc._article_pairs(subset) == expected


def test_in_quotes_by_bisection_is_the_scan_over_every_span() -> None:
    texts = [a.text for a in load_paths([sample_dir()])]
    rng = random.Random(11)
    marks = ["“", "”", '"', "'", "‘", "’", "«", "»", " ", "a", "b", "\n\n", "."]
    texts += ["".join(rng.choice(marks) for _ in range(300)) for _ in range(30)]
    inside = 0
    for text in texts:
        spans = quoted_spans(text)
        for pos in range(len(text)):
            expected = any(s <= pos < e for s, e in spans)
            assert in_quotes(text, pos) == expected
            inside += expected
    assert inside > 1000


def _organisation_scan(story: Story) -> list[tuple[str, int, int, str]]:
    """The check as it was: every name tried at every word of every article."""
    names: list[str] = bundled("names.toml").get("organisations", {}).get("names", [])
    out = []
    for a in story.articles:
        toks = tokenize(a.text)
        norms = [t.norm for t in toks]
        for name in names:
            n, folded = len(name.split()), normalize_word(name)
            for i in range(len(toks) - n + 1):
                if norms[i][:1] != folded[:1] or not toks[i].text[:1].isupper():
                    continue
                got = " ".join(norms[i : i + n])
                if abs(len(got) - len(folded)) > 3 or got == folded:
                    continue
                if got.rstrip("s") == folded.rstrip("s") or a.is_hidden(toks[i].start):
                    continue
                if SequenceMatcher(None, got, folded, autojunk=False).ratio() >= 0.9:
                    out.append((a.id, toks[i].start, toks[i + n - 1].end, name))
    return out


def test_organisation_names_by_first_letter_index_as_by_scanning_every_word() -> None:
    names: list[str] = bundled("names.toml").get("organisations", {}).get("names", [])
    rng = random.Random(2)
    filler = "the agency said on Monday that Officials of the Ministry met".split()
    articles = []
    for k in range(6):
        words: list[str] = []
        for _ in range(60):
            if rng.random() < 0.3:
                name = list(rng.choice(names))
                if rng.random() < 0.7:  # a near miss: one letter dropped or changed
                    at = rng.randrange(1, len(name))
                    name[at : at + 1] = [] if rng.random() < 0.5 else ["e"]
                words.append("".join(name))
            else:
                words.append(rng.choice(filler))
        articles.append(Article(id=f"a{k + 1}", name="", path="", text=" ".join(words) + "."))
    story = Story(articles=articles, sentences=segment(articles))
    found = [(w.article, w.start, w.end, w.suggestion) for w in check_organisation_names(story)]
    assert found == _organisation_scan(story)
    assert len(found) > 10


def _few_word_articles(n: int, seed: int) -> list[Article]:
    """Articles over a vocabulary of three words: every diagonal of every pair holds
    stretches, and runs' boxes cover parts of other stretches (what only a walk settles)."""
    rng = random.Random(seed)
    texts = [" ".join(rng.choice("abc") for _ in range(rng.randint(100, 300))) for _ in range(n)]
    return [Article(id=f"a{i}", name=f"a{i}.txt", path="", text=t) for i, t in enumerate(texts)]


def test_runs_found_in_bulk_are_those_found_pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    """batch.py finds the runs of many pairs at once with numpy; it must give pair_runs's
    runs in pair_runs's order, pair for pair, and leave to pair_runs only the pairs it
    cannot settle. Repeated and moved paragraphs exercise both of pair_runs's walks, text of
    three words the pairs left to it, and a small chunk size the splitting into chunks."""
    settled, unsure = [0, 0], [0, 0]
    for seed in range(4):
        for kind, articles in enumerate((_random_articles(40, seed), _few_word_articles(25, seed))):
            words, ids = _word_grams(articles)
            grams = index.index_grams(ids)
            arrays = batch.story_arrays(words, ids)
            assert arrays is not None
            monkeypatch.setattr(batch, "SEEDS_AT_ONCE", 500 if seed % 2 else 1 << 20)
            found = batch.batch_runs(arrays, 0, len(articles))
            n = len(articles)
            bulk: dict[tuple[int, int], list[tuple[int, ...]]] = {}
            for k in range(len(found.pair)):
                x, y = divmod(int(found.pair[k]), n)
                run = (found.a0[k], found.a1[k], found.b0[k], found.b1[k], found.same[k])
                bulk.setdefault((x, y), []).append(tuple(map(int, run)))
            for x, y in itertools.combinations(range(n), 2):
                expected = runs.pair_runs(words[x].ids, grams[x], words[y].ids, grams[y])
                if (x, y) in found.unsure:
                    unsure[kind] += 1
                    assert (x, y) not in bulk
                else:
                    settled[kind] += bool(expected)
                    assert bulk.get((x, y), []) == expected, (seed, x, y)
    assert settled[0] > 500 and unsure[0] < settled[0] / 20
    assert settled[1] > 200 and unsure[1] > 10


def _both_ways(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> tuple[list[PassageTable], list[PassageTable]]:
    """find_part's tables of three parts, pair by pair and in bulk."""
    monkeypatch.setattr(shared, "BULK_FROM", 10**9)
    shared.forget()
    by_pairs = [shared.find_part(articles, k, 3) for k in range(3)]
    monkeypatch.setattr(shared, "BULK_FROM", 2)
    shared.forget()
    in_bulk = [shared.find_part(articles, k, 3) for k in range(3)]
    shared.forget()
    return by_pairs, in_bulk


def test_passages_found_in_bulk_are_the_passages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """find_part's two ways (in bulk from BULK_FROM articles, pair by pair below) give one
    table, for any split into parts."""
    generate(tmp_path / "story", articles=30, words=400, seed=3)
    articles = CanonicalOrder(load_paths([tmp_path / "story"])).articles
    by_pairs, in_bulk = _both_ways(articles, monkeypatch)
    assert sum(map(len, by_pairs)) > 500
    assert [t.columns for t in in_bulk] == [t.columns for t in by_pairs]


def test_a_story_too_wide_for_the_seed_keys_is_found_pair_by_pair() -> None:
    """Seeds are keyed by pair, diagonal and position packed in one integer; a story where
    that would overflow (far past the input limits) is not found in bulk. A story of
    articles too short for an n-gram has no seed."""
    wide = index.Words(range(2**26), [], [])  # type: ignore[arg-type]  # only its length is read
    assert batch.story_arrays([wide] * 40, [[]] * 40) is None
    short = index.Words([1, 2], [0, 2], [1, 3])  # no n-gram at all: no seed
    arrays = batch.story_arrays([short] * 40, [[]] * 40)
    assert arrays is not None and len(batch.batch_runs(arrays, 0, 40).pair) == 0


def _crowded(articles: list[Article], times: int) -> list[Article]:
    """The articles, every fifth also saying twelve words of the first article's opening
    `times` times over (after its title, which no other article has), and the second its own
    opening."""
    said = " ".join(articles[0].text.split()[3:15])
    out = []
    for k, a in enumerate(articles):
        if k % 5 == 0 or k == 1:
            again = said if k != 1 else " ".join(a.text.split()[3:15])
            a = Article(
                id=a.id, name=a.name, path=a.path, text=f"{a.text} " + " ".join([again] * times)
            )
        out.append(a)
    return out


def test_an_n_gram_both_articles_crowd_seeds_from_its_first_places_only() -> None:
    """Two articles that say one sentence forty times paired every place of each n-gram
    with every other (1,600 seeds each): each now seeds from its first MAX_PLACES places in
    each, and the run over the whole repetition is still found. Beside an article that says
    it once, every place of the other is a partner, and a passage."""
    sentence = "the army said it had taken the town after a week of fighting"
    a = Article(id="a", name="a.txt", path="", text=" ".join([sentence] * 40))
    b = Article(id="b", name="b.txt", path="", text=" ".join([sentence] * 40))
    once = Article(id="c", name="c.txt", path="", text=sentence)
    words, ids = _word_grams([a, b, once])
    ga, gb, gc = index.index_grams(ids)
    assert min(map(len, ga.where.values())) > index.MAX_PLACES
    seeds, ranked = runs.seeding(ga, gb, ga.shared & gb.shared)
    grams = len(ga.shared)
    assert len(seeds) == grams * index.MAX_PLACES
    # each paired with the place of its rank in b, which says it where a does
    assert sorted(ranked) == seeds and all(j == i for i, j in ranked.items())
    whole = len(words[0].ids)
    assert (0, whole, 0, whole, whole) in runs.pair_runs(words[0].ids, ga, words[1].ids, gb)
    seeds, ranked = runs.seeding(gc, gb, gc.shared & gb.shared)
    assert len(seeds) == len(gc.shared) and not ranked  # once in c: every place of b
    assert len(runs.pair_runs(words[2].ids, gc, words[1].ids, gb)) == 40


def test_a_formula_both_articles_repeat_pairs_its_places_in_order() -> None:
    """Two articles of one template, each sentence its own figures: the formula that every
    sentence holds seeds each place with the place of the same rank in the other, so each
    passage joins a sentence to its counterpart. Pairing every place with every other joined
    each sentence's formula to the formula of other sentences too (14 more passages here)."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    def text(first: int, day: int) -> str:
        return " ".join(
            f"Reporter Name{k} {k} was embedded in the rebels near {first + k} fighters on "
            f"{days[(day + k) % 7]}."
            for k in range(12)
        )

    a = Article(id="a", name="a.txt", path="", text=text(100, 0))
    b = Article(id="b", name="b.txt", path="", text=text(500, 3))
    words, ids = _word_grams([a, b])
    ga, gb = index.index_grams(ids)
    assert max(map(len, ga.where.values())) > index.MAX_PLACES  # the formula crowds both
    found = runs.pair_runs(words[0].ids, ga, words[1].ids, gb)

    def sentence(article: Article, w: index.Words, at: int) -> int:  # full stops before
        return article.text.count(".", 0, w.starts[at])

    assert len(found) >= 11
    assert [sentence(a, words[0], a0) for a0, *_ in found] == [
        sentence(b, words[1], b0) for _, _, b0, _, _ in found
    ]


def test_pairs_of_an_article_crowding_an_n_gram_are_walked_and_give_the_same_passages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where two articles each hold an n-gram more than MAX_PLACES times, pair_runs seeds it
    from its first places; the bulk rule needs every place of every n-gram (it jumps from six
    equal words to the seed there), so such articles leave the bulk table and their pairs go
    to pair_runs: the table is the one found pair by pair, for any split."""
    generate(tmp_path / "story", articles=30, words=300, seed=5)
    articles = _crowded(CanonicalOrder(load_paths([tmp_path / "story"])).articles, 12)
    words, ids = _word_grams(articles)
    arrays = batch.story_arrays(words, ids)
    assert arrays is not None and len(arrays.walk)
    n = len(articles)
    holders: dict[int, set[int]] = {}
    for k, grams in enumerate(ids):
        for g in grams:
            holders.setdefault(g, set()).add(k)
    busy: dict[int, set[int]] = {}  # n-gram -> the articles holding it more than MAX_PLACES
    for k, grams in enumerate(ids):
        for g, c in Counter(grams).items():
            if len(holders[g]) > 1 and c > index.MAX_PLACES:
                busy.setdefault(g, set()).add(k)
    crowding = {k for those in busy.values() if len(those) > 1 for k in those}
    alone = {k for those in busy.values() for k in those} - crowding
    assert crowding == {k for k in range(n) if k % 5 == 0} and alone == {1}
    assert not set(arrays.article.tolist()) & crowding
    assert 1 in set(arrays.article.tolist())  # alone in crowding its n-grams: in bulk
    expected = {
        (x, y)
        for x, y in itertools.combinations(range(n), 2)
        if {x, y} & crowding and set(ids[x]) & set(ids[y])
    }
    assert {divmod(p, n) for p in arrays.walk.tolist()} == expected
    by_pairs, in_bulk = _both_ways(articles, monkeypatch)
    assert sum(map(len, by_pairs)) > 300
    assert [t.columns for t in in_bulk] == [t.columns for t in by_pairs]


def test_hidden_text_by_bisection_is_what_testing_every_hidden_span_finds() -> None:
    """Article.is_hidden and hides_any bisect the spans' union (merge_spans): the same answers
    as testing every span, for spans out of order, overlapping, nested, touching and empty (an
    empty hidden span hides nothing)."""
    rng = random.Random(9)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, 60)
            spans.append((s, s + rng.randint(0, 10)))
        article = Article(id="a1", name="a.txt", path="", text="x" * 80, hidden=tuple(spans))
        for pos in range(-2, 82):
            assert article.is_hidden(pos) == any(s <= pos < e for s, e in spans), (spans, pos)
            end = pos + rng.randint(0, 6)
            expected = any(s < end and pos < e for s, e in merge_spans(spans))
            assert article.hides_any(pos, end) == expected, (spans, pos, end)
            if end > pos:  # a span of text: met exactly where it meets a hidden span
                met = any(s < end and pos < e for s, e in spans if e > s)
                assert article.hides_any(pos, end) == met, (spans, pos, end)


def test_warnings_kept_by_bisection_are_those_kept_testing_every_kept_one() -> None:
    """finalize drops a warning that overlaps one kept already (half the shorter span shared),
    looking only at the kept warnings a span can meet: the same warnings as testing them all,
    for spans of any length, nested, touching and empty, in several articles."""
    rng = random.Random(11)
    kinds = list(checks._KIND_RANK)
    story = Story(
        articles=[Article(id=f"a{k}", name="a.txt", path="", text="x" * 300) for k in (1, 2)],
        sentences=[],
    )
    for _ in range(200):
        found = []
        for _ in range(rng.randint(0, 60)):
            start = rng.randint(0, 280)
            found.append(
                Warning(
                    id="",
                    article=rng.choice(("a1", "a2")),
                    start=start,
                    end=start + rng.choice((0, 1, 3, 8, 20, 60)),
                    kind=rng.choice(kinds),  # type: ignore[arg-type]  # a kind of the table
                    message="",
                    severity=rng.choice(("warning", "info")),
                )
            )
        expected: list[Warning] = []
        for w in sorted(found, key=checks._rank):
            if not any(checks._overlap(w, k) for k in expected):
                expected.append(w)
        order = {"a1": 0, "a2": 1}
        expected.sort(key=lambda w: (order[w.article], w.start, w.end))
        assert [(w.article, w.start, w.end, w.kind) for w in checks.finalize(story, found)] == [
            (w.article, w.start, w.end, w.kind) for w in expected
        ]


@pytest.mark.parametrize("weak_key", [False, True])
def test_pairs_sharing_an_n_gram_from_one_n_gram_per_set_of_holders_are_all_the_pairs(
    weak_key: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pairs of articles walked because one crowds an n-gram are found from one n-gram per
    set of holders: all the pairs that joining every holder of every n-gram finds. With a key
    that every set of one size shares, the holders themselves tell the sets apart."""
    import numpy as np

    if weak_key:
        monkeypatch.setattr(batch, "_holder_sums", lambda article, heads: np.zeros_like(heads))
    rng = random.Random(3)
    rows = kept = 0
    for _ in range(200):
        n = rng.randint(2, 12)
        sets = [sorted(rng.sample(range(n), rng.randint(1, n))) for _ in range(rng.randint(1, 6))]
        held = [rng.choice(sets) for _ in range(rng.randint(1, 30))]  # sets recur
        gram = np.array([g for g, those in enumerate(held) for _ in those], dtype=np.int64)
        article = np.array([a for those in held for a in those], dtype=np.int64)
        among = np.array(sorted(rng.sample(range(n), rng.randint(1, n))), dtype=np.int64)
        want = {
            min(x, y) * n + max(x, y)
            for those in held
            for x in those
            for y in those
            if x != y and (x in among or y in among)
        }
        assert batch._pairs_sharing(gram, article, among, n).tolist() == sorted(want)
        rows += len(gram)
        kept += len(batch._one_per_holders(gram, article)[0])
    assert kept < 0.5 * rows  # the recurring sets were left out
