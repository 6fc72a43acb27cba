"""One page over HTTP(S): a timeout, redirects, a size limit, gzip, conditional requests.

urllib3 (already installed with trafilatura, and imported only when a URL is given) does the
protocol; this module sets the limits a reader of news pages wants and turns every way a
fetch can fail into one line that names the reason.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.core.model import InputError
from reader.web.urls import FetchError, check_url

if TYPE_CHECKING:
    import urllib3

USER_AGENT = f"samestory/{__version__} (a reader comparing news articles)"
MAX_BYTES = 10 * 1024 * 1024  # a news page is under 2 MB; more is not a page we can read
TIMEOUT = 20.0  # seconds for the whole response
MAX_REDIRECTS = 8
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls) -> FetchOptions:
        """SAMESTORY_FETCH_TIMEOUT (seconds) and SAMESTORY_FETCH_MAX_BYTES override the limits;
        a value that is not a positive number is refused in one line."""
        return cls(
            timeout=_positive("SAMESTORY_FETCH_TIMEOUT", TIMEOUT, float),
            max_bytes=int(_positive("SAMESTORY_FETCH_MAX_BYTES", MAX_BYTES, int)),
        )


def _positive(name: str, default: float, kind: type[float] | type[int]) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise InputError(f"{name} must be a positive number, not {raw!r}")
    return value


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200, or 304 when a conditional request found the page unchanged
    content_type: str  # "text/html", lower case, without parameters
    charset: str | None  # as the server declares it
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


def fetch(
    url: str,
    options: FetchOptions | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    pool: urllib3.PoolManager | None = None,
) -> Response:
    """GET url; FetchError with a one-line reason for DNS, refused, timeout, 4xx/5xx, too big."""
    import urllib3

    check_url(url)
    options = options or FetchOptions()
    headers = {
        "User-Agent": options.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    manager = pool or new_pool()
    try:
        resp = manager.request(
            "GET",
            url,
            headers=headers,
            preload_content=False,
            decode_content=True,
            redirect=True,
            retries=urllib3.Retry(total=MAX_REDIRECTS, connect=1, read=0, redirect=MAX_REDIRECTS),
            timeout=urllib3.Timeout(total=options.timeout),
        )
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(_reason(exc, options)) from exc
    try:
        if resp.status == 304:
            return _response(url, resp, b"")
        if resp.status >= 400:
            raise FetchError(f"HTTP {resp.status} {resp.reason or ''}".strip())
        body = _read_limited(resp, options)
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(_reason(exc, options)) from exc
    finally:
        resp.release_conn()
    return _response(url, resp, body)


def new_pool() -> urllib3.PoolManager:
    import urllib3

    return urllib3.PoolManager(num_pools=16, maxsize=4)


def _read_limited(resp: Any, options: FetchOptions) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(
            f"page too large ({int(declared) // 1024} KB; the limit is {_kb(options)})"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.stream(64 * 1024):
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(f"page too large (over {_kb(options)})")
        chunks.append(chunk)
    return b"".join(chunks)


def _kb(options: FetchOptions) -> str:
    return f"{options.max_bytes // 1024} KB"


def _response(url: str, resp: Any, body: bytes) -> Response:
    ctype = resp.headers.get("Content-Type", "")
    charset = _CHARSET.search(ctype)
    final = resp.geturl() or url
    return Response(
        url=url,
        final_url=final if final.startswith(("http://", "https://")) else url,
        status=resp.status,
        content_type=ctype.split(";")[0].strip().lower(),
        charset=charset.group(1) if charset else None,
        body=body,
        etag=resp.headers.get("ETag"),
        last_modified=resp.headers.get("Last-Modified"),
    )


def _reason(exc: Exception, options: FetchOptions) -> str:
    """The cause a user can act on, from urllib3's nested exceptions."""
    import urllib3

    e = urllib3.exceptions
    cause: BaseException = exc
    if isinstance(exc, e.MaxRetryError) and exc.reason is not None:
        cause = exc.reason
    if isinstance(cause, e.MaxRetryError | e.ResponseError) and "redirect" in str(cause):
        return f"too many redirects (over {MAX_REDIRECTS})"
    if isinstance(cause, e.NameResolutionError):
        return "host not found (DNS)"
    if isinstance(cause, e.NewConnectionError):  # a subclass of the timeout errors
        text = str(cause).lower()
        if "refused" in text:
            return "connection refused"
        if "name or service" in text or "resolve" in text or "nodename" in text:
            return "host not found (DNS)"
        return "cannot connect"
    if isinstance(cause, e.TimeoutError):
        return f"timed out after {options.timeout:g} s"
    if isinstance(cause, e.SSLError):
        return "TLS certificate or handshake failed"
    if isinstance(cause, e.ProtocolError):
        return "the connection broke off"
    if isinstance(cause, e.DecodeError):
        return "the compressed body is corrupt"
    return type(cause).__name__
