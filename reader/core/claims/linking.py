"""Claims: sentences of different articles that report the same fact or statement.

Stages: weigh every sentence's terms (similarity.py); score only the sentence pairs that share a
rare enough term (an inverted index, never all pairs); align article pairs that are versions of
one text in order (alignment.py); accept links; grow claims from seed sentences (claim_groups.py).
Where the index cannot hold every term (hundreds of articles copying one text), the sentences
that copy an earlier one are set aside first and follow it into its claims (copies.py).
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.claims.alignment import align, ordered_share
from reader.core.claims.copies import near_copies
from reader.core.claims.groups import (
    GroupParams,
    Link,
    agreement_partners,
    group_links,
    join_shared_partners,
    link,
    merge_near_duplicates,
)
from reader.core.claims.labels import label_span, tidy
from reader.core.claims.pair_model import (
    PairInputs,
    group,
    has_reports,
    lexical_strengths,
    load_model,
    pair_probabilities,
)
from reader.core.claims.similarity import (
    SentenceTerms,
    SimilarityParams,
    Vocabulary,
    build_sentence_terms,
    merge,
    similarity,
)
from reader.core.ingest.loading import visible_text
from reader.core.model import Article, Claim, Sentence
from reader.core.text.tokens import norms, tokenize

if TYPE_CHECKING:
    from reader.core.claims.semantic import Meaning


@dataclass(frozen=True)
class ClaimParams:
    sim: SimilarityParams = field(default_factory=SimilarityParams)
    group: GroupParams = field(default_factory=GroupParams)
    accept: float = 0.3  # a pair of independent reports this similar is one claim
    mutual: float = 0.25  # ... or this similar and each the other's best in the other article
    related: float = 0.25  # a claim member must be this similar to most other members
    question: float = 0.5  # similarity factor for a question paired with a statement
    lead_bonus: float = 0.2  # the opening sentences of two reports tend to tell the same news
    lead_count: int = 2
    lead_share: float = 0.3  # ... and at most this share of the article
    lead_best: int = 1  # the bonus needs the pair best among leads for this many of its two
    version_near: float = 0.5  # a "near-identical" pair when detecting versions of one text
    version_share: float = 0.4  # share of ordered near-identical pairs that makes two versions
    align_floor: float = 0.05  # an aligned unit gains similarity minus this
    align_accept: float = 0.15  # an aligned pair of versions this similar is one claim
    twin: float = 0.8  # an aligned pair of versions this similar are twins (share evidence)
    off_align: float = 0.85  # a pair of versions outside the alignment needs this
    merge_margin: float = 0.1  # a 1-2 / 2-1 unit must beat its best single pair by this
    pair_budget: int = 400_000  # sentence pairs the inverted index may propose (speed bound)
    label_words: int = 8  # a claim's label quotes at most this many words of one member
    shared_partners: int = 3  # unlinked sentences with this many claim partners in common join
    duplicate: float = 0.6  # claims sharing this share of their joint members are one claim


DEFAULT_PARAMS = ClaimParams()


@dataclass
class _Story:
    sentences: list[Sentence]
    terms: list[SentenceTerms]
    vocab: Vocabulary
    params: ClaimParams
    lead: list[bool]
    question: list[bool] = field(default_factory=list)
    repeated: list[bool] = field(default_factory=list)  # same terms as another of its article
    where: dict[tuple[str, int], int] = field(default_factory=dict)  # (article, index) -> i
    versions: set[frozenset[str]] = field(default_factory=set)  # article pairs of one text
    # Consecutive sentences read as one, by their indices: an article's pair of sentences is
    # tried against each of its versions (at 50 articles, 14,544 merges of 2,679 runs).
    merged: dict[tuple[int, ...], SentenceTerms] = field(default_factory=dict)

    def merge(self, run: list[int]) -> SentenceTerms:
        key = tuple(run)
        found = self.merged.get(key)
        if found is None:
            found = self.merged[key] = merge([self.terms[i] for i in run], self.vocab)
        return found

    def sim(self, a: int, b: int) -> float:
        s = similarity(self.terms[a], self.terms[b], self.vocab, self.params.sim)
        if self.question and self.question[a] != self.question[b]:
            s *= self.params.question  # a question asks; it states no fact for a statement to match
        return s


def _postings(story: _Story, active: Sequence[bool] | None) -> dict[str, list[int]]:
    """Each term's sentences (the active ones only, where `active` is given), in order."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(story.terms):
        if active is None or active[i]:
            for k in st.keys:
                postings[k].append(i)
    return postings


