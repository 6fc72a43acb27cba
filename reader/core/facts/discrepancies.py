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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from reader.core.facts.agreement import affinity, agree, comparable, same_value, threshold
from reader.core.facts.figure_words import WEEKDAYS
from reader.core.facts.mentions import Mention, head_stem, is_context_word, mentions_of
from reader.core.facts.names import find_name_discrepancies
from reader.core.model import Claim, Discrepancy, Sentence, Story
from reader.core.text.tokens import normalize_word, tokenize

# --- pairing mentions ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    a: Mention
    b: Mention
    conflict: bool


def _pair_links(xs: list[Mention], ys: list[Mention], strict: bool) -> list[_Link]:
    """One-to-one counterparts between two articles' mentions, surest first.

    The same value on both sides is itself evidence of correspondence (a small bonus), and a
    disagreement is dropped when either side also has a compatible candidate above the
    threshold: it may well be the real counterpart.
    """
    scored: list[tuple[int, int, Mention, Mention]] = []
    for m in xs:
        cands = [c for c in ys if comparable(m, c)]
        if not cands:
            continue
        # A strict pairing asks the same of every mention: whether it is alone does not count.
        alone = not strict and len(cands) == 1 and sum(comparable(cands[0], c) for c in xs) == 1
        need = threshold(m, alone, strict)
        for c in cands:
            aff = affinity(m, c)
            if aff >= need:
                scored.append((aff + agree(m, c), aff, m, c))
    scored.sort(key=lambda t: (-t[0], t[2].start, t[3].start))
    used: set[int] = set()
    links: list[_Link] = []
    for i, (score, _aff, m, c) in enumerate(scored):
        if id(m) in used or id(c) in used:
            continue
        tie = any(
            t[0] == score and (t[2] is m) != (t[3] is c) and id(t[2]) not in used
            and id(t[3]) not in used
            for t in scored[i + 1 :]
        )  # fmt: skip
        used.update((id(m), id(c)))
        if tie and not agree(m, c):
            continue  # two equally likely counterparts: no way to tell which one
        excuse = not agree(m, c) and (
            any(agree(m, y) or agree(x, c) for _, _, x, y in scored if (x is m) != (y is c))
            or any(same_value(m, y) for y in ys if y.sentence == c.sentence)
            or any(same_value(x, c) for x in xs if x.sentence == m.sentence)
        )  # the other sentence also states this very value: it may be the counterpart
        if not excuse:
            links.append(_Link(m, c, not agree(m, c)))
    return links


def _article_pairs(by_article: dict[str, list[Mention]]) -> list[tuple[str, str]]:
    """Pairs of articles (ordered) holding mentions of one kind and dimension: only these can
    link. Found from an index of the sorts, so pairs of articles that state nothing comparable
    cost nothing."""
    holders: dict[tuple[str, str], list[str]] = {}
    for article in sorted(by_article):
        for sort in {(m.kind, m.dimension) for m in by_article[article]}:
            holders.setdefault(sort, []).append(article)
    pairs: set[tuple[str, str]] = set()
    for articles in holders.values():
        pairs.update(itertools.combinations(articles, 2))
    return sorted(pairs)


def _links(mentions: list[Mention], strict: bool) -> list[_Link]:
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    out: list[_Link] = []
    for x, y in _article_pairs(by_article):
        out.extend(_pair_links(by_article[x], by_article[y], strict))
    return out


# --- assembling discrepancies ------------------------------------------------------------

_Key = tuple[str, int]  # (article, start) of a mention


def _key(m: Mention) -> _Key:
    return (m.article, m.start)


@dataclass
class _Group:
    members: dict[_Key, Mention]
    conflicts: set[tuple[_Key, _Key]]


def _groups(links: list[_Link]) -> list[_Group]:
    """A mention that disagrees, with its counterparts in the other articles.

    Groups are stars around each disagreeing mention, not chains of links, so that a list of
    figures ("58%, 40%, 32%") does not melt into one group; stars sharing two mentions or
    more are about one thing and merge.
    """
    partners: dict[_Key, dict[_Key, Mention]] = {}
    index: dict[_Key, Mention] = {}
    for link in links:
        for m, c in ((link.a, link.b), (link.b, link.a)):
            index[_key(m)] = m
            partners.setdefault(_key(m), {})[_key(c)] = c
    stars: list[_Group] = []
    for link in links:
        if not link.conflict:
            continue
        for pivot in (link.a, link.b):
            members = {_key(pivot): pivot, **partners[_key(pivot)]}
            stars.append(_Group(members, {(_key(link.a), _key(link.b))}))
    return _merge_stars(stars)


def _merge_stars(stars: list[_Group]) -> list[_Group]:
    """Each star joins the first group sharing two members with it, else starts one.

    An index from member to the groups holding it finds that group by counting, instead of
    intersecting the star with every group so far.
    """
    merged: list[_Group] = []
    holders: dict[_Key, list[int]] = {}
    for star in stars:
        hits = Counter(chain.from_iterable([holders.get(k, ()) for k in star.members]))
        target = min((g for g, n in hits.items() if n >= 2), default=None)
        if target is None:
            target, new = len(merged), list(star.members)
            merged.append(star)
        else:
            group = merged[target]
            new = [k for k in star.members if k not in group.members]
            group.members.update(star.members)
            group.conflicts |= star.conflicts
        for k in new:
            holders.setdefault(k, []).append(target)
    return merged


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


