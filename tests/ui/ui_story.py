# ruff: noqa: E501  (article paragraphs are one line each, as in real files)
"""A small hand-made story for the reader's tests and snapshots (invented text).

It holds everything the reader shows (shared passages seen by two and three articles, claims,
warnings with evidence and suggestions, discrepancies, hidden furniture, markup-like text and an
escape code), and it never changes when the engine improves.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import re
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from reader.core.model import (
    Article,
    Claim,
    Discrepancy,
    Location,
    Sentence,
    SharedPassage,
    Story,
    Value,
    Warning,
)

if TYPE_CHECKING:
    from reader.ui.app import SameStoryApp

SHARE = "Share this article"
MORE = "Read more: weather on the coast"

A1 = f"""{SHARE}

Velmora reopened its harbour bridge on Tuesday after a storm closed it for nine days. About 1,200 workers repaired the deck and the cables, the town council said.

Mayor Anna Kessler thanked the crews and said the bridge was safer than before. Traffic returned within an hour of the opening.

The storm had cut the town off from the northern villages. Ferries carried food and fuel across the bay while the bridge was closed.

Engineers will inspect the cables again in the spring.

{MORE}
"""

A2 = """Velmora reopened its harbour bridge on Wednesday after a storm closed it for nine days. About 1,500 workers repaired the deck and the cables, the town council said.

Kessler thanked the crews and said the bridge was safer than before. Shops near the harbour reported long queues.

The storm had cut the town off from the northern villages. Ferries carried food and fuel across the bay while the bridge was closed.
"""

A3 = """The bridge of Velmora is again open since Tuesday. The mayoress Anna Kesler said you that the bridge is more safe than before.

