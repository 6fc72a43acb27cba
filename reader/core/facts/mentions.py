"""Mentions: every amount, day and date of a sentence, with what it counts and the words around it.

A mention knows its counted thing (the stems of the noun phrase after a figure, head last), the
capitalised words among them ("Syrian" soldiers), the event word before it ("killed" two), the
content words around it, and its place among its sentence's mentions of one kind. Publication
datelines are left out; "yesterday" in a dated article is resolved to a weekday.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from reader.core.claims.lexicon import synonym_keys
from reader.core.facts.amounts import Amount, find_mentions
from reader.core.facts.dates import TimeRef
from reader.core.facts.figure_values import CJK_MEASURES
from reader.core.facts.figure_words import CJK_NUMERALS, WEEKDAYS, is_number_word
from reader.core.model import Sentence, Story, Value
from reader.core.text.stemming import stem as term_stem
from reader.core.text.stemming import stem_head
from reader.core.text.tokens import STOPWORDS, Token, normalize_word, norms, tokenize
from reader.core.text.words import UNSPACED

LEFT_WORDS = 6  # content words before a mention that describe it
RIGHT_WORDS = 4


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    return normalize_word(word)


def head_stem(word: str) -> str:
    """A word as written, as the readable singular stem of a counted thing ("soldiers" ->
    "soldier", "casualties" -> "casualty", "children" -> "child")."""
    return stem_head(_norm(word))


@lru_cache(maxsize=1 << 16)
def _context_stem(norm: str) -> str | None:
    """What a word in its matching form (`Token.norm`) adds to a mention's context: its
    `head_stem`, or None for no context word. A sentence's words are read once for all its
    mentions, and a story's words repeat: one cached call per word."""
    return head_stem(norm) if is_context_word(norm) else None


def is_context_word(norm: str) -> bool:
    """A word that describes a mention or a sentence: no function word, letter or figure (a
    Chinese or Japanese character is a word of its own, one character long)."""
    if len(norm) == 1:
        return _UNSPACED_CHAR.fullmatch(norm) is not None and norm not in CJK_NUMERALS
    return norm not in STOPWORDS and not norm[0].isdigit()


_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")


@dataclass(frozen=True)
class Mention:
    sentence: Sentence
    kind: str  # "number", "day", "date"
    start: int
    end: int
    text: str
    normalized: str
    amount: Amount | None
    time: TimeRef | None
    dimension: str  # amounts: "count", "length"...; times: "time"
    head: str  # stem of the counted thing, "" when none
    modifiers: frozenset[str]  # stems of the words before the head: "turkish", "military"
    context: frozenset[str]
    proper: frozenset[str] = frozenset()  # capitalised modifiers: "Syrian" soldiers, "Turkish" dead
    action: str = ""  # the event word right before a figure: "shot" three, "killed" two
    rank: tuple[int, int] = (0, 1)  # place among its sentence's mentions of this dimension

    @cached_property
    def article(self) -> str:
        """The article's id, kept: pairing asks it of every candidate."""
        return self.sentence.article

    @cached_property
    def key(self) -> tuple[str, int]:
        """(article, start): names the mention in groups of thousands of links, once."""
        return (self.sentence.article, self.start)

    def value(self) -> Value:
        return Value(self.article, self.start, self.end, self.text, self.normalized)


# Prepositions and the like that end the noun phrase after a figure.
_NOT_IN_PHRASE = frozenset(
    """near across inside outside within without toward towards along behind beyond despite
    including per via ago upon onto beside besides except amid amidst throughout like unlike
    versus whom whose each apiece respectively""".split()
)


def _phrase_after(tokens: list[Token], k: int, text: str) -> list[str]:
    """The counted thing: stems of the noun phrase right after the amount, head last."""
    if k < len(tokens) and _UNSPACED_CHAR.fullmatch(tokens[k].text):
        return _unspaced_phrase(tokens, k)
    words: list[str] = []
    last_end = tokens[k - 1].end if k > 0 else 0
    while k < len(tokens):
        tok = tokens[k]
        gap = text[last_end : tok.start]
        if any(c in gap for c in ',;:()\u2013\u2014"“”'):
            break
        norm = _norm(tok.text)
        if norm in ("and", "or") and words and k + 1 < len(tokens):
            if is_number_word(_norm(tokens[k + 1].text)):
                break
            last_end = tok.end
            k += 1
            continue
        if norm == "of" and not words:
            last_end = tok.end
            k += 1
            continue
        if (
            not is_context_word(norm)
            or norm in _NOT_IN_PHRASE
            or (words and norm.endswith(("ing", "ed", "ly")))
        ):
            break
        words.append(head_stem(tok.text))
        last_end = tok.end
        k += 1
        if len(words) == 3:
            break
    return words


