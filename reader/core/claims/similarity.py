"""Sentence similarity for claims: weighted content terms, names, numbers and spelling variants.

Every sentence becomes a bag of terms (light stems of content words, normalised numbers) weighted
by how rare the term is among the story's sentences, so that the words two versions of a fact
share count by how much they tell. Spelling variants of one word (Peskow / Peskov) share a term.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from reader.core.claims.disjoint_sets import DisjointSets
from reader.core.claims.lexicon import attribution_keys, synonym_keys
from reader.core.text.spelling import undoubled
from reader.core.text.stemming import stem
from reader.core.text.tokens import STOPWORDS, Token, norms, tokenize
from reader.core.text.word_frequency import is_common_word

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

# Terms too vague to carry a claim on their own even where they are rare.
_WEAK = frozenset(
    """one two new first last next year years day days week month time times people percent
    per cent mr mrs ms would could may might must make made take took get got go went come came
    many much well like even back around near including way two three four five six ten""".split()
)


def _number_norm(text: str) -> str:
    return "#" + text.replace(",", "")


class Term(NamedTuple):
    """A sentence's content word as a claim compares it. A named tuple: a story has a term
    for every other word of it, and a tuple is made at C speed."""

    key: str  # the matching key: a stem, "#number", or a variant group's representative
    text: str  # the word as written
    start: int
    end: int
    name: bool
    number: bool


def _levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance, or limit + 1 once it must exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(v)
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


# Endings that make an adjective or agent of a word the story also uses (Syria / Syrian).
_DERIVED = ("n", "an", "al", "ern", "ic", "ist", "ism")


def variant_groups(
    surface: Mapping[str, Iterable[str]],
    min_len: int = 5,
    min_ratio: float = 0.8,
    known: Collection[str] = frozenset(),
) -> dict[str, str]:
    """Map each spelling variant to one representative (Peskow -> Peskov, Taftinaz -> Taftanaz).

    Candidates come from a trigram index over the vocabulary, so this stays near linear. Two
    `known` dictionary words are never variants of each other (nearly / nearby, prison / poison)
    unless they differ only in doubled letters (programme / program; keys already have American
    endings). `surface` maps each key to the words written for it, which finds derived forms
    ("Syrian" of "Syria").
    """
    vocab = sorted({w for w in surface if len(w) >= min_len and w.isalpha()})
    index: dict[str, list[int]] = {}
    grams_of: list[set[str]] = []
    for k, w in enumerate(vocab):
        padded = f"^{w}$"
        grams = {padded[i : i + 3] for i in range(len(padded) - 2)}
        grams_of.append(grams)
        for g in grams:
            index.setdefault(g, []).append(k)
    sets = DisjointSets(len(vocab))
    for k, w in enumerate(vocab):
        counts: Counter[int] = Counter()
        for g in grams_of[k]:
            postings = index[g]
            if len(postings) <= 200:
                counts.update(postings)
        for other, shared in counts.items():
            if other <= k or shared < len(grams_of[k]) // 3:
                continue
            o = vocab[other]
            if o[0] != w[0]:
                continue
            if w in known and o in known and undoubled(w) != undoubled(o):
                continue  # two dictionary words (nearly / nearby) are two words
            limit = int(max(len(w), len(o)) * (1 - min_ratio))
            if limit >= 1 and _levenshtein(w, o, limit) <= limit:
                sets.join(k, other)
    at = {w: k for k, w in enumerate(vocab)}
    key_of = {form: key for key, forms in surface.items() for form in forms}
    for form, key in key_of.items():  # derived forms: "Syria" / "Syrian", "governmental"
        for ending in _DERIVED:
            if not form.endswith(ending):
                continue
            base = key_of.get(form[: -len(ending)])
            if base is None or len(form) - len(ending) < (7 if ending == "al" else 5):
                continue  # "personal" is not a form of "person"
            if key in at and base in at:
                sets.join(at[base], at[key])
    return {w: vocab[sets.find(k)] for k, w in enumerate(vocab) if sets.find(k) != k}


@dataclass
class SentenceTerms:
    """One sentence as weighted terms; weights are filled in once the story's IDF is known."""

    terms: list[Term]
    keys: frozenset[str]
    weight: float = 0.0  # sum of its distinct terms' weights
    name_weight: float = 0.0  # ... of those that are names or numbers


