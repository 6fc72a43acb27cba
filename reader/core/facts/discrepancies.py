"""Discrepancies: the same fact stated with a different number, day or date in another article.

Only like is compared with like. Inside a claim, every amount, day and date of one article is
paired with its counterpart in each other article: the mention of the same kind and dimension
whose counted thing (head noun, or its class: people, military...) and surrounding words agree
best. A pair is a discrepancy only when the two values cannot both be true (15 km and 9 miles
can; "more than 580,000" and "nearly one million" cannot) and the other article has no
compatible mention of that thing. Sentences of different articles that are not in one claim
but say nearly the same thing around the same counted thing are compared too, since claims
are imperfect.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import Counter, deque
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache
from itertools import chain

from reader.core.facts.agreement import (
    affinity,
    agree,
    comparable,
    same_value,
    strict_keys,
    threshold,
)
from reader.core.facts.amounts import Amount
from reader.core.facts.figure_words import WEEKDAYS
from reader.core.facts.mentions import Facets, Mention, is_context_word
from reader.core.facts.names import find_name_discrepancies
from reader.core.facts.repeated_sentences import SentenceMentions
from reader.core.facts.stars import Group, Key, Link, groups
from reader.core.model import Claim, Discrepancy, Sentence, Story
from reader.core.text.stemming import stem_head
from reader.core.text.tokens import norms

# --- pairing mentions ---------------------------------------------------------------------


def _pair_links(x_side: _Side, y_side: _Side, strict: bool) -> list[Link]:
    """One-to-one counterparts between two articles' mentions, surest first.

    The same value on both sides is itself evidence of correspondence (a small bonus), and a
    disagreement is dropped when either side also has a compatible candidate above the
    threshold: it may well be the real counterpart.
    """
    if x_side.single and y_side.single:
        return _single_links(x_side, y_side, strict)
    scored: list[tuple[int, Mention, Mention, bool]] = []  # score, mention, candidate, agree
    xs, ys = x_side.mentions, y_side.mentions
    for m in xs:
        sort = (m.kind, m.dimension)
        cands = [c for c in y_side.by_sort.get(sort, ()) if comparable(m, c)]
        if not cands:
            continue
        # A strict pairing asks the same of every mention: whether it is alone does not count.
        alone = (
            not strict
            and len(cands) == 1
            and sum(comparable(cands[0], c) for c in x_side.by_sort[sort]) == 1
        )
        need = threshold(m, alone, strict)
        for c in cands:
            aff = affinity(m, c)
            if aff >= need:
                ok = agree(m, c)
                scored.append((aff + ok, m, c, ok))
    if not scored:
        return []
    scored.sort(key=lambda t: (-t[0], t[1].start, t[2].start))
    used: set[int] = set()
    links: list[Link] = []
    for i, (score, m, c, ok) in enumerate(scored):
        if id(m) in used or id(c) in used:
            continue
        tie = any(
            t[0] == score and (t[1] is m) != (t[2] is c) and id(t[1]) not in used
            and id(t[2]) not in used
            for t in scored[i + 1 :]
        )  # fmt: skip
        used.update((id(m), id(c)))
        if tie and not ok:
            continue  # two equally likely counterparts: no way to tell which one
        # A disagreement is excused when m or c agrees with another candidate (whose pair,
        # sharing m or c, was scored with its agreement), or when the other sentence also
        # states this very value: it may be the counterpart.
        excuse = not ok and (
            any(t[3] for t in scored if (t[1] is m) != (t[2] is c))
            or any(same_value(m, y) for y in ys if y.sentence == c.sentence)
            or any(same_value(x, c) for x in xs if x.sentence == m.sentence)
        )
        if not excuse:
            links.append(Link(m, c, not ok))
    return links


def _single_links(x_side: _Side, y_side: _Side, strict: bool) -> list[Link]:
    """_pair_links where each side holds one mention of each kind and dimension (a sentence's
    figure and its day, an article's in a claim of one sentence each): the commonest case,
    and there the choosing reduces to this. Only mentions of one sort are comparable, so a
    mention has one candidate and the candidate one rival, itself: `alone` holds wherever the
    pairing is not strict, no two scored pairs share a mention (no tie to break), and no
    other candidate or other mention of either sentence can state a compatible value (the
    excuse of a disagreement). A test holds it to the general way on random sides."""
    scored: list[tuple[int, Mention, Mention, bool]] = []
    theirs = y_side.by_sort
    for sort, (m,) in x_side.by_sort.items():
        found = theirs.get(sort)
        if found is None:
            continue
        c = found[0]
        if comparable(m, c):
            aff = affinity(m, c)
            if aff >= threshold(m, not strict, strict):
                ok = agree(m, c)
                scored.append((aff + ok, m, c, ok))
    if len(scored) > 1:
        scored.sort(key=lambda t: (-t[0], t[1].start, t[2].start))
    return [Link(m, c, not ok) for _, m, c, ok in scored]


class _Side:
    """One side of a pairing (an article's mentions in a claim, a sentence's counted figures),
    and the same by kind and dimension, in order: `comparable` holds only within one sort, so
    a mention's candidates are looked for among its sort alone. Made once per side, however
    many pairings it takes part in."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.number = -1  # the content's number among a story's, where sides are compared
        self.holders: list[int] = []  # how many sides hold each content so far (_Contents)
        self.by_sort: dict[tuple[str, str], list[Mention]] = {}
        for m in mentions:
            self.by_sort.setdefault((m.kind, m.dimension), []).append(m)
        # one mention of each sort (_single_links pairs such sides)
        self.single = len(self.by_sort) == len(mentions)

    def content(self) -> Hashable:
        """Everything a pairing reads of the side's mentions: two sides of equal content pair
        alike (_cached_links). A pairing reads positions only to order the mentions and to
        tell the side's sentences apart, so the content holds each mention's place among the
        side's, and its sentence's, not offsets: copies that stand elsewhere in their
        articles, or after a word added before them, are one content (at 500 articles, 78,000
        strict pairings to make where offsets made 115,000)."""
        starts = sorted(m.start for m in self.mentions)
        sentences = sorted({m.sentence.start for m in self.mentions})
        return tuple(
            (
                m.kind,
                bisect_left(sentences, m.sentence.start),
                bisect_left(starts, m.start),
                m.text,
                m.normalized,
                None if m.amount is None else _amount_content(m.amount),
                None if m.time is None else (m.time.text, m.time.kind, m.time.normalized),
                m.dimension,
                m.head,
                m.modifiers,
                m.context,
                m.proper,
                m.action,
                m.rank,
            )
            for m in self.mentions
        )


def _amount_content(a: Amount) -> Hashable:
    return (
        a.text,
        a.value,
        a.low,
        a.high,
        a.step,
        a.qualifier,
        a.qualifier_text,
        a.unit,
        a.dimension,
        a.spelled,
    )


Paired = dict[tuple[int, int], list[tuple[int, int, bool]]]  # by the two sides' contents


def _cached_links(x: _Side, y: _Side, strict: bool, paired: Paired) -> list[Link]:
    """_pair_links(x, y, strict) for two numbered sides of different articles, once for each
    pair of contents: copies of one wording pair as their first pair did (each pair read only
    its mentions' content, their order and which side is which). In a story of 500 articles,
    half a million alike pairs of sentences hold a few thousand contents; in a claim, the
    copies of a wire story are one content."""
    key = (x.number, y.number)  # numbered contents (tuples hash anew at every lookup)
    found = paired.get(key)
    if found is None:
        links = _pair_links(x, y, strict)
        if x.holders[x.number] == 1 and y.holders[y.number] == 1:
            # Neither content has a copy yet: the pairing is not kept, where it would wait for
            # a copy that may never come (300 articles of one template, each with its own
            # figures, kept 1.2 million pairings, 300 MB, that no pair read again).
            return links
        at_x = {id(m): k for k, m in enumerate(x.mentions)}
        at_y = {id(m): k for k, m in enumerate(y.mentions)}
        paired[key] = [(at_x[id(link.a)], at_y[id(link.b)], link.conflict) for link in links]
        return links
    new, xs, ys = tuple.__new__, x.mentions, y.mentions  # links made at C speed, as tokens are
    return [new(Link, (xs[i], ys[j], conflict)) for i, j, conflict in found]


class _Contents:
    """The contents of a story's sides, numbered, and how many sides hold each so far."""

    def __init__(self) -> None:
        self.numbers: dict[Hashable, int] = {}
        self.holders: list[int] = []

    def numbered(self, side: _Side) -> _Side:
        """The side, its content numbered and counted."""
        number = self.numbers.setdefault(side.content(), len(self.numbers))
        if number == len(self.holders):
            self.holders.append(0)
        self.holders[number] += 1
        side.number, side.holders = number, self.holders
        return side


def _sentence_side(s: Sentence, mentions: SentenceMentions, contents: _Contents) -> _Side:
    """A sentence's counted figures as a numbered side."""
    return contents.numbered(_Side(_counted(mentions(s))))


# The articles of one claim stating a kind of figure that are paired with every other one: past
# this many, each further article is paired with these alone. A claim that hundreds of copies
# of one text make (claims/copies.py) would otherwise pair them all with all (two million
# pairs of articles at 500 articles); a figure that one copy changes still meets the
# references it disagrees with, and stars gather the rest (stars.py).
REFERENCE_ARTICLES = 32


def _article_pairs(by_article: dict[str, list[Mention]]) -> list[tuple[str, str]]:
    """Pairs of articles (ordered) holding mentions of one kind and dimension: only these can
    link. Found from an index of the sorts, so pairs of articles that state nothing comparable
    cost nothing. Past REFERENCE_ARTICLES articles of a sort, the others pair with those."""
    holders: dict[tuple[str, str], list[str]] = {}
    for article in sorted(by_article):
        for sort in {(m.kind, m.dimension) for m in by_article[article]}:
            holders.setdefault(sort, []).append(article)
    pairs: set[tuple[str, str]] = set()
    for articles in holders.values():
        references = articles[:REFERENCE_ARTICLES]
        pairs.update(itertools.combinations(references, 2))
        pairs.update((r, a) for a in articles[REFERENCE_ARTICLES:] for r in references)
    return sorted(pairs)


def _links(mentions: list[Mention], paired: Paired, contents: _Contents) -> list[Link]:
    """The links between the articles' mentions in one claim (`paired`, `contents`: as
    _cached_links keeps them for all the claims of a story)."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    sides = {article: contents.numbered(_Side(found)) for article, found in by_article.items()}
    out: list[Link] = []
    for x, y in _article_pairs(by_article):
        out.extend(_cached_links(sides[x], sides[y], False, paired))
    return out


# --- assembling discrepancies ------------------------------------------------------------


def _message(members: list[Mention]) -> str:
    first = members[0]
    if first.kind == "number":
        heads = [m.head for m in members if m.head]
        topic = max(heads, key=heads.count) if heads else "amount"  # ties: first written
    else:
        topic = "day" if first.kind == "day" else "date"
    seen: dict[str, str] = {}  # case-folded -> as first written: "Nearly" and "nearly" are one
    for m in members:
        shown = " ".join(m.text.split())
        day = m.time.normalized if m.time is not None else ""
        if day in WEEKDAYS and day != shown.casefold():
            shown += f" ({day.capitalize()})"  # "yesterday (Monday)"
        seen.setdefault(shown.casefold(), shown)
    return f"{topic}: " + " vs ".join(seen.values())


def _discrepancy(claim: str, group: Group) -> Discrepancy:
    # "Earlier this week" or an undated "yesterday" fits every day: it says nothing here.
    definite = [m for m in group.members.values() if m.time is None or m.time.kind != "relative"]
    members = sorted(definite, key=lambda m: (_article_order(m.article), m.start))
    return Discrepancy(
        claim=claim,
        kind=members[0].kind,
        message=_message(members),
        values=tuple(m.value() for m in members),
    )


def _claim_mentions(story: Story, claim: Claim, mentions: SentenceMentions) -> list[Mention]:
    out: list[Mention] = []
    for sid in claim.members:
        out.extend(mentions(story.sentence(sid)))
    return out


def _sentence_words(story: Story, s: Sentence) -> frozenset[str]:
    """The stems of a sentence's context words, from the article's words in their matching
    form (folded once per article)."""
    stems = map(_word_stem, norms(story.article(s.article).text, s.start, s.end))
    return frozenset([w for w in stems if w is not None])


@lru_cache(maxsize=1 << 16)
def _word_stem(norm: str) -> str | None:
    """A word's `head_stem` from its matching form (`Token.norm`, as `head_stem` would fold
    it), None for no context word: one cached call per word of a sentence. (A mention's
    context words are `head_stem` of the matching form, folded once more: see mentions.)"""
    return stem_head(norm) if is_context_word(norm) else None


def _counted(mentions: list[Mention]) -> list[Mention]:
    """The mentions a strict pairing can link: affinity() reaches the strict threshold only
    for a figure that counts something (a day, a date or a measure scores 4 at most)."""
    return [m for m in mentions if m.kind == "number" and m.dimension == "count"]


def _sentence_keys(mentions: list[Mention]) -> frozenset[Hashable]:
    """What a sentence's counted figures can be strictly linked through (strict_keys)."""
    return frozenset().union(*(strict_keys(m) for m in _counted(mentions)))


