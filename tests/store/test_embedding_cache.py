"""The embedding cache: by content, across instances, harmless when the file is unusable."""

from __future__ import annotations

from pathlib import Path

from reader.store.embedding_cache import EmbeddingCache


def test_round_trip_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "emb.sqlite"
    with EmbeddingCache(path) as cache:
        cache["k1"] = b"\x01\x02"
        assert cache["k1"] == b"\x01\x02"  # before the flush too
    with EmbeddingCache(path) as again:
        assert again.get("k1") == b"\x01\x02"
        assert again.get("k2") is None
        assert list(again) == ["k1"]


def test_an_unusable_file_only_means_misses(tmp_path: Path) -> None:
    folder = tmp_path / "a-directory.sqlite"
    folder.mkdir()
    with EmbeddingCache(folder) as cache:
        cache["k"] = b"x"
        cache.flush()
        assert cache.get("other") is None
