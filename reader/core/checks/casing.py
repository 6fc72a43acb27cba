"""Proper nouns written in lower case ("fled turkey"): MT and case-folding pipelines lose capitals.

A word that is only ever a name (a country, a weekday, a name the story writes capitalised and
never in lower case) is flagged wherever it appears in lower case. A word that is also a common
noun (turkey, china, jordan, chad) is flagged only where the words around it make it a place.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.core.checks.common import evidence_for, in_quotes, warn
from reader.core.checks.lexicon import bundled
from reader.core.model import Severity, Story, Warning
from reader.core.text.tokens import Token, tokenize, words_of
from reader.core.text.word_frequency import is_common_word

MIN_CAPITALISED = 2  # mid-sentence capitalised uses before the story's own usage counts


def _capitalised_uses(story: Story) -> dict[str, list[str]]:
    """Lower-cased word -> sentence ids where it is written capitalised (not sentence-initial)."""
    out: dict[str, list[str]] = defaultdict(list)
    for s in story.sentences:
        words = words_of(tokenize(story.article(s.article).text, s.start, s.end)[1:])
        for w in [w for w in words if w[:1].isupper() and not w.isupper()]:
            out[w.lower()].append(s.id)
    return out


def _lower_uses(story: Story) -> Counter[str]:
    found: Counter[str] = Counter()
    for s in story.sentences:  # each sentence's words counted at C speed
        words = words_of(tokenize(story.article(s.article).text, s.start, s.end))
        found.update(filter(str.islower, words))
    return found


def _place_context(prev: str | None, nxt: Token | None, config: dict[str, list[str]]) -> bool:
    if prev is None or prev not in config.get("place_before", []):
        return False
    if prev in config.get("common_before", []) and prev not in ("of",):
        return False
    if nxt is not None and nxt.text.lower() in config.get("common_after", []):
        return False
    return nxt is None or not nxt.text.islower() or nxt.text in _FUNCTION_AFTER


_FUNCTION_AFTER = frozenset(
    """and or but on in at for to from with after before since until as by while when where
    which who that because over across into through during last this next""".split()
)


def check_casing(story: Story) -> list[Warning]:
    data = bundled("casing.toml")
    ambiguous: dict[str, str] = data.get("ambiguous", {})
    context: dict[str, list[str]] = data.get("context", {})
    always = frozenset(data.get("always", {}).get("words", []))
    capitalised = _capitalised_uses(story)
    lower = _lower_uses(story)
    out: list[Warning] = []

    def others_of(word: str, article: str) -> list[str]:
        """Where other articles write the word capitalised: asked only for a word in lower
        case that a rule has picked, not for every word of the story."""
        return [x for x in capitalised.get(word, []) if not x.startswith(article + ":")]

    # The only words a rule below can flag: most sentences hold none, and are passed over.
    candidates = ambiguous.keys() | always
    candidates |= {
        w
        for w, n in lower.items()
        if n == 1 and len(w) > 3 and len(capitalised.get(w, ())) >= MIN_CAPITALISED
    }
    for s in story.sentences:
        text = story.article(s.article).text
        toks = tokenize(text, s.start, s.end)
        if candidates.isdisjoint(words_of(toks)):
            continue  # tested at C speed
        for k, t in enumerate(toks):
            word = t.text
            if word not in candidates or not word.islower():
                continue
            if word in ambiguous and in_quotes(text, t.start):
                continue
            prev = toks[k - 1].text.lower() if k > 0 else None
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            name = word[:1].upper() + word[1:]
            severity: Severity = "warning"
            if word in ambiguous:
                if prev is not None and prev == "of" and nxt is not None:
                    continue  # "a plate of turkey and ..." : too close to call
                if not _place_context(prev, nxt, context):
                    continue
                name = ambiguous[word]
                reason = "the words before it make it the country, not the common noun"
            elif word in always:
                reason = "it is a name"
            elif (
                lower.get(word, 0) == 1
                and len(word) > 3
                and len(others_of(word, s.article)) >= MIN_CAPITALISED
                and not is_common_word(word, 3.0)
            ):
                reason = "the story writes it capitalised everywhere else"
                severity = "info"
            else:
                continue
            start = (
                toks[k - 1].start if k > 0 and prev in context.get("place_before", []) else t.start
            )
            out.append(
                warn(
                    s.article,
                    start,
                    t.end,
                    "casing",
                    f"“{word}” in lower case: {reason}; probably “{name}”",
                    "casing-proper-noun",
                    suggestion=name,
                    evidence=evidence_for(story, s.article, others_of(word, s.article)),
                    severity=severity,
                )
            )
    return out
