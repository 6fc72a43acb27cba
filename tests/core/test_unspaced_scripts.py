"""Chinese and Japanese text (no spaces between words): sentences, shared runs and claims.

Invented sentences. Before, each line was one token and one "heading": nothing was found.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.pipeline import analyse
from reader.core.sentences import split_sentences
from reader.core.text.tokens import tokenize

A = "市政府今天宣布新的交通计划。计划将在明年春天开始实施。市长说，这将减少拥堵。\n"
B = "市政府今天宣布新的交通计划。市长表示，新计划会减少交通拥堵。\n"


def test_each_ideograph_is_a_token_and_spaced_words_stay_whole() -> None:
    words = [t.text for t in tokenize("市长说 Peskov’s x-ray 한국어")]
    assert words == ["市", "长", "说", "Peskov’s", "x-ray", "한국어"]


def test_ideographic_full_stops_end_sentences_without_a_space() -> None:
    spans = split_sentences(A.strip())
    assert [A[s:e] for s, e in spans] == [
        "市政府今天宣布新的交通计划。",
        "计划将在明年春天开始实施。",
        "市长说，这将减少拥堵。",
    ]


def test_a_name_title_after_a_chinese_sentence_is_still_a_title() -> None:
    text = "他说。Mr. Smith left."
    assert [text[s:e] for s, e in split_sentences(text)] == ["他说。", "Mr. Smith left."]


def test_shared_run_and_claims_are_found(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    story = analyse([tmp_path])
    assert any(
        story.article(p.a.article)
        .text[p.a.start : p.a.end]
        .startswith("市政府今天宣布新的交通计划")
        for p in story.passages
    )
    assert len(story.claims) >= 2
    labels = [c.label for c in story.claims]
    assert labels[0].startswith("市政府今天"), labels  # overlapping bigrams joined, not "市政 政府"


def test_reader_counts_each_ideograph_as_a_word(tmp_path: Path) -> None:
    from reader.ui.story_index import StoryIndex

    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    story = analyse([tmp_path])
    a1 = story.articles[0]
    ideographs = sum(1 for c in a1.text if "\u4e00" <= c <= "\u9fff")
    assert StoryIndex(story).stats(a1.id).words == ideographs
