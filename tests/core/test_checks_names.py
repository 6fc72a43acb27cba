from __future__ import annotations

import random
from difflib import SequenceMatcher

from checks_helpers import spans, story_of

from reader.core.checks.names import (
    _near_miss,
    check_names,
    check_organisation_names,
    explain,
    patterns,
)


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
