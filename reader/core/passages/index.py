"""What the passage finder reads of each article: word ids, seed n-grams and who shares them.

Every article's visible words become integer ids (one id per normalised word); each run of
SEED_WORDS ids is a seed n-gram. Only n-grams that two articles or more hold can seed a shared
passage, so each article keeps the positions of those alone: in a story of many articles most
n-grams are an article's own, and the per-pair work then scans the few that matter.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.model import Article
from reader.core.text.tokens import norms, tokenize

SEED_WORDS = 6  # a seed is this many identical words in a row
# An n-gram that each of two articles holds more often than this seeds their passages from its
# first MAX_PLACES places in each, the k-th of one with the k-th of the other (runs.seeding).
# Two articles that each said one thing forty times paired every place of each n-gram in the
# one with every place in the other (1,600 seeds an n-gram: 300 such articles took a minute).
# A passage still grows from a first place over every word that follows alike; what the limit
# loses is a passage made only of n-grams both articles repeat that often, the same words
# again beside a passage found already. Where one article holds an n-gram once, each of its
# places in the other is a seed.
MAX_PLACES = 8


@dataclass(frozen=True, slots=True)
class Words:
    """An article's visible words: ids for matching, character spans for reporting."""

    ids: list[int]
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class Grams:
    """An article's seed n-grams as ids, per position, and where each shared one occurs."""

    ids: list[int]
    where: dict[int, list[int]]  # n-grams another article holds too -> positions, in order
    first: dict[int, int]  # where each of those first occurs
    repeated: frozenset[int]  # those occurring more than once in the article
    # The keys of `where` as a set: what two articles share is one C-level intersection of
    # two of these (dict keys would be copied into a new set for every pair first).
    shared: frozenset[int]


def visible_words(article: Article, vocab: dict[str, int]) -> Words:
    """The article's words outside hidden spans, as the tokenizer finds them (once per text,
    for every stage); `vocab` maps each matching form to its id, and grows with the forms it
    has not seen."""
    tokens, forms = tokenize(article.text), norms(article.text)
    if article.hidden:
        hidden = sorted(article.hidden)
        seen = [
            k
            for k, t in enumerate(tokens)
            if not ((h := bisect_left(hidden, (t.start + 1,)) - 1) >= 0 and t.start < hidden[h][1])
        ]
        tokens, forms = [tokens[k] for k in seen], [forms[k] for k in seen]
    return Words(
        [vocab.setdefault(f, len(vocab)) for f in forms],
        [t.start for t in tokens],
        [t.end for t in tokens],
    )


def gram_ids(ids: list[int], vocab: dict[tuple[int, ...], int]) -> list[int]:
    """The id of the SEED_WORDS-gram starting at each position (zip makes the tuples in C:
    a third of the time of slicing at each position)."""
    grams = zip(*(ids[k:] for k in range(SEED_WORDS)), strict=False)  # ends with the last
    return [vocab.setdefault(gram, len(vocab)) for gram in grams]


def index_grams(per_article: Sequence[list[int]]) -> list[Grams]:
    """Each article's n-grams, with positions kept for those another article holds too."""
    holders: dict[int, int] = {}  # n-gram -> first holder, or -1 once a second one holds it
    for x, ids in enumerate(per_article):
        for g in set(ids):
            holders[g] = x if holders.setdefault(g, x) == x else -1
    out = []
    for ids in per_article:
        where: dict[int, list[int]] = {}
        for i, g in enumerate(ids):
            if holders[g] < 0:
                where.setdefault(g, []).append(i)
        repeated = frozenset(g for g, pos in where.items() if len(pos) > 1)
        first = {g: pos[0] for g, pos in where.items()}
        out.append(Grams(ids, where, first, repeated, frozenset(where)))
    return out


def gram_holders(grams: Sequence[Grams]) -> dict[int, list[int]]:
    """The articles holding each shared n-gram, in order: an inverted index from n-gram to
    article, so that the pairs sharing one are found without testing every pair."""
    holders: dict[int, list[int]] = {}
    for x, g in enumerate(grams):
        for gram in g.where:
            holders.setdefault(gram, []).append(x)
    return holders


def later_partners(x: int, grams: Sequence[Grams], holders: dict[int, list[int]]) -> list[int]:
    """The articles after x that share a seed n-gram with it, in order: only these can share
    a passage with it."""
    later: set[int] = set()
    later.update(*[holders[gram] for gram in grams[x].where])
    return sorted(y for y in later if y > x)
