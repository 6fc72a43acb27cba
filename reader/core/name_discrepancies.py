"""Names that differ: the same statement, one name swapped ("John Smith" / "James Smith").

Two sentences of one claim that read alike but for part of a name or a title in the same place
("Foreign Minister Anna Berg" / "Defence Minister Anna Berg") disagree about who acted. Only a
name phrase that keeps its last word counts: a whole name replaced ("Moscow" / "the Kremlin")
is as often the same actor in other words, and a spelling variant ("Peskow" / "Peskov") is the
warnings' business.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from reader.core.model import Discrepancy, Sentence, Story, Value
from reader.core.tokens import STOPWORDS, Token, runs, tokenize

MIN_ALIKE = 0.6  # share of words two sentences must have in order to be one statement
MAX_SWAP = 3  # words of a name that may differ
MAX_SPELLING = 0.7  # two words this alike are one name spelled differently
HEADLINE_SHARE = 0.5  # a sentence with more capitalised words than this is a headline


def _capitals(tokens: list[Token]) -> list[bool]:
    """Which words belong to a name: capitalised, but not a function word that opens the
    sentence ("From February"); "He" inside a sentence is a name ("Patient He Ying")."""
    return [
        t.text[:1].isupper() and t.text[:1].isalpha() and (k > 0 or t.norm not in STOPWORDS)
        for k, t in enumerate(tokens)
    ]


def _headline(capital: list[bool]) -> bool:
    """Title case ("Medical Price Cuts Take Effect"): every word looks like a name."""
    return sum(capital) > HEADLINE_SHARE * len(capital)


def _names(tokens: list[Token], capital: list[bool], text: str) -> list[tuple[int, int]]:
    """The capitalised runs of a sentence (a name with its title), words single-spaced."""

    def joins(j: int) -> bool:
        return capital[j] and text[tokens[j - 1].end : tokens[j].start] == " "

    return runs(capital, joins)


@dataclass(frozen=True)
class _Phrase:
    span: tuple[int, int]  # token range
    words: tuple[str, ...]
    slot: tuple[str, str]  # the words just before and after it


@dataclass(frozen=True)
class _Words:
    """A sentence as the name comparison reads it, worked out once per sentence."""

    sentence: Sentence
    text: str
    tokens: list[Token]
    names: frozenset[str]  # the words of its name phrases
    vocabulary: frozenset[str]
    headline: bool
    by_last: dict[str, list[_Phrase]]  # name phrases by their last word

    @classmethod
    def of(cls, story: Story, s: Sentence) -> _Words:
        text = story.article(s.article).text
        tokens = tokenize(text, s.start, s.end)
        norms = [t.norm for t in tokens]
        capital = _capitals(tokens)
        by_last: dict[str, list[_Phrase]] = {}
        for i, j in _names(tokens, capital, text):
            if norms[j - 1] in STOPWORDS:
                continue  # "9:28 AM The plant": no name ends with "The"
            slot = (norms[i - 1] if i else "", norms[j] if j < len(norms) else "")
            by_last.setdefault(norms[j - 1], []).append(_Phrase((i, j), tuple(norms[i:j]), slot))
        names = frozenset(n for n, c in zip(norms, capital, strict=True) if c)
        headline = _headline(capital)
        return cls(s, text, tokens, names, frozenset(norms), headline, by_last)


def _swaps(a: _Words, b: _Words) -> list[tuple[Value, Value]]:
    """Name phrases in the same slot of two alike sentences that differ in some words, not all.

    The name itself (its last word) must be kept: "United Kingdom" and "United States" share
    a word, not a name, and a whole name replaced ("Moscow" / "the Kremlin") may be the same
    actor in other words."""
    if a.headline or b.headline:
        return []
    shared = len(a.vocabulary & b.vocabulary)
    if 2 * shared < MIN_ALIKE * (len(a.vocabulary) + len(b.vocabulary)):
        return []  # two statements, not one
    out = []
    for last, mine in a.by_last.items():
        for pa, pb in itertools.product(mine, b.by_last.get(last, ())):
            if pa.words == pb.words or (pa.slot[0] != pb.slot[0] and pa.slot[1] != pb.slot[1]):
                continue
            only_a, only_b = set(pa.words) - set(pb.words), set(pb.words) - set(pa.words)
            if not only_a or not only_b or len(only_a) > MAX_SWAP or len(only_b) > MAX_SWAP:
                continue
            if any(_spelled_alike(x, y) for x, y in itertools.product(only_a, only_b)):
                continue
            out.append((_value(a, pa), _value(b, pb)))
    return out


@lru_cache(maxsize=1 << 14)
def _spelled_alike(x: str, y: str) -> bool:
    return SequenceMatcher(None, x, y).ratio() >= MAX_SPELLING


def _value(w: _Words, phrase: _Phrase) -> Value:
    i, j = phrase.span
    start, end = w.tokens[i].start, w.tokens[j - 1].end
    return Value(w.sentence.article, start, end, w.text[start:end], " ".join(phrase.words))


def _pairs(members: list[_Words]) -> Iterator[tuple[_Words, _Words]]:
    """Members of different articles whose names differ but overlap: sentences with the same
    names (most of a large claim) are grouped first, so that their pairs are never formed."""
    by_names: dict[frozenset[str], list[_Words]] = {}
    for m in members:
        by_names.setdefault(m.names, []).append(m)
    for (na, ga), (nb, gb) in itertools.combinations(by_names.items(), 2):
        if na & nb:
            for a, b in itertools.product(ga, gb):
                if a.sentence.article != b.sentence.article:
                    yield a, b


def find_name_discrepancies(story: Story) -> list[Discrepancy]:
    """One discrepancy per name phrase that the members of a claim write differently."""
    found: list[tuple[str, dict[tuple[str, int], Value]]] = []
    words: dict[str, _Words] = {}
    for claim in story.claims:
        for sid in claim.members:
            if sid not in words:
                words[sid] = _Words.of(story, story.sentence(sid))
        for a, b in _pairs([words[sid] for sid in claim.members]):
            for va, vb in _swaps(a, b):
                keys = {(va.article, va.start): va, (vb.article, vb.start): vb}
                for _, seen in found:
                    if keys.keys() & seen.keys():
                        seen.update(keys)
                        break
                else:
                    found.append((claim.id, keys))
    order = {a.id: k for k, a in enumerate(story.articles)}
    out = []
    for claim_id, values in found:
        ordered = tuple(sorted(values.values(), key=lambda v: (order[v.article], v.start)))
        shown = list(dict.fromkeys(" ".join(v.text.split()) for v in ordered))
        if len(shown) > 1:
            out.append(Discrepancy(claim_id, "name", "name: " + " vs ".join(shown), ordered))
    return out
