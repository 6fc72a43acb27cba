"""Markdown markup as hidden spans, so the source stays the text and every offset stays exact.

markdown-it-py parses the source; its tokens say which characters are prose (inline content,
code) and which are markup (heading marks, list bullets, emphasis delimiters, link targets,
fences, HTML). Inline tokens carry no character offsets, so their children are walked along
the source; where that walk loses its way the rest of the line simply stays visible.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.core.text.spans import merge_spans

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Span = tuple[int, int]


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Built on first use: plain-text stories never pay for importing markdown-it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_KEY = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>\n]*>", re.DOTALL | re.IGNORECASE)


def _scalar(raw: str) -> str:
    """A YAML scalar on one line: a double-quoted one unescaped (\\" and \\\\), a single-quoted
    one with '' for a quote, a plain one as written less stray quotes."""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return re.sub(r"\\(.)", r"\1", raw[1:-1])
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    return raw.strip("\"'")


def front_matter(text: str) -> tuple[Span | None, dict[str, str]]:
    """A leading YAML block of `key: value` lines: its span and its simple keys."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, {}
    fields: dict[str, str] = {}
    for line in m.group(0).split("\n")[1:-1]:
        km = _FRONT_KEY.match(line)
        if km:
            fields[km.group(1).lower()] = _scalar(km.group(2))
        elif line.strip() and not line[:1].isspace() and not line.lstrip().startswith(("-", "#")):
            return None, {}  # not YAML: a horizontal rule followed by prose
    if not fields:
        return None, {}
    return (0, m.end()), fields


def markup_spans(text: str) -> list[Span]:
    """Spans of text that are Markdown markup only: hidden, never deleted."""
    text = text.replace("\r", "\n")  # loading already did this; the parser must not shift
    fm, _ = front_matter(text)
    start_line = 0
    source = text
    if fm is not None:
        start_line = text.count("\n", 0, fm[1])
        source = "\n" * start_line + text[fm[1] :]  # same line numbers, no front matter
    line_starts = [0]
    for m in re.finditer("\n", text):
        line_starts.append(m.end())
    hidden: list[Span] = [fm] if fm is not None else []
    content: dict[int, list[Span]] = {}  # line number -> prose ranges on that line
    block_lines: set[int] = set()
    for tok in _parser().parse(source):
        if tok.map is None:
            continue
        first, last = tok.map
        if tok.type == "inline":
            block_lines.update(range(first, last))
            hidden.extend(_inline_spans(text, line_starts, tok, content))
        elif tok.type in ("fence", "code_block"):
            block_lines.update(range(first, last))
            body = range(first, last)
            if tok.type == "fence":  # the fence lines are markup, the code between is text
                closed = last - 1 > first and _is_fence(text, line_starts, last - 1, tok.markup)
                body = range(first + 1, last - 1 if closed else last)
            for n in body:
                if n < len(line_starts):
                    content.setdefault(n, []).append(_line_range(text, line_starts, n))
        elif tok.type == "html_block":
            lo = line_starts[first]
            hi = _line_range(text, line_starts, min(last, len(line_starts)) - 1)[1]
            hidden.extend((m.start(), m.end()) for m in _TAG.finditer(text, lo, hi))
            for n in range(first, last):
                if n < len(line_starts):
                    content.setdefault(n, []).append(_line_range(text, line_starts, n))
            block_lines.update(range(first, last))
        elif tok.type in ("hr", "heading_open", "table_open", "blockquote_open"):
            block_lines.update(range(first, last))
    for n in sorted(block_lines):
        if n >= len(line_starts) or n < start_line:
            continue
        lo, hi = _line_range(text, line_starts, n)
        hidden.extend(_complement(text, lo, hi, sorted(content.get(n, []))))
    return merge_spans(hidden)


def _line_range(text: str, line_starts: Sequence[int], n: int) -> Span:
    lo = line_starts[n]
    hi = line_starts[n + 1] - 1 if n + 1 < len(line_starts) else len(text)
    return lo, hi


def _is_fence(text: str, line_starts: Sequence[int], n: int, markup: str) -> bool:
    if n >= len(line_starts):
        return False
    lo, hi = _line_range(text, line_starts, n)
    line = text[lo:hi].strip()
    return bool(markup) and line.startswith(markup[:3]) and not line.strip(markup[0])


def _complement(text: str, lo: int, hi: int, keep: Sequence[Span]) -> list[Span]:
    """Parts of [lo, hi) outside keep that hold something other than spaces."""
    out: list[Span] = []
    pos = lo
    for s, e in [*keep, (hi, hi)]:
        if s > pos and text[pos:s].strip():
            a = pos
            while text[a].isspace():
                a += 1
            out.append((a, s))  # a marker takes the space after it along
        pos = max(pos, e)
    return out


def _inline_spans(
    text: str, line_starts: Sequence[int], tok: Token, content: dict[int, list[Span]]
) -> list[Span]:
    """Markup inside one inline token's content, located in the source text."""
    assert tok.map is not None
    first = tok.map[0]
    where: list[int] = []  # content index -> source index
    for k, piece in enumerate(tok.content.split("\n")):
        n = first + k
        if n >= len(line_starts):
            return []
        lo, hi = _line_range(text, line_starts, n)
        taken = content.get(n, [])
        search_from = max([lo, *(e for _, e in taken)])
        at = text.find(piece, search_from, hi) if piece else search_from
        if at < 0:
            return []
        content.setdefault(n, []).append((at, at + len(piece)))
        where.extend(range(at, at + len(piece)))
        where.append(at + len(piece))  # the "\n" that joins content lines
    src = tok.content
    walker = _Walker(src)
    for child in tok.children or []:
        if not walker.step(child):
            break
    return [(where[s], where[e - 1] + 1) for s, e in walker.hidden if e > s]


class _Walker:
    """Follows inline tokens along their source, collecting markup ranges (content indices)."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.pos = 0
        self.hidden: list[Span] = []

    def _hide(self, n: int) -> None:
        self.hidden.append((self.pos, self.pos + n))
        self.pos += n

    def _expect(self, s: str) -> bool:
        if self.src.startswith(s, self.pos):
            self._hide(len(s))
            return True
        return False

    def _text(self, s: str) -> bool:
        src = self.src
        for ch in s:
            if self.pos >= len(src):
                return False
            c = src[self.pos]
            if c == ch:
                self.pos += 1
            elif c == "\\" and src.startswith(ch, self.pos + 1):
                self._hide(1)
                self.pos += 1
            elif c == "&" and (m := _ENTITY.match(src, self.pos)):
                self.pos = m.end()
            else:
                return False
        return True

    def _link_target(self) -> bool:
        """Hide an inline "(url)" or reference "[label]" after a link's or image's text."""
        if self.src.startswith("(", self.pos):
            return self._bracketed("(", ")")
        if self.src.startswith("[", self.pos):
            return self._bracketed("[", "]")
        return True

    def _bracketed(self, open_: str, close: str) -> bool:
        """Hide from an opening bracket at pos to its matching close."""
        if not self.src.startswith(open_, self.pos):
            return False
        depth = 0
        i = self.pos
        while i < len(self.src):
            c = self.src[i]
            if c == "\\":
                i += 2
                continue
            if c == open_:
                depth += 1
            elif c == close:
                depth -= 1
                if depth == 0:
                    self._hide(i + 1 - self.pos)
                    return True
            i += 1
        return False

    def step(self, child: Token) -> bool:
        kind = child.type
        if kind in ("text", "text_special"):
            return self._text(child.content)
        if kind == "softbreak":
            return self._text("\n")
        if kind == "hardbreak":
            while self.src.startswith(" ", self.pos):
                self.pos += 1
            self._expect("\\")
            return self._text("\n")
        if kind.endswith(("_open", "_close")) and kind.split("_")[0] in ("em", "strong", "s"):
            return self._expect(child.markup)
        if kind == "link_open":
            return self._expect("<" if child.markup == "autolink" else "[")
        if kind == "link_close":
            if self._expect(">"):
                return True
            return self._expect("]") and self._link_target()
        if kind == "image":
            if not self._expect("!"):
                return False
            return self._bracketed("[", "]") and self._link_target()
        if kind == "code_inline":
            if not self._expect(child.markup):
                return False
            at = self.src.find(child.content, self.pos)
            if at < 0:
                return False
            self.pos = at + len(child.content)
            while self.src.startswith(" ", self.pos):
                self.pos += 1
            return self._expect(child.markup)
        if kind == "html_inline":
            return self._expect(child.content)
        return self._text(child.content)
