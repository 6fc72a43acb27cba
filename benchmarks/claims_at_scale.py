"""Claims on large generated stories, scored against the sample's gold carried to its copies.

    python -m benchmarks.claims_at_scale [--cases 50x1000,200x800,500x800] [--seed 7]

benchmarks/generate.py makes a story of perturbed copies of the sample's sentences and knows
where each sentence came from. The sample's two-annotator claim gold (../shared/gold/saraqeb)
then says which of the story's pairs of sentences must be linked and which may be, by
score.py's rule carried to the copies: two sentences of different articles must be linked when
they copy one sample sentence, or copy two that every annotation puts in one claim as required
members; a link is right when they copy one sample sentence or two that some annotation puts
in one claim. The sentences an article adds of its own belong to no claim.

The engine's claims are measured as the reader gets them (`analyse`, without the semantic
stage): precision and recall of the linked pairs, and the share of sentences in a claim. Times
are printed for the record, never compared with a fixed figure.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks.generate import (
    OWN,
    article_name,
    article_sentences,
    article_text,
    generate,
    pool_sentences,
)
from benchmarks.scorer import SHARED
from reader.core.pipeline import analyse


@dataclass(frozen=True)
class SampleGold:
    """For each sample sentence (pool_sentences() order), the claims of each annotation that
    hold it as a required member, and those that hold it at all."""

    required: list[list[frozenset[str]]]  # [annotation][sentence]
    member: list[frozenset[str]]  # claim keys of any annotation

    def must_link(self, a: int, b: int) -> bool:
        return a == b or all(req[a] & req[b] for req in self.required)

    def may_link(self, a: int, b: int) -> bool:
        return a == b or bool(self.member[a] & self.member[b])


def _squashed(text: str) -> str:
    return " ".join(text.split())


def sample_gold(claims_file: Path) -> SampleGold:
    """The gold's members located in the sample's sentences by their quotes."""
    pool = [(Path(a.path).name if a.path else a.id, _squashed(t)) for a, t in pool_sentences()]
    data = json.loads(claims_file.read_text("utf-8"))
    required: list[list[set[str]]] = []
    member: list[set[str]] = [set() for _ in pool]
    for number, annotation in enumerate(data.get("annotations") or [data]):
        needed: list[set[str]] = [set() for _ in pool]
        for claim in annotation["claims"]:
            key = f"{number}:{claim['id']}"
            for kind in ("must", "also"):
                for m in claim.get(kind, []):
                    quote = _squashed(m["quote"])
                    for k, (article, text) in enumerate(pool):
                        if article == m["article"] and quote in text:
                            member[k].add(key)
                            if kind == "must":
                                needed[k].add(key)
        required.append(needed)
    return SampleGold(
        [[frozenset(s) for s in needed] for needed in required], [frozenset(s) for s in member]
    )


def score(
    story_dir: Path, articles: int, words: int, seed: int, gold: SampleGold
) -> dict[str, Any]:
    """Analyse the generated story in `story_dir` and score its claims."""
    made = {
        article_name(k): article_text(k, sentences)
        for k, sentences in enumerate(article_sentences(articles, words, seed))
    }
    started = time.perf_counter()
    story = analyse([story_dir], semantic=False)
    seconds = time.perf_counter() - started
    position = {s.id: k for k, s in enumerate(story.sentences)}
    article = [s.article for s in story.sentences]
    # Each sentence takes the source of the generated sentence it starts in (the title none).
    starts_of: dict[str, tuple[list[int], list[int]]] = {}
    for doc in story.articles:
        text, spans = made[Path(doc.path).name if doc.path else doc.id]
        if text != doc.text:
            raise SystemExit(f"claims_at_scale: {doc.path} is not the generated text")
        starts_of[doc.id] = ([start for start, _ in spans], [src for _, src in spans])
    source = []
    for s in story.sentences:
        begins, made_from = starts_of[s.article]
        k = bisect_right(begins, s.start) - 1
        source.append(made_from[k] if k >= 0 else OWN)
    n = len(story.sentences)
    copies: dict[int, list[int]] = {}
    for k, src in enumerate(source):
        if src != OWN:
            copies.setdefault(src, []).append(k)
    required: set[int] = set()
    sources = sorted(copies)
    for i, a in enumerate(sources):
        for b in sources[i:]:
            if gold.must_link(a, b):
                for x in copies[a]:
                    for y in copies[b]:
                        if x != y and article[x] != article[y]:
                            required.add(min(x, y) * n + max(x, y))
    found: set[int] = set()
    for claim in story.claims:
        members = sorted(position[m] for m in claim.members)
        found.update(x * n + y for x, y in combinations(members, 2) if article[x] != article[y])
    right = sum(
        1
        for pair in found
        if OWN not in (source[pair // n], source[pair % n])
        and gold.may_link(source[pair // n], source[pair % n])
    )
    precision = right / len(found) if found else 0.0
    recall = len(found & required) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    in_claims = len({m for c in story.claims for m in c.members})
    return {
        "sentences": n,
        "claims": len(story.claims),
        "in_claims": in_claims / n if n else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "required": len(required),
        "linked": len(found),
        "seconds": seconds,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", default="50x1000,200x800,500x800", help="ARTICLESxWORDS,...")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "saraqeb" / "claims.json")
    args = ap.parse_args()
    if not args.gold.is_file():
        print(f"claims_at_scale: no gold at {args.gold}", file=sys.stderr)
        return 2
    gold = sample_gold(args.gold)
    print(
        f"{'story':>10} {'sentences':>9} {'claims':>6} {'in claim':>8} "
        f"{'P':>6} {'R':>6} {'F1':>6} {'required':>9} {'linked':>9} {'seconds':>7}"
    )
    for case in args.cases.split(","):
        articles, words = (int(x) for x in case.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), articles, words, args.seed)
            m = score(Path(tmp), articles, words, args.seed, gold)
        print(
            f"{case:>10} {m['sentences']:>9} {m['claims']:>6} {m['in_claims']:>8.2f} "
            f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
            f"{m['required']:>9} {m['linked']:>9} {m['seconds']:>7.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
