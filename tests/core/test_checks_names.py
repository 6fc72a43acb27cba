from __future__ import annotations

import random
from difflib import SequenceMatcher

from checks_helpers import spans, story_of

from reader.core.checks.names import (
    _forms,
    _near_miss,
    check_names,
    check_organisation_names,
    explain,
    patterns,
)
from reader.core.model import Article, Story
from reader.core.pipeline import segment
from reader.core.text.tokens import normalize_word, tokenize
from reader.core.text.words import WORD


def test_explain_names_the_german_pattern() -> None:
    found = explain("Markow", "Markov", patterns())
    assert found is not None and found[0].language == "German" and found[0].kind == "foreign"
    assert explain("Markow", "Morkel", patterns()) is None


def test_german_transliteration_against_consensus() -> None:
    story = story_of(
        "Spokesman Boris Markow said the plant would reopen.",
        "Spokesman Boris Markov said the plant would reopen soon.",
        "Boris Markov, the spokesman, said the plant would reopen.",
    )
    found = check_names(story)
    assert spans(story, found) == ["Markow"]
    assert found[0].kind == "transliteration" and found[0].severity == "warning"
    assert found[0].suggestion == "Markov"


def test_correct_spelling_is_not_flagged() -> None:
    story = story_of(
        "Boris Markov said the plant would reopen.",
        "Boris Markov said the plant would reopen soon.",
    )
    assert check_names(story) == []


def test_romanisation_variant_is_info() -> None:
    story = story_of(
        "Shelling hit the village of Kafranbel on Monday.",
        "Shelling hit the village of Kafranbel again on Monday.",
        "Shelling hit Kafrinbel on Monday, residents said.",
    )
    found = check_names(story)
    assert spans(story, found) == ["Kafrinbel"]
    assert found[0].severity == "info" and found[0].kind == "spelling-variant"


def test_everyday_country_names_are_not_variants() -> None:
    story = story_of("Iran and Iraq signed a deal.", "Iraq and Iran signed a trade deal.")
    assert check_names(story) == []


def test_garbled_organisation_name() -> None:
    story = story_of("Associate press writer Tom Lee reported from the capital.")
    found = check_organisation_names(story)
    assert spans(story, found) == ["Associate press"]
    assert found[0].suggestion == "Associated Press"


def test_near_miss_with_one_matcher_a_name_is_the_plain_ratio() -> None:
    """The organisation check keeps one matcher a name and tests real_quick_ratio and
    quick_ratio before the ratio: the same verdict as a fresh matcher's ratio, on candidates
    one to four edits from the name (many right at 0.9), in any order."""
    rng = random.Random(5)
    names = ["associated press", "united nations", "world health organization", "eu"]
    tried = near = 0
    for name in names:
        matcher = SequenceMatcher(None, "", name, autojunk=False)
        for _ in range(600):
            got = list(name)
            for _ in range(rng.randint(0, 4)):
                at = rng.randrange(len(got) + 1)
                edit = rng.random()
                if edit < 0.4 and at < len(got):
                    got[at] = rng.choice("aeiostn ")
                elif edit < 0.7:
                    got.insert(at, rng.choice("aeiostn "))
                elif got:
                    del got[min(at, len(got) - 1)]
            text = "".join(got) if rng.random() < 0.9 else "".join(rng.sample(got, len(got)))
            plain = SequenceMatcher(None, text, name, autojunk=False).ratio() >= 0.9
            assert _near_miss(matcher, text) == plain, (text, name)
            tried += 1
            near += plain
    assert 0.2 * tried < near < 0.8 * tried


def test_name_forms_decided_once_a_spelling_are_those_of_every_token() -> None:
    """_forms decides each spelling once: the forms of a token-by-token test, on words written
    capitalised, in capitals, in lower case elsewhere, hyphenated, with digits, short."""
    rng = random.Random(9)
    words = "Markov Markow Assad Tuesday tuesday Al-Assad NATO UN Iran Iraq X2-Lab Kyiv Kiev The"
    vocab = words.split() + "the said in of minister spoke at talks".split()
    articles = []
    for k in range(8):
        sentences = [
            " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 12))) + "."
            for _ in range(rng.randint(1, 4))
        ]
        articles.append(Article(id=f"a{k + 1}", name="", path="", text=" ".join(sentences)))
    story = Story(articles=articles, sentences=segment(articles))
    lower = {w for a in articles for w in WORD.findall(a.text) if w.islower()}
    plain: dict[str, tuple[str, dict[str, list[tuple[int, int]]]]] = {}
    for s in story.sentences:
        for t in tokenize(story.article(s.article).text, s.start, s.end):
            w = t.text
            if len(w) < 4 or not w[:1].isupper() or w.isupper():
                continue
            if not w.replace("-", "").isalpha() or w.lower() in lower:
                continue
            where = plain.setdefault(normalize_word(w), (w, {}))[1]
            where.setdefault(s.article, []).append((t.start, t.end))
    found = {key: (f.text, dict(f.articles)) for key, f in _forms(story).items()}
    assert found == plain
    assert len(found) >= 5