# How many later sentences holding one of its keys a sentence outside claims is compared with,
# at most: the nearest ones. Copies of a few sentences in hundreds of articles, each stating a
# figure, made every one of them alike to every other (200 articles of 20 such sentences: six
# million pairs, two million links and 20 s); a figure one of them changes still meets the
# copies that follow it, and those it follows.
FOLLOWING = 32


def _similar_pairs(
    story: Story,
    mentions: SentenceMentions,
    min_jaccard: float,
    keys: Callable[[list[Mention]], frozenset[Hashable]],
    claims: Callable[[Sentence], frozenset[str]] | None = None,
) -> tuple[list[Sentence], list[tuple[int, int]]]:
    """Sentences of different articles whose mentions share a key (`keys` gives a sentence's)
    and that share much of their words: the sentences that have keys, and the pairs of them
    (as indices into that list, in story order; a story of 500 articles has half a million).
    With `claims` (a sentence's claims), pairs of sentences of one claim are left out.

    Only sentences sharing a key are compared: an inverted index of the keys yields them, so
    the many pairs of alike sentences whose figures could never link are not even looked at.
    Walked from the last sentence back, the postings hold only later sentences (the nearest
    FOLLOWING of them).
    """
    keyed: list[tuple[Sentence, frozenset[Hashable]]] = []
    for s in story.sentences:
        found_keys = keys(mentions(s))
        if found_keys:
            keyed.append((s, found_keys))
    article = [s.article for s, _ in keyed]
    words = [_sentence_words(story, s) for s, _ in keyed]
    within = [claims(s) if claims is not None else frozenset[str]() for s, _ in keyed]
    # Each key's nearest later holders (FOLLOWING at most): the posting drops the farthest.
    postings: dict[Hashable, deque[int]] = {}
    found: list[list[int]] = [[] for _ in keyed]
    for i in range(len(keyed) - 1, -1, -1):
        a1, w1, k1, c1 = article[i], words[i], keyed[i][1], within[i]
        for j in set(chain.from_iterable([postings[k] for k in k1 if k in postings])):
            # Sentences of one claim are paired there (at 500 articles most alike ones are).
            if article[j] != a1 and c1.isdisjoint(within[j]):
                w2 = words[j]
                n = len(w1 & w2)
                if n and n / (len(w1) + len(w2) - n) >= min_jaccard:
                    found[i].append(j)
        for k in k1:
            held = postings.get(k)
            if held is None:
                held = postings[k] = deque(maxlen=FOLLOWING)
            held.append(i)
    return [s for s, _ in keyed], [(i, j) for i, js in enumerate(found) for j in sorted(js)]


