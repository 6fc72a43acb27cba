"""Names spelled differently across versions, explained by transliteration patterns where possible.

Variants are paired by character similarity. The spelling fewer articles use is the odd one;
if a pattern from data/names.toml turns it into the majority spelling the reason is named
("German -ow for Russian -ov"). Foreign conventions are warnings, accepted romanisation variants
(Arabic vowels, Russian -i/-y) are info.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from reader.core.checks.common import warn
from reader.core.checks.lexicon import bundled
from reader.core.model import Severity, Story, Warning, WarningKind
from reader.core.text.diffing import SequenceMatcher
from reader.core.text.tokens import normalize_word, tokenize, words_of
from reader.core.text.tokens import norms as word_norms
from reader.core.text.word_frequency import is_common_word

MIN_RATIO = 0.8
MIN_LEN = 4
COMMON = 3.5  # zipf: two everyday words (Iran / Iraq) are different words, not variants


@dataclass(frozen=True)
class Pattern:
    variant: re.Pattern[str]
    usual: re.Pattern[str]
    where: str
    language: str
    kind: str  # foreign | romanisation

    def describe(self) -> str:
        return f"{self.language} spelling ({self.variant.pattern} for {self.usual.pattern})"


@dataclass
class Form:
    text: str
    articles: dict[str, list[tuple[int, int]]]  # article -> spans


def patterns() -> list[Pattern]:
    out = []
    for p in bundled("names.toml").get("pattern", []):
        out.append(
            Pattern(
                re.compile(str(p["variant"])),
                re.compile(str(p["usual"])),
                str(p.get("where", "any")),
                str(p.get("language", "")),
                str(p.get("kind", "romanisation")),
            )
        )
    return out


def explain(variant: str, usual: str, table: list[Pattern]) -> list[Pattern] | None:
    """Patterns that turn variant into usual, one per differing chunk; None if some chunk is not
    explained."""
    x, y = variant.lower(), usual.lower()
    used: list[Pattern] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        found = _chunk(x, y, i1, i2, j1, j2, table)
        if found is None:
            return None
        used.append(found)
    return used


def _chunk(
    x: str, y: str, i1: int, i2: int, j1: int, j2: int, table: list[Pattern]
) -> Pattern | None:
    for left in range(3):
        for right in range(3):
            if i1 - left < 0 or j1 - left < 0:
                continue
            xs, ys = x[i1 - left : i2 + right], y[j1 - left : j2 + right]
            at_end = i2 + right >= len(x) and j2 + right >= len(y)
            at_start = i1 - left == 0 and j1 - left == 0
            for p in table:
                if (p.where == "end" and not at_end) or (p.where == "start" and not at_start):
                    continue
                if p.variant.fullmatch(xs) and p.usual.fullmatch(ys):
                    return p
    return None


def _forms(story: Story) -> dict[str, Form]:
    """Capitalised words that look like names, keyed by their folded spelling."""
    forms: dict[str, Form] = {}
    # The story's lower-case words: each article's distinct words (its tokens, made once for
    # every stage), then the lower-case ones among them (each word tested once, not each use).
    lower = {w for a in story.articles for w in set(words_of(tokenize(a.text))) if w.islower()}
    named: dict[str, bool] = {}  # word -> looks like a name: decided once a spelling
    for s in story.sentences:
        text = story.article(s.article).text
        for t in tokenize(text, s.start, s.end):
            name = named.get(t.text)
            if name is None:
                name = named[t.text] = _looks_like_name(t.text, lower)
            if not name:
                continue
            key = normalize_word(t.text)
            form = forms.setdefault(key, Form(t.text, defaultdict(list)))
            form.articles[s.article].append((t.start, t.end))
    return forms


def _looks_like_name(word: str, lower: set[str]) -> bool:
    """Capitalised, not all capitals, letters (and hyphens) only, long enough, and never
    written in lower case in the story (else an ordinary word at a sentence start)."""
    if len(word) < MIN_LEN or not word[:1].isupper() or word.isupper():
        return False
    return word.replace("-", "").isalpha() and word.lower() not in lower


def _related(a: str, b: str) -> bool:
    """Inflections and derivations of one word (Syria / Syrian, Assad / Assads)."""
    if len(a) == len(b):
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short) or (long.startswith(short[:-1]) and len(long) - len(short) <= 2)


def check_names(story: Story) -> list[Warning]:
    table = patterns()
    forms = _forms(story)
    keys = sorted(forms)
    out: list[Warning] = []
    flagged: set[str] = set()
    # One matcher a key as the second sequence, which difflib indexes once: a key is the
    # second of many pairs (thousands of names sharing a first letter make millions).
    matchers: dict[int, SequenceMatcher[str]] = {}
    for i, j in candidate_pairs(keys, MIN_RATIO):
        ka, kb = keys[i], keys[j]
        if _related(ka, kb):
            continue
        matcher = matchers.get(j)
        if matcher is None:
            matcher = matchers[j] = SequenceMatcher(None, "", kb, autojunk=False)
        matcher.set_seq1(ka)
        if matcher.ratio() < MIN_RATIO:
            continue  # (candidate_pairs has held the pair to quick_ratio, its upper bound)
        fa, fb = forms[ka], forms[kb]
        if is_common_word(ka, COMMON) and is_common_word(kb, COMMON):
            continue
        if set(fa.articles) == set(fb.articles) and len(fa.articles) == 1:
            continue  # one article, two words: more likely two different names
        out.extend(_pair(story, fa, fb, table, flagged))
    return out


MAX_LENGTH_GAP = 3  # variants of one name differ by a few letters at most


def candidate_pairs(keys: list[str], ratio: float = 0.0) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, in order, of keys that may be variants of one name: lengths at
    most MAX_LENGTH_GAP apart, the same first letter or the same last two, and letters that
    leave difflib's quick_ratio (2 x shared letters / all letters) at least `ratio`. The pairs
    come out in the order the all-pairs loop met them, since flagging depends on it.

    Found without meeting the others, by prefix filtering (exact): a key is the set of its
    letters as (letter, nth time in the key), and two keys of lengths a and b with a
    quick_ratio of `ratio` share at least t = ratio x (a + b) / 2 of these. Ordered rarest
    first, a key's first (length - t + 1) letters then meet the other's (t taken as the least
    over the partners a length allows, so never too short); only keys meeting there are
    compared. Bucketed by first letter, thousands of names sharing one were paired each with
    each (3,400 made-up names: 780,000 pairs, 4 s). With `ratio` 0 every key is its own
    prefix, and the pairs are those of the first two rules (their keys share a letter)."""
    counted = [
        frozenset((c, n) for c, times in Counter(k).items() for n in range(times)) for k in keys
    ]
    frequency = Counter(letter for letters in counted for letter in letters)
    index: dict[tuple[str, int], list[int]] = {}
    found: set[tuple[int, int]] = set()
    for j, (key, letters) in enumerate(zip(keys, counted, strict=True)):
        least = len(key) + max(1, len(key) - MAX_LENGTH_GAP)  # letters in both, at fewest
        shared = max(1, math.ceil(ratio * least / 2 - 1e-9))  # letters they share, at least
        prefix = sorted(letters, key=lambda x: (frequency[x], x))[: max(1, len(key) - shared + 1)]
        for letter in prefix:
            for i in index.get(letter, ()):
                other = keys[i]
                if (
                    abs(len(other) - len(key)) <= MAX_LENGTH_GAP
                    and (other[:1] == key[:1] or other[-2:] == key[-2:])
                    and 2.0 * len(counted[i] & letters) / (len(other) + len(key)) >= ratio
                ):
                    found.add((i, j))
            index.setdefault(letter, []).append(j)
    return sorted(found)


