"""The shortcuts of the figure and date finders find what the plain ways found.

Each is compared with the way it replaced, on the sample, a generated story and random text
full of odd cases (digits of other scripts, Chinese numerals, number words, dates, clock
times, codes): amounts and dates looked for only at tokens that can begin one, the trie of
the words that may start a mention, a sentence's context words read once for all its mentions,
and the mentions of a repeated wording worked out once and moved to each copy.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.generate import generate
from reader.core.claims.linking import find_claims
from reader.core.facts import amounts, dates, discrepancies, figure_words, mentions
from reader.core.facts.agreement import comparable
from reader.core.facts.figure_tokens import FigureToken, figure_tokens, phrase_at
from reader.core.facts.mentions import Mention, head_stem, is_context_word, mentions_of
from reader.core.facts.repeated_sentences import WINDOW_AFTER, WINDOW_BEFORE, SentenceMentions
from reader.core.facts.stars import Group
from reader.core.facts.word_trie import trie_pattern
from reader.core.ingest.loading import load_paths
from reader.core.input_order import CanonicalOrder
from reader.core.model import Article, Sentence, Story
from reader.core.pipeline import segment
from reader.core.text.tokens import Token, normalize_word, tokenize
from reader.resources import sample_dir

# Pieces of text for the random sentences: every kind of figure, day and date, their look-alikes
# and what sits around them.
_PIECES = (
    "one two three seven twelve twenty forty-five ninety hundred thousand million billion "
    "half a quarter third thirds two-thirds dozen dozens hundreds thousands tens of "
    "about around nearly almost more than at least up to no fewer than an estimated over "
    "Monday Friday monday May may March Jan. Sept. jan December today yesterday tonight "
    "last night this week earlier this month this morning tomorrow "
    "0 5 12 43 2012 1999 2020-02-06 580,000 580 000 3.5 0845 125 2222 9-3 11:18 pm 4:15 PM "
    "2045 GMT No. 12 COVID-19 M5 FireWire 800 12th 3D $ 5bn US$ 20 € £ ¥ % 15 km 9 miles "
    "years old per cent km² m²) ٣ ३ ５ 〇 七 十五 两百 三万 名 士兵 一些 "
    "people soldiers Syrian Turkish civilians killed shot were killed the of in and "
    "Yvonne Hiller , . ; : ( ) - – | \n “ ” İstanbul ΟΔΟΣ ſeven ＴＷＯ"
).split(" ")


def _random_text(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        piece = rng.choice(_PIECES)
        out.append(piece if rng.random() < 0.8 else piece.upper())
        out.append(rng.choice(("", " ", " ", " ", ", ", "-", ". ", ":")))
    return "".join(out)


def _texts() -> list[str]:
    rng = random.Random(7)
    # A lone superscript: str.isdigit() holds for it, int() refuses it (it is not decimal).
    rare = ["x ¹ 5 people", "(²) 12 km²", "May ² 2020"]
    return rare + [_random_text(rng, rng.randint(1, 40)) for _ in range(1500)]


def _tokens(text: str) -> list[FigureToken]:
    return figure_tokens(text, 0, len(text))


def _safely(find: object, *args: object) -> object:
    """What a finder gives, or the error it raises: the shortcut must fail where the plain way
    fails (none should: a lone "²" once raised, read as a digit that float() refuses)."""
    try:
        return find(*args)  # type: ignore[operator]
    except ValueError as e:
        return ("ValueError", str(e))


def _plain_amounts(text: str, toks: list[FigureToken], found: list[dates.TimeRef]) -> object:
    """The scan the amount finder made before: an amount looked for at every token."""
    out: list[amounts.Amount] = []
    i = 0
    while i < len(toks):
        at = amounts._amount_at(text, toks, i)
        if at is None:
            i += 1
            continue
        amount, i = at
        if not any(d.start < amount.end and amount.start < d.end for d in found):
            out.append(amount)
    return out


def _plain_times(text: str, toks: list[FigureToken]) -> list[dates.TimeRef]:
    """The scan the date finder made before: a day or date looked for at every token."""
    out: list[dates.TimeRef] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.low in figure_words.WEEKDAYS and tok.text[:1].isupper():
            out.append(dates._ref(text, tok.start, tok.end, "day", tok.low))
            i += 1
            continue
        rel = phrase_at(toks, i, dates._RELATIVE_INDEX)
        if rel is not None:
            phrase, norm = rel
            last = toks[i + len(phrase) - 1]
            out.append(dates._ref(text, tok.start, last.end, "relative", norm))
            i += len(phrase)
            continue
        date = dates._date_at(text, toks, i)
        if date is not None:
            out.append(date[0])
            i = date[1]
            continue
        i += 1
    for m in dates._ISO_DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.append(dates._ref(text, m.start(), m.end(), "date", f"{y}-{mo:02d}-{d:02d}"))
    out.sort(key=lambda r: r.start)
    return out


def test_amounts_and_dates_only_at_tokens_that_can_begin_one_are_those_of_every_token() -> None:
    found_amounts = found_times = failed = 0
    for text in _texts():
        toks = _tokens(text)
        times = _safely(dates.time_refs_in, text, toks, 0, len(text))
        assert times == _safely(_plain_times, text, toks)
        if not isinstance(times, list):
            failed += 1
            continue
        shortcut = _safely(amounts.amounts_in, text, toks, times)
        assert shortcut == _safely(_plain_amounts, text, toks, times)
        for i, tok in enumerate(toks):  # and the test itself never skips a start
            if not amounts.may_start_amount(tok):
                assert amounts._amount_at(text, toks, i) is None
            if not dates.may_start_time(tok):
                assert dates._date_at(text, toks, i) is None
                assert phrase_at(toks, i, dates._RELATIVE_INDEX) is None
        found_amounts += len(shortcut) if isinstance(shortcut, list) else 0
        found_times += len(times)
    assert found_amounts > 1000 and found_times > 500 and failed == 0


def test_the_trie_of_mention_words_matches_as_their_alternation() -> None:
    plain = re.compile(
        r"\d|[" + "".join(sorted(figure_words.CJK_NUMERALS)) + r"]|\b(?:"
        + "|".join(figure_words.MENTION_WORDS) + r")\b",
        re.IGNORECASE,
    )  # fmt: skip
    words = list(figure_words.MENTION_WORDS)
    near = [w[:k] for w in words for k in range(1, len(w))] + [w + "s" for w in words]
    odd = ["ſeven", "ＴＷＯ", "K", "Kelvin", "İ", "ΟΔΟΣ", "٣", "²", "〇", "一些", "_one", "one_"]
    cases = [*words, *near, *odd, *(w.upper() for w in words), *_texts()]
    for text in cases:
        for start, stop in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 1))):
            got = figure_words.may_mention(text, start, stop)
            assert got == (plain.search(text, start, stop) is not None), (text, start, stop)
    pattern = re.compile(trie_pattern(["four", "fourteen", "forty", "f", "a.b"]))
    assert [w for w in ["four", "fourteen", "forty", "f", "a.b", "fo", "axb", ""]
            if pattern.fullmatch(w)] == ["four", "fourteen", "forty", "f", "a.b"]  # fmt: skip


def _plain_context(tokens: list[Token], first: int, after: int, skip: set[str]) -> frozenset[str]:
    """A mention's context words as they were read before: all the sentence's words, per
    mention."""

    def norm(t: Token) -> str:
        return normalize_word(t.text)

    left = [norm(t) for t in tokens[:first] if is_context_word(norm(t))][-mentions.LEFT_WORDS :]
    right = [norm(t) for t in tokens[after:] if is_context_word(norm(t))][: mentions.RIGHT_WORDS]
    return frozenset(head_stem(w) for w in left + right) - skip


def test_context_words_read_once_are_those_read_per_mention() -> None:
    checked = 0
    for text in _texts()[:400]:
        words = mentions._Words(text, 0, len(text))
        tokens = list(tokenize(text))
        for start in range(0, len(text), 3):
            for end in (start + 1, start + 5):
                first = next((i for i, t in enumerate(tokens) if t.end > start), len(tokens))
                after = next((i for i, t in enumerate(tokens) if t.start >= end), len(tokens))
                assert words.span(start, end) == (first, after)
                skip = {head_stem(t.text) for t in tokens[after : after + 2]}
                assert words.context(first, after, skip) == _plain_context(
                    tokens, first, after, skip
                )
                checked += 1
    assert checked > 5000


def _stories() -> list[Story]:
    stories = []
    for path in (sample_dir(),):
        articles = CanonicalOrder(load_paths([path])).articles
        stories.append(Story(articles, segment(articles)))
    return stories


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Story:
    out = tmp_path_factory.mktemp("generated")
    generate(out, articles=20, words=300, seed=11)
    articles = CanonicalOrder(load_paths([out])).articles
    return Story(articles, segment(articles))


# Around a repeated sentence: what the amount finder reads just outside it ("9- 5": a score,
# "x- 5": five; "at 5 - 3" a score), time stamps further on, nothing at all.
_BEFORE = ["", "x", "9- ", "x- ", "No", "No. ", "COVID-", "A-", "Hiller, ", "\n", "Sept. ", "ab"]
_AFTER = ["", " - 3", " - x", ":30 pm", "      | Updated 9:28 AM", "      and then", ", 43,"]
_WORDINGS = [
    "5 people died on Friday, Sep 10, 2010",
    "Friday, Sep 10, 2010",
    "September 10, 2012",
    "Yesterday seven Turkish soldiers were killed near 12 villages",
    "43",
    "Smith, 43",
    "more than 580,000 people fled, two-thirds of them children, at 5",
    "七名士兵 2020-02-06",
    "Nothing here at all",
]


def _copies_story() -> Story:
    """Each wording after each text and before each text, in articles of different dates."""
    around = [(b, "") for b in _BEFORE] + [("", a) for a in _AFTER] + [("x- ", " - x")]
    dates = [None, "2010-09-11", "2012-09-14", "not a date"]
    articles, sentences = [], []
    for k, (wording, (before, after)) in enumerate(itertools.product(_WORDINGS, around)):
        text, aid = f"{before}{wording}{after}", f"a{k + 1}"
        articles.append(Article(aid, f"{k}.txt", "", text, date=dates[k % len(dates)]))
        s = len(before)
        sentences.append(Sentence(f"{aid}:s1", aid, 0, s, s + len(wording)))
    return Story(articles, sentences)


def test_mentions_worked_out_once_per_wording_are_those_of_each_sentence(
    generated: Story,
) -> None:
    copies = _copies_story()
    for story in [*_stories(), generated, copies]:
        once = SentenceMentions(story)
        for s in story.sentences:
            assert once(s) == mentions_of(story, s), s
        assert len(once._by_wording) < len(story.sentences)
    found = [m for s in copies.sentences for m in mentions_of(copies, s)]
    assert {m.kind for m in found} == {"number", "day", "date"}


def test_the_window_of_a_wording_is_as_wide_as_the_finder_reads() -> None:
    """A narrower window would take "9- 5" (a score) and "x- 5" (five) for one wording."""
    assert WINDOW_BEFORE == 3 and WINDOW_AFTER == 4
    text = "9- 5 people died. x- 5 people died."
    first = amounts.find_amounts(text, 3, 16)
    second = amounts.find_amounts(text, 21, 34)
    assert first == [] and [a.text for a in second] == ["5"]


def _plain_ranked(found: list[Mention]) -> list[Mention]:
    out = []
    for m in found:
        same = [x for x in found if x.kind == m.kind and x.dimension == m.dimension]
        out.append(replace(m, rank=(same.index(m), len(same))))
    return out


def test_ranks_by_place_are_ranks_by_search(generated: Story) -> None:
    several = 0
    for story in [*_stories(), generated, _copies_story()]:
        for s in story.sentences:
            found = mentions_of(story, s)
            unranked = [replace(m, rank=(0, 1)) for m in found]
            assert mentions._ranked(unranked) == _plain_ranked(unranked) == found
            several += any(m.rank[1] > 1 for m in found)
    assert several > 5


def test_sentence_words_from_folded_words_are_those_of_its_tokens(generated: Story) -> None:
    texts = _texts()[:300]
    articles = [Article(id=f"a{i}", name="", path="", text=t) for i, t in enumerate(texts)]
    odd = Story(articles, [Sentence(f"{a.id}:s1", a.id, 0, 0, len(a.text)) for a in articles])
    for story in [*_stories(), generated, odd]:
        for s in story.sentences:
            text = story.article(s.article).text
            plain = frozenset(
                head_stem(t.text)
                for t in tokenize(text, s.start, s.end)
                if is_context_word(normalize_word(t.text))
            )
            assert discrepancies._sentence_words(story, s) == plain


def test_claim_vocabularies_gathered_once_give_the_same_best_claims(tmp_path: Path) -> None:
    generate(tmp_path, articles=20, words=300, seed=5)
    articles = CanonicalOrder(load_paths([tmp_path])).articles
    sentences = segment(articles)
    claims = find_claims(articles, sentences)[::2]  # half the sentences in no claim
    story = Story(articles, sentences, claims=claims)
    once = SentenceMentions(story)
    unclaimed = [s for s in story.sentences if not story.claims_of(s.id)]
    found = [m for s in unclaimed for m in once(s)]
    groups = [
        Group({m.key: m for m in found[k : k + 3]}, set())
        for k in range(0, min(len(found), 300), 3)
    ]
    words: dict[str, frozenset[str]] = {}
    shared: list[frozenset[str]] = []
    kept = [discrepancies._best_claim(story, g, words, shared) for g in groups]
    assert kept == [discrepancies._best_claim(story, g, {}, []) for g in groups]
    assert len(groups) > 10 and shared


def test_comparable_mentions_are_of_one_sort(generated: Story) -> None:
    """Pairing looks for a mention's candidates among its kind and dimension alone."""
    found = [m for s in generated.sentences for m in mentions_of(generated, s)]
    found += [m for s in _copies_story().sentences for m in mentions_of(_copies_story(), s)]
    pairs = 0
    for a, b in itertools.product(found, repeat=2):
        if comparable(a, b):
            assert (a.kind, a.dimension) == (b.kind, b.dimension)
            pairs += 1
    assert pairs > 1000 and len({(m.kind, m.dimension) for m in found}) > 3
