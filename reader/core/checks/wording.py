"""Consensus word diff: where versions of a sentence are near-copies, the words they differ in.

Machine translation of one source into several versions leaves the same sentence frame with a
different word in one slot ("fighters pushed back / launched government forces"). With three or
more versions the majority decides which word is odd; with two nothing decides, so both wordings
are shown as info.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.core.checks.common import one_name, warn
from reader.core.checks.parallel import counterparts
from reader.core.model import Story, Warning, WarningKind
from reader.core.text.spelling import american, undoubled
from reader.core.text.stemming import stem_inflection
from reader.core.text.tokens import STOPWORDS, Token, norms, tokenize

MIN_CONTEXT = 4  # equal words around a differing slot, both sides together
MAX_SLOT = 3  # words on either side of a replacement
NEAR_COPY = 0.4  # upper bound of difflib's ratio below which two versions are not near-copies
MAX_VERSIONS = 12  # closest versions compared per sentence: enough for a consensus, bounded cost
PRONOUNS = frozenset("he she it they his her its their him them hers theirs".split())
TITLE_WORDS = frozenset(
    """chief head leader officer official spokesman spokeswoman spokesperson minister secretary
    director clerk writer author correspondent reporter editor envoy representative commissioner
    president chairman commander general ambassador adviser advisor deputy""".split()
)


@dataclass(frozen=True)
class Slot:
    start: int  # token indexes in the sentence
    end: int
    other: str  # what the other version has here, lower-cased words
    other_sentence: str
    other_text: str  # ... as that version writes it, for the message and the suggestion


def _tokens(story: Story, sid: str) -> list[Token]:
    s = story.sentence(sid)
    return tokenize(story.article(s.article).text, s.start, s.end)


def _norms(story: Story, sid: str) -> list[str]:
    s = story.sentence(sid)
    return norms(story.article(s.article).text, s.start, s.end)


def _merged(ops: Sequence[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Replacements one equal word apart become one slot ("launched government forces")."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if (
            op[0] in ("replace", "insert", "delete")
            and len(out) >= 2
            and out[-1][0] == "equal"
            and out[-1][2] - out[-1][1] == 1
            and out[-2][0] == "replace"
        ):
            first = out[-2]
            out[-2:] = [("replace", first[1], op[2], first[3], op[4])]
        else:
            out.append(op)
    return out


_SWAPPED = {"insert": "delete", "delete": "insert"}


def _slots(
    matcher: SequenceMatcher[str], a: list[str], b: list[str], sid: str, b_text: list[str]
) -> list[Slot]:
    """Differing slots of a (this sentence, the matcher's seq2) against b (another version).

    The matcher keeps this sentence as seq2, whose index difflib builds once, and takes each
    other version as seq1; its opcodes are turned round to read from this sentence's side.
    """
    matcher.set_seq1(b)
    if matcher.real_quick_ratio() < NEAR_COPY or matcher.quick_ratio() < NEAR_COPY:
        return []  # not a near-copy: no single-slot differences to find (and diffing is costly)
    ops = _merged(
        [(_SWAPPED.get(op, op), j1, j2, i1, i2) for op, i1, i2, j1, j2 in matcher.get_opcodes()]
    )
    out = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "replace" or i2 - i1 > MAX_SLOT or j2 - j1 > MAX_SLOT:
            continue
        left = ops[k - 1][2] - ops[k - 1][1] if k > 0 and ops[k - 1][0] == "equal" else 0
        right = (
            ops[k + 1][2] - ops[k + 1][1] if k + 1 < len(ops) and ops[k + 1][0] == "equal" else 0
        )
        at_end = i2 == len(a) and j2 == len(b)
        if left < 1 or (right < 1 and not at_end) or left + right < MIN_CONTEXT:
            continue
        out.append(Slot(i1, i2, " ".join(b[j1:j2]), sid, " ".join(b_text[j1:j2])))
    return out


def _interesting(words: list[Token], other: str) -> bool:
    mine = [t.norm for t in words]
    theirs = other.split()
    if _letters(" ".join(mine)) == _letters(other):
        return False  # spacing, hyphens or apostrophes only ("she's" / "she ’ s")
    everything = mine + theirs
    if all(w in STOPWORDS and w not in PRONOUNS for w in everything):
        return False
    if any(any(c.isdigit() for c in w) for w in everything):
        return False  # numbers are the discrepancy stage's business
    if all(w in STOPWORDS for w in theirs) and not all(w in PRONOUNS for w in mine + theirs):
        return False  # "stated" / "said", "within" / "in", "even" / "I": style, not a wrong word
    if any(t.text[:1].isupper() and not t.text.isupper() for t in words if t.start > 0):
        return False  # names: the names check compares them
    return not (len(mine) == 1 and len(theirs) == 1 and _same_stem(mine[0], theirs[0]))


def _same_stem(a: str, b: str) -> bool:
    """Inflections, hyphenation and British/American spelling of one word."""
    a, b = american(a), american(b)
    if a.replace("-", "") == b.replace("-", ""):
        return True
    return stem_inflection(undoubled(a)) == stem_inflection(undoubled(b))


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _kind(mine: list[str], theirs: list[str]) -> WarningKind:
    """Pronoun or title only for a one-word swap of that class ("its" / "his")."""
    if len(mine) == 1 and len(theirs) == 1:
        if mine[0] in PRONOUNS and theirs[0] in PRONOUNS:
            return "pronoun"
        if mine[0] in TITLE_WORDS and theirs[0] in TITLE_WORDS:
            return "wrong-title"
    return "wrong-word"


def check_wording(story: Story) -> list[Warning]:
    """Words of a sentence that its near-copies in other articles word differently."""
    parallel = counterparts(story)
    out: list[Warning] = []
    cache: dict[str, list[Token]] = {}

    def tokens(sid: str) -> list[Token]:
        if sid not in cache:
            cache[sid] = _tokens(story, sid)
        return cache[sid]

    for s in story.sentences:
        others = parallel.get(s.id, [])
        if not others:
            continue
        mine = _tokens(story, s.id)
        mine_norms = _norms(story, s.id)
        aligned: dict[tuple[int, int], list[Slot]] = {}
        agree: Counter[tuple[int, int]] = Counter()
        other_norms = {o: _norms(story, o) for o in others[:MAX_VERSIONS]}
        matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(mine_norms)
        for o, theirs in other_norms.items():
            texts = [t.text for t in tokens(o)]
            for slot in _slots(matcher, mine_norms, theirs, o, texts):
                aligned.setdefault((slot.start, slot.end), []).append(slot)
        if not aligned:
            continue
        third: Counter[tuple[int, int, str]] = Counter()
        for o, theirs in other_norms.items():
            b = _joined(theirs)
            for (i1, i2), slots in aligned.items():
                if _joined(mine_norms[i1:i2]) in b:
                    agree[(i1, i2)] += 1
                if all(sl.other_sentence != o for sl in slots):
                    for alt in {sl.other for sl in slots}:
                        if f" {alt} " in b:
                            third[(i1, i2, alt)] += 1
        for (i1, i2), slots in aligned.items():
            words = mine[i1:i2]
            votes = Counter(sl.other for sl in slots)
            best, n = votes.most_common(1)[0]
            if not _interesting(words, best):
                continue
            mine_text = " ".join(t.text for t in words)
            support = agree[(i1, i2)]
            kind = _kind([t.norm for t in words], best.split())
            evidence = [sl.other_sentence for sl in slots if sl.other == best]
            written = Counter(sl.other_text for sl in slots if sl.other == best).most_common(1)
            shown = written[0][0]
            if one_name(mine_text, shown):
                continue
            start, end = words[0].start, words[-1].end
            loose = n + third[(i1, i2, best)]
            if support == 0 and n >= min(3, len(others)) and n >= 2 and 2 * loose >= len(others):
                out.append(
                    warn(
                        s.article,
                        start,
                        end,
                        kind,
                        f"“{mine_text}”: {loose} other versions of this sentence have “{shown}”",
                        "consensus-word",
                        suggestion=shown,
                        evidence=evidence,
                        severity="info" if kind == "wrong-word" else "warning",
                    )
                )
            elif n + third[(i1, i2, best)] == 1 and support == 0 and kind != "wrong-word":
                out.append(
                    warn(
                        s.article,
                        start,
                        end,
                        kind,
                        f"Versions differ here: “{mine_text}” / “{shown}” in the other article",
                        "version-word",
                        suggestion=shown,
                        evidence=evidence,
                        severity="info",
                    )
                )
    return out


def _joined(words: list[str]) -> str:
    """Words as one string padded with spaces, so phrase containment is a substring test."""
    return " " + " ".join(words) + " "
