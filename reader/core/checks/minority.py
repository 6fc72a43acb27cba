"""Minority wording: the words of a sentence that (almost) no other version of it uses.

Where four or more versions of one text render a sentence (machine translations of one source,
edited copies of one wire story), a content word that fewer than a quarter of the others share is
where this version departs from the rest: a mistranslated term, a garbled name, an addition.
Two common words that few versions put side by side are one too ("returning students" where the
others write "overseas returnees"): a term translated word by word. So is a figure: versions of
one text carry the same numbers, and one that few of them state ("167,000 yuan" where most say
"16,000 to 17,000 yuan") was mistranslated.
The consensus check (wording.py) needs near-copies with one differing slot; translations by
different systems rarely line up that well, so this one compares vocabularies instead and asks
the word order only for what the others say in that place.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reader.core.checks.common import as_written, one_name, warn
from reader.core.checks.parallel import counterparts
from reader.core.facts.amounts import Amount, find_mentions
from reader.core.facts.figure_words import is_number_word
from reader.core.model import Story, Warning
from reader.core.text.diffing import SequenceMatcher
from reader.core.text.stemming import stem
from reader.core.text.tokens import STOPWORDS, Token, is_content, norms, runs, tokenize

MIN_VERSIONS = 3  # other versions a sentence needs before a minority means anything
MINORITY = 0.25  # a word that fewer than this share of the other versions use is flagged
PARALLEL = 0.3  # difflib ratio of the word sequences: a version of this sentence, not a topic
MAX_VERSIONS = 12  # closest versions compared per sentence: enough for a consensus, bounded cost
VERSION_SHARE = 0.8  # share of an article's sentences with a parallel one in a version of it
MAX_SPAN = 4  # longer runs of unshared words are a rewritten clause, not a word choice
SUBJECTS = frozenset("i we you he she they".split())


@dataclass
class _Version:
    sentence: str
    norms: list[str]
    tokens: list[Token]  # with offsets into `text`, to quote what this version says instead
    text: str
    _vocabulary: frozenset[str] | None = None
    _pairs: frozenset[tuple[str, str]] | None = None

    @property
    def vocabulary(self) -> frozenset[str]:
        """Words and their stems (built when first asked: most versions never are)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.norms) | {_stem(n) for n in self.norms}
        return self._vocabulary

    @property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """Stems of consecutive content words, function words between them skipped."""
        if self._pairs is None:
            stems = [_stem(n) for n in self.norms if is_content(n)]
            self._pairs = frozenset(itertools.pairwise(stems))
        return self._pairs


@lru_cache(maxsize=65536)
def _stem(norm: str) -> str:
    return stem(norm)


def _versions(
    story: Story, mine: list[str], others: list[str], known: dict[str, _Version]
) -> list[_Version]:
    """The closest parallel sentence of each other article (at most MAX_VERSIONS of them).

    `known`: the versions made so far, by sentence. A sentence is the version of many others
    (of every copy of its text): made once, its words and their pairs are worked out once, not
    once for each sentence it is compared with (300 copies of one article: 770 MB and 7 s).
    A version worded exactly as this sentence is as alike as can be without a diff."""
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(mine)
    best: dict[str, tuple[float, str]] = {}
    for o in others:
        s = story.sentence(o)
        text = story.article(s.article).text
        forms = norms(text, s.start, s.end)  # made once per sentence, not once per pair
        if forms == mine:
            ratio = 1.0
        else:
            matcher.set_seq1(forms)
            if matcher.real_quick_ratio() < PARALLEL or matcher.quick_ratio() < PARALLEL:
                continue
            ratio = matcher.ratio()
        if ratio >= PARALLEL and ratio > best.get(s.article, (0.0,))[0]:
            best[s.article] = (ratio, o)
    ranked = sorted(best.values(), key=lambda v: -v[0])[:MAX_VERSIONS]
    return [known[o] if o in known else _version(story, o, known) for _, o in ranked]


def _version(story: Story, sentence_id: str, known: dict[str, _Version]) -> _Version:
    s = story.sentence(sentence_id)
    text = story.article(s.article).text
    made = _Version(sentence_id, norms(text, s.start, s.end), tokenize(text, s.start, s.end), text)
    known[sentence_id] = made
    return made


def _uses(words: list[Token], versions: list[_Version]) -> list[int | None]:
    """How many versions use each content word or subject pronoun (None for the words never
    flagged)."""
    out: list[int | None] = []
    for t in words:
        n = t.norm
        if n in SUBJECTS:  # "We will formulate" where the others have no subject: an addition
            out.append(sum(1 for v in versions if n in v.vocabulary))
            continue
        if not is_content(n) or any(c.isdigit() for c in n) or not any(c.isalpha() for c in n):
            out.append(None)  # figures are compared as figures (_odd_amounts)
            continue
        key = _stem(n)
        out.append(sum(1 for v in versions if n in v.vocabulary or key in v.vocabulary))
    return out


