"""Each article's language, and checks that read only English staying silent on others."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.pipeline import analyse
from reader.core.sentences import split_sentences
from reader.core.text.language import detect_language

LANGUAGES = Path(__file__).parents[1] / "stories" / "ingest" / "languages"


@pytest.mark.parametrize("language", ["zh", "de", "fr", "ar", "ru"])
def test_the_language_of_an_article_is_detected(language: str) -> None:
    text = (LANGUAGES / f"{language}.txt").read_text(encoding="utf-8")
    assert detect_language(text) == language


def test_english_articles_and_short_texts(sample: Path) -> None:
    for f in sorted(sample.glob("*.txt")):
        assert detect_language(f.read_text(encoding="utf-8")) == "en"
    assert detect_language("Breaking") == "und"


def test_english_only_checks_stay_silent_on_a_german_story(tmp_path: Path) -> None:
    """Two German versions: the English 'no verb' rule flagged two sentences as garbled."""
    for name in ("a", "b"):
        src = LANGUAGES / f"de-flood-{name}.txt"
        (tmp_path / f"{name}.txt").write_text(src.read_text(encoding="utf-8"), "utf-8")
    story = analyse([tmp_path])
    assert [a.language for a in story.articles] == ["de", "de"]
    assert story.warnings == []
    assert story.claims  # the rest of the analysis still runs


def test_a_day_written_as_an_ordinal_does_not_end_a_sentence() -> None:
    text = "Die Polizei nahm am 7. Februar drei Männer fest. Sie wurden freigelassen."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Die Polizei nahm am 7. Februar drei Männer fest.",
        "Sie wurden freigelassen.",
    ]
