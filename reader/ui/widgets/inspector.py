"""The claim inspector: every article's version of the current claim, diffed word by word."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import Static

from reader.core.model import Sentence
from reader.display.counts import counted
from reader.ui.story_index import StoryIndex
from reader.ui.text_layout import clean_line
from reader.ui.widgets.styles import overlay_style

_WORD = re.compile(r"\S+")


WEAK = 0.5  # a correspondence less sure than this is shown dimmed, to be checked


def changed_words(focused: str, other: str) -> list[tuple[int, int]]:
    """Spans of `other` whose words are not in `focused` (difflib over case-folded words)."""
    a = [m.group(0).casefold().strip(".,;:!?\"'()“”‘’") for m in _WORD.finditer(focused)]
    b_matches = list(_WORD.finditer(other))
    b = [m.group(0).casefold().strip(".,;:!?\"'()“”‘’") for m in b_matches]
    out: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert") and j2 > j1:
            out.append((b_matches[j1].start(), b_matches[j2 - 1].end()))
    return out


class Inspector(VerticalScroll, can_focus=False):
    """Built from the index on demand; styles come from theme variables via component classes."""

    # Parsed when the inspector is first opened (it is mounted then), not at start-up.
    DEFAULT_CSS = """
    Inspector {
        height: 40%;
        border-top: hkey $primary;
        padding: 0 1;
        background: $surface;
    }
    Inspector > .inspector--heading { text-style: bold; color: $primary; }
    Inspector > .inspector--focused { background: $focus-claim; text-style: $focus-claim-style; }
    Inspector > .inspector--changed { color: $diff-changed; text-style: $diff-changed-style; }
    Inspector > .inspector--artifact { color: $artifact; text-style: $artifact-style; }
    Inspector > .inspector--value { color: $secondary; text-style: bold; }
    Inspector > .inspector--dim { color: $foreground-muted; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inspector--heading",
        "inspector--focused",
        "inspector--changed",
        "inspector--artifact",
        "inspector--value",
        "inspector--dim",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = Static(id="inspector-body")
        self.sentence_id: str | None = None

    def compose(self) -> ComposeResult:
        yield self.body

    def _style(self, name: str) -> Style:
        return overlay_style(self, f"inspector--{name}")

    def show(
        self,
        index: StoryIndex,
        sentence_id: str | None,
        notes: Content | None = None,
        partners: Mapping[str, Sequence[Sentence]] | None = None,
    ) -> None:
        """`partners`: the sentence's, when the reader has them already (found once a refresh)."""
        self.sentence_id = sentence_id
        self.body.update(self.render_claim(index, sentence_id, notes, partners))

    def render_claim(
        self,
        index: StoryIndex,
        sentence_id: str | None,
        notes: Content | None = None,
        partners: Mapping[str, Sequence[Sentence]] | None = None,
    ) -> Content:
        if sentence_id is None:
            return Content("No sentence under the cursor.")
        story = index.story
        focused = story.sentence(sentence_id)
        focused_text = clean_line(story.text_of(focused))
        heading = self._style("heading")
        lines: list[Content] = []
        claims = story.claims_of(sentence_id)
        if partners is None:
            partners = index.partners(sentence_id)
        # A label quotes one member's words: shown as a quote, after the claim's id.
        label = ", ".join(f"{c.id} “{c.label}”" if c.label else c.id for c in claims)
        lines.append(
            Content.assemble(
                ("Claims " if len(claims) > 1 else "Claim ", heading),
                (clean_line(label or "none"), heading),
                f"  · {1 + len(partners)} of {counted(len(index.order), 'article')}",
            )
        )
        versions: list[Sentence] = [focused]
        for aid in index.order:
            versions.extend(partners.get(aid, []))
        for s in sorted(versions, key=lambda s: index.position[s.article]):
            text = clean_line(story.text_of(s))
            name = Content.assemble(
                (f"{s.article} ", self._style("dim")),
                (clean_line(story.label(s.article)), heading),
                (f"  s{s.index + 1}", self._style("dim")),
            )
            if s.id == sentence_id:
                name = name.append(Content(" (focused)"))
                body = Content(text).stylize(self._style("focused"))
            else:
                strength = index.strength(sentence_id, s.id)
                weak = strength is not None and strength < WEAK
                if strength is not None:
                    name = name.append(
                        Content.assemble(
                            (f"  {strength:.0%} sure", self._style("dim")),
                            (" (weak: check)" if weak else "", self._style("dim")),
                        )
                    )
                spans = [
                    Span(a, b, self._style("changed")) for a, b in changed_words(focused_text, text)
                ]
                body = Content(text, spans)
                if weak:  # a weak link reads weak: the whole sentence dimmed under its marks
                    body = Content(text).stylize(self._style("dim"))
                    for span in spans:
                        body = body.stylize(span.style, span.start, span.end)
            for w in index.warnings_in(s.article, s.start, s.end):
                a, b = max(0, w.start - s.start), min(len(text), w.end - s.start)
                body = body.stylize(self._style("artifact"), a, b)
            lines += [Content(""), name, body]
        if notes is not None:  # the reviewer's own words come before the engine's findings
            lines += [Content(""), Content("Notes").stylize(heading), notes]
        discrepancies = index.discrepancies_of_sentence(focused)
        if discrepancies:
            lines += [Content(""), Content("Discrepancies").stylize(heading)]
            for d in discrepancies:
                lines.append(
                    Content.assemble(
                        "• ", (d.kind, self._style("value")), ": ", clean_line(d.detail)
                    )
                )
                for v in d.values:
                    lines.append(
                        Content.assemble(
                            f"    {v.article} ",
                            (clean_line(story.label(v.article)), self._style("dim")),
                            ": ",
                            (clean_line(v.text), self._style("value")),
                        )
                    )
        warned = [w for s in versions for w in index.warnings_in(s.article, s.start, s.end)]
        if warned:
            lines += [Content(""), Content("Warnings").stylize(heading)]
            for w in warned:
                quote = clean_line(story.article(w.article).text[w.start : w.end])
                lines.append(
                    Content.assemble(
                        "⚠ ",
                        (f"{w.article} {w.kind}", self._style("artifact")),
                        " “",
                        quote,
                        "”: ",
                        clean_line(w.message),
                    )
                )
                if w.suggestion:
                    lines.append(
                        Content.assemble(
                            "    suggestion: ", (clean_line(w.suggestion), self._style("value"))
                        )
                    )
                for ev in w.evidence:
                    lines.append(Content.assemble("    evidence: ", self._evidence(index, ev)))
        return Content("\n").join(lines)

    def _evidence(self, index: StoryIndex, ref: str) -> Content:
        story = index.story
        if ref.startswith("rule:"):
            return Content(f"rule {ref[5:]}")
        try:
            s = story.sentence(ref)
        except KeyError:
            return Content(clean_line(ref))
        return Content.assemble(
            (f"{s.article} {clean_line(story.label(s.article))}: ", self._style("dim")),
            clean_line(story.text_of(s)),
        )
