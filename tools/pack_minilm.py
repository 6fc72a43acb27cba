"""Pack all-MiniLM-L6-v2 (safetensors + tokenizer.json) into an int8 npz and a vocab.txt."""

from __future__ import annotations

import argparse
import json
import struct
from pathlib import Path

import numpy as np

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(data[8 + n + a : 8 + n + b], dtype=_DTYPES[info["dtype"]])
        out[name] = arr.reshape(info["shape"])
    return out


def pack(model_dir: Path, out_dir: Path, quantize: bool = True, positions: int = 256) -> None:
    t = read_safetensors(model_dir / "model.safetensors")
    t = {k.removeprefix("bert."): v for k, v in t.items()}
    out: dict[str, np.ndarray] = {}
    for i in range(6):
        p = f"encoder.layer.{i}."
        s = p + "attention.self."
        t[p + "qkv.weight"] = np.concatenate(
            [t[s + n + ".weight"] for n in ("query", "key", "value")]
        )
        t[p + "qkv.bias"] = np.concatenate([t[s + n + ".bias"] for n in ("query", "key", "value")])
        for n in ("query", "key", "value"):
            del t[s + n + ".weight"], t[s + n + ".bias"]
    del t["embeddings.position_ids"]
    t["embeddings.position_embeddings.weight"] = t["embeddings.position_embeddings.weight"][
        :positions
    ]
    for k, v in t.items():
        v = v.astype(np.float32)
        if quantize and v.ndim == 2 and v.shape[0] * v.shape[1] > 100_000:
            scale = np.abs(v).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            out[k + ".q"] = np.round(v / scale[:, None]).astype(np.int8)
            out[k + ".scale"] = scale.astype(np.float32)
        else:
            out[k] = v
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out_dir / "minilm.npz", **out)
    tok = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = tok["model"]["vocab"]
    words = [""] * len(vocab)
    for w, i in vocab.items():
        words[i] = w
    (out_dir / "vocab.txt").write_text("\n".join(words), encoding="utf-8")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--float", action="store_true")
    a = ap.parse_args()
    pack(a.model_dir, a.out_dir, quantize=not a.float)