def _proposed(holders: Sequence[int]) -> int:
    """The pairs a term proposes once indexed: every two of its sentences."""
    return len(holders) * (len(holders) - 1) // 2


def _index_overflows(postings: dict[str, list[int]], budget: int) -> bool:
    """Whether indexing every term would propose more pairs than the candidate index may."""
    return sum(map(_proposed, postings.values())) > budget


def _candidates(
    story: _Story, postings: dict[str, list[int]], active: Sequence[bool] | None
) -> dict[Link, float]:
    """Similarity of the cross-article pairs that share two indexed terms (one if short), in
    the order of the pairs; with `active`, of the active sentences only (`postings` holds those:
    _postings).

    Only terms in at most a few sentences per article are indexed: a pair that shares nothing
    rarer cannot reach a useful score, and common terms would propose most of all pairs.
    """
    # Index terms from the rarest up, until the pairs they propose reach the budget.
    indexed: dict[str, list[int]] = {}
    budget = story.params.pair_budget
    # Ties broken by term so that the cut (and so the result) never depends on hash order.
    for term, ids in sorted(postings.items(), key=lambda kv: (len(kv[1]), kv[0])):
        budget -= _proposed(ids)
        if budget < 0:
            break
        if len(ids) > 1:
            indexed[term] = ids
    article = [s.article for s in story.sentences]
    short = [len(st.keys) <= 3 for st in story.terms]
    # A recurring text has one SentenceTerms (build_sentence_terms), and the similarity reads
    # the terms and whether each is a question, which is the same for the same text: each pair
    # of term objects is scored once (wire copy repeats sentences: 40% of the pairs at 50
    # articles are a pair scored before). The similarity is symmetric.
    term_ids = [id(st) for st in story.terms]
    scored: dict[tuple[int, int], float] = {}
    out: dict[Link, float] = {}
    for a, st in enumerate(story.terms):
        if active is not None and not active[a]:
            continue
        # The later sentences each indexed term of this one proposes, counted as integers:
        # at 50 articles the index proposes 400,000 pairs, and a Counter of tuples took 0.15 s.
        later: list[int] = []
        for k in st.keys:
            holders = indexed.get(k)
            if holders is not None:
                later += holders[bisect_right(holders, a) :]
        if not later:
            continue
        one_is_enough = short[a]
        for b, count in sorted(Counter(later).items()):
            if count < 2 and not one_is_enough and not short[b]:
                continue  # the cheaper test first: most proposed pairs share one term
            if article[a] == article[b]:
                continue
            x, y = term_ids[a], term_ids[b]
            key = (x, y) if x < y else (y, x)
            s = scored.get(key)
            if s is None:
                s = scored[key] = story.sim(a, b)
            if s > 0.0:
                out[(a, b)] = s
    return out


def _is_question(text: str) -> bool:
    """A question, also a quoted one with a short attribution after it ('..?' she asked)."""
    end = text.rfind("?")
    return end >= 0 and len(text[end + 1 :].split()) <= 5


def _leads(
    sentences: list[Sentence], terms: list[SentenceTerms], count: int, share: float
) -> list[bool]:
    """The first substantive sentences of each article (title and lead): `count` of them, but
    no more than `share` of the article's substantive sentences (at least one)."""
    substantive = [len(st.keys) >= 3 for st in terms]
    total: Counter[str] = Counter(
        s.article for s, ok in zip(sentences, substantive, strict=True) if ok
    )
    seen: dict[str, int] = defaultdict(int)
    out = []
    for s, ok in zip(sentences, substantive, strict=True):
        limit = max(1, min(count, round(total[s.article] * share)))
        out.append(ok and seen[s.article] < limit)
        if ok:
            seen[s.article] += 1
    return out


