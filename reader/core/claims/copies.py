"""Near-copies: sentences that repeat an earlier sentence of another article almost word for word.

Where hundreds of articles copy one story, each copied sentence stands in hundreds of them, so
every word of it is common and the claims' candidate index (linking._candidates), bounded to
keep the pairs it proposes in hand, indexes none of them: at 500 generated articles only 4% of
the sentences ended in a claim. There the claims are found between the first copies (roots)
alone, and every other copy follows the root it copies into the root's claims.

Copies are found in near-linear time: each sentence's terms are summarised by MinHash (the
least of several hashes over its term keys; two sets agree on one with the probability of their
Jaccard similarity), sentences agreeing on a band of hashes fall in one bucket, and a sentence
is compared only with the roots that head its buckets, never with all the others. A copy
attaches to a root directly (no chains: a copy of a copy is compared with the root).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

from reader.core.claims.similarity import SentenceTerms

BANDS = 6  # buckets per sentence: a pair with Jaccard 0.85 shares one with p = 0.9995
ROWS = 2  # hashes a band's key is made of
_PRIME = (1 << 31) - 1  # hashes are taken modulo this (products stay within 64 bits)
_SEED = 0x5A3E  # the hash functions' coefficients come from this seed (the same in any run)


def near_copies(
    terms: Sequence[SentenceTerms],
    article: Sequence[str],
    similarity: Callable[[int, int], float],
    near: float,
    min_terms: int,
) -> list[tuple[int, float]]:
    """For each sentence, the earlier sentence of another article it copies (`similarity` at
    least `near`) and that similarity; itself and 1.0 where it copies none: a root. Sentences
    with fewer than `min_terms` terms are roots (too short to tell a copy from a chance)."""
    import numpy as np  # here: only a story too large for the candidate index reads copies

    root = [(i, 1.0) for i in range(len(terms))]
    counted = [i for i, st in enumerate(terms) if len(st.keys) >= min_terms]
    if not counted:
        return root
    number: dict[str, int] = {}
    flat: list[int] = []
    starts: list[int] = []
    for i in counted:
        starts.append(len(flat))
        # A key's hashes come from its text, and a minimum from any order: nothing here
        # depends on the order of a set.
        flat.extend(number.setdefault(k, len(number)) for k in terms[i].keys)
    keys = np.fromiter(
        (zlib.crc32(k.encode("utf-8")) for k in number), dtype=np.uint64, count=len(number)
    )
    rng = np.random.default_rng(_SEED)
    hashes = BANDS * ROWS
    a = rng.integers(1, _PRIME, size=(hashes, 1), dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=(hashes, 1), dtype=np.uint64)
    per_key = (a * keys[np.newaxis, :] + b) % np.uint64(_PRIME)  # hashes x keys
    signature = np.minimum.reduceat(per_key[:, np.asarray(flat)], np.asarray(starts), axis=1)
    bands = signature.reshape(BANDS, ROWS, len(counted))
    bucket_keys = (bands[:, 0, :] << np.uint64(31)) | bands[:, 1, :]  # bands x sentences
    rows = bucket_keys.T.tolist()  # each sentence's bucket keys, band by band
    heads: list[dict[int, int]] = [{} for _ in range(BANDS)]
    for i, keys_of_i in zip(counted, rows, strict=True):
        best, best_sim = i, near
        seen: set[int] = set()
        for band, key in enumerate(keys_of_i):
            head = heads[band].get(key)
            if head is None or head in seen or article[head] == article[i]:
                continue
            seen.add(head)
            s = similarity(head, i)
            if s >= best_sim and (best == i or s > best_sim):
                best, best_sim = head, s
        if best != i:
            root[i] = (best, best_sim)
            continue
        for band, key in enumerate(keys_of_i):
            heads[band].setdefault(key, i)
    return root
