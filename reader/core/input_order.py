"""One analysis whatever order the files come in.

The stages break ties by position and by id (the earlier article's sentence seeds a claim,
"a1" < "a2" orders a pair), so the same files given in another order gave other claims. They
run on the articles renamed in a canonical order (by content fingerprint); what they find is
renamed back here and put in the reader's order: claims numbered by where they first appear,
members, passages and discrepancy values in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from reader.core.model import (
    Article,
    Claim,
    Discrepancy,
    Sentence,
    Value,
    Warning,
)
from reader.core.passages.order import reading_order
from reader.core.passages.table import PassageTable

_SENTENCE_ID = re.compile(r"(a\d+):s(\d+)")


class CanonicalOrder:
    """The articles as the stages see them, and the way back to the reader's ids and order."""

    def __init__(self, articles: Sequence[Article]) -> None:
        ranked = sorted(articles, key=lambda a: (a.fingerprint, a.name, a.id))
        self.articles = [replace(a, id=f"a{k}") for k, a in enumerate(ranked, start=1)]
        self._id = {f"a{k}": a.id for k, a in enumerate(ranked, start=1)}
        self._position = {a.id: k for k, a in enumerate(articles)}
        # Each sentence id is renamed, and placed in reading order, once: a story's claims,
        # warnings and sentences name every sentence, several of them many times.
        self._renamed: dict[str, str] = {}
        self._readings: dict[str, tuple[int, int]] = {}

    def _sentence_id(self, sentence_id: str) -> str:
        back = self._renamed.get(sentence_id)
        if back is None:
            m = _SENTENCE_ID.fullmatch(sentence_id)
            back = f"{self._id[m.group(1)]}:s{m.group(2)}" if m else sentence_id  # "rule:…" stays
            self._renamed[sentence_id] = back
        return back

    def _reading(self, sentence_id: str) -> tuple[int, int]:
        reading = self._readings.get(sentence_id)
        if reading is None:
            article, _, index = sentence_id.partition(":s")
            reading = self._readings[sentence_id] = (self._position[article], int(index))
        return reading

    def _value(self, v: Value) -> tuple[int, int]:
        return self._position[v.article], v.start

    def sentences(self, sentences: Sequence[Sentence]) -> list[Sentence]:
        back = [
            replace(s, id=self._sentence_id(s.id), article=self._id[s.article]) for s in sentences
        ]
        return sorted(back, key=lambda s: (self._position[s.article], s.index))

    def claims(self, claims: Sequence[Claim]) -> tuple[list[Claim], dict[str, str]]:
        """Claims numbered c1.. by first appearance, members in reading order; and the renaming."""
        back = [self._members_back(c) for c in claims]
        order = sorted(range(len(back)), key=lambda k: self._reading(back[k][0][0]))
        name = {claims[k].id: f"c{n}" for n, k in enumerate(order, start=1)}
        return [
            replace(claims[k], id=name[claims[k].id], members=back[k][0], strengths=back[k][1])
            for k in order
        ], name

    def _members_back(self, claim: Claim) -> tuple[tuple[str, ...], tuple[float, ...]]:
        """A claim's members renamed and in reading order, each strength kept with its member."""
        named = [self._sentence_id(m) for m in claim.members]
        if len(claim.strengths) != len(named):
            return tuple(sorted(named, key=self._reading)), claim.strengths
        both = sorted(zip(named, claim.strengths, strict=True), key=lambda x: self._reading(x[0]))
        return tuple(m for m, _ in both), tuple(s for _, s in both)

    def warnings(self, warnings: Sequence[Warning]) -> list[Warning]:
        return [
            replace(
                w, article=self._id[w.article], evidence=tuple(map(self._sentence_id, w.evidence))
            )
            for w in warnings
        ]

    def discrepancies(
        self, found: Sequence[Discrepancy], claim_name: dict[str, str]
    ) -> list[Discrepancy]:
        """Values in reading order; the list by claim, then by where each first shows."""
        back = [
            replace(
                d,
                claim=claim_name.get(d.claim, d.claim),  # "" when no claim holds it
                values=tuple(
                    sorted(
                        (replace(v, article=self._id[v.article]) for v in d.values), key=self._value
                    )
                ),
            )
            for d in found
        ]
        last = len(claim_name) + 1
        return sorted(
            back,
            key=lambda d: (int(d.claim[1:]) if d.claim else last, self._value(d.values[0])),
        )

    def passages(self, parts: Sequence[PassageTable]) -> PassageTable:
        """The parts' passages (passages.shared.find_part, in order) as one table, each from the
        earlier article to the later one, in reading order: columns remapped as a whole
        (passages.order), no object made per passage, the parts never first joined."""
        articles = parts[0].articles if parts else ()
        position = [self._position[self._id[a]] for a in articles]
        reader_ids = sorted(self._position, key=self._position.__getitem__)
        return reading_order(parts, position, reader_ids)