def _accept_links(story: _Story, scores: dict[Link, float]) -> dict[Link, float]:
    p = story.params
    sents = story.sentences
    by_pair: dict[tuple[str, str], dict[Link, float]] = defaultdict(dict)
    for (a, b), s in scores.items():
        by_pair[(sents[a].article, sents[b].article)][(a, b)] = s
    extent: dict[str, tuple[int, int]] = {}  # article -> (sentences, first index)
    for sent in sents:
        n, first = extent.get(sent.article, (0, sent.index))
        extent[sent.article] = (n + 1, min(first, sent.index))
    accepted: dict[Link, float] = {}
    reports: list[dict[Link, float]] = []
    twins: dict[int, set[int]] = defaultdict(set)
    for (art_a, art_b), pair_scores in by_pair.items():
        n_a, first_a = extent[art_a]
        n_b, first_b = extent[art_b]
        local = {
            (sents[a].index - first_a, sents[b].index - first_b): s
            for (a, b), s in pair_scores.items()
        }
        if ordered_share(local, n_a, n_b, p.version_near) >= p.version_share:
            story.versions.add(frozenset((art_a, art_b)))
            links = _version_links(story, pair_scores, local, first_a, first_b, art_a, art_b)
            accepted.update(links)
            for (a, b), s in links.items():
                if s >= p.twin:
                    twins[a].add(b)
                    twins[b].add(a)
        else:
            reports.append(pair_scores)
    if twins:
        reports = _share_twin_evidence(story, reports, twins, scores)
    for pair_scores in reports:
        accepted.update(_report_links(story, pair_scores))
    return accepted


def _share_twin_evidence(
    story: _Story,
    reports: list[dict[Link, float]],
    twins: dict[int, set[int]],
    scores: dict[Link, float],
) -> list[dict[Link, float]]:
    """A sentence and its aligned twin in another version get the same links to third articles.

    Two versions of one text say the same thing in different words; what either of them shares
    with a third report is evidence for both, so each pair takes the stronger score of the two.
    """
    art = [s.article for s in story.sentences]
    neighbours: dict[int, list[tuple[int, float]]] = defaultdict(list)  # of the twins only
    for (a, b), s in scores.items():
        if a in twins:
            neighbours[a].append((b, s))
        if b in twins:
            neighbours[b].append((a, s))
    # article -> each article it is an independent report beside -> that pair's scores
    beside: dict[str, dict[str, dict[Link, float]]] = {}
    out = [dict(pair_scores) for pair_scores in reports if pair_scores]
    for boosted in out:
        a0, b0 = next(iter(boosted))
        beside.setdefault(art[a0], {})[art[b0]] = boosted
        beside.setdefault(art[b0], {})[art[a0]] = boosted
    for x, ys in twins.items():
        row = beside.get(art[x])
        if row is None:
            continue  # x's article has versions only: nothing to share evidence with
        for y in ys:
            for z, s in neighbours.get(y, ()):
                target = row.get(art[z])
                if target is None:
                    continue
                key = (x, z) if x < z else (z, x)
                if s > target.get(key, 0.0):
                    target[key] = s
    return out


def _version_links(
    story: _Story,
    pair_scores: dict[Link, float],
    local: dict[tuple[int, int], float],
    first_a: int,
    first_b: int,
    art_a: str,
    art_b: str,
) -> dict[Link, float]:
    p = story.params
    where = story.where

    def merged(rows: tuple[int, ...], cols: tuple[int, ...]) -> float:
        ra = [where.get((art_a, r + first_a)) for r in rows]
        cb = [where.get((art_b, c + first_b)) for c in cols]
        if None in ra or None in cb:
            return 0.0
        return similarity(
            story.merge([i for i in ra if i is not None]),
            story.merge([i for i in cb if i is not None]),
            story.vocab,
            p.sim,
        )

    out: dict[Link, float] = {}
    aligned: set[Link] = set()
    for unit in align(local, merged, p.align_floor, p.merge_margin, p.align_accept):
        if unit.similarity < p.align_accept:
            continue
        for r in unit.rows:
            for c in unit.cols:
                a, b = where[(art_a, r + first_a)], where[(art_b, c + first_b)]
                out[link(a, b)] = max(unit.similarity, pair_scores.get(link(a, b), 0.0))
                aligned.add(link(a, b))
    for pair, s in pair_scores.items():
        if pair not in aligned and s >= p.off_align:
            if story.repeated and (story.repeated[pair[0]] or story.repeated[pair[1]]):
                continue  # a line an article repeats (a caption's credit) matches only in place
            out[pair] = s
    return out


