"""A large synthetic story: N articles of ~W words, sentences recombined and perturbed.

    python benchmarks/generate.py OUT_DIR [--articles 50] [--words 1000] [--seed 7]

Sentences come from the bundled sample; each article takes a random run of them in
mostly-preserved order, drops some, swaps words, changes numbers and adds its own sentences,
so the engine sees reuse, paraphrase-like edits and unrelated text at a realistic scale.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from reader.core.ingest.loading import load_paths
from reader.core.pipeline import segment
from reader.resources import sample_dir


def _pool() -> list[str]:
    articles = load_paths([sample_dir()])
    by_id = {a.id: a for a in articles}
    out = []
    for s in segment(articles):
        text = " ".join(by_id[s.article].text[s.start : s.end].split())
        if len(text.split()) >= 6:
            out.append(text)
    return out


def _perturb(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        i = rng.randrange(len(words))
        action = rng.random()
        if action < 0.4:
            words[i] = rng.choice(vocabulary)
        elif action < 0.7 and len(words) > 6:
            del words[i]
        elif words[i].isdigit():
            words[i] = str(int(words[i]) + rng.randint(1, 9))
        else:
            words.insert(i, rng.choice(vocabulary))
    return " ".join(words)


def generate(out: Path, articles: int, words: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    pool = _pool()
    vocabulary = sorted({w.strip(".,“”\"'") for s in pool for w in s.split()} - {""})
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(articles):
        start = rng.randrange(len(pool))
        body: list[str] = []
        count = 0
        i = start
        while count < words:
            if rng.random() < 0.15:  # an own sentence: random words
                s = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(8, 25))) + "."
            else:
                s = _perturb(pool[i % len(pool)], rng, vocabulary)
                i += rng.choice((1, 1, 1, 2, 5))
            body.append(s)
            count += len(s.split())
        paragraphs = ["\n".join(body[k : k + 3]).replace("\n", " ") for k in range(0, len(body), 3)]
        path = out / f"article_{n:03d}.txt"
        path.write_text(f"Generated report {n}\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
        paths.append(path)
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    generate(args.out, args.articles, args.words, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
