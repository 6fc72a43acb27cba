"""Which sentence pairs of independent reports state the same proposition: a fitted pair model.

Each candidate pair of sentences of different articles is described by signals that together say
"same proposition": the sentence embeddings' cosine and how it ranks against each sentence's
other candidates in that article, the engine's lexical similarity (story-IDF terms, synonyms)
and whether it linked the pair, shared and unshared names, shared and conflicting numbers,
shared content words (the predicate and its synonyms), negation on one side only, attribution,
the lead, the position and the length, and how much of each sentence's wording the other
answers token by token (token_alignment.py). A logistic regression over them, fitted to the
development stories' two-annotator consensus by `tools/train_claim_model.py`, gives the
probability that the pair is one claim; the weights are `data/claim_pair_model.json`.

Grouping follows the annotation guide: claims grow by average linkage (a sentence joins a claim
when it is likely the same proposition as the claim's members on average, so one sentence shared
by two unrelated groups never chains them), an article brings one sentence to a claim, and then a
sentence may also join a second claim that it matches as strongly (a sentence stating two
propositions), and a further sentence of an article already in the claim joins it when it
matches the other articles' members as strongly (an outlet that states the fact twice, or over
two sentences: a third to a half of the annotators' claims hold two sentences of one article).
The lexical claims stay where the model agrees with them: a member whose pairs the model finds
unlikely is dropped.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.claims.groups import distinct_claims
from reader.core.claims.similarity import SentenceTerms
from reader.core.claims.token_alignment import COLUMNS as ALIGNMENT
from reader.core.claims.token_alignment import TokenStates, alignment_columns

if TYPE_CHECKING:
    import numpy as np

Link = tuple[int, int]
TOP = 5  # each sentence's closest sentences per other article that become candidates
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "claim_pair_model.json"

FEATURES = (
    "cos",
    "cos_gap_a",
    "cos_gap_b",
    "cos_mutual",
    "cos_z",
    "cos_rank_a",
    "cos_rank_b",
    "lex",
    "lex_gap_a",
    "lex_gap_b",
    "lex_mutual",
    "linked",
    "names_shared",
    "names_apart",
    "numbers_shared",
    "numbers_conflict",
    "content_shared",
    "negation_one_side",
    "attribution_both",
    "lead_both",
    "position_gap",
    "short",
    "length_ratio",
    "question_one_side",
    "versions",
    "lexical_claim",
    *ALIGNMENT,
)

_NEGATION = re.compile(
    r"\b(?:not|no|never|nobody|none|nothing|neither|nor|without|den(?:y|ies|ied))\b|n't\b", re.I
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|according|reported|reports|announced|stated|claimed|added)\b",
    re.I,
)


@dataclass(frozen=True)
class PairInputs:
    """What the lexical stage knows about a story, in the claim finder's sentence indices."""

    article: Sequence[str]
    index: Sequence[int]
    texts: Sequence[str]
    terms: Sequence[SentenceTerms]
    lead: Sequence[bool]
    scores: dict[Link, float]  # lexical similarity of the candidate pairs
    links: dict[Link, float]  # pairs the lexical stage accepted
    versions: set[frozenset[str]]  # article pairs that are versions of one text
    groups: Sequence[tuple[int, ...]]  # the lexical claims
    embeddings: np.ndarray  # unit vectors, one row per sentence
    tokens: Sequence[TokenStates]  # token states, one per sentence


@dataclass(frozen=True)
class PairModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    floor: float = 0.3  # pairs under this cosine that no lexical evidence proposes are not scored
    join: float = 0.5  # average-linkage threshold of a claim's growth
    second: float = 0.6  # a sentence joins a further claim at this average probability
    keep: float = 0.2  # a lexical claim member below this average probability is dropped
    sibling: float = 1.01  # a second sentence of a member's article joins at this (above 1: never)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=1) + "\n"


