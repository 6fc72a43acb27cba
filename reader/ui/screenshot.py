"""Make the README screenshot with the app itself: `python -m reader.ui.screenshot OUT.svg`.

Opens the bundled sample at a fixed size with a throw-away SAMESTORY_HOME, walks to a claim
reported by several articles, opens the inspector and saves an SVG.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

from reader.resources import sample_dir

SIZE = (150, 44)
KEYS = ("n", "n", "n", "i")


async def _shoot(out: Path) -> None:
    from reader.ui.app import SameStoryApp

    app = SameStoryApp([sample_dir()], remember=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(1200):  # the analysis runs in a child process: wait for its story
            if app.analysed and app.reader.index is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        await pilot.press(*KEYS)
        await pilot.pause()
        app.save_screenshot(filename=out.name, path=str(out.parent.resolve()))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshot.svg")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["SAMESTORY_HOME"] = home
        asyncio.run(_shoot(out))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
