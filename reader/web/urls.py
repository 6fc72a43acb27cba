"""What counts as a URL on the command line, and which URLs are read (stdlib only: the command
line asks this of every input before deciding whether the web code is needed at all)."""

from __future__ import annotations

from urllib.parse import urlsplit


class FetchError(Exception):
    """A page that could not be had, with the reason in words ("timed out after 20 s")."""


def is_url(arg: str) -> bool:
    """Whether an argument names a URL (any scheme://), not a path: other schemes are refused
    with their name rather than looked for as files."""
    head, sep, _ = arg.partition("://")
    return bool(sep) and head.isalpha() and "/" not in head


def check_url(url: str) -> None:
    """Only http and https, with a host: anything else is refused before any network."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs are read, not {parts.scheme or 'this'}")
    if not parts.hostname:
        raise FetchError("no host in the URL")
