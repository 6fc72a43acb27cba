"""The claims-at-scale benchmark: the generator's record of where each sentence came from is
the text it writes, and the carried gold's rule is score.py's."""

from __future__ import annotations

from pathlib import Path

from benchmarks.claims_at_scale import SampleGold, score
from benchmarks.generate import (
    OWN,
    article_name,
    article_sentences,
    article_text,
    generate,
    pool_sentences,
)


def test_every_written_sentence_has_its_recorded_source(tmp_path: Path) -> None:
    generate(tmp_path, articles=4, words=300, seed=5)
    made = article_sentences(4, 300, seed=5)
    pool = [" ".join(text.split()) for _, text in pool_sentences()]
    for n, sentences in enumerate(made):
        written = (tmp_path / article_name(n)).read_text("utf-8")
        text, spans = article_text(n, sentences)
        assert written == text
        assert [
            text[start : start + len(s)]
            for start, (s, _) in zip([start for start, _ in spans], sentences, strict=True)
        ] == [s for s, _ in sentences]
        assert [source for _, source in spans] == [source for _, source in sentences]
        copied = [source for _, source in sentences if source != OWN]
        assert copied and all(0 <= source < len(pool) for source in copied)


def test_the_rule_requires_copies_and_what_every_annotation_requires() -> None:
    one, both = frozenset({"0:x"}), frozenset({"1:x"})
    gold = SampleGold(
        required=[[one, one, frozenset()], [both, frozenset(), frozenset()]],
        member=[one | both, one, both],
    )
    assert gold.must_link(2, 2)  # two copies of one sentence
    assert not gold.must_link(0, 1)  # the second annotation does not require it
    assert gold.may_link(0, 1) and gold.may_link(0, 2)  # some annotation allows each
    assert not gold.may_link(1, 2)


def test_a_story_of_copies_is_scored_on_its_linked_pairs(tmp_path: Path) -> None:
    generate(tmp_path, articles=6, words=300, seed=2)
    sentences = len(pool_sentences())
    nothing = [frozenset[str]()] * sentences
    m = score(tmp_path, 6, 300, 2, SampleGold(required=[nothing], member=nothing))
    # Without gold claims, only copies of one sentence must be linked, and only they may be.
    assert m["required"] > 0 and m["linked"] > 0
    assert 0.0 < m["precision"] <= 1.0 and 0.0 < m["recall"] <= 1.0