def _article_order(article_id: str) -> tuple[int, str]:
    digits = article_id.lstrip("a")
    return (int(digits) if digits.isdigit() else 0, article_id)


def _best_claim(
    story: Story, group: Group, cache: dict[str, frozenset[str]], vocabularies: list[frozenset[str]]
) -> str:
    """The claim holding most of the group's sentences, else the one whose wording is closest.

    The words of every claim (`vocabularies`, in story order) are gathered once for all the
    groups that no claim holds."""
    counts: dict[str, int] = {}
    for m in group.members.values():
        for c in story.claims_of(m.sentence.id):
            counts[c.id] = counts.get(c.id, 0) + 1
    if counts:
        return max(counts, key=lambda k: counts[k])

    def words(s: Sentence) -> frozenset[str]:
        if s.id not in cache:
            cache[s.id] = _sentence_words(story, s)
        return cache[s.id]

    if not vocabularies:
        vocabularies.extend(
            frozenset().union(*(words(story.sentence(sid)) for sid in c.members))
            for c in story.claims
        )
    mine = frozenset().union(*(words(m.sentence) for m in group.members.values()))
    best, best_score = "", 0.0
    for c, theirs in zip(story.claims, vocabularies, strict=True):
        score = len(mine & theirs) / (len(mine | theirs) or 1)
        if score > best_score:
            best, best_score = c.id, score
    return best