def _rare_pairs(
    words: list[Token], uses: list[int | None], flagged: list[bool], versions: list[_Version]
) -> list[tuple[int, int, int]]:
    """Adjacent content words, each common, that few versions put together: token ranges and
    how many versions have the best-shared pair of the range ("A B" and "B C" make "A B C")."""
    limit = MINORITY * len(versions)
    shared: list[int | None] = []  # versions with pair (i, i + 1); None: not a pair of words
    for i in range(len(words) - 1):
        plain = (
            not (flagged[i] or flagged[i + 1]) and uses[i] is not None and uses[i + 1] is not None
        )
        if plain and words[i].norm not in SUBJECTS and words[i + 1].norm not in SUBJECTS:
            pair = (_stem(words[i].norm), _stem(words[i + 1].norm))
            shared.append(sum(1 for v in versions if pair in v.pairs))
        else:
            shared.append(None)
    rare = [n is not None and n < limit for n in shared]
    return [
        (i, j + 1, max(n for n in shared[i:j] if n is not None))
        for i, j in runs(rare, rare.__getitem__)
    ]


def _runs(words: list[Token], flags: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of flagged words; one stop word between two flagged ones joins them."""

    def joins(j: int) -> bool:
        return flags[j] or (j + 1 < len(words) and flags[j + 1] and words[j].norm in STOPWORDS)

    return runs(flags, joins)


Opcode = tuple[str, int, int, int, int]


def _diffs(mine: list[str], versions: list[_Version]) -> list[tuple[_Version, list[Opcode]]]:
    """Each version's word diff against this sentence (difflib indexes this sentence once)."""
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(mine)
    out: list[tuple[_Version, list[Opcode]]] = []
    for v in versions:
        matcher.set_seq1(v.norms)
        out.append((v, list(matcher.get_opcodes())))
    return out


def _alternative(i1: int, i2: int, diffs: list[tuple[_Version, list[Opcode]]]) -> tuple[str, int]:
    """What many other versions say in this place (a third of them, at least two), and how many."""
    said: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for v, ops in diffs:
        for op, j1, j2, k1, k2 in ops:
            # Opcodes read from the other version (seq1) to this sentence (seq2).
            if op == "replace" and k1 <= i1 and i2 <= k2 and j2 - j1 <= MAX_SPAN:
                norm = " ".join(v.norms[j1:j2])
                said[norm] += 1
                quote = as_written(v.text, v.tokens[j1:j2])
                written.setdefault(norm, Counter())[quote] += 1
    for norm, n in said.most_common():
        if n < max(2, len(diffs) // 3):
            break
        if any(is_content(w) for w in norm.split()):
            return written[norm].most_common(1)[0][0], n
    return "", 0


def _versions_of_whole(story: Story, matches: dict[str, list[str]]) -> dict[str, set[str]]:
    """Article -> the articles where most of its sentences have a match: versions of one text.

    Independent reports of one event share a sentence here and there; versions of one text
    (translations, copies) share nearly all of them. `matches` maps a sentence to sentences of
    other articles.
    """
    total: Counter[str] = Counter(s.article for s in story.sentences)
    covered: Counter[tuple[str, str]] = Counter()
    for sid, others in matches.items():
        art = story.sentence(sid).article
        for other in {story.sentence(o).article for o in others}:
            covered[(art, other)] += 1
    out: dict[str, set[str]] = {}
    for (a, b), n in covered.items():
        if n >= VERSION_SHARE * total[a]:
            out.setdefault(a, set()).add(b)
    return out


def _same_amount(a: Amount, b: Amount) -> bool:
    return a.dimension == b.dimension and abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def _odd_amounts(
    story: Story, sid: str, versions: list[_Version], amounts: Callable[[str], list[Amount]]
) -> list[Warning]:
    """Figures of this sentence that fewer than a quarter of its other versions state."""
    s = story.sentence(sid)
    limit = MINORITY * len(versions)
    theirs = [amounts(v.sentence) for v in versions]
    out: list[Warning] = []
    for a in amounts(sid):
        used = sum(1 for found in theirs if any(_same_amount(a, b) for b in found))
        if used >= limit:
            continue
        said = Counter(
            text
            for found in theirs
            for text in {b.text for b in found if b.dimension == a.dimension}
        )  # each version's figures of this kind, once each
        alt, n = said.most_common(1)[0] if said else ("", 0)
        if n < 2:
            alt = ""
        # Most versions agreeing on another figure make this one wrong; where they scatter,
        # this one is only contested (and the most common may be the wrong one).
        settled = 2 * n > len(versions)
        who = f"only {used}" if used else "none"
        out.append(
            warn(
                s.article,
                a.start,
                a.end,
                "wrong-word",
                f"“{a.text}”: a figure in {who} of the {len(versions)} other versions of this"
                f" sentence" + (f"; {n} have “{alt}”" if alt else ""),
                "minority-number",
                suggestion=alt if alt and settled else None,
                evidence=[v.sentence for v in versions[:3]],
                severity="warning" if settled else "info",
            )
        )
    return out


def _in_figures(words: list[Token], odd: list[Warning], figures: list[Amount]) -> list[bool]:
    """Words compared as figures, not as words: those of an odd figure ("seven thousand
    dollars", flagged whole) and the number words of any figure ("seven" / "7")."""
    return [
        any(w.start <= t.start < w.end for w in odd)
        or (is_number_word(t.norm) and any(a.start <= t.start < a.end for a in figures))
        for t in words
    ]


def check_minority(story: Story) -> list[Warning]:
    """Words, pairs of words, subject pronouns and figures of a sentence that few of its other
    versions use."""
    parallel = counterparts(story)
    # A cheap bound first: counterparts come from the claims, so this costs no comparison, and
    # only articles with enough such partners are compared word by word.
    partners = _versions_of_whole(story, parallel)
    found: dict[str, tuple[list[Token], list[_Version]]] = {}
    known: dict[str, _Version] = {}
    for s in story.sentences:
        if len(partners.get(s.article, ())) < MIN_VERSIONS:
            continue
        others = [
            o for o in parallel.get(s.id, []) if story.sentence(o).article in partners[s.article]
        ]
        if len({story.sentence(o).article for o in others}) < MIN_VERSIONS:
            continue
        text = story.article(s.article).text
        tokens = tokenize(text, s.start, s.end)
        found[s.id] = (tokens, _versions(story, norms(text, s.start, s.end), others, known))
    whole = _versions_of_whole(story, {k: [v.sentence for v in vs] for k, (_, vs) in found.items()})
    out: list[Warning] = []
    cache: dict[str, list[Amount]] = {}

    def amounts(sid: str) -> list[Amount]:
        if sid not in cache:
            s = story.sentence(sid)
            cache[sid] = find_mentions(story.article(s.article).text, s.start, s.end)[0]
        return cache[sid]

    for sid, (tokens, candidates) in found.items():
        s = story.sentence(sid)
        mine_whole = whole.get(s.article, set())
        versions = [v for v in candidates if story.sentence(v.sentence).article in mine_whole]
        if len(versions) < MIN_VERSIONS:
            continue
        mine = [t.norm for t in tokens]
        odd = _odd_amounts(story, sid, versions, amounts)
        figure = _in_figures(tokens, odd, amounts(sid))
        uses = [None if f else u for f, u in zip(figure, _uses(tokens, versions), strict=True)]
        limit = MINORITY * len(versions)
        flags = [u is not None and u < limit for u in uses]
        runs = [
            (i1, i2, max(u for u in uses[i1:i2] if u is not None), "")
            for i1, i2 in _runs(tokens, flags)
        ]
        runs += [
            (i1, i2, used, "these words together ")
            for i1, i2, used in _rare_pairs(tokens, uses, flags, versions)
        ]
        diffs: list[tuple[_Version, list[Opcode]]] | None = None
        for i1, i2, used, what in sorted(runs):
            if i2 - i1 > MAX_SPAN:
                continue
            text = as_written(story.article(s.article).text, tokens[i1:i2])
            if diffs is None:
                diffs = _diffs(mine, versions)
            alt, n = _alternative(i1, i2, diffs)
            if one_name(text, alt):
                continue
            who = f"only {used}" if used else "none"
            said = f"; {n} have “{alt}”" if alt else ""
            out.append(
                warn(
                    s.article,
                    tokens[i1].start,
                    tokens[i2 - 1].end,
                    "pronoun" if i2 - i1 == 1 and mine[i1] in SUBJECTS else "wrong-word",
                    f"“{text}”: {what}in {who} of the {len(versions)} other versions of this"
                    f" sentence{said}",
                    "minority-wording",
                    suggestion=alt or None,
                    evidence=[v.sentence for v in versions[:3]],
                    severity="info",
                )
            )
        out += odd
    return out
