"""Sentence similarity and version alignment for claims (invented text only)."""

from __future__ import annotations

import itertools
import random

from reader.core.claims.alignment import AlignedUnit, _heaviest_chain, align, ordered_share
from reader.core.claims.similarity import (
    SimilarityParams,
    build_sentence_terms,
    extract_terms,
    similarity,
    variant_groups,
)
from reader.core.text.stemming import stem

P = SimilarityParams()


def written(*words: str) -> dict[str, tuple[str]]:
    """Each word as its own key, written only as itself."""
    return {w: (w,) for w in words}


def _scores(texts: list[str]) -> list[list[float]]:
    terms, vocab = build_sentence_terms(texts)
    return [[similarity(a, b, vocab, P) for b in terms] for a in terms]


def test_spelling_variants_share_a_term() -> None:
    groups = variant_groups(written("vantongeren", "vantongeran", "karlsson", "karlson", "harbour"))
    assert groups.get("vantongeran", "vantongeran") == groups.get("vantongeren", "vantongeren")
    assert groups.get("karlson", "karlson") == groups.get("karlsson", "karlsson")
    assert "harbour" not in groups


def test_short_and_unlike_words_are_not_variants() -> None:
    groups = variant_groups(written("seven", "eleven", "paris", "parts", "military", "militants"))
    assert groups == {}


def test_two_dictionary_words_are_two_words_but_spellings_and_derived_forms_join() -> None:
    texts = [
        "Nearly 40 people fled a nearby prison, Peskow said.",
        "A poison killed a Syrian official in Syria; the personal tour of one person was off.",
        "The ministry will organise aid; Peskov said they organize it.",
    ]
    terms, _ = build_sentence_terms(texts)
    key = {t.text.lower(): t.key for st in terms for t in st.terms}
    assert key["nearly"] != key["nearby"] and key["prison"] != key["poison"]
    assert key["peskow"] == key["peskov"]  # not dictionary words: a spelling variant
    assert key["organise"] == key["organize"]  # British and American spelling
    assert key["syrian"] == key["syria"]
    assert key["personal"] != key["person"]  # a short base: not taken as a derived form


def test_hyphenated_words_match_their_parts() -> None:
    (terms,) = extract_terms(["The rebel-held town fell."])
    keys = {t.key for t in terms}
    assert stem("rebels") in keys


def test_names_from_capitalisation_not_position() -> None:
    texts = ["Officials said Brenholt would visit.", "Brenholt arrived on Monday.", "It rained."]
    terms = extract_terms(texts)
    assert any(t.name for t in terms[1] if t.text == "Brenholt")
    assert not any(t.name for t in terms[0] if t.text == "Officials")


def test_paraphrase_scores_above_unrelated_and_identical_scores_one() -> None:
    texts = [
        "The harbour authority closed the port on Tuesday as a storm hit the coast.",
        "On Tuesday the port was closed by the harbour authority when a storm hit.",
        "Farmers expect a poor potato harvest after the dry summer.",
        "The harbour authority closed the port on Tuesday as a storm hit the coast.",
    ]
    s = _scores(texts)
    assert s[0][1] > 0.4
    assert s[0][2] == 0.0
    assert s[0][3] > 0.99
    assert s[0][1] == s[1][0]


def test_names_and_numbers_weigh_more_than_common_words() -> None:
    texts = [
        "Minister Aldgren said 240 workers will lose jobs at the plant.",
        "Minister Aldgren confirmed that 240 jobs are lost.",
        "The minister said that workers at the plant will lose jobs.",
        "Some filler about the weather today.",
        "More filler about trains and buses.",
    ]
    s = _scores(texts)
    assert s[0][1] > s[2][1]


def test_fragments_are_never_similar() -> None:
    s = _scores(["Advertisement", "Advertisement", "The council met on Monday about the budget."])
    assert s[0][1] == 0.0


def test_ordered_share_tells_versions_from_reshuffles() -> None:
    in_order = {(i, i): 0.9 for i in range(10)}
    shuffled = {(i, (i * 7) % 10): 0.9 for i in range(10)}
    assert ordered_share(in_order, 10, 10, 0.5) == 1.0
    assert ordered_share(shuffled, 10, 10, 0.5) < 0.5


