"""Stars of links: a mention that disagrees with its counterparts, merged into discrepancies.

Groups are stars around each disagreeing mention, not chains of links, so that a list of
figures ("58%, 40%, 32%") does not melt into one group; stars sharing two mentions or more are
about one thing and merge. A mention on many conflicting links (one figure changed in one of
hundreds of copies) is the pivot of as many stars, all with the same members: they are built
once per pivot and merged by counts kept up to date, so that a story's thousands of links cost
little more than one pass over them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from reader.core.facts.mentions import Mention

Key = tuple[str, int]  # (article, start) of a mention


class Link(NamedTuple):
    """Two counterpart mentions of different articles, and whether their values conflict. A
    named tuple, made at C speed: a story of 500 articles makes half a million."""

    a: Mention
    b: Mention
    conflict: bool


@dataclass
class Group:
    members: dict[Key, Mention]
    conflicts: set[tuple[Key, Key]]


class Star(NamedTuple):
    """One conflicting link seen from one of its mentions: the pivot and all its counterparts.

    Every star of one pivot holds the same members dict, which nothing changes. A named tuple,
    as Link is: one is made for each side of every conflicting link."""

    pivot: Key
    members: dict[Key, Mention]
    conflict: tuple[Key, Key]


def groups(links: list[Link]) -> list[Group]:
    """A mention that disagrees, with its counterparts in the other articles."""
    # Only a mention on a conflicting link is the pivot of a star: the partners of the others
    # are never read (at 500 articles, 64,000 of 435,000 links conflict).
    pivots = {m.key for link in links if link.conflict for m in (link.a, link.b)}
    partners: dict[Key, dict[Key, Mention]] = {}
    for link in links:
        a, b = link.a, link.b
        if a.key in pivots:
            partners.setdefault(a.key, {})[b.key] = b
        if b.key in pivots:
            partners.setdefault(b.key, {})[a.key] = a
    around: dict[Key, dict[Key, Mention]] = {}
    stars: list[Star] = []
    for link in links:
        if not link.conflict:
            continue
        pair = (link.a.key, link.b.key)
        for pivot in (link.a, link.b):
            members = around.get(pivot.key)
            if members is None:
                members = around[pivot.key] = {pivot.key: pivot, **partners[pivot.key]}
            stars.append(Star(pivot.key, members, pair))
    return merge_stars(stars)


def merge_stars(stars: list[Star]) -> list[Group]:
    """Each star joins the first group sharing two members with it, else starts one.

    For each pivot, how many members it shares with each group is counted once, when its
    first star comes, from an index of the groups holding each mention; from then on the count
    follows every mention a group gains. So the first group sharing two members is known
    without looking at the star's members again, however many stars the pivot has.
    """
    merged: list[Group] = []
    holders: dict[Key, list[int]] = {}  # mention -> groups holding it
    shared: dict[Key, dict[int, int]] = {}  # pivot -> group -> members in common
    first: dict[Key, int] = {}  # pivot -> the first group sharing two members with its star
    watchers: dict[Key, list[Key]] = {}  # mention -> pivots whose star holds it

    def gained(k: Key, g: int) -> None:
        holders.setdefault(k, []).append(g)
        for p in watchers.get(k, ()):
            n = shared[p][g] = shared[p].get(g, 0) + 1
            if n == 2 and g < first.get(p, g + 1):
                first[p] = g

    for star in stars:
        p = star.pivot
        if p not in shared:
            hits = Counter(chain.from_iterable([holders.get(k, ()) for k in star.members]))
            shared[p] = dict(hits)
            target = min((g for g, n in hits.items() if n >= 2), default=None)
            if target is not None:
                first[p] = target
            for k in star.members:
                watchers.setdefault(k, []).append(p)
        target = first.get(p)
        if target is None:
            target, new = len(merged), list(star.members)
            merged.append(Group(dict(star.members), {star.conflict}))
        else:
            group = merged[target]
            complete = shared[p].get(target) == len(star.members)
            new = [] if complete else [k for k in star.members if k not in group.members]
            for k in new:
                group.members[k] = star.members[k]
            group.conflicts.add(star.conflict)
        for k in new:
            gained(k, target)
    return merged
