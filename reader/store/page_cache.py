"""Fetched pages kept in the cache directory, so a story of URLs reopens offline, unchanged.

One folder per URL (named by a hash of it) holds what the server sent (`page.bin`), what we
know of it (`meta.json`: final URL, ETag, Last-Modified, content type, fetch time) and the
article made of it (`<site>-<slug>.md` or `.txt`), which is what the loader reads: the same
text every time, so notes stay anchored, until `--refresh` finds the page changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from reader.store.atomic_file import write_bytes_atomically, write_text_atomically
from reader.store.paths import cache_dir

_SLUG = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True)
class PageMeta:
    url: str
    final_url: str
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    fetched: str  # ISO 8601, UTC
    article: str  # the article file's name in the entry's folder


def article_name(url: str, suffix: str) -> str:
    """A file name a reader recognises in a column header: site and last path segment."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    last = segments[-1] if segments else "index"
    last = re.sub(r"\.(?:s?html?|php|aspx?)$", "", last, flags=re.I)
    slug = _SLUG.sub("-", f"{host}-{last}").strip("-")[:80] or "page"
    return slug + suffix


class PageCache:
    """The fetched pages under one root (the cache directory's `pages/`)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else cache_dir() / "pages"

    def folder(self, url: str) -> Path:
        return self.root / hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]

    def meta(self, url: str) -> PageMeta | None:
        """What is cached for url, or None (never fetched, or the entry is damaged)."""
        try:
            data = json.loads((self.folder(url) / "meta.json").read_text(encoding="utf-8"))
            meta = PageMeta(**data)
        except (OSError, ValueError, TypeError):
            return None
        return meta if (self.folder(url) / meta.article).is_file() else None

    def article(self, url: str) -> Path | None:
        meta = self.meta(url)
        return None if meta is None else self.folder(url) / meta.article

    def save(self, meta: PageMeta, body: bytes, article_text: str) -> Path:
        """Keep a fetched page and its article; returns the article's path."""
        folder = self.folder(meta.url)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_bytes_atomically(folder / "page.bin", body)
        article = folder / meta.article
        write_text_atomically(article, article_text)
        write_text_atomically(folder / "meta.json", json.dumps(asdict(meta), indent=1))
        return article

    def touch(self, meta: PageMeta) -> None:
        """A conditional request found the page unchanged: note when it was checked."""
        folder = self.folder(meta.url)
        write_text_atomically(folder / "meta.json", json.dumps(asdict(meta), indent=1))
