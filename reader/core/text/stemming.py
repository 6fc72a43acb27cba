"""One English stemmer for the engine: claims, figures' counted things and wording checks.

Light on purpose: it joins inflections of one word ("fighters" / "fighter", "entered" /
"enters") and British and American spellings ("centre" / "center"), and keeps apart words that
only look alike ("news" / "new"). Stems are comparison keys, never shown.
"""

from __future__ import annotations

from functools import lru_cache

from reader.core.text.spelling import american

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed")

# Words whose final s is no plural: "news" is not "new".
_NOT_PLURAL = frozenset({"news", "series", "species"})


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light stem of a normalised word (`normalize_word`): enough to match 'fighters' /
    'fighter', 'entered' / 'enters'."""
    w = word.replace("'", "")
    w = american(w)  # "centre" and "center" are one term
    if w in _NOT_PLURAL:
        return w
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w