def _report_links(story: _Story, pair_scores: dict[Link, float]) -> dict[Link, float]:
    p = story.params
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    boosted: dict[Link, float] = {}
    lead_a: dict[int, float] = defaultdict(float)
    lead_b: dict[int, float] = defaultdict(float)
    for (a, b), s in pair_scores.items():
        if story.lead[a] and story.lead[b]:
            lead_a[a] = max(lead_a[a], s)
            lead_b[b] = max(lead_b[b], s)
    for (a, b), s in pair_scores.items():
        if story.lead[a] and story.lead[b]:
            best_of = (s >= lead_a[a]) + (s >= lead_b[b])
            if best_of >= p.lead_best:  # the lead sentences that tell each other's news
                s = min(1.0, s + p.lead_bonus)
        boosted[(a, b)] = s
        best_a[a] = max(best_a[a], s)
        best_b[b] = max(best_b[b], s)
    out: dict[Link, float] = {}
    for (a, b), s in boosted.items():
        if s >= p.accept or (s >= p.mutual and s >= best_a[a] and s >= best_b[b]):
            out[(a, b)] = s
    return out


@dataclass
class _Lexical:
    story: _Story
    raw: list[str]
    scores: dict[Link, float]
    links: dict[Link, float]
    groups: list[tuple[int, ...]]
    # Where the index overflows: each root's near-copies (copies.py), which follow it into its
    # claims; the groups, scores and links are the roots' alone.
    copies: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # (copy, similarity)


def _lexical(articles: list[Article], sents: list[Sentence], params: ClaimParams) -> _Lexical:
    """The lexical stage: term similarity, accepted links and the claims they group into."""
    texts = {a.id: a.text for a in articles}
    raw = [texts[s.article][s.start : s.end] for s in sents]
    terms, vocab = build_sentence_terms(
        raw,
        params.sim.name_boost,
        params.sim.number_boost,
        params.sim.synonyms,
        params.sim.attribution,
        lambda i: (
            tokenize(texts[sents[i].article], sents[i].start, sents[i].end),
            norms(texts[sents[i].article], sents[i].start, sents[i].end),
            sents[i].start,
        ),
    )
    story = _Story(
        sents, terms, vocab, params, _leads(sents, terms, params.lead_count, params.lead_share)
    )
    story.question = [_is_question(t) for t in raw]
    seen: Counter[tuple[str, frozenset[str]]] = Counter(
        (s.article, st.keys) for s, st in zip(sents, terms, strict=True)
    )
    story.repeated = [
        seen[(s.article, st.keys)] > 1 and bool(st.keys) for s, st in zip(sents, terms, strict=True)
    ]
    story.where = {(s.article, s.index): i for i, s in enumerate(sents)}
    article = [s.article for s in sents]
    copies: dict[int, list[tuple[int, float]]] = {}
    active = None
    postings = _postings(story, active)  # made once, and once more where copies are set aside
    if _index_overflows(postings, params.pair_budget):
        # A copy is as near its root as two sentences that make two articles versions.
        root = near_copies(terms, article, story.sim, params.version_near, params.sim.min_terms)
        for i, (r, sim) in enumerate(root):
            if r != i:
                copies.setdefault(r, []).append((i, sim))
        active = [r == i for i, (r, _) in enumerate(root)]
        postings = _postings(story, active)
    scores = _candidates(story, postings, active)
    links = _accept_links(story, scores)

    related = agreement_partners(links, scores, params.related)
    groups = group_links(links, article, related, params.group)
    # Common partners are evidence where the claims hold every sentence. Between first copies
    # alone (copies.py) they joined claims of different facts: on generated stories of 50, 200
    # and 500 articles, claims F1 against the carried gold 0.70 / 0.53 / 0.60 with the join,
    # 0.71 / 0.66 / 0.68 without it (benchmarks/claims_at_scale.py).
    if params.shared_partners and not copies:
        groups = join_shared_partners(
            groups,
            article.__getitem__,
            lambda x, y: frozenset((x, y)) not in story.versions,
            params.shared_partners,
        )
    if params.duplicate:
        groups = merge_near_duplicates(groups, params.duplicate)
    return _Lexical(story, raw, scores, links, groups, copies)


