"""One English stemmer for the engine, with the three rule sets its callers need.

A stem is a comparison key: words with one stem count as one word. Claims (`stem`) want
inflections and derived nouns of one word together ("fighters" / "fighter", "entered" /
"enters", "centre" / "center"); the figures' counted things (`stem_head`) are shown in messages
("worker: two vs three"), so they stay readable singulars ("casualties" -> "casualty",
"children" -> "child"); the wording check (`stem_inflection`) compares two words of one slot,
on words already given American spelling and single letters.

One algorithm runs for all three; the rules are data (`StemRules`). They differ because the
reports depend on them: claims' keys under the head rules, or the head rules under the claims'
("people" -> "peopl" shown as a topic), or the wording rules under either ("demands" and
"demand" then one word) each change reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reader.core.text.spelling import american


@dataclass(frozen=True)
class StemRules:
    """What one stemmer does, in this order: each step applies only when set."""

    drop: str = ""  # characters removed from the word first ("'", "-")
    possessive: bool = False  # a final "'s" removed
    american: bool = False  # British endings made American ("centre" -> "center")
    whole: tuple[tuple[str, str], ...] = ()  # whole words and their stems ("men" -> "man")
    ies_to_y: bool = False  # "casualties" -> "casualty" (words over four letters)
    plural: tuple[str, ...] | None = None  # drop a final s (words over three letters) unless
    #  the word ends in one of these ("ss", "us"); None: no plural step
    suffixes: tuple[str, ...] = ()  # the first one that ends the word is removed ...
    min_stem: int = 4  # ... if this many letters remain
    final_e: bool = False  # "village" -> "villag" (words over four letters), after suffixes


TERMS = StemRules(
    drop="'",
    american=True,
    whole=(("news", "news"), ("series", "series"), ("species", "species")),  # no plurals
    plural=("ss", "us", "is"),
    suffixes=("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed"),
    final_e=True,
)
HEADS = StemRules(
    possessive=True,
    whole=(("people", "people"), ("children", "child"), ("men", "man"), ("women", "woman")),
    ies_to_y=True,
    plural=("ss", "us"),
    suffixes=("ing", "ed"),
)
INFLECTIONS = StemRules(drop="-", suffixes=("ing", "ed", "es", "s", "d"), min_stem=3)


def apply_rules(word: str, rules: StemRules) -> str:
    """The stem of a lower-case, normalised word (`normalize_word`) under `rules`."""
    w = word
    for c in rules.drop:
        w = w.replace(c, "")
    if rules.possessive and w.endswith("'s"):
        w = w[:-2]
    if rules.american:
        w = american(w)
    for whole, its_stem in rules.whole:
        if w == whole:
            return its_stem
    if rules.ies_to_y and len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif (
        rules.plural is not None and len(w) > 3 and w.endswith("s") and not w.endswith(rules.plural)
    ):
        w = w[:-1]
    for suffix in rules.suffixes:
        if w.endswith(suffix) and len(w) - len(suffix) >= rules.min_stem:
            w = w[: -len(suffix)]
            break
    if rules.final_e and w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def stemmer(rules: StemRules) -> Callable[[str], str]:
    """A cached stemmer for one rule set."""

    @lru_cache(maxsize=1 << 16)
    def stem(word: str) -> str:
        return apply_rules(word, rules)

    return stem


stem = stemmer(TERMS)  # claims and the minority check: a light stem ("fighters" / "fighter")
stem_head = stemmer(HEADS)  # the thing a figure counts, shown in messages: a readable singular
stem_inflection = stemmer(INFLECTIONS)  # the wording check: one word in two inflections