def test_align_keeps_order_and_merges_a_split_sentence() -> None:
    # Row 1 was split into cols 1 and 2; the (3, 0) pair is a strong but out-of-order match.
    scores = {(0, 0): 0.8, (1, 1): 0.35, (1, 2): 0.3, (2, 3): 0.7, (3, 4): 0.6, (3, 0): 0.5}

    def merged(rows: tuple[int, ...], cols: tuple[int, ...]) -> float:
        return 0.75 if (rows, cols) == ((1,), (1, 2)) else 0.2

    chain = align(scores, merged, gain_floor=0.1)
    assert [(u.rows, u.cols) for u in chain] == [
        ((0,), (0,)),
        ((1,), (1, 2)),
        ((2,), (3,)),
        ((3,), (4,)),
    ]


def _brute_force(units: list[AlignedUnit], floor: float) -> float:
    best = 0.0
    for r in range(1, len(units) + 1):
        for combo in itertools.combinations(units, r):
            ordered = sorted(combo, key=lambda u: u.rows[0])
            ok = all(
                a.rows[-1] < b.rows[0] and a.cols[-1] < b.cols[0]
                for a, b in itertools.pairwise(ordered)
            )
            if ok:
                best = max(best, sum(u.similarity - floor for u in ordered))
    return best


def test_heaviest_chain_matches_brute_force() -> None:
    rng = random.Random(5)
    for _ in range(40):
        units = []
        for _ in range(rng.randint(1, 8)):
            r, c = rng.randrange(6), rng.randrange(6)
            rows = (r, r + 1) if rng.random() < 0.2 else (r,)
            cols = (c, c + 1) if rng.random() < 0.2 else (c,)
            units.append(AlignedUnit(rows, cols, round(rng.uniform(0.2, 1.0), 2)))
        chain = _heaviest_chain(units, 0.1)
        got = sum(u.similarity - 0.1 for u in chain)
        assert abs(got - _brute_force(units, 0.1)) < 1e-9
        for a, b in itertools.pairwise(chain):
            assert a.rows[-1] < b.rows[0] and a.cols[-1] < b.cols[0]


def test_news_synonyms_share_a_term() -> None:
    """General near-synonyms (troops / soldiers, seized / captured) count as shared words."""
    texts = [
        "Government troops seized the hill town of Varnel after two days of shelling.",
        "Government soldiers captured the hill town of Varnel after two days of shelling.",
        "The regional choir gave a concert in Varnel after two days of rehearsals.",
    ]
    with_syn, vocab = build_sentence_terms(texts)
    without, vocab_plain = build_sentence_terms(texts, synonyms=False)
    assert with_syn[0].keys == with_syn[1].keys
    assert similarity(with_syn[0], with_syn[1], vocab, P) > similarity(
        without[0], without[1], vocab_plain, P
    )
    assert similarity(with_syn[0], with_syn[1], vocab, P) > 2 * similarity(
        with_syn[0], with_syn[2], vocab, P
    )


def test_sharing_only_the_speaker_is_not_sharing_the_statement() -> None:
    """Two remarks by one named speaker score below one remark told in other words."""
    texts = [
        "Harbour spokesman Olav Trelleborg said on Friday that the ferry pier would reopen soon.",
        "Harbour spokesman Olav Trelleborg declined to comment on the dockworkers' pay dispute.",
        "The ferry pier is expected to reopen soon, the harbour authority announced.",
        "Fishing boats crowded the outer basin while gulls circled the market stalls at dawn.",
        "A storm flooded the coastal road near the lighthouse and closed two schools.",
    ]
    terms, vocab = build_sentence_terms(texts)
    speaker_only = similarity(terms[0], terms[1], vocab, P)
    same_statement = similarity(terms[0], terms[2], vocab, P)
    assert same_statement > speaker_only
    plain = SimilarityParams(content=0.0)
    assert similarity(terms[0], terms[1], vocab, plain) > speaker_only


def test_speaker_roles_weigh_like_names() -> None:
    """'Spokesman ... declined to comment' shares who speaks, not what is said."""
    texts = [
        "The ministry spokesman Arvid Holm declined to comment on the closure of the mill.",
        "Arvid Holm, the ministry spokesman, declined to comment on wage talks at the port.",
        "Weavers at the mill in Stava voted to accept the new shift pattern on Monday.",
        "Heavy rain delayed the ferry from the islands for a second day.",
    ]
    roles, vocab = build_sentence_terms(texts)
    plain, vocab_plain = build_sentence_terms(texts, attribution=False)
    assert similarity(roles[0], roles[1], vocab, P) < similarity(plain[0], plain[1], vocab_plain, P)
