"""Sentence embeddings of all-MiniLM-L6-v2 in plain numpy, without torch.

BERT's uncased WordPiece tokenizer and the model's 6-layer encoder, mean pooling and L2
normalisation, as sentence-transformers computes them. The weights (sentence-transformers/
all-MiniLM-L6-v2, Apache-2.0) are read from `data/minilm/minilm.npz`, which
`tools/pack_minilm.py` writes from the upstream safetensors: the large matrices as int8 with one
scale per row (cosines within 0.015 of the float weights), the rest as float32.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import numpy as np

MAX_TOKENS = 256
_LAYERS = 6
_HEADS = 12
_EPS = 1e-12
_WORDS = "embeddings.word_embeddings.weight"


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


class WordPiece:
    """BERT's uncased tokenizer: clean, lowercase, strip accents, split punctuation, WordPiece."""

    def __init__(self, vocab: list[str]) -> None:
        self.ids = {w: i for i, w in enumerate(vocab)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]
        self._cache: dict[str, list[int]] = {}

    def _words(self, text: str) -> list[str]:
        out: list[str] = []
        for ch in text:
            cp = ord(ch)
            if (
                cp == 0
                or cp == 0xFFFD
                or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r")
            ):
                continue
            if ch.isspace() or unicodedata.category(ch) == "Zs":
                out.append(" ")
            elif _is_cjk(cp):
                out.append(f" {ch} ")
            else:
                out.append(ch)
        text = unicodedata.normalize("NFD", "".join(out).lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        words: list[str] = []
        for chunk in text.split():
            cur = ""
            for c in chunk:
                if _is_punct(c):
                    if cur:
                        words.append(cur)
                        cur = ""
                    words.append(c)
                else:
                    cur += c
            if cur:
                words.append(cur)
        return words

    def _pieces(self, word: str) -> list[int]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(word) > 100:
            return [self.unk]
        out: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.ids.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                out = [self.unk]
                break
            out.append(found)
            start = end
        if len(self._cache) < 100_000:
            self._cache[word] = out
        return out

    def encode(self, text: str, limit: int = MAX_TOKENS) -> list[int]:
        ids = [i for w in self._words(text) for i in self._pieces(w)]
        return [self.cls, *ids[: limit - 2], self.sep]


class MiniLM:
    def __init__(self, weights: dict[str, np.ndarray], vocab: list[str]) -> None:
        self.tok = WordPiece(vocab)
        self.w = weights

    @classmethod
    def load(cls, path: Path) -> MiniLM:
        with np.load(path, allow_pickle=False) as z:
            raw = {k: z[k] for k in z.files}
        weights: dict[str, np.ndarray] = {}
        for k, v in raw.items():
            if k.endswith(".q"):
                continue
            if k.endswith(".scale"):
                base = k[: -len(".scale")]
                if base == _WORDS:  # 30522 rows, a few dozen used: dequantised when gathered
                    weights[base + ".q"] = raw[base + ".q"]
                    weights[k] = v.astype(np.float32)
                else:
                    weights[base] = raw[base + ".q"].astype(np.float32) * v[:, None]
            else:
                weights[k] = v.astype(np.float32)
        words = (path.parent / "vocab.txt").read_text(encoding="utf-8").split("\n")
        return cls(weights, words)

    def _layer(self, x: np.ndarray, mask: np.ndarray, i: int) -> np.ndarray:
        w = self.w
        p = f"encoder.layer.{i}."
        b, t, h = x.shape
        d = h // _HEADS
        x2 = x.reshape(b * t, h)
        qkv = (x2 @ w[p + "qkv.weight"].T + w[p + "qkv.bias"]).reshape(b, t, 3 * h)
        q, k, v = np.split(qkv, 3, axis=-1)
        q = q.reshape(b, t, _HEADS, d).transpose(0, 2, 1, 3)
        k = k.reshape(b, t, _HEADS, d).transpose(0, 2, 3, 1)
        v = v.reshape(b, t, _HEADS, d).transpose(0, 2, 1, 3)
        scores = (q @ k) * (1.0 / math.sqrt(d)) + mask[:, None, None, :]
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * t, h)
        att = ctx @ w[p + "attention.output.dense.weight"].T + w[p + "attention.output.dense.bias"]
        x2 = _norm(
            att + x2,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        mid = x2 @ w[p + "intermediate.dense.weight"].T + w[p + "intermediate.dense.bias"]
        mid = _gelu(mid)
        out = mid @ w[p + "output.dense.weight"].T + w[p + "output.dense.bias"]
        return _norm(
            out + x2, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]
        ).reshape(b, t, h)

    def _batch(self, seqs: list[list[int]]) -> np.ndarray:
        """The last layer's token states (sequences x tokens x dimensions), padding included:
        the caller keeps each sequence's own rows."""
        w = self.w
        t = max(len(s) for s in seqs)
        ids = np.zeros((len(seqs), t), dtype=np.int64)
        keep = np.zeros((len(seqs), t), dtype=np.float32)
        for r, s in enumerate(seqs):
            ids[r, : len(s)] = s
            keep[r, : len(s)] = 1.0
        x = (
            w[_WORDS + ".q"][ids].astype(np.float32) * w[_WORDS + ".scale"][ids][..., None]
            + w["embeddings.position_embeddings.weight"][:t][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        mask = (1.0 - keep) * -1e9
        for i in range(_LAYERS):
            x = self._layer(x, mask, i)
        return x

    def embed(self, texts: list[str], batch_tokens: int = 2048) -> np.ndarray:
        """One unit vector per text: the mean of its token states (sentence-transformers'
        pooling, [CLS] and [SEP] included)."""
        return self.encode(texts, batch_tokens)[0]

    def encode(
        self, texts: list[str], batch_tokens: int = 2048
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The pooled unit vectors, and each text's token states as unit rows (one per
        WordPiece of the text, [CLS] and [SEP] left out) for token alignment."""
        seqs = [self.tok.encode(t) for t in texts]
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        dim = self.w["embeddings.LayerNorm.weight"].shape[0]
        pooled = np.zeros((len(seqs), dim), np.float32)
        tokens: list[np.ndarray] = [np.zeros((0, dim), np.float32)] * len(seqs)
        k = 0
        while k < len(order):
            n = 1
            while k + n < len(order) and (n + 1) * len(seqs[order[k + n]]) <= batch_tokens:
                n += 1
            chunk = order[k : k + n]
            states = self._batch([seqs[i] for i in chunk])
            for row, i in enumerate(chunk):
                x = states[row, : len(seqs[i])]
                pooled[i] = _unit(x.mean(axis=0, keepdims=True))[0]
                tokens[i] = _unit(x[1:-1])
            k += n
        return pooled, tokens


def _unit(x: np.ndarray) -> np.ndarray:
    out: np.ndarray = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    return out.astype(np.float32)


def _norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    out: np.ndarray = (x - mu) / np.sqrt(var + _EPS) * g + b
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact (erf) GELU."""
    out: np.ndarray = 0.5 * x * (1.0 + _erf(x * (1.0 / math.sqrt(2.0))))
    return out


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (absolute error under 1.5e-7)."""
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    r = 1.0 - poly * np.exp(-z * z)
    out: np.ndarray = np.copysign(r, x)
    return out
