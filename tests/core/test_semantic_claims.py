"""The semantic claim stage: the numpy MiniLM, the fitted pair model, its grouping and strengths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.core.claims import semantic
from reader.core.claims.linking import find_claims, pair_inputs
from reader.core.claims.pair_model import (
    ALIGNMENT,
    FEATURES,
    PairModel,
    features,
    group,
    load_model,
)
from reader.core.claims.token_alignment import TokenStates, alignment_columns
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Claim
from reader.core.pipeline import analyse, segment
from reader.resources import sample_dir

pytestmark = pytest.mark.skipif(not semantic.available(), reason="semantic stage not installed")


def _cos(a: str, b: str) -> float:
    v = semantic.embed([a, b])
    return float(v[0] @ v[1])


def test_tokenizer_gives_bert_uncased_ids() -> None:
    tok = semantic._model().tok
    assert tok.encode("Hello world") == [101, 7592, 2088, 102]  # [CLS] hello world [SEP]
    assert tok.encode("HÉLLO, world!") == [101, 7592, 1010, 2088, 999, 102]  # accents, punct


def test_embeddings_match_the_upstream_model() -> None:
    """sentence-transformers' documented cosines for all-MiniLM-L6-v2 (0.6660, 0.1046,
    0.1411), within the int8 weights' error."""
    s = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    v = semantic.embed(s)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sims = v @ v.T
    assert sims[0, 1] == pytest.approx(0.6660, abs=0.01)
    assert sims[0, 2] == pytest.approx(0.1046, abs=0.01)
    assert sims[1, 2] == pytest.approx(0.1411, abs=0.01)


def test_paraphrase_is_closer_than_topic() -> None:
    a = "Police arrested the suspect on Monday."
    assert _cos(a, "The suspect was detained by officers on Monday.") > _cos(
        a, "The city council met to discuss the budget."
    )


def test_encode_reads_its_cache_before_the_model() -> None:
    vector = np.zeros(semantic.DIM, dtype=np.float32)
    vector[7] = 1.0
    rows = np.zeros((2, semantic.DIM), dtype=np.float32)
    rows[0, 3] = rows[1, 5] = 1.0
    tokens = TokenStates.quantize([2001, 2002], rows)
    cache = {semantic.content_key("cached sentence"): semantic.to_bytes(vector, tokens)}
    out = semantic.encode(["cached sentence", "a new sentence"], cache)
    assert out.vectors[0].tolist() == vector.tolist()
    assert out.tokens[0].ids.tolist() == [2001, 2002]
    assert np.allclose(out.tokens[0].rows(), rows, atol=0.01)
    assert semantic.content_key("a new sentence") in cache  # computed once, kept
    again = semantic.from_bytes(cache[semantic.content_key("a new sentence")])
    assert again is not None
    assert again[0].tolist() == out.vectors[1].tolist()
    assert again[1].ids.tolist() == out.tokens[1].ids.tolist()


def test_a_cache_entry_of_another_layout_is_encoded_again() -> None:
    """An entry of the first layout (the vector alone) or a torn one is a miss, not garbage."""
    vector = np.zeros(semantic.DIM, dtype=np.float32)
    vector[7] = 1.0
    for blob in (vector.tobytes(), vector.tobytes() + b"\x05\x00\x00\x00" + b"\x00" * 9):
        assert semantic.from_bytes(blob) is None
        cache = {semantic.content_key("old entry"): blob}
        out = semantic.encode(["old entry"], cache)
        assert out.vectors[0][7] != 1.0
        assert len(out.tokens[0].ids) == 2  # "old", "entry"


def test_token_states_are_one_unit_row_per_wordpiece() -> None:
    out = semantic.encode(["Police arrested the suspect."])
    [tokens] = out.tokens
    assert tokens.ids.tolist() == semantic._model().tok.encode("Police arrested the suspect.")[1:-1]
    assert np.allclose(np.linalg.norm(tokens.rows(), axis=1), 1.0, atol=0.02)


def test_a_sentence_that_contains_anothers_proposition_covers_it() -> None:
    """Alignment coverage sees a fact restated inside a longer sentence, where the pooled
    cosine is diluted by what the longer sentence adds."""
    short = "The laptop's battery lasts eight hours on a charge."
    longer = (
        "Apple introduced a new 17-inch laptop on Tuesday, and its battery lasts eight hours "
        "on one charge, while the company also cut the price of its music store."
    )
    other = "The company cut the price of songs in its music store on Tuesday."
    unrelated = "The mayor opened a new bridge over the river."
    meaning = semantic.encode([short, longer, other, unrelated])
    cols = alignment_columns([(0, 1), (0, 2), (0, 3)], meaning.tokens)
    cover = ALIGNMENT.index("align_cover")
    assert cols[0, cover] > cols[1, cover]
    assert cols[0, cover] > cols[2, cover]
    assert cols[0, cover] > float(meaning.vectors[0] @ meaning.vectors[1])


