"""Sentence boundaries with offsets into the article text.

Rule-based and fast (news prose, English): a boundary follows . ! ? or an ellipsis, with any
closing quotes, before whitespace, unless the next word starts in lower case (`"Who?" he
asked`), or the full stop ends an abbreviation or an initial (`Gen.`, `Feb. 7`, `Edith M.
Lederer`, `U.S. officials`). Sentences never cross a paragraph break or a hidden block
(furniture, a heading mark); a line without final punctuation (a title, a label) is its own
sentence unless the text is hard-wrapped. Inline hidden spans (Markdown emphasis, link
targets) are transparent: a sentence runs across them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]

_INLINE = "\x00"  # an inline hidden character, in the masked copy of the text
_BLOCK = "\x01"  # a hidden character that separates sentences

# The lookahead first tells the regex engine which characters a match can start with: it then
# skips to them, where it tried both alternatives at every character (3x faster on prose).
_CANDIDATE = re.compile(
    r"(?=[.!?…。！？])(?:(\.{2,}|…|[.!?]+)([\"'”’»)\]\x00]*)(?=[\s\x00]|\Z)"
    r"|([。！？]+)([」』”’）\x00]*))"  # Chinese and Japanese full stops need no space after them
)
_PARAGRAPH = re.compile(r"\x01+|\n[ \t\x00]*\n[\s\x00]*")
_OPENERS = "\"'“‘«([\x00"
_QUOTES = "\"'“”‘’«»"
_HEADING_WORDS = 20

# A full stop after these never ends a sentence before a capital: they precede names.
_TITLES = frozenset(
    """mr mrs ms messrs mme mlle dr prof gen gens lt col maj capt cmdr cdr sgt cpl pvt adm
    gov govs sen sens rep reps rev fr hon pres supt insp det brig cmdt amb atty lieut msgr
    st mt ft sec vs v cf viz e.g i.e""".split()
)
# ... nor before a number.
_BEFORE_NUMBER = frozenset(
    """no nos vol vols p pp art arts fig figs ch para op sec ed eds approx ca est tel ext
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Month names of the languages that write a day as an ordinal with a full stop ("7. Februar",
# "7. februar"): the full stop after the day never ends the sentence.
_ORDINAL_MONTHS = frozenset(
    """januar jänner februar feber märz april mai juni juli august september oktober november
    dezember marts mars maj december desember""".split()
)
# These end sentences often enough: a boundary when a sentence opener follows.
_ENDING = frozenset(
    """inc corp co cos ltd llc plc bros jr sr etc esq univ dept govt assn ave blvd rd hwy
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa penn tenn tex va vt wash wis wyo""".split()
)
_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    here but and or so yet in on at for from with after before when while as if although
    though meanwhile however also some many most one two three no not more other others
    according earlier later last next still then now both each every all what who why how
    where police officials authorities""".split()
)
# After a quoted question or exclamation: a name and a speech verb closing the sentence.
_ATTRIBUTION = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|replied|shouted|"
    r"cried|wrote|writes|explained|insisted|wondered|demanded|recalled)(?=[.,;]|\s*$)"
)
_CONNECTORS = frozenset(
    """a an the and or but of to in on at by for from with as that which who whom whose than
    into onto over under about after before between during against amid among its their his
    her our your my this these those is are was were be been has have had will would can
    could should may might must not""".split()
)


def split_sentences(text: str, hidden: Sequence[Span] = ()) -> list[Span]:
    """Visible sentences of text as (start, end), in order, without overlap."""
    masked = _mask(text, hidden)
    out: list[Span] = []
    pos = 0
    for m in _PARAGRAPH.finditer(masked):
        _paragraph(masked, pos, m.start(), out)
        pos = m.end()
    _paragraph(masked, pos, len(masked), out)
    return out


def _mask(text: str, hidden: Sequence[Span]) -> str:
    """A copy of text, same length, hidden characters replaced by a block or inline marker."""
    if not hidden:
        return text
    parts: list[str] = []
    pos = 0
    for s, e in _merged(hidden):
        s, e = max(s, pos), min(e, len(text))
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append((_BLOCK if _separates(text, s, e) else _INLINE) * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _separates(text: str, s: int, e: int) -> bool:
    """Whether a hidden span stands between sentences rather than inside one."""
    if "\n" in text[s:e]:
        return True
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    at_start = not text[line_start:s].strip()
    at_end = not text[e:line_end].strip()
    if at_start and at_end:
        return True
    if at_start and (e >= len(text) or text[e].isspace() or text[e - 1].isspace()):
        return True  # a line prefix: "## ", "- ", "date 2020-02-07 "
    return at_end and s > 0 and text[s - 1].isspace()  # a line suffix: " ##"


def _merged(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def _paragraph(masked: str, start: int, end: int, out: list[Span]) -> None:
    """Sentences of one paragraph: lines joined where the text runs on, then split."""
    lines: list[Span] = []
    pos = start
    while pos < end:
        nl = masked.find("\n", pos, end)
        stop = end if nl < 0 else nl
        lines.append((pos, stop))
        pos = stop + 1
    contents = [masked[a:b].replace(_INLINE, "").strip() for a, b in lines]
    wrapped = _is_wrapped([c for c in contents if c])
    chunk_start = start
    for i in range(len(lines) - 1):
        if contents[i] and contents[i + 1] and not _runs_on(contents[i], contents[i + 1], wrapped):
            _chunk(masked, chunk_start, lines[i][1], out)
            chunk_start = lines[i + 1][0]
    _chunk(masked, chunk_start, end, out)


def _is_wrapped(contents: list[str]) -> bool:
    """Hard-wrapped prose: every line but the last of about the same, moderate length."""
    body = [len(c) for c in contents[:-1]]
    if not body:
        return False
    return min(body) >= 40 and max(body) <= 120 and max(body) - min(body) <= 0.35 * max(body)


def _runs_on(line: str, nxt: str, wrapped: bool) -> bool:
    """Whether the sentence of `line` goes on in the next line."""
    tail = line.rstrip(_QUOTES + ")]*_ ")
    if tail.endswith((".", "!", "?", "…")):
        return True  # the full-stop rules decide
    if nxt[0] in "-•*–—·" and nxt[1:2] == " ":
        return False  # a list item
    if nxt[0].islower() or line.endswith((",", ";", ":", "-", "–", "—", "(", "/", "&")):
        return True
    last_word = line.rsplit(None, 1)[-1].lower()
    if last_word in _CONNECTORS:
        return True
    return wrapped and (line[-1].islower() or line[-1].isdigit() or line[-1] in ",;")


def _chunk(masked: str, start: int, end: int, out: list[Span]) -> None:
    """Split a run of text that holds no forced break at its full stops."""
    if _is_heading(masked[start:end]):
        _emit(masked, start, end, out)
        return
    sent_start = start
    depth = 0  # open double quotes, for an ellipsis inside a quotation
    scanned = start
    for m in _CANDIDATE.finditer(masked, start, end):
        if m.group(3):  # an ideographic full stop always ends the sentence
            _emit(masked, sent_start, m.end(), out)
            sent_start = m.end()
            continue
        term, closers = m.group(1), m.group(2)
        depth = _quote_depth(masked, scanned, m.start(), depth)
        scanned = m.start()
        stop = m.end()
        nxt, next_word = _next_word(masked, stop, end)
        if next_word and not next_word.strip(_QUOTES):  # stray quote marks close what precedes
            stop = nxt + len(next_word)
            closers += next_word
            nxt, next_word = _next_word(masked, stop, end)
        if not next_word:
            break
        if not _is_boundary(masked, start, m.start(), term, closers, next_word, depth, stop):
            continue
        _emit(masked, sent_start, stop, out)
        sent_start = stop
    _emit(masked, sent_start, end, out)


def _next_word(masked: str, pos: int, end: int) -> tuple[int, str]:
    while pos < end and masked[pos] in " \t\n\x00":
        pos += 1
    stop = pos
    while stop < end and not masked[stop].isspace():
        stop += 1
    return pos, masked[pos:stop]


def _is_heading(chunk: str) -> bool:
    """One short line without final punctuation: a title's inner full stop is an abbreviation."""
    if "\n" in chunk.strip():
        return False
    words = chunk.replace(_INLINE, "").split()
    tail = " ".join(words).rstrip(_QUOTES + ")]*_ ")
    if any(stop in tail for stop in "。！？"):
        return False  # a heading has no sentence end inside it (a Chinese line has no spaces)
    return 0 < len(words) <= _HEADING_WORDS and not tail.endswith((".", "!", "?", "…", ":"))


def _quote_depth(masked: str, a: int, b: int, depth: int) -> int:
    """Open double quotes after masked[a:b], given those open at a (roughly: for ellipses)."""
    depth = max(0, depth + masked.count("“", a, b) - masked.count("”", a, b))
    return depth ^ (masked.count('"', a, b) & 1) if depth <= 1 else depth


def _is_boundary(
    masked: str,
    start: int,
    at: int,
    term: str,
    closers: str,
    next_word: str,
    depth: int,
    stop: int,
) -> bool:
    first = next_word.lstrip(_OPENERS)[:1]
    if first.islower():
        return False
    if "?" in term or "!" in term:  # `"Who?" Smith asked.` goes on
        return not (closers and _ATTRIBUTION.match(masked, stop))
    closing = any(c in closers for c in _QUOTES + ")]")
    if term == "…" or term.startswith(".."):
        return closing or depth == 0
    if closing:
        return True
    word_start = at
    while word_start > start and not masked[word_start - 1].isspace():
        word_start -= 1
    word = masked[word_start:at].lstrip(_OPENERS).replace(_INLINE, "").lower()
    word = re.split(r"[。！？」』]", word)[-1]  # "他说。Mr. Smith": the word is "mr"
    opener = next_word.lstrip(_OPENERS).rstrip(".,;:!?\"'”’)")
    starts_sentence = opener.lower() in _STARTERS and opener[:1].isupper()
    quoted = next_word[:1] in _QUOTES
    if word in _TITLES:
        return False
    if word in _BEFORE_NUMBER:
        return not first.isdigit()
    if len(word) == 1 and word.isalpha():  # an initial: "Edith M. Lederer"
        return starts_sentence
    if "." in word or word in _ENDING:  # "U.S.", "a.m.", "Inc."
        return starts_sentence or quoted
    if word.isdigit() and len(word) <= 2 and opener.lower() in _ORDINAL_MONTHS:
        return False  # "am 7. Februar": a day written as an ordinal (German, Scandinavian)
    if word.rstrip("%").lstrip("$£€").replace(",", "").isdigit():
        if first.isdigit():
            return False  # "$1. 6 billion": a decimal split by a tokenizer
        if word_start == start or masked[word_start - 1] == "\n":
            return False  # "1. The first step": a list number
    return bool(word)


def _emit(masked: str, start: int, end: int, out: list[Span]) -> None:
    while True:
        while start < end and (masked[start].isspace() or masked[start] in _INLINE + _BLOCK):
            start += 1
        while end > start and (masked[end - 1].isspace() or masked[end - 1] in _INLINE + _BLOCK):
            end -= 1
        if end <= start or not any(c.isalnum() for c in masked[start:end]):
            return
        if end - start <= MAX_CHARS and len(masked[start:end].split()) <= MAX_WORDS:
            out.append((start, end))
            return
        cut = _soft_cut(masked, start, end)
        _emit(masked, start, cut, out)  # within the limits: no deeper
        start = cut


# Real sentences stay well under these (the longest in the development stories: 101 words,
# 568 characters). Longer runs are text that lost its full stops (a transcript, a bad export);
# cut into pieces they stay readable, and every later stage stays fast.
MAX_WORDS = 150
MAX_CHARS = 1200
_SOFT_STOPS = ";:,–—"


def _soft_cut(masked: str, start: int, end: int) -> int:
    """Where to end the first piece of an over-long run: after the last soft stop (comma,
    semicolon, colon, dash) in the second half of the allowed length, else at a space, else
    at the limit."""
    limit = min(end - 1, start + MAX_CHARS)
    words = 0
    for k in range(start, limit):
        if masked[k].isspace() and k > start and not masked[k - 1].isspace():
            words += 1
            if words >= MAX_WORDS:
                limit = k
                break
    half = start + (limit - start) // 2
    for k in range(limit - 1, half, -1):
        if masked[k] in _SOFT_STOPS and masked[k + 1].isspace():
            return k + 1
    space = masked.rfind(" ", half, limit)
    return space if space > start else limit
