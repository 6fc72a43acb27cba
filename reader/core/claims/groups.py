"""Sentence links to claims without chaining: each claim grows from a seed sentence.

Connected components would put A and C in one claim because A~B and B~C, although A and C say
different things. Here a sentence joins a claim only if it is linked to the seed and to most of
the members already in; a sentence may belong to several claims.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from reader.core.claims.disjoint_sets import DisjointSets

Link = tuple[int, int]  # sentence indices, smaller first
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def link(a: int, b: int) -> Link:
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class GroupParams:
    max_per_article: int = 2  # sentences one article may bring to one claim
    agreement: float = 0.3  # share of members a newcomer must be linked to (besides the seed)
    second_ratio: float = 0.6  # a second sentence of one article needs this share of the first's


def group_links(
    links: Mapping[Link, float],
    article: Sequence[str],
    related: Mapping[int, set[int]],
    params: GroupParams,
) -> list[tuple[int, ...]]:
    """Claims as tuples of sentence indices (each with two articles or more).

    `links` are the accepted pairs with their strength; `article[i]` is sentence i's article;
    `related[a]` holds the sentences that pass the looser test a newcomer must pass against the
    other members (a linked pair passes it too).
    """
    # Each sentence's links as (-strength, partner): sorted as tuples, strongest first.
    neighbours: dict[int, list[tuple[float, int]]] = {}
    for (a, b), w in links.items():
        neighbours.setdefault(a, []).append((-w, b))
        neighbours.setdefault(b, []).append((-w, a))
    strength = {s: -sum(map(_FIRST, ns)) for s, ns in neighbours.items()}
    partners = {s: set(map(_SECOND, ns)) for s, ns in neighbours.items()}
    # The linked pairs already inside a claim, as each sentence's partners in them: whether a
    # claim adds a pair is then a set test a member, not a test each pair of its members.
    covered: dict[int, set[int]] = {s: set() for s in neighbours}
    seen: set[frozenset[int]] = set()  # member sets tested already: all their pairs are covered
    claims: list[tuple[int, ...]] = []
    nothing: set[int] = set()
    for seed in sorted(neighbours, key=lambda s: (-strength[s], s)):
        if partners[seed] <= covered[seed]:
            continue
        home = article[seed]
        members = [seed]
        newcomers: list[int] = []  # the members but the seed
        first: dict[str, float] = {}  # article -> the link strength of its first member
        count: dict[str, int] = {}
        for negative, cand in sorted(neighbours[seed]):
            w = -negative
            art = article[cand]
            if art == home:
                continue
            brought = count.get(art, 0)
            if brought >= params.max_per_article:
                continue
            if brought and w < params.second_ratio * first[art]:
                continue
            # The members from other articles than the newcomer's (and not the seed): more than
            # `agreement` of them must be linked or related to it.
            others = [m for m in newcomers if article[m] != art] if brought else newcomers
            agreeing = len(related.get(cand, nothing).intersection(others))
            if others and agreeing <= params.agreement * len(others):
                continue
            members.append(cand)
            newcomers.append(cand)
            first.setdefault(art, w)
            count[art] = brought + 1
        if len(members) < 2:
            continue
        within = frozenset(members)
        if within in seen:
            continue  # seeds of one fact grow one claim again and again
        seen.add(within)
        inside = [(m, partners[m] & within) for m in members]
        if all(pairs <= covered[m] for m, pairs in inside):
            continue
        for m, pairs in inside:
            covered[m] |= pairs
        claims.append(tuple(sorted(members)))
    return distinct_claims(claims)


def agreement_partners(
    links: Iterable[Link], scores: Mapping[Link, float], floor: float
) -> dict[int, set[int]]:
    """Each sentence's linked partners and those whose similarity reaches `floor`: the
    partners a newcomer to a claim may count as agreeing with it (group_links)."""
    out: dict[int, set[int]] = {}
    for pairs in (links, (ab for ab, s in scores.items() if s >= floor)):
        for a, b in pairs:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


def distinct_claims(claims: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Each claim once (its first copy), and none that another claim strictly contains.

    A claim's supersets all hold its rarest member, so only the claims holding that member are
    compared: near-linear where comparing every two claims took 1.9 million set tests on two
    100,000-word versions."""
    sets = [frozenset(c) for c in claims]
    holding: dict[int, list[int]] = {}
    for j, members in enumerate(sets):
        for m in members:
            holding.setdefault(m, []).append(j)
    first: dict[frozenset[int], int] = {}
    keep = []
    for i, members in enumerate(sets):
        if first.setdefault(members, i) != i:
            continue
        pivot = min(members, key=lambda m: len(holding[m]), default=None)
        wider = holding[pivot] if pivot is not None else range(len(sets))
        if any(members < sets[j] for j in wider):
            continue
        keep.append(claims[i])
    return keep