def _pair(
    story: Story, fa: Form, fb: Form, table: list[Pattern], flagged: set[str]
) -> list[Warning]:
    na, nb = len(fa.articles), len(fb.articles)
    minority, majority = (
        (fa, fb) if na < nb or (na == nb and len(fa.text) < len(fb.text)) else (fb, fa)
    )
    strong = len(majority.articles) >= 2 * len(minority.articles) and len(majority.articles) >= 2
    reasons = explain(minority.text, majority.text, table)
    backwards = explain(majority.text, minority.text, table)
    if reasons and any(p.kind == "foreign" for p in reasons) and strong:
        foreign = next(p for p in reasons if p.kind == "foreign")
        return _flag(
            story,
            minority,
            majority,
            "transliteration",
            f"“{minority.text}” looks like the {foreign.describe()}; the other articles write "
            f"“{majority.text}”",
            "name-transliteration",
            "warning",
            every=True,
            flagged=flagged,
        )
    legit = reasons or backwards
    if legit:
        langs = ", ".join(sorted({p.language for p in legit}))
        msg = f"Spelling variant “{minority.text}” / “{majority.text}” ({langs} romanisation)"
        found = _flag(
            story,
            minority,
            majority,
            "spelling-variant",
            msg,
            "name-variant",
            "info",
            every=False,
            flagged=flagged,
        )
        if not strong:
            found += _flag(
                story,
                majority,
                minority,
                "spelling-variant",
                msg,
                "name-variant",
                "info",
                every=False,
                flagged=flagged,
            )
        return found
    if strong and len(minority.articles) == 1:
        return _flag(
            story,
            minority,
            majority,
            "spelling-variant",
            f"“{minority.text}” is spelled “{majority.text}” in {len(majority.articles)} other "
            "articles",
            "name-consensus",
            "warning",
            every=True,
            flagged=flagged,
        )
    return []