@cache
def load_model(path: Path = MODEL_PATH) -> PairModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    model = PairModel(
        names=tuple(data["names"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        weights=tuple(data["weights"]),
        bias=float(data["bias"]),
        floor=float(data.get("floor", 0.3)),
        join=float(data.get("join", 0.5)),
        second=float(data.get("second", 0.6)),
        keep=float(data.get("keep", 0.2)),
        sibling=float(data.get("sibling", 1.01)),
    )
    if model.names != FEATURES:
        raise ValueError(f"{path}: the model's features are not this code's")
    return model


def has_reports(inp: PairInputs) -> bool:
    """Whether two articles of the story are independent reports (not versions of one text)."""
    arts = sorted(set(inp.article))
    return any(
        frozenset((a, b)) not in inp.versions for k, a in enumerate(arts) for b in arts[k + 1 :]
    )


def features(inp: PairInputs, floor: float, top: int = TOP) -> tuple[list[Link], np.ndarray]:
    """The candidate pairs (smaller index first) and one row of FEATURES each.

    Candidates: the pairs the lexical stage scored, linked or grouped, and each sentence's `top`
    closest sentences (by cosine, at least `floor`) in every other article. The features are
    computed for all of them at once (numpy), so a 50-article story takes seconds.
    """
    import numpy as np

    n = len(inp.article)
    arts = sorted(set(inp.article))
    aix = np.array([arts.index(a) for a in inp.article])
    emb = inp.embeddings
    cos = emb @ emb.T
    same = aix[:, None] == aix[None, :]
    cross = cos[~same]
    mu, sd = (float(cross.mean()), float(cross.std()) + 1e-6) if cross.size else (0.0, 1.0)
    members = [np.flatnonzero(aix == k) for k in range(len(arts))]
    width = max(len(m) for m in members)
    by_article = np.full((n, len(arts), width), -np.inf, dtype=np.float32)
    for k, idx in enumerate(members):
        by_article[:, k, : len(idx)] = cos[:, idx]
    best_cos = by_article.max(axis=2)

    lexical_pairs: set[Link] = set()
    for g in inp.groups:
        for ia, a in enumerate(g):
            for b in g[ia + 1 :]:
                lexical_pairs.add((a, b) if a < b else (b, a))
    candidates = set(inp.scores) | set(inp.links) | lexical_pairs
    for k, idx in enumerate(members):
        block = cos[:, idx]
        keep = min(top, len(idx))
        nearest = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
        for row, cols in enumerate(nearest.tolist()):
            if aix[row] == k:
                continue
            for col in cols:
                other = int(idx[col])
                if block[row, col] >= floor:
                    candidates.add((row, other) if row < other else (other, row))
    pairs = sorted(p for p in candidates if inp.article[p[0]] != inp.article[p[1]])
    if not pairs:
        return [], np.zeros((0, len(FEATURES)))
    a_ix = np.array([p[0] for p in pairs])
    b_ix = np.array([p[1] for p in pairs])
    ka, kb = aix[a_ix], aix[b_ix]
    c = cos[a_ix, b_ix]
    gap_a = c - best_cos[a_ix, kb]
    gap_b = c - best_cos[b_ix, ka]
    rank_a = np.zeros(len(pairs))
    rank_b = np.zeros(len(pairs))
    for first in range(0, len(pairs), 20_000):
        part = slice(first, first + 20_000)
        cc = c[part, None]
        rank_a[part] = (by_article[a_ix[part], kb[part]] > cc).sum(axis=1)
        rank_b[part] = (by_article[b_ix[part], ka[part]] > cc).sum(axis=1)

    best_lex: dict[tuple[int, int], float] = {}
    for (a, b), sim in inp.scores.items():
        for x, y in ((a, b), (b, a)):
            key = (x, int(aix[y]))
            if sim > best_lex.get(key, 0.0):
                best_lex[key] = sim
    lex = np.array([inp.scores.get(p, 0.0) for p in pairs])
    lgap_a = lex - np.array([best_lex.get((a, int(k)), 0.0) for a, k in zip(a_ix, kb, strict=True)])
    lgap_b = lex - np.array([best_lex.get((b, int(k)), 0.0) for b, k in zip(b_ix, ka, strict=True)])

    names = [frozenset(t.key for t in st.terms if t.name and not t.number) for st in inp.terms]
    numbers = [frozenset(t.key for t in st.terms if t.number) for st in inp.terms]
    content = [
        frozenset(t.key for t in st.terms if not t.name and not t.number) for st in inp.terms
    ]
    words = np.array([len(t.split()) for t in inp.texts], dtype=np.float64)
    negated = np.array([bool(_NEGATION.search(t)) for t in inp.texts])
    attributed = np.array([bool(_ATTRIBUTION.search(t)) for t in inp.texts])
    question = np.array([t.rstrip().rstrip("\"'”’").endswith("?") for t in inp.texts])
    lead = np.array(inp.lead, dtype=bool)
    size = np.bincount(aix, minlength=len(arts)).astype(np.float64)
    place = np.array(inp.index, dtype=np.float64) / size[aix]
    version = np.array(
        [[frozenset((x, y)) in inp.versions for y in arts] for x in arts], dtype=np.float64
    )

    def column(value: Callable[[int, int], float]) -> np.ndarray:
        """One feature over every pair, without a Python tuple per pair (230,000 pairs of 50
        articles held as tuples cost 60 MB)."""
        return np.fromiter((value(a, b) for a, b in pairs), np.float64, count=len(pairs))

    sets = np.column_stack(
        [
            column(lambda a, b: len(names[a] & names[b])),
            column(lambda a, b: len(names[a] ^ names[b])),
            column(lambda a, b: len(numbers[a] & numbers[b])),
            column(
                lambda a, b: float(
                    bool(numbers[a]) and bool(numbers[b]) and not numbers[a] & numbers[b]
                )
            ),
            column(
                lambda a, b: (
                    len(content[a] & content[b]) / max(1, min(len(content[a]), len(content[b])))
                )
            ),
            column(lambda a, b: float((a, b) in inp.links)),
            column(lambda a, b: float((a, b) in lexical_pairs)),
        ]
    )
    wa, wb = words[a_ix], words[b_ix]
    columns = [
        c,
        gap_a,
        gap_b,
        ((gap_a >= 0) & (gap_b >= 0)).astype(np.float64),
        (c - mu) / sd,
        np.log1p(rank_a),
        np.log1p(rank_b),
        lex,
        lgap_a,
        lgap_b,
        ((lgap_a >= 0) & (lgap_b >= 0) & (lex > 0)).astype(np.float64),
        sets[:, 5],
        np.log1p(sets[:, 0]),
        np.log1p(sets[:, 1]),
        np.log1p(sets[:, 2]),
        sets[:, 3],
        sets[:, 4],
        (negated[a_ix] != negated[b_ix]).astype(np.float64),
        (attributed[a_ix] & attributed[b_ix]).astype(np.float64),
        (lead[a_ix] & lead[b_ix]).astype(np.float64),
        np.abs(place[a_ix] - place[b_ix]),
        (np.minimum(wa, wb) < 6).astype(np.float64),
        np.abs(np.log((wa + 1) / (wb + 1))),
        (question[a_ix] != question[b_ix]).astype(np.float64),
        version[ka, kb],
        sets[:, 6],
        *alignment_columns(pairs, inp.tokens).T,
    ]
    return pairs, np.column_stack(columns).astype(np.float64, copy=False)


def probabilities(model: PairModel, x: np.ndarray) -> np.ndarray:
    import numpy as np

    z = (x - np.array(model.mean)) / np.array(model.scale)
    logit = z @ np.array(model.weights) + model.bias
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(logit, -30.0, 30.0)))
    return out