She thanked the crews. The works cost [bold]3 million[/bold] euros, reported the council. \x1b[31mThe storm had cut the town off from the northern villages.

Some inhabitants remain sceptical.
"""

A4 = """Velmora's harbour bridge is open again. The storm had cut the town off from the northern villages. Ferries carried food and fuel across the bay while the bridge was closed.
"""

TEXTS = {
    "a1": ("coastal-courier.txt", "Coastal Courier", "Harbour bridge reopens", "2024-03-05", A1),
    "a2": ("daily-lantern.txt", "Daily Lantern", "Bridge back in service", "2024-03-06", A2),
    "a3": ("mt-digest.txt", "MT Digest", "The bridge is again open", "2024-03-05", A3),
    "a4": ("brief.md", None, None, None, A4),
}

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def _sentences(article: Article) -> list[Sentence]:
    out = []
    for m in _SENTENCE.finditer(article.text):
        s, e = m.start(), m.end()
        while s < e and article.text[s].isspace():
            s += 1
        if e > s and not article.is_hidden(s):
            i = len(out)
            out.append(Sentence(f"{article.id}:s{i + 1}", article.id, i, s, e))
    return out


def fixture_story() -> Story:
    articles = []
    for aid, (name, source, title, date, text) in TEXTS.items():
        hidden: tuple[tuple[int, int], ...] = ()
        if aid == "a1":
            s1, s2 = text.index(SHARE), text.index(MORE)
            hidden = ((s1, s1 + len(SHARE)), (s2, s2 + len(MORE)))
        articles.append(
            Article(
                id=aid,
                name=name,
                path=f"/stories/bridge/{name}",
                text=text,
                hidden=hidden,
                title=title,
                date=date,
                source=source,
                fingerprint=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
    by_id = {a.id: a for a in articles}
    sentences = [s for a in articles for s in _sentences(a)]

    def sid(aid: str, start: str) -> str:
        text = by_id[aid].text
        for s in sentences:
            if s.article == aid and text[s.start : s.end].startswith(start):
                return s.id
        raise KeyError(start)

    def loc(aid: str, phrase: str) -> Location:
        i = by_id[aid].text.index(phrase)
        return Location(aid, i, i + len(phrase))

    claims = [
        Claim(
            "c1",
            (
                sid("a1", "Velmora reopened"),
                sid("a2", "Velmora reopened"),
                sid("a3", "The bridge of"),
                sid("a4", "Velmora's"),
            ),
            "bridge reopened",
            0.8,
        ),
        Claim("c2", (sid("a1", "About 1,200"), sid("a2", "About 1,500")), "workers", 0.9),
        Claim(
            "c3",
            (sid("a1", "Mayor Anna"), sid("a2", "Kessler thanked"), sid("a3", "The mayoress")),
            "mayor thanks crews",
            0.7,
        ),
        Claim(
            "c4",
            (
                sid("a1", "The storm had"),
                sid("a2", "The storm had"),
                sid("a3", "\x1b[31mThe storm"),
                sid("a4", "The storm had"),
            ),
            "storm",
            1.0,
        ),
        Claim(
            "c5", (sid("a1", "Ferries"), sid("a2", "Ferries"), sid("a4", "Ferries")), "ferries", 1.0
        ),
    ]
    storm = "The storm had cut the town off from the northern villages."
    ferries = "Ferries carried food and fuel across the bay while the bridge was closed."
    opening = "harbour bridge on "
    repaired = "workers repaired the deck and the cables, the town council said."
    passages = [
        SharedPassage(loc("a1", storm), loc("a2", storm), 1.0),
        SharedPassage(loc("a1", storm), loc("a4", storm), 1.0),
        SharedPassage(loc("a2", storm), loc("a4", storm), 1.0),
        SharedPassage(loc("a1", storm), loc("a3", storm), 1.0),
        SharedPassage(loc("a1", ferries), loc("a2", ferries), 1.0),
        SharedPassage(loc("a1", ferries), loc("a4", ferries), 1.0),
        SharedPassage(loc("a1", opening), loc("a2", opening), 1.0),
        SharedPassage(loc("a1", repaired), loc("a2", repaired), 1.0),
        SharedPassage(
            loc("a1", "thanked the crews and said the bridge was safer than before."),
            loc("a2", "thanked the crews and said the bridge was safer than before."),
            1.0,
        ),
    ]
    a3 = by_id["a3"].text
    warnings = [
        Warning(
            "w1",
            "a3",
            a3.index("said you"),
            a3.index("said you") + 8,
            "pronoun",
            "“you” where the others report a plain statement (German “Sie”?)",
            "said that",
            (sid("a1", "Mayor Anna"),),
            rule="pronoun-sie",
        ),
        Warning(
            "w2",
            "a3",
            a3.index("Kesler"),
            a3.index("Kesler") + 6,
            "spelling-variant",
            "“Kesler” differs from “Kessler” in the other articles",
            "Kessler",
            (sid("a1", "Mayor Anna"), sid("a2", "Kessler thanked")),
            rule="name-variant",
        ),
        Warning(
            "w3",
            "a3",
            a3.index("more safe"),
            a3.index("more safe") + 9,
            "calque",
            "comparative built word for word",
            "safer",
            ("rule:comparative",),
            severity="info",
            rule="comparative",
        ),
    ]
    a1, a2 = by_id["a1"].text, by_id["a2"].text
    discrepancies = [
        Discrepancy(
            "c2",
            "number",
            "number of workers differs",
            (
                Value("a1", a1.index("1,200"), a1.index("1,200") + 5, "1,200", "1200"),
                Value("a2", a2.index("1,500"), a2.index("1,500") + 5, "1,500", "1500"),
            ),
        ),
        Discrepancy(
            "c1",
            "day",
            "reopening day differs",
            (
                Value("a1", a1.index("Tuesday"), a1.index("Tuesday") + 7, "Tuesday", "tuesday"),
                Value(
                    "a2", a2.index("Wednesday"), a2.index("Wednesday") + 9, "Wednesday", "wednesday"
                ),
                Value("a3", a3.index("Tuesday"), a3.index("Tuesday") + 7, "Tuesday", "tuesday"),
            ),
        ),
    ]
    return Story(articles, sentences, claims, passages, warnings, discrepancies)


def gutter_at(app: SameStoryApp, article: str, offset: int) -> str:
    """The gutter cells (change mark, review mark, note mark) beside the row holding `offset`."""
    column = next(c for c in app.reader.columns if c.article_id == article)
    text = column.text
    assert text._layout is not None
    return text.render_line(text._layout.line_of(offset) - int(text.scroll_y)).text[:3]


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test without an asyncio pytest plugin (none is a dependency)."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper
