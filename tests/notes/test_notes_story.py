"""Invented stories for the notes tests (builders), and a check that the builders hold up."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from reader.core.model import Article, Claim, Sentence, Story

FIRST = (
    "The river rose by three metres on Tuesday night. Residents of the lower town were moved "
    "to the school on the hill. The mayor said the bridge would stay closed until Friday. "
    "Volunteers filled sandbags through the night. The weather office expects more rain."
)
SECOND = (
    "Volunteers worked until dawn. The river rose by three metres on Tuesday night, officials "
    "said. The mayor said the bridge would stay closed until Saturday. Families from the lower "
    "town slept in the school on the hill. More rain is expected, the weather office said."
)
TEXTS = {"first.txt": FIRST, "second.txt": SECOND}
# claims as (sentence index in first, sentence index in second)
CLAIM_PAIRS = ((0, 1), (1, 3), (2, 2), (4, 4))


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sentences_of(article: Article) -> list[Sentence]:
    out = []
    for i, m in enumerate(re.finditer(r"[^.]+\.", article.text)):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        out.append(Sentence(f"{article.id}:s{i + 1}", article.id, i, start, m.end()))
    return out


def make_story(
    texts: dict[str, str] | None = None,
    pairs: tuple[tuple[int, int], ...] | None = None,
) -> Story:
    texts = TEXTS if texts is None else texts
    articles = [
        Article(id=f"a{i}", name=name, path=f"/x/{name}", text=t, fingerprint=fingerprint(t))
        for i, (name, t) in enumerate(texts.items(), start=1)
    ]
    sentences = [s for a in articles for s in sentences_of(a)]
    claims: list[Claim] = []
    if len(articles) >= 2:
        for k, (i, j) in enumerate(CLAIM_PAIRS if pairs is None else pairs, start=1):
            claims.append(Claim(f"c{k}", (f"a1:s{i + 1}", f"a2:s{j + 1}")))
    return Story(articles=articles, sentences=sentences, claims=claims)


def write_story(directory: Path, texts: dict[str, str] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in (TEXTS if texts is None else texts).items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def test_builder_sentences_are_exact() -> None:
    story = make_story()
    assert (
        story.text_of(story.sentence("a1:s1")) == "The river rose by three metres on Tuesday night."
    )
    assert story.text_of(story.sentence("a2:s3")).endswith("until Saturday.")
    assert story.claims[0].members == ("a1:s1", "a2:s2")
