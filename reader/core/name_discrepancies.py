"""Names that differ: the same statement, one name swapped ("John Smith" / "James Smith").

Two sentences of one claim that read alike word for word but for part of a name or a title
("Foreign Minister Anna Berg" / "Defence Minister Anna Berg") disagree about who acted. Only a
name phrase that keeps some of its words counts: a whole name replaced ("Moscow" / "the
Kremlin") is as often the same actor in other words, and a spelling variant ("Peskow" /
"Peskov") is the warnings' business.
"""

from __future__ import annotations

import itertools
from difflib import SequenceMatcher

from reader.core.model import Discrepancy, Sentence, Story, Value
from reader.core.tokens import STOPWORDS, Token, tokenize

MIN_ALIKE = 0.6  # share of words two sentences must have in order to be one statement
MAX_SWAP = 3  # words of a name that may differ
MAX_SPELLING = 0.7  # two words this alike are one name spelled differently
HEADLINE_SHARE = 0.5  # a sentence with more capitalised words than this is a headline


def _capitals(tokens: list[Token]) -> list[bool]:
    """Which words belong to a name: capitalised, but not a function word that opens the
    sentence ("From February"); "He" inside a sentence is a name ("Patient He Ying")."""
    return [
        t.text[:1].isupper() and t.text[:1].isalpha() and (k > 0 or t.norm not in STOPWORDS)
        for k, t in enumerate(tokens)
    ]


def _headline(capital: list[bool]) -> bool:
    """Title case ("Medical Price Cuts Take Effect"): every word looks like a name."""
    return sum(capital) > HEADLINE_SHARE * len(capital)


def _phrase(tokens: list[Token], capital: list[bool], i: int, j: int, text: str) -> tuple[int, int]:
    """The capitalised run around tokens[i:j] (a name with its title), single-spaced."""
    while i > 0 and capital[i - 1] and text[tokens[i - 1].end : tokens[i].start] == " ":
        i -= 1
    while j < len(tokens) and capital[j] and text[tokens[j - 1].end : tokens[j].start] == " ":
        j += 1
    return i, j


def _swaps(story: Story, a: Sentence, b: Sentence) -> list[tuple[Value, Value]]:
    """Name phrases of two alike sentences that differ in some words but not all."""
    ta, tb = story.article(a.article).text, story.article(b.article).text
    wa, wb = tokenize(ta, a.start, a.end), tokenize(tb, b.start, b.end)
    na, nb = [t.norm for t in wa], [t.norm for t in wb]
    matcher = SequenceMatcher(None, na, nb, autojunk=False)
    ca, cb = _capitals(wa), _capitals(wb)
    if matcher.ratio() < MIN_ALIKE or _headline(ca) or _headline(cb):
        return []
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 > MAX_SWAP or j2 - j1 > MAX_SWAP:
            continue
        if not all(ca[i1:i2] + cb[j1:j2]):
            continue
        if any(
            SequenceMatcher(None, x, y).ratio() >= MAX_SPELLING
            for x, y in itertools.product(na[i1:i2], nb[j1:j2])
        ):
            continue
        pa, pb = _phrase(wa, ca, i1, i2, ta), _phrase(wb, cb, j1, j2, tb)
        if pa == (i1, i2) or pb == (j1, j2):
            continue  # nothing of the name is kept: perhaps the same actor in other words
        if pa[1] - pa[0] < 2 or pb[1] - pb[0] < 2:
            continue
        sa, ea = wa[pa[0]].start, wa[pa[1] - 1].end
        sb, eb = wb[pb[0]].start, wb[pb[1] - 1].end
        out.append(
            (
                Value(a.article, sa, ea, ta[sa:ea], " ".join(na[pa[0] : pa[1]])),
                Value(b.article, sb, eb, tb[sb:eb], " ".join(nb[pb[0] : pb[1]])),
            )
        )
    return out


def find_name_discrepancies(story: Story) -> list[Discrepancy]:
    """One discrepancy per name phrase that the members of a claim write differently."""
    found: list[tuple[str, dict[tuple[str, int], Value]]] = []
    for claim in story.claims:
        members = [story.sentence(m) for m in claim.members]
        for a, b in itertools.combinations(members, 2):
            if a.article == b.article:
                continue
            for va, vb in _swaps(story, a, b):
                keys = {(va.article, va.start): va, (vb.article, vb.start): vb}
                for _, seen in found:
                    if keys.keys() & seen.keys():
                        seen.update(keys)
                        break
                else:
                    found.append((claim.id, keys))
    out = []
    for claim_id, values in found:
        ordered = tuple(sorted(values.values(), key=lambda v: (v.article, v.start)))
        shown = list(dict.fromkeys(" ".join(v.text.split()) for v in ordered))
        if len(shown) > 1:
            out.append(Discrepancy(claim_id, "name", "name: " + " vs ".join(shown), ordered))
    return out
