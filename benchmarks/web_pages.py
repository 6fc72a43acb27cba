"""The sample's five reports wrapped in news-site templates, read as files and as URLs.

    python benchmarks/web_pages.py

Builds the pages (tests/web/pages.py: three site layouts with menus, a cookie banner, a
byline, "Most read", a paywall meter, scripts, JSON-LD and a footer around each report's own
text), then prints: claims F1 against the sample's gold as plain text, as page files and as
URLs served from 127.0.0.1 (articles mapped to the gold's files by input order), any template
string visible in the extracted text, and the extraction's time beside the analysis's.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "web"))

from pages import FURNITURE, Story, news_page  # noqa: E402

from benchmarks.scorer import SHARED, load_scorer  # noqa: E402
from reader.core.ingest.loading import load_paths, visible_text  # noqa: E402
from reader.core.pipeline import analyse, analyse_articles  # noqa: E402
from reader.report.json_report import report_dict  # noqa: E402
from reader.resources import sample_dir  # noqa: E402


def build_pages(folder: Path) -> list[Path]:
    out = []
    for i, a in enumerate(load_paths([sample_dir()])):
        lines = tuple(b.strip() for b in a.text.split("\n") if b.strip())
        if lines and lines[0] == (a.title or "").strip():
            lines = lines[1:]
        story = Story(
            a.title or "",
            lines,
            date=a.date or "2020-01-01",
            site=f"Outlet {i + 1}",
            url=f"https://outlet{i + 1}.example.org/news/story",
        )
        page = folder / f"{Path(a.name).stem}.html"
        page.write_text(news_page(story, layout=i % 3), encoding="utf-8")
        out.append(page)
    return out


def claims(report: dict[str, Any]) -> str:
    gold = SHARED / "gold" / "saraqeb"
    if not gold.is_dir():
        return "(no gold here)"
    names = sorted(p.name for p in sample_dir().glob("*.txt"))
    for art, name in zip(report["articles"], names, strict=True):
        art["name"] = name
    metrics, _ = load_scorer().score(gold, report)
    return (
        f"F1 {metrics['claims.f1']:.3f} (P {metrics['claims.precision']:.3f}, "
        f"R {metrics['claims.recall']:.3f})"
    )


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="samestory-web-"))
    os.environ["SAMESTORY_HOME"] = str(tmp / "home")
    pages = build_pages(tmp)
    print("plain text:", claims(report_dict(analyse([sample_dir()]))))

    t0 = time.perf_counter()
    import trafilatura  # noqa: F401  (timed apart: paid once per process, only for pages)

    imported = time.perf_counter() - t0
    t0 = time.perf_counter()
    articles = load_paths(pages)
    extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    story = analyse_articles(articles)
    analysis = time.perf_counter() - t0
    print("page files:", claims(report_dict(story)))
    originals = load_paths([sample_dir()])
    leaks = {
        a.name: [f for f in FURNITURE if f in visible_text(a) and f not in o.text]
        for a, o in zip(articles, originals, strict=True)
    }
    print("template strings visible:", {k: v for k, v in leaks.items() if v} or "none")
    print(f"importing the extractor: {imported:.3f} s; loading 5 pages: {extract:.3f} s")
    print(f"the analysis of them: {analysis:.3f} s")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

    handler = functools.partial(Quiet, directory=str(tmp))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        from reader.web.sources import resolve

        base = f"http://127.0.0.1:{server.server_address[1]}"
        t0 = time.perf_counter()
        got = resolve([f"{base}/{p.name}" for p in pages])
        fetched = time.perf_counter() - t0
        assert not got.failures, got.failures
        print("URLs:      ", claims(report_dict(analyse(got.paths))))
        print(f"fetching and extracting 5 URLs: {fetched:.3f} s")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
