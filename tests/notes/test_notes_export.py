"""Export as W3C Web Annotation JSON-LD and Markdown, and import back (twice adds nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_notes_story import FIRST, make_story, write_story

from reader.cli.main import main
from reader.notes import webanno
from reader.notes.model import NoteDraft
from reader.report.notes import render_markdown
from reader.store.notes import NoteStore, open_store

ROOT = Path(__file__).resolve().parents[2]


def _populate(store: NoteStore) -> None:
    story = make_story()
    for sid, text, tags in (
        ("a1:s1", "checked with the wire copy", ("verified",)),
        ("a1:s3", "Friday here, [bold]Saturday[/bold] there", ("discrepancy", "question")),
        ("a2:s1", "ask the translator\nsecond line", ()),
    ):
        s = story.sentence(sid)
        store.add_note(story, story.article(s.article), s.start, s.end, NoteDraft(text, tags))
    store.set_review(story, story.claims[2], "disputed")
    store.set_review(story, story.claims[0], "verified")


def _validate(doc: dict[str, Any]) -> list[dict[str, Any]]:
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert doc["total"] == len(items)
    for item in items:
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        assert item["created"].endswith("Z") and item["modified"] >= item["created"]
        assert item["motivation"] in ("commenting", "assessing")
        assert all(b["type"] == "TextualBody" for b in item["body"])
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        assert targets
        for t in targets:
            assert t["source"].startswith("urn:sha256:") and len(t["source"]) == 11 + 64
            assert t["samestory:fileName"]
            kinds = {s["type"]: s for s in t["selector"]}
            assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
            assert kinds["TextQuoteSelector"]["exact"]
            assert {"prefix", "suffix"} <= set(kinds["TextQuoteSelector"])
            pos = kinds["TextPositionSelector"]
            assert 0 <= pos["start"] < pos["end"]
    return list(items)


def test_json_export_is_a_valid_web_annotation_collection() -> None:
    store = open_store()
    _populate(store)
    story = make_story()
    doc = json.loads(webanno.dumps(store.notes_for(story), store.story_marks(story)))
    items = _validate(doc)
    notes = [i for i in items if i["motivation"] == "commenting"]
    marks = [i for i in items if i["motivation"] == "assessing"]
    assert len(notes) == 3 and len(marks) == 2
    tagged = next(i for i in notes if len(i["body"]) == 3)
    assert [b["purpose"] for b in tagged["body"]] == ["commenting", "tagging", "tagging"]
    assert tagged["body"][0]["value"] == "Friday here, [bold]Saturday[/bold] there"
    fp = story.article("a1").fingerprint
    assert tagged["target"]["source"] == f"urn:sha256:{fp}"
    quote = tagged["target"]["selector"][0]
    start = tagged["target"]["selector"][1]["start"]
    assert FIRST[start : start + len(quote["exact"])] == quote["exact"]
    assert {m["body"][0]["value"] for m in marks} == {"verified", "disputed"}
    assert all(len(m["target"]) == 2 for m in marks)
    store.close()


def test_import_merges_by_id_and_twice_adds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store()
    _populate(store)
    exported = tmp_path / "notes.json"
    exported.write_text(webanno.dumps(store.all_notes(), store.all_marks()), encoding="utf-8")
    store.close()

    monkeypatch.setenv("SAMESTORY_HOME", str(tmp_path / "other-machine"))
    fresh = open_store()
    parsed = webanno.loads(exported.read_text(encoding="utf-8"))
    assert parsed.skipped == []
    first = fresh.merge(parsed.notes, parsed.marks)
    assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
    second = fresh.merge(parsed.notes, parsed.marks)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
    story = make_story()
    assert len(fresh.notes_for(story)) == 3
    assert fresh.progress(story).text == "2/4 claims reviewed, 1 disputed"
    original = {n.id: n for n in parsed.notes}
    for n in fresh.all_notes():
        assert n == original[n.id]  # every field survives the round trip

    # a newer edit elsewhere wins; an older copy does not undo a newer local change
    doc = json.loads(exported.read_text(encoding="utf-8"))
    item = doc["first"]["items"][0]
    item["body"][0]["value"] = "edited on the laptop"
    item["modified"] = "2999-01-01T00:00:00.000000Z"
    newer = webanno.loads(json.dumps(doc))
    assert fresh.merge(newer.notes, newer.marks).updated == 1
    assert fresh.get(item["id"].removeprefix("urn:uuid:")).text == "edited on the laptop"  # type: ignore[union-attr]
    victim = parsed.notes[1]
    fresh.delete_note(victim.id)
    assert fresh.merge(parsed.notes, parsed.marks).updated == 0
    assert victim.id not in {n.id for n in fresh.all_notes()}
    fresh.close()


def test_import_skips_bad_items_and_reports_them() -> None:
    doc = {
        "@context": webanno.CONTEXT,
        "type": "AnnotationCollection",
        "items": [
            {"type": "Annotation", "id": "urn:uuid:x", "target": {"selector": []}},
            {"type": "Note"},
        ],
    }
    parsed = webanno.loads(json.dumps(doc))
    assert parsed.notes == [] and len(parsed.skipped) == 2


def test_markdown_report_groups_by_article_and_claim() -> None:
    store = open_store()
    _populate(store)
    story = make_story()
    md = render_markdown(story, store.notes_for(story), store.review_for(story))
    assert md.startswith("# Review notes\n")
    assert "2/4 claims reviewed, 1 disputed" in md
    assert md.index("## first.txt") < md.index("## second.txt") < md.index("## Claims reviewed")
    assert "> The mayor said the bridge would stay closed until Friday." in md
    assert "> — claim c3 (disputed)" in md
    assert "- Friday here, [bold]Saturday[/bold] there" in md
    assert "  second line" in md
    assert "### Claim c3: disputed" in md
    store.close()


def test_cli_export_and_import_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story_dir = write_story(tmp_path / "story")
    store = open_store()
    _populate(store)
    store.close()
    out = tmp_path / "out.json"
    assert main(["notes", "export", str(story_dir), "--format", "json", "-o", str(out)]) == 0
    items = _validate(json.loads(out.read_text(encoding="utf-8")))
    assert sum(i["motivation"] == "commenting" for i in items) == 3
    md = tmp_path / "out.md"
    assert main(["notes", "export", str(story_dir), "--format", "md", "-o", str(md)]) == 0
    assert "checked with the wire copy" in md.read_text(encoding="utf-8")

    monkeypatch.setenv("SAMESTORY_HOME", str(tmp_path / "elsewhere"))
    assert main(["notes", "import", str(out)]) == 0
    assert main(["notes", "import", str(out)]) == 0
    again = open_store()
    assert len(again.all_notes()) == 3 and len(again.all_marks()) == 2
    again.close()


def test_cli_import_of_a_bad_file_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["notes", "import", str(bad)]) == 2
    assert "samestory: error: not JSON" in capsys.readouterr().err


def test_real_command_exports_the_sample_by_default() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "notes", "export", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 0


def test_an_article_read_from_a_page_is_exported_with_its_url() -> None:
    from reader.notes import webanno

    story = make_story()
    s = story.sentences[0]
    from reader.notes.anchoring import make_anchor
    from reader.notes.model import Note

    article = story.article(s.article)
    note = Note(
        id="n1",
        story=("x",),
        article_fp=article.fingerprint,
        file_name=article.name,
        anchor=make_anchor(article.text, s.start, s.end),
        text="t",
        tags=(),
        created="2026-01-01T00:00:00Z",
        modified="2026-01-01T00:00:00Z",
        app_version="t",
    )
    doc = json.loads(webanno.dumps([note], [], {article.fingerprint: "https://a.example/x"}))
    (item,) = doc["first"]["items"]
    assert item["target"]["samestory:url"] == "https://a.example/x"
    assert "samestory:url" not in json.loads(webanno.dumps([note]))["first"]["items"][0]["target"]
