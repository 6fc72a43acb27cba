"""Time the reader's answer to `n` and `Enter` on a generated 50-article story (target < 50 ms).

    python benchmarks/ui_keys.py [--articles 50] [--sentences 40] [--presses 30] [--story DIR]

The story is built in memory (invented words, dense correspondences: every other sentence is
one claim across all articles, passages shared by every neighbouring pair), so the figure
measures the UI, not the engine. Each press is timed through Pilot until the app is idle again
(handler, restyling the columns on screen, and the repaint), at 160x48. Pilot itself waits for
idle after every key, so an unbound key (`f9`) is timed the same way as the baseline, and the
handling cost is the difference: `net = median(key) - median(f9)`. `--story DIR` analyses a
real story instead (a generated one of 500 articles shares a million passages, where the
in-memory one shares 10,000).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import itertools
import random
import statistics
import time

from reader.core.model import (
    Article,
    Claim,
    Location,
    Sentence,
    SharedPassage,
    Story,
    Warning,
)
from reader.ui.app import SameStoryApp

SYLLABLES = "ka lo mi ra su te vi no de pa zu fe ri to ba ne lu mo si ga".split()


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def generate_story(n_articles: int, n_sentences: int, seed: int = 7) -> Story:
    rng = random.Random(seed)
    common = [
        " ".join(_word(rng) for _ in range(rng.randint(8, 20))).capitalize() + "."
        for _ in range(n_sentences)
    ]
    articles, sentences, passages, warnings = [], [], [], []
    for i in range(n_articles):
        aid = f"a{i + 1}"
        parts, offsets = [], []
        pos = 0
        for k in range(n_sentences):
            text = common[k] if k % 2 == 0 else " ".join(_word(rng) for _ in range(12)) + "."
            offsets.append((pos, pos + len(text)))
            parts.append(text)
            pos += len(text) + (2 if k % 4 == 3 else 1)
        body = "".join(p + ("\n\n" if k % 4 == 3 else " ") for k, p in enumerate(parts))
        articles.append(
            Article(
                aid,
                f"{aid}.txt",
                f"/gen/{aid}.txt",
                body,
                fingerprint=hashlib.sha256(body.encode()).hexdigest(),
            )
        )
        for k, (s, e) in enumerate(offsets):
            sentences.append(Sentence(f"{aid}:s{k + 1}", aid, k, s, e))
        s, e = offsets[1]
        warnings.append(Warning(f"w{i + 1}", aid, s, s + 4, "other", "generated"))
    by_article = {a.id: [s for s in sentences if s.article == a.id] for a in articles}
    claims = [
        Claim(f"c{k // 2 + 1}", tuple(f"{a.id}:s{k + 1}" for a in articles))
        for k in range(0, n_sentences, 2)
    ]
    for a, b in itertools.pairwise(articles):
        for k in range(0, n_sentences, 2):
            sa, sb = by_article[a.id][k], by_article[b.id][k]
            passages.append(
                SharedPassage(
                    Location(a.id, sa.start, sa.end), Location(b.id, sb.start, sb.end), 1.0
                )
            )
    return Story(articles, sentences, claims, passages, warnings, [])


def analysed(folder: str) -> Story:
    """A story folder analysed as the reader's first step does (lexical claims)."""
    from pathlib import Path

    from reader.core.pipeline import analyse

    return analyse([Path(folder)], semantic=False)


async def _measure(story: Story, presses: int) -> dict[str, list[float]]:
    app = SameStoryApp(story=story, remember=False, freeze_gc=True)  # as run_app does
    out: dict[str, list[float]] = {"f9": [], "n": [], "enter": [], "j": []}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.pause()
        for key in out:
            for _ in range(presses):
                t0 = time.perf_counter()
                await pilot.press(key)
                out[key].append((time.perf_counter() - t0) * 1000)
                if key == "n" and app.reader.cursor and app.reader.cursor.index > 30:
                    app.reader.move_to(app.reader.cursor.article, 0)
                    await pilot.pause()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--sentences", type=int, default=40)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--story", default="", help="a story folder, analysed (no generation)")
    args = parser.parse_args()
    stories = (
        [analysed(args.story)]
        if args.story
        else [generate_story(n, args.sentences) for n in sorted({5, args.articles})]
    )
    for story in stories:
        n = len(story.articles)
        times = asyncio.run(_measure(story, args.presses))
        baseline = statistics.median(times["f9"])
        for key, values in times.items():
            median = statistics.median(values)
            net = "(no-op baseline)" if key == "f9" else f"net {median - baseline:5.1f} ms"
            verdict = "" if key in ("f9", "j") else ("  ok" if median - baseline < 50 else "  SLOW")
            print(
                f"{n:3d} articles  {key:>5}: median {median:6.1f} ms  "
                f"p90 {sorted(values)[int(len(values) * 0.9)]:6.1f} ms  {net}{verdict}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