def find_discrepancies(
    story: Story, facets: Sequence[Facets | None] | None = None
) -> list[Discrepancy]:
    """Numbers, days, dates and names that the articles of one fact state incompatibly.
    `facets`: every sentence's, found already (repeated_sentences.every_facets)."""
    mentions = SentenceMentions(story, facets)
    found = _Found()
    contents = _Contents()
    in_claims: Paired = {}
    for claim in story.claims:
        for group in groups(_links(_claim_mentions(story, claim, mentions), in_claims, contents)):
            found.add(claim.id, group)

    # Claims are imperfect: also pair strongly alike mentions of similar sentences.
    links: list[Link] = []
    keyed, pairs = _similar_pairs(
        story,
        mentions,
        0.1,
        _sentence_keys,
        lambda s: frozenset(c.id for c in story.claims_of(s.id)),
    )
    article = [s.article for s in keyed]
    sides: list[_Side | None] = [None] * len(keyed)
    paired: Paired = {}
    for i, j in pairs:
        if article[j] < article[i]:
            i, j = j, i  # as _links orders them
        x, y = sides[i], sides[j]
        if x is None:
            x = sides[i] = _sentence_side(keyed[i], mentions, contents)
        if y is None:
            y = sides[j] = _sentence_side(keyed[j], mentions, contents)
        links.extend(_cached_links(x, y, True, paired))
    words: dict[str, frozenset[str]] = {}
    vocabularies: list[frozenset[str]] = []
    for group in groups(links):
        found.add(_best_claim(story, group, words, vocabularies), group)
    return [_discrepancy(claim, group) for claim, group in found.groups] + find_name_discrepancies(
        story
    )


class _Found:
    """The disagreements found so far, each with the claim it is shown under. A group that
    shares two mentions with one found earlier is more of the same thing: it joins the first
    such one. Which ones share a mention is looked up in an index of the mentions, where each
    group was compared with every one found before it (7,500 groups of two long versions that
    state a figure in every sentence: 28 million comparisons, 20 s of a 29 s report)."""

    def __init__(self) -> None:
        self.groups: list[tuple[str, Group]] = []
        self._holders: dict[Key, list[int]] = {}  # mention -> the found groups holding it

    def add(self, claim: str, group: Group) -> None:
        shared: Counter[int] = Counter()
        for key in group.members:
            shared.update(self._holders.get(key, ()))
        joined = min((k for k, n in shared.items() if n >= 2), default=None)
        if joined is None:
            joined = len(self.groups)
            self.groups.append((claim, group))
            new = list(group.members)
        else:
            seen = self.groups[joined][1]
            new = [key for key in group.members if key not in seen.members]
            seen.members.update(group.members)  # more of the same thing
            seen.conflicts |= group.conflicts
        for key in new:
            self._holders.setdefault(key, []).append(joined)