# Characters that end a Chinese noun phrase: prepositions, particles, conjunctions, verbs of
# being ("8名土耳其士兵在周一…": the soldiers, then "在" on Monday).
_CJK_PHRASE_ENDS = frozenset("在的于被和与及是了将已从对向为中把到由也都")
_CJK_PHRASE_CHARS = 6


def _unspaced_phrase(tokens: list[Token], k: int) -> list[str]:
    """The counted thing in Chinese or Japanese: the characters after the measure word ("名")
    up to a particle or preposition, as one word ("土耳其士兵")."""
    if tokens[k].text in CJK_MEASURES:
        k += 1
    chars: list[str] = []
    while (
        k < len(tokens)
        and len(chars) < _CJK_PHRASE_CHARS
        and _UNSPACED_CHAR.fullmatch(tokens[k].text)
        and tokens[k].text not in _CJK_PHRASE_ENDS
        and (not chars or tokens[k - 1].end == tokens[k].start)
    ):
        chars.append(tokens[k].text)
        k += 1
    return ["".join(chars)] if chars else []


_BEFORE_FIGURE = frozenset("the a an all its their his her some".split())


def _action(tokens: list[Token], first: int, text: str) -> str:
    """What happened to the counted things, from the word just before the figure ("shot three
    co-workers", "killing two"), as a news synonym key (data/news_synonyms.toml); "" if none."""
    table = synonym_keys(term_stem)
    end = tokens[first].start if first < len(tokens) else len(text)
    for k in range(first - 1, max(first - 3, -1), -1):
        if any(c in text[tokens[k].end : end] for c in ',;:()\u2013\u2014"“”'):
            return ""
        norm = _norm(tokens[k].text)
        key = table.get(norm) or table.get(term_stem(norm))
        if key:
            return key
        if norm not in _BEFORE_FIGURE:
            return ""
        end = tokens[k].start
    return ""


class _Words:
    """A sentence's words as its mentions read them, worked out once for all its mentions:
    where each word starts and ends, and its context words (the place of each, and the stem
    `head_stem` gives its matching form)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.tokens = tokens = tokenize(text, start, end)
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]
        stems = [_context_stem(n) for n in norms(text, start, end)]
        self.at = [i for i, stem in enumerate(stems) if stem is not None]
        self.stems = [stem for stem in stems if stem is not None]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The first word ending after `start` and the first word starting at or after `end`
        (offsets rise word by word, so bisection finds them)."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)

    def context(self, first: int, after: int, skip: set[str]) -> frozenset[str]:
        """The stems of the last LEFT_WORDS context words before word `first` and of the first
        RIGHT_WORDS from word `after` on, less `skip`."""
        left, right = bisect_left(self.at, first), bisect_left(self.at, after)
        before = self.stems[max(0, left - LEFT_WORDS) : left]
        return frozenset(before + self.stems[right : right + RIGHT_WORDS]) - skip


_AFTER_DATELINE = re.compile(r"\s*(?:\d{1,2}\s?:\s?\d{2}|\n|[-–—|])")
_AFTER_STAMP = re.compile(r"\s*(?:\d{1,2}\s?:\s?\d{2}\s?[AaPp]\.?[Mm]\b|\|)")


def _is_dateline(text: str, sentence: Sentence, ref: TimeRef) -> bool:
    """A publication date heading the text ("September 10, 2012 4:15 PM A judge ..."), or a
    page's time stamp anywhere ("Friday, Sep 10, 2010 | Updated 9:28 AM"): it dates the
    article, not the event."""
    if ref.kind != "date":
        return False
    if _AFTER_STAMP.match(text, ref.end) is not None:
        return True
    if text[sentence.start : ref.start].strip(" \t\n*_#([") != "":
        return False
    return _AFTER_DATELINE.match(text, ref.end) is not None


def _stamps(text: str, sentence: Sentence, times: list[TimeRef]) -> set[int]:
    """Starts of the time stamps among a sentence's days and dates, with the weekday that
    heads one ("Friday, Sep 10, 2010 | Updated")."""
    out: set[int] = set()
    for i, r in enumerate(times):
        if _is_dateline(text, sentence, r):
            out.add(r.start)
            before = times[i - 1] if i else None
            joined = before is not None and text[before.end : r.start].strip() in ("", ",")
            if before is not None and before.kind == "day" and joined:
                out.add(before.start)
    return out


@dataclass(frozen=True)
class FigureFacets:
    """What a sentence's words say of one of its amounts: the counted thing (head, and the
    words before it), the context words, the capitalised modifiers, the event word."""

    amount: Amount
    head: str
    modifiers: frozenset[str]
    context: frozenset[str]
    proper: frozenset[str]
    action: str


@dataclass(frozen=True)
class Facets:
    """Everything of a sentence's mentions that its own text decides: its amounts with their
    facets, and all its days and dates (time stamps among them too) with their context words.
    Which are time stamps, what "yesterday" means, and the ranks are settled per sentence
    (`mentions_from`): they read the article's text after the sentence and its date."""

    figures: tuple[FigureFacets, ...]
    times: tuple[tuple[TimeRef, frozenset[str]], ...]


