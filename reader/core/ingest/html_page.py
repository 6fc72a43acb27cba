"""A saved or fetched web page to the article it carries, as a Markdown document.

News pages wrap a few paragraphs in menus, cookie banners, "Most read" lists, scripts and
footers. The main text is taken by trafilatura (a library made for news pages; imported only
when a page is given, so reading plain-text stories costs nothing), with paragraphs and
headings kept, and the page's metadata (JSON-LD `NewsArticle`, OpenGraph, `<time>`, `<meta>`)
read into front matter. The result is the same Markdown document `samestory fetch` saves, so a
page read as a file, as a URL or from a fetched folder gives one text, and notes stay anchored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.ingest.decoding import decode_article
from reader.core.model import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Fewer words than this is not an article but what a page shows instead of one (a menu, a
# login form, "subscribe to read"): a news brief runs to a few sentences, 40 words and more.
MIN_WORDS = 25
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
_FRONT_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    """What a page says: the body as Markdown, and what the page tells of itself."""

    body: str
    title: str | None = None
    date: str | None = None  # yyyy-mm-dd
    source: str | None = None  # the site's name
    author: str | None = None
    url: str | None = None  # canonical where the page names one

    def markdown(self, fetched: str | None = None) -> str:
        """The page as a Markdown article that the loader reads back: front matter (source,
        date, author, url, fetched), then the title as a heading, then the body.

        The title is written once, as the heading (the loader takes a leading heading as the
        title): a second copy in the front matter would sit in the text a reader's quotes are
        searched in.
        """
        fields = [
            ("source", self.source),
            ("date", self.date),
            ("author", self.author),
            ("url", self.url),
            ("fetched", fetched),
        ]
        lines = ["---", *(f"{k}: {_front_value(v)}" for k, v in fields if v), "---"]
        head = "\n".join(lines) + "\n\n" if len(lines) > 2 else ""
        body = self.body.strip()
        heading = f"# {_one_line(self.title)}" if self.title else ""
        if heading and not body.startswith(heading):  # the extractor keeps an <h1> it found
            body = heading + "\n\n" + body
        return head + body + "\n"


def looks_like_html(data: bytes, suffix: str = "") -> bool:
    """A page by its name, or by its first bytes whatever its name (a page saved as .txt)."""
    if suffix.lower() in HTML_SUFFIXES:
        return True
    return _HTML_START.match(data[:4096]) is not None


def decode_page(data: bytes, where: str, declared: str | None = None) -> str:
    """A page's text: the charset the server or the page declares when the bytes are valid in
    it, else what the bytes are (a page declaring latin-1 while sending UTF-8 is common)."""
    names = [declared] if declared else []
    found = _META_CHARSET.search(data[:8192])
    if found:
        names.append(found.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        if name.lower().replace("-", "") in ("iso88591", "latin1", "cp1252", "windows1252"):
            try:  # declared as Western but valid UTF-8 with multi-byte characters: UTF-8
                utf8 = data.decode("utf-8")
            except UnicodeDecodeError:
                return text.lstrip("\ufeff")
            if any(ord(c) > 0x7F for c in utf8):
                return utf8.lstrip("\ufeff")
        return text.lstrip("\ufeff")
    return decode_article(data, where)


def extract_page(html: str, url: str | None = None, where: str = "page") -> Page:
    """The article of a page; InputError when the page holds no article text."""
    import trafilatura  # heavy (lxml, date parsing): only when a page is read
    from trafilatura.xml import xmltotxt

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=True,
        favor_precision=True,
    )
    body = "" if doc is None else xmltotxt(getattr(doc, "body", None), include_formatting=True)
    words = len(re.findall(r"\w+", body))
    if doc is None or words < MIN_WORDS:
        raise InputError(
            f"no article text found in {where}"
            + (f" ({words} words: a menu, a login page or a paywall stub?)" if words else "")
        )
    meta = doc if isinstance(doc, dict) else doc.as_dict()
    return Page(
        body=body,
        title=_clean(meta.get("title")),
        date=_iso_date(meta.get("date")),
        source=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        author=_clean(meta.get("author")),
        url=_clean(meta.get("url")) or url,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _iso_date(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return None


def _one_line(text: str) -> str:
    return " ".join(_FRONT_UNSAFE.sub(" ", text).split())


def _front_value(value: str) -> str:
    """A front-matter value on one line, quoted so that a colon or a quote stays text."""
    flat = _one_line(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{flat}"'
