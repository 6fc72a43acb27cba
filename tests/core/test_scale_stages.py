"""The shortcuts that keep the checks, the lexical claims and tokenizing cheap give what the
plain scans gave.

Each test runs the fast code and a brute-force reference written here on the same texts (the
sample, and random texts built to hit the shortcut's edge cases) and asserts equal results, so
a broken shortcut fails here rather than as a silently different report.
"""

from __future__ import annotations

import itertools
import random
import re
from difflib import SequenceMatcher

import pytest

from reader.core.checks import common, quotes
from reader.core.checks.calques import find_calques
from reader.core.checks.lexicon import load_calques, parse_calques
from reader.core.checks.names import candidate_pairs
from reader.core.checks.prefilter import TO_ASCII, fold, may_match, required_literals
from reader.core.claims.similarity import extract_terms
from reader.core.ingest.loading import load_paths
from reader.core.model import Article, Story
from reader.core.pipeline import segment
from reader.core.text.tokens import normalize_word, norms, tokenize
from reader.core.text.words import WORD
from reader.resources import sample_dir

_PHRASES = (
    "embedded in the rebels",
    "Embedded In A Unit",
    "prepared with explosives",
    "governmental forces",
    "since three years",
    "heavily injured",
    "hard hurt",
    "in the course of the night",
    "withIN the FRAMEWORK of",
    "informations",
    "the Syrian side",
    "hot-spot issues",
    "hotspot topics",
    "the two sessions of talks",
    "the two sessions",
    "launched the rebels",
    "new crown virus",
    "make some photos",
    "the reſponsibles",  # long s: `re` matches it to "s" without regard to case
    "precıſed",  # dotless i and long s
    "EMERGENCY FORCES",
)


def _sample_story() -> Story:
    articles = load_paths([sample_dir()])
    return Story(articles=articles, sentences=segment(articles))


def _random_texts(n: int, seed: int) -> list[str]:
    """Texts mixing ordinary words with calque phrases, cut and re-cased at random."""
    rng = random.Random(seed)
    words = "the a of in at forces said group on with years rebels night side".split()
    out = []
    for _ in range(n):
        parts: list[str] = []
        for _ in range(rng.randint(3, 30)):
            if rng.random() < 0.3:
                phrase = rng.choice(_PHRASES)
                if rng.random() < 0.3:
                    cut = rng.randrange(len(phrase))
                    phrase = phrase[:cut] + phrase[cut + 1 :]
                if rng.random() < 0.3:
                    phrase = phrase.upper()
                parts.append(phrase)
            else:
                parts.append(rng.choice(words))
        out.append(" ".join(parts) + ".")
    return out


def test_the_fold_covers_every_letter_re_matches_to_ascii_without_case() -> None:
    """Skipping a text is safe only if every character a case-insensitive pattern letter
    matches folds onto that letter: checked against every code point."""
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = {m.group() for m in re.finditer("[a-z]", every, re.IGNORECASE)}
    assert found == set(TO_ASCII)
    for c in found:
        assert re.fullmatch(fold(c), c, re.IGNORECASE)


def test_required_literals_are_in_every_match() -> None:
    calques = load_calques(None)
    texts = _random_texts(300, seed=1) + [a.text for a in _sample_story().articles]
    hits = 0
    for c in calques:
        required = required_literals(c.pattern)
        assert required, c.pattern.pattern  # every bundled calque has words to filter by
        for text in texts:
            for m in c.pattern.finditer(text):
                hits += 1
                assert may_match(required, fold(m.group(0))), (c.pattern.pattern, m.group(0))
    assert hits > 200


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        (r"\bthe totality of\b", (("the totality of",),)),
        (r"\b(?:rebel|militant)-held\b", (("militant", "rebel"), ("-held",))),
        (r"\bcall(?:s|ed)? (?P<w>to)\b", (("call",),)),  # "to" and "s": too short to help
        (r"[a-z]+ly\b", ()),  # nothing literal long enough: always runs
        (r"(?:foo|\w+) bar", ((" bar",),)),  # an alternative without a literal adds nothing
        (r"(?:foo|\w+)", ()),
    ],
)
def test_required_literals_of_patterns(pattern: str, required: tuple[tuple[str, ...]]) -> None:
    assert required_literals(re.compile(pattern, re.IGNORECASE)) == required


def test_filtered_calques_are_the_full_scan() -> None:
    """find_calques with the word filter finds what every pattern over every article finds."""
    calques = load_calques(None) + parse_calques(
        [{"pattern": r"\b\w+ing\b", "note": "no literal"}], "test"
    )
    texts = _random_texts(120, seed=2)
    articles = [Article(id=f"a{i}", name="", path="", text=t) for i, t in enumerate(texts)]
    story = Story(articles=articles, sentences=segment(articles))
    expected = []
    for a in articles:
        for c in calques:
            for m in c.pattern.finditer(a.text):
                group = "w" if "w" in c.pattern.groupindex and m.group("w") else 0
                if story.sentence_at(a.id, m.start(group)) is not None:
                    expected.append((a.id, m.start(group), m.end(group)))
    found = [(w.article, w.start, w.end) for w in find_calques(story, calques)]
    assert len(found) > 100
    assert found == expected


