"""What the command line was given (paths, URLs, a list file, standard input) to article files.

A URL becomes the article file of its cache entry (fetched now, or read from the cache), so
the loader, the analysis cache and the notes see files whatever the input was. URLs are fetched
side by side; one that fails is named with its reason and the others go on.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.model import InputError
from reader.store.page_cache import PageCache, PageMeta, article_name
from reader.web.http import FetchOptions, Response, fetch, new_pool
from reader.web.urls import FetchError, check_url, is_url

if TYPE_CHECKING:
    from urllib3 import PoolManager

STDIN = "-"
Mode = str  # "cached" (the cache first), "refresh" (ask the server again), "offline"
Progress = Callable[[str, float], None]
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_WORKERS = 8


@dataclass
class Resolved:
    """Article files in the order given, and one line for each input that gave none."""

    paths: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def read_list(path: Path) -> list[str]:
    """A `--from` file: one URL or path per line; blank lines and `#` comments skipped.
    A relative path is taken from the list file's folder, so a list travels with its files."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not a text file"
        raise InputError(f"cannot read the list {path}: {reason}") from exc
    out = []
    for line in lines:
        item = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not item:
            continue
        if not is_url(item) and item != STDIN and not Path(item).is_absolute():
            item = str(path.parent / item)
        out.append(item)
    return out


def stdin_article(cache: PageCache, data: bytes | None = None) -> Path:
    """Standard input kept as an article file (named by its content), so it can be reopened."""
    raw = sys.stdin.buffer.read() if data is None else data
    if not raw.strip():
        raise InputError("standard input is empty")
    folder = cache.root.parent / "stdin"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    suffix = ".html" if raw.lstrip()[:1] == b"<" else ".txt"
    path = folder / f"stdin-{hashlib.sha256(raw).hexdigest()[:12]}{suffix}"
    if not path.exists():
        from reader.store.atomic_file import write_bytes_atomically

        write_bytes_atomically(path, raw)
    return path


def resolve(
    args: Sequence[str],
    mode: Mode = "cached",
    progress: Progress | None = None,
    options: FetchOptions | None = None,
    cache: PageCache | None = None,
) -> Resolved:
    """Paths stay paths; URLs become cached article files; `-` reads standard input once."""
    cache = cache or PageCache()
    options = options or FetchOptions.from_env()
    urls = [a for a in dict.fromkeys(args) if is_url(a)]
    done: dict[str, Path | str] = {}  # url -> article path, or the reason it failed
    if urls:
        done = _fetch_all(urls, mode, cache, options, progress)
    out = Resolved()
    for arg in args:
        if arg == STDIN:
            out.paths.append(stdin_article(cache))
        elif is_url(arg):
            got = done[arg]
            if isinstance(got, Path):
                out.paths.append(got)
            else:
                out.failures.append(f"{arg}: {got}")
        else:
            out.paths.append(Path(arg))
    return out


def _fetch_all(
    urls: list[str],
    mode: Mode,
    cache: PageCache,
    options: FetchOptions,
    progress: Progress | None,
) -> dict[str, Path | str]:
    done: dict[str, Path | str] = {}
    pool = None if mode == "offline" else new_pool()

    def one(url: str) -> tuple[str, Path | str]:
        try:
            return url, _article_of(url, mode, cache, options, pool)
        except FetchError as exc:
            return url, str(exc)
        except InputError as exc:
            return url, str(exc)
        except OSError as exc:
            return url, f"cannot keep the page: {exc.strerror or exc}"

    with ThreadPoolExecutor(max_workers=min(_WORKERS, len(urls))) as ex:
        for url, got in ex.map(one, urls):
            done[url] = got
            if progress is not None:
                progress(f"fetching {len(done)}/{len(urls)}", len(done) / len(urls))
    return done


def _article_of(
    url: str, mode: Mode, cache: PageCache, options: FetchOptions, pool: PoolManager | None
) -> Path:
    check_url(url)
    meta = cache.meta(url)
    if meta is not None and mode != "refresh":
        return cache.folder(url) / meta.article
    if mode == "offline":
        raise FetchError("not in the cache, and --offline forbids fetching it")
    resp = fetch(
        url,
        options,
        etag=meta.etag if meta else None,
        last_modified=meta.last_modified if meta else None,
        pool=pool,
    )
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if resp.status == 304 and meta is not None:
        cache.touch(replace(meta, fetched=now))
        return cache.folder(url) / meta.article
    text, suffix = article_text(resp, now)
    new = PageMeta(
        url=url,
        final_url=resp.final_url,
        content_type=resp.content_type,
        charset=resp.charset,
        etag=resp.etag,
        last_modified=resp.last_modified,
        fetched=now,
        article=article_name(resp.final_url, suffix),
    )
    return cache.save(new, resp.body, text)


def article_text(resp: Response, fetched: str) -> tuple[str, str]:
    """The article file's text and suffix made of a response: a page through the extractor,
    plain text as it came; anything else refused with its type."""
    from reader.core.ingest.html_page import decode_page, extract_page, looks_like_html

    ctype = resp.content_type
    if ctype and ctype not in _TEXT_TYPES and not looks_like_html(resp.body):
        raise FetchError(f"not a web page or text ({ctype})")
    if not resp.body.strip():
        raise FetchError("the page is empty")
    text = decode_page(resp.body, resp.final_url, declared=resp.charset)
    if ctype in ("text/plain", "text/markdown") and not looks_like_html(resp.body):
        return text, ".txt" if ctype == "text/plain" else ".md"
    page = extract_page(text, url=resp.final_url, where=resp.final_url)  # url: canonical, else this
    return page.markdown(fetched=fetched), ".md"
