"""Consensus word diff: where versions of a sentence are near-copies, the words they differ in.

Machine translation of one source into several versions leaves the same sentence frame with a
different word in one slot ("fighters pushed back / launched government forces"). With three or
more versions the majority decides which word is odd; with two nothing decides, so both wordings
are shown as info.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.checks.common import one_name, warn
from reader.core.checks.parallel import counterparts
from reader.core.checks.word_slots import SlotMemo
from reader.core.model import Story, Warning, WarningKind
from reader.core.text.spelling import american, undoubled
from reader.core.text.stemming import stem_inflection
from reader.core.text.tokens import STOPWORDS, Token, norms, tokenize

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


class _SentenceWords:
    """A sentence's tokens, their matching forms and those forms joined, made once per
    sentence: each sentence is read again as a version of each of its counterparts. Equal
    word sequences are one object, so the slot memo finds them by identity."""

    def __init__(self, story: Story) -> None:
        self._story = story
        self._tokens: dict[str, list[Token]] = {}
        self._norms: dict[str, tuple[str, ...]] = {}
        self._joined: dict[str, str] = {}
        self._distinct: dict[tuple[str, ...], tuple[str, ...]] = {}

    def tokens(self, sid: str) -> list[Token]:
        found = self._tokens.get(sid)
        if found is None:
            s = self._story.sentence(sid)
            found = self._tokens[sid] = tokenize(
                self._story.article(s.article).text, s.start, s.end
            )
        return found

    def norms(self, sid: str) -> tuple[str, ...]:
        found = self._norms.get(sid)
        if found is None:
            s = self._story.sentence(sid)
            words = tuple(norms(self._story.article(s.article).text, s.start, s.end))
            found = self._norms[sid] = self._distinct.setdefault(words, words)
        return found

    def joined(self, sid: str) -> str:
        found = self._joined.get(sid)
        if found is None:
            found = self._joined[sid] = _joined(self.norms(sid))
        return found


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
    return wording_part(story, 0, 1)


def wording_part(story: Story, part: int, parts: int) -> list[Warning]:
    """check_wording on one of `parts` runs of the story's sentences: the parts' warnings,
    in the order of the parts, are the check's. The largest of the checks that read the claims
    (the diffs), split so that its parts run side by side."""
    parallel = counterparts(story)
    out: list[Warning] = []
    memo = SlotMemo()
    words_of = _SentenceWords(story)
    interesting: dict[tuple[tuple[tuple[str, bool], ...], str], bool] = {}
    n = len(story.sentences)
    for s in story.sentences[n * part // parts : n * (part + 1) // parts]:
        others = parallel.get(s.id, [])
        if not others:
            continue
        mine = words_of.tokens(s.id)
        mine_norms = words_of.norms(s.id)
        aligned: dict[tuple[int, int], list[Slot]] = {}
        versions = others[:MAX_VERSIONS]
        for o in versions:
            theirs = words_of.norms(o)
            for i1, i2, j1, j2 in memo.spans(mine_norms, theirs):
                texts = words_of.tokens(o)[j1:j2]
                slot = Slot(i1, i2, " ".join(theirs[j1:j2]), o, " ".join(t.text for t in texts))
                aligned.setdefault((i1, i2), []).append(slot)
        if not aligned:
            continue
        joined = [(o, words_of.joined(o)) for o in versions]
        for (i1, i2), slots in aligned.items():
            words = mine[i1:i2]
            votes = Counter(sl.other for sl in slots)
            best, n = votes.most_common(1)[0]
            shape = (tuple((t.text, t.start > 0) for t in words), best)
            if shape not in interesting:
                interesting[shape] = _interesting(words, best)
            if not interesting[shape]:
                continue
            mine_text = " ".join(t.text for t in words)
            kind = _kind([t.norm for t in words], best.split())
            evidence = [sl.other_sentence for sl in slots if sl.other == best]
            written = Counter(sl.other_text for sl in slots if sl.other == best).most_common(1)
            shown = written[0][0]
            if one_name(mine_text, shown):
                continue
            # Versions that word this slot as this sentence does (then nothing is odd), and
            # those without a slot here that hold the alternative: counted for the slots
            # still in the running only.
            phrase = _joined(mine_norms[i1:i2])
            support = sum(phrase in b for _, b in joined)
            sources = {sl.other_sentence for sl in slots}
            alternative = f" {best} "
            third = sum(o not in sources and alternative in b for o, b in joined)
            start, end = words[0].start, words[-1].end
            loose = n + third
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
            elif n + third == 1 and support == 0 and kind != "wrong-word":
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


def _joined(words: tuple[str, ...]) -> str:
    """Words as one string padded with spaces, so phrase containment is a substring test."""
    return " " + " ".join(words) + " "
