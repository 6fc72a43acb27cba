"""The semantic stage: sentence embeddings for the claim model, cached by sentence content.

Everything heavy (numpy, the 21 MB of weights) is imported or read only when embeddings are
asked for, so a story opened with the semantic stage off (`--fast`) starts as before. The
weights are part of the package; nothing is downloaded. Without numpy or the weights the stage
reports itself unavailable and the claims stay lexical.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from reader.core.claims.minilm import MiniLM

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "minilm"
MODEL_ID = "all-MiniLM-L6-v2/int8-1"  # part of every cache key: new weights, new entries
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


def embed(
    texts: Sequence[str],
    cache: EmbeddingCache | None = None,
    progress: Progress | None = None,
    batch: int = 64,
) -> np.ndarray:
    """Unit vectors (len(texts) x 384, float32); sentences found in `cache` are not encoded."""
    import numpy as np

    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        key = content_key(text)
        hit = cache.get(key) if cache is not None else None
        if hit is not None and len(hit) == DIM * 4:
            out[i] = np.frombuffer(hit, dtype=np.float32)
        else:
            todo.setdefault(key, []).append(i)
    keys = list(todo)
    for start in range(0, len(keys), batch):
        part = keys[start : start + batch]
        vectors = _model().embed([texts[todo[k][0]] for k in part])
        for key, vector in zip(part, vectors, strict=True):
            out[todo[key]] = vector
            if cache is not None:
                cache[key] = vector.astype(np.float32).tobytes()
        if progress is not None:
            progress(min(1.0, (start + len(part)) / len(keys)))
    return out
