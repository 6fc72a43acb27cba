"""Where two versions of a sentence differ in a few words framed by equal ones: the slots of
the consensus word check, read from difflib's opcodes.

Diffing is most of that check's cost: a sentence is compared with up to a dozen versions, and
wire copy repeats sentences word for word (about a third of the sentences of a large story are
the copy of another), so the same two word sequences come up again and again. `SlotMemo`
diffs each distinct pair once and decides the pairs that need no diff by exact tests: two
equal sequences differ nowhere, and difflib's `quick_ratio` is a count of shared words, made
here from each sequence's word counts, kept once per sequence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.core.text.diffing import SequenceMatcher

MIN_CONTEXT = 4  # equal words around a differing slot, both sides together
MAX_SLOT = 3  # words on either side of a replacement
NEAR_COPY = 0.4  # upper bound of difflib's ratio below which two versions are not near-copies

Words = tuple[str, ...]
Span = tuple[int, int, int, int]  # a slot: words i1:i2 of this sentence, j1:j2 of the other
Opcode = tuple[str, int, int, int, int]

_SWAPPED = {"insert": "delete", "delete": "insert"}


def _merged(ops: Sequence[Opcode]) -> list[Opcode]:
    """Replacements one equal word apart become one slot ("launched government forces")."""
    out: list[Opcode] = []
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


def slot_spans(mine: Sequence[str], theirs: Sequence[str]) -> list[Span]:
    """Differing slots of `mine` (this sentence) against `theirs` (another version): a
    replacement of at most MAX_SLOT words a side, with equal words on both sides (or the
    end of both sentences after it), MIN_CONTEXT of them together.

    The matcher holds this sentence as seq2 and the other version as seq1, as the check has
    always diffed them (difflib is not symmetric where equal blocks tie); its opcodes are
    turned round to read from this sentence's side.
    """
    matcher: SequenceMatcher[str] = SequenceMatcher(None, theirs, mine, autojunk=False)
    if matcher.real_quick_ratio() < NEAR_COPY or matcher.quick_ratio() < NEAR_COPY:
        return []  # not a near-copy: no single-slot differences to find (and diffing is costly)
    return _slots(matcher, len(mine), len(theirs))


def _slots(matcher: SequenceMatcher[str], mine: int, theirs: int) -> list[Span]:
    """The slots of a matcher of (the other version, this sentence), of these lengths."""
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
        at_end = i2 == mine and j2 == theirs
        if left < 1 or (right < 1 and not at_end) or left + right < MIN_CONTEXT:
            continue
        out.append((i1, i2, j1, j2))
    return out


class SlotMemo:
    """`slot_spans` for one story, each distinct pair of word sequences diffed at most once.

    Asked sentence by sentence, it keeps the matcher of the last sentence asked about, whose
    index of that sentence's words difflib builds once for all its versions."""

    def __init__(self) -> None:
        self._spans: dict[tuple[Words, Words], tuple[Span, ...]] = {}
        self._counts: dict[Words, _Counts] = {}
        self._matcher: SequenceMatcher[str] = SequenceMatcher(None, (), (), autojunk=False)
        self._mine: Words = ()

    def spans(self, mine: Words, theirs: Words) -> tuple[Span, ...]:
        key = (mine, theirs)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = self._find(mine, theirs)
        return found

    def _find(self, mine: Words, theirs: Words) -> tuple[Span, ...]:
        if mine == theirs or not self.near_copies(mine, theirs):
            return ()  # equal sequences are one equal block: no replacement, no slot
        if mine is not self._mine:
            self._matcher.set_seq2(mine)
            self._mine = mine
        self._matcher.set_seq1(theirs)
        return tuple(_slots(self._matcher, len(mine), len(theirs)))

    def near_copies(self, mine: Words, theirs: Words) -> bool:
        """difflib's `quick_ratio` test from word counts kept per sequence. Its ratio counts
        the words the two have in common, each as often as the sequence that has it fewer
        times, over both lengths; it bounds the ratio itself from above, so a pair below
        NEAR_COPY has no near-copy slots. The float is made as difflib makes it."""
        length = len(mine) + len(theirs)
        if length and 2.0 * min(len(mine), len(theirs)) / length < NEAR_COPY:
            return False  # real_quick_ratio: the lengths alone rule the pair out
        a, b = self._count(mine), self._count(theirs)
        shared = len(a.words & b.words)
        for w, n in a.repeated.items():  # a word twice or more in both counts its fewer uses
            if w in b.words:
                shared += min(n, b.repeated.get(w, 1)) - 1
        return (2.0 * shared / length if length else 1.0) >= NEAR_COPY

    def _count(self, words: Words) -> _Counts:
        found = self._counts.get(words)
        if found is None:
            found = self._counts[words] = _Counts(words)
        return found


class _Counts:
    """A word sequence's words as a set, and the number of uses of those used more than once:
    shared words counted with sets at C speed, the few repeated ones ("the") one by one."""

    __slots__ = ("repeated", "words")

    def __init__(self, words: Words) -> None:
        self.words = frozenset(words)
        self.repeated = (
            {w: n for w, n in Counter(words).items() if n > 1}
            if len(self.words) < len(words)
            else {}
        )