def _reference_quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The character-by-character scan the mark index replaces."""
    spans: list[tuple[int, int]] = []
    for p0, p1 in common.paragraphs(text):
        open_at: int | None = None
        opener = ""
        for i in range(p0, p1):
            c = text[i]
            if c in "’‘'" and common._is_apostrophe(text, i):
                continue
            if open_at is None:
                if c in common.OPENERS or c in "\"'":
                    if c == "'" and i > p0 and text[i - 1].isalnum():
                        continue
                    open_at, opener = i, c
            elif (
                c in common.PAIRS.get(opener, "")
                or (c in common.CLOSERS and c != opener)
                or c == opener
            ):
                spans.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            spans.append((open_at, p1))
    return tuple(spans)


def test_quoted_spans_visit_only_the_marks_and_find_the_same() -> None:
    rng = random.Random(4)
    pieces = ["word", " ", "s", "’", "‘", "'", '"', "“", "”", "«", "»", "„", "‚", "‹", "›", "\n"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 80))) for _ in range(2000)]
    texts += [a.text for a in _sample_story().articles]
    for text in texts:
        assert common.quoted_spans(text) == _reference_quoted_spans(text), text


def test_name_candidates_are_the_all_pairs_filter() -> None:
    rng = random.Random(6)
    keys = sorted(
        {"".join(rng.choice("abcdeo") for _ in range(rng.randint(4, 11))) for _ in range(600)}
    )
    expected = [
        (i, j)
        for i, j in itertools.combinations(range(len(keys)), 2)
        if abs(len(keys[i]) - len(keys[j])) <= 3
        and (keys[i][:1] == keys[j][:1] or keys[i][-2:] == keys[j][-2:])
    ]
    assert candidate_pairs(keys) == expected
    assert 0 < len(expected) < len(keys) * (len(keys) - 1) // 2


def test_name_candidates_by_shared_letters_are_those_the_quick_ratio_keeps() -> None:
    kept = dropped = 0
    for seed, letters in ((8, "abcdeo"), (9, "aaabbk"), (10, "abcdefghijklmnopqrst")):
        rng = random.Random(seed)
        keys = sorted(
            {"".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(700)}
        )
        shaped = [  # the length and letter rules, pair by pair (as the test above)
            (i, j)
            for i, j in itertools.combinations(range(len(keys)), 2)
            if abs(len(keys[i]) - len(keys[j])) <= 3
            and (keys[i][:1] == keys[j][:1] or keys[i][-2:] == keys[j][-2:])
        ]
        for ratio in (0.8, 0.6, 0.95):
            expected = [
                (i, j)
                for i, j in shaped
                if SequenceMatcher(None, keys[i], keys[j], autojunk=False).quick_ratio() >= ratio
            ]
            assert candidate_pairs(keys, ratio) == expected, (seed, ratio)
            kept += len(expected)
            dropped += len(shaped) - len(expected)
    assert kept > 1000 and dropped > kept


def test_quick_ratio_bounds_the_ratio() -> None:
    """Why names may skip a pair on quick_ratio alone."""
    rng = random.Random(7)
    for _ in range(2000):
        a = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 10)))
        b = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 10)))
        m = SequenceMatcher(None, a, b, autojunk=False)
        assert m.ratio() <= m.quick_ratio()


def test_terms_from_the_articles_words_are_the_terms_of_each_sentence() -> None:
    """The claims read each sentence's words from the article's tokenization (shared with the
    checks and facts): the same terms as tokenizing the sentence on its own."""
    story = _sample_story()
    texts = {a.id: a.text for a in story.articles}
    raw = [texts[s.article][s.start : s.end] for s in story.sentences]
    words = [
        (
            tokenize(texts[s.article], s.start, s.end),
            norms(texts[s.article], s.start, s.end),
            s.start,
        )
        for s in story.sentences
    ]
    assert extract_terms(raw, words.__getitem__) == extract_terms(raw)
    cut = "Le 7. Februar, l’armée — 1,5 Mio. — et 他说。 co-opted U.S. forces"
    for start, end in itertools.combinations(range(len(cut) + 1), 2):
        shifted = [(t.text, t.start - start, t.end - start) for t in tokenize(cut, start, end)]
        assert shifted == [tuple(t) for t in tokenize(cut[start:end])]


def test_a_spans_words_sliced_from_the_whole_text_are_the_spans_own() -> None:
    """tokenize takes a span's words from the whole text's (bisection); spans cut inside a
    word, out of range or empty fall back to scanning: always what a scan of the span finds."""
    rng = random.Random(8)
    pieces = ["ab", "Cd", "É’s", "7", "1,5", "'", "’", ".", "-", " ", ",", "“", "他", "说", "\n"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for _ in range(20):
            start, end = rng.randint(-2, len(text) + 2), rng.randint(-2, len(text) + 2)
            scanned = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]
            assert [tuple(t) for t in tokenize(text, start, end)] == scanned, (text, start, end)
            assert norms(text, start, end) == [normalize_word(w) for w, _, _ in scanned]
        assert [t.text for t in tokenize(text)] == WORD.findall(text)


def test_the_quote_check_visiting_only_marks_is_the_scan_of_every_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every branch of the check needs a quote mark, so visiting every character (the old
    scan) finds the same warnings."""
    rng = random.Random(9)
    pieces = ["Word", " ", "s", ".", ",", "’", "‘", "'", '"', "“", "”", "«", "»", "„", "‚", "›"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))) for _ in range(300)]
    articles = [Article(id=f"a{i}", name="", path="", text=t) for i, t in enumerate(texts)]
    articles += _sample_story().articles
    story = Story(articles=articles, sentences=[])
    fast = quotes.check_quotes(story)
    monkeypatch.setattr(quotes, "_MARKS", re.compile("(?s)."))
    assert quotes.check_quotes(story) == fast
    assert len(fast) > 50