def _is_title_case(row: Sequence[tuple[str, str, int, int]]) -> bool:
    """A headline in title case: most of its content words (norm, word, ...) capitalised."""
    alpha = [w[0] for norm, w, _, _ in row if w[:1].isalpha() and norm not in STOPWORDS]
    return len(alpha) >= 2 and len(list(filter(str.isupper, alpha))) >= 0.7 * len(alpha)


@dataclass(frozen=True)
class Vocabulary:
    """Story-wide statistics: term weights and which words are names."""

    weights: dict[str, float]
    name_weights: dict[str, float] = field(default_factory=dict)  # names and numbers only

    def weight(self, key: str) -> float:
        return self.weights.get(key, 0.0)


# A text's words found in its article, their matching forms (`tokens.norms`), and the text's
# offset in the article.
Located = tuple[Sequence[Token], Sequence[str], int]
Row = list[tuple[str, str, int, int]]  # (norm, text, start, end) of each word of a text


def extract_terms(
    texts: Sequence[str], words: Callable[[int], Located] | None = None
) -> list[list[Term]]:
    """Content terms of each text, with names found from how the story capitalises each word.

    `words(i)` gives text i's words as the checks and facts tokenize them, in the article the
    sentence comes from (the same words: the word pattern looks at nothing outside a span),
    so each sentence is tokenized once; without it the texts are tokenized here.

    A text's terms depend only on its words and the story's capitalisation counts, so a text
    that recurs (wire copy repeats sentences word for word) is read once and its terms shared.
    Each occurrence still counts towards how the story writes a word.
    """
    rows: dict[str, Row] = {}
    occurrences: Counter[str] = Counter(texts)
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for i, text in enumerate(texts):
        if text in rows:
            continue
        toks, forms, base = words(i) if words is not None else (tokenize(text), norms(text), 0)
        row = [
            (form, t.text, t.start - base, t.end - base)
            for t, form in zip(toks, forms, strict=True)
        ]
        rows[text] = row
        if _is_title_case(row):
            continue
        # How the story writes each word where capitals say nothing of sentence starts: not
        # the first word (no word token is a quote mark, so only the first one is initial).
        # Counted by Counter.update (C speed); a text that recurs, as often as it does.
        initials = [(norm, word[0]) for norm, word, _, _ in row[1:] if word[:1].isalpha()]
        capitals = [norm for norm, initial in initials if initial.isupper()]
        lowers = [norm for norm, initial in initials if not initial.isupper()]
        times = occurrences[text]
        for counts, found in ((capital, capitals), (lower, lowers)):
            counts.update(
                found if times == 1 else {k: n * times for k, n in Counter(found).items()}
            )
    plans: dict[str, _Plan] = {}
    terms_of = {text: _terms(text, row, capital, lower, plans) for text, row in rows.items()}
    return [terms_of[text] for text in texts]


# What a word written one way gives wherever it occurs in a story: no term (a function word, a
# word with digits: the numbers are read from the text), a Chinese or Japanese character, or
# terms as (key, text, start, end from the word's start, name). Worked out once per written
# word of the story, where the words of every sentence were read letter by letter.
_Plan = tuple[tuple[str, str, int, int, bool], ...] | None
_IDEOGRAPH: _Plan = (("", "", 0, 0, False),)  # a plan no word has: compared by identity
_UNPLANNED: _Plan = ((" ", " ", 0, 0, False),)  # another: the word's plan is not worked out yet