NO_FACETS = Facets((), ())


def facets_of(text: str, start: int, end: int) -> Facets:
    """The facets of the mentions of text[start:end].

    Besides the sentence, only a few characters around it are read, by `find_mentions` (see
    `repeated_sentences.WINDOW_BEFORE`). The word before a figure, the counted thing and the
    context words are read among the sentence's words: an amount holds a word of its own, so
    there is always a word at or after its start and one before its end."""
    amounts, times = find_mentions(text, start, end)
    if not amounts and not times:
        return NO_FACETS
    words = _Words(text, start, end)
    tokens = words.tokens
    figures = []
    for a in amounts:
        first, after = words.span(a.start, a.end)
        phrase = _phrase_after(tokens, after, text)
        modifiers = frozenset(phrase[:-1])
        proper = frozenset(
            _norm(t.text)
            for t in tokens[after : after + len(phrase) + 2]
            if t.text[:1].isupper() and _norm(t.text) in modifiers
        )
        figures.append(
            FigureFacets(
                amount=a,
                head=phrase[-1] if phrase else "",
                modifiers=modifiers,
                context=words.context(first, after, set(phrase)),
                proper=proper,
                action=_action(tokens, first, text),
            )
        )
    return Facets(
        tuple(figures), tuple((r, words.context(*words.span(r.start, r.end), set())) for r in times)
    )


def mentions_of(story: Story, sentence: Sentence) -> list[Mention]:
    """Every amount, day and date in a sentence, with what it counts and the words around it."""
    text = story.article(sentence.article).text
    return mentions_from(story, sentence, facets_of(text, sentence.start, sentence.end))


def mentions_from(story: Story, sentence: Sentence, facets: Facets) -> list[Mention]:
    """A sentence's mentions from the facets of its text: time stamps left out, "yesterday"
    resolved by the article's date, and each mention ranked."""
    if facets is NO_FACETS:
        return []
    article = story.article(sentence.article)
    out: list[Mention] = []
    for f in facets.figures:
        a = f.amount
        out.append(
            Mention(
                sentence=sentence,
                kind="number",
                start=a.start,
                end=a.end,
                text=a.text,
                normalized=a.normalized,
                amount=a,
                time=None,
                dimension=a.dimension,
                head=f.head,
                modifiers=f.modifiers,
                context=f.context,
                proper=f.proper,
                action=f.action,
            )
        )
    stamps = _stamps(article.text, sentence, [r for r, _ in facets.times])
    for r, context in facets.times:
        if r.start in stamps:
            continue
        r = _resolved(r, article.date)
        out.append(
            Mention(
                sentence=sentence,
                kind="day" if r.kind in ("day", "relative") else "date",
                start=r.start,
                end=r.end,
                text=r.text,
                normalized=r.normalized,
                amount=None,
                time=r,
                dimension="time",
                head="",
                modifiers=frozenset(),
                context=context,
            )
        )
    return _ranked(out)


_DAYS_BACK = {"today": 0, "yesterday": 1}


def _resolved(ref: TimeRef, dated: str | None) -> TimeRef:
    """ "Yesterday" in an article dated Tuesday is Monday: a weekday like any other."""
    back = _DAYS_BACK.get(ref.normalized) if ref.kind == "relative" else None
    if back is None or dated is None:
        return ref
    try:
        day = datetime.date.fromisoformat(dated) - datetime.timedelta(days=back)
    except ValueError:
        return ref
    return replace(ref, kind="day", normalized=WEEKDAYS[day.weekday()])


def _ranked(mentions: list[Mention]) -> list[Mention]:
    """Each mention with its place among the sentence's mentions of its kind and dimension.
    A sentence's mentions of one kind start at different offsets, so none equals another and
    its place is where it stands; the one mention of its sort keeps the default rank."""
    sorts = [(m.kind, m.dimension) for m in mentions]
    total = Counter(sorts)
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for m, sort in zip(mentions, sorts, strict=True):
        rank = (seen[sort], total[sort])
        seen[sort] += 1
        out.append(m if rank == m.rank else replace(m, rank=rank))
    return out