def _flag(
    story: Story,
    form: Form,
    other: Form,
    kind: WarningKind,
    message: str,
    rule: str,
    severity: Severity,
    *,
    every: bool,
    flagged: set[str],
) -> list[Warning]:
    out: list[Warning] = []
    evidence = []
    for art, spans in other.articles.items():
        sid = story.sentence_at(art, spans[0][0])
        if sid is not None:
            evidence.append(sid.id)
    for art, spans in form.articles.items():
        for start, end in spans if every else spans[:1]:
            key = f"{art}:{start}"
            if key in flagged:
                continue
            flagged.add(key)
            out.append(
                warn(
                    art,
                    start,
                    end,
                    kind,
                    message,
                    rule,
                    suggestion=other.text,
                    evidence=[e for e in evidence if not e.startswith(art + ":")][:3],
                    severity=severity,
                )
            )
    return out


def check_organisation_names(story: Story) -> list[Warning]:
    """Near-miss spellings of well-known organisations ("Associate press" for Associated Press)."""
    names: list[str] = bundled("names.toml").get("organisations", {}).get("names", [])
    wanted = [(name, len(name.split()), normalize_word(name)) for name in names]
    out: list[Warning] = []
    close: dict[tuple[str, str], bool] = {}  # (words, name) -> near miss: the same words recur
    # One matcher a name, which difflib indexes once (and counts its letters once for
    # quick_ratio): each candidate is only set as the other sequence.
    matchers = {
        folded: SequenceMatcher(None, "", folded, autojunk=False) for _, _, folded in wanted
    }
    for a in story.articles:
        toks = tokenize(a.text)
        norms = word_norms(a.text)
        # Capitalised words by first letter, in text order: a name is tried only where it
        # could start, not at every word of the article.
        starts: dict[str, list[int]] = {}
        for i in [i for i, word in enumerate(words_of(toks)) if word[:1].isupper()]:
            starts.setdefault(norms[i][:1], []).append(i)
        for name, n, folded in wanted:
            for i in starts.get(folded[:1], ()):
                if i > len(toks) - n:
                    break
                first = toks[i]
                got = " ".join(norms[i : i + n])
                if abs(len(got) - len(folded)) > 3 or got == folded:
                    continue  # a case-only difference is a style choice ("the foreign ministry")
                if got.rstrip("s") == folded.rstrip("s") or a.is_hidden(first.start):
                    continue
                if (got, folded) not in close:
                    close[got, folded] = _near_miss(matchers[folded], got)
                if not close[got, folded]:
                    continue
                seen = a.text[first.start : toks[i + n - 1].end]
                out.append(
                    warn(
                        a.id,
                        first.start,
                        toks[i + n - 1].end,
                        "wrong-title",
                        f"“{seen}” looks like a garbled form of the name “{name}”",
                        "organisation-name",
                        suggestion=name,
                    )
                )
    return out


def _near_miss(matcher: SequenceMatcher[str], got: str) -> bool:
    """difflib's ratio of got to the matcher's name at least 0.9. The ratio is bounded from
    above by real_quick_ratio (lengths) and quick_ratio (shared letters), so each is tested
    first: most candidates fail one of them, and the ratio's diff is not made."""
    matcher.set_seq1(got)
    return (
        matcher.real_quick_ratio() >= 0.9
        and matcher.quick_ratio() >= 0.9
        and matcher.ratio() >= 0.9
    )