def _plan(norm: str, word: str, capital: Counter[str], lower: Counter[str]) -> _Plan:
    if norm in STOPWORDS:
        return None  # first, as cheapest: a function word is no number and no ideograph
    if not norm.isalpha() and any(c.isdigit() for c in norm):
        return None  # letters only hold no digit: the cheap test first
    if len(norm) == 1 and norm >= "\u3040":
        return _IDEOGRAPH
    if len(norm) < 2:
        return None
    name = word[:1].isupper() and capital[norm] > lower[norm]
    if "-" not in norm:
        return ((stem(norm), word, 0, len(word), name),)
    parts = []  # "rebel-held" also matches "rebels", "al-Assad" matches "Assad"
    offset = 0
    for part in norm.split("-"):
        if part not in STOPWORDS and len(part) > 2:
            parts.append((stem(part), part, offset, offset + len(part), name))
        offset += len(part) + 1
    return tuple(parts) or None


def _terms(
    text: str, row: Row, capital: Counter[str], lower: Counter[str], plans: dict[str, _Plan]
) -> list[Term]:
    """One text's terms in reading order: numbers, stems of content words, Chinese and
    Japanese character pairs; a word the story mostly capitalises is a name."""
    new = tuple.__new__  # a named tuple made without its Python-level __new__: C speed
    terms: list[Term] = []
    numbers = [(m.start(), m.end()) for m in _NUMBER.finditer(text)]
    number_starts = [s for s, _ in numbers]  # in order, apart: bisection finds the one
    for s, e in numbers:
        terms.append(new(Term, (_number_norm(text[s:e]), text[s:e], s, e, False, True)))
    previous: tuple[str, int, int] | None = None  # the last ideograph, for bigrams
    for norm, word, s, e in row:
        plan = plans.get(word, _UNPLANNED)
        if plan is _UNPLANNED:
            plan = plans[word] = _plan(norm, word, capital, lower)
        if plan is None:
            continue
        if numbers:
            k = bisect_right(number_starts, s) - 1
            if k >= 0 and s < numbers[k][1]:
                continue  # a word inside a number ("1,5" holds "1" and "5")
        if plan is _IDEOGRAPH:
            # Chinese and Japanese: single characters say little, adjacent pairs are words.
            if previous is not None and previous[2] == s:
                pair = previous[0] + norm
                terms.append(new(Term, (pair, text[previous[1] : e], previous[1], e, False, False)))
            previous = (norm, s, e)
            continue
        for key, shown, start, end, name in plan:
            terms.append(new(Term, (key, shown, s + start, s + end, name, False)))
    if numbers:  # the numbers came first: the words, in reading order already, go among them
        terms.sort(key=_START)
    return terms


_START = itemgetter(2)  # a Term's start


def build_sentence_terms(
    texts: Sequence[str],
    name_boost: float = 1.6,
    number_boost: float = 1.6,
    synonyms: bool = True,
    attribution: bool = True,
    words: Callable[[int], Located] | None = None,
) -> tuple[list[SentenceTerms], Vocabulary]:
    """Terms and IDF weights for every sentence of a story (texts in any order; `words` as
    extract_terms takes them)."""
    per_text = extract_terms(texts, words)
    # A recurring text shares one list of terms (extract_terms): each list is weighed once,
    # and counted as often as it occurs.
    times: Counter[int] = Counter(map(id, per_text))
    distinct = list({id(terms): terms for terms in per_text}.values())
    surface: dict[str, set[str]] = {}
    for terms in distinct:
        for t in terms:
            if not t.number:
                surface.setdefault(t.key, set()).add(t.text.lower())
    known = {k for k, forms in surface.items() if any(map(is_common_word, forms))}
    groups = variant_groups(surface, known=known)
    if synonyms:
        table = synonym_keys(stem)
        for key, rep in list(groups.items()):
            if rep in table:
                groups[key] = table[rep]
        for terms in distinct:
            for t in terms:
                if not t.name and t.key in table and t.key not in groups:
                    groups[t.key] = table[t.key]
    renamed = {
        id(terms): [
            t
            if t.key not in groups
            else Term(groups[t.key], t.text, t.start, t.end, t.name, t.number)
            for t in terms
        ]
        if groups  # terms are immutable: only those whose key changes are made anew
        else terms
        for terms in distinct
    }
    df: Counter[str] = Counter()
    for was, terms in renamed.items():
        for key in {t.key for t in terms}:
            df[key] += times[was]
    n = max(1, len(texts))
    name_keys = {t.key for terms in renamed.values() for t in terms if t.name}
    weights: dict[str, float] = {}
    for key, count in df.items():
        w = math.log(n / count) + 0.1
        if key.startswith("#"):
            w *= number_boost
        elif key in name_keys:
            w *= name_boost
        elif key in _WEAK:
            w *= 0.5
        weights[key] = w
    speaker = attribution_keys(stem) if attribution else frozenset()
    vocab = Vocabulary(
        weights,
        {k: w for k, w in weights.items() if k in name_keys or k.startswith("#") or k in speaker},
    )
    weighed: dict[int, SentenceTerms] = {}
    for was, terms in renamed.items():
        st = SentenceTerms(terms=terms, keys=frozenset([t.key for t in terms]))
        st.weight = math.fsum(map(weights.__getitem__, st.keys))
        st.name_weight = math.fsum(map(vocab.name_weights.get, st.keys, _ZEROS))
        weighed[was] = st
    out = [weighed[id(terms)] for terms in per_text]
    return out, vocab


