"""The slot memo of the consensus word check gives what diffing every pair gives.

`SlotMemo` skips the diff for equal sequences and for pairs its word counts rule out, keeps
one matcher per sentence and answers repeated pairs from memory; `slot_spans` diffs each pair
from scratch with difflib. Both run here on random near-copies (one or a few words replaced,
inserted, deleted or moved, repeated words, empty sentences) and must agree on every pair.
"""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from reader.core.checks.word_slots import NEAR_COPY, SlotMemo, Words, slot_spans


def _edited(rng: random.Random, words: list[str], vocab: list[str]) -> list[str]:
    out = list(words)
    for _ in range(rng.randint(0, 4)):
        edit = rng.random()
        at = rng.randint(0, len(out))
        if edit < 0.4 and out:
            out[min(at, len(out) - 1)] = rng.choice(vocab)
        elif edit < 0.6:
            out[at:at] = [rng.choice(vocab) for _ in range(rng.randint(1, 3))]
        elif edit < 0.8 and out:
            del out[at : at + rng.randint(1, 3)]
        elif out:
            moved = out.pop(min(at, len(out) - 1))
            out.insert(rng.randint(0, len(out)), moved)
    return out


def _sentences(seed: int) -> list[Words]:
    """Families of versions of a few sentences, some repeated word for word, some unrelated."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(30)] + ["the", "of", "a"] * 6
    out: list[Words] = [(), ("the",)]
    for _ in range(12):
        base = [rng.choice(vocab) for _ in range(rng.randint(1, 25))]
        for _ in range(rng.randint(1, 6)):
            out.append(tuple(_edited(rng, base, vocab)))
        out.append(tuple(base))
    out += [tuple(rng.choice(vocab) for _ in range(rng.randint(1, 12))) for _ in range(10)]
    return out


def test_the_memo_gives_the_slots_of_a_diff_of_every_pair() -> None:
    checked = found = 0
    for seed in range(6):
        sentences = _sentences(seed)
        memo = SlotMemo()
        rng = random.Random(seed)
        asked = [(a, b) for a in sentences for b in sentences]
        asked += rng.sample(asked, len(asked) // 3)  # repeated pairs, out of order
        for mine, theirs in asked:
            # A copy of an equal sequence is another object: found by value, not identity.
            expected = tuple(slot_spans(mine, theirs))
            assert memo.spans(tuple(mine), theirs) == expected, (mine, theirs)
            assert memo.spans(mine, theirs) == expected, (mine, theirs)
            checked += 1
            found += bool(expected)
    assert found > 100 and checked > 2 * found  # slots were found, and ruled out, often


def test_the_count_test_is_difflib_quick_ratio() -> None:
    """Pairs at the NEAR_COPY boundary, with repeated words on either side."""
    memo = SlotMemo()
    rng = random.Random(7)
    for _ in range(3000):
        vocab = ["a", "b", "c", "d", "e", "f"][: rng.randint(1, 6)]
        mine = tuple(rng.choice(vocab) for _ in range(rng.randint(0, 9)))
        theirs = tuple(rng.choice(vocab) for _ in range(rng.randint(0, 9)))
        m = SequenceMatcher(None, theirs, mine, autojunk=False)
        plain = m.real_quick_ratio() >= NEAR_COPY and m.quick_ratio() >= NEAR_COPY
        assert memo.near_copies(mine, theirs) == plain, (mine, theirs)
