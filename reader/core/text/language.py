"""Which language an article is written in, from its script and its commonest words.

The artifact checks read English (lexicons of calques and offices, English casing, an English
clause needs a verb); on a German or Chinese article they would only raise false alarms. A
script count and the share of each language's function words tell the languages of news apart
on any article of a few sentences, without a model; a text too short or too mixed to tell is
"und" (undetermined), and is treated as before.
"""

from __future__ import annotations

import re
from collections import Counter

UNDETERMINED = "und"
_SCRIPTS = (  # (language, pattern of its letters): a script one language owns among news
    ("ja", re.compile("[\u3040-\u30ff]")),  # kana: Japanese, even beside kanji
    ("zh", re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("el", re.compile("[\u0370-\u03ff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
)
_FUNCTION_WORDS = {
    "en": "the and of to in is that for on was with as by it he said at from have has are were",
    "de": "der die und das ist nicht mit den von zu sich des auf für im dem ein eine wurde auch",
    "fr": "le la les et des est une pour dans que qui sur du pas au avec il elle ont été aux",
    "es": "el la los las y del que en por con una para es se al como más fue han",
    "it": "il di che la per non una sono del della con gli le è nel alla anche",
    "pt": "o os da do que em para com uma não dos das ao foi pelo pela",
    "nl": "de het een van en is dat op te niet met zijn voor werd ook",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# word -> the languages it is a function word of, in the order of _FUNCTION_WORDS (the order
# in which hits are counted decides ties)
_LANGUAGES_OF = {
    word: tuple(lang for lang, words in _WORDS.items() if word in words)
    for word in set().union(*_WORDS.values())
}
_ANY_SCRIPT = re.compile("|".join(pattern.pattern for _, pattern in _SCRIPTS))
_LATIN_WORD = re.compile(r"[a-zà-ÿ]+")
_MIN_LETTERS = 20
_MIN_HITS = 5


def detect_language(text: str) -> str:
    """An ISO 639-1 code ("en", "de", "zh", ...) or "und" when the text does not say."""
    sample = text[:20_000]
    letters = sum(map(str.isalpha, sample))
    if letters < _MIN_LETTERS:
        return UNDETERMINED
    # One scan for every script's letters: most texts have too few to count each one.
    if len(_ANY_SCRIPT.findall(sample)) * 3 >= letters:
        for lang, pattern in _SCRIPTS:
            if len(pattern.findall(sample)) * 3 >= letters:  # a third of the letters: its script
                return lang
    hits: Counter[str] = Counter()
    for word in _LATIN_WORD.findall(sample.lower()):
        for lang in _LANGUAGES_OF.get(word, ()):
            hits[lang] += 1
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < _MIN_HITS:
        return UNDETERMINED
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return best if count >= 1.5 * runner_up else UNDETERMINED
