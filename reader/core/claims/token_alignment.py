"""How much of one sentence's wording the other sentence answers, token by token.

A pooled sentence vector averages a sentence's propositions and its topic words together, so two
sentences that state one fact in different words, one of them adding a second fact, can sit at a
middling cosine. Matching each token's contextual state (MiniLM's last layer) to its closest
token in the other sentence, weighted by how rare the token is in the story (BERTScore's
recall, precision and F over story-IDF), says instead how much of each sentence the other one
covers: a sentence that contains the other's proposition covers it whatever else it says. Topic
words that every sentence of the story uses weigh little, so the match rests on the predicate
and the participants. Measured on the two-annotator development stories, these signals lift
the pair model's leave-one-story-out F1 from 0.559 to about 0.60 (tools/train_claim_model.py).

Token states are kept as int8 rows with one scale each: a fifth of the float size in memory
and in the embedding cache, with the same scores (measured: no change in F1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

STRONG = 0.7  # a token whose closest match reaches this cosine counts as answered
PARTNERS = 64  # pairs of one sentence aligned in one matrix product
COLUMNS = ("align_f", "align_cover", "align_both", "align_strong_cover", "align_strong_both")


@dataclass(frozen=True)
class TokenStates:
    """One sentence's tokens: WordPiece ids and unit-length states, int8 with a scale per row."""

    ids: np.ndarray  # int32, one per token
    q: np.ndarray  # int8, tokens x dimensions
    scale: np.ndarray  # float32, one per token

    @classmethod
    def quantize(cls, ids: Sequence[int], rows: np.ndarray) -> TokenStates:
        import numpy as np

        scale = np.maximum(np.abs(rows).max(axis=1), 1e-9) / 127.0 if len(rows) else np.zeros(0)
        q = np.round(rows / scale[:, None]).astype(np.int8) if len(rows) else rows.astype(np.int8)
        return cls(np.asarray(ids, dtype=np.int32), q, scale.astype(np.float32))

    def rows(self) -> np.ndarray:
        import numpy as np

        out: np.ndarray = self.q.astype(np.float32) * self.scale[:, None]
        return out


def story_idf(tokens: Sequence[TokenStates]) -> list[np.ndarray]:
    """Each token's weight: log((n + 1) / (df + 1)) over the story's n sentences, so words
    every sentence shares (the topic, function words) weigh least."""
    import numpy as np

    df: dict[int, int] = {}
    for t in tokens:
        for i in set(t.ids.tolist()):
            df[i] = df.get(i, 0) + 1
    n = len(tokens)
    weight = {i: math.log((n + 1) / (d + 1)) for i, d in df.items()}
    return [np.array([weight[i] for i in t.ids.tolist()], dtype=np.float32) for t in tokens]


def alignment_columns(
    pairs: Sequence[tuple[int, int]], tokens: Sequence[TokenStates]
) -> np.ndarray:
    """One row of COLUMNS per pair: IDF-weighted F of the two coverages, the larger and the
    smaller coverage, and the larger and smaller share of weight whose match is STRONG.

    Pairs are grouped by their first sentence, so one matrix product serves all its partners
    (a story's candidate pairs cost a few products per sentence, not one per pair)."""
    import numpy as np

    out = np.zeros((len(pairs), len(COLUMNS)), dtype=np.float64)
    if not pairs:
        return out
    idf = story_idf(tokens)
    # Every sentence's int8 rows in one array: a sentence's partners are gathered with one
    # index and turned to float once, not one small array per pair.
    sizes = np.array([len(t.ids) for t in tokens], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    dims = next((t.q.shape[1] for t in tokens if len(t.ids)), 1)
    every_q = np.vstack([t.q.reshape(-1, dims) for t in tokens])
    every_scale = np.concatenate([t.scale for t in tokens])
    every_w = np.concatenate(idf)
    by_first: dict[int, list[int]] = {}
    for k, (a, b) in enumerate(pairs):
        if sizes[a] and sizes[b]:
            by_first.setdefault(a, []).append(k)
    # A sentence central to a large story has hundreds of partners: taken PARTNERS at a time,
    # the float copy of their tokens stays a few MB (all at once: 230 MB on 50 articles).
    work = [
        (a, ks[i : i + PARTNERS]) for a, ks in by_first.items() for i in range(0, len(ks), PARTNERS)
    ]
    for a, ks in work:
        rows_a, w_a = tokens[a].rows(), idf[a]
        partners = np.array([pairs[k][1] for k in ks])
        lengths = sizes[partners]
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        # positions of the partners' tokens in the stacked arrays
        at = np.repeat(first[partners] - starts, lengths) + np.arange(int(lengths.sum()))
        other = every_q[at].astype(np.float32)
        other *= every_scale[at, None]
        w_b = every_w[at]
        sims = rows_a @ other.T  # tokens of a x tokens of every partner
        best_a = np.maximum.reduceat(sims, starts, axis=1)  # a's tokens x partners
        best_b = sims.max(axis=0)  # every partner token's best match in a
        total_a = max(float(w_a.sum()), 1e-9)
        total_b = np.maximum(np.add.reduceat(w_b, starts), 1e-9)
        recall = (w_a @ best_a) / total_a
        precision = np.add.reduceat(w_b * best_b, starts) / total_b
        strong_a = (w_a @ (best_a >= STRONG)) / total_a
        strong_b = np.add.reduceat(w_b * (best_b >= STRONG), starts) / total_b
        both = recall + precision
        f = np.where(both > 0, 2 * recall * precision / np.maximum(both, 1e-9), 0.0)
        out[ks] = np.column_stack(
            [
                f,
                np.maximum(recall, precision),
                np.minimum(recall, precision),
                np.maximum(strong_a, strong_b),
                np.minimum(strong_a, strong_b),
            ]
        )
    return out