def _discrepancy(claim: str, group: _Group) -> Discrepancy:
    # "Earlier this week" or an undated "yesterday" fits every day: it says nothing here.
    definite = [m for m in group.members.values() if m.time is None or m.time.kind != "relative"]
    members = sorted(definite, key=lambda m: (_article_order(m.article), m.start))
    return Discrepancy(
        claim=claim,
        kind=members[0].kind,
        message=_message(members),
        values=tuple(m.value() for m in members),
    )


def _claim_mentions(story: Story, claim: Claim, cache: dict[str, list[Mention]]) -> list[Mention]:
    out: list[Mention] = []
    for sid in claim.members:
        if sid not in cache:
            cache[sid] = mentions_of(story, story.sentence(sid))
        out.extend(cache[sid])
    return out


def _sentence_words(story: Story, s: Sentence) -> frozenset[str]:
    text = story.article(s.article).text
    return frozenset(
        head_stem(t.text)
        for t in tokenize(text, s.start, s.end)
        if is_context_word(normalize_word(t.text))
    )


def _counted(mentions: list[Mention]) -> list[Mention]:
    """The mentions a strict pairing can link: affinity() reaches the strict threshold only
    for a figure that counts something (a day, a date or a measure scores 4 at most)."""
    return [m for m in mentions if m.kind == "number" and m.dimension == "count"]


def _similar_pairs(
    story: Story,
    cache: dict[str, list[Mention]],
    min_jaccard: float,
    keep: Callable[[list[Mention]], object] = bool,
) -> list[tuple[Sentence, Sentence]]:
    """Sentences of different articles, both with mentions that `keep` accepts (any by
    default), that share much of their words."""
    with_mentions = []
    for s in story.sentences:
        if s.id not in cache:
            cache[s.id] = mentions_of(story, s)
        if keep(cache[s.id]):
            with_mentions.append((s, _sentence_words(story, s)))
    # Only sentences sharing a word can be similar: walk an inverted index, not all pairs.
    # Walked from the last sentence back, the postings hold only later sentences, and the
    # shared words of one sentence with each of them are counted by Counter in C.
    postings: dict[str, list[int]] = {}
    found: list[list[int]] = [[] for _ in with_mentions]
    for i in range(len(with_mentions) - 1, -1, -1):
        s1, w1 = with_mentions[i]
        counts = Counter(chain.from_iterable([postings[w] for w in w1 if w in postings]))
        size1 = len(w1)
        for j, n in counts.items():
            s2, w2 = with_mentions[j]
            if s1.article != s2.article and n / (size1 + len(w2) - n) >= min_jaccard:
                found[i].append(j)
        for w in w1:
            postings.setdefault(w, []).append(i)
    return [
        (with_mentions[i][0], with_mentions[j][0]) for i, js in enumerate(found) for j in sorted(js)
    ]


def _article_order(article_id: str) -> tuple[int, str]:
    digits = article_id.lstrip("a")
    return (int(digits) if digits.isdigit() else 0, article_id)


def _best_claim(story: Story, group: _Group, cache: dict[str, frozenset[str]]) -> str:
    """The claim holding most of the group's sentences, else the one whose wording is closest."""
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

    mine = frozenset().union(*(words(m.sentence) for m in group.members.values()))
    best, best_score = "", 0.0
    for c in story.claims:
        theirs = frozenset().union(*(words(story.sentence(sid)) for sid in c.members))
        score = len(mine & theirs) / (len(mine | theirs) or 1)
        if score > best_score:
            best, best_score = c.id, score
    return best


def find_discrepancies(story: Story) -> list[Discrepancy]:
    """Numbers, days, dates and names that the articles of one fact state incompatibly."""
    cache: dict[str, list[Mention]] = {}
    found: list[tuple[str, _Group]] = []

    def emit(claim: str, group: _Group) -> None:
        for _, seen in found:
            if len(seen.members.keys() & group.members.keys()) >= 2:
                seen.members.update(group.members)  # more of the same thing
                seen.conflicts |= group.conflicts
                return
        found.append((claim, group))

    for claim in story.claims:
        for group in _groups(_links(_claim_mentions(story, claim, cache), strict=False)):
            emit(claim.id, group)

    # Claims are imperfect: also pair strongly alike mentions of similar sentences.
    links: list[_Link] = []
    claim_ids: dict[str, frozenset[str]] = {}

    def claims_of(sid: str) -> frozenset[str]:
        if sid not in claim_ids:
            claim_ids[sid] = frozenset(c.id for c in story.claims_of(sid))
        return claim_ids[sid]

    counted: dict[str, list[Mention]] = {}
    for s1, s2 in _similar_pairs(story, cache, 0.1, keep=_counted):
        if not claims_of(s1.id) & claims_of(s2.id):
            x, y = (s1, s2) if s1.article < s2.article else (s2, s1)  # as _links orders them
            for sid in (x.id, y.id):
                if sid not in counted:
                    counted[sid] = _counted(cache[sid])
            links.extend(_pair_links(counted[x.id], counted[y.id], strict=True))
    words: dict[str, frozenset[str]] = {}
    for group in _groups(links):
        emit(_best_claim(story, group, words), group)
    return [_discrepancy(claim, group) for claim, group in found] + find_name_discrepancies(story)