def test_fast_analysis_loads_no_numpy() -> None:
    code = (
        "import sys\n"
        "from reader.core.pipeline import analyse\n"
        "from reader.resources import sample_dir\n"
        "analyse([sample_dir()], semantic=False)\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _model(**kw: float) -> PairModel:
    base = load_model()
    return PairModel(
        base.names, base.mean, base.scale, base.weights, base.bias, **{"floor": 0.3, **kw}
    )


def test_shipped_model_reads_this_codes_features() -> None:
    model = load_model()
    assert model.names == FEATURES
    assert len(model.weights) == len(model.mean) == len(model.scale) == len(FEATURES)
    assert 0.0 < model.join < 1.0 and 0.0 < model.second <= 1.0


def test_a_shared_sentence_never_chains_two_others() -> None:
    """h reads like a and like b, but a and b say different things: no claim holds a and b."""
    article = ["A", "B", "C"]
    a, b, h = 0, 1, 2
    prob = {(a, h): 0.9, (b, h): 0.85, (a, b): 0.02}
    claims = group(article, prob, [], _model(join=0.5, second=0.6, keep=0.2))
    assert claims
    assert not any(a in members and b in members for members, _ in claims)


def test_a_sentence_stating_two_propositions_joins_two_claims() -> None:
    article = ["A", "B", "A", "B", "C"]
    prob = {(0, 1): 0.9, (2, 3): 0.9, (0, 4): 0.8, (1, 4): 0.8, (2, 4): 0.8, (3, 4): 0.8}
    claims = [m for m, _ in group(article, prob, [], _model(join=0.5, second=0.6, keep=0.2))]
    assert sorted(claims) == [(0, 1, 4), (2, 3, 4)]


def test_an_outlet_stating_a_fact_twice_brings_both_sentences() -> None:
    """Sentence 2 of article A matches the claim's other members as well as sentence 0 does:
    with `sibling` it joins (the annotators' claims often hold two sentences of one article);
    without it an article brings one sentence."""
    article = ["A", "B", "A", "C"]
    prob = {(0, 1): 0.9, (0, 3): 0.9, (1, 3): 0.9, (1, 2): 0.85, (2, 3): 0.8, (0, 2): 0.1}
    off = [m for m, _ in group(article, prob, [], _model(join=0.5, second=0.7, keep=0.2))]
    on = [
        m for m, _ in group(article, prob, [], _model(join=0.5, second=0.7, keep=0.2, sibling=0.8))
    ]
    assert off == [(0, 1, 3)]
    assert on == [(0, 1, 2, 3)]
    weak = {**prob, (2, 3): 0.5}  # mean 0.675 to the others: under the threshold
    kept = [m for m, _ in group(article, weak, [], _model(join=0.5, keep=0.2, sibling=0.8))]
    assert kept == [(0, 1, 3)]


def test_a_lexical_member_the_model_rejects_is_dropped() -> None:
    article = ["A", "B", "C"]
    prob = {(0, 1): 0.9, (0, 2): 0.01, (1, 2): 0.01}
    claims = [m for m, _ in group(article, prob, [(0, 1, 2)], _model(join=0.5, keep=0.2))]
    assert claims == [(0, 1)]


def test_strengths_are_each_members_mean_probability() -> None:
    article = ["A", "B", "C"]
    prob = {(0, 1): 0.9, (0, 2): 0.7, (1, 2): 0.5}
    [(members, strengths)] = group(article, prob, [], _model(join=0.5, second=0.9, keep=0.2))
    assert members == (0, 1, 2)
    assert strengths == pytest.approx((0.8, 0.7, 0.6))


def test_sample_claims_carry_strengths_in_story_and_report() -> None:
    story = analyse([sample_dir()])
    assert story.claims
    for claim in story.claims:
        assert len(claim.strengths) == len(claim.members)
        assert all(0.0 <= s <= 1.0 for s in claim.strengths)
    from reader.report.json_report import report_dict

    report = report_dict(story)
    first = report["claims"][0]
    assert {"id", "members", "label", "score", "strengths"} <= set(first)
    assert len(first["strengths"]) == len(first["members"])


def test_semantic_stage_changes_the_claims_of_independent_reports() -> None:
    """On the sample (five outlets) the fitted model regroups; --fast keeps the lexical claims."""
    full = analyse([sample_dir()])
    fast = analyse([sample_dir()], semantic=False)
    assert {c.members for c in full.claims} != {c.members for c in fast.claims}


def test_features_are_finite_and_cover_every_lexical_link() -> None:
    articles = CanonicalOrder(load_paths([sample_dir()])).articles
    sentences = segment(articles)
    text = {a.id: a.text for a in articles}
    meaning = semantic.encode([text[s.article][s.start : s.end] for s in sentences])
    inputs = pair_inputs(articles, sentences, meaning)
    pairs, x = features(inputs, 0.3)
    assert x.shape == (len(pairs), len(FEATURES))
    assert np.isfinite(x).all()
    assert set(inputs.links) <= set(pairs)


def test_claim_strength_falls_back_to_score() -> None:
    c = Claim(id="c1", members=("a1:s1", "a2:s1"), score=0.4)
    assert c.strength("a1:s1") == 0.4
    d = Claim(id="c1", members=("a1:s1", "a2:s1"), score=0.4, strengths=(0.9, 0.2))
    assert d.strength("a2:s1") == 0.2


def test_versions_of_one_text_keep_the_lexical_alignment(tmp_path: Path) -> None:
    """Every article a version of one text: the claims are the lexical ones, with or without
    embeddings."""
    base = (
        "The minister arrived in Paris on Monday. She met the president at noon. "
        "They discussed trade and the border. The talks ended in the evening."
    )
    for k, variant in enumerate((base, base.replace("arrived in", "reached"))):
        (tmp_path / f"v{k}.txt").write_text(variant, encoding="utf-8")
    articles = CanonicalOrder(load_paths([tmp_path])).articles
    sentences = segment(articles)
    text = {a.id: a.text for a in articles}
    meaning = semantic.encode([text[s.article][s.start : s.end] for s in sentences])
    plain = find_claims(articles, sentences)
    with_model = find_claims(articles, sentences, meaning=meaning)
    assert [c.members for c in with_model] == [c.members for c in plain]
