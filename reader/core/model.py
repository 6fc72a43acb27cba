"""The analysed story: every layer above core reads these dataclasses and nothing else.

Offsets are Python `str` indices into `Article.text`, start inclusive, end exclusive.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from reader.core.text.spans import merge_spans

Severity = Literal["info", "warning"]
WarningKind = Literal[
    "casing",
    "spelling-variant",
    "transliteration",
    "pronoun",
    "calque",
    "wrong-title",
    "wrong-word",
    "quotes",
    "other",
]


class InputError(Exception):
    """Bad input the user can fix; the CLI prints it as one line and exits non-zero."""


class EmptyArticle(InputError):
    """A file with no words in it: left out of a story with a notice, an error only when no
    article is left."""


@dataclass(frozen=True)
class Article:
    id: str  # "a1", "a2", ... in input order
    name: str  # the input file's base name
    path: str
    text: str  # decoded, newlines as "\n"; every offset points here
    hidden: tuple[tuple[int, int], ...] = ()  # page furniture: kept in text, never shown
    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd where known
    source: str | None = None
    fingerprint: str = ""  # sha256 of text: identifies the article across paths and renames
    url: str | None = None  # the page's address, for an article read from the web
    language: str = ""  # ISO 639-1 ("en", "de", "zh"), "und" when the text does not say

    def is_hidden(self, pos: int) -> bool:
        if not self.hidden:
            return False
        starts, ends = self._hidden_runs
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < ends[k]

    def hides_any(self, start: int, end: int) -> bool:
        """Whether hidden text meets [start, end): a hidden run starts before its end and ends
        after its start (an empty span at a point inside hidden text meets it)."""
        if not self.hidden:
            return False
        starts, ends = self._hidden_runs
        k = bisect_right(ends, start)  # the first run ending past start
        return k < len(starts) and starts[k] < end

    @cached_property
    def _hidden_runs(self) -> tuple[list[int], list[int]]:
        """The hidden spans' union in order (text.spans.merge_spans), as starts and ends for
        bisection. A page of 100,000 one-line paragraphs of furniture, each asked about, took
        minutes."""
        merged = merge_spans(self.hidden)
        return [s for s, _ in merged], [e for _, e in merged]


@dataclass(frozen=True)
class Sentence:
    id: str  # "a1:s1"
    article: str
    index: int  # 0-based position within its article
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """Sentences of different articles that report the same fact or statement."""

    id: str  # "c1"
    members: tuple[str, ...]  # sentence ids, at least two articles
    label: str = ""
    score: float = 0.0  # mean pair similarity, 0..1
    # How sure each member's correspondence is, 0..1, parallel to `members`: its mean pair
    # probability with the other articles' members (semantic stage), else its mean lexical
    # similarity to them. Empty for claims built elsewhere.
    strengths: tuple[float, ...] = ()

    def strength(self, sentence_id: str) -> float:
        """A member's strength (the claim's score when none was computed)."""
        if self.strengths and sentence_id in self.members:
            return self.strengths[self.members.index(sentence_id)]
        return self.score


@dataclass(frozen=True)
class Location:
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SharedPassage:
    """A run of text two articles share word for word or nearly so."""

    a: Location
    b: Location
    similarity: float


@dataclass(frozen=True)
class Warning:
    """A likely translation artifact or text error, with what supports it."""

    id: str
    article: str
    start: int
    end: int
    kind: WarningKind
    message: str
    suggestion: str | None = None
    evidence: tuple[str, ...] = ()  # sentence ids of other articles, or "rule:<name>"
    severity: Severity = "warning"
    rule: str = ""


@dataclass(frozen=True)
class Value:
    article: str
    start: int
    end: int
    text: str
    normalized: str = ""  # the comparable value, e.g. "580000" or "wednesday"


@dataclass(frozen=True)
class Discrepancy:
    """A fact that the articles of one claim state differently."""

    claim: str
    kind: str  # number, date, day, name
    message: str
    values: tuple[Value, ...]

    @property
    def detail(self) -> str:
        """The message without a leading "day:" that repeats the kind, for lines that show it."""
        prefix = f"{self.kind}:"
        return (
            self.message[len(prefix) :].lstrip()
            if self.message.startswith(prefix)
            else self.message
        )


@dataclass
class Story:
    """The whole analysis. Build it complete; its look-up tables are cached on first use."""

    articles: list[Article]
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    passages: Sequence[SharedPassage] = field(default_factory=list)  # a PassageTable from core
    warnings: list[Warning] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    notices: tuple[str, ...] = ()  # what the input held that the story leaves out, and why

    def article(self, article_id: str) -> Article:
        return self._articles_by_id[article_id]

    def sentence(self, sentence_id: str) -> Sentence:
        return self._sentences_by_id[sentence_id]

    def sentences_of(self, article_id: str) -> list[Sentence]:
        return self._sentences_by_article.get(article_id, [])

    def text_of(self, sentence: Sentence) -> str:
        return self.article(sentence.article).text[sentence.start : sentence.end]

    def claims_of(self, sentence_id: str) -> list[Claim]:
        return self._claims_by_sentence.get(sentence_id, [])

    def label(self, article_id: str) -> str:
        """What the reader calls an article: its source when that names it alone, else its file
        (two translations that both carry a "(Xinhua)" dateline are told apart by their files)."""
        return self._labels[article_id]

    def sentence_at(self, article_id: str, pos: int) -> Sentence | None:
        """The article's sentence holding offset `pos`, if one does. An article's sentences do
        not overlap, so it is the last one starting at or before `pos` (found by bisection:
        the checks ask for every match, and a scan made that quadratic in a long article)."""
        starts, ordered = self._sentence_starts.get(article_id, ((), ()))
        k = bisect_right(starts, pos) - 1
        return ordered[k] if k >= 0 and pos < ordered[k].end else None

    @cached_property
    def _articles_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _labels(self) -> dict[str, str]:
        sources = Counter(a.source.casefold() for a in self.articles if a.source)
        return {
            a.id: a.source if a.source and sources[a.source.casefold()] == 1 else a.name
            for a in self.articles
        }

    @cached_property
    def _sentences_by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def _sentence_starts(self) -> dict[str, tuple[tuple[int, ...], tuple[Sentence, ...]]]:
        """Each article's sentences by where they start, and those starts."""
        out = {}
        for article_id, found in self._sentences_by_article.items():
            ordered = tuple(sorted(found, key=lambda s: s.start))
            out[article_id] = (tuple(s.start for s in ordered), ordered)
        return out

    @cached_property
    def _sentences_by_article(self) -> dict[str, list[Sentence]]:
        out: dict[str, list[Sentence]] = {}
        for s in self.sentences:
            out.setdefault(s.article, []).append(s)
        return out

    @cached_property
    def _claims_by_sentence(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {}
        for c in self.claims:
            for m in c.members:
                out.setdefault(m, []).append(c)
        return out
