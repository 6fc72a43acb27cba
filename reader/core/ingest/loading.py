"""Article files to Articles: decoded text, hidden furniture and markup, title, date, source.

The text is kept whole (only newlines are normalised), so every offset the later stages
produce points into what the file said; what a reader should not see is hidden, not cut.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.ingest.article_files import expand_paths, os_reason
from reader.core.ingest.decoding import decode_article
from reader.core.ingest.furniture import Line, find_furniture, is_headline_shaped
from reader.core.ingest.furniture import visible_lines as _visible_lines
from reader.core.ingest.html_page import decode_page, extract_page, looks_like_html
from reader.core.ingest.markdown_text import front_matter, markup_spans
from reader.core.ingest.metadata import read_metadata
from reader.core.model import Article, EmptyArticle, InputError
from reader.core.text.language import detect_language
from reader.core.text.spans import merge_spans

_MARKDOWN_SUFFIXES = (".md", ".markdown")
_TITLE_WORDS = 20
_HEADER_LINES = 12  # where title, date and dateline are looked for


@dataclass(frozen=True)
class _Read:
    path: Path
    text: str
    hidden: list[tuple[int, int]]
    title: str | None
    date: str | None
    source: str | None
    url: str | None


def load_paths(paths: Sequence[Path], notices: list[str] | None = None) -> list[Article]:
    """Articles in input order with ids a1, a2, ...; raises InputError on bad input.

    An empty file is left out (its reason added to `notices`): one blank file in a folder of
    articles must not stop the story. Only when nothing else is left is it an error.
    """
    read: list[_Read] = []
    empty: list[EmptyArticle] = []
    for f in expand_paths(paths):
        try:
            read.append(_read(f))
        except EmptyArticle as exc:
            empty.append(exc)
    if not read and empty:
        raise empty[0]
    if notices is not None:
        notices.extend(f"skipped {exc}" for exc in empty)
    furniture = find_furniture([(r.text, r.hidden) for r in read])
    articles = []
    for i, (r, extra) in enumerate(zip(read, furniture, strict=True), start=1):
        hidden = merge_spans([*r.hidden, *extra])
        title = r.title or _title(r.text, hidden)
        articles.append(
            Article(
                id=f"a{i}",
                name=r.path.name,
                path=str(r.path),
                text=r.text,
                hidden=tuple(hidden),
                title=title,
                date=r.date,
                source=r.source,
                fingerprint=hashlib.sha256(r.text.encode("utf-8")).hexdigest(),
                url=r.url,
            )
        )
        articles[-1] = replace(articles[-1], language=detect_language(visible_text(articles[-1])))
    return articles


def visible_text(article: Article, start: int = 0, end: int | None = None) -> str:
    """What a reader sees of article.text[start:end]: hidden characters left out.

    A Markdown sentence holds hidden markup ("**", a link's "(https://...)"), so a sentence's
    text for display or comparison is this, not the raw slice.
    """
    stop = len(article.text) if end is None else end
    parts: list[str] = []
    pos = start
    for s, e in article.hidden:
        if e <= pos:
            continue
        if s >= stop:
            break
        if s > pos:
            parts.append(article.text[pos:s])
        pos = max(pos, e)
    if pos < stop:
        parts.append(article.text[pos:stop])
    return "".join(parts)


def _read(path: Path) -> _Read:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {os_reason(exc)}") from exc
    markdown = path.suffix.lower() in _MARKDOWN_SUFFIXES
    if looks_like_html(data, path.suffix):
        text = extract_page(decode_page(data, str(path)), where=str(path)).markdown()
        markdown = True
    else:
        text = decode_article(data, str(path))
    hidden: list[tuple[int, int]] = []
    fm, fields = front_matter(text)
    if markdown:
        hidden = markup_spans(text)
    elif fm is not None:
        hidden = [fm]
    lines = _visible_lines(text, merge_spans(hidden), limit=_HEADER_LINES)
    if not lines:
        raise EmptyArticle(f"empty article: {path}")
    meta = read_metadata(text, lines, fields)
    hidden = merge_spans([*hidden, *meta.hidden])
    title = fields.get("title") or None
    return _Read(path, text, hidden, title, meta.date, meta.source, fields.get("url") or None)


def _title(text: str, hidden: Sequence[tuple[int, int]]) -> str | None:
    """The first visible line when it reads as a title: short, no final full stop."""
    lines: list[Line] = _visible_lines(text, hidden, limit=1)
    if not lines:
        return None
    first = lines[0].content
    if len(first.split()) < _TITLE_WORDS and is_headline_shaped(first):
        return first
    return None