def merge(parts: Sequence[SentenceTerms], vocab: Vocabulary) -> SentenceTerms:
    """Two or more consecutive sentences read as one (for 1-2 and 2-1 alignment)."""
    if len(parts) == 1:
        return parts[0]
    keys = frozenset().union(*(p.keys for p in parts))
    merged = SentenceTerms([t for p in parts for t in p.terms], keys)
    weights, names = vocab.weights, vocab.name_weights
    merged.weight = math.fsum(map(weights.get, keys, _ZEROS))
    merged.name_weight = math.fsum(map(names.get, keys, _ZEROS))
    return merged


_ZEROS = itertools.repeat(0.0)  # the default for every key that map(names.get, ...) misses


@dataclass(frozen=True)
class SimilarityParams:
    containment: float = 0.65  # share of the score from containment (vs Dice) of term weight
    min_shared: int = 2  # fewer shared terms than this scores 0 unless one is a name or number
    name_boost: float = 1.6  # names and numbers identify a fact better than common words
    number_boost: float = 1.3
    min_terms: int = 2  # a sentence with fewer terms (a fragment, a byline) is never linked
    short: int = 4  # containment counts fully only when the shorter sentence has this many terms
    content: float = 0.3  # share of the score that depends on sharing more than names/numbers
    content_full: float = 0.3  # share of the shorter one's other words that counts as full
    attribution: bool = True  # speaker roles (spokesman, minister) weigh like names in `content`
    synonyms: bool = True  # general news near-synonyms share a key (data/news_synonyms.toml)


def similarity(a: SentenceTerms, b: SentenceTerms, vocab: Vocabulary, p: SimilarityParams) -> float:
    """0..1: how much of the two sentences' information they share."""
    if len(a.keys) < p.min_terms or len(b.keys) < p.min_terms:
        return 0.0
    shared = a.keys & b.keys
    if not shared or a.weight <= 0 or b.weight <= 0:
        return 0.0
    # A single shared word: only in two very short sentences (headlines) can it be the claim.
    few = len(shared) < p.min_shared and not any(k.startswith("#") for k in shared)
    if few and max(len(a.keys), len(b.keys)) > 3:
        return 0.0
    # fsum is exactly rounded, so neither the order of a set nor added zeros change a sum:
    # map() spares a generator frame per term on the hottest line of the claims.
    sw = math.fsum(map(vocab.weights.__getitem__, shared))
    dice = 2 * sw / (a.weight + b.weight)
    shorter = min(len(a.keys), len(b.keys))
    cont = sw / min(a.weight, b.weight) * min(1.0, shorter / p.short)
    score = (1 - p.containment) * dice + p.containment * cont
    if p.content:
        # Sharing a speaker or a place is not sharing the statement: weigh the rest.
        names = vocab.name_weights
        shared_names = math.fsum(map(names.get, shared, _ZEROS))
        rest = min(a.weight - a.name_weight, b.weight - b.name_weight)
        covered = (sw - shared_names) / rest if rest > 0 else 1.0
        score *= 1 - p.content + p.content * min(1.0, covered / p.content_full)
    return min(1.0, score)
