"""Token alignment (claims/token_alignment.py) on made-up token states: no model needed."""

from __future__ import annotations

import numpy as np
import pytest

from reader.core.claims import token_alignment as ta


def _states(rng: np.random.Generator, n: int, vocab: int = 60) -> ta.TokenStates:
    rows = rng.normal(size=(n, 16)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return ta.TokenStates.quantize(rng.integers(1000, 1000 + vocab, n).tolist(), rows)


def test_partners_taken_in_slices_give_the_same_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    tokens = [_states(rng, int(rng.integers(1, 20))) for _ in range(120)]
    pairs = [(0, b) for b in range(1, 120)] + [
        (a, b) for a in range(1, 30) for b in range(a + 1, 40)
    ]
    whole = ta.alignment_columns(pairs, tokens)
    monkeypatch.setattr(ta, "PARTNERS", 7)
    sliced = ta.alignment_columns(pairs, tokens)
    assert np.allclose(whole, sliced, atol=1e-6)


def test_a_sentence_aligned_with_itself_covers_all_of_it() -> None:
    rng = np.random.default_rng(5)
    one = _states(rng, 9)
    other = _states(rng, 9)
    cols = ta.alignment_columns([(0, 1), (0, 2)], [one, one, other])
    assert cols[0].tolist() == pytest.approx([1.0] * len(ta.COLUMNS), abs=0.02)
    assert (cols[1] < cols[0]).all()


def test_a_sentence_without_tokens_aligns_with_nothing() -> None:
    rng = np.random.default_rng(7)
    empty = ta.TokenStates.quantize([], np.zeros((0, 16), np.float32))
    cols = ta.alignment_columns([(0, 1)], [empty, _states(rng, 4)])
    assert cols.tolist() == [[0.0] * len(ta.COLUMNS)]
