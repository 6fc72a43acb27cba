"""The Markdown review report: notes by article and claim, with the passages they quote."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.model import Story
from reader.display.counts import counted
from reader.notes.model import PlacedNote, ReviewMark
from reader.notes.review import progress


def _quote(text: str) -> list[str]:
    return ["> " + line if line.strip() else ">" for line in text.strip().splitlines()] or [">"]


def _note_lines(p: PlacedNote) -> list[str]:
    n = p.note
    text = n.text.strip() or "(no text)"
    first, *rest = text.splitlines()
    lines = [f"- {first}"] + [f"  {line}" if line.strip() else "" for line in rest]
    meta = []
    if n.tags:
        meta.append("tags: " + ", ".join(n.tags))
    if p.placement == "reanchored":
        meta.append("re-anchored: the article's text has changed")
    meta.append(f"{n.modified[:10]} {n.modified[11:16]} UTC")
    lines.append("  *" + " · ".join(meta) + "*")
    return lines


def _claim_label(story: Story, sentence_id: str, marks: dict[str, ReviewMark]) -> str:
    labels = []
    for c in story.claims_of(sentence_id):
        mark = marks.get(c.id)
        labels.append(f"claim {c.id}" + (f" ({mark.status})" if mark else ""))
    return "; ".join(labels)


def render_markdown(
    story: Story, placed: Iterable[PlacedNote], marks: dict[str, ReviewMark]
) -> str:
    notes = list(placed)
    orphans = [p for p in notes if p.orphaned]
    prog = progress(story, marks)
    out = [
        "# Review notes",
        "",
        f"{counted(len(story.articles), 'article')} · {prog.text} · {counted(len(notes), 'note')}"
        + (f" ({len(orphans)} orphaned)" if orphans else ""),
        "",
    ]
    for article in story.articles:
        mine = [p for p in notes if p.article_id == article.id]
        if not mine:
            continue
        title = f" — {article.title}" if article.title else ""
        where = f" ({article.url})" if article.url else ""
        out += [f"## {article.name}{title}{where}", ""]
        last_span: tuple[int, int] | None = None
        for p in mine:
            if (p.start, p.end) != last_span:
                sentence = story.sentence_at(article.id, p.start)
                where = _claim_label(story, sentence.id, marks) if sentence else ""
                out += [*_quote(article.text[p.start : p.end])]
                out += [f"> — {where}"] if where else []
                out.append("")
                last_span = (p.start, p.end)
            out += [*_note_lines(p), ""]
    reviewed = [c for c in story.claims if c.id in marks]
    if reviewed:
        out += ["## Claims reviewed", ""]
        for c in reviewed:
            out += [f"### Claim {c.id}: {marks[c.id].status}", ""]
            for sid in c.members:
                s = story.sentence(sid)
                out += [f"**{story.article(s.article).name}**", "", *_quote(story.text_of(s)), ""]
    if orphans:
        out += [
            "## Orphaned notes",
            "",
            "Their passage is no longer in any article of this story; the quote is what they "
            "were written about.",
            "",
        ]
        for p in orphans:
            out += [f"**{p.note.file_name}**", "", *_quote(p.quote), "", *_note_lines(p), ""]
    return "\n".join(out).rstrip() + "\n"
