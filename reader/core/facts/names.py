"""Names that differ: the same statement, one name swapped ("John Smith" / "James Smith").

Two sentences of one claim that read alike but for part of a name or a title in the same place
("Foreign Minister Anna Berg" / "Defence Minister Anna Berg") disagree about who acted. Only a
name phrase that keeps its last word counts: a whole name replaced ("Moscow" / "the Kremlin")
is as often the same actor in other words, and a spelling variant ("Peskow" / "Peskov") is the
warnings' business.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.core.model import Discrepancy, Sentence, Story, Value
from reader.core.text.diffing import SequenceMatcher
from reader.core.text.tokens import STOPWORDS, Token, runs, tokenize
from reader.core.text.tokens import norms as folded

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
        norms = folded(text, s.start, s.end)  # each token's `norm`, folded once per article
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


def _variants(xa: tuple[str, ...], xb: tuple[str, ...]) -> bool:
    """Two writings of one name phrase: a few of its words swapped, none merely respelled.

    The phrases end in the same word: the name itself must be kept ("United Kingdom" and
    "United States" share a word, not a name; "Moscow" may be "the Kremlin" in other words)."""
    only_a, only_b = set(xa) - set(xb), set(xb) - set(xa)
    if not only_a or not only_b or len(only_a) > MAX_SWAP or len(only_b) > MAX_SWAP:
        return False
    return not any(_spelled_alike(x, y) for x, y in itertools.product(only_a, only_b))


def _one_statement(a: _Words, b: _Words) -> bool:
    """Two sentences of different articles that read alike (not title-case headlines)."""
    if a.sentence.article == b.sentence.article or a.headline or b.headline:
        return False
    shared = len(a.vocabulary & b.vocabulary)
    return 2 * shared >= MIN_ALIKE * (len(a.vocabulary) + len(b.vocabulary))


def _swaps(members: list[_Words]) -> Iterator[tuple[Value, Value]]:
    """Name phrases in the same place of two alike members that differ in some words.

    Phrases are grouped by their last word and then by their words, so that only differing
    writings are compared, and only the sentences that hold them are read side by side."""
    by_last: dict[str, dict[tuple[str, ...], list[tuple[_Words, _Phrase]]]] = {}
    for m in members:
        for last, phrases in m.by_last.items():
            for p in phrases:
                by_last.setdefault(last, {}).setdefault(p.words, []).append((m, p))
    for writings in by_last.values():
        for (xa, held_a), (xb, held_b) in itertools.combinations(writings.items(), 2):
            if not _variants(xa, xb):
                continue
            for (a, pa), (b, pb) in itertools.product(held_a, held_b):
                if pa.slot[0] != pb.slot[0] and pa.slot[1] != pb.slot[1]:
                    continue  # not in the same place of the statement
                if _one_statement(a, b):
                    yield _value(a, pa), _value(b, pb)


@lru_cache(maxsize=1 << 14)
def _spelled_alike(x: str, y: str) -> bool:
    return SequenceMatcher(None, x, y).ratio() >= MAX_SPELLING


def _value(w: _Words, phrase: _Phrase) -> Value:
    i, j = phrase.span
    start, end = w.tokens[i].start, w.tokens[j - 1].end
    return Value(w.sentence.article, start, end, w.text[start:end], " ".join(phrase.words))


def _one_text(story: Story, members: Sequence[str]) -> bool:
    """Whether every member reads the same, character for character."""
    texts = set()
    for sid in members:
        s = story.sentence(sid)
        texts.add(story.article(s.article).text[s.start : s.end])
        if len(texts) > 1:
            return False
    return True


def find_name_discrepancies(story: Story) -> list[Discrepancy]:
    """One discrepancy per name phrase that the members of a claim write differently."""
    found: list[tuple[str, dict[tuple[str, int], Value]]] = []
    words: dict[str, _Words] = {}
    for claim in story.claims:
        if _one_text(story, claim.members):
            continue  # copies word for word write every name alike (two versions: most claims)
        for sid in claim.members:
            if sid not in words:
                words[sid] = _Words.of(story, story.sentence(sid))
        for va, vb in _swaps([words[sid] for sid in claim.members]):
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
