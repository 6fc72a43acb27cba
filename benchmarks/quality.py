"""Score the engine on the sample and every development story with gold.

    python benchmarks/quality.py [--only NAME] [--metrics claims.f1,artifacts.recall]

Runs the analysis in-process and scores each report with ../shared/tools/score.py, one line per
story, so a change can be checked for generalisation beyond the sample in one command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from benchmarks.scorer import SHARED, load_scorer
from reader.core.pipeline import analyse
from reader.report.json_report import report_dict


def stories() -> list[tuple[str, Path, Path]]:
    """(name, articles dir, gold dir) for the sample and every dev story."""
    out = [("saraqeb", SHARED / "seeds" / "saraqeb", SHARED / "gold" / "saraqeb")]
    for d in sorted((SHARED / "dev").iterdir()):
        if (d / "gold").is_dir():
            out.append((d.name, d, d / "gold"))
    return out


def score_story(articles: Path, gold: Path) -> dict[str, Any]:
    report = report_dict(analyse([articles]))
    metrics, _problems = load_scorer().score(gold, report)
    return dict(metrics)


def _short(metric: str) -> str:
    group, _, name = metric.partition(".")
    return f"{group[:4]}.{name[:4]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="substring of the story names to run")
    ap.add_argument(
        "--metrics",
        default="claims.precision,claims.recall,claims.f1,passages.f1,artifacts.recall,"
        "artifacts.precision,discrepancies.recall,discrepancies.false_alarms,"
        "boilerplate.recall,boilerplate.precision",
    )
    args = ap.parse_args()
    names = args.metrics.split(",")
    print("story".ljust(22) + "".join(_short(n).rjust(10) for n in names))
    for name, arts, gold in stories():
        if args.only and args.only not in name:
            continue
        m = score_story(arts, gold)
        cells = []
        for n in names:
            v = m.get(n)
            cells.append("-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v))
        print(name.ljust(22) + "".join(c.rjust(10) for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