def pair_probabilities(inp: PairInputs, model: PairModel | None = None) -> dict[Link, float]:
    model = model or load_model()
    pairs, x = features(inp, model.floor)
    if not pairs:
        return {}
    p = probabilities(model, x)
    return {pair: float(v) for pair, v in zip(pairs, p.tolist(), strict=True)}


def group(
    article: Sequence[str],
    prob: dict[Link, float],
    lexical: Sequence[tuple[int, ...]],
    model: PairModel,
) -> list[tuple[tuple[int, ...], tuple[float, ...]]]:
    """Claims (members sorted) with each member's strength: its mean probability with the
    members of the other articles."""

    def p(a: int, b: int) -> float:
        return prob.get((a, b) if a < b else (b, a), 0.0)

    def mean_to(s: int, members: Sequence[int]) -> float:
        others = [m for m in members if article[m] != article[s]]
        return sum(p(s, m) for m in others) / len(others) if others else 0.0

    least = min(model.second, model.sibling)
    near: dict[int, set[int]] = {}
    for (a, b), v in prob.items():
        if v >= least:  # a sentence whose mean reaches a threshold reaches it somewhere
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    grown = _average_linkage(article, prob, model.join)
    claims: list[tuple[int, ...]] = []
    for members in grown:
        arts = {article[m] for m in members}
        reach = set().union(*(near.get(m, set()) for m in members))
        extra = [
            s
            for s in sorted(reach)
            if s not in members
            and mean_to(s, members) >= (model.second if article[s] not in arts else model.sibling)
        ]
        claims.append(tuple(sorted(set(members) | set(extra))))
    for lexical_claim in lexical:
        kept = [m for m in lexical_claim if mean_to(m, lexical_claim) >= model.keep]
        if len({article[m] for m in kept}) >= 2:
            claims.append(tuple(sorted(kept)))
    claims = distinct_claims(claims)
    return [(c, tuple(round(mean_to(m, c), 3) for m in c)) for c in claims]


def _average_linkage(
    article: Sequence[str], prob: dict[Link, float], threshold: float
) -> list[list[int]]:
    """Merge the two clusters of highest mean pair probability while it is at least
    `threshold`, never two clusters that hold a sentence of one article."""
    owner = list(range(len(article)))
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(article))}
    heap = [(-v, a, b) for (a, b), v in prob.items() if v >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        ca, cb = owner[a], owner[b]
        if ca == cb:
            continue
        left, right = clusters[ca], clusters[cb]
        if {article[m] for m in left} & {article[m] for m in right}:
            continue
        total = sum(prob.get((x, y) if x < y else (y, x), 0.0) for x in left for y in right)
        mean = total / (len(left) * len(right))
        if mean < threshold:
            continue
        if mean < -neg - 1e-12:  # the clusters grew since this entry: requeue at today's mean
            heapq.heappush(heap, (-mean, a, b))
            continue
        clusters[ca] = left + right
        for m in right:
            owner[m] = ca
        del clusters[cb]
    return [c for c in clusters.values() if len({article[m] for m in c}) >= 2]


def lexical_strengths(
    groups: Sequence[tuple[int, ...]], article: Sequence[str], sim: dict[Link, float]
) -> list[tuple[float, ...]]:
    """Each member's strength without the model: its mean lexical similarity to the members of
    the other articles, clamped to 0..1."""
    out = []
    for members in groups:
        row = []
        for m in members:
            others = [o for o in members if article[o] != article[m]]
            vals = [sim.get((m, o) if m < o else (o, m), 0.0) for o in others]
            row.append(round(min(1.0, max(0.0, sum(vals) / len(vals))), 3) if vals else 0.0)
        out.append(tuple(row))
    return out
