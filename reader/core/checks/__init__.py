"""Artifact checks: each module holds one check, a function from the story to warnings."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from reader.core.checks.calques import check_calques
from reader.core.checks.casing import check_casing
from reader.core.checks.common import Check
from reader.core.checks.minority import check_minority
from reader.core.checks.names import check_names, check_organisation_names
from reader.core.checks.pronoun import check_pronoun
from reader.core.checks.quotes import check_quotes
from reader.core.checks.roles import check_roles
from reader.core.checks.syntax import check_syntax
from reader.core.checks.wording import check_wording, wording_part
from reader.core.model import Story, Warning
from reader.core.text.language import UNDETERMINED

CHECKS: tuple[Check, ...] = (
    check_quotes,
    check_pronoun,
    check_casing,
    check_names,
    check_organisation_names,
    check_roles,
    check_calques,
    check_syntax,
    check_wording,
    check_minority,
)

# When two warnings cover the same words, the more specific rule is kept.
_KIND_RANK = {
    "quotes": 0,
    "transliteration": 1,
    "pronoun": 2,
    "casing": 3,
    "wrong-title": 4,
    "calque": 5,
    "spelling-variant": 6,
    "wrong-word": 7,
    "other": 8,
}


def _rank(w: Warning) -> tuple[int, int, int]:
    return (0 if w.severity == "warning" else 1, _KIND_RANK.get(w.kind, 9), w.end - w.start)


def _overlap(a: Warning, b: Warning) -> bool:
    """Same article and at least half of the shorter span shared."""
    if a.article != b.article:
        return False
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and shared * 2 >= min(a.end - a.start, b.end - b.start)


class _Kept:
    """The warnings kept in one article, by start: those a span meets are found by bisection
    (a warning as long as the longest kept reaches back at most that far). Testing every kept
    warning took three minutes for 60,000 warnings in three articles of mangled quotes."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.warnings: list[Warning] = []
        self.longest = 0

    def overlaps(self, w: Warning) -> bool:
        lo = bisect_right(self.starts, w.start - self.longest)
        hi = bisect_left(self.starts, w.end, lo)
        return any(_overlap(w, k) for k in self.warnings[lo:hi])

    def add(self, w: Warning) -> None:
        at = bisect_right(self.starts, w.start)
        self.starts.insert(at, w.start)
        self.warnings.insert(at, w)
        self.longest = max(self.longest, w.end - w.start)


def finalize(story: Story, found: list[Warning]) -> list[Warning]:
    """Drop duplicates and overlaps (best rule wins), then number w1.. in reading order."""
    kept: list[Warning] = []
    by_article: dict[str, _Kept] = {}  # warnings overlap only within one article
    for w in sorted(found, key=_rank):
        mine = by_article.setdefault(w.article, _Kept())
        if not mine.overlaps(w):
            kept.append(w)
            mine.add(w)
    order = {a.id: i for i, a in enumerate(story.articles)}
    kept.sort(key=lambda w: (order.get(w.article, len(order)), w.start, w.end))
    return [replace(w, id=f"w{i}") for i, w in enumerate(kept, start=1)]


# These read the articles and sentences only, so they can run before the claims are found.
CLAIMLESS: frozenset[Check] = frozenset(
    {
        check_quotes,
        check_pronoun,
        check_casing,
        check_names,
        check_organisation_names,
        check_calques,
    }
)


# The checks that read the claims, the costliest first. The pipeline hands them to its workers
# in this order while it finds the discrepancies, and takes what is left itself from the back.
# The word diff of every near-copy (check_wording) costs 3 to 10 times any other of them on
# generated stories of 50 to 500 articles; handed out third, it started last and ended the run
# alone (0.4 s at 50 articles, with the other processes idle).
CLAIM_READING: tuple[Check, ...] = (check_wording, check_minority, check_syntax, check_roles)

# Checks whose work splits into parts (runs of the story's sentences): check(story) is the
# warnings of part 0, 1, ... of n in that order, for any n.
SPLITS: dict[Check, Callable[[Story, int, int], list[Warning]]] = {check_wording: wording_part}

# Every check reads English: its lexicons (calques, offices, names), English casing, the verb
# an English clause needs, English pronouns and quotation habits. On an article in another
# language each would only raise false alarms, so a check that has learnt another language
# lists it here; articles whose language is undetermined are checked as English.
LANGUAGES: dict[Check, frozenset[str]] = {check: frozenset({"en"}) for check in CHECKS}


def _reads(check: Check, language: str) -> bool:
    return language in ("", UNDETERMINED) or language in LANGUAGES[check]


def raw_warnings(story: Story, checks: tuple[Check, ...]) -> list[list[Warning]]:
    """Each check's own warnings, in the order of `checks` (numbered later by `finalize`),
    without those on articles in a language the check does not read."""
    return [raw_part(story, check, 0, 1) for check in checks]


def raw_part(story: Story, check: Check, part: int, parts: int) -> list[Warning]:
    """raw_warnings of one check, from part `part` of `parts` of its work: a check that does not
    split (SPLITS) does all of it in part 0."""
    if check in SPLITS:
        found = SPLITS[check](story, part, parts)
    elif part == 0:
        found = check(story)
    else:
        return []
    language = {a.id: a.language for a in story.articles}
    return [w for w in found if _reads(check, language.get(w.article, ""))]


def run_checks(story: Story, checks: tuple[Check, ...] = CHECKS) -> list[Warning]:
    """Every check's warnings, numbered w1, w2, ... in article and offset order."""
    return finalize(story, [w for found in raw_warnings(story, checks) for w in found])
