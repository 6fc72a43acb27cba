"""Garbled syntax by shape: a phrase repeated inside one sentence, a word written twice in a
row, a sentence with no verb.

All are typical of MT systems that lose track of a source sentence: they translate a clause or
a word twice ("dental implant implant"), or emit a noun-phrase fragment where the source verb
was dropped.
"""

from __future__ import annotations

from reader.core.checks.common import as_written, warn
from reader.core.checks.parallel import counterparts, words
from reader.core.model import Story, Warning
from reader.core.text.tokens import STOPWORDS, Token, tokenize
from reader.core.text.tokens import norms as word_norms

MIN_REPEAT = 4  # words
MAX_GAP = 12  # words between the two copies: an MT loop repeats itself at once
MIN_FRAGMENT = 12  # words in a verbless sentence before it is worth a look

_FINITE = frozenset(
    """is are was were be been am has have had do does did will would can could may might must
    shall should said says say told tells adds added wrote writes called calls made makes went goes
    came comes took takes gave gives got gets saw sees left leaves let lets put puts set sets
    kept keeps held holds found finds thought thinks knew knows became becomes began begins
    brought brings fled flees led leads met meets paid pays sent sends stood stands won wins
    lost loses ran runs fell falls hit hits rose rises seek seeks sought fought fights spoke
    speaks ’s 's""".split()
)


def _repeated_grams(norms: list[str]) -> bool:
    grams = [tuple(norms[i : i + MIN_REPEAT]) for i in range(len(norms) - MIN_REPEAT + 1)]
    return len(set(grams)) < len(grams)


def _repeats(story: Story) -> list[Warning]:
    out: list[Warning] = []
    parallel = counterparts(story)
    for s in story.sentences:
        text = story.article(s.article).text
        norms = word_norms(text, s.start, s.end)
        if not _repeated_grams(norms):
            continue
        toks = tokenize(text, s.start, s.end)
        # When the other versions repeat too, the source probably said it twice: still clumsy.
        echoed = any(
            _repeated_grams(words(story, story.sentence(o))) for o in parallel.get(s.id, [])
        )
        seen: dict[tuple[str, ...], int] = {}
        i = 0
        while i + MIN_REPEAT <= len(norms):
            gram = tuple(norms[i : i + MIN_REPEAT])
            first = seen.get(gram)
            if (
                first is not None
                and first + MIN_REPEAT <= i <= first + MIN_REPEAT + MAX_GAP
                and _worth(gram, toks[i : i + MIN_REPEAT])
            ):
                n = MIN_REPEAT
                while i + n < len(norms) and first + n < i and norms[first + n] == norms[i + n]:
                    n += 1
                phrase = as_written(text, toks[i : i + n])
                note = (
                    "the other versions repeat it too, so the source may have"
                    if echoed
                    else "a clause may have been translated twice"
                )
                out.append(
                    warn(
                        s.article,
                        toks[i].start,
                        toks[i + n - 1].end,
                        "other",
                        f"“{phrase}” appears twice in this sentence: {note}",
                        "repeated-phrase",
                        suggestion="drop the repetition",
                        severity="info" if echoed else "warning",
                    )
                )
                i += n
                continue
            seen.setdefault(gram, i)
            i += 1
    return out


def _worth(gram: tuple[str, ...], toks: list[Token]) -> bool:
    """Three content words, not all of them a name (a name may well be repeated)."""
    content = [t for w, t in zip(gram, toks, strict=True) if w not in STOPWORDS]
    return len(content) >= 3 and not all(t.text[:1].isupper() for t in content)


_SUBJECTS = frozenset("i we you he she it they who which that there".split())
_CONTRACTIONS = ("'s", "'m", "'re", "'ve", "'ll", "'d", "n't")


def _doubled_words(story: Story) -> list[Warning]:
    """A content word twice in a row with only a space between ("implant implant"); function
    words ("had had", "that that") and names ("Walla Walla") may double on purpose."""
    out: list[Warning] = []
    for s in story.sentences:
        text = story.article(s.article).text
        ns = word_norms(text, s.start, s.end)
        # Only where one word follows itself are the tokens looked at: rarely.
        for k in [k for k in range(len(ns) - 1) if ns[k] == ns[k + 1]]:
            a, b = tokenize(text, s.start, s.end)[k : k + 2]
            if (
                a.norm not in STOPWORDS
                and a.norm.isalpha()
                and a.text[:1].islower()
                and text[a.end : b.start] == " "
            ):
                out.append(
                    warn(
                        s.article,
                        a.start,
                        b.end,
                        "other",
                        f"“{a.text}” is written twice in a row: a slip, or a word translated twice",
                        "doubled-word",
                        suggestion=a.text,
                    )
                )
    return out


def _has_finite_verb(toks: list[Token]) -> bool:
    for k, t in enumerate(toks):
        w = t.norm
        if w in _FINITE or w.endswith("ed") or w.endswith(_CONTRACTIONS):
            return True
        if w in _SUBJECTS and k + 1 < len(toks) and toks[k + 1].text.islower():
            return True  # "they decide": a pronoun subject is followed by its verb
        if w.endswith("s") and not w.endswith("ss") and t.text[:1].islower() and len(w) > 3:
            return True  # a third-person verb or a plural noun: cannot tell, so assume a verb
    return False


def _fragments(story: Story) -> list[Warning]:
    out: list[Warning] = []
    for s in story.sentences:
        text = story.article(s.article).text
        body = text[s.start : s.end].rstrip()
        if not body.endswith(".") or body[:1] in "“\"‘'" or not body[:1].isupper():
            continue  # headlines, captions and quotes are allowed to lack a verb
        toks = tokenize(text, s.start, s.end)
        if len(toks) < MIN_FRAGMENT or _has_finite_verb(toks):
            continue
        out.append(
            warn(
                s.article,
                toks[0].start,
                toks[min(3, len(toks) - 1)].end,
                "other",
                "This sentence has no verb: the translation may have dropped or garbled it",
                "no-finite-verb",
                severity="info",
            )
        )
    return out


def check_syntax(story: Story) -> list[Warning]:
    return _repeats(story) + _doubled_words(story) + _fragments(story)