def join_shared_partners(
    claims: list[tuple[int, ...]],
    article_of: Callable[[int], str],
    apart: Callable[[str, str], bool],
    min_common: int,
    max_partners: int = 40,
) -> list[tuple[int, ...]]:
    """Claims grown by sentences that share `min_common` partners with a member.

    Grouping refuses chains, so two reports of one fact worded too differently to link stay
    apart even when several other sentences match both: that many common partners is evidence
    of its own. Each such sentence joins the claim of its partner that holds most of their
    common partners, if its article is not there yet. `apart(x, y)` says whether two articles
    may be joined this way (versions of one text are aligned instead). A sentence with more
    than `max_partners` partners proposes no pairs: there would be too many to weigh.
    """
    partners: dict[int, set[int]] = {}  # sentence -> its fellow members of other articles
    holding: dict[int, list[int]] = {}  # sentence -> the claims it is in
    for k, members in enumerate(claims):
        by_article: dict[str, set[int]] = {}
        for m in members:
            holding.setdefault(m, []).append(k)
            by_article.setdefault(article_of(m), set()).add(m)
        within = set(members)
        for same in by_article.values():
            outside = within - same
            if outside:
                for m in same:
                    partners.setdefault(m, set()).update(outside)
    pairs: set[Link] = set()
    for ns in partners.values():
        if len(ns) <= max_partners:
            pairs.update(itertools.combinations(sorted(ns), 2))
    grown = [set(members) for members in claims]
    grown_articles = [{article_of(m) for m in members} for members in claims]
    for a, b in sorted(pairs):
        x, y = article_of(a), article_of(b)
        if x == y or b in partners[a] or not apart(x, y):
            continue
        common = partners[a] & partners[b]
        if len(common) < min_common:
            continue
        for have, new in ((a, b), (b, a)):
            best = max(holding[have], key=lambda k: (len(common.intersection(claims[k])), -k))
            if article_of(new) not in grown_articles[best]:
                grown[best].add(new)
                grown_articles[best].add(article_of(new))
    return distinct_claims([tuple(sorted(g)) for g in grown])


def merge_near_duplicates(claims: list[tuple[int, ...]], share: float) -> list[tuple[int, ...]]:
    """Claims with mostly the same members become one.

    Seeds that report one fact grow nearly the same claim each ("HP acquires EYP" four times
    over), and the reader would review that fact four times. Claims whose common members are at
    least `share` of their joint members are joined; a near-duplicate of a near-duplicate joins
    too, in one pass over the claims that share a sentence.
    """
    holding: dict[int, list[int]] = {}
    for k, members in enumerate(claims):
        for m in members:
            holding.setdefault(m, []).append(k)
    groups = DisjointSets(len(claims))
    sets = [frozenset(c) for c in claims]
    compared: set[tuple[int, int]] = set()
    for ks in holding.values():
        for pair in itertools.combinations(ks, 2):
            if pair in compared:
                continue
            compared.add(pair)
            i, j = pair
            if groups.find(i) == groups.find(j):
                continue  # already one claim through a third
            if len(sets[i] & sets[j]) >= share * len(sets[i] | sets[j]):
                groups.join(i, j)
    joined: dict[int, set[int]] = {}
    for k, members in enumerate(claims):
        joined.setdefault(groups.find(k), set()).update(members)
    return distinct_claims([tuple(sorted(g)) for g in joined.values()])