def pair_inputs(
    articles: list[Article],
    sentences: list[Sentence],
    meaning: Meaning,
    params: ClaimParams = DEFAULT_PARAMS,
) -> PairInputs:
    """What the pair model reads about a story (for tools/train_claim_model.py)."""
    return _pair_inputs(_lexical(articles, list(sentences), params), meaning)


def _pair_inputs(lex: _Lexical, meaning: Meaning) -> PairInputs:
    story = lex.story
    return PairInputs(
        article=[s.article for s in story.sentences],
        index=[s.index for s in story.sentences],
        texts=lex.raw,
        terms=story.terms,
        lead=story.lead,
        scores=lex.scores,
        links=lex.links,
        versions=story.versions,
        groups=lex.groups,
        embeddings=meaning.vectors,
        tokens=meaning.tokens,
    )


def find_claims(
    articles: list[Article],
    sentences: list[Sentence],
    params: ClaimParams = DEFAULT_PARAMS,
    meaning: Meaning | None = None,
) -> list[Claim]:
    """Claims ordered by where they first appear (article order, then sentence order).

    With `meaning` (each sentence's vector and token states, semantic.encode) the fitted pair model
    (pair_model.py) regroups the sentences of independent reports; without them, or when every
    two articles are versions of one text, the lexical claims stand.
    """
    article_of = {a.id: a for a in articles}
    sents = list(sentences)
    if len({s.article for s in sents}) < 2:
        return []
    lex = _lexical(articles, sents, params)
    story, raw, scores, links = lex.story, lex.raw, lex.scores, lex.links
    article = [s.article for s in sents]
    strength: dict[tuple[int, ...], tuple[float, ...]] = {}
    groups = lex.groups
    inputs = _pair_inputs(lex, meaning) if meaning is not None else None
    by_model = inputs is not None and has_reports(inputs)
    copies = lex.copies
    sim = {**scores, **links} if copies or not by_model else {}  # what the lexical rules read
    if inputs is not None and by_model:
        model = load_model()
        grouped = group(article, pair_probabilities(inputs, model), groups, model)
        groups = [members for members, _ in grouped]
        strength = dict(grouped)
    else:
        strength = dict(zip(groups, lexical_strengths(groups, article, sim), strict=True))
    # Each claim's members with their near-copies (the claims' own members, where none).
    grown = {g: _grown(g, copies, article, sim, params.group) if copies else g for g in groups}
    if copies:
        # A root that no claim holds with all its copies is, with them, a claim of its own.
        whole = {
            m for g, everyone in grown.items() for m in _holding_all_copies(g, everyone, copies)
        }
        for r in copies:
            if r not in whole:
                groups.append((r,))
                grown[(r,)] = _grown((r,), copies, article, sim, params.group)
    order = {a.id: k for k, a in enumerate(articles)}
    # Where two claims start at one sentence, their other members decide: the order never
    # rests on how the grouping happened to meet them (float noise in a tie).
    groups.sort(key=lambda g: sorted((order[sents[m].article], sents[m].index) for m in grown[g]))

    def label_of(members: tuple[int, ...], seed: int) -> str:
        a, b = label_span(story.terms, story.vocab, members, seed, params.label_words, raw[seed])
        s = sents[seed]
        return tidy(visible_text(article_of[s.article], s.start + a, s.start + b))

    claims = []
    used: set[str] = set()
    for k, members in enumerate(groups, start=1):
        # Members are sorted, so each combination is already a link (smaller, larger).
        pair_sims = [
            links.get(ab, scores.get(ab, 0.0))
            for ab in itertools.combinations(members, 2)
            if article[ab[0]] != article[ab[1]]
        ]
        seeds = sorted(
            members,
            key=lambda m: -sum(scores.get((m, o) if m < o else (o, m), 0.0) for o in members),
        )
        # Two claims of one headline fact would read alike: the most central member whose
        # words no earlier claim's label quotes names this one.
        first = label = label_of(members, seeds[0])
        for seed in seeds[1:]:
            if label.casefold() not in used:
                break
            label = label_of(members, seed)
        if label.casefold() in used:
            label = first  # every member's words are taken: the central one's, then
        used.add(label.casefold())
        score = sum(pair_sims) / len(pair_sims) if pair_sims else 0.0
        strengths = strength.get(members, ())
        everyone = grown[members]
        if copies:
            score, strengths = _with_copies(members, everyone, score, strengths, copies)
        claims.append(
            Claim(
                id=f"c{k}",
                members=tuple(sents[m].id for m in everyone),
                label=label,
                score=score,
                strengths=strengths,
            )
        )
    return claims


