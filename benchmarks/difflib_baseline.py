"""The reference point: a plain all-pairs difflib sentence matcher.

    python benchmarks/difflib_baseline.py PATH... > report.json

Same loading and sentence splitting as samestory, then every sentence of every article against
every sentence of every other article with difflib's ratio; pairs above a threshold form claims.
Its JSON report can be scored with ../shared/tools/score.py like samestory's.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from reader.core.ingest.loading import load_paths
from reader.core.model import Claim, Story
from reader.core.pipeline import segment
from reader.report.json_report import report_dict

THRESHOLD = 0.5


def baseline_story(paths: list[Path]) -> Story:
    articles = load_paths(paths)
    sentences = segment(articles)
    by_id = {a.id: a for a in articles}
    texts = {s.id: by_id[s.article].text[s.start : s.end].lower() for s in sentences}
    claims: list[Claim] = []
    for i, s in enumerate(sentences):
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(texts[s.id])
        for t in sentences[i + 1 :]:
            if t.article == s.article:
                continue
            matcher.set_seq1(texts[t.id])
            # The cascade difflib.get_close_matches uses: cheap upper bounds first.
            if (
                matcher.real_quick_ratio() >= THRESHOLD
                and matcher.quick_ratio() >= THRESHOLD
                and matcher.ratio() >= THRESHOLD
            ):
                claims.append(Claim(id=f"c{len(claims) + 1}", members=(s.id, t.id)))
    return Story(articles=articles, sentences=sentences, claims=claims)


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]]
    json.dump(report_dict(baseline_story(paths)), sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
