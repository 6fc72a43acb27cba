"""Time to open the overview (`o`) on generated stories of 5, 50 and 200 articles.

    python benchmarks/ui_overview.py [--articles 5,50,200] [--opens 5] [--story DIR]

The overview draws an articles x articles heat map and lists every warning and claim, so its
cost grows with the story. Each open is timed through Pilot from the key to the idle screen,
at 160x48, and set beside a no-op key (`f9`) timed the same way. The generated stories share
passages between neighbouring articles only; `--story DIR` analyses a real story instead (a
generated one of 500 articles shares a million passages), and the first open, which works
out every article's share, is shown apart.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from benchmarks.ui_keys import analysed, generate_story
from reader.core.model import Story
from reader.ui.app import SameStoryApp
from reader.ui.screens.overview import OverviewScreen


async def _measure(story: Story, opens: int) -> tuple[list[float], list[float]]:
    app = SameStoryApp(story=story, remember=False, freeze_gc=True)
    opened, noop = [], []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for _ in range(opens):
            t0 = time.perf_counter()
            await pilot.press("f9")
            noop.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            await pilot.press("o")
            while not isinstance(app.screen, OverviewScreen):
                await pilot.pause()
            await pilot.pause()
            opened.append((time.perf_counter() - t0) * 1000)
            await pilot.press("escape")
            await pilot.pause()
    return opened, noop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", default="5,50,200")
    parser.add_argument("--opens", type=int, default=5)
    parser.add_argument("--story", default="", help="a story folder, analysed (no generation)")
    args = parser.parse_args()
    stories = (
        [analysed(args.story)]
        if args.story
        else [generate_story(int(x), 40) for x in args.articles.split(",")]
    )
    for story in stories:
        opened, noop = asyncio.run(_measure(story, args.opens))
        print(
            f"{len(story.articles):3d} articles  open overview: first {opened[0]:7.1f} ms,"
            f" median {statistics.median(opened):7.1f} ms"
            f"  (no-op key {statistics.median(noop):5.1f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
