"""The semantic stage: sentence embeddings and token states for the claim model, cached by
sentence content.

Everything heavy (numpy, the 21 MB of weights) is imported or read only when embeddings are
asked for, so a story opened with the semantic stage off (`--fast`) starts as before. The
weights are part of the package; nothing is downloaded. Without numpy or the weights the stage
reports itself unavailable and the claims stay lexical.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.claims.token_alignment import TokenStates

if TYPE_CHECKING:
    import numpy as np

    from reader.core.claims.minilm import MiniLM

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "minilm"
MODEL_ID = "all-MiniLM-L6-v2/int8-2"  # part of every cache key: new weights or entry layout
DIM = 384

EmbeddingCache = MutableMapping[str, bytes]
Progress = Callable[[float], None]


def available() -> bool:
    """Whether embeddings can be computed here (numpy importable, weights installed)."""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return (MODEL_DIR / "minilm.npz").is_file() and (MODEL_DIR / "vocab.txt").is_file()


@cache
def _model() -> MiniLM:
    from reader.core.claims.minilm import MiniLM

    return MiniLM.load(MODEL_DIR / "minilm.npz")


def content_key(text: str) -> str:
    """The cache key of one sentence's embedding: the model and the exact text."""
    return hashlib.sha1(f"{MODEL_ID}\0{text}".encode()).hexdigest()


@dataclass(frozen=True)
class Meaning:
    """What the semantic stage knows of each sentence: its pooled unit vector (a row of
    `vectors`) and its token states (token_alignment.py)."""

    vectors: np.ndarray
    tokens: Sequence[TokenStates]


def to_bytes(vector: np.ndarray, tokens: TokenStates) -> bytes:
    """A cache entry: the vector (float32), the token count, then ids, scales and int8 rows."""
    import numpy as np

    n = np.array([len(tokens.ids)], dtype=np.uint32)
    return b"".join(
        (
            vector.astype(np.float32).tobytes(),
            n.tobytes(),
            tokens.ids.astype(np.int32).tobytes(),
            tokens.scale.astype(np.float32).tobytes(),
            tokens.q.astype(np.int8).tobytes(),
        )
    )


def from_bytes(blob: bytes) -> tuple[np.ndarray, TokenStates] | None:
    """The entry `to_bytes` wrote, or None for anything else (an older layout, a torn write)."""
    import numpy as np

    head = DIM * 4
    if len(blob) < head + 4:
        return None
    n = int(np.frombuffer(blob, dtype=np.uint32, count=1, offset=head)[0])
    at = head + 4
    if len(blob) != at + n * (4 + 4 + DIM):
        return None
    vector = np.frombuffer(blob, dtype=np.float32, count=DIM).copy()
    ids = np.frombuffer(blob, dtype=np.int32, count=n, offset=at).copy()
    scale = np.frombuffer(blob, dtype=np.float32, count=n, offset=at + 4 * n).copy()
    q = np.frombuffer(blob, dtype=np.int8, count=n * DIM, offset=at + 8 * n).reshape(n, DIM)
    return vector, TokenStates(ids, q.copy(), scale)


def encode(
    texts: Sequence[str],
    cache: EmbeddingCache | None = None,
    progress: Progress | None = None,
    batch: int = 64,
) -> Meaning:
    """Vectors and token states of `texts`; sentences found in `cache` are not encoded."""
    import numpy as np

    vectors = np.zeros((len(texts), DIM), dtype=np.float32)
    tokens: list[TokenStates | None] = [None] * len(texts)
    todo: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        key = content_key(text)
        hit = cache.get(key) if cache is not None else None
        entry = from_bytes(hit) if hit is not None else None
        if entry is not None:
            vectors[i], tokens[i] = entry
        else:
            todo.setdefault(key, []).append(i)
    keys = list(todo)
    for start in range(0, len(keys), batch):
        model = _model()
        part_keys = keys[start : start + batch]
        part = [texts[todo[k][0]] for k in part_keys]
        pooled, states = model.encode(part)
        for key, text, vector, rows in zip(part_keys, part, pooled, states, strict=True):
            found = TokenStates.quantize(model.tok.encode(text)[1 : 1 + len(rows)], rows)
            for i in todo[key]:
                vectors[i], tokens[i] = vector, found
            if cache is not None:
                cache[key] = to_bytes(vector, found)
        if progress is not None:
            progress(min(1.0, (start + len(part)) / len(keys)))
    return Meaning(vectors, [t for t in tokens if t is not None])


def embed(
    texts: Sequence[str],
    cache: EmbeddingCache | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """Unit vectors (len(texts) x 384, float32): `encode` without the token states."""
    return encode(texts, cache, progress).vectors
