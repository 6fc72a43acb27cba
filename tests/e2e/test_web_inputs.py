"""URLs on the command line, against a server of our own on 127.0.0.1 (never the network)."""

from __future__ import annotations

import gzip
import io
import json
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from reader.cli.main import main

sys.path.insert(0, str(Path(__file__).parents[1] / "web"))
from pages import FURNITURE, Story, news_page

STORIES = [
    Story(
        title="Floods cut off mountain valley",
        paragraphs=(
            "Rescue teams reached the flooded valley on Tuesday after the river burst its banks.",
            "The regional governor said 1,200 people had been moved to schools on higher ground.",
            "Forecasters expect more rain over the weekend, and roads to the north remain shut.",
        ),
        date="2021-03-09",
        site="The Valley Courier",
        author="Ana Field",
        url="https://courier.example.org/news/floods",
    ),
    Story(
        title="Hundreds moved to safety as river floods valley",
        paragraphs=(
            "Rescuers reached the valley on Tuesday, a day after the river burst its banks.",
            "About 1,200 residents were taken to schools on higher ground, the governor said.",
            "More rain is forecast for the weekend and the northern roads are still closed.",
        ),
        date="2021-03-09",
        site="Mountain Herald",
        author="Ben Stone",
        url="https://herald.example.net/2021/03/09/valley-floods",
    ),
]
WORDY = " ".join(
    f"Sentence number {i} of a long page about nothing in particular." for i in range(9)
)


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str | None]]] = []

    def log_message(self, format: str, *args: object) -> None:
        return None

    def _send(
        self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        type(self).hits.append((self.path, self.headers.get("If-None-Match")))
        p = self.path
        if p.startswith("/page/"):
            n = int(p.split("/")[2].split(".")[0])
            etag = f'"page-{n}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            body = news_page(STORIES[n], n).encode("utf-8")
            self._send(200, body, "text/html; charset=utf-8", {"ETag": etag})
        elif p == "/moved":
            self._send(302, b"", "text/html", {"Location": "/hop"})
        elif p == "/hop":
            self._send(301, b"", "text/html", {"Location": "/page/1.html"})
        elif p == "/loop":
            self._send(302, b"", "text/html", {"Location": "/loop"})
        elif p == "/slow":
            time.sleep(2.0)
            self._send(200, news_page(STORIES[0]).encode(), "text/html")
        elif p == "/huge":
            self._send(
                200, b"<html><body><p>" + b"word " * 200_000 + b"</p></body></html>", "text/html"
            )
        elif p == "/latin":
            html = news_page(STORIES[0]).replace("Rescue teams", "Rescue teams from Zürich")
            self._send(200, html.encode("utf-8"), "text/html; charset=iso-8859-1")
        elif p == "/doc.pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf")
        elif p == "/gzip":
            body = gzip.compress(news_page(STORIES[1]).encode("utf-8"))
            self._send(200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        elif p == "/stub":
            stub = "<article><p>Subscribe to read this article.</p></article>"
            self._send(200, f"<html><body>{stub}</body></html>".encode(), "text/html")
        elif p == "/plain.txt":
            self._send(200, ("A plain article.\n\n" + WORDY).encode(), "text/plain; charset=utf-8")
        else:
            self._send(404, b"not here", "text/plain")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return None  # a client that hangs up on a page too large is what the test wants


@pytest.fixture()
def site() -> Iterator[str]:
    _Handler.hits = []
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    code = main(["report", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else {}), err


def _visible(article: dict[str, Any]) -> str:
    text, pos, parts = article["text"], 0, []
    for s, e in article["hidden"]:
        parts.append(text[pos:s])
        pos = max(pos, e)
    return "".join([*parts, text[pos:]])


def test_urls_are_read_and_a_dead_one_is_named_in_one_line(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rep, err = _report(
        capsys, f"{site}/page/0.html", f"{site}/missing", f"{site}/page/1.html"
    )
    assert code == 0
    assert err.strip().splitlines() == [
        f"samestory: warning: cannot read {site}/missing: HTTP 404 Not Found"
    ]
    arts = rep["articles"]
    assert [a["title"] for a in arts] == [s.title for s in STORIES]
    assert [a["source"] for a in arts] == [s.site for s in STORIES]
    assert [a["date"] for a in arts] == [s.date for s in STORIES]
    assert [a["url"] for a in arts] == [s.url for s in STORIES]
    for a, story in zip(arts, STORIES, strict=True):
        shown = _visible(a)
        assert all(p in shown for p in story.paragraphs)
        assert [f for f in FURNITURE if f in shown] == []
    assert rep["claims"], "the two reports of one event share claims"


def test_a_second_run_offline_gives_the_same_report_without_the_network(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [f"{site}/page/0.html", f"{site}/page/1.html"]
    _, first, _ = _report(capsys, *urls)
    hits = len(_Handler.hits)
    code, again, err = _report(capsys, "--offline", *urls)
    assert code == 0 and err == ""
    assert again == first
    assert len(_Handler.hits) == hits
    code, _, err = _report(capsys, "--offline", f"{site}/page/9.html", *urls)
    assert code == 0
    assert "not in the cache" in err


def test_refresh_asks_the_server_again_with_the_etag(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [f"{site}/page/0.html", f"{site}/page/1.html"]
    _, first, _ = _report(capsys, *urls)
    _Handler.hits.clear()
    code, again, _ = _report(capsys, "--refresh", *urls)
    assert code == 0 and again == first
    assert sorted(_Handler.hits) == [("/page/0.html", '"page-0"'), ("/page/1.html", '"page-1"')]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/slow", "timed out after 0.5 s"),
        ("/huge", "page too large"),
        ("/doc.pdf", "not a web page or text (application/pdf)"),
        ("/stub", "no article text found"),
        ("/loop", "too many redirects"),
    ],
)
def test_each_kind_of_failure_is_one_line_with_its_reason(
    site: str,
    path: str,
    reason: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAMESTORY_FETCH_TIMEOUT", "0.5")
    monkeypatch.setenv("SAMESTORY_FETCH_MAX_BYTES", "100000")
    code, rep, err = _report(capsys, f"{site}{path}", f"{site}/page/0.html")
    assert code == 0
    line, notice = err.strip().splitlines()
    assert notice == "samestory: notice: only one article: nothing to compare it with"
    assert line.startswith(f"samestory: warning: cannot read {site}{path}: ")
    assert reason in line
    assert len(rep["articles"]) == 1


def test_redirects_gzip_plain_text_and_a_wrong_charset_are_read(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, rep, err = _report(
        capsys, f"{site}/moved", f"{site}/gzip", f"{site}/latin", f"{site}/plain.txt"
    )
    assert code == 0, err
    moved, zipped, latin, plain = rep["articles"]
    assert moved["title"] == STORIES[1].title
    assert zipped["title"] == STORIES[1].title
    assert "Rescue teams from Zürich" in latin["text"]
    assert plain["text"].startswith("A plain article.")


def test_when_no_article_is_left_the_command_fails_in_one_line(
    site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", f"{site}/missing", "ftp://example.org/story.html"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.strip().splitlines() == [
        f"samestory: warning: cannot read {site}/missing: HTTP 404 Not Found",
        "samestory: warning: cannot read ftp://example.org/story.html: "
        "only http and https URLs are read, not ftp",
        "samestory: error: no article left to read (see above)",
    ]


def test_fetch_writes_a_folder_that_reads_back_as_the_urls_did(
    site: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    urls = [f"{site}/page/0.html", f"{site}/page/1.html"]
    assert main(["fetch", *urls, "-o", str(tmp_path / "story")]) == 0
    capsys.readouterr()
    saved = sorted((tmp_path / "story").iterdir())
    assert [p.suffix for p in saved] == [".md", ".md"]
    assert "fetched:" in saved[0].read_text(encoding="utf-8")
    _, from_urls, _ = _report(capsys, *urls)
    _, from_folder, _ = _report(capsys, *map(str, saved))
    assert [a["text"] for a in from_folder["articles"]] == [
        a["text"] for a in from_urls["articles"]
    ]
    assert from_folder["claims"] == from_urls["claims"]


def test_a_list_of_inputs_and_standard_input(
    site: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "local.txt").write_text("A local article.\n\n" + WORDY, encoding="utf-8")
    listing = tmp_path / "story.list"
    listing.write_text(
        f"# the story\n{site}/page/0.html  # the courier\n\nlocal.txt\n-\n", encoding="utf-8"
    )
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From standard input.\n\n" + WORDY.encode()))
    )
    code, rep, err = _report(capsys, "--from", str(listing))
    assert code == 0, err
    texts = [a["text"] for a in rep["articles"]]
    assert texts[1].startswith("A local article.") and texts[2].startswith("From standard input.")
    assert rep["articles"][0]["url"] == STORIES[0].url


def test_the_reader_fetches_urls_with_progress_in_its_loading_panel(site: str) -> None:
    import asyncio

    from reader.ui.app import SameStoryApp

    urls = [f"{site}/page/0.html", f"{site}/missing", f"{site}/page/1.html"]
    stages: list[str] = []

    async def run() -> SameStoryApp:
        app = SameStoryApp(urls=urls, remember=False, fast=True)
        real = app.reader.set_progress

        def record(stage: str, fraction: float) -> None:
            stages.append(stage)
            real(stage, fraction)

        app.reader.set_progress = record  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(1200):
                if app.analysed:
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("cannot read" in m and "/missing" in m for m in messages)
        return app

    app = asyncio.run(run())
    assert any(s.startswith("fetching") for s in stages)
    assert app.story is not None
    assert [a.url for a in app.story.articles] == [STORIES[0].url, STORIES[1].url]
    assert all(p.suffix == ".md" for p in app.paths)  # the page cache's article files