def _grown(
    members: tuple[int, ...],
    copies: dict[int, list[tuple[int, float]]],
    article: Sequence[str],
    sim: dict[Link, float],
    rule: GroupParams,
) -> tuple[int, ...]:
    """A claim of roots with their near-copies, each article giving it what the grouping
    (groups.group_links) lets one article give a claim: the members are taken from the
    centre out (by their similarity to the others), and a copy goes where its article has
    given nothing yet, or as a second sentence as strong as the grouping asks of one.

    With every sentence paired, an article that holds a copy of each of two members gives the
    claim the nearer one; the other joins only if it is nearly as strong. A root links to a
    weak second choice in an article where its own fact is missing (the articles took
    different excerpts), and with every copy following every member that one link made
    hundreds of wrong pairs: on a generated story of 50 articles a quarter of the linked pairs
    joined different facts, a fifth with this rule (benchmarks/claims_at_scale.py).
    """
    if len(members) == 1:
        return tuple(sorted([*members, *(c for c, _ in copies.get(members[0], ()))]))

    def centre(m: int) -> float:
        return sum(sim.get((m, o) if m < o else (o, m), 0.0) for o in members if o != m)

    ranked = sorted(members, key=lambda m: (-centre(m), m))
    seed = ranked[0]
    first: dict[str, float] = {}  # article -> the strength of the first member it gave
    count: dict[str, int] = {}
    out = list(members)
    for m in ranked:
        w = 1.0 if m == seed else sim.get((m, seed) if m < seed else (seed, m), 0.0)
        for c, like in [(m, 1.0), *copies.get(m, ())]:
            art = article[c]
            brought = count.get(art, 0)
            if (
                c != m
                and brought
                and (brought >= rule.max_per_article or w * like < rule.second_ratio * first[art])
            ):
                continue
            if c != m:
                out.append(c)
            first.setdefault(art, w * like)
            count[art] = brought + 1
    return tuple(sorted(out))


def _holding_all_copies(
    members: tuple[int, ...], everyone: tuple[int, ...], copies: dict[int, list[tuple[int, float]]]
) -> list[int]:
    """The members of a claim that it holds with all their copies (`everyone`: the claim
    grown by them)."""
    held = set(everyone)
    return [m for m in members if all(c in held for c, _ in copies.get(m, ()))]


def _with_copies(
    members: tuple[int, ...],
    everyone: tuple[int, ...],
    score: float,
    strengths: tuple[float, ...],
    copies: dict[int, list[tuple[int, float]]],
) -> tuple[float, tuple[float, ...]]:
    """A claim of roots grown by their near-copies (`everyone`): its score and strengths.

    A copy is as strong as its root; a root alone with its copies (no other claim holds it)
    is as strong as it is like them, each copy as like its root, and so is the claim's score.
    """
    if len(members) == 1:
        (root,) = members
        like = {c: sim for c, sim in copies.get(root, ())}
        mean = sum(like.values()) / len(like) if like else 0.0
        return mean, tuple(round(like.get(m, mean), 3) for m in everyone)
    if not strengths:
        return score, ()
    of = dict(zip(members, strengths, strict=True))
    for m in members:
        for c, _ in copies.get(m, ()):
            of[c] = of[m]
    return score, tuple(of[m] for m in everyone)
