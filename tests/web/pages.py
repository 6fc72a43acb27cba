"""News-site page templates around an article's own text, as outlets publish them.

Each template wraps the paragraphs in what real pages carry around them (menus, a breadcrumb,
a cookie banner, a byline with a reading time, share buttons, "Most read" headlines, a
metered-paywall notice, scripts, JSON-LD, a footer), so that a test can assert that none of it
reaches the text the reader shows. The furniture strings are the templates' own, listed in
FURNITURE; the article text comes from the caller.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

FURNITURE = (
    "Home",
    "World",
    "Middle East",
    "Business",
    "Sign in",
    "Subscribe now",
    "We use cookies to improve your experience",
    "Accept all cookies",
    "min read",
    "Share on Facebook",
    "Most read",
    "Markets slide as investors weigh rate outlook",
    "Ten recipes for a quick weekday dinner",
    "You have read 3 of 5 free articles",
    "About us",
    "Privacy policy",
    "All rights reserved",
    "window.dataLayer",
    "Related coverage",
    "Newsletter",
)


@dataclass(frozen=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]
    date: str = "2020-02-07"
    site: str = "The Daily Example"
    author: str = "Jane Reporter"
    url: str = "https://news.example.org/world/2020/02/07/story"


def split_article(text: str) -> tuple[str, tuple[str, ...]]:
    """A plain-text article to (title, paragraphs): the first line is the title."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    first, *rest = blocks
    lines = first.split("\n")
    if len(lines) > 1:
        return lines[0], (" ".join(lines[1:]), *rest)
    return first, tuple(rest)


def _json_ld(story: Story) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": f"{story.date}T09:30:00Z",
        "author": {"@type": "Person", "name": story.author},
        "publisher": {"@type": "Organization", "name": story.site},
        "mainEntityOfPage": story.url,
    }
    return json.dumps(data).replace("</", "<\\/")


def news_page(story: Story, layout: int = 0) -> str:
    """One of three site layouts (0, 1, 2) around the story."""
    e = html.escape
    paras = "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs)
    half = max(1, len(story.paragraphs) // 2)
    split_paras = (
        "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs[:half])
        + '\n<aside class="related"><h3>Related coverage</h3><ul>'
        + "<li><a href='/a'>Markets slide as investors weigh rate outlook</a></li></ul></aside>\n"
        + "\n".join(f"<p>{e(p)}</p>" for p in story.paragraphs[half:])
    )
    nav = (
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
        "<li><a href='/world/middle-east'>Middle East</a></li>"
        "<li><a href='/business'>Business</a></li><li><a href='/signin'>Sign in</a></li>"
        "<li><a href='/subscribe'>Subscribe now</a></li></ul></nav>"
    )
    cookie = (
        "<div id='cookie-banner' class='cookie-consent'><p>We use cookies to improve your "
        "experience on our site.</p><button>Accept all cookies</button></div>"
    )
    most_read = (
        "<section class='most-read'><h2>Most read</h2><ol>"
        "<li><a href='/x'>Markets slide as investors weigh rate outlook</a></li>"
        "<li><a href='/y'>Ten recipes for a quick weekday dinner</a></li></ol></section>"
    )
    meter = "<div class='paywall-meter'>You have read 3 of 5 free articles this month.</div>"
    footer = (
        "<footer><a href='/about'>About us</a> | <a href='/privacy'>Privacy policy</a> | "
        "<a href='/newsletter'>Newsletter</a><p>© 2020 Example Media. All rights reserved."
        "</p></footer>"
    )
    script = "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({a: 1});</script>"
    head = (
        f"<head><meta charset='utf-8'><title>{e(story.title or story.site)}</title>"
        f"<meta property='og:title' content='{e(story.title)}'>"
        f"<meta property='og:site_name' content='{e(story.site)}'>"
        f"<meta property='og:url' content='{e(story.url)}'>"
        f"<link rel='canonical' href='{e(story.url)}'>"
        f"<meta name='author' content='{e(story.author)}'>"
        f"<script type='application/ld+json'>{_json_ld(story)}</script>{script}</head>"
    )
    byline = (
        f"<div class='byline'>By <a href='/authors/x'>{e(story.author)}</a> · "
        f"<time datetime='{story.date}T09:30:00Z'>{story.date}</time> · 4 min read</div>"
        "<div class='share'><a href='#'>Share on Facebook</a></div>"
    )
    crumbs = (
        "<ol class='breadcrumb'><li><a href='/'>Home</a></li><li><a href='/world'>World</a>"
        "</li><li>Middle East</li></ol>"
    )
    body_parts = [
        nav,
        cookie,
        "<main><article>",
        crumbs if layout != 2 else "",
        f"<h1>{e(story.title)}</h1>" if story.title else "",
        byline,
        split_paras if layout == 1 else paras,
        meter if layout == 2 else "",
        "</article>",
        most_read,
        "</main>",
        footer,
    ]
    return (
        "<!DOCTYPE html>\n<html lang='en'>"
        + head
        + "<body>"
        + "\n".join(body_parts)
        + ("</body></html>")
    )


def as_saved_text(page: str) -> str:
    """The page as a browser's "save as text" writes it: one line a block, markup gone."""
    import re

    page = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", "", page)
    blocks = r"p|div|li|h\d|nav|footer|section|ol|ul|article|main|aside|button"
    page = re.sub(rf"(?i)</?(?:{blocks})\b[^>]*>", "\n", page)
    page = re.sub(r"<[^>]+>", "", page)
    lines = (" ".join(line.split()) for line in html.unescape(page).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
