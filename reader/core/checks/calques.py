"""Calques: literal renderings of foreign phrasing, from a lexicon (data/calques.toml)."""

from __future__ import annotations

from pathlib import Path

from reader.core.checks.common import in_quotes, warn
from reader.core.checks.lexicon import Calque, load_calques, user_config_dir
from reader.core.checks.line_scan import matches
from reader.core.checks.prefilter import fold, may_match, required_literals
from reader.core.model import Story, Warning

_LANGS = {
    "de": "German",
    "fr": "French",
    "ru": "Russian",
    "ar": "Arabic",
    "zh": "Chinese",
    "es": "Spanish",
    "it": "Italian",
}


def _message(c: Calque, found: str) -> str:
    langs = ", ".join(_LANGS.get(x, x) for x in c.languages)
    where = f" (typical of translation from {langs})" if langs else ""
    return f"“{found}” reads like a literal translation{where}: {c.note}"


def find_calques(story: Story, calques: list[Calque]) -> list[Warning]:
    """Every calque's matches in every article; a pattern runs only on the articles, and in
    them the lines, that hold the words it requires (prefilter.py, line_scan.py), which finds
    what running it everywhere finds."""
    out: list[Warning] = []
    required = [required_literals(c.pattern) for c in calques]
    for a in story.articles:
        folded = fold(a.text)
        for c, needs in zip(calques, required, strict=True):
            if not may_match(needs, folded):
                continue
            for m in matches(c.pattern, needs, a.text, folded):
                group = "w" if "w" in c.pattern.groupindex and m.group("w") else 0
                start, end = m.start(group), m.end(group)
                if a.is_hidden(start) or story.sentence_at(a.id, start) is None:
                    continue
                severity = c.severity
                if in_quotes(a.text, start):
                    severity = "info"  # a quoted speaker may really have said it
                out.append(
                    warn(
                        a.id,
                        start,
                        end,
                        c.kind,
                        _message(c, m.group(0)),
                        "calque-lexicon",
                        suggestion=c.suggestion or None,
                        severity=severity,
                    )
                )
    return out


def check_calques(story: Story, config_dir: Path | None = None) -> list[Warning]:
    """Lexicon matches; config_dir defaults to the user's samestory config directory."""
    return find_calques(story, load_calques(config_dir or user_config_dir()))
